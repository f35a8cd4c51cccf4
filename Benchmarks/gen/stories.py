"""The N stories: titles and slugs planned first (bodies link to other stories), then front
matter for both sites and a body of 2–4 KB each."""

from __future__ import annotations

import datetime as dt
import random

from .common import DAYS_IN_2024, SEED, YEAR_START, Item, short_slug, take_slug, yaml_list, yaml_str
from .prose import story_body
from .vocabulary import (AUTHORS, OBJECTS, RESULTS, SUBJECTS, TAGS, TITLE_TAILS, TITLE_VERBS,
                         UNITS, VERBS)


def story_title(rng: random.Random, unit: str) -> str:
    obj = rng.choice(OBJECTS)
    tail = rng.choice(TITLE_TAILS)
    if tail.strip(" :") and tail.strip(" :") in obj:  # no "năm 2024 năm 2024"
        tail = ""
    form = rng.randrange(3)
    if form == 0:
        title = f"{unit} {rng.choice(TITLE_VERBS)} {obj}{tail}"
    elif form == 1:
        place = unit.removeprefix("CĐCS ")
        title = f"{place}: {rng.choice(TITLE_VERBS)} {obj}{tail}"
    else:
        title = f"{obj[0].upper()}{obj[1:]} ở {unit.removeprefix('CĐCS ')}"
    return title


def plan_stories(n: int) -> list[tuple[str, str, str, random.Random]]:
    """Slug, title and unit of every story first, so that bodies can link to any of them."""
    seen: dict[str, int] = {}
    planned = []
    for i in range(n):
        rng = random.Random(f"{SEED}-story-{i}")
        unit = rng.choice(UNITS)
        title = story_title(rng, unit)
        planned.append((take_slug(short_slug(title), seen), title, unit, rng))
    return planned


def make_stories(n: int, movements, phases) -> list[Item]:
    planned = plan_stories(n)
    items = []
    for i, (slug, title, unit, rng) in enumerate(planned):
        item = Item(slug, title)
        date = YEAR_START + dt.timedelta(days=rng.randrange(DAYS_IN_2024))
        tags = rng.sample(TAGS, k=rng.randint(1, 4))
        movement = rng.choice(movements)
        summary = None
        if rng.random() < 0.5:
            summary = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}, {rng.choice(RESULTS)}."
        author = rng.choice(AUTHORS) if rng.random() < 0.3 else None
        # 1–3 links to other stories (a list, not a set: the order must not depend on hashing).
        picks = [planned[rng.randrange(n)] for _ in range(rng.randint(1, 3))]
        links = list(dict.fromkeys((p[0], p[1]) for p in picks if p[0] != slug))
        if not links and n > 1:
            links = [planned[(i + 1) % n][:2]]
        item.body = story_body(rng, unit, links, movement)
        phase = next((p for p, start, end in phases if start <= date <= end), None)

        item.fields = [("title", yaml_str(title)), ("date", date.isoformat())]
        if summary:
            item.fields.append(("summary", yaml_str(summary)))
        item.fields += [("tags", yaml_list(tags)), ("movement", movement[0]), ("unit", yaml_str(unit))]
        if author:
            item.fields.append(("author", yaml_str(author)))

        item.hugo = [("title", yaml_str(title)), ("date", date.isoformat())]
        if summary:
            item.hugo.append(("summary", yaml_str(summary)))
        item.hugo += [("tags", yaml_list(tags)), ("movements", yaml_list([movement[0]])),
                      ("units", yaml_list([unit]))]
        if phase:
            item.hugo.append(("phases", yaml_list([phase])))
        if author:
            item.hugo.append(("author", yaml_str(author)))
        items.append(item)
    return items
