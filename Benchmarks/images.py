#!/usr/bin/env python3
"""Benchmark thidua's photo pipeline against Hugo extended on generated phone photos.

    python3 Benchmarks/images.py [--photos 40] [--runs 3] [--thidua-only] [--binary PATH]
    python3 Benchmarks/images.py --photos 40,200 --thidua-only   # memory: 40 vs 200 photos

For each photo count N: generate N large "phone photos" once (deterministic, fixed seed, with
the `vips` and `exiftool` command-line tools) into .build/bench/photos/, write a thidua site
and an equivalent Hugo site around them into .build/bench/images/<N>/, then run, alternating
inside every round: thidua fresh build (empty output folder and empty image cache), Hugo fresh
build (empty destination and cache folder), thidua unchanged rebuild (same output folder, warm
cache). Outputs and caches live on the tmpfs /dev/shm. Each run is wrapped in
`/usr/bin/time -v`. Medians go to stdout and to .build/bench/results-images.md; progress goes
to stderr. See Benchmarks/README.md ("Photos"). Python 3 standard library only; the photos are
made by the `vips` CLI (Debian libvips-tools) and tagged by exiftool (libimage-exiftool-perl).
"""

from __future__ import annotations

import argparse
import concurrent.futures
import hashlib
import inspect
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import bench  # noqa: E402  (same folder: time reports, medians, the release build)
import generate  # noqa: E402  (same folder: the Vietnamese stories around the photos)

BENCH_ROOT = bench.BENCH_ROOT
PHOTOS = BENCH_ROOT / "photos"
SITES = BENCH_ROOT / "images"
# Outputs and caches: tmpfs, so that neither tool waits for a disk and deleting a previous
# output costs nothing (see "What is measured" in the README for what ext4 did to bench.py).
SCRATCH = Path("/dev/shm") / "thidua-bench-images"
NOW = bench.NOW
SEED = generate.SEED
PHOTO_VERSION = 1  # bump when the photos change shape (the stamp also hashes the code below)
STAMP = ".generated"
JPEG_QUALITY = 92  # what a phone camera writes

log = bench.log

# Debian package of every command the benchmark runs besides thidua.
PACKAGES = {"time": "time", "vips": "libvips-tools", "exiftool": "libimage-exiftool-perl",
            "hugo": "hugo"}

IMAGE_SUFFIXES = {".avif": "AVIF", ".webp": "WebP", ".jpg": "JPEG", ".jpeg": "JPEG",
                  ".png": "PNG"}


# --------------------------------------------------------------------------------------------
# Setup: tools
# --------------------------------------------------------------------------------------------

def first_line(command: list[str]) -> str:
    try:
        out = subprocess.run(command, capture_output=True, text=True).stdout.strip()
    except OSError:
        return "?"
    return out.splitlines()[0] if out else "?"


def hugo_info() -> tuple[str, bool]:
    """('hugo 0.111.3+extended', is_extended): WebP encoding needs the extended edition."""
    line = first_line(["hugo", "version"])
    match = re.search(r"v(\d+\.\d+\.\d+)(\+extended)?", line)
    if not match:
        return f"hugo ({line})", False
    return f"hugo {match.group(1)}{match.group(2) or ''}", bool(match.group(2))


# --------------------------------------------------------------------------------------------
# Photos
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PhotoSpec:
    index: int     # 1-based
    width: int     # as shown (after the EXIF orientation)
    height: int
    rotated: bool  # stored sideways, landscape, with EXIF Orientation 6 (rotate 90° clockwise)

    @property
    def name(self) -> str:
        return f"photo-{self.index:02d}.jpg"


def photo_spec(index: int) -> PhotoSpec:
    """The same photo for every count: 4000×3000 by default, every third 4032×3024, every tenth
    (3, 13, …) 6000×4000, and the 7th of every 40 a portrait 3024×4032 shot sideways."""
    k = index % 40
    if k == 7:
        return PhotoSpec(index, 3024, 4032, rotated=True)
    if index % 10 == 3:
        return PhotoSpec(index, 6000, 4000, rotated=False)
    if index % 3 == 0:
        return PhotoSpec(index, 4032, 3024, rotated=False)
    return PhotoSpec(index, 4000, 3000, rotated=False)


# Phong Thổ, Lai Châu; the camera's position varies by a few kilometres.
GPS_CENTRE = (22.6410, 103.3520)
CAMERAS = [("samsung", "SM-A546E"), ("Xiaomi", "Redmi Note 12"), ("OPPO", "CPH2505"),
           ("Apple", "iPhone 13")]
ARTISTS = ["Ban Tuyên giáo LĐLĐ huyện Phong Thổ", "Lò Văn Ước", "Nguyễn Thị An",
           "Hoàng Văn Đức", "Vàng Thị An"]


