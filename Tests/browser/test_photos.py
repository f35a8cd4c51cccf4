"""The photo pipeline as a phone sees it: headless Chromium emulating a 390 px wide screen at
device scale factor 2 (conftest.phone_driver), the built sample site served over HTTP so that
srcset/sizes and the AVIF <source> are chosen as on a real host.

- a story with a lead photo stays under an image byte budget, and the lead is an AVIF file,
  loaded eagerly with high fetch priority and the alt text of the story's front matter;
- nothing moves while the page loads and its pictures arrive (cumulative layout shift 0);
- no picture fails to display on the pages that show photos or initials avatars;
- screenshots of those pages for a human (conftest.SCREENSHOT_DIR/photos-*.png).
"""

import base64
import http.server
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from local_server import serving
from sample_site import BUILD_DATE, REPO_ROOT

CONTENT = REPO_ROOT / "content"

# Image bytes a phone may download for one story page, lazy pictures included.
IMAGE_BUDGET = 400 * 1024

# Stories with a lead photo (`image:`) that are published on BUILD_DATE. Some stories with a
# photo (giao-luu-the-thao..., ngay-cong-nong-thon-moi..., the Markdown picture of thoa-uoc...)
# are dated after BUILD_DATE, so the sample build does not publish them.
LEAD_STORIES = ["phat-dong-thi-dua-nam-2024", "thanh-lap-cdcs-cong-ty-che-may-phong"]
STORY = LEAD_STORIES[0]
PERSON_WITH_PHOTO = "hoang-van-duc"
PERSON_WITHOUT_PHOTO = "nguyen-thi-an"
MILESTONE_WITH_IMAGE = "so-ket-dot-thi-dua-thu-nhat"

# How late every picture arrives from the slow_pictures_url server: the text is laid out and painted
# long before, so a picture without a reserved box would visibly push the text down.
IMAGE_DELAY = 0.8
RASTER = re.compile(r"\.(avif|webp|jpe?g|png|gif)$", re.I)

# Installed before any page script runs, so no layout shift can happen unobserved.
LAYOUT_SHIFT_OBSERVER_JS = """
window.__layoutShifts = [];
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) {
    window.__layoutShifts.push({
      value: entry.value,
      hadRecentInput: entry.hadRecentInput,
      sources: (entry.sources || []).map(s => s.node
        ? (s.node.nodeName || '').toLowerCase() + (s.node.className && s.node.className.baseVal === undefined
            ? '.' + String(s.node.className).trim().split(/\\s+/).join('.') : '')
        : '(removed node)'),
    });
  }
}).observe({type: 'layout-shift', buffered: true});
"""

CLS_JS = """
return (window.__layoutShifts || []).filter(s => !s.hadRecentInput)
  .reduce((sum, s) => sum + s.value, 0);
"""

IMAGE_RESOURCES_JS = """
return performance.getEntriesByType('resource')
  .filter(e => e.initiatorType === 'img' || e.initiatorType === 'image'
               || /\\.(avif|webp|jpe?g|png|gif|svg)(\\?|$)/i.test(e.name))
  .map(e => ({name: e.name, initiatorType: e.initiatorType, transferSize: e.transferSize,
              encodedBodySize: e.encodedBodySize, decodedBodySize: e.decodedBodySize}));
"""

IMAGES_JS = """
return [...document.images].map(img => {
  const style = getComputedStyle(img);
  const box = img.getBoundingClientRect();
  return {
    src: img.getAttribute('src'), currentSrc: img.currentSrc,
    width: img.getAttribute('width'), height: img.getAttribute('height'),
    complete: img.complete, naturalWidth: img.naturalWidth, naturalHeight: img.naturalHeight,
    renderedWidth: box.width, renderedHeight: box.height, right: box.right,
    objectFit: style.objectFit, display: style.display, inMain: !!img.closest('main'),
  };
});
"""

AVATARS_JS = """
return [...document.querySelectorAll('svg.avatar')].map(svg => {
  const box = svg.getBoundingClientRect();
  return {role: svg.getAttribute('role'), label: svg.getAttribute('aria-label'),
          text: svg.textContent.trim(), width: box.width, height: box.height};
});
"""

ALL_IMAGES_COMPLETE_JS = """
return document.readyState === 'complete' && [...document.images].every(img => img.complete);
"""


# --- Content ----------------------------------------------------------------------------------

def front_matter(path):
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), f"no front matter in {path}"
    data = yaml.safe_load(text[4:text.index("\n---", 4)])
    assert isinstance(data, dict), f"unreadable front matter in {path}"
    return data


def story(slug):
    data = front_matter(CONTENT / "stories" / f"{slug}.md")
    # Guard the choice of story: it must have a lead photo and be published in the sample build.
    assert data.get("image") and data.get("imageAlt"), f"{slug} has no image:/imageAlt:"
    assert str(data["date"]) <= BUILD_DATE, f"{slug} is dated after {BUILD_DATE}: not published"
    assert not data.get("draft"), f"{slug} is a draft"
    return data


