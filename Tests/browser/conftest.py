"""Fixtures for the browser checks: build the sample site, serve it, drive headless Chromium.

Everything stays on this machine: the site is served on 127.0.0.1, Chromium and chromedriver
are the Debian packages, and Selenium Manager is kept from phoning home or downloading drivers.
"""

import os

# Must be set before Selenium is used: Selenium Manager otherwise sends usage statistics.
# Giving both the browser binary and the driver path below means it never has to resolve
# (or download) either of them.
os.environ["SE_AVOID_STATS"] = "true"

from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from local_server import serving
from sample_site import LATE_BUILD_DATE, REPO_ROOT, build

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"

# Screenshots go outside the git-tracked tree (.build/ is ignored) unless told otherwise.
SCREENSHOT_DIR = Path(os.environ.get("THIDUA_SCREENSHOTS", REPO_ROOT / ".build" / "screenshots"))


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory):
    """The sample campaign (content/ and theme/ at the repository root), freshly built."""
    return build(REPO_ROOT, tmp_path_factory.mktemp("thidua") / "site")


@pytest.fixture(scope="session")
def base_url(site_dir):
    """The built site over HTTP."""
    with serving(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def late_base_url(tmp_path_factory):
    """The sample campaign built after its end (LATE_BUILD_DATE), over HTTP."""
    with serving(build(REPO_ROOT, tmp_path_factory.mktemp("thidua-late") / "site", now=LATE_BUILD_DATE)) as url:
        yield url


def chromium_options():
    """Headless Chromium that keeps to this machine; shared by every browser fixture."""
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in (
        "--headless=new", "--no-sandbox", "--disable-gpu",
        # Keep Chromium's own background traffic (updates, sync, metrics...) off the network.
        "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-default-apps",
        "--disable-domain-reliability", "--disable-breakpad",
        # And should a page ask for anything outside the machine, make it fail instead: no
        # host name resolves and every non-loopback request goes to a closed local port.
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
        "--proxy-server=http://127.0.0.1:9",
        "--lang=vi-VN",
    ):
        options.add_argument(arg)
    # Keep console messages so tests can assert there are no SEVERE ones.
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return options


def _start(options):
    browser = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    browser.set_page_load_timeout(30)
    return browser


@pytest.fixture(scope="session")
def driver():
    """One headless Chromium for the whole session; tests set their own viewport."""
    browser = _start(chromium_options())
    try:
        yield browser
    finally:
        browser.quit()


# A phone as Chromium's device emulation sees it: 390 CSS px wide at two device pixels per
# CSS pixel, touch and a mobile user agent, so srcset/sizes pick what a real phone would.
PHONE_METRICS = {"width": 390, "height": 844, "pixelRatio": 2}


@pytest.fixture(scope="session")
def phone_driver():
    """A separate headless Chromium emulating a 390 px phone at device scale factor 2.

    Its own instance, so the disabled cache and injected layout-shift observer the
    photo checks set up never leak into the other browser tests."""
    options = chromium_options()
    options.add_experimental_option("mobileEmulation", {"deviceMetrics": dict(PHONE_METRICS)})
    browser = _start(options)
    try:
        yield browser
    finally:
        browser.quit()


@pytest.fixture(scope="session")
def screenshot_dir():
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    return SCREENSHOT_DIR
