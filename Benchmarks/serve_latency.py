#!/usr/bin/env python3
"""Time from saving one story to its rebuilt page under `thidua serve`, on a generated site.

Copies the generated site (default: .build/bench/10000, made by bench.py / generate.py),
starts the release `thidua serve` on a free loopback port, then edits several stories one at
a time. For each edit it reports two times: the server's own "Rebuilt in N ms" (parse,
assemble, render and write of what the edit affects) and the time until the page, fetched
over HTTP, shows the new title (adds the watcher's batching of 10 ms and the polling). Each
edit waits for the search index refresh of the previous one.
Prints the medians. Run by hand: python3 Benchmarks/serve_latency.py [--site DIR] [--edits N]
"""

import argparse
import re
import shutil
import socket
import statistics
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return ""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", default=str(REPO / ".build/bench/10000"))
    parser.add_argument("--edits", type=int, default=7)
    args = parser.parse_args()
    thidua = REPO / ".build/release/thidua"
    source = Path(args.site)
    assert thidua.exists(), "build thidua first: make release"
    assert (source / "content").is_dir(), f"no generated site at {source}; run make bench first"

    work = Path(tempfile.mkdtemp(prefix="thidua-serve-bench-"))
    shutil.copytree(source / "content", work / "content")
    port = free_port()
    log_path = work / "serve.log"
    log = open(log_path, "w")
    server = subprocess.Popen([str(thidua), "serve", "--source", str(work), "--port", str(port), "--now", "2024-12-31"],
                              stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        started = time.time()
        while "Serving on" not in log_path.read_text():
            assert server.poll() is None, log_path.read_text()
            time.sleep(0.1)
        print(f"initial full build and start: {time.time() - started:.1f} s")
        stories = sorted((work / "content/stories").glob("*.md"))[:: max(1, len(list((work / "content/stories").glob("*.md"))) // args.edits)][: args.edits]
        server_ms, page_ms = [], []
        for number, story in enumerate(stories):
            text = story.read_text(encoding="utf-8")
            marker = f"sua-{number}-{int(time.time())}"
            edited = re.sub(r'^title: "(.*)"$', lambda m: f'title: "{m.group(1)} {marker}"', text, count=1, flags=re.M)
            lines_before = log_path.read_text().count("Rebuilt in")
            refreshes_before = log_path.read_text().count("Search index refreshed")
            url = f"{base}/stories/{story.stem}/"
            t0 = time.perf_counter()
            story.write_text(edited, encoding="utf-8")
            while marker not in fetch(url):
                assert time.perf_counter() - t0 < 30, f"no rebuild seen for {story.name}"
                time.sleep(0.005)
            page_ms.append((time.perf_counter() - t0) * 1000)
            while log_path.read_text().count("Rebuilt in") <= lines_before:
                time.sleep(0.01)
            server_ms.append(float(re.findall(r"Rebuilt in (\d+) ms", log_path.read_text())[-1]))
            # Let the search index refresh that follows each rebuild finish, as it would
            # between an editor's saves, so edits are measured one at a time.
            while log_path.read_text().count("Search index refreshed") <= refreshes_before:
                assert time.perf_counter() - t0 < 60, "no search index refresh seen"
                time.sleep(0.02)
        print(f"edits: {len(stories)} on {len(list((work / 'content/stories').glob('*.md')))} stories")
        print("server rebuild ms:", " ".join(f"{v:.0f}" for v in server_ms))
        print("save-to-page ms:  ", " ".join(f"{v:.0f}" for v in page_ms))
        print(f"median server rebuild: {statistics.median(server_ms):.0f} ms; median save-to-page: {statistics.median(page_ms):.0f} ms")
        print("last log lines:\n" + "\n".join(log_path.read_text().splitlines()[-3:]))
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
