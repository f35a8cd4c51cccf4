"""What the generated sites take from the sample campaign in content/: its movements, phases,
title and site.yml (read with regexes: the standard library has no YAML parser)."""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

from .common import SAMPLE


def read_movements(path: Path) -> list[tuple[str, str]]:
    """(id, title) of each movement in movements.yml, read with a regex (no YAML library in
    the standard library; the file is a flat list of `- id:` / `title:` entries)."""
    movements, current = [], None
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^-\s+id:\s*(.+?)\s*$", line)
        if m:
            current = m.group(1).strip("'\"")
            continue
        m = re.match(r"^\s+title:\s*(.+?)\s*$", line)
        if m and current:
            title = m.group(1)
            if title[:1] in "'\"":
                title = title[1:-1].replace("''", "'") if title[0] == "'" else title[1:-1].replace('\\"', '"')
            movements.append((current, title))
            current = None
    if not movements:
        sys.exit(f"generate.py: no movements found in {path}")
    return movements


def read_phases(path: Path) -> list[tuple[str, dt.date, dt.date]]:
    """(id, start, end) of each phase in timeline.yml (for Hugo's `phases` taxonomy; thidua
    derives the phase from the date itself)."""
    text = path.read_text(encoding="utf-8")
    block = text.split("\nphases:", 1)[1].split("\nevents:", 1)[0]
    phases = []
    for chunk in re.split(r"\n\s*-\s+", block)[1:]:
        ident = re.search(r"id:\s*(\S+)", chunk)
        start = re.search(r"start:\s*(\d{4}-\d{2}-\d{2})", chunk)
        end = re.search(r"end:\s*(\d{4}-\d{2}-\d{2})", chunk)
        if ident and start and end:
            phases.append((ident.group(1).strip("'\""), dt.date.fromisoformat(start.group(1)),
                           dt.date.fromisoformat(end.group(1))))
    return phases


def site_title(path: Path) -> str:
    m = re.search(r'^title:\s*"?(.*?)"?\s*$', path.read_text(encoding="utf-8"), re.M)
    return m.group(1) if m else "Thi đua"


def site_yml() -> str:
    """The sample's site.yml with `paginate: 10`, without its pictures (`image:`, the default
    sharing picture, `logo:` and the `images:` settings): the generated sites have no media
    folder, and the photo benchmark adds settings of its own."""
    kept: list[str] = []
    comments: list[str] = []  # comment lines waiting for the key they describe
    dropping = False
    for line in (SAMPLE / "site.yml").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            comments.append(line)
            continue
        top_key = re.match(r"^([A-Za-z_][\w-]*):", line)
        if top_key:
            dropping = top_key.group(1) in ("image", "logo", "images")
            if top_key.group(1) == "paginate":
                line = "paginate: 10"
        elif not line.strip():
            dropping = False
        if not dropping:
            kept += comments + [line]
        comments = []
    kept += comments
    if not any(line.startswith("paginate:") for line in kept):
        kept.append("paginate: 10")
    return "\n".join(kept) + "\n"
