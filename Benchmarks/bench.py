#!/usr/bin/env python3
"""Benchmark a full thidua build against Hugo and bare cmark on generated campaign sites.

    python3 Benchmarks/bench.py [--sizes 1000,10000] [--runs 5] [--thidua-only]
                                [--bare-theme] [--verbose-stages] [--binary PATH]

For each size: generate the site into .build/bench/<size>/ (skipped when the same generator
already wrote it), then run the tools in alternating rounds (thidua, hugo, cmark; thidua, hugo,
cmark; …) so that noise on the shared machine hits all of them alike, each under
`/usr/bin/time -v`. Report medians: wall time, pages per second, peak RSS, and the ratios
Hugo/thidua and thidua/cmark. The table goes to stdout and to .build/bench/results-<size>.md;
progress goes to stderr. See Benchmarks/README.md. Python 3 standard library only.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import generate  # noqa: E402  (same folder; used for its stamp and its version)

BENCH_ROOT = REPO / ".build" / "bench"
DEFAULT_BINARY = REPO / ".build" / "release" / "thidua"
GNU_TIME = Path("/usr/bin/time")
NOW = "2024-12-31"  # after every generated date: the whole site is published

# Rough per-story disk use, measured on the 10,000-story site: the sources (thidua, Hugo,
# all.md) take ~12.5 KB a story, ~15 KB with file-system blocks; one output of thidua or Hugo
# ~24 KB a story (pages, term pages, pagination). Outputs are deleted between runs, but
# both may exist at once. With a margin:
SOURCE_BYTES_PER_STORY = 15_000
OUTPUT_BYTES_PER_STORY = 30_000


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------------------------
# Setup: tools and generated sites
# --------------------------------------------------------------------------------------------

def install_missing(packages: dict[str, str]) -> None:
    """Install from Debian the package of each command (command → package) that is missing;
    `time` stands for GNU time, which the shell's own `time` hides."""
    def present(command: str) -> bool:
        return GNU_TIME.exists() if command == "time" else shutil.which(command) is not None
    missing = [package for command, package in packages.items() if not present(command)]
    if not missing:
        return
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    log(f"Installing {' '.join(missing)} from Debian")
    install = sudo + ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing]
    if subprocess.run(install).returncode != 0:
        # A fresh machine may have no package lists yet.
        subprocess.run(sudo + ["apt-get", "update", "-qq"], check=True)
        subprocess.run(install, check=True)


def ensure_packages(tools: list[str]) -> None:
    """`time`, and `hugo` and `cmark` when they are measured."""
    install_missing({tool: tool for tool in ["time"] + [t for t in tools if not t.startswith("thidua")]})


def ensure_binary(binary: Path) -> None:
    """The Makefile's `bench` target builds the release binary first; build it when run alone."""
    if binary.exists():
        return
    if binary != DEFAULT_BINARY:
        sys.exit(f"bench.py: no thidua binary at {binary}")
    log("No release binary: swift build -c release --product thidua")
    subprocess.run(["swift", "build", "-c", "release", "--product", "thidua"], cwd=REPO, check=True)


def snapshot_binary(binary: Path, folder: str = "bin") -> Path:
    """Copy the binary (and the resource bundles beside it: the default theme) under
    .build/bench/<folder>/, so that every round measures the same build even if `swift build`
    replaces .build/release/thidua meanwhile."""
    dest = BENCH_ROOT / folder
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    shutil.copy2(binary, dest / binary.name)
    for bundle in binary.parent.glob("*.resources"):
        shutil.copytree(bundle, dest / bundle.name, symlinks=True)
    return dest / binary.name


def check_disk(size: int, site_ready: bool, runs: int = 1) -> None:
    # Every run keeps its output until the size is measured (see `run_once`).
    need = 2 * max(runs, 1) * OUTPUT_BYTES_PER_STORY * size + (0 if site_ready else SOURCE_BYTES_PER_STORY * size)
    BENCH_ROOT.mkdir(parents=True, exist_ok=True)
    free = shutil.disk_usage(BENCH_ROOT).free
    if free < need * 1.2:
        sys.exit(f"bench.py: {size} stories need about {need / 1e9:.1f} GB free under "
                 f"{BENCH_ROOT}, only {free / 1e9:.1f} GB are")


# Hugo 0.111 held ~160 MiB per 1,000 stories of these sites at its peak (17 GB at 100,000).
HUGO_MIB_PER_STORY = 0.17