def vips(*args: str, cwd: Path) -> None:
    proc = subprocess.run(["vips", *args], cwd=cwd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"vips {' '.join(args)}: {proc.stderr.strip()}")


def make_photo(spec: PhotoSpec, dest: Path) -> None:
    """Draw one photo-like JPEG: a smooth colour field with a light-to-dark gradient (drawn at
    1/8 size, then enlarged), flat shapes (banners, boards, round things), mid-scale texture
    (Perlin noise, 24 px cells) and sensor grain, saved at quality 92 (3–6 MB at 12 MP), then
    tagged with GPS position, Artist, camera and date."""
    rng = random.Random(f"{SEED}-photo-{spec.index}")
    width, height = spec.width, spec.height
    small_w, small_h = width // 8, height // 8
    seed = rng.randrange(1, 2**31 - 1)
    work = SCRATCH / "gen" / f"photo-{spec.index}"
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    try:
        # Colour field: luminance, two chroma axes and a vertical gradient, mixed to RGB.
        vips("perlin", "l.v", str(small_w), str(small_h), "--cell-size", str(rng.randint(40, 80)),
             "--seed", str(seed), cwd=work)
        vips("perlin", "c1.v", str(small_w), str(small_h), "--cell-size", str(rng.randint(70, 130)),
             "--seed", str(seed + 1), cwd=work)
        vips("perlin", "c2.v", str(small_w), str(small_h), "--cell-size", str(rng.randint(90, 160)),
             "--seed", str(seed + 2), cwd=work)
        vips("grey", "g0.v", str(small_h), str(small_w), cwd=work)
        vips("rot", "g0.v", "g.v", "d90", cwd=work)
        vips("bandjoin", "l.v c1.v c2.v g.v", "field.v", cwd=work)
        light = rng.uniform(55, 80)
        chroma = [[rng.uniform(-45, 45) for _ in range(2)] for _ in range(3)]
        gradient = rng.uniform(-60, -20)
        rows = [f"{light:.1f} {c[0]:.1f} {c[1]:.1f} {gradient + rng.uniform(-10, 10):.1f}"
                for c in chroma]
        (work / "mix.mat").write_text("4 3\n" + "\n".join(rows) + "\n")
        vips("recomb", "field.v", "rgb.v", "mix.mat", cwd=work)
        base = " ".join(f"{rng.uniform(120, 175):.0f}" for _ in range(3))
        vips("linear", "rgb.v", "small.v", "1", base, "--uchar", cwd=work)
        vips("resize", "small.v", "big.v", "8", "--kernel", "cubic", cwd=work)
        # Shapes, drawn in place: a banner, boards, round things (balloons, heads, lamps).
        for _ in range(rng.randint(4, 8)):
            ink = " ".join(str(rng.randrange(256)) for _ in range(3))
            if rng.random() < 0.5:
                w, h = int(width * rng.uniform(0.08, 0.45)), int(height * rng.uniform(0.04, 0.25))
                x, y = rng.randrange(width - w), rng.randrange(height - h)
                vips("draw_rect", "big.v", ink, str(x), str(y), str(w), str(h), "--fill", cwd=work)
            else:
                r = int(min(width, height) * rng.uniform(0.03, 0.12))
                x, y = rng.randrange(r, width - r), rng.randrange(r, height - r)
                vips("draw_circle", "big.v", ink, str(x), str(y), str(r), "--fill", cwd=work)
        # Texture and grain over everything, as a lens and a small sensor would leave it.
        vips("perlin", "m.v", str(width), str(height), "--cell-size", "24", "--seed", str(seed + 3),
             cwd=work)
        # Less of both on the 24 MP photos, whose JPEGs would otherwise pass 7 MB.
        fine = 1.0 if width * height <= 13_000_000 else 0.6
        vips("linear", "m.v", "m2.v", f"{fine * rng.uniform(14, 26):.1f}", "0", cwd=work)
        vips("gaussnoise", "n.v", str(width), str(height), "--mean", "0", "--sigma",
             f"{fine * rng.uniform(4.5, 6.5):.2f}", "--seed", str(seed + 4), cwd=work)
        vips("add", "m2.v", "n.v", "detail.v", cwd=work)
        vips("add", "big.v", "detail.v", "sum.v", cwd=work)
        vips("cast", "sum.v", "photo.v", "uchar", cwd=work)
        if spec.rotated:  # the sensor is landscape: store the portrait turned 90° anticlockwise
            vips("rot", "photo.v", "stored.v", "d270", cwd=work)
        else:
            os.replace(work / "photo.v", work / "stored.v")
        tmp = dest.with_suffix(".tmp.jpg")
        vips("jpegsave", "stored.v", str(tmp), "--Q", str(JPEG_QUALITY), cwd=work)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    make, model = rng.choice(CAMERAS)
    lat = GPS_CENTRE[0] + rng.uniform(-0.05, 0.05)
    lon = GPS_CENTRE[1] + rng.uniform(-0.05, 0.05)
    day = rng.randrange(1, 29)
    month = rng.randrange(1, 13)
    stamp = f"2024:{month:02d}:{day:02d} {rng.randrange(7, 18):02d}:{rng.randrange(60):02d}:00"
    tags = [
        f"-Artist={rng.choice(ARTISTS)}", f"-Make={make}", f"-Model={model}",
        f"-DateTimeOriginal={stamp}", f"-CreateDate={stamp}",
        f"-GPSLatitude={lat:.6f}", "-GPSLatitudeRef=N",
        f"-GPSLongitude={lon:.6f}", "-GPSLongitudeRef=E",
        f"-GPSAltitude={rng.uniform(700, 1400):.1f}", "-GPSAltitudeRef=0",
        f"-Orientation#={6 if spec.rotated else 1}",
    ]
    proc = subprocess.run(["exiftool", "-q", "-overwrite_original", "-charset", "exif=utf8",
                           *tags, str(tmp)], capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"exiftool on {tmp}: {proc.stderr.strip()}")
    os.replace(tmp, dest)


