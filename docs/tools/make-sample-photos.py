#!/usr/bin/env python3
"""Draws the sample photos of content/media/ (see content/media/LICENSES.md).

The sample campaign needs pictures that behave like editors' photos: large JPEGs, some with
the subject off-centre (so that the automatic crop of cards and portraits has something to
find), one portrait-oriented, one transparent PNG. No photo of a real person or place is
used: every picture is drawn here from shapes, with a fixed random seed, so running the
script again gives the same pictures.

    python3 -m venv /tmp/photos && /tmp/photos/bin/pip install pillow
    /tmp/photos/bin/python docs/tools/make-sample-photos.py [--out content/media]

GPS position and camera owner are then written into two of them with exiftool, so that the
sample shows they are removed on publishing (the script does this when exiftool is
installed; the coordinates are those of Phong Thổ town, the owner a made-up name).
"""

import argparse
import math
import random
import shutil
import subprocess
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_DIRS = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/Library/Fonts"]
JPEG_QUALITY = 85
MAX_BYTES = 250_000

SKIN = [(224, 172, 132), (205, 150, 110), (186, 128, 92), (232, 186, 150)]
HAIR = (28, 24, 22)


def font(size, bold=True):
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    for folder in FONT_DIRS:
        path = Path(folder) / name
        if path.is_file():
            return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size)


def lerp(a, b, t):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b))


def vertical_gradient(image, box, top, bottom):
    draw = ImageDraw.Draw(image)
    x0, y0, x1, y1 = box
    for y in range(y0, y1):
        draw.line([(x0, y), (x1, y)], fill=lerp(top, bottom, (y - y0) / max(1, y1 - y0 - 1)))


def ridge(rng, width, base, amplitude, roughness=0.55, points=9):
    """A mountain ridge: midpoint displacement over `points` levels, as (x, y) pairs."""
    heights = [base + rng.uniform(-amplitude, amplitude), base + rng.uniform(-amplitude, amplitude)]
    spread = amplitude
    for _ in range(points):
        refined = []
        for a, b in zip(heights, heights[1:]):
            refined += [a, (a + b) / 2 + rng.uniform(-spread, spread)]
        heights = refined + [heights[-1]]
        spread *= roughness
    step = width / (len(heights) - 1)
    return [(i * step, h) for i, h in enumerate(heights)]


def mountains(image, rng, horizon, layers):
    """Layers of ridges, far and pale to near and dark (Hoàng Liên Sơn seen from Phong Thổ)."""
    draw = ImageDraw.Draw(image)
    w, h = image.size
    for base, amplitude, colour in layers:
        line = ridge(rng, w, horizon * base, h * amplitude)
        draw.polygon(line + [(w, h), (0, h)], fill=colour)


def terraces(image, rng, top, bottom, colours):
    """Rice terraces: wavy bands, each with a lighter lip, narrowing towards the top."""
    draw = ImageDraw.Draw(image)
    w, _ = image.size
    y = bottom
    band = (bottom - top) / 9
    i = 0
    while y > top:
        thickness = band * (0.45 + 0.55 * (y - top) / (bottom - top))
        phase = rng.uniform(0, math.tau)
        upper = [(x, y - thickness + 18 * math.sin(x / 260 + phase)) for x in range(0, w + 40, 40)]
        lower = [(x, y + 18 * math.sin(x / 260 + phase + 0.3)) for x in range(w, -40, -40)]
        draw.polygon(upper + lower, fill=colours[i % len(colours)])
        draw.line(upper, fill=lerp(colours[i % len(colours)], (235, 225, 170), 0.45), width=5)
        y -= thickness
        i += 1


def conical_hat(draw, cx, top_y, r):
    draw.polygon([(cx, top_y - r * 1.1), (cx - r * 1.9, top_y + r * 0.35), (cx + r * 1.9, top_y + r * 0.35)],
                 fill=(226, 205, 150), outline=(170, 145, 95))


