"""axe-core in headless Chromium over every page kind of the built sample site, at 390 px and
1366 px wide: zero violations of any impact, with every axe rule turned on (experimental and
best-practice ones included). Each violation is printed with its rule id, impact and targets.

axe-core is vendored (vendor/axe.min.js, MPL-2.0; see vendor/README.md). Screenshots of each
page at each width go to conftest.SCREENSHOT_DIR/a11y-<width>-<page>.png for a human to look at.
"""

from pathlib import Path

import pytest
from selenium.webdriver.support.ui import WebDriverWait

AXE_JS = (Path(__file__).parent / "vendor" / "axe.min.js").read_text(encoding="utf-8")

# Every page kind of the sample site (issue 14, point 7), built on its pinned date.
PAGES = {
    "home": "/",
    "story": "/stories/phat-dong-thi-dua-nam-2024/",
    "story-list": "/stories/",
    "list-page-2": "/people/page/2/",
    "person": "/people/hoang-van-duc/",
    "person-unit": "/people/to-xet-nghiem-trung-tam-y-te-huyen/",
    "hall-of-honour": "/people/",
    "timeline": "/timeline/",
    "milestone-list": "/milestones/",
    "milestone": "/milestones/so-ket-dot-thi-dua-thu-nhat/",
    "phase-list": "/phases/",
    "phase": "/phases/dot-1/",
    "movement-list": "/movements/",
    "movement": "/movements/lao-dong-gioi-lao-dong-sang-tao/",
    "unit-list": "/units/",
    "unit": "/units/cdcs-trung-tam-y-te-huyen/",
    "tag-list": "/tags/",
    "tag": "/tags/chuyen-doi-so/",
    "search": "/search/",
    "search-results": "/search/?q=doan%20vien",
    "search-no-results": "/search/?q=khongcogi",
    "page": "/gioi-thieu/",
    "404": "/404.html",
}

# And those the pinned date does not have yet, from the site built after the campaign: the
# second page of the story list, a photo inside a story's text, a milestone's photo.
LATE_PAGES = {
    "story-list-page-2": "/stories/page/2/",
    "story-body-photo": "/stories/thoa-uoc-lao-dong-tap-the-che-may-phong/",
    "milestone-photo": "/milestones/ky-niem-ngay-thanh-lap-cong-doan-viet-nam/",
    "home-late": "/",
}

WIDTHS = [390, 1366]

# Every rule axe knows, enabled, whatever its tags: not only the WCAG A/AA set but also
# best-practice and experimental rules.
RUN_AXE_JS = """
const done = arguments[arguments.length - 1];
const rules = {};
for (const rule of axe.getRules()) rules[rule.ruleId] = {enabled: true};
axe.run(document, {rules, resultTypes: ['violations']})
  .then(r => done({violations: r.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map(n => ({target: n.target, summary: n.failureSummary}))}))}))
  .catch(e => done({error: String(e)}));
"""


def axe_violations(driver, url):
    driver.get(url)
    if "?q=" in url:
        # The results are written by search.js once the index has arrived.
        WebDriverWait(driver, 10).until(lambda d: d.execute_script(
            "const s = document.querySelector('[data-search-status]'); return s && s.textContent.trim() !== ''"
            " && !document.querySelector('[data-search-results]').hasAttribute('aria-busy')"))
    driver.execute_script(AXE_JS)
    driver.set_script_timeout(60)
    result = driver.execute_async_script(RUN_AXE_JS)
    assert "error" not in result, result.get("error")
    return result["violations"]


def describe(violations):
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} — {len(v['nodes'])} node(s)")
        for node in v["nodes"]:
            lines.append(f"    {' '.join(map(str, node['target']))}")
    return "\n".join(lines)


# Each page with the fixture of the site it is on: the pinned build, or the late one.
SITES = ([("base_url", name, path) for name, path in PAGES.items()]
         + [("late_base_url", name, path) for name, path in LATE_PAGES.items()])


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("site,name,path", SITES)
def test_no_axe_violations(request, driver, screenshot_dir, site, name, path, width):
    driver.set_window_size(width, 900)
    violations = axe_violations(driver, request.getfixturevalue(site) + path)
    driver.save_screenshot(str(screenshot_dir / f"a11y-{width}-{name}.png"))
    assert not violations, f"{path} at {width} px:\n{describe(violations)}"
