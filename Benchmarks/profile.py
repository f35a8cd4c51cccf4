#!/usr/bin/env python3
"""Where does a thidua build spend its time? One build of a generated site under `perf`, and
the top symbols by self time as a small Markdown table (for a closing note).

    python3 Benchmarks/profile.py [--size 10000] [--top 15] [--binary PATH] [--no-call-graph]
    make profile PROFILE_ARGS="--size 1000"

Builds thidua with debug information (`swift build -c release -Xswiftc -g --product thidua
--build-path .build-profile`, in the repository this script belongs to, beside and not in
.build/release), installs Debian's `linux-perf` when `perf` is missing, generates the site
into .build/bench/<size>/ as bench.py does, records one `thidua build` into a fresh folder
on tmpfs with `perf record -g`, and prints `perf report --no-children --sort dso,symbol`
sorted by self time, Swift names demangled by `swift demangle --simplified`. The recording is
kept in .build/bench/profile/perf-<size>.data for `perf report -i` (callers: drop
--no-children). Python 3 standard library only.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness.base import BENCH_ROOT, NOW, REPO, install_missing, log, remove  # noqa: E402
from harness.sites import ensure_site, first_line, warm_page_cache  # noqa: E402

BUILD_PATH = REPO / ".build-profile"
SCRATCH = Path("/dev/shm") / "thidua-profile"
# "  3.74%   147  libswiftCore.so   [.] swift_retain   -   -": perf 6.1 adds the IPC columns
# (a dash each where the hardware has no counters) whatever -F asks for.
ROW = re.compile(r"^\s*([\d.]+)%\s+(\d+)\s+(\S+)\s+\[(.)\]\s+(.*?)(?:\s+-\s+-)?\s*$")
SYMBOL_WIDTH = 110  # demangled generic specialisations run to hundreds of characters


def build_binary() -> Path:
    """A release build with debug information, in its own build folder, so that it neither
    replaces nor invalidates .build/release."""
    command = ["swift", "build", "-c", "release", "-Xswiftc", "-g", "--product", "thidua",
               "--build-path", str(BUILD_PATH)]
    log("Building: " + " ".join(command))
    subprocess.run(command, cwd=REPO, check=True)
    return BUILD_PATH / "release" / "thidua"


def ensure_perf() -> str:
    install_missing({"perf": "linux-perf"})
    # Debian's /usr/bin/perf is a wrapper that fails when no perf matches the running kernel.
    proc = subprocess.run(["perf", "--version"], capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"profile.py: perf does not run here:\n{proc.stdout}{proc.stderr}")
    return proc.stdout.strip()


def record(binary: Path, site: Path, data: Path, call_graph: bool) -> tuple[float, str]:
    """One build under perf record; returns the wall time (perf's own start-up included) and
    thidua's summary line."""
    out = SCRATCH / "out"
    remove(out)
    command = ["perf", "record", *(["-g"] if call_graph else []), "-o", str(data), "--",
               str(binary), "build", "--source", str(site), "--out", str(out), "--now", NOW]
    log("Recording: " + " ".join(command))
    started = time.perf_counter()
    proc = subprocess.run(command, capture_output=True, text=True)
    wall = time.perf_counter() - started
    remove(out)
    if proc.returncode != 0:
        sys.exit(f"profile.py: the profiled build failed (exit {proc.returncode}):\n"
                 f"{proc.stdout}{proc.stderr}")
    built = [line for line in (proc.stdout + proc.stderr).splitlines() if line.startswith("Built ")]
    return wall, built[-1] if built else ""


def report_rows(data: Path) -> tuple[list[tuple[int, str, str]], str]:
    """(samples, shared object, symbol) of every row, and the event name."""
    proc = subprocess.run(["perf", "report", "-i", str(data), "--no-children", "--sort", "dso,symbol",
                           "--stdio", "-g", "none", "-F", "overhead,sample,dso,sym"],
                          capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"profile.py: perf report failed:\n{proc.stderr}")
    event = re.search(r"of event '([^']+)'", proc.stdout)
    rows = []
    for line in proc.stdout.splitlines():
        match = ROW.match(line)
        if match and not line.startswith("#"):
            rows.append((int(match.group(2)), match.group(3), match.group(5)))
    rows.sort(key=lambda row: -row[0])
    return rows, event.group(1) if event else "?"


def demangle(symbols: list[str]) -> list[str]:
    """Swift names readable; other names pass through unchanged."""
    tool = (["swift-demangle"] if shutil.which("swift-demangle") else
            ["swift", "demangle"] if shutil.which("swift") else None)
    if tool is None or not symbols:
        return symbols
    proc = subprocess.run(tool + ["--simplified", "--compact"], input="\n".join(symbols) + "\n",
                          capture_output=True, text=True)
    names = proc.stdout.splitlines()
    return names if proc.returncode == 0 and len(names) == len(symbols) else symbols


def cell(text: str) -> str:
    text = text if len(text) <= SYMBOL_WIDTH else text[:SYMBOL_WIDTH - 1] + "…"
    return text.replace("|", "\\|")


def object_name(dso: str) -> str:
    return "kernel" if dso.startswith("[kernel") else dso


def table(rows: list[tuple[int, str, str]], top: int) -> list[str]:
    total = sum(row[0] for row in rows) or 1
    chosen = rows[:top]
    names = demangle([row[2] for row in chosen])
    lines = ["| # | self % | samples | object | symbol |", "|--:|--:|--:|---|---|"]
    for number, ((samples, dso, _), name) in enumerate(zip(chosen, names), start=1):
        lines.append(f"| {number} | {100 * samples / total:.1f} | {samples} | "
                     f"{cell(object_name(dso))} | {cell(name)} |")
    lines.append(f"| | {100 * sum(r[0] for r in chosen) / total:.1f} | "
                 f"{sum(r[0] for r in chosen)} | | the {len(chosen)} above together |")
    return lines


def by_object(rows: list[tuple[int, str, str]], top: int = 6) -> list[str]:
    """Self time per shared object: how much is thidua's own code, the Swift runtime, libc,
    the kernel (writing files)."""
    total = sum(row[0] for row in rows) or 1
    counts = Counter()
    for samples, dso, _ in rows:
        counts[object_name(dso)] += samples
    lines = ["| object | self % |", "|---|--:|"]
    for dso, samples in counts.most_common(top):
        lines.append(f"| {cell(dso)} | {100 * samples / total:.1f} |")
    rest = total - sum(samples for _, samples in counts.most_common(top))
    if rest > 0:
        lines.append(f"| others | {100 * rest / total:.1f} |")
    return lines


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=10_000,
                        help="stories of the generated site (default: 10000)")
    parser.add_argument("--top", type=int, default=15, help="symbols in the table (default: 15)")
    parser.add_argument("--binary", type=Path,
                        help="profile this thidua instead of building .build-profile/release/thidua")
    parser.add_argument("--no-call-graph", action="store_true",
                        help="record without -g (smaller file; the self times are the same)")
    args = parser.parse_args(argv)
    perf_version = ensure_perf()
    binary = args.binary.resolve() if args.binary else build_binary()
    if not binary.exists():
        sys.exit(f"profile.py: no thidua binary at {binary}")
    site, _origin = ensure_site(args.size)
    warm_page_cache(site)
    SCRATCH.mkdir(parents=True, exist_ok=True)
    data = SCRATCH / f"perf-{args.size}.data"
    wall, built = record(binary, site, data, not args.no_call_graph)
    rows, event = report_rows(data)
    kept = BENCH_ROOT / "profile" / data.name
    kept.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(data), kept)
    remove(SCRATCH)
    commit = first_line(["git", "-C", str(binary.parent), "describe", "--always", "--dirty"])
    print(f"Profile of one `thidua build` of the generated {args.size}-story site into tmpfs: "
          f"thidua {commit} ({binary}), {perf_version}, event {event}, "
          f"{sum(r[0] for r in rows)} samples, {wall:.2f} s wall under perf "
          f"({time.strftime('%Y-%m-%d %H:%M')}).  ")
    if built:
        print(f"thidua: {built}")
    print(f"\nTop {args.top} symbols by self time (`perf report --no-children --sort dso,symbol`):\n")
    print("\n".join(table(rows, args.top)))
    print("\nSelf time by object:\n")
    print("\n".join(by_object(rows)))
    print(f"\nRecording kept: perf report -i {kept}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