def person(draw, x, feet, height, shirt, trousers=(45, 52, 70), skin=SKIN[0], hair=HAIR,
           face=True, hat=False, arms="down", skirt=False, cap=None):
    """A standing person, `height` pixels tall, feet at (x, feet). Faces look at the camera."""
    r = height * 0.075
    head_y = feet - height + r
    neck = head_y + r
    shoulder = neck + r * 0.35
    hip = feet - height * 0.47
    half = r * 1.35
    # legs (or a long skirt), then the torso over them
    if skirt:
        draw.polygon([(x - half * 0.9, hip), (x + half * 0.9, hip), (x + half * 1.25, feet), (x - half * 1.25, feet)],
                     fill=trousers)
    else:
        draw.rounded_rectangle([x - half * 0.85, hip - r * 0.2, x - r * 0.08, feet], r * 0.25, fill=trousers)
        draw.rounded_rectangle([x + r * 0.08, hip - r * 0.2, x + half * 0.85, feet], r * 0.25, fill=trousers)
    draw.ellipse([x - half * 0.95, feet - r * 0.35, x - r * 0.05, feet + r * 0.2], fill=(30, 30, 30))
    draw.ellipse([x + r * 0.05, feet - r * 0.35, x + half * 0.95, feet + r * 0.2], fill=(30, 30, 30))
    draw.rounded_rectangle([x - half, shoulder, x + half, hip + r * 0.3], r * 0.7, fill=shirt)
    # arms
    arm = max(3, int(r * 0.55))
    hand = r * 0.32
    if arms == "up":
        ends = [(x - half * 1.5, head_y - r * 1.6), (x + half * 1.5, head_y - r * 1.6)]
    elif arms == "forward":
        ends = [(x - half * 0.6, hip - r * 0.6), (x + half * 0.6, hip - r * 0.6)]
    elif arms == "right-up":
        ends = [(x - half * 1.2, hip + r * 0.4), (x + half * 1.6, head_y - r * 1.2)]
    else:
        ends = [(x - half * 1.2, hip + r * 0.4), (x + half * 1.2, hip + r * 0.4)]
    for side, end in zip((-1, 1), ends):
        start = (x + side * half * 0.8, shoulder + r * 0.3)
        draw.line([start, end], fill=shirt, width=arm)
        draw.ellipse([end[0] - hand, end[1] - hand, end[0] + hand, end[1] + hand], fill=skin)
    # neck, head, hair
    draw.rectangle([x - r * 0.3, neck - r * 0.2, x + r * 0.3, shoulder + r * 0.2], fill=skin)
    draw.ellipse([x - r * 0.88, head_y - r, x + r * 0.88, head_y + r], fill=skin)
    if face:
        draw.chord([x - r * 0.95, head_y - r * 1.08, x + r * 0.95, head_y + r * 0.5], 180, 360, fill=hair)
        eye = r * 0.11
        for side in (-1, 1):
            ex, ey = x + side * r * 0.36, head_y + r * 0.05
            draw.ellipse([ex - eye * 1.3, ey - eye, ex + eye * 1.3, ey + eye], fill=(25, 20, 20))
            draw.line([(ex - eye * 2, ey - eye * 2.6), (ex + eye * 2, ey - eye * 2.8)], fill=hair, width=max(2, int(eye)))
        draw.arc([x - r * 0.35, head_y + r * 0.2, x + r * 0.35, head_y + r * 0.62], 20, 160, fill=(140, 60, 55),
                 width=max(2, int(r * 0.08)))
        draw.ellipse([x - r * 1.0, head_y - r * 0.15, x - r * 0.78, head_y + r * 0.3], fill=skin)
        draw.ellipse([x + r * 0.78, head_y - r * 0.15, x + r * 1.0, head_y + r * 0.3], fill=skin)
    else:
        draw.ellipse([x - r * 0.92, head_y - r * 1.05, x + r * 0.92, head_y + r * 0.9], fill=hair)
    if cap is not None:
        draw.chord([x - r * 0.95, head_y - r * 1.25, x + r * 0.95, head_y + r * 0.2], 180, 360, fill=cap)
        draw.rectangle([x - r * 0.95, head_y - r * 0.4, x + r * 0.95, head_y - r * 0.25], fill=cap)
    if hat:
        conical_hat(draw, x, head_y - r * 0.6, r)