def photos_stamp() -> str:
    """What the photos depend on: this generator's code, the seed, the vips version."""
    digest = hashlib.sha256()
    for obj in (PhotoSpec, photo_spec, make_photo):
        digest.update(inspect.getsource(obj).encode())
    digest.update(repr((PHOTO_VERSION, SEED, JPEG_QUALITY, GPS_CENTRE, CAMERAS, ARTISTS)).encode())
    return f"photos {PHOTO_VERSION} {digest.hexdigest()[:16]} {first_line(['vips', '--version'])}\n"


def ensure_photos(count: int) -> tuple[list[Path], str]:
    """Photos 1…count in .build/bench/photos/. Photo i is the same for every count, so asking
    for 200 after 40 adds 160. The stamp (first line: generator; second: how many are done) is
    rewritten as photos are finished, so an interrupted run keeps what it made."""
    stamp_file = PHOTOS / STAMP
    expected = photos_stamp()
    done = 0
    if stamp_file.exists():
        lines = stamp_file.read_text().splitlines(keepends=True)
        if lines and lines[0] == expected and len(lines) > 1:
            done = int(lines[1])
    if done == 0 and PHOTOS.exists():
        shutil.rmtree(PHOTOS)
    PHOTOS.mkdir(parents=True, exist_ok=True)
    paths = [PHOTOS / photo_spec(i).name for i in range(1, count + 1)]
    todo = [photo_spec(i) for i in range(1, count + 1)
            if i > done or not (PHOTOS / photo_spec(i).name).exists()]
    if not todo:
        return paths, f"reused: {count} photos made earlier by the same generator"
    need = 7_000_000 * len(todo)
    if shutil.disk_usage(PHOTOS).free < need * 1.5:
        sys.exit(f"images.py: {len(todo)} photos need about {need / 1e9:.1f} GB under {PHOTOS}")
    log(f"Making {len(todo)} photos into {PHOTOS} (vips, exiftool; about 3 s each on 2 cores)")
    started = time.perf_counter()
    # Two at a time: each vips step is short and partly single-threaded.
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, min(4, os.cpu_count() or 1))) as pool:
        futures = {pool.submit(make_photo, spec, PHOTOS / spec.name): spec for spec in todo}
        finished = 0
        for future in concurrent.futures.as_completed(futures):
            future.result()
            finished += 1
            if finished % 10 == 0 or finished == len(todo):
                log(f"  {finished}/{len(todo)} photos")
    stamp_file.write_text(expected + f"{max(done, count)}\n")
    shutil.rmtree(SCRATCH / "gen", ignore_errors=True)
    seconds = time.perf_counter() - started
    return paths, f"{len(todo)} of them made in {seconds:.0f} s"


# --------------------------------------------------------------------------------------------
# Sites
# --------------------------------------------------------------------------------------------

def stray_caches(site: Path, count: int) -> list[Path]:
    """Where a binary that misreads `images.cache` might put its cache instead: the default
    folder, or the absolute path taken as relative to the site."""
    return [site / ".thidua-cache", site / str(cache_folder(count)).lstrip("/")]


def cache_folder(count: int) -> Path:
    """thidua's image cache for the site of `count` photos, named in its site.yml."""
    return SCRATCH / str(count) / "thidua-cache"


def thidua_site_yml(count: int) -> str:
    """The generated sites' site.yml with an `images:` block of its own: the cache on tmpfs,
    originals not published (Hugo does not publish them either)."""
    return generate.site_yml() + f"images:\n  cache: {cache_folder(count)}\n  originals: false\n"


