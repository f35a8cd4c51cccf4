"""Fixtures for the validator checks: the sample campaign built once with the release binary
and the pinned build date, and its content/ read back independently (site_content.py) so that
the tests can say what the build *should* have written.
"""

import datetime as dt
import shutil
from pathlib import Path

import pytest

from site_content import NOW, REPO_ROOT, Content, load_content

from sample_site import build


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
