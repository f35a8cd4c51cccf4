"""The N/100 milestones of the timeline, some of them anniversaries."""

from __future__ import annotations

import datetime as dt
import random

from .common import DAYS_IN_2024, SEED, YEAR_START, Item, short_slug, take_slug, yaml_list, yaml_str
from .prose import paragraph, sentence
from .vocabulary import HEADINGS, MILESTONE_TITLES, OBJECTS, UNITS


def make_milestones(count: int, phases) -> list[Item]:
    seen: dict[str, int] = {}
    items = []
    orgs = [u.removeprefix("CĐCS ") for u in UNITS]
    for i in range(count):
        rng = random.Random(f"{SEED}-milestone-{i}")
        template, anniversary = rng.choice(MILESTONE_TITLES)
        title = template.format(org=rng.choice(orgs), topic=rng.choice(OBJECTS))
        item = Item(take_slug(short_slug(title), seen), title)
        date = YEAR_START + dt.timedelta(days=rng.randrange(DAYS_IN_2024))
        item.fields = [("title", yaml_str(title)), ("date", date.isoformat())]
        if anniversary:
            origin_year = rng.randint(1930, 2014)
            # A year alone or a full origin date on the same day (both forms are allowed).
            since = str(origin_year) if rng.random() < 0.3 else date.replace(year=origin_year, day=min(date.day, 28)).isoformat()
            item.fields.append(("since", since))
        if rng.random() < 0.5:
            item.fields.append(("summary", yaml_str(sentence(rng, rng.choice(UNITS)))))
        phase = next((p for p, start, end in phases if start <= date <= end), None)
        item.hugo = list(item.fields) + ([("phases", yaml_list([phase]))] if phase else [])
        item.body = "\n\n".join([paragraph(rng, rng.choice(UNITS)), f"## {rng.choice(HEADINGS)}",
                                 paragraph(rng, rng.choice(UNITS))]) + "\n"
        items.append(item)
    return items
