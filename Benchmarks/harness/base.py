"""Paths, logging, the Debian tools, the measured binary and what /usr/bin/time reports."""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent   # Benchmarks/
REPO = HERE.parent
BENCH_ROOT = REPO / ".build" / "bench"
# Every output of a measured run goes to tmpfs: no tool waits for a disk, and deleting an
# output costs nothing later (on this machine's journal-less ext4 it slowed the next runs).
SCRATCH = Path("/dev/shm") / "thidua-bench"
DEFAULT_BINARY = REPO / ".build" / "release" / "thidua"
GNU_TIME = Path("/usr/bin/time")
NOW = "2024-12-31"  # after every generated date: the whole site is published


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def median(values: list[float]) -> float:
    return statistics.median(values)


def fmt_seconds(s: float) -> str:
    return f"{s:.3f}" if s < 1 else f"{s:.2f}"


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


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


def parse_time_report(text: str) -> tuple[float, float]:
    """(user + system seconds, peak RSS in MiB) from a `/usr/bin/time -v` report."""
    def number(label: str) -> float:
        m = re.search(re.escape(label) + r":\s*([\d.]+)", text)
        if not m:
            raise ValueError(f"no '{label}' in the report of /usr/bin/time:\n{text}")
        return float(m.group(1))
    cpu = number("User time (seconds)") + number("System time (seconds)")
    return cpu, number("Maximum resident set size (kbytes)") / 1024


def remove(folder: Path | None) -> None:
    if folder is not None and folder.exists():
        shutil.rmtree(folder)
