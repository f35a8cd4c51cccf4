"""What every Python check of the built site shares: where the repository and the release
binary are, the pinned build date, and building the sample campaign."""

import os
import socket
import subprocess
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]

# The binary `make browser-test` builds. THIDUA_BIN may point elsewhere while developing.
THIDUA_BIN = Path(os.environ.get("THIDUA_BIN", REPO_ROOT / ".build" / "release" / "thidua"))

# Pinned so the output is deterministic: 2024-05-10 falls in the first phase (dot-1).
BUILD_DATE = "2024-05-10"

# The campaign after its end, every story out: the story list has a second page, and the
# story with a photo in its text is published.
LATE_BUILD_DATE = "2025-01-15"


def require_binary():
    """A missing binary is a failure, not a skip: these checks are part of `make test`."""
    if not THIDUA_BIN.is_file():
        pytest.fail(f"{THIDUA_BIN} is missing; run `make release` (or `make browser-test`) first")


def build(source: Path, out: Path, now: str = BUILD_DATE) -> Path:
    """thidua build --source <source> --out <out> --now <now>, which must succeed.
    thidua replaces --out as a whole, so `out` should not exist yet."""
    require_binary()
    result = subprocess.run(
        [str(THIDUA_BIN), "build", "--source", str(source), "--out", str(out), "--now", now],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, (
        f"thidua build --source {source} exited with {result.returncode}\n"
        f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}")
    assert (out / "index.html").is_file(), f"no index.html in {out}"
    return out


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