def stem(media_path):
    """media/hoi-truong-bang-ron-do.jpg -> 'hoi-truong-bang-ron-do.' (renditions keep the name)."""
    return Path(media_path).stem + "."


# --- Browser helpers --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def phone(phone_driver):
    """The phone, measuring layout shifts from the start of every document, without a cache."""
    script = phone_driver.execute_cdp_cmd(
        "Page.addScriptToEvaluateOnNewDocument", {"source": LAYOUT_SHIFT_OBSERVER_JS})
    phone_driver.execute_cdp_cmd("Network.enable", {})
    # Every load fetches its pictures again, so the bytes counted are a first visit's.
    phone_driver.execute_cdp_cmd("Network.setCacheDisabled", {"cacheDisabled": True})
    yield phone_driver
    phone_driver.execute_cdp_cmd(
        "Page.removeScriptToEvaluateOnNewDocument", {"identifier": script["identifier"]})


class _SlowPicturesHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site, but every raster picture only after IMAGE_DELAY seconds."""

    def do_GET(self):
        if RASTER.search(urlsplit(self.path).path):
            time.sleep(IMAGE_DELAY)
        super().do_GET()

    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="module")
def slow_pictures_url(site_dir):
    """The built site over HTTP, with late pictures."""
    with serving(site_dir, _SlowPicturesHandler) as url:
        yield url


def check_is_phone(driver):
    metrics = driver.execute_script(
        "return [window.innerWidth, window.devicePixelRatio, "
        "document.documentElement.clientWidth]")
    assert metrics == [390, 2, 390], (
        f"expected a 390 px wide layout viewport at device pixel ratio 2, got "
        f"innerWidth, devicePixelRatio, clientWidth = {metrics}")


def load_and_scroll(driver, url):
    """Open url, scroll through the whole page so every lazy picture comes into view, wait
    until every <img> has finished, then go back to the top."""
    driver.get(url)
    check_is_phone(driver)
    # Scroll half a screen at a time, as a reader would, until the bottom is reached (the
    # document may grow as pictures arrive).
    y = 0
    while True:
        height, screen = driver.execute_script(
            "return [document.documentElement.scrollHeight, window.innerHeight]")
        if y >= height - screen:
            break
        y += screen // 2
        driver.execute_script("window.scrollTo(0, arguments[0])", y)
        time.sleep(0.1)
    driver.execute_script("window.scrollTo(0, document.documentElement.scrollHeight)")
    WebDriverWait(driver, 60, poll_frequency=0.2).until(
        lambda d: d.execute_script(ALL_IMAGES_COMPLETE_JS),
        message=f"images on {url} did not finish loading")
    # Two frames, so shifts caused by the last pictures are reported to the observer.
    driver.execute_async_script(
        "const done = arguments[0];"
        "requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50)));")
    driver.execute_script("window.scrollTo(0, 0)")


def save_full_page_screenshot(driver, path):
    """The whole document at the phone's own width (and device scale factor 2)."""
    width, height = driver.execute_script(
        "return [document.documentElement.clientWidth, "
        "Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)]")
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1},
    })
    path.write_bytes(base64.b64decode(shot["data"]))
    assert path.stat().st_size > 0


def site_file(site_dir, base_url, url):
    assert url.startswith(base_url + "/"), f"{url} is not on the site"
    return site_dir / unquote(urlsplit(url).path).lstrip("/")


# --- 1, 2, 4: a story with a lead photo, its pictures arriving late ------------------------------

