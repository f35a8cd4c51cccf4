"""content/ read back independently of thidua (PyYAML and the README's rules), so that the
validator tests can say what the build *should* have written. Shared by conftest.py and
test_outputs.py.
"""

import datetime as dt
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional
from urllib.parse import urlsplit

import yaml

from sample_site import BUILD_DATE, REPO_ROOT

CONTENT = REPO_ROOT / "content"

NOW = dt.date.fromisoformat(BUILD_DATE)


# --- Reading content/ independently -----------------------------------------------------------

def slugify(text: str) -> str:
    """Vietnamese slug as the README describes it: lower case, diacritics dropped, đ → d,
    every run of other characters one hyphen, no leading or trailing hyphen."""
    text = text.lower().replace("đ", "d")
    text = "".join(c for c in unicodedata.normalize("NFD", text)
                   if unicodedata.category(c) != "Mn")
    out, pending = [], False
    for c in text:
        if ("a" <= c <= "z") or ("0" <= c <= "9"):
            if pending and out:
                out.append("-")
            pending = False
            out.append(c)
        else:
            pending = True
    return "".join(out)


def as_date(value) -> Optional[dt.date]:
    """A YAML date (PyYAML gives date, datetime or, when quoted, str) as a date."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def read_front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8").lstrip("\ufeff")
    lines = text.splitlines()
    assert lines and lines[0].strip() == "---", f"{path}: no front matter"
    end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    return yaml.safe_load("\n".join(lines[1:end])) or {}


@dataclass
class Item:
    """A content file as the README's content model describes it."""
    kind: str            # "stories", "people", "milestones"
    slug: str            # file name without .md, or `slug:`
    source: str          # e.g. content/stories/cham-lo-tet-giap-thin.md
    title: str
    date: Optional[dt.date]
    front: dict = field(repr=False)

    @property
    def draft(self) -> bool:
        return bool(self.front.get("draft", False))

    @property
    def publish_date(self) -> Optional[dt.date]:
        return as_date(self.front.get("publishDate"))

    @property
    def expiry_date(self) -> Optional[dt.date]:
        return as_date(self.front.get("expiryDate"))

    @property
    def tags(self) -> list:
        return list(self.front.get("tags") or [])

    @property
    def movement(self) -> Optional[str]:
        return self.front.get("movement")

    @property
    def path(self) -> str:
        """Site-relative URL path, e.g. stories/cham-lo-tet-giap-thin/; a page is at /<slug>/."""
        return f"{self.slug}/" if self.kind == "pages" else f"{self.kind}/{self.slug}/"

    @property
    def aliases(self) -> list:
        return [str(a) for a in (self.front.get("aliases") or [])]

    def published(self, now: dt.date) -> bool:
        """README: drafts, items scheduled after the build date and expired items are left out
        of every output; a story dated after the build date is not out yet either."""
        if self.draft:
            return False
        if self.publish_date is not None and self.publish_date > now:
            return False
        if self.expiry_date is not None and self.expiry_date < now:
            return False
        if self.kind == "stories" and (self.date is None or self.date > now):
            return False
        return True

    def in_feed(self, now: dt.date) -> bool:
        """Feed entries: published stories, people that have a date, and milestones, all
        dated on or before the build date."""
        return self.published(now) and self.date is not None and self.date <= now


@dataclass
class Content:
    site: dict
    timeline: dict
    movements: list
    items: list          # stories, people, milestones
    pages: list          # content/pages/*.md

    @property
    def base_url(self) -> str:
        base = str(self.site["baseURL"])
        return base if base.endswith("/") else base + "/"

    @property
    def host(self) -> str:
        return urlsplit(self.base_url).hostname

    @property
    def feed_limit(self) -> int:
        return int((self.site.get("feed") or {}).get("limit", 20))

    def of_kind(self, kind: str) -> list:
        return [i for i in self.items if i.kind == kind]

    def by_slug(self, kind: str, slug: str) -> Item:
        return next(i for i in self.items if i.kind == kind and i.slug == slug)


def load_content(content_dir: Path = CONTENT) -> Content:
    site = yaml.safe_load((content_dir / "site.yml").read_text(encoding="utf-8"))
    timeline = yaml.safe_load((content_dir / "timeline.yml").read_text(encoding="utf-8"))
    movements_file = content_dir / "movements.yml"
    movements = (yaml.safe_load(movements_file.read_text(encoding="utf-8")) or []
                 if movements_file.exists() else [])
    found = {}
    for kind in ("stories", "people", "milestones", "pages"):
        found[kind] = []
        for md in sorted((content_dir / kind).glob("*.md")):
            front = read_front_matter(md)
            # README: the file name is the URL; `slug:` overrides it (slugified either way).
            slug = slugify(str(front.get("slug") or md.stem))
            found[kind].append(Item(kind=kind, slug=slug, source=f"content/{kind}/{md.name}",
                                    title=str(front["title"]),
                                    date=as_date(front.get("date")), front=front))
    items = found["stories"] + found["people"] + found["milestones"]
    return Content(site=site, timeline=timeline, movements=movements, items=items,
                   pages=found["pages"])
