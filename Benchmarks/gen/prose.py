"""Vietnamese prose: names, sentences, paragraphs, lists and whole story bodies, drawn from the
vocabulary with the caller's random generator (so every item is the same for every N)."""

from __future__ import annotations

import random

from .vocabulary import (COUNTED, FAMILY, GIVEN, HEADINGS, MIDDLE, OBJECTS, OPINIONS, PASSIVES,
                         QUOTES, RESULTS, SPEAKERS, SUBJECTS, TIMES, VERBS)


def person_name(rng: random.Random) -> str:
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def fill(template: str, rng: random.Random) -> str:
    """Replace the {d}/{m}/{name}/{woman}/{man} slots of a vocabulary template."""
    return template.format(d=rng.randint(1, 28), m=rng.randint(1, 12), name=person_name(rng),
                           woman=f"{rng.choice(FAMILY)} Thị {rng.choice(GIVEN)}",
                           man=f"{rng.choice(FAMILY)} Văn {rng.choice(GIVEN)}")


def mid_sentence(subject: str) -> str:
    """A subject placed after a comma: common nouns lose their capital, names of bodies
    (Ban …, Liên đoàn …, Ủy ban …) keep it."""
    if subject.split()[0] in ("Ban", "Liên", "Ủy"):
        return subject
    return subject[0].lower() + subject[1:]


def sentence(rng: random.Random, unit: str) -> str:
    """One Vietnamese sentence from one of several patterns."""
    pattern = rng.randrange(6)
    if pattern == 0:
        return f"{fill(rng.choice(TIMES), rng)}, {mid_sentence(rng.choice(SUBJECTS))} {rng.choice(VERBS)} {rng.choice(OBJECTS)}, {rng.choice(RESULTS)}."
    if pattern == 1:
        return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}, {rng.choice(RESULTS)}."
    if pattern == 2:
        return f"Theo {fill(rng.choice(SPEAKERS), rng)}, {rng.choice(OPINIONS)}."
    if pattern == 3:
        return f"Với {rng.randint(12, 480)} đoàn viên tham gia, {unit} {rng.choice(VERBS)} {rng.choice(OBJECTS)}."
    if pattern == 4:
        return f"Kết quả, {rng.randint(3, 250)} {rng.choice(COUNTED)} {rng.choice(PASSIVES)}, {rng.choice(RESULTS)}."
    return f"Không chỉ {rng.choice(OBJECTS)}, {unit} còn {rng.choice(VERBS)} {rng.choice(OBJECTS)}."


def emphasise(text: str, rng: random.Random) -> str:
    """Put *emphasis* or **strong** on one phrase of a paragraph, sometimes."""
    if rng.random() < 0.5:
        return text
    phrase = rng.choice(RESULTS)
    if phrase in text:
        mark = "**" if rng.random() < 0.5 else "*"
        return text.replace(phrase, f"{mark}{phrase}{mark}", 1)
    return text


def paragraph(rng: random.Random, unit: str) -> str:
    return emphasise(" ".join(sentence(rng, unit) for _ in range(rng.randint(2, 4))), rng)


def bullet_list(rng: random.Random) -> str:
    items = []
    for _ in range(rng.randint(3, 5)):
        kind = rng.randrange(3)
        if kind == 0:
            items.append(f"{rng.randint(5, 300)} {rng.choice(COUNTED)} {rng.choice(PASSIVES)};")
        elif kind == 1:
            items.append(f"{rng.choice(VERBS).capitalize()} {rng.choice(OBJECTS)};")
        else:
            items.append(f"100% đoàn viên tham gia {rng.choice(OBJECTS)};")
    items[-1] = items[-1][:-1] + "."
    marker = "-" if rng.random() < 0.7 else "1."
    return "\n".join(f"{marker} {item}" for item in items)


def story_body(rng: random.Random, unit: str, links: list[tuple[str, str]],
               movement: tuple[str, str]) -> str:
    """A story of about 2–4 KB (UTF-8): lead paragraph, `##` sections with paragraphs, a list,
    sometimes a blockquote, and links to other stories and to the movement."""
    target = rng.randint(2000, 4000)
    blocks = [paragraph(rng, unit)]
    size = len(blocks[0].encode())
    headings = rng.sample(HEADINGS, k=len(HEADINGS))
    with_list = rng.randint(1, 2)
    with_quote = rng.random() < 0.4
    section = 0
    while size < target:
        blocks.append(f"## {headings[section % len(headings)]}")
        section += 1
        blocks.append(paragraph(rng, unit))
        if with_list and size > target / 4:
            blocks.append(bullet_list(rng))
            with_list -= 1
        if with_quote and size > target / 2:
            blocks.append("> " + rng.choice(QUOTES))
            with_quote = False
        size = sum(len(b.encode()) + 2 for b in blocks)
    if rng.random() < 0.3:
        blocks.insert(2, f"Đây là một hoạt động trong phong trào [{movement[1]}](/movements/{movement[0]}/).")
    if links:
        see = " và ".join(f"[{title}](/stories/{slug}/)" for slug, title in links)
        blocks.append(f"Xem thêm: {see}.")
    return "\n\n".join(blocks) + "\n"