def banner(image, box, lines, fill=(196, 22, 28), ink=(255, 214, 64)):
    draw = ImageDraw.Draw(image)
    x0, y0, x1, y1 = box
    draw.rectangle(box, fill=fill)
    draw.rectangle([x0, y1 - 10, x1, y1], fill=lerp(fill, (0, 0, 0), 0.35))
    size = int((y1 - y0) / (len(lines) + 0.9))
    for i, text in enumerate(lines):
        f = font(size)
        while f.getlength(text) > (x1 - x0) * 0.92 and size > 10:
            size -= 2
            f = font(size)
        tw = f.getlength(text)
        ty = y0 + (y1 - y0) * (i + 0.5) / len(lines) - size * 0.55
        draw.text(((x0 + x1 - tw) / 2, ty), text, font=f, fill=ink)


def star(draw, cx, cy, r, fill):
    points = []
    for k in range(10):
        radius = r if k % 2 == 0 else r * 0.38
        angle = -math.pi / 2 + k * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    draw.polygon(points, fill=fill)


def flowers(draw, rng, cx, cy, spread, count, r):
    for _ in range(count):
        fx, fy = cx + rng.uniform(-spread, spread), cy + rng.uniform(-spread * 0.5, spread * 0.3)
        colour = rng.choice([(236, 64, 84), (250, 190, 40), (255, 245, 240), (246, 120, 40)])
        draw.ellipse([fx - r, fy - r, fx + r, fy + r], fill=colour)
        draw.ellipse([fx - r * 0.3, fy - r * 0.3, fx + r * 0.3, fy + r * 0.3], fill=(250, 220, 90))


