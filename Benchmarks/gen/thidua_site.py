"""The thidua site: content/ with the sample's data files and the generated items."""

from __future__ import annotations

from pathlib import Path

from .common import DATA_FILES, SAMPLE, write_item
from .sample import site_yml


def write_thidua(content: Path, stories, people, milestones) -> None:
    content.mkdir(parents=True)
    for name in DATA_FILES:
        text = site_yml() if name == "site.yml" else (SAMPLE / name).read_text(encoding="utf-8")
        (content / name).write_text(text, encoding="utf-8")
    for folder, items in (("stories", stories), ("people", people), ("milestones", milestones)):
        (content / folder).mkdir()
        for item in items:
            write_item(content / folder, item, item.fields)