def check_memory(size: int, names: list[str]) -> None:
    """Warn when Hugo may not fit in the memory available (it keeps the whole site in memory)."""
    if "hugo" not in names:
        return
    try:
        meminfo = Path("/proc/meminfo").read_text()
        available_mib = int(re.search(r"MemAvailable:\s+(\d+)", meminfo).group(1)) / 1024
    except (OSError, AttributeError):
        return
    need = HUGO_MIB_PER_STORY * size
    if need > 0.7 * available_mib:
        log(f"Warning: Hugo may need ~{need / 1024:.0f} GiB for {size} stories and "
            f"{available_mib / 1024:.0f} GiB are available; if it is killed, use --thidua-only.")


def ensure_site(size: int) -> tuple[Path, str]:
    """Generate .build/bench/<size>/ unless its stamp shows the same generator wrote it.
    Returns the folder and a sentence on how it came to be (for the report)."""
    site = BENCH_ROOT / str(size)
    stamp = site / generate.STAMP
    if stamp.exists() and stamp.read_text(encoding="utf-8") == generate.stamp_for(size):
        log(f"Reusing the generated site in {site}")
        return site, "reused: written earlier by the same generator"
    check_disk(size, site_ready=False)
    log(f"Generating {size} stories into {site}")
    started = time.perf_counter()
    # A separate process, so that generation memory is given back before measuring.
    subprocess.run([sys.executable, str(HERE / "generate.py"), str(size), str(site)], check=True)
    seconds = time.perf_counter() - started
    return site, f"generated in {seconds:.1f} s"


THEME_SOURCE = REPO / "Sources" / "ThiDuaKit" / "DefaultTheme"


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


def tool_versions(binary: Path) -> dict[str, str]:
    def first_line(cmd: list[str]) -> str:
        try:
            out = subprocess.run(cmd, capture_output=True, text=True).stdout.strip()
            return out.splitlines()[0] if out else "?"
        except OSError:
            return "?"

    # The commit checked out when measuring, and when the binary was built (it may be older).
    commit = first_line(["git", "-C", str(REPO), "describe", "--always", "--dirty"])
    built = time.strftime("%H:%M", time.localtime(binary.stat().st_mtime))
    hugo = first_line(["hugo", "version"]) if shutil.which("hugo") else "?"
    hugo_match = re.search(r"v(\d+\.\d+\.\d+)", hugo)
    cmark = first_line(["cmark", "--version"]) if shutil.which("cmark") else "?"
    cmark_match = re.search(r"(\d+\.\d+\.\d+)", cmark)
    return {"thidua": f"thidua {commit} (built {built})",
            "thidua-bare": f"thidua {commit} (built {built})",
            "hugo": f"hugo {hugo_match.group(1) if hugo_match else hugo}",
            "cmark": f"cmark {cmark_match.group(1) if cmark_match else cmark}"}


# --------------------------------------------------------------------------------------------
# Measuring
# --------------------------------------------------------------------------------------------

@dataclass
class Run:
    wall: float       # seconds, from a monotonic clock around the process
    cpu: float        # user + system seconds (more than wall when the tool runs in parallel)
    rss_mib: float    # peak resident set size
    pages: int | None


@dataclass
class Tool:
    name: str
    command: list[str]
    output: Path | None = None     # a fresh folder per run ("{out}" in the command)
    scratch: Path | None = None    # Hugo's cache, a fresh folder per run ("{scratch}")
    runs: list[Run] = field(default_factory=list)


def count_pages(folder: Path) -> int:
    """HTML files written, without Hugo's `…/page/1/` stubs (redirects to the list itself)."""
    count = 0
    for root, _dirs, files in os.walk(folder):
        if root.endswith(os.sep + os.path.join("page", "1")):
            continue
        count += sum(1 for f in files if f.endswith(".html"))
    return count


def parse_time_report(text: str) -> tuple[float, float]:
    """(user + system seconds, peak RSS in MiB) from a `/usr/bin/time -v` report."""
    def number(label: str) -> float:
        m = re.search(re.escape(label) + r":\s*([\d.]+)", text)
        if not m:
            raise ValueError(f"no '{label}' in the report of /usr/bin/time:\n{text}")
        return float(m.group(1))
    cpu = number("User time (seconds)") + number("System time (seconds)")
    return cpu, number("Maximum resident set size (kbytes)") / 1024