HUGO_CONFIG = """\
# Hugo 0.111 site doing the image work of thidua's photo pipeline (see Benchmarks/README.md).
baseURL = "https://example.org/"
languageCode = "vi"
title = {title}
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]

[params]
  # Hugo's WebP encoder is in the extended edition only; images.py adds nowebp.toml otherwise.
  webp = true

[imaging]
  quality = 80
  anchor = "Smart"

# Every processed image in --cacheDir, so that each fresh build starts with an empty cache
# (the default is resources/_gen/ in the project folder).
[caches]
  [caches.images]
    dir = ":cacheDir/images"
    maxAge = -1
  [caches.assets]
    dir = ":cacheDir/assets"
    maxAge = -1
"""

HUGO_LAYOUTS = {
    # The story photo: 480, 960 and 1600 wide (never wider than the source), WebP and JPEG.
    "partials/picture.html": """\
{{- $alt := .Params.imageAlt -}}
{{- with .Params.image }}{{ with resources.Get . -}}
{{- $src := . -}}
{{- $webp := slice }}{{ $jpeg := slice -}}
{{- range slice 480 960 1600 -}}
  {{- if ge $src.Width . -}}
    {{- if site.Params.webp }}{{ $webp = $webp | append ($src.Resize (printf "%dx webp q80" .)) }}{{ end -}}
    {{- $jpeg = $jpeg | append ($src.Resize (printf "%dx jpg q80" .)) -}}
  {{- end -}}
{{- end -}}
{{- if not $jpeg }}{{ $jpeg = slice ($src.Resize (printf "%dx jpg q80" $src.Width)) }}{{ end -}}
{{- $img := index $jpeg (sub (len $jpeg) 1) }}{{ if gt (len $jpeg) 1 }}{{ $img = index $jpeg 1 }}{{ end }}
<figure><picture>
{{- with $webp }}
<source type="image/webp" sizes="(min-width: 60rem) 60rem, 100vw" srcset="{{ range $i, $r := . }}{{ if $i }}, {{ end }}{{ $r.RelPermalink }} {{ $r.Width }}w{{ end }}">
{{- end }}
<img src="{{ $img.RelPermalink }}" srcset="{{ range $i, $r := $jpeg }}{{ if $i }}, {{ end }}{{ $r.RelPermalink }} {{ $r.Width }}w{{ end }}" sizes="(min-width: 60rem) 60rem, 100vw" width="{{ $img.Width }}" height="{{ $img.Height }}" alt="{{ $alt }}" decoding="async">
</picture></figure>
{{- end }}{{ end -}}
""",
    # A card: the photo cut to 4:3, 480×360 and 960×720.
    "partials/card.html": """\
<article class="card">
{{- $alt := .Params.imageAlt -}}
{{- with .Params.image }}{{ with resources.Get . -}}
{{- $small := .Fill "480x360 Smart jpg q80" }}{{ $large := .Fill "960x720 Smart jpg q80" -}}
<picture>
{{- if site.Params.webp -}}
{{- $ws := .Fill "480x360 Smart webp q80" }}{{ $wl := .Fill "960x720 Smart webp q80" }}
<source type="image/webp" srcset="{{ $ws.RelPermalink }} 480w, {{ $wl.RelPermalink }} 960w" sizes="(min-width: 40rem) 20rem, 100vw">
{{- end }}
<img src="{{ $small.RelPermalink }}" srcset="{{ $small.RelPermalink }} 480w, {{ $large.RelPermalink }} 960w" sizes="(min-width: 40rem) 20rem, 100vw" width="480" height="360" alt="{{ $alt }}" loading="lazy" decoding="async">
</picture>
{{- end }}{{ end }}
<h2><a href="{{ .RelPermalink }}">{{ .Title }}</a></h2>
<p><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "02/01/2006" }}</time> · {{ .Params.unit }}</p>
</article>
""",
    # The sharing image: 1200×630.
    "partials/head.html": """\
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} · {{ end }}{{ site.Title }}</title>
{{- with .Params.image }}{{ with resources.Get . }}{{ $share := .Fill "1200x630 Smart jpg q80" }}
<meta property="og:image" content="{{ $share.Permalink }}">
<meta property="og:image:width" content="{{ $share.Width }}">
<meta property="og:image:height" content="{{ $share.Height }}">
{{- end }}{{ end }}
""",
    "_default/single.html": """\
<!DOCTYPE html>
<html lang="vi">
<head>{{ partial "head.html" . }}</head>
<body><main>
<h1>{{ .Title }}</h1>
{{ partial "picture.html" . }}
{{ .Content }}
</main></body>
</html>
""",
    "_default/list.html": """\
<!DOCTYPE html>
<html lang="vi">
<head>{{ partial "head.html" . }}</head>
<body><main>
<h1>{{ .Title }}</h1>
{{ range .Pages }}{{ partial "card.html" . }}{{ end }}
</main></body>
</html>
""",
    "index.html": """\
<!DOCTYPE html>
<html lang="vi">
<head>{{ partial "head.html" . }}</head>
<body><main>
<h1>{{ site.Title }}</h1>
{{ range first 12 (where site.RegularPages "Section" "stories") }}{{ partial "card.html" . }}{{ end }}
</main></body>
</html>
""",
}


