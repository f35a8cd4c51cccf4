#!/usr/bin/env python3
"""Each hostile or careless input of issue 14 against a generated 200-story site: how long
thidua takes to refuse it, its peak memory, its exit status, and whether the previous
`public/` was left byte for byte as it was.

    python3 Benchmarks/hostile.py [--binary .build/release/thidua] [--stories 200]

Everything is written under /dev/shm/thidua-hostile/ (tmpfs). One run per input: these are
bounds to check (under 2 s, under 300 MiB), not speeds to compare. Python 3 standard library.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
WORK = Path("/dev/shm/thidua-hostile")
NOW = "2024-12-31"


def bomb() -> str:
    """Eight levels of nine aliases: 9^8 values from nine lines."""
    lines = ['l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for level in range(1, 9):
        lines.append(f"l{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * 9) + "]")
    return "\n".join(lines)


def story(front: str = "", body: str = "Nội dung.") -> str:
    return f'---\ntitle: "Tin"\ndate: 2024-03-01\n{front}\n---\n{body}\n'


def make_huge(path: Path) -> None:
    """A 220 MB Markdown story, written in chunks."""
    chunk = ("Công đoàn cơ sở thi đua lao động giỏi, lao động sáng tạo. " * 1000 + "\n\n").encode()
    with path.open("wb") as out:
        out.write(story().encode())
        while out.tell() < 220_000_000:
            out.write(chunk)


CASES = {
    "YAML alias bomb in front matter": lambda site: (site / "content/stories/bom.md").write_text(story(bomb())),
    "220 MB Markdown file": lambda site: make_huge(site / "content/stories/qua-lon.md"),
    "link to a file outside the site": lambda site: os.symlink("/etc/hostname", site / "content/stories/ngoai.md"),
    "link loop": lambda site: os.symlink("vong.md", site / "content/stories/vong.md"),
    "FIFO named x.md": lambda site: os.mkfifo(site / "content/stories/x.md"),
    "folder named thu-muc.md": lambda site: (site / "content/stories/thu-muc.md").mkdir(),
    "YAML lists nested 100,000 deep": lambda site: (site / "content/stories/sau.md").write_text(
        story("deep: " + "[" * 100_000 + "]" * 100_000)),
    # Not an error: the site is built, and the editor is told the note is not published.
    "a note no collection reads": lambda site: (site / "content/stories/ghi-chu.txt").write_text("ghi chú"),
    # Found while fuzzing (Fuzz/): under the 8 MB limit, yet each cost seconds or gigabytes.
    "7.9 MB body of brackets [[[…{": lambda site: (site / "content/stories/ngoac.md").write_text(
        story(body=("[" * 60 + "{") * (7_900_000 // 61))),
    "99,500 headings of one text (built)": lambda site: (site / "content/stories/muc.md").write_text(
        story(body="# a\n" * 99_500)),
    "site.yml list of 3.9 million numbers": lambda site: (site / "content/site.yml").write_text(
        (site / "content/site.yml").read_text() + "\nso: [" + "1," * 3_900_000 + "1]\n"),
    "front matter 1:0:0:0:0:0:0:0:0:0:0:0 (built)": lambda site: (site / "content/stories/so.md").write_text(
        story("so: 1:0:0:0:0:0:0:0:0:0:0:0")),
}


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def build(binary: Path, site: Path) -> tuple[int, float, float, str]:
    """Exit status, wall seconds, peak MiB (GNU time) and the first error (or warning) line."""
    run = subprocess.run(["/usr/bin/time", "-f", "TIME %e %M", str(binary), "build", "--now", NOW, "--source", str(site)],
                         capture_output=True, text=True)
    timing = [line for line in run.stderr.splitlines() if line.startswith("TIME ")][-1].split()
    first = next((line for line in run.stderr.splitlines() if "error:" in line or "warning:" in line), "")
    return run.returncode, float(timing[1]), int(timing[2]) / 1024, first


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", type=Path, default=REPO / ".build/release/thidua")
    parser.add_argument("--stories", type=int, default=200)
    args = parser.parse_args()
    shutil.rmtree(WORK, ignore_errors=True)
    base = WORK / "base"
    subprocess.run([sys.executable, str(HERE / "generate.py"), str(args.stories), str(base)], check=True,
                   stdout=subprocess.DEVNULL)
    shutil.rmtree(base / "hugo", ignore_errors=True)
    print(f"| input ({args.stories}-story site) | exit | wall s | peak MiB | public/ unchanged | message |")
    print("|---|---:|---:|---:|---|---|")
    for name, apply in CASES.items():
        site = WORK / "site"
        shutil.rmtree(site, ignore_errors=True)
        shutil.copytree(base, site, symlinks=True)
        status, _, _, _ = build(args.binary, site)
        assert status == 0, f"the generated site must build before {name}"
        before = tree_digest(site / "public")
        apply(site)
        status, wall, peak, first = build(args.binary, site)
        same = tree_digest(site / "public") == before
        message = first.split(": ", 1)[-1][:100]
        # After a build that succeeded public/ is the new site; only a failed one must leave it.
        kept = "yes" if same else ("(built)" if status == 0 else "NO")
        print(f"| {name} | {status} | {wall:.2f} | {peak:.0f} | {kept} | {message} |", flush=True)
    shutil.rmtree(WORK, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
