"""Keyboard and media checks of the built sample site in headless Chromium (issue 14, point 7):

- Tab from the top of the home page and of a story reaches every visible link, the skip link
  first, and every element that takes focus shows a visible focus ring (an outline of at least
  2 px, not `none`); a screenshot of the focused skip link and of a focused menu link goes to
  conftest.SCREENSHOT_DIR/keyboard-*.png;
- the skip link leads to <main id="main">;
- printed (print media emulated), a story shows its text without the menu, search or footer;
- the search box, its button and the results, and the pagination of a list, work from the keyboard;
- every page says lang="vi";
- with prefers-reduced-motion, nothing on a page moves: no transition, animation or smooth scroll.
"""

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

STORY = "/stories/phat-dong-thi-dua-nam-2024/"

VISIBLE_LINKS_JS = """
return [...document.querySelectorAll('a[href]')].filter(a => {
  const r = a.getBoundingClientRect(), s = getComputedStyle(a);
  return r.width > 0 && r.height > 0 && s.visibility !== 'hidden';
}).map(a => a.href);
"""

FOCUSED_JS = """
const el = document.activeElement;
if (!el || el === document.body) return null;
const s = getComputedStyle(el);
return {tag: el.tagName.toLowerCase(), href: el.href || null, text: (el.textContent || '').trim().slice(0, 60),
        outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth) || 0,
        outlineColor: s.outlineColor, boxShadow: s.boxShadow,
        matchesFocusVisible: el.matches(':focus-visible')};
"""


def tab_walk(driver, url, limit=200):
    """Load url and press Tab until focus leaves the page or comes back round; the focused
    elements in order."""
    driver.get(url)
    driver.execute_script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);")
    links = driver.execute_script(VISIBLE_LINKS_JS)
    seen = []
    for _ in range(limit):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        focused = driver.execute_script(FOCUSED_JS)
        if focused is None or (seen and focused == seen[0] and len(seen) > 1):
            break
        seen.append(focused)
    return links, seen


@pytest.mark.parametrize("width", [390, 1366])
@pytest.mark.parametrize("path", ["/", STORY])
def test_tab_reaches_every_link_with_a_visible_focus_ring(driver, base_url, screenshot_dir, path, width):
    driver.set_window_size(width, 900)
    links, focused = tab_walk(driver, base_url + path)
    assert focused, f"Tab focused nothing on {path}"
    assert "skip" in driver.execute_script(
        "return document.querySelector('a.skip') ? 'skip' : ''"), "no skip link"
    first = focused[0]
    assert first["href"] and first["href"].endswith("#main"), f"first Tab stop is not the skip link: {first}"
    reached = {f["href"] for f in focused if f["href"]}
    missing = [link for link in links if link not in reached]
    assert not missing, f"links on {path} at {width} px never reached by Tab: {missing}"
    invisible = [f for f in focused
                 if not f["matchesFocusVisible"] or f["outlineStyle"] == "none" or f["outlineWidth"] < 2]
    assert not invisible, f"focused without a visible focus ring on {path} at {width} px: {invisible}"


def test_skip_link_shown_on_focus_and_leads_to_main(driver, base_url, screenshot_dir):
    driver.set_window_size(1366, 900)
    driver.get(base_url + "/")
    ActionChains(driver).send_keys(Keys.TAB).perform()
    box = driver.execute_script(
        "const r = document.activeElement.getBoundingClientRect(); return [r.left, r.top, r.width];")
    assert box[0] >= 0 and box[2] > 0, f"the focused skip link is off screen: {box}"
    driver.save_screenshot(str(screenshot_dir / "keyboard-skip-link.png"))
    ActionChains(driver).send_keys(Keys.TAB).send_keys(Keys.TAB).perform()
    driver.save_screenshot(str(screenshot_dir / "keyboard-menu-link.png"))
    assert driver.execute_script("return !!document.querySelector('main#main')")


