"""Fixtures for the validator checks: the sample campaign built once with the release binary
and the pinned build date, and its content/ read back independently (site_content.py) so that
the tests can say what the build *should* have written.
"""

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from site_content import BUILD_DATE, NOW, REPO_ROOT, Content, load_content

# The binary `make browser-test` builds. THIDUA_BIN may point elsewhere while developing.
THIDUA_BIN = Path(os.environ.get("THIDUA_BIN", REPO_ROOT / ".build" / "release" / "thidua"))

# BUILD_DATE and REPO_ROOT are re-exported on purpose: when pytest is given Tests/browser and
# Tests/validators together, the browser test's `from conftest import BUILD_DATE, REPO_ROOT`
# can resolve to this file, and must find the same names with the same values.
__all__ = ["BUILD_DATE", "REPO_ROOT", "THIDUA_BIN"]


def build(source: Path, out: Path) -> Path:
    """thidua build --source <source> --out <out> --now BUILD_DATE, which must succeed.
    A missing binary is a failure, not a skip: these checks are part of `make test`."""
    if not THIDUA_BIN.is_file():
        pytest.fail(f"{THIDUA_BIN} is missing; run `make release` (or `make browser-test`) first")
    result = subprocess.run(
        [str(THIDUA_BIN), "build", "--source", str(source), "--out", str(out),
         "--now", BUILD_DATE],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, (
        f"thidua build --source {source} exited with {result.returncode}\n"
        f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}")
    assert (out / "index.html").is_file(), f"no index.html in {out}"
    return out


@pytest.fixture(scope="session")
def out_dir(tmp_path_factory) -> Path:
    """The sample campaign built with the release binary into a fresh temporary folder."""
    # thidua replaces --out as a whole, so hand it a path that does not exist yet.
    return build(REPO_ROOT, tmp_path_factory.mktemp("thidua-validators") / "site")


# Old URLs added to a copy of the sample content, since the sample itself declares none:
# a story with a folder alias and an .html one, and a standalone page with an alias written
# without its trailing slash (thidua adds it).
EXTRA_ALIASES = {
    "stories/cham-lo-tet-giap-thin.md": ["/tin-tuc/cham-lo-tet/", "/tin-cu/cham-lo-tet.html"],
    "pages/gioi-thieu.md": ["/about"],
}


@pytest.fixture(scope="session")
def aliased(tmp_path_factory):
    """(content, output) of a copy of the sample campaign with EXTRA_ALIASES added, built
    like the sample: redirect pages are checked on it."""
    root = tmp_path_factory.mktemp("thidua-aliases")
    source = root / "source"
    shutil.copytree(REPO_ROOT / "content", source / "content")
    if (REPO_ROOT / "theme").exists():
        (source / "theme").symlink_to((REPO_ROOT / "theme").resolve(), target_is_directory=True)
    for rel, aliases in EXTRA_ALIASES.items():
        md = source / "content" / rel
        text = md.read_text(encoding="utf-8")
        assert text.startswith("---\n") and "\naliases:" not in text, f"{md}: unexpected shape"
        quoted = ", ".join(f'"{a}"' for a in aliases)
        md.write_text(f"---\naliases: [{quoted}]\n" + text[4:], encoding="utf-8")
    out = build(source, root / "site")
    return load_content(source / "content"), out


@pytest.fixture(scope="session")
def content() -> Content:
    """site.yml, timeline.yml, movements.yml and every story, person and milestone."""
    return load_content()


@pytest.fixture(scope="session")
def now() -> dt.date:
    """The pinned build date as a date."""
    return NOW