def photo_alt(rng: random.Random, unit: str) -> str:
    scene = rng.choice(["Đoàn viên", "Cán bộ, viên chức", "Ban Chấp hành công đoàn cơ sở",
                        "Các nữ đoàn viên", "Người lao động"])
    act = rng.choice(["tham gia hội thi", "nhận quà của công đoàn", "trồng cây tại khuôn viên",
                      "ra quân làm đường giao thông nông thôn", "chụp ảnh lưu niệm",
                      "sinh hoạt chuyên đề"])
    return f"{scene} {unit} {act}"


def site_stamp(count: int) -> str:
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for source in generate.source_files():
        digest.update(source.read_bytes())
    for name in generate.DATA_FILES:
        digest.update((generate.SAMPLE / name).read_bytes())
    digest.update(photos_stamp().encode())
    return f"images site {digest.hexdigest()[:16]} photos {count}\n"


def ensure_site(count: int, photos: list[Path], title: str) -> tuple[Path, str]:
    """.build/bench/images/<count>/: `content/` for thidua and `hugo/` for Hugo, the photos
    hard-linked into both (content/media/, hugo/assets/media/)."""
    site = SITES / str(count)
    stamp = site / STAMP
    if stamp.exists() and stamp.read_text(encoding="utf-8") == site_stamp(count):
        log(f"Reusing the photo site in {site}")
        return site, "reused"
    if site.exists():
        shutil.rmtree(site)
    log(f"Writing the thidua and Hugo sites of {count} photos into {site}")
    movements = generate.read_movements(generate.SAMPLE / "movements.yml")
    phases = generate.read_phases(generate.SAMPLE / "timeline.yml")
    stories = generate.make_stories(count, movements, phases)

    content = site / "content"
    (content / "stories").mkdir(parents=True)
    for name in generate.DATA_FILES:
        text = (generate.SAMPLE / name).read_text(encoding="utf-8")
        if name == "site.yml":
            text = thidua_site_yml(count)
        (content / name).write_text(text, encoding="utf-8")
    hugo = site / "hugo"
    (hugo / "content" / "stories").mkdir(parents=True)
    (hugo / "content" / "stories" / "_index.md").write_text("---\ntitle: \"Tin tức\"\n---\n",
                                                            encoding="utf-8")
    for media in (content / "media", hugo / "assets" / "media"):
        media.mkdir(parents=True)
        for photo in photos:
            link_or_copy(photo, media / photo.name)
    for story, photo in zip(stories, photos):
        rng = random.Random(f"{SEED}-alt-{photo.name}")
        unit = next(value for key, value in story.fields if key == "unit").strip('"')
        extra = [("image", f"media/{photo.name}"),
                 ("imageAlt", generate.yaml_str(photo_alt(rng, unit)))]
        generate.write_item(content / "stories", story, story.fields + extra)
        hugo_fields = [(k, v) for k, v in story.fields if k in ("title", "date", "summary", "unit")]
        generate.write_item(hugo / "content" / "stories", story, hugo_fields + extra)
    (hugo / "hugo.toml").write_text(HUGO_CONFIG.format(title=generate.yaml_str(title)),
                                    encoding="utf-8")
    (hugo / "nowebp.toml").write_text("[params]\n  webp = false\n", encoding="utf-8")
    for name, text in HUGO_LAYOUTS.items():
        path = hugo / "layouts" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    stamp.write_text(site_stamp(count), encoding="utf-8")
    return site, "written"


def link_or_copy(source: Path, dest: Path) -> None:
    try:
        os.link(source, dest)
    except OSError:
        shutil.copy2(source, dest)


# --------------------------------------------------------------------------------------------
# Measuring
# --------------------------------------------------------------------------------------------

@dataclass
class Run:
    wall: float
    cpu: float
    rss_mib: float


@dataclass
class Tool:
    name: str          # thidua-fresh, hugo-fresh, thidua-rebuild
    command: list[str]
    output: Path
    empty_first: list[Path]  # folders deleted before each run (fresh builds)
    runs: list[Run] = field(default_factory=list)


def run_once(tool: Tool, work: Path) -> Run:
    for folder in tool.empty_first:
        if folder.exists():
            shutil.rmtree(folder)
    if tool.name == "hugo-fresh":
        tool.empty_first[-1].mkdir(parents=True)  # the --cacheDir
    os.sync()
    report = work / f"time-{tool.name}.txt"
    started = time.perf_counter()
    proc = subprocess.run([str(bench.GNU_TIME), "-v", "-o", str(report), *tool.command],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          encoding="utf-8", errors="replace")
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        log(f"\n{tool.name} failed (exit {proc.returncode}): {' '.join(tool.command)}")
        log("\n".join(((proc.stderr or "") + (proc.stdout or "")).splitlines()[:60]))
        sys.exit(1)
    cpu, rss = bench.parse_time_report(report.read_text())
    return Run(wall=wall, cpu=cpu, rss_mib=rss)