def finish(image, rng, grain=5, blur=1.1):
    """A photograph's softness, a little grain and darker corners."""
    w, h = image.size
    image = image.filter(ImageFilter.GaussianBlur(blur))
    noise = Image.frombytes("L", (w // 2, h // 2), rng.randbytes((w // 2) * (h // 2)))
    noise = Image.merge("RGB", [noise.resize((w, h), Image.Resampling.BILINEAR)] * 3)
    image = Image.blend(image, noise, grain / 255)
    mask = Image.new("L", (w // 8, h // 8), 0)
    md = ImageDraw.Draw(mask)
    for i in range(40):
        t = i / 40
        md.ellipse([-w / 8 * 0.25 * (1 - t), -h / 8 * 0.25 * (1 - t), w / 8 * (1 + 0.25 * (1 - t)),
                    h / 8 * (1 + 0.25 * (1 - t))], fill=round(255 * t ** 0.5))
    mask = mask.resize((w, h), Image.Resampling.BILINEAR).filter(ImageFilter.GaussianBlur(h / 30))
    return Image.composite(image, lerp_image(image, (0, 0, 0), 0.28), mask)


def lerp_image(image, colour, t):
    return Image.blend(image, Image.new("RGB", image.size, colour), t)


# ---- the scenes ------------------------------------------------------------------------------

def road_khong_lao(rng):
    """Members pour a concrete field road among terraces below the mountains; the group works
    in the right third of the picture."""
    w, h = 2400, 1600
    im = Image.new("RGB", (w, h))
    vertical_gradient(im, (0, 0, w, int(h * 0.45)), (120, 170, 220), (214, 228, 236))
    mountains(im, rng, h * 0.45, [(0.62, 0.10, (150, 170, 190)), (0.78, 0.08, (105, 135, 140)),
                                   (0.95, 0.06, (70, 108, 84))])
    terraces(im, rng, int(h * 0.43), h + 60, [(118, 160, 60), (134, 172, 70), (150, 178, 80), (104, 146, 56)])
    d = ImageDraw.Draw(im)
    # the road: wet new concrete nearest, dry grey further on, a wheelbarrow, sacks of cement
    d.polygon([(w * 0.30, h), (w * 0.66, h), (w * 0.60, h * 0.62), (w * 0.54, h * 0.47), (w * 0.51, h * 0.47),
               (w * 0.52, h * 0.62)], fill=(186, 186, 180))
    d.polygon([(w * 0.30, h), (w * 0.66, h), (w * 0.63, h * 0.80), (w * 0.42, h * 0.80)], fill=(150, 152, 150))
    for i in range(6):
        sx = w * 0.86 + i % 3 * 46
        sy = h * 0.86 - i // 3 * 30
        d.rounded_rectangle([sx, sy, sx + 80, sy + 42], 10, fill=(226, 218, 200), outline=(160, 150, 130))
    d.polygon([(w * 0.585, h * 0.86), (w * 0.655, h * 0.86), (w * 0.645, h * 0.90), (w * 0.595, h * 0.90)],
              fill=(60, 110, 70))
    d.line([(w * 0.655, h * 0.865), (w * 0.70, h * 0.89)], fill=(60, 60, 60), width=8)
    d.ellipse([w * 0.58, h * 0.89, w * 0.60, h * 0.92], fill=(30, 30, 30))
    shirts = [(30, 90, 170), (230, 120, 30), (40, 130, 80), (200, 40, 50)]
    for i, (x, feet, tall) in enumerate([(0.66, 0.90, 0.40), (0.74, 0.93, 0.43), (0.80, 0.88, 0.39), (0.71, 0.80, 0.31)]):
        person(d, w * x, h * feet, h * tall, shirts[i], skin=SKIN[i % 4], hat=(i % 2 == 0),
               arms="forward" if i != 3 else "down")
    return finish(im, rng)


def tea_hills(rng):
    """Tea pickers of Mây Phong between rows of tea bushes; they stand in the left fifth."""
    w, h = 2400, 1600
    im = Image.new("RGB", (w, h))
    vertical_gradient(im, (0, 0, w, int(h * 0.5)), (176, 200, 222), (232, 236, 232))
    mountains(im, rng, h * 0.42, [(0.72, 0.09, (170, 186, 196)), (0.92, 0.07, (128, 156, 150))])
    vertical_gradient(im, (0, int(h * 0.40), w, h), (96, 140, 64), (70, 112, 46))
    d = ImageDraw.Draw(im)
    for row in range(14):
        t = row / 13
        y = h * (0.43 + 0.57 * t ** 1.4)
        bush = 14 + 70 * t
        colour = lerp((70, 118, 56), (40, 96, 40), t)
        for x in range(-60, w + 60, int(bush * 1.2)):
            jitter = rng.uniform(-bush * 0.2, bush * 0.2)
            d.ellipse([x - bush, y - bush * 0.55 + jitter, x + bush, y + bush * 0.5 + jitter], fill=colour)
            d.ellipse([x - bush * 0.6, y - bush * 0.6 + jitter, x + bush * 0.3, y - bush * 0.1 + jitter],
                      fill=lerp(colour, (150, 200, 80), 0.35))
    for x, feet, tall, shirt in [(0.13, 0.86, 0.42, (60, 60, 140)), (0.24, 0.80, 0.34, (150, 40, 90)),
                                 (0.33, 0.70, 0.24, (40, 120, 150))]:
        person(d, w * x, h * feet, h * tall, shirt, trousers=(30, 30, 40), skin=SKIN[1], hat=True,
               arms="forward", skirt=True)
        r = h * tall * 0.075
        d.rounded_rectangle([w * x + r * 1.2, h * feet - h * tall * 0.62, w * x + r * 3.0, h * feet - h * tall * 0.35],
                            r * 0.4, fill=(168, 128, 70), outline=(120, 88, 40), width=4)
    return finish(im, rng)


def meeting_hall(rng):
    """A conference hall: the red banner across the wall, the speaker at a lectern on the left,
    the audience's heads in the foreground."""
    w, h = 2400, 1500
    im = Image.new("RGB", (w, h))
    vertical_gradient(im, (0, 0, w, int(h * 0.62)), (238, 228, 205), (220, 205, 178))
    vertical_gradient(im, (0, int(h * 0.62), w, h), (150, 70, 50), (110, 50, 36))
    d = ImageDraw.Draw(im)
    banner(im, (int(w * 0.08), int(h * 0.06), int(w * 0.92), int(h * 0.24)),
           ["LIÊN ĐOÀN LAO ĐỘNG HUYỆN PHONG THỔ", "PHONG TRÀO THI ĐUA NĂM 2024"])
    # flag and the stage
    d.rectangle([w * 0.40, h * 0.28, w * 0.60, h * 0.48], fill=(212, 20, 30))
    star(d, w * 0.50, h * 0.38, h * 0.07, (255, 215, 0))
    d.rectangle([0, h * 0.56, w, h * 0.64], fill=(120, 60, 40))
    d.rectangle([w * 0.50, h * 0.50, w * 0.96, h * 0.60], fill=(230, 230, 236))
    for i in range(4):
        person(d, w * (0.56 + i * 0.11), h * 0.60, h * 0.20, (40, 60, 90), skin=SKIN[i % 4])
    d.rectangle([w * 0.50, h * 0.52, w * 0.96, h * 0.60], fill=(28, 70, 140))
    person(d, w * 0.24, h * 0.64, h * 0.36, (245, 245, 240), trousers=(40, 40, 50), skin=SKIN[2], arms="forward")
    d.polygon([(w * 0.18, h * 0.50), (w * 0.30, h * 0.50), (w * 0.285, h * 0.66), (w * 0.195, h * 0.66)],
              fill=(150, 90, 50))
    star(d, w * 0.24, h * 0.56, h * 0.03, (255, 215, 0))
    flowers(d, rng, w * 0.24, h * 0.48, w * 0.035, 18, h * 0.012)
    # the audience, from behind
    for row, (y, size) in enumerate([(0.80, 0.22), (0.93, 0.28), (1.08, 0.36)]):
        for k in range(9 - row * 2):
            x = w * ((k + 0.5 + (row % 2) * 0.5) / (9 - row * 2)) + rng.uniform(-30, 30)
            shirt = rng.choice([(245, 245, 240), (40, 60, 90), (200, 40, 50), (235, 230, 215)])
            person(d, x, h * y + size * h * 0.5, h * size, shirt, face=False, skin=SKIN[k % 4])
    return finish(im, rng)


def volleyball(rng):
    """Members play volleyball on the commune field; the players jumping at the net are in the
    right third, the mountains behind."""
    w, h = 2400, 1600
    im = Image.new("RGB", (w, h))
    vertical_gradient(im, (0, 0, w, int(h * 0.4)), (96, 156, 224), (200, 222, 236))
    mountains(im, rng, h * 0.4, [(0.70, 0.08, (120, 150, 160)), (0.92, 0.05, (80, 120, 90))])
    vertical_gradient(im, (0, int(h * 0.42), w, h), (196, 150, 100), (176, 126, 82))
    d = ImageDraw.Draw(im)
    d.polygon([(w * 0.20, h * 0.50), (w * 0.98, h * 0.50), (w * 1.10, h * 0.98), (w * 0.05, h * 0.98)],
              outline=(250, 250, 250), width=10)
    d.line([(w * 0.58, h * 0.50), (w * 0.60, h * 0.98)], fill=(250, 250, 250), width=10)
    # the net between two poles
    d.line([(w * 0.56, h * 0.24), (w * 0.56, h * 0.80)], fill=(90, 90, 90), width=14)
    d.line([(w * 0.64, h * 0.24), (w * 0.64, h * 0.80)], fill=(90, 90, 90), width=14)
    d.polygon([(w * 0.56, h * 0.28), (w * 0.64, h * 0.28), (w * 0.64, h * 0.42), (w * 0.56, h * 0.42)],
              fill=None, outline=(30, 30, 30))
    for k in range(12):
        d.line([(w * (0.56 + k * 0.08 / 11), h * 0.28), (w * (0.56 + k * 0.08 / 11), h * 0.42)], fill=(40, 40, 40), width=3)
    for k in range(6):
        d.line([(w * 0.56, h * (0.28 + k * 0.028)), (w * 0.64, h * (0.28 + k * 0.028))], fill=(40, 40, 40), width=3)
    d.rectangle([w * 0.56, h * 0.275, w * 0.64, h * 0.29], fill=(250, 250, 250))
    # players: red team jumping on the right, blue team on the left of the net
    person(d, w * 0.72, h * 0.70, h * 0.46, (210, 30, 40), trousers=(20, 20, 30), skin=SKIN[2], arms="up")
    person(d, w * 0.83, h * 0.86, h * 0.48, (210, 30, 40), trousers=(20, 20, 30), skin=SKIN[0], arms="forward")
    person(d, w * 0.50, h * 0.72, h * 0.40, (30, 80, 190), trousers=(20, 20, 30), skin=SKIN[1], arms="up")
    person(d, w * 0.40, h * 0.80, h * 0.40, (30, 80, 190), trousers=(20, 20, 30), skin=SKIN[3], arms="forward")
    d.ellipse([w * 0.685, h * 0.11, w * 0.715, h * 0.155], fill=(250, 220, 40), outline=(30, 90, 200), width=6)
    # spectators at the left edge
    for k in range(5):
        person(d, w * (0.03 + k * 0.035), h * 0.62, h * 0.18, rng.choice([(245, 245, 240), (230, 120, 30)]),
               skin=SKIN[k % 4])
    return finish(im, rng)


def health_centre(rng):
    """The reception desk of the district health centre: a nurse at the counter, people
    waiting on benches on the left, a queue-number screen."""
    w, h = 2400, 1600
    im = Image.new("RGB", (w, h))
    vertical_gradient(im, (0, 0, w, int(h * 0.66)), (226, 238, 240), (206, 224, 228))
    vertical_gradient(im, (0, int(h * 0.66), w, h), (196, 200, 196), (170, 176, 172))
    d = ImageDraw.Draw(im)
    d.rectangle([0, h * 0.62, w, h * 0.66], fill=(90, 150, 160))
    # the sign and the queue screen
    d.rectangle([w * 0.58, h * 0.07, w * 0.90, h * 0.18], fill=(20, 120, 90))
    d.rectangle([w * 0.605, h * 0.09, w * 0.635, h * 0.16], fill=(250, 250, 250))
    d.rectangle([w * 0.59, h * 0.11, w * 0.65, h * 0.14], fill=(250, 250, 250))
    f = font(int(h * 0.05))
    d.text((w * 0.67, h * 0.095), "TIẾP ĐÓN", font=f, fill=(250, 250, 250))
    d.rounded_rectangle([w * 0.28, h * 0.10, w * 0.46, h * 0.26], 12, fill=(20, 24, 30))
    d.text((w * 0.30, h * 0.13), "A 027", font=font(int(h * 0.07)), fill=(255, 90, 60))
    # the nurse behind the counter, the counter, a computer
    person(d, w * 0.72, h * 0.82, h * 0.60, (250, 250, 252), trousers=(250, 250, 252), skin=SKIN[3],
           cap=(250, 250, 252), arms="forward")
    d.rectangle([w * 0.70, h * 0.235, w * 0.74, h * 0.25], fill=(210, 30, 40))
    d.rectangle([w * 0.52, h * 0.56, w * 0.98, h * 0.84], fill=(120, 170, 180))
    d.rectangle([w * 0.50, h * 0.54, w * 1.00, h * 0.58], fill=(236, 236, 232))
    d.rectangle([w * 0.84, h * 0.40, w * 0.95, h * 0.52], fill=(30, 34, 40))
    d.rectangle([w * 0.885, h * 0.52, w * 0.905, h * 0.54], fill=(60, 60, 60))
    # patients on a bench
    d.rectangle([w * 0.03, h * 0.74, w * 0.40, h * 0.78], fill=(70, 110, 170))
    for k, x in enumerate([0.08, 0.17, 0.26, 0.35]):
        person(d, w * x, h * 0.86, h * 0.34, rng.choice([(180, 80, 60), (70, 90, 60), (120, 120, 140)]),
               skin=SKIN[k % 4], face=(k % 2 == 0), skirt=(k == 1))
    return finish(im, rng)


def classroom(rng):
    """Teachers' Day at Vàng Ma Chải: a green blackboard full of chalk flowers on the left, the
    teacher with her bunch of flowers on the right, pupils' heads in front."""
    w, h = 2400, 1600
    im = Image.new("RGB", (w, h))
    vertical_gradient(im, (0, 0, w, int(h * 0.75)), (236, 222, 170), (220, 200, 150))
    vertical_gradient(im, (0, int(h * 0.75), w, h), (150, 110, 70), (120, 86, 54))
    d = ImageDraw.Draw(im)
    d.rectangle([w * 0.05, h * 0.10, w * 0.60, h * 0.58], fill=(40, 90, 60), outline=(140, 100, 60), width=22)
    d.text((w * 0.10, h * 0.16), "Chúc mừng ngày", font=font(int(h * 0.06), bold=False), fill=(250, 250, 240))
    d.text((w * 0.10, h * 0.25), "Nhà giáo Việt Nam", font=font(int(h * 0.07)), fill=(250, 230, 120))
    d.text((w * 0.10, h * 0.36), "20 - 11", font=font(int(h * 0.08)), fill=(250, 150, 160))
    for _ in range(5):
        cx, cy = w * rng.uniform(0.38, 0.56), h * rng.uniform(0.32, 0.52)
        for k in range(6):
            a = k * math.pi / 3
            d.ellipse([cx + 40 * math.cos(a) - 26, cy + 40 * math.sin(a) - 26, cx + 40 * math.cos(a) + 26,
                       cy + 40 * math.sin(a) + 26], outline=rng.choice([(250, 200, 220), (250, 250, 200), (200, 230, 250)]),
                      width=6)
    person(d, w * 0.80, h * 0.88, h * 0.66, (196, 40, 90), trousers=(196, 40, 90), skin=SKIN[0], skirt=True,
           arms="forward")
    flowers(d, rng, w * 0.80, h * 0.56, w * 0.04, 26, h * 0.014)
    # pupils from behind, school shirts
    for row, (y, size) in enumerate([(0.98, 0.30), (1.12, 0.38)]):
        for k in range(6 - row):
            x = w * ((k + 0.5) / (6 - row)) + rng.uniform(-25, 25)
            person(d, x, h * y + size * h * 0.5, h * size, (245, 245, 250), face=False, skin=SKIN[k % 4])
    return finish(im, rng)


def one_stop_desk(rng):
    """The one-stop desk of Phong Thổ town: three officers behind the counter under the sign,
    left of centre."""
    w, h = 2400, 1600
    im = Image.new("RGB", (w, h))
    vertical_gradient(im, (0, 0, w, int(h * 0.7)), (246, 236, 214), (230, 216, 190))
    vertical_gradient(im, (0, int(h * 0.7), w, h), (180, 160, 140), (150, 130, 110))
    d = ImageDraw.Draw(im)
    banner(im, (int(w * 0.08), int(h * 0.06), int(w * 0.66), int(h * 0.18)), ["BỘ PHẬN MỘT CỬA"],
           fill=(20, 70, 150), ink=(255, 255, 255))
    for k, (x, shirt) in enumerate([(0.20, (240, 240, 236)), (0.36, (90, 130, 190)), (0.52, (240, 240, 236))]):
        person(d, w * x, h * 0.92, h * 0.66, shirt, trousers=(40, 40, 60), skin=SKIN[(k + 1) % 4],
               arms="forward" if k != 1 else "right-up")
    d.rectangle([w * 0.04, h * 0.58, w * 0.70, h * 0.90], fill=(150, 96, 56))
    d.rectangle([w * 0.02, h * 0.55, w * 0.72, h * 0.60], fill=(190, 140, 90))
    for number, x in enumerate((0.14, 0.30, 0.46, 0.62), start=1):
        d.rectangle([w * x, h * 0.64, w * (x + 0.07), h * 0.72], fill=(250, 250, 245))
        d.text((w * (x + 0.012), h * 0.655), f"Quầy {number}", font=font(int(h * 0.025)),
               fill=(30, 30, 30))
    # a citizen waiting on the right, a plant
    person(d, w * 0.86, h * 0.96, h * 0.58, (100, 140, 80), skin=SKIN[2], face=False)
    d.rectangle([w * 0.95, h * 0.72, w * 0.99, h * 0.90], fill=(130, 70, 40))
    for k in range(9):
        a = -math.pi / 2 + (k - 4) * 0.3
        d.line([(w * 0.97, h * 0.72), (w * 0.97 + 160 * math.cos(a), h * 0.72 + 200 * math.sin(a))],
               fill=(60, 130, 60), width=18)
    return finish(im, rng)


def portrait_duc(rng):
    """Hoàng Văn Đức in front of the commune office of Dào San, mountains behind: a portrait
    taken upright, as phones do, his face above and right of centre."""
    w, h = 1500, 2000
    im = Image.new("RGB", (w, h))
    vertical_gradient(im, (0, 0, w, int(h * 0.45)), (130, 180, 226), (214, 228, 236))
    mountains(im, rng, h * 0.40, [(0.75, 0.06, (140, 165, 180)), (0.95, 0.05, (90, 130, 100))])
    d = ImageDraw.Draw(im)
    # the office: yellow walls, red roof, a flag
    d.rectangle([0, h * 0.30, w * 0.55, h * 0.75], fill=(240, 206, 110))
    d.polygon([(-40, h * 0.30), (w * 0.58, h * 0.30), (w * 0.50, h * 0.22), (0, h * 0.22)], fill=(170, 60, 40))
    for k in range(4):
        d.rectangle([w * (0.04 + k * 0.13), h * 0.38, w * (0.12 + k * 0.13), h * 0.50], fill=(90, 120, 140))
    d.line([(w * 0.08, h * 0.05), (w * 0.08, h * 0.22)], fill=(120, 120, 120), width=10)
    d.rectangle([w * 0.08, h * 0.05, w * 0.22, h * 0.12], fill=(212, 20, 30))
    star(d, w * 0.15, h * 0.085, h * 0.025, (255, 215, 0))
    vertical_gradient(im, (0, int(h * 0.75), w, h), (150, 150, 146), (120, 120, 116))
    d = ImageDraw.Draw(im)
    person(d, w * 0.60, h * 1.55, h * 1.45, (236, 236, 230), trousers=(40, 44, 60), skin=SKIN[1], arms="forward")
    d.rectangle([w * 0.60 - 6, h * 0.35, w * 0.60 + 6, h * 0.62], fill=(140, 30, 40))
    d.rounded_rectangle([w * 0.42, h * 0.78, w * 0.62, h * 0.92], 10, fill=(30, 90, 160))
    return finish(im, rng, blur=1.3)


def logo_png(size=512):
    """The campaign's mark (the star of content/media/logo.svg) on a transparent background."""
    scale = 4
    big = size * scale
    im = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    d = ImageDraw.Draw(im)
    c = big / 2
    d.ellipse([c - big * 0.47, c - big * 0.47, c + big * 0.47, c + big * 0.47], fill=(200, 16, 46, 255))
    d.ellipse([c - big * 0.41, c - big * 0.41, c + big * 0.41, c + big * 0.41], outline=(242, 194, 48, 255),
              width=big // 32)
    star(d, c, c + big * 0.02, big * 0.30, (242, 194, 48, 255))
    return im.resize((size, size), Image.Resampling.LANCZOS)


SCENES = {
    "duong-noi-dong-khong-lao.jpg": road_khong_lao,
    "doi-che-may-phong.jpg": tea_hills,
    "hoi-truong-bang-ron-do.jpg": meeting_hall,
    "giao-luu-bong-chuyen.jpg": volleyball,
    "tiep-don-trung-tam-y-te.jpg": health_centre,
    "lop-hoc-vang-ma-chai.jpg": classroom,
    "bo-phan-mot-cua-phong-tho.jpg": one_stop_desk,
    "hoang-van-duc.jpg": portrait_duc,
}

# Where each of these two was "taken" (Phong Thổ town and Mây Phong), and by whom.
EXIF = {
    "duong-noi-dong-khong-lao.jpg": ("22.53", "103.33", "Lò Văn Thắng", "2024:06:22 09:41:00"),
    "doi-che-may-phong.jpg": ("22.55", "103.37", "Lò Văn Thắng", "2024:04:16 08:12:00"),
}


def save_jpeg(image, path):
    quality = JPEG_QUALITY
    while True:
        image.save(path, "JPEG", quality=quality, optimize=True, progressive=False)
        if path.stat().st_size <= MAX_BYTES or quality <= 60:
            return quality
        quality -= 3


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(Path(__file__).resolve().parents[2] / "content" / "media"))
    out = Path(parser.parse_args().out)
    out.mkdir(parents=True, exist_ok=True)
    for index, (name, draw) in enumerate(SCENES.items()):
        rng = random.Random(2024 + index)
        image = draw(rng)
        quality = save_jpeg(image, out / name)
        print(f"{name}: {image.width}x{image.height}, quality {quality}, {(out / name).stat().st_size} bytes")
    logo = logo_png()
    logo.save(out / "logo.png", optimize=True)
    print(f"logo.png: {logo.width}x{logo.height}, {(out / 'logo.png').stat().st_size} bytes")

    exiftool = shutil.which("exiftool")
    if exiftool is None:
        print("exiftool is not installed: no GPS position written")
        return
    for name, (lat, lon, artist, taken) in EXIF.items():
        subprocess.run([exiftool, "-q", f"-GPSLatitude={lat}", "-GPSLatitudeRef=N", f"-GPSLongitude={lon}",
                        "-GPSLongitudeRef=E", f"-Artist={artist}", "-Make=Samsung", "-Model=Galaxy A15",
                        f"-DateTimeOriginal={taken}", "-overwrite_original", str(out / name)],
                       check=True)
        print(f"{name}: GPS {lat} N {lon} E, Artist {artist}")


if __name__ == "__main__":
    main()
