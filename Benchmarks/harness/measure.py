"""One run under /usr/bin/time, the tools of a round and the rounds themselves.

A round runs, in this order: thidua's fresh build, thidua again into the same folder with
nothing changed, `cp -r` of that output, [the bare-theme build], Hugo, cmark. Every run writes
to tmpfs; each output is deleted as soon as no later run of the round reads it, so that at
most two outputs occupy memory at once (Hugo needs the rest at 100,000 stories)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from .base import GNU_TIME, NOW, load_average, log, parse_time_report, remove
from .sites import ensure_bare_site


@dataclass
class Run:
    wall: float       # seconds, from a monotonic clock around the process
    cpu: float        # user + system seconds (more than wall when the tool runs in parallel)
    rss_mib: float    # peak resident set size
    pages: int | None


@dataclass
class Tool:
    name: str
    command: list[str]   # "{out}", "{scratch}" and "{source}" are replaced per round
    output: str | None = None     # folder name of its output under the size's scratch folder
    scratch: str | None = None    # folder name of a cache (Hugo), fresh per round
    source: str | None = None     # the tool whose output of the same round it reads
    fresh: bool = True            # False: runs into the output `source` left (unchanged rebuild)
    runs: list[Run] = field(default_factory=list)


def count_pages(folder: Path) -> int:
    """HTML files written, without Hugo's `…/page/1/` stubs (redirects to the list itself)."""
    count = 0
    for root, _dirs, files in os.walk(folder):
        if root.endswith(os.sep + os.path.join("page", "1")):
            continue
        count += sum(1 for f in files if f.endswith(".html"))
    return count


def make_tools(site: Path, binary: Path, names: list[str]) -> list[Tool]:
    bare = ensure_bare_site(site) if "thidua-bare" in names else site
    hugo_flags = []
    if "hugo" in names:
        help_text = subprocess.run(["hugo", "--help"], capture_output=True, text=True).stdout
        if "--noBuildLock" in help_text:
            hugo_flags.append("--noBuildLock")
    build = [str(binary), "build", "--source", str(site), "--out", "{out}", "--now", NOW]
    catalogue = {
        "thidua": Tool("thidua", build, output="thidua"),
        "thidua-rebuild": Tool("thidua-rebuild", build, output="thidua", source="thidua",
                               fresh=False),
        "cp": Tool("cp", ["cp", "-r", "{source}", "{out}"], output="cp", source="thidua"),
        "thidua-bare": Tool("thidua-bare", [str(binary), "build", "--source", str(bare),
                                            "--out", "{out}", "--now", NOW],
                            output="thidua-bare"),
        "hugo": Tool("hugo", ["hugo", "--source", str(site / "hugo"), "--destination",
                              "{out}", "--quiet", "--cacheDir", "{scratch}", *hugo_flags],
                     output="hugo", scratch="hugo-cache"),
        "cmark": Tool("cmark", ["cmark", str(site / "all.md")]),
    }
    return [catalogue[name] for name in names]


def folders(tool: Tool, scratch: Path, round_no: int) -> tuple[Path | None, Path | None]:
    """(output, cache) of a tool in a round: names carry the round, so no run writes into a
    folder another run made (except the unchanged rebuild, on purpose)."""
    output = scratch / f"{tool.output}-{round_no}" if tool.output else None
    cache = scratch / f"{tool.scratch}-{round_no}" if tool.scratch else None
    return output, cache


def run_once(tool: Tool, scratch: Path, round_no: int, source: Path | None = None) -> Run:
    """One run under /usr/bin/time -v; then count the HTML pages of a fresh build. `source`
    is the output of the run this one reads (`cp -r`)."""
    output, cache = folders(tool, scratch, round_no)
    if tool.fresh:
        remove(output)
        remove(cache)
    if cache is not None:
        cache.mkdir(parents=True)
    command = [arg.replace("{out}", str(output)).replace("{scratch}", str(cache))
               .replace("{source}", str(source)) for arg in tool.command]
    # Flush what anything left in the page cache to be written, so that no run pays for the
    # write-back of another (the sources and other jobs are on disk; the outputs are not).
    os.sync()
    report = scratch / f"time-{tool.name}.txt"
    started = time.perf_counter()
    proc = subprocess.run([str(GNU_TIME), "-v", "-o", str(report), *command],
                          stdout=subprocess.DEVNULL if tool.name == "cmark" else subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True, encoding="utf-8", errors="replace")
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        log(f"\n{tool.name} failed (exit {proc.returncode}): {' '.join(command)}")
        log("\n".join((proc.stderr or "").splitlines()[:60]))
        sys.exit(1)
    cpu, rss = parse_time_report(report.read_text())
    counted = output is not None and tool.fresh and tool.name != "cp"
    return Run(wall=wall, cpu=cpu, rss_mib=rss, pages=count_pages(output) if counted else None)


def measure(tools: list[Tool], runs: int, scratch: Path) -> tuple[str, str]:
    """`runs` rounds; each round runs every tool once, in the same order. Returns the
    1/5/15-minute load averages before and after (other work on the machine shows there)."""
    outputs = {tool.name: tool.output for tool in tools}
    remove(scratch)
    scratch.mkdir(parents=True)
    load_before = load_average()
    started = time.perf_counter()
    for round_no in range(1, runs + 1):
        for index, tool in enumerate(tools):
            source = scratch / f"{outputs[tool.source]}-{round_no}" if tool.source else None
            run = run_once(tool, scratch, round_no, source)
            tool.runs.append(run)
            pages = f", {run.pages} pages" if run.pages is not None else ""
            log(f"  round {round_no}/{runs} {tool.name:14} {run.wall:8.2f} s wall, "
                f"{run.cpu:7.2f} s CPU, {run.rss_mib:7.1f} MiB{pages}")
            # Free the memory of what no later run of the round reads or runs into.
            later = tools[index + 1:]
            needed = {outputs[t.source] for t in later if t.source}
            needed |= {t.output for t in later if not t.fresh}
            for done in tools[:index + 1]:
                if done.output not in needed:
                    for folder in folders(done, scratch, round_no):
                        remove(folder)
        if round_no == 1 and runs > 1:
            elapsed = time.perf_counter() - started
            log(f"  (one round took {elapsed:.0f} s; about {elapsed * (runs - 1):.0f} s to go)")
    shutil.rmtree(scratch, ignore_errors=True)
    return load_before, load_average()


def verbose_stages(binary: Path, site: Path, scratch: Path) -> str:
    """One more thidua build with --verbose; its per-stage lines."""
    out = scratch / "thidua-verbose"
    remove(out)
    scratch.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run([str(binary), "build", "--source", str(site), "--out", str(out),
                           "--now", NOW, "--verbose"], capture_output=True, text=True)
    shutil.rmtree(out, ignore_errors=True)
    try:
        scratch.rmdir()  # only when empty: measuring may still use it
    except OSError:
        pass
    if proc.returncode != 0:
        log(proc.stderr)
        sys.exit(f"bench.py: the verbose thidua build failed (exit {proc.returncode})")
    return proc.stderr.rstrip("\n")