def make_tools(site: Path, count: int, binary: Path, names: list[str], extended: bool) -> list[Tool]:
    scratch = SCRATCH / str(count)
    out_thidua = scratch / "out-thidua"
    cache = cache_folder(count)
    hugo_flags = ["--noBuildLock"] if "hugo-fresh" in names and "--noBuildLock" in hugo_help() else []
    config = "hugo.toml" if extended else "hugo.toml,nowebp.toml"
    thidua = [str(binary), "build", "--source", str(site), "--out", str(out_thidua), "--now", NOW]
    catalogue = {
        # The cache in the site folder too, in case the binary does not read `images.cache`.
        "thidua-fresh": Tool("thidua-fresh", thidua, out_thidua,
                             [out_thidua, cache, *stray_caches(site, count)]),
        "hugo-fresh": Tool("hugo-fresh", [
            "hugo", "--source", str(site / "hugo"), "--config", config, "--destination",
            str(scratch / "out-hugo"), "--cacheDir", str(scratch / "hugo-cache"), "--quiet",
            *hugo_flags], scratch / "out-hugo",
            [scratch / "out-hugo", site / "hugo" / "resources", scratch / "hugo-cache"]),
        "thidua-rebuild": Tool("thidua-rebuild", thidua, out_thidua, []),
    }
    return [catalogue[name] for name in names]


_HUGO_HELP: str | None = None


def hugo_help() -> str:
    global _HUGO_HELP
    if _HUGO_HELP is None:
        _HUGO_HELP = subprocess.run(["hugo", "--help"], capture_output=True, text=True).stdout
    return _HUGO_HELP


def measure(tools: list[Tool], runs: int, work: Path) -> tuple[str, str]:
    work.mkdir(parents=True, exist_ok=True)
    load_before = bench.load_average()
    started = time.perf_counter()
    for round_no in range(1, runs + 1):
        for tool in tools:
            run = run_once(tool, work)
            tool.runs.append(run)
            log(f"  round {round_no}/{runs} {tool.name:14} {run.wall:8.2f} s wall, "
                f"{run.cpu:7.2f} s CPU, {run.rss_mib:7.1f} MiB")
        if round_no == 1 and runs > 1:
            elapsed = time.perf_counter() - started
            log(f"  (one round took {elapsed:.0f} s; about {elapsed * (runs - 1):.0f} s to go)")
    return load_before, bench.load_average()


@dataclass
class Published:
    files: int = 0
    bytes: int = 0
    by_format: dict[str, list[int]] = field(default_factory=dict)  # format → [files, bytes]
    copies: int = 0      # byte-for-byte copies of a source photo
    copy_bytes: int = 0


def published_images(output: Path, sources: list[Path]) -> Published:
    """Raster images in a built site (not the theme's own assets/), and how many of them are
    the source photos copied unchanged."""
    source_digests: dict[int, set[str]] = {}
    for photo in sources:
        source_digests.setdefault(photo.stat().st_size, set()).add(digest_of(photo))
    found = Published()
    for root, _dirs, files in os.walk(output):
        relative = Path(root).relative_to(output)
        if relative.parts[:1] == ("assets",):
            continue
        for name in files:
            kind = IMAGE_SUFFIXES.get(Path(name).suffix.lower())
            if kind is None:
                continue
            path = Path(root) / name
            size = path.stat().st_size
            found.files += 1
            found.bytes += size
            slot = found.by_format.setdefault(kind, [0, 0])
            slot[0] += 1
            slot[1] += size
            if size in source_digests and digest_of(path) in source_digests[size]:
                found.copies += 1
                found.copy_bytes += size
    return found


def digest_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def folder_files(folder: Path) -> tuple[int, int]:
    files = size = 0
    for root, _dirs, names in os.walk(folder):
        for name in names:
            files += 1
            size += (Path(root) / name).stat().st_size
    return files, size


# --------------------------------------------------------------------------------------------
# Reporting
# --------------------------------------------------------------------------------------------

def mb(n: int) -> str:
    return f"{n / 1e6:.1f}"


def describe_published(p: Published) -> str:
    formats = ", ".join(f"{kind} {slot[0]} files {mb(slot[1])} MB"
                        for kind, slot in sorted(p.by_format.items()))
    text = f"{p.files} files, {mb(p.bytes)} MB ({formats or 'none'})"
    if p.copies:
        text += f"; {p.copies} of them the source photos copied unchanged ({mb(p.copy_bytes)} MB)"
    return text


def goal(met: bool) -> str:
    return "goal met" if met else "goal **not** met"


