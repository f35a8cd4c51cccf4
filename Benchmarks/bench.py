#!/usr/bin/env python3
"""Benchmark a full thidua build against its floor (cmark + cp -r) and Hugo on generated sites.

    python3 Benchmarks/bench.py [--sizes 1000,10000] [--runs 3] [--thidua-only]
                                [--bare-theme] [--verbose-stages] [--binary PATH]

For each size: generate the site into .build/bench/<size>/ (skipped when the same generator
already wrote it), then run in alternating rounds, every output on tmpfs (/dev/shm), each run
under `/usr/bin/time -v`: thidua's fresh build, thidua again into the same folder with nothing
changed, `cp -r` of thidua's output, Hugo, cmark over all the story Markdown. Report medians
and the goals of issue 13: thidua/floor (floor = cmark + cp -r), Hugo/thidua, CPU time, peak
memory, the unchanged-rebuild ratio. The tables go to stdout and to
.build/bench/results-<size>.md; progress goes to stderr. See Benchmarks/README.md. Python 3
standard library only; the measuring code is the package harness/ beside this file.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, str(Path(__file__).resolve().parent))

# images.py uses these through `bench.`: keep them importable from here.
from harness.base import (BENCH_ROOT, DEFAULT_BINARY, GNU_TIME, NOW, SCRATCH,  # noqa: E402,F401
                          ensure_binary, fmt_seconds, install_missing, load_average, log, median,
                          parse_time_report, snapshot_binary)
from harness.measure import make_tools, measure, verbose_stages  # noqa: E402
from harness.report import goals, report  # noqa: E402
from harness.sites import (SOURCE_BYTES_PER_STORY, check_memory, check_scratch,  # noqa: E402
                           ensure_site, tool_versions, warm_page_cache)


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Benchmark thidua against its floor (cmark + cp -r) and Hugo on generated sites.")
    parser.add_argument("--sizes", default="1000,10000",
                        help="comma-separated story counts (default: 1000,10000)")
    parser.add_argument("--runs", type=int, default=3,
                        help="measured rounds per size; medians are reported (default: 3; "
                             "0 with --verbose-stages only prints the stages)")
    parser.add_argument("--thidua-only", action="store_true",
                        help="leave Hugo out: thidua, its unchanged rebuild and the floor "
                             "(quick loops while profiling; 100,000 stories without Hugo's 17 GB)")
    parser.add_argument("--bare-theme", action="store_true",
                        help="also build the same content with page templates reduced to the "
                             "title, to tell what the templates cost")
    parser.add_argument("--verbose-stages", action="store_true",
                        help="also run one thidua build with --verbose and print its stage times")
    parser.add_argument("--binary", type=Path, default=DEFAULT_BINARY,
                        help="the thidua binary (default: .build/release/thidua)")
    args = parser.parse_args(argv)
    try:
        args.sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        parser.error(f"--sizes takes numbers separated by commas, not '{args.sizes}'")
    if not args.sizes or min(args.sizes) < 1:
        parser.error("--sizes needs at least one positive story count")
    if args.runs < 0 or (args.runs == 0 and not args.verbose_stages):
        parser.error("--runs must be at least 1 (0 only with --verbose-stages)")
    return args


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    binary = args.binary.resolve()
    # The order of a round: the rebuild and cp -r read the fresh build's output.
    names = ["thidua", "thidua-rebuild", "cp"]
    if args.bare_theme:
        names.append("thidua-bare")
    if not args.thidua_only:
        names.append("hugo")
    names.append("cmark")
    install_missing({tool: tool for tool in ["time"] + [n for n in names if n in ("hugo", "cmark")]})
    ensure_binary(binary)
    versions = tool_versions(binary)
    binary = snapshot_binary(binary)
    suffix = ("-thidua-only" if args.thidua_only else "") + ("-bare" if args.bare_theme else "")
    summaries: dict[int, dict] = {}
    for size in args.sizes:
        if size >= 50_000:
            log(f"Note: {size} stories take a while (the generator writes "
                f"~{size * SOURCE_BYTES_PER_STORY / 1e9:.1f} GB once; each full build takes "
                f"minutes). Progress follows per run.")
        check_memory(size, names)
        site, origin = ensure_site(size)
        check_scratch(size)
        scratch = SCRATCH / str(size)
        tools = make_tools(site, binary, names)
        if args.runs:
            log(f"Measuring {size} stories: {args.runs} rounds of {', '.join(names)}")
            warm_page_cache(site)
            loads = measure(tools, args.runs, scratch)
            table, summaries[size] = report(size, site, origin, tools, args.runs, versions, loads)
            print(table, flush=True)
            # A thidua-only table must not replace the last full comparison.
            results = BENCH_ROOT / f"results-{size}{suffix}.md"
            results.write_text(table, encoding="utf-8")
            log(f"Written to {results}")
        if args.verbose_stages:
            print(f"thidua stages, {size} stories (one build, --verbose):\n```\n"
                  f"{verbose_stages(binary, site, scratch)}\n```\n", flush=True)
    summary = goals(summaries)
    if summary:
        print(summary, flush=True)
        (BENCH_ROOT / f"results-goals{suffix}.md").write_text(summary, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