@pytest.mark.parametrize("slug", LEAD_STORIES)
def test_story_with_lead_photo_loads_light_and_steady(phone, slow_pictures_url, site_dir, slug):
    data = story(slug)
    base_url = slow_pictures_url
    url = f"{base_url}/stories/{slug}/"
    load_and_scroll(phone, url)

    # -- Image bytes (1) --
    resources = phone.execute_script(IMAGE_RESOURCES_JS)
    assert resources, f"no image was loaded by {url}"
    foreign = [r["name"] for r in resources if not r["name"].startswith(base_url + "/")]
    assert not foreign, f"images from outside the site: {foreign}"
    for r in resources:
        # Same origin, so the sizes are exposed; with no compression on images, what crossed
        # the wire is exactly the published file: the sum below is real, not zeros.
        on_disk = site_file(site_dir, base_url, r["name"])
        assert on_disk.is_file(), f"{r['name']} was loaded but is not in the built site"
        assert r["encodedBodySize"] == on_disk.stat().st_size, (
            f"{r['name']}: the browser counted {r['encodedBodySize']} bytes, the file has "
            f"{on_disk.stat().st_size}")
        assert r["transferSize"] > r["encodedBodySize"], (
            f"{r['name']} came from a cache (transferSize {r['transferSize']}), not the network")
    images = phone.execute_script(IMAGES_JS)
    counted = {r["name"] for r in resources}
    shown = {i["currentSrc"] for i in images}
    assert shown <= counted, f"pictures on the page missing from the resource timing: {shown - counted}"
    total = sum(r["transferSize"] for r in resources)
    print(f"\n{slug}: {len(resources)} images, {total} bytes transferred "
          f"({sum(r['encodedBodySize'] for r in resources)} bytes of files): "
          + ", ".join(f"{r['name'].rsplit('/', 1)[-1]} {r['encodedBodySize']}" for r in resources))
    assert 0 < total <= IMAGE_BUDGET, (
        f"{url} loaded {total} bytes of images on a 390 px phone, budget {IMAGE_BUDGET}: "
        f"{[(r['name'], r['transferSize']) for r in resources]}")

    # -- The lead picture (1, 4) --
    leads = phone.find_elements(By.CSS_SELECTOR, "main picture img")
    assert leads, f"no picture in <main> on {url}"
    lead = leads[0]
    lead_src = lead.get_attribute("currentSrc")
    assert stem(data["image"]) in lead_src, (
        f"the first picture of the story is {lead_src}, not its image: {data['image']}")
    assert lead_src.endswith(".avif"), f"Chromium supports AVIF, but the lead loaded {lead_src}"
    assert lead_src in counted
    assert lead.get_attribute("loading") == "eager", "the lead picture is not loading=eager"
    assert lead.get_attribute("fetchpriority") == "high", "the lead picture lacks fetchpriority=high"
    assert lead.get_attribute("alt") == data["imageAlt"], (
        f"lead alt {lead.get_attribute('alt')!r} is not the story's imageAlt {data['imageAlt']!r}")
    # Small is not enough: the chosen rendition must still be sharp on this 2x screen.
    # (naturalWidth of a srcset image is divided by its density; load the file on its own to
    # read its pixel width.)
    natural, rendered = phone.execute_async_script("""
        const [img, done] = arguments;
        const probe = new Image();
        probe.onload = () => done([probe.naturalWidth, img.getBoundingClientRect().width]);
        probe.onerror = () => done([0, img.getBoundingClientRect().width]);
        probe.src = img.currentSrc;""", lead)
    assert natural >= rendered * 2 * 0.95, (
        f"the lead is {rendered:.0f} CSS px wide but its rendition {lead_src} has only "
        f"{natural} px: blurry at device pixel ratio 2")

    # -- Layout shift (2) --
    shifts = phone.execute_script("return window.__layoutShifts")
    assert shifts is not None, "the layout-shift observer was not installed before the page"
    # The scenario is the one that matters: the text was on screen before the lead arrived.
    painted, lead_arrived = phone.execute_script("""
        const paint = performance.getEntriesByName('first-contentful-paint')[0];
        const lead = performance.getEntriesByName(arguments[0])[0];
        return [paint ? paint.startTime : null, lead ? lead.responseEnd : null];""", lead_src)
    assert painted is not None and lead_arrived is not None and painted < lead_arrived, (
        f"first contentful paint at {painted} ms, lead picture at {lead_arrived} ms: the text "
        f"should be painted before the picture arrives, or no shift could be seen")
    cls = phone.execute_script(CLS_JS)
    print(f"{slug}: cumulative layout shift {cls}")
    assert cls == 0, f"layout shifted while {url} loaded (CLS {cls:.4f}): {shifts}"
    # And the observer does see shifts on this page: push the visible content down.
    phone.execute_script("""
        const filler = document.createElement('div');
        filler.style.height = '200px';
        document.querySelector('main').prepend(filler);""")
    WebDriverWait(phone, 5, poll_frequency=0.1).until(
        lambda d: d.execute_script(CLS_JS) > 0,
        message="the layout-shift observer did not report a deliberate shift: CLS 0 means nothing")


# --- 3, 5: every picture displays, on every page that shows photos ------------------------------

@dataclass(frozen=True)
class Page:
    name: str
    path: str
    photos: list = field(default_factory=list)    # stems of photos the page must show in <main>
    avatars: list = field(default_factory=list)   # names that must have an initials avatar
    some_photo: bool = False                      # at least one photo in <main>
    some_avatar: bool = False                     # at least one avatar in <main>
    screenshot: bool = False


def person(slug):
    return front_matter(CONTENT / "people" / f"{slug}.md")


def milestone(slug):
    return front_matter(CONTENT / "milestones" / f"{slug}.md")