def report(count: int, photos: list[Path], origin: str, tools: list[Tool], runs: int,
           versions: dict[str, str], extended: bool, loads: tuple[str, str],
           published: dict[str, Published], cache: tuple[int, int] | None) -> str:
    source_bytes = sum(p.stat().st_size for p in photos)
    sizes: dict[str, int] = {}
    for p in photos:
        spec = photo_spec(int(re.search(r"(\d+)", p.name).group(1)))
        key = f"{spec.width}×{spec.height}" + (" (stored sideways, EXIF Orientation 6)" if spec.rotated else "")
        sizes[key] = sizes.get(key, 0) + 1
    what = {"thidua-fresh": "fresh build: empty output, empty image cache",
            "hugo-fresh": "fresh build: empty destination and --cacheDir" + ("" if extended else " (JPEG only: not extended)"),
            "thidua-rebuild": "unchanged rebuild: same output, warm cache"}
    lines = [
        f"## {count} photos",
        "",
        f"Photos: {count} JPEGs (q{JPEG_QUALITY}, GPS + Artist EXIF), {mb(source_bytes)} MB, "
        f"{', '.join(f'{n}× {k}' for k, n in sizes.items())} ({origin}).  ",
        f"Medians of {runs} run{'s' if runs != 1 else ''}, tools alternated in every round; "
        f"outputs and caches on tmpfs; {os.cpu_count()} CPUs, {platform.system()} "
        f"{platform.machine()}, {time.strftime('%Y-%m-%d %H:%M')}; load average {loads[0]} "
        f"before, {loads[1]} after.",
        "",
        "| tool | run | wall s | CPU s | peak RSS MiB |",
        "|---|---|---:|---:|---:|",
    ]
    med: dict[str, dict[str, float]] = {}
    for tool in tools:
        med[tool.name] = {
            "wall": bench.median([r.wall for r in tool.runs]),
            "cpu": bench.median([r.cpu for r in tool.runs]),
            "rss": bench.median([r.rss_mib for r in tool.runs]),
        }
        m = med[tool.name]
        version = versions["hugo" if tool.name.startswith("hugo") else "thidua"]
        lines.append(f"| {version} | {what[tool.name]} | {bench.fmt_seconds(m['wall'])} | "
                     f"{bench.fmt_seconds(m['cpu'])} | {m['rss']:.1f} |")
    lines.append("")
    if "hugo-fresh" in med and "thidua-fresh" in med:
        ratio = med["hugo-fresh"]["wall"] / med["thidua-fresh"]["wall"]
        lines.append(f"- **Hugo/thidua, fresh builds (wall time): {ratio:.2f}×** "
                     f"(goal ≥ 8: {goal(ratio >= 8)}).")
        share = med["thidua-fresh"]["rss"] / med["hugo-fresh"]["rss"]
        lines.append(f"- **thidua peak / Hugo peak (RSS, fresh builds): {share:.2f}** "
                     f"(goal ≤ 0.25: {goal(share <= 0.25)}).")
    if "thidua-rebuild" in med:
        ratio = med["thidua-rebuild"]["wall"] / med["thidua-fresh"]["wall"]
        lines.append(f"- **thidua unchanged rebuild / fresh build (wall time): {ratio:.3f}** "
                     f"(goal < 0.05: {goal(ratio < 0.05)}).")
    for name, label in (("thidua-fresh", "thidua"), ("hugo-fresh", "Hugo")):
        if name in published:
            lines.append(f"- Images published by {label}: {describe_published(published[name])}.")
    if cache is not None:
        lines.append(f"- thidua's image cache after a fresh build: {cache[0]} files, {mb(cache[1])} MB.")
    if "thidua-fresh" in published:
        p = published["thidua-fresh"]
        if p.copies and p.copies == p.files:
            lines.append("- **Warning: this thidua binary copies the photos unchanged (no image "
                         "pipeline), so its numbers say nothing about image processing.**")
        elif p.copies:
            lines.append(f"- **Warning: thidua published {p.copies} source photos unchanged, GPS "
                         "position included, although site.yml says `originals: false`.**")
        elif cache is not None and cache[0] == 0 and p.files > p.copies:
            lines.append("- **Warning: thidua processed the photos but left nothing in the cache "
                         "folder named in site.yml; the rebuild measures no cache.**")
    if not extended and "hugo-fresh" in med:
        lines.append("- **Hugo is not the extended edition: it cannot encode WebP, so it made "
                     "the JPEG renditions only.**")
    lines.append("- Every run (wall s): " + "; ".join(
        f"{tool.name} " + " ".join(bench.fmt_seconds(r.wall) for r in tool.runs) for tool in tools) + ".")
    lines.append("- Peak RSS of every run (MiB): " + "; ".join(
        f"{tool.name} " + " ".join(f"{r.rss_mib:.0f}" for r in tool.runs) for tool in tools) + ".")
    return "\n".join(lines) + "\n"


