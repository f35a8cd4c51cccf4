"""The N/10 people: individuals and collectives of the units, some awarded, a few featured."""

from __future__ import annotations

import random

from .common import SEED, Item, short_slug, take_slug, yaml_list, yaml_str
from .prose import bullet_list, paragraph, person_name
from .vocabulary import AWARDS, COLLECTIVE_KINDS, HEADINGS, ROLES, UNITS


def make_people(count: int, movements) -> list[Item]:
    seen: dict[str, int] = {}
    items = []
    for i in range(count):
        rng = random.Random(f"{SEED}-person-{i}")
        unit = rng.choice(UNITS)
        collective = rng.random() < 0.25
        if collective:
            title = f"{rng.choice(COLLECTIVE_KINDS).format(n=rng.randint(1, 9))}, {unit.removeprefix('CĐCS ')}"
            role = None
        else:
            title = person_name(rng)
            role = rng.choice(ROLES)
        item = Item(take_slug(short_slug(title), seen), title)
        movement = rng.choice(movements)[0] if rng.random() < 0.7 else None
        award = rng.choice(AWARDS) if rng.random() < 0.6 else None
        common = [("kind", "collective" if collective else "individual")]
        if role:
            common.append(("role", yaml_str(role)))
        if award:
            common.append(("award", yaml_str(award)))
        if rng.random() < 0.05:
            common.append(("featured", "true"))
        item.fields = [("title", yaml_str(title)), ("unit", yaml_str(unit))] + common
        item.hugo = [("title", yaml_str(title)), ("units", yaml_list([unit]))] + common
        if movement:
            item.fields.append(("movement", movement))
            item.hugo.append(("movements", yaml_list([movement])))
        body = [paragraph(rng, unit), f"## {rng.choice(HEADINGS)}", paragraph(rng, unit),
                bullet_list(rng), paragraph(rng, unit)]
        item.body = "\n\n".join(body) + "\n"
        items.append(item)
    return items
