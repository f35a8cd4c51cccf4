"""The generated sites (made by generate.py, kept under .build/bench/<size>/), the bare-theme
copy, room for them on disk and for the outputs on tmpfs, and the versions of the tools."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import generate  # Benchmarks/ is on sys.path: bench.py puts it there

from .base import BENCH_ROOT, HERE, REPO, SCRATCH, log

# Rough per-story sizes, measured on the 10,000-story site: the sources (thidua, Hugo, all.md)
# take ~12.5 KB a story, ~15 KB with file-system blocks; one output of thidua or Hugo ~16–24 KB
# a story (pages, term pages, pagination). With a margin:
SOURCE_BYTES_PER_STORY = 15_000
OUTPUT_BYTES_PER_STORY = 30_000
# Hugo 0.111 held ~160 MiB per 1,000 stories of these sites at its peak (17 GB at 100,000).
HUGO_MIB_PER_STORY = 0.17

THEME_SOURCE = REPO / "Sources" / "ThiDuaKit" / "DefaultTheme"


def check_disk(size: int) -> None:
    """Room for the generated sources under .build/bench/ (the outputs go to tmpfs)."""
    need = SOURCE_BYTES_PER_STORY * size
    BENCH_ROOT.mkdir(parents=True, exist_ok=True)
    free = shutil.disk_usage(BENCH_ROOT).free
    if free < need * 1.2:
        sys.exit(f"bench.py: {size} stories need about {need / 1e9:.1f} GB free under "
                 f"{BENCH_ROOT}, only {free / 1e9:.1f} GB are")


def check_scratch(size: int) -> None:
    """At most two outputs live on tmpfs at once (thidua's and its `cp -r` copy, or Hugo's and
    its cache): each round deletes what no later run of the round reads."""
    need = 2 * OUTPUT_BYTES_PER_STORY * size
    SCRATCH.mkdir(parents=True, exist_ok=True)
    free = shutil.disk_usage(SCRATCH).free
    if free < need * 1.2:
        sys.exit(f"bench.py: {size} stories need about {need / 1e9:.1f} GB free on the tmpfs "
                 f"{SCRATCH.parent}, only {free / 1e9:.1f} GB are")


def check_memory(size: int, names: list[str]) -> None:
    """Warn when Hugo may not fit in the memory available (it keeps the whole site in memory,
    and files on tmpfs are memory too)."""
    if "hugo" not in names:
        return
    try:
        meminfo = Path("/proc/meminfo").read_text()
        available_mib = int(re.search(r"MemAvailable:\s+(\d+)", meminfo).group(1)) / 1024
    except (OSError, AttributeError):
        return
    need = HUGO_MIB_PER_STORY * size + OUTPUT_BYTES_PER_STORY * size / 2**20
    if need > 0.7 * available_mib:
        log(f"Warning: Hugo and its output on tmpfs may need ~{need / 1024:.0f} GiB for {size} "
            f"stories and {available_mib / 1024:.0f} GiB are available; if it is killed, use "
            f"--thidua-only.")


def ensure_site(size: int) -> tuple[Path, str]:
    """Generate .build/bench/<size>/ unless its stamp shows the same generator wrote it.
    Returns the folder and a sentence on how it came to be (for the report)."""
    site = BENCH_ROOT / str(size)
    stamp = site / generate.STAMP
    if stamp.exists() and stamp.read_text(encoding="utf-8") == generate.stamp_for(size):
        log(f"Reusing the generated site in {site}")
        return site, "reused: written earlier by the same generator"
    check_disk(size)
    log(f"Generating {size} stories into {site}")
    started = time.perf_counter()
    # A separate process, so that generation memory is given back before measuring.
    subprocess.run([sys.executable, str(HERE / "generate.py"), str(size), str(site)], check=True)
    seconds = time.perf_counter() - started
    return site, f"generated in {seconds:.1f} s"


def warm_page_cache(site: Path) -> None:
    """Read every source file once, so that the first run of a size does not pay for reading
    the disk while the others find the files in the page cache."""
    for root, _dirs, files in os.walk(site):
        for name in files:
            with open(os.path.join(root, name), "rb") as f:
                while f.read(1 << 20):
                    pass


def ensure_bare_site(site: Path) -> Path:
    """`<site>/bare/`: the same content with the default theme stripped to the bone.

    Every HTML page template prints the page title only, and cards, fragments and partials
    are a single letter; the feed, calendar, sitemap and robots templates stay whole. A build
    of it does every stage but the template work of the pages, so set beside the full build
    it tells what the templates cost."""
    bare = site / "bare"
    if bare.exists():
        shutil.rmtree(bare)
    bare.mkdir()
    (bare / "content").symlink_to(site / "content")
    theme = bare / "theme"
    shutil.copytree(THEME_SOURCE, theme)
    templates = theme / "templates"
    for template in templates.rglob("*.mustache"):
        relative = template.relative_to(templates)
        if len(relative.parts) > 1:
            template.write_text("x", encoding="utf-8")
        elif not template.name.endswith((".xml.mustache", ".ics.mustache", ".txt.mustache")):
            template.write_text("{{page.title}}\n", encoding="utf-8")
    return bare


def first_line(cmd: list[str]) -> str:
    try:
        out = subprocess.run(cmd, capture_output=True, text=True).stdout.strip()
        return out.splitlines()[0] if out else "?"
    except OSError:
        return "?"


def tool_versions(binary: Path) -> dict[str, str]:
    # The commit of the work tree the binary was built in (a worktree of its own, often), and
    # when it was built: the checkout may have moved on since.
    commit = first_line(["git", "-C", str(binary.parent), "describe", "--always", "--dirty"])
    if commit == "?":
        commit = first_line(["git", "-C", str(REPO), "describe", "--always", "--dirty"])
    built = time.strftime("%H:%M", time.localtime(binary.stat().st_mtime))
    thidua = f"thidua {commit} (built {built})"
    hugo = first_line(["hugo", "version"]) if shutil.which("hugo") else "?"
    hugo_match = re.search(r"v(\d+\.\d+\.\d+)", hugo)
    cmark = first_line(["cmark", "--version"]) if shutil.which("cmark") else "?"
    cmark_match = re.search(r"(\d+\.\d+\.\d+)", cmark)
    cp = first_line(["cp", "--version"])
    cp_match = re.search(r"(\d+(\.\d+)+)", cp)
    return {"thidua": thidua, "thidua-rebuild": thidua, "thidua-bare": thidua,
            "hugo": f"hugo {hugo_match.group(1) if hugo_match else hugo}",
            "cmark": f"cmark {cmark_match.group(1) if cmark_match else cmark}",
            "cp": f"cp -r (coreutils {cp_match.group(1) if cp_match else '?'})"}
