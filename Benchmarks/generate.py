#!/usr/bin/env python3
"""Generate a large synthetic campaign site for benchmarking thidua against Hugo and cmark.

Usage: generate.py N OUTDIR

Writes, deterministically (fixed seeds, no clock, no network):

  OUTDIR/content/   a thidua site: site.yml, timeline.yml and movements.yml copied from the
                    sample campaign (with `paginate: 10`), N stories, about N/10 people and
                    N/100 milestones, all in thidua's front-matter format;
  OUTDIR/hugo/      the same stories, people and milestones as a Hugo 0.111 site, with a
                    small theme in layouts/ that does about the same work as thidua's default
                    theme (one page per item, paginated lists, taxonomy term pages);
  OUTDIR/all.md     every story body concatenated, the input of the bare `cmark` baseline;
  OUTDIR/.generated the stamp (generator version and inputs) that bench.py uses to skip
                    regenerating an unchanged site. It is written last, so a site without it
                    is incomplete.

Story i is the same for every N except for its links to other stories, which point inside
the N generated. The generator itself is the package gen/ beside this file, one module per
kind of thing it writes; this file is its command line and the names other scripts import.
Only the Python 3 standard library is used.
"""

from __future__ import annotations

import hashlib
import shutil
import sys
import time
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, str(Path(__file__).resolve().parent))

# The names other scripts (bench.py, images.py) use, from the modules that define them.
from gen.common import DATA_FILES, SAMPLE, SEED, Item, slugify, write_item, yaml_list, yaml_str  # noqa: E402
from gen.hugo_site import write_hugo  # noqa: E402
from gen.milestones import make_milestones  # noqa: E402
from gen.people import make_people  # noqa: E402
from gen.sample import read_movements, read_phases, site_title, site_yml  # noqa: E402
from gen.stories import make_stories  # noqa: E402
from gen.thidua_site import write_thidua  # noqa: E402

__all__ = ["DATA_FILES", "GENERATOR_VERSION", "Item", "SAMPLE", "SEED", "STAMP", "generate",
           "make_milestones", "make_people", "make_stories", "read_movements", "read_phases",
           "site_title", "site_yml", "slugify", "source_files", "stamp_for", "write_item",
           "yaml_list", "yaml_str"]

# Bump when the generated content changes shape; the stamp also hashes the generator's source,
# so any edit regenerates cached sites anyway.
GENERATOR_VERSION = 1
STAMP = ".generated"


def source_files() -> list[Path]:
    """This file and every module of gen/, in a fixed order: what the stamps hash."""
    here = Path(__file__).resolve()
    return [here] + sorted((here.parent / "gen").glob("*.py"))


def stamp_for(n: int) -> str:
    """What a generated site depends on: generator version and source, N, the sample data."""
    digest = hashlib.sha256()
    for path in source_files():
        digest.update(path.read_bytes())
    for name in DATA_FILES:
        digest.update((SAMPLE / name).read_bytes())
    return f"generator {GENERATOR_VERSION} {digest.hexdigest()[:16]} stories {n}\n"


def generate(n: int, outdir: Path) -> dict:
    """Write the whole site; returns counts for the caller."""
    started = time.perf_counter()
    movements = read_movements(SAMPLE / "movements.yml")
    phases = read_phases(SAMPLE / "timeline.yml")
    stories = make_stories(n, movements, phases)
    people = make_people(max(1, n // 10), movements)
    milestones = make_milestones(max(1, n // 100), phases)

    outdir.mkdir(parents=True, exist_ok=True)
    for old in (STAMP, "content", "hugo", "all.md"):
        path = outdir / old
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()
    write_thidua(outdir / "content", stories, people, milestones)
    write_hugo(outdir / "hugo", site_title(SAMPLE / "site.yml"), stories, people, milestones)
    with open(outdir / "all.md", "w", encoding="utf-8") as all_md:
        for item in stories:
            all_md.write(item.body)
            all_md.write("\n")
    (outdir / STAMP).write_text(stamp_for(n), encoding="utf-8")
    return {"stories": len(stories), "people": len(people), "milestones": len(milestones),
            "markdown_bytes": sum(len(s.body.encode()) for s in stories),
            "seconds": time.perf_counter() - started}


def main(argv: list[str]) -> int:
    if len(argv) != 3 or not argv[1].isdigit() or int(argv[1]) < 1:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    n, outdir = int(argv[1]), Path(argv[2])
    info = generate(n, outdir)
    print(f"generated {info['stories']} stories, {info['people']} people, {info['milestones']} "
          f"milestones ({info['markdown_bytes'] / 1e6:.1f} MB of story Markdown) into {outdir} "
          f"in {info['seconds']:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
