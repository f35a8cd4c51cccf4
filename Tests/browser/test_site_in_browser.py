"""Load the built sample site in headless Chromium and check what a member would see.

The site is built with --now 2024-05-10 (see conftest.py), so the first phase is current.
Each page is checked at a phone and a desktop viewport, and a full-page screenshot of each is
saved for a human to look at (conftest.SCREENSHOT_DIR).
"""

import base64
import re
import unicodedata
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Callable, Optional
from urllib.parse import urldefrag

import pytest
from selenium.webdriver.common.by import By

from sample_site import BUILD_DATE, REPO_ROOT


# --- Viewports --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Viewport:
    name: str
    width: int
    height: int
    mobile: bool


PHONE = Viewport("phone", 390, 844, mobile=True)
DESKTOP = Viewport("desktop", 1366, 900, mobile=False)
VIEWPORTS = [PHONE, DESKTOP]


def set_viewport(driver, viewport, height=None):
    """Emulate the viewport through DevTools rather than resizing the window: it is exact in
    headless mode, and `mobile` makes Chromium honour <meta name="viewport"> like a phone."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": viewport.width,
        "height": height or viewport.height,
        "deviceScaleFactor": 1,
        "mobile": viewport.mobile,
    })


# --- Vietnamese order -------------------------------------------------------------------------

# Vietnamese alphabet. f, j, w, z are not part of it but appear in foreign names; they keep
# their Latin place.
ALPHABET = "a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z".split()
LETTER_RANK = {letter: rank for rank, letter in enumerate(ALPHABET)}
# The five tone marks (huyền, sắc, ngã, hỏi, nặng) as combining characters. The breve,
# circumflex and horn are not tones: they make distinct letters (ă, â, ê, ô, ơ, ư) and stay.
TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def primary_key(text):
    """Sort key comparing letters in Vietnamese alphabetical order, tones ignored."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    toneless = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONE_MARKS))
    # Spaces, digits and punctuation sort before every letter (negative ranks, by code point),
    # so "An" < "An Bình" < "Anh".
    return tuple(LETTER_RANK.get(c, ord(c) - 0x110000) for c in toneless)


def test_primary_key_follows_the_vietnamese_alphabet():
    # Guard the helper itself, so an ordering failure below points at the site, not at this.
    names = ["An", "Ân", "Ba", "Cường", "Dũng", "Đức", "Ê", "Giang", "Ổn", "Ơn", "Tổ", "Ước", "Vy"]
    assert sorted(names, key=primary_key) == names
    assert primary_key("Án") == primary_key("an")


# --- Pages ------------------------------------------------------------------------------------

def front_matter_title(path):
    """The `title:` of a Markdown file's front matter (quoted or not)."""
    text = path.read_text(encoding="utf-8")
    front = re.match(r"---\n(.*?)\n---", text, re.S)
    assert front, f"no front matter in {path}"
    title = re.search(r"^title:\s*(\"?)(.+?)\1\s*$", front.group(1), re.M)
    assert title, f"no title in the front matter of {path}"
    return title.group(2)


STORY_SLUG = "cham-lo-tet-giap-thin"


def check_home(driver):
    progress = driver.find_elements(By.CSS_SELECTOR, "progress")
    assert progress, "the home page has no <progress> for the current phase"
    value = float(progress[0].get_property("value"))
    assert 1 <= value <= 99, f"phase progress is {value}, expected a value strictly inside the phase"


def check_timeline(driver):
    text = driver.find_element(By.TAG_NAME, "body").text.casefold()
    # casefold: the theme may uppercase some labels with text-transform.
    for anniversary in ("Kỷ niệm 95 năm", "Kỷ niệm 115 năm"):
        assert anniversary.casefold() in text, f"{anniversary!r} is not shown on the timeline"
    phases = driver.find_elements(By.CSS_SELECTOR, "section.phase")
    assert len(phases) >= 2, f"expected every phase as a section.phase, found {len(phases)}"
    classes = [p.get_attribute("class").split() for p in phases]
    assert "current" in classes[0], f"first phase not marked current on {BUILD_DATE}: {classes}"
    assert not any("current" in c for c in classes[1:]), f"more than one current phase: {classes}"


def check_people(driver):
    cards = driver.find_elements(By.CSS_SELECTOR, ".cards .card")
    assert cards, "no cards in the hall of honour"
    # The order itself is checked over every page in test_hall_of_honour_order.
    assert all(card.find_element(By.TAG_NAME, "h3").text.strip() for card in cards)


@dataclass(frozen=True)
class Page:
    name: str
    path: str
    heading: str
    check: Optional[Callable] = None


PAGES = [
    Page("home", "/", "Phong trào thi đua năm 2024", check_home),
    Page("story", f"/stories/{STORY_SLUG}/",
         front_matter_title(REPO_ROOT / "content" / "stories" / f"{STORY_SLUG}.md")),
    Page("timeline", "/timeline/", "Dòng thời gian", check_timeline),
    Page("people", "/people/", "Gương điển hình", check_people),
]


# --- Helpers ----------------------------------------------------------------------------------

def load(driver, url):
    """Open url and return the console entries it logged (earlier ones are drained first)."""
    driver.get_log("browser")
    driver.get(url)
    return driver.get_log("browser")


def severe(entries):
    return [f"{e.get('source', '')}: {e['message']}" for e in entries if e["level"] == "SEVERE"]


