"""What every generator module shares: the seed and the sample campaign's place, thidua's slug
rule, YAML quoting, and the generated item with the one way both sites write it."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import Path

SEED = 20240116  # the date of the campaign plan (Kế hoạch số 03/KH-LĐLĐ, 16/01/2024)

REPO = Path(__file__).resolve().parent.parent.parent
SAMPLE = REPO / "content"
DATA_FILES = ("site.yml", "timeline.yml", "movements.yml")

YEAR_START = dt.date(2024, 1, 1)
DAYS_IN_2024 = 366


def slugify(text: str) -> str:
    """The slug rule of thidua (Sources/ThiDuaKit/Domain/Slug.swift): lower case, diacritics
    dropped, đ → d, every run of other characters one hyphen, no leading/trailing hyphen."""
    folded = "".join(
        "d" if ch == "đ" else ch
        for ch in unicodedata.normalize("NFD", text.lower())
        if unicodedata.category(ch) != "Mn"
    )
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


def unique_by_slug(names: list[str]) -> list[str]:
    """First name of each slug, in order."""
    seen: dict[str, str] = {}
    for name in names:
        seen.setdefault(slugify(name), name)
    return list(seen.values())


def yaml_str(text: str) -> str:
    """A YAML double-quoted scalar (also valid TOML and JSON for what we write)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def yaml_list(items: list[str]) -> str:
    return "[" + ", ".join(yaml_str(i) for i in items) + "]"


def short_slug(title: str, words: int = 12) -> str:
    return "-".join(slugify(title).split("-")[:words])


def take_slug(base: str, used: dict[str, int]) -> str:
    """base, or base-2, base-3 … when base is taken: file names must be unique. `used` maps
    every slug handed out to 1 and remembers, per base, the next suffix to try."""
    k = used.get("\0" + base, 1)
    slug = base if k == 1 else f"{base}-{k}"
    while slug in used:
        k += 1
        slug = f"{base}-{k}"
    used[slug] = 1
    used["\0" + base] = k + 1
    return slug


class Item:
    """One generated story, person or milestone, with what both site formats need."""

    def __init__(self, slug: str, title: str):
        self.slug, self.title = slug, title
        self.fields: list[tuple[str, str]] = []   # thidua front matter, already YAML-encoded
        self.hugo: list[tuple[str, str]] = []     # Hugo front matter, already YAML-encoded
        self.body = ""


def write_item(folder: Path, item: Item, fields: list[tuple[str, str]]) -> None:
    front = "\n".join(f"{key}: {value}" for key, value in fields)
    (folder / f"{item.slug}.md").write_text(f"---\n{front}\n---\n\n{item.body}", encoding="utf-8")