def pages():
    with_photo, without_photo = person(PERSON_WITH_PHOTO), person(PERSON_WITHOUT_PHOTO)
    assert with_photo.get("photo"), f"{PERSON_WITH_PHOTO} has no photo: pick another person"
    assert not without_photo.get("photo"), f"{PERSON_WITHOUT_PHOTO} has a photo: pick another"
    image = milestone(MILESTONE_WITH_IMAGE).get("image")
    assert image, f"{MILESTONE_WITH_IMAGE} has no image: pick another milestone"
    return [
        Page("story", f"/stories/{STORY}/", photos=[stem(story(STORY)["image"])], screenshot=True),
        Page("stories", "/stories/", some_photo=True, screenshot=True),
        Page("people", "/people/", some_photo=True, some_avatar=True, screenshot=True),
        Page("person-photo", f"/people/{PERSON_WITH_PHOTO}/", photos=[stem(with_photo["photo"])],
             screenshot=True),
        Page("person-no-photo", f"/people/{PERSON_WITHOUT_PHOTO}/",
             avatars=[without_photo["title"]], screenshot=True),
        Page("home", "/", some_photo=True),
        Page("milestone", f"/milestones/{MILESTONE_WITH_IMAGE}/", photos=[stem(image)]),
    ]


@pytest.mark.parametrize("page", pages(), ids=lambda p: p.name)
def test_every_picture_displays(phone, base_url, screenshot_dir, page):
    url = base_url + page.path
    load_and_scroll(phone, url)
    if page.screenshot:
        # Before the assertions, so a failing page still leaves a picture to look at.
        save_full_page_screenshot(phone, screenshot_dir / f"photos-{page.name}.png")
    h1 = phone.find_elements(By.TAG_NAME, "h1")
    assert h1 and h1[0].text.strip(), f"{url} has no h1: not the expected page"

    images = phone.execute_script(IMAGES_JS)
    assert images, f"no <img> at all on {url} (not even the logo)"
    broken = [i["currentSrc"] or i["src"] for i in images
              if not (i["complete"] and i["naturalWidth"] > 0)]
    assert not broken, f"images that failed to display on {url}: {broken}"
    unsized = [i["src"] for i in images
               if not (i["width"] or "").strip() or not (i["height"] or "").strip()]
    assert not unsized, f"<img> without width and height on {url}: {unsized}"

    for i in images:
        name = i["currentSrc"].rsplit("/", 1)[-1]
        # The box reserved by width/height has the picture's own shape (no jump when it arrives).
        declared = int(i["width"]) / int(i["height"])
        natural = i["naturalWidth"] / i["naturalHeight"]
        assert abs(declared / natural - 1) < 0.02, (
            f"{name} on {url}: width/height say {i['width']}x{i['height']} but the picture is "
            f"{i['naturalWidth']}x{i['naturalHeight']}")
        if i["display"] == "none" or i["renderedWidth"] == 0:
            continue
        # Not stretched: either drawn at its own ratio or cropped/letterboxed by object-fit.
        if i["objectFit"] in ("fill", "none", "scale-down") or not i["objectFit"]:
            shown = i["renderedWidth"] / i["renderedHeight"]
            assert abs(shown / natural - 1) < 0.03, (
                f"{name} on {url} is distorted: shown {i['renderedWidth']:.0f}x"
                f"{i['renderedHeight']:.0f} CSS px, picture {i['naturalWidth']}x{i['naturalHeight']}")
        assert i["right"] <= 390.5, f"{name} on {url} sticks out of the 390 px screen ({i['right']:.0f})"

    photos_in_main = [i["currentSrc"] for i in images if i["inMain"]]
    for wanted in page.photos:
        assert any(wanted in src for src in photos_in_main), (
            f"{url} does not show {wanted}*: pictures in <main> are {photos_in_main}")
    if page.some_photo:
        assert photos_in_main, f"{url} shows no photo in <main>"

    avatars = phone.execute_script(AVATARS_JS)
    for avatar in avatars:
        assert avatar["role"] == "img", f"avatar without role=img on {url}: {avatar}"
        assert (avatar["label"] or "").strip(), f"avatar without aria-label on {url}: {avatar}"
        assert avatar["width"] > 0 and avatar["height"] > 0, f"avatar not displayed on {url}: {avatar}"
        words = avatar["label"].casefold().replace(",", " ").split()
        assert avatar["text"] and all(
            any(w.startswith(letter) for w in words) for letter in avatar["text"].casefold()), (
            f"avatar of {avatar['label']!r} shows {avatar['text']!r}: not initials of the name")
    labels = [a["label"] for a in avatars]
    for name in page.avatars:
        assert name in labels, f"no initials avatar for {name!r} on {url}; avatars: {labels}"
    if page.some_avatar:
        assert avatars, f"no initials avatar on {url}"

    scroll_width = phone.execute_script("return document.documentElement.scrollWidth")
    assert scroll_width <= 390, f"{url} scrolls sideways on a 390 px phone (scrollWidth {scroll_width})"