def run_once(tool: Tool, work: Path, round_no: int) -> Run:
    """One full run into fresh folders, under /usr/bin/time -v; then count the pages.

    Outputs are not deleted between runs. On ext4 without a journal (these machines), the
    inodes of files deleted in the last minutes are skipped one by one when new files are
    created, so a run that follows the deletion of a 20,000-file output pays for it, more
    with every round: both tools slowed down two-fold over five rounds that way."""
    output = tool.output.with_name(f"{tool.output.name}-{round_no}") if tool.output else None
    scratch = tool.scratch.with_name(f"{tool.scratch.name}-{round_no}") if tool.scratch else None
    for folder in (output, scratch):
        if folder is not None and folder.exists():
            shutil.rmtree(folder)
    if scratch is not None:
        scratch.mkdir(parents=True)
    command = [arg.replace("{out}", str(output)).replace("{scratch}", str(scratch)) for arg in tool.command]
    # Flush what the previous run left in the page cache to be written (neither tool syncs
    # its files), so that no run pays for the write-back of another.
    os.sync()
    report = work / f"time-{tool.name}.txt"
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
    pages = count_pages(output) if output is not None else None
    return Run(wall=wall, cpu=cpu, rss_mib=rss, pages=pages)


def make_tools(site: Path, binary: Path, names: list[str]) -> list[Tool]:
    work = site / "run"
    bare = ensure_bare_site(site) if "thidua-bare" in names else site
    hugo_flags = []
    if "hugo" in names:
        help_text = subprocess.run(["hugo", "--help"], capture_output=True, text=True).stdout
        if "--noBuildLock" in help_text:
            hugo_flags.append("--noBuildLock")
    catalogue = {
        "thidua": Tool("thidua", [str(binary), "build", "--source", str(site), "--out",
                                  "{out}", "--now", NOW],
                       output=work / "out-thidua"),
        "thidua-bare": Tool("thidua-bare", [str(binary), "build", "--source", str(bare), "--out",
                                            "{out}", "--now", NOW],
                            output=work / "out-thidua-bare"),
        "hugo": Tool("hugo", ["hugo", "--source", str(site / "hugo"), "--destination",
                              "{out}", "--quiet", "--cacheDir", "{scratch}", *hugo_flags],
                     output=work / "out-hugo", scratch=work / "hugo-cache"),
        "cmark": Tool("cmark", ["cmark", str(site / "all.md")]),
    }
    return [catalogue[name] for name in names]


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def measure(tools: list[Tool], runs: int, work: Path) -> tuple[str, str]:
    """`runs` rounds; each round runs every tool once, in the same order. Returns the
    1/5/15-minute load averages before and after (other work on the machine shows there)."""
    work.mkdir(parents=True, exist_ok=True)
    load_before = load_average()
    started = time.perf_counter()
    for round_no in range(1, runs + 1):
        for tool in tools:
            run = run_once(tool, work, round_no)
            tool.runs.append(run)
            pages = f", {run.pages} pages" if run.pages is not None else ""
            log(f"  round {round_no}/{runs} {tool.name:6} {run.wall:8.2f} s wall, "
                f"{run.cpu:7.2f} s CPU, {run.rss_mib:7.1f} MiB{pages}")
        if round_no == 1 and runs > 1:
            elapsed = time.perf_counter() - started
            log(f"  (one round took {elapsed:.0f} s; about {elapsed * (runs - 1):.0f} s to go)")
    for tool in tools:  # outputs of the biggest sizes are large: do not leave them behind
        for base in (tool.output, tool.scratch):
            for round_no in range(1, runs + 1):
                folder = base.with_name(f"{base.name}-{round_no}") if base else None
                if folder is not None and folder.exists():
                    shutil.rmtree(folder)
    return load_before, load_average()


def verbose_stages(binary: Path, site: Path) -> str:
    """One more thidua build with --verbose; its per-stage lines."""
    out = site / "run" / "out-thidua-verbose"
    if out.exists():
        shutil.rmtree(out)
    proc = subprocess.run([str(binary), "build", "--source", str(site), "--out", str(out),
                           "--now", NOW, "--verbose"], capture_output=True, text=True)
    shutil.rmtree(out, ignore_errors=True)
    if proc.returncode != 0:
        log(proc.stderr)
        sys.exit(f"bench.py: the verbose thidua build failed (exit {proc.returncode})")
    return proc.stderr.rstrip("\n")


# --------------------------------------------------------------------------------------------
# Reporting
# --------------------------------------------------------------------------------------------

def median(values: list[float]) -> float:
    return statistics.median(values)


def fmt_seconds(s: float) -> str:
    return f"{s:.3f}" if s < 1 else f"{s:.2f}"