def memory_by_count(results: dict[int, list[Tool]]) -> str:
    """thidua's peak memory for every photo count measured: it should not grow with the count."""
    rows = []
    for count, tools in sorted(results.items()):
        fresh = next((t for t in tools if t.name == "thidua-fresh"), None)
        if fresh and fresh.runs:
            rows.append((count, bench.median([r.rss_mib for r in fresh.runs]),
                         bench.median([r.wall for r in fresh.runs])))
    if len(rows) < 2:
        return ""
    lines = ["## thidua's memory by photo count", "",
             "| photos | fresh build wall s | peak RSS MiB |", "|---:|---:|---:|"]
    lines += [f"| {c} | {bench.fmt_seconds(w)} | {r:.1f} |" for c, r, w in rows]
    first, last = rows[0], rows[-1]
    ratio = last[1] / first[1]
    lines += ["", f"- **Peak RSS with {last[0]} photos / with {first[0]}: {ratio:.2f}** "
                  f"(goal: no more memory for more photos, ≤ 1.1: {goal(ratio <= 1.1)})."]
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------------------------

def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Benchmark thidua's photo pipeline against Hugo extended on generated photos.")
    parser.add_argument("--photos", default="40",
                        help="photo (and story) counts, comma-separated (default: 40; "
                             "'40,200' also compares thidua's memory)")
    parser.add_argument("--runs", type=int, default=3,
                        help="measured rounds per count; medians are reported (default: 3)")
    parser.add_argument("--thidua-only", action="store_true",
                        help="measure thidua alone (fresh build and unchanged rebuild)")
    parser.add_argument("--binary", type=Path, default=bench.DEFAULT_BINARY,
                        help="the thidua binary (default: .build/release/thidua)")
    args = parser.parse_args(argv)
    try:
        args.photos = [int(s.replace("_", "")) for s in args.photos.split(",") if s.strip()]
    except ValueError:
        parser.error(f"--photos takes numbers separated by commas, not '{args.photos}'")
    if not args.photos or min(args.photos) < 1:
        parser.error("--photos needs at least one positive count")
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    return args


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    binary = args.binary.resolve()
    names = (["thidua-fresh", "thidua-rebuild"] if args.thidua_only
             else ["thidua-fresh", "hugo-fresh", "thidua-rebuild"])
    bench.install_missing({command: PACKAGES[command] for command in
                           ["time", "vips", "exiftool"] + ([] if args.thidua_only else ["hugo"])})
    bench.ensure_binary(binary)
    # The work tree the binary was built in (often one of its own), as bench.py says.
    commit = first_line(["git", "-C", str(binary.parent), "describe", "--always", "--dirty"])
    if commit == "?":
        commit = first_line(["git", "-C", str(REPO), "describe", "--always", "--dirty"])
    built = time.strftime("%H:%M", time.localtime(binary.stat().st_mtime))
    hugo_version, extended = hugo_info() if not args.thidua_only else ("hugo –", True)
    versions = {"thidua": f"thidua {commit} (built {built})", "hugo": hugo_version}
    if not args.thidua_only and not extended:
        log(f"Note: {hugo_version} is not the extended edition; Hugo will make JPEG renditions only.")
    binary = bench.snapshot_binary(binary, "bin-images")
    title = generate.site_title(generate.SAMPLE / "site.yml")
    photos_all, photos_origin = ensure_photos(max(args.photos))
    tables: list[str] = []
    results: dict[int, list[Tool]] = {}
    for count in sorted(set(args.photos)):
        photos = photos_all[:count]
        site, site_origin = ensure_site(count, photos, title)
        scratch = SCRATCH / str(count)
        if scratch.exists():
            shutil.rmtree(scratch)
        tools = make_tools(site, count, binary, names, extended)
        log(f"Measuring {count} photos: {args.runs} rounds of {', '.join(names)}")
        loads = measure(tools, args.runs, scratch)
        published = {t.name: published_images(t.output, photos) for t in tools if t.name.endswith("fresh")}
        cache = cache_folder(count)
        cache_files = folder_files(cache) if cache.exists() else (0, 0)
        for stray in stray_caches(site, count):
            if stray.exists():
                log(f"Note: thidua wrote a cache into {stray}, not into {cache} as site.yml says.")
                cache_files = folder_files(stray)
                shutil.rmtree(stray)
        table = report(count, photos, photos_origin, tools, args.runs, versions, extended, loads,
                       published, cache_files)
        print(table, flush=True)
        tables.append(table)
        results[count] = tools
        shutil.rmtree(scratch)  # tmpfs is memory: give it back
    memory = memory_by_count(results)
    if memory:
        print(memory, flush=True)
        tables.append(memory)
    suffix = "-thidua-only" if args.thidua_only else ""
    out = BENCH_ROOT / f"results-images{suffix}.md"
    out.write_text("# Photos: thidua against Hugo\n\n" + "\n".join(tables), encoding="utf-8")
    log(f"Written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
