#!/usr/bin/env python3
"""Runs the libFuzzer targets built by `make fuzz` and reports each one's figures.

Each target starts from its committed seeds (Fuzz/Corpus/<target>/) and keeps what it finds
in .build-fuzz/corpus/<target>/, so the tree never changes and a later run goes on from
there. An input that crashes, times out or runs out of memory is saved under
.build-fuzz/crashes/ and the run fails; the input belongs then in a regression test
(Tests/ThiDuaKitTests/FuzzRegressionTests.swift) and, once fixed, among the seeds.
"""
import argparse
import concurrent.futures
import os
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.path.join(ROOT, ".build-fuzz")
TARGETS = {
    "FrontMatter": ["yaml"],
    "Document": ["yaml", "markdown"],
    "DataFiles": ["yaml"],
    "Templates": ["mustache"],
}


def dictionary(names):
    """libFuzzer takes one dictionary; a target that wants two gets them joined."""
    path = os.path.join(BUILD, "dict", "-".join(names) + ".dict")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as out:
        for name in names:
            with open(os.path.join(ROOT, "Fuzz", "Dictionaries", name + ".dict"), encoding="utf-8") as part:
                out.write(part.read())
    return path


def run(target, seconds):
    corpus = os.path.join(BUILD, "corpus", target)
    crashes = os.path.join(BUILD, "crashes")
    os.makedirs(corpus, exist_ok=True)
    os.makedirs(crashes, exist_ok=True)
    log_path = os.path.join(BUILD, "logs", target + ".log")
    os.makedirs(os.path.dirname(log_path), exist_ok=True)
    command = [
        os.path.join(BUILD, "release", "Fuzz" + target),
        f"-max_total_time={seconds}",
        # A single input that takes 10 s, or 2 GB, is a finding: a build must stay bounded.
        "-timeout=10",
        "-rss_limit_mb=2048",
        "-max_len=65536",
        "-print_final_stats=1",
        f"-dict={dictionary(TARGETS[target])}",
        f"-artifact_prefix={crashes}/{target}-",
        corpus,
        os.path.join(ROOT, "Fuzz", "Corpus", target),
    ]
    # Swift's lazily made statics (the template frames' field tables) are reported as leaks
    # at exit though they live for the whole process; growth per input is caught by
    # -rss_limit_mb instead.
    env = dict(os.environ, ASAN_OPTIONS="detect_leaks=0")
    started = time.monotonic()
    with open(log_path, "w", encoding="utf-8") as log:
        status = subprocess.call(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    elapsed = time.monotonic() - started
    with open(log_path, encoding="utf-8", errors="replace") as log:
        text = log.read()
    runs = re.findall(r"stat::number_of_executed_units:\s*(\d+)", text)
    coverage = re.findall(r"\bcov: (\d+) ft: (\d+) corp: (\d+)", text)
    cov, features, corp = coverage[-1] if coverage else ("?", "?", "?")
    return {
        "target": target, "status": status, "seconds": elapsed,
        "runs": int(runs[-1]) if runs else 0, "cov": cov, "ft": features, "corpus": corp,
        "artifacts": re.findall(r"Test unit written to (\S+)", text), "log": log_path,
    }


def merge(target):
    """Adds to the committed seeds the inputs of the kept corpus that reach what they do not:
    libFuzzer's -merge=1 writes into its first folder only what adds coverage."""
    seeds = os.path.join(ROOT, "Fuzz", "Corpus", target)
    before = len(os.listdir(seeds))
    env = dict(os.environ, ASAN_OPTIONS="detect_leaks=0")
    status = subprocess.call([os.path.join(BUILD, "release", "Fuzz" + target), "-merge=1", "-timeout=10",
                              "-rss_limit_mb=2048", "-max_len=65536", seeds, os.path.join(BUILD, "corpus", target)],
                             cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    size = sum(os.path.getsize(os.path.join(seeds, name)) for name in os.listdir(seeds))
    print(f"{target}: {before} seeds, now {len(os.listdir(seeds))} ({size / 1024:.0f} KiB)"
          + ("" if status == 0 else f"; merge exited {status}"))
    return status


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=60, help="how long each target runs")
    parser.add_argument("--parallel", type=int, default=1, help="how many targets run at once")
    parser.add_argument("--merge", action="store_true",
                        help="instead of fuzzing, add what the kept corpus found to the committed seeds")
    parser.add_argument("targets", nargs="*", default=list(TARGETS))
    args = parser.parse_args()
    unknown = [t for t in args.targets if t not in TARGETS]
    if unknown:
        sys.exit(f"unknown fuzz targets: {', '.join(unknown)}; they are {', '.join(TARGETS)}")
    if args.merge:
        sys.exit(0 if all(merge(t) == 0 for t in args.targets) else 1)
    with concurrent.futures.ThreadPoolExecutor(args.parallel) as pool:
        results = list(pool.map(lambda t: run(t, args.seconds), args.targets))
    print(f"{'target':<12} {'seconds':>8} {'executions':>11} {'exec/s':>7} {'cov':>6} {'features':>9} {'corpus':>7}  result")
    for r in results:
        verdict = "ok" if r["status"] == 0 else f"FAILED (exit {r['status']}): {' '.join(r['artifacts']) or r['log']}"
        print(f"{r['target']:<12} {r['seconds']:>8.0f} {r['runs']:>11,} {r['runs'] / max(r['seconds'], 1):>7.0f} "
              f"{r['cov']:>6} {r['ft']:>9} {r['corpus']:>7}  {verdict}")
    sys.exit(0 if all(r["status"] == 0 for r in results) else 1)


if __name__ == "__main__":
    main()