def report(size: int, site: Path, origin: str, tools: list[Tool], runs: int,
           versions: dict[str, str], loads: tuple[str, str]) -> str:
    counts = {folder: sum(1 for _ in (site / "content" / folder).glob("*.md"))
              for folder in ("stories", "people", "milestones")}
    markdown_mb = (site / "all.md").stat().st_size / 1e6
    what = {"thidua": "full site build", "thidua-bare": "the same, page templates reduced to the title", "hugo": "full site build (equivalent theme)",
            "cmark": "Markdown → HTML of the story bodies only"}
    lines = [
        f"## {size} stories",
        "",
        f"Site: {counts['stories']} stories, {counts['people']} people, {counts['milestones']} "
        f"milestones; {markdown_mb:.1f} MB of story Markdown ({origin}).  ",
        f"Medians of {runs} run{'s' if runs != 1 else ''}, tools alternated in every round; "
        f"{os.cpu_count()} CPUs, {platform.system()} {platform.machine()}, "
        f"{time.strftime('%Y-%m-%d %H:%M')}; load average {loads[0]} before, {loads[1]} after.",
        "",
        "| tool | does | wall s | HTML pages | pages/s | CPU s | peak RSS MiB |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    medians = {}
    for tool in tools:
        wall = median([r.wall for r in tool.runs])
        medians[tool.name] = wall
        pages = tool.runs[-1].pages
        lines.append(
            f"| {versions[tool.name]} | {what[tool.name]} | {fmt_seconds(wall)} | "
            f"{pages if pages is not None else '–'} | "
            f"{f'{pages / wall:,.0f}' if pages is not None else '–'} | "
            f"{fmt_seconds(median([r.cpu for r in tool.runs]))} | "
            f"{median([r.rss_mib for r in tool.runs]):.1f} |")
    lines.append("")
    if "hugo" in medians and "thidua" in medians:
        ratio = medians["hugo"] / medians["thidua"]
        lines.append(f"- **Hugo/thidua (wall time): {ratio:.2f}×** "
                     f"({'thidua faster' if ratio > 1 else 'Hugo faster'}).")
    if "thidua-bare" in medians and "thidua" in medians:
        share = 1 - medians["thidua-bare"] / medians["thidua"]
        lines.append(f"- **Templates: {share:.0%} of thidua's wall time** (the bare-theme build "
                     f"takes {fmt_seconds(medians['thidua-bare'])} s; Hugo/bare "
                     f"{medians['hugo'] / medians['thidua-bare']:.2f}×)." if "hugo" in medians else
                     f"- **Templates: {share:.0%} of thidua's wall time** (the bare-theme build "
                     f"takes {fmt_seconds(medians['thidua-bare'])} s).")
    if "cmark" in medians and "thidua" in medians:
        lines.append(f"- **thidua/cmark (wall time): {medians['thidua'] / medians['cmark']:.1f}×** "
                     f"(the whole build over bare Markdown rendering of the same story bodies).")
    lines.append("- Every run (wall s): " + "; ".join(
        f"{tool.name} " + " ".join(fmt_seconds(r.wall) for r in tool.runs) for tool in tools) + ".")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------------------------

def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Benchmark thidua against Hugo and cmark on generated sites.")
    parser.add_argument("--sizes", default="1000,10000",
                        help="comma-separated story counts (default: 1000,10000)")
    parser.add_argument("--runs", type=int, default=5,
                        help="measured rounds per size; medians are reported (default: 5; "
                             "0 with --verbose-stages only prints the stages)")
    parser.add_argument("--thidua-only", action="store_true",
                        help="measure thidua alone (quick profiling loops)")
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
    names = ["thidua"] if args.thidua_only else ["thidua", "hugo", "cmark"]
    if args.bare_theme:
        names.insert(1, "thidua-bare")
    ensure_packages(names)
    ensure_binary(binary)
    versions = tool_versions(binary)
    binary = snapshot_binary(binary)
    for size in args.sizes:
        if size >= 50_000:
            log(f"Note: {size} stories take a while (the generator writes ~{size * SOURCE_BYTES_PER_STORY / 1e9:.1f} GB "
                f"once; each full build takes minutes). Progress follows per run.")
        check_memory(size, names)
        site, origin = ensure_site(size)
        check_disk(size, site_ready=True, runs=args.runs)
        tools = make_tools(site, binary, names)
        if args.runs:
            log(f"Measuring {size} stories: {args.runs} rounds of {', '.join(names)}")
            loads = measure(tools, args.runs, site / "run")
            table = report(size, site, origin, tools, args.runs, versions, loads)
            print(table, flush=True)
            # A thidua-only table must not replace the last full comparison.
            suffix = ("-thidua-only" if args.thidua_only else "") + ("-bare" if args.bare_theme else "")
            results = BENCH_ROOT / f"results-{size}{suffix}.md"
            results.write_text(table, encoding="utf-8")
            log(f"Written to {results}")
        if args.verbose_stages:
            print(f"thidua stages, {size} stories (one build, --verbose):\n```\n"
                  f"{verbose_stages(binary, site)}\n```\n", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