def save_full_page_screenshot(driver, viewport, path):
    """Capture the whole document, not just the first screen."""
    height = driver.execute_script(
        "return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)")
    # Grow the emulated viewport to the document so nothing is clipped, shoot, then restore.
    set_viewport(driver, viewport, height=height)
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"format": "png"})
    set_viewport(driver, viewport)
    path.write_bytes(base64.b64decode(shot["data"]))


OVERFLOWING_ELEMENTS_JS = """
const limit = document.documentElement.clientWidth;
return [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > limit + 0.5)
  .slice(0, 10)
  .map(e => e.tagName.toLowerCase() + (e.className ? '.' + [...e.classList].join('.') : '')
            + ' right=' + Math.round(e.getBoundingClientRect().right));
"""

_link_status = {}  # url -> HTTP status, shared across tests so each link is fetched once


def http_status(url):
    if url not in _link_status:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                _link_status[url] = response.status
        except urllib.error.HTTPError as error:
            _link_status[url] = error.code
    return _link_status[url]


# --- Tests ------------------------------------------------------------------------------------

@pytest.mark.parametrize("viewport", VIEWPORTS, ids=lambda v: v.name)
@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_page(driver, base_url, screenshot_dir, page, viewport):
    set_viewport(driver, viewport)
    console = load(driver, base_url + page.path)
    # Screenshot first, so a failing page still leaves a picture behind to look at.
    save_full_page_screenshot(driver, viewport, screenshot_dir / f"{page.name}-{viewport.name}.png")

    assert driver.execute_script("return document.documentElement.lang") == "vi"

    headings = driver.find_elements(By.TAG_NAME, "h1")
    assert len(headings) == 1, f"expected one h1, found {[h.text for h in headings]}"
    h1 = headings[0].text.strip()
    assert h1, "the h1 is empty"
    assert page.heading in h1, f"h1 is {h1!r}, expected it to contain {page.heading!r}"

    # The stylesheet applied: without it the header would have no background.
    header_bg = driver.find_element(By.CSS_SELECTOR, ".site-header").value_of_css_property(
        "background-color")
    assert header_bg not in ("rgba(0, 0, 0, 0)", "transparent"), "style.css did not apply"

    inner_width = driver.execute_script("return window.innerWidth")
    if viewport.mobile:
        # With mobile emulation a page lacking <meta name="viewport"> would be laid out 980px
        # wide and scaled down; the layout viewport must be the phone's own width.
        assert inner_width == viewport.width, f"layout viewport is {inner_width}px wide"
    scroll_width = driver.execute_script("return document.documentElement.scrollWidth")
    assert scroll_width <= inner_width, (
        f"horizontal scrolling at {viewport.name} width: scrollWidth {scroll_width} > "
        f"innerWidth {inner_width}; widest elements: "
        f"{driver.execute_script(OVERFLOWING_ELEMENTS_JS)}")

    assert not severe(console), f"console errors: {severe(console)}"

    # Everything the page loaded came from our server (no CDN, web font or tracker).
    resources = driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)")
    foreign = [r for r in resources if not r.startswith(base_url + "/")]
    assert not foreign, f"resources from outside the site: {foreign}"

    # An empty href silently reloads the page (pagination once rendered "previous" on page 1).
    empty = driver.execute_script(
        "return [...document.querySelectorAll('a[href=\"\"]')].map(a => a.textContent.trim())")
    assert not empty, f"links with an empty href on {page.path}: {empty}"

    # Every link into the site leads to a page that exists.
    hrefs = driver.execute_script("return [...document.querySelectorAll('a[href]')].map(a => a.href)")
    internal = sorted({urldefrag(h).url for h in hrefs if h.startswith(base_url + "/")})
    broken = [(url, status) for url in internal if (status := http_status(url)) != 200]
    assert not broken, f"broken links on {page.path}: {broken}"

    if page.check:
        page.check(driver)


def test_hall_of_honour_order(driver, base_url):
    """Cards across all pages of /people/ follow Vietnamese order: individuals by given name
    (the last word), collectives by their full name, all in one sequence."""
    set_viewport(driver, DESKTOP)
    url = base_url + "/people/"
    seen = []  # (sort key, shown name, page url)
    visited = set()
    while url and url not in visited:
        visited.add(url)
        driver.get(url)
        for card in driver.find_elements(By.CSS_SELECTOR, ".cards .card"):
            name = card.find_element(By.TAG_NAME, "h3").text.strip()
            collective = "collective" in card.get_attribute("class").split()
            seen.append((primary_key(name if collective else name.split()[-1]), name, url))
        # Follow rel="next" only when it really points somewhere else.
        nexts = [a.get_property("href") for a in driver.find_elements(By.CSS_SELECTOR, 'a[rel="next"]')
                 if a.get_attribute("href")]
        url = nexts[0] if nexts else None

    names = [name for _, name, _ in seen]
    assert len(names) >= 2, f"too few people to check the order: {names}"
    out_of_order = [(a[1], b[1]) for a, b in zip(seen, seen[1:]) if a[0] > b[0]]
    assert not out_of_order, f"out of Vietnamese order: {out_of_order}; full list: {names}"


def test_not_found_page(driver, base_url):
    # Python's server answers unknown paths with its own page, so ask for the file by name:
    # it is what a real host is configured to serve on 404.
    console = load(driver, base_url + "/404.html")
    assert driver.execute_script("return document.documentElement.lang") == "vi"
    assert "Không tìm thấy trang" in driver.find_element(By.TAG_NAME, "h1").text
    assert not severe(console), f"console errors: {severe(console)}"
