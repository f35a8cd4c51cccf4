#!/usr/bin/env python3
"""From saving one story to the reload message in the browser, under `thidua serve`.

    python3 Benchmarks/serve_latency.py [--edits 10] [--site DIR] [--binary PATH]

Issue 13, point 8: an edit to one story is visible in the browser within 50 ms of saving on
the sample site, measured from the file's mtime to the reload message. So, by default, the
repository's own content/ is copied to a temporary folder, `thidua serve` started on it on a
free loopback port, and a WebSocket opened to /__thidua/live as every page's live.js does.
Then stories are edited one at a time (their title gets a marker; written in place, as an
editor saves) and for each edit the script reports:

- save → reload: the arrival of the "reload" message minus the saved file's mtime (the goal);
- write → reload: the same from just before the write call (the mtime is taken from the
  kernel's coarse clock, so it can be up to one tick earlier than the write itself);
- save → page: until the page, fetched over HTTP once the reload arrived (what the browser
  then does), is received; it must show the new title, or the edit counts as failed;
- the server's own "Rebuilt in N ms" line (read, assemble, render, write what the edit
  affects; the file watcher's 10 ms batching comes before it).

Each edit waits for the search index refresh that follows the previous one, as an editor's
saves are seconds apart. With --site DIR a generated site (DIR/content, for example
.build/bench/10000 made by bench.py) is used instead. Python 3 standard library only.
"""

from __future__ import annotations

import argparse
import os
import queue
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness.websocket import WebSocket  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
GOAL_MS = 50
TITLE = re.compile(r'^title:[ \t]*"?(.*?)"?[ \t]*$', re.M)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return ""


def wait_for(log_path: Path, text: str, count: int, seconds: float) -> bool:
    """Until the server's log holds `text` more than `count` times; False on timeout."""
    deadline = time.monotonic() + seconds
    while log_path.read_text(errors="replace").count(text) <= count:
        if time.monotonic() > deadline:
            return False
        time.sleep(0.005)
    return True


def pick(stories: list[Path], base: str, edits: int) -> list[Path]:
    """Stories spread over the list whose page is served (drafts are; future ones may not)."""
    served = [s for s in stories if fetch(f"{base}/stories/{s.stem}/")]
    if not served:
        sys.exit("serve_latency.py: no story page is served at /stories/<file name>/")
    step = max(1, len(served) // edits)
    return [served[(i * step) % len(served)] for i in range(edits)]


def median_ms(values: list[float]) -> str:
    return f"{statistics.median(values):.1f}" if values else "–"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=REPO,
                        help="a site folder whose content/ is copied (default: the sample site, "
                             "the repository's own content/)")
    parser.add_argument("--edits", type=int, default=10, help="stories edited, one at a time")
    parser.add_argument("--binary", type=Path, default=REPO / ".build/release/thidua",
                        help="the thidua executable (default: .build/release/thidua)")
    args = parser.parse_args()
    if not args.binary.exists():
        sys.exit(f"serve_latency.py: no thidua at {args.binary}; build it first (make release)")
    if not (args.site / "content" / "stories").is_dir():
        sys.exit(f"serve_latency.py: no content/stories/ in {args.site}")

    # content/ only: the binary's own default theme serves it, as for a site without theme/.
    work = Path(tempfile.mkdtemp(prefix="thidua-serve-bench-"))
    shutil.copytree(args.site / "content", work / "content")
    port = free_port()
    log_path = work / "serve.log"
    log = open(log_path, "w")
    started = time.monotonic()
    server = subprocess.Popen([str(args.binary), "serve", "--source", str(work), "--port", str(port),
                               "--now", "2024-12-31"], stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    socket_ = None
    try:
        while "Serving on" not in log_path.read_text(errors="replace"):
            if server.poll() is not None:
                sys.exit("serve_latency.py: thidua serve stopped:\n" + log_path.read_text())
            time.sleep(0.05)
        stories = sorted((work / "content" / "stories").glob("*.md"))
        print(f"site: {len(stories)} stories from {args.site / 'content'}; initial build and "
              f"start: {time.monotonic() - started:.1f} s")
        targets = pick(stories, base, args.edits)
        socket_ = WebSocket("127.0.0.1", port, "/__thidua/live")
        time.sleep(0.2)
        while not socket_.messages.empty():  # errors of the first build, if any
            print("message on connecting:", socket_.messages.get()[1][:200])

        save_ms, write_ms, page_ms, server_ms, failed = [], [], [], [], []
        refresh_missing = False
        for number, story in enumerate(targets):
            text = story.read_text(encoding="utf-8")
            marker = f"sua-{number}-{time.time_ns() % 10**8}"
            edited, found = TITLE.subn(lambda m: f'title: "{m.group(1)} {marker}"', text, count=1)
            if not found:
                sys.exit(f"serve_latency.py: no title line in {story}")
            logged = log_path.read_text(errors="replace")
            rebuilt, refreshed = logged.count("Rebuilt in"), logged.count("Search index refreshed")
            before_write = time.time_ns()
            story.write_text(edited, encoding="utf-8")
            mtime = os.stat(story).st_mtime_ns
            try:
                arrived, message = socket_.messages.get(timeout=30)
            except queue.Empty:
                sys.exit(f"serve_latency.py: no message within 30 s of saving {story.name}")
            if message != "reload":
                sys.exit(f"serve_latency.py: the server answered {story.name} with {message[:300]}")
            save_ms.append((arrived - mtime) / 1e6)
            write_ms.append((arrived - before_write) / 1e6)
            page = fetch(f"{base}/stories/{story.stem}/")
            page_ms.append((time.time_ns() - mtime) / 1e6)
            if marker not in page:
                failed.append(story.name)
            if wait_for(log_path, "Rebuilt in", rebuilt, 10):
                lines = re.findall(r"Rebuilt in (\d+) ms", log_path.read_text(errors="replace"))
                server_ms.append(float(lines[-1]))
            # As between an editor's saves: the search index refresh of this edit finishes
            # before the next one, so each edit is measured alone.
            if not wait_for(log_path, "Search index refreshed", refreshed, 60):
                refresh_missing = True
            time.sleep(0.1)

        def row(label: str, values: list[float]) -> None:
            print(f"{label:20}" + " ".join(f"{v:.1f}" for v in values))
        print(f"edits: {len(targets)} ({len(set(targets))} different stories), one at a time")
        row("save → reload ms:", save_ms)
        row("write → reload ms:", write_ms)
        row("save → page ms:", page_ms)
        row("server rebuild ms:", server_ms)
        median_save = statistics.median(save_ms)
        print(f"median save → reload: {median_save:.1f} ms (goal ≤ {GOAL_MS} ms: "
              f"{'met' if median_save <= GOAL_MS else 'NOT met'}); write → reload "
              f"{median_ms(write_ms)} ms; save → page {median_ms(page_ms)} ms; server rebuild "
              f"{median_ms(server_ms)} ms; slowest save → reload {max(save_ms):.1f} ms")
        if failed:
            print(f"FAILED: the page did not show the edit after the reload message: {', '.join(failed)}")
        if refresh_missing:
            print("note: no 'Search index refreshed' line after some edits (waited 60 s each)")
        print("last log lines:\n" + "\n".join(log_path.read_text(errors="replace").splitlines()[-3:]))
        return 1 if failed else 0
    finally:
        if socket_ is not None:
            socket_.close()
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