def test_story_prints_without_the_menu(driver, base_url):
    driver.set_window_size(1366, 900)
    driver.get(base_url + STORY)
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        shown = driver.execute_script("""
          const shown = sel => [...document.querySelectorAll(sel)].some(e => e.getClientRects().length > 0);
          return {nav: shown('header nav'), footer: shown('footer'), skip: shown('a.skip'),
                  h1: shown('main h1'), text: shown('main p')};""")
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert shown == {"nav": False, "footer": False, "skip": False, "h1": True, "text": True}, shown


@pytest.mark.parametrize("path", ["/", STORY, "/search/", "/404.html"])
def test_pages_say_vietnamese(driver, base_url, path):
    driver.get(base_url + path)
    assert driver.execute_script("return document.documentElement.lang") == "vi"


def focus_by_tab(driver, css, limit=60):
    """Press Tab until the element matching css has focus; fail if it never does."""
    for _ in range(limit):
        ActionChains(driver).send_keys(Keys.TAB).perform()
        if driver.execute_script("return document.activeElement.matches(arguments[0])", css):
            return driver.execute_script(FOCUSED_JS)
    pytest.fail(f"Tab never reached {css}")


def test_search_by_keyboard(driver, base_url):
    driver.set_window_size(390, 900)
    driver.get(base_url + "/search/")
    focus_by_tab(driver, "input#search-q")
    ActionChains(driver).send_keys("doan vien").send_keys(Keys.ENTER).perform()
    WebDriverWait(driver, 10).until(
        lambda d: d.execute_script("return document.querySelectorAll('[data-search-results] a').length > 0"))
    assert "q=doan" in driver.current_url
    focused = focus_by_tab(driver, "[data-search-results] a")
    assert focused["matchesFocusVisible"] and focused["outlineStyle"] != "none" and focused["outlineWidth"] >= 2
    target = focused["href"]
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    WebDriverWait(driver, 10).until(lambda d: d.current_url == target)


def test_pagination_by_keyboard(driver, base_url):
    driver.set_window_size(1366, 900)
    driver.get(base_url + "/people/")
    focused = focus_by_tab(driver, ".pagination a[rel=next]")
    assert focused["matchesFocusVisible"] and focused["outlineWidth"] >= 2
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("/people/page/2/"))
    focus_by_tab(driver, ".pagination a[rel=prev]")
    ActionChains(driver).send_keys(Keys.ENTER).perform()
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("/people/"))


MOVING_JS = """
const seconds = list => Math.max(...list.split(',').map(t => t.trim().endsWith('ms') ? parseFloat(t) / 1000 : parseFloat(t)));
return [...document.querySelectorAll('*')].flatMap(el => {
  const s = getComputedStyle(el), what = [];
  if (seconds(s.transitionDuration) > 0.001) what.push('transition ' + s.transitionDuration);
  if (s.animationName !== 'none' && seconds(s.animationDuration) > 0.001) what.push('animation ' + s.animationName);
  if (s.scrollBehavior === 'smooth') what.push('smooth scroll');
  return what.map(w => el.tagName.toLowerCase() + (el.className ? '.' + el.className : '') + ': ' + w);
});
"""


@pytest.mark.parametrize("path", ["/", STORY, "/people/", "/timeline/", "/search/?q=doan%20vien"])
def test_nothing_moves_for_a_reader_who_asks_for_less_motion(driver, base_url, path):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"features": [{"name": "prefers-reduced-motion", "value": "reduce"}]})
    try:
        driver.get(base_url + path)
        assert driver.execute_script("return matchMedia('(prefers-reduced-motion: reduce)').matches")
        # Focus and hover are where a theme usually animates.
        ActionChains(driver).send_keys(Keys.TAB).send_keys(Keys.TAB).perform()
        moving = driver.execute_script(MOVING_JS)
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
    assert not moving, f"{path} moves for a reader who asked for less motion: {moving[:10]}"
