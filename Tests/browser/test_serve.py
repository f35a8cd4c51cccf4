"""`thidua serve` in a real browser: a saved story reloads the open page with the new text,
broken front matter shows the error overlay, and fixing it brings the page back; a saved
stylesheet restyles the open page under its new fingerprinted name."""

import re
import shutil
import subprocess
import time
import urllib.error
import urllib.request

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from sample_site import REPO_ROOT, THIDUA_BIN as THIDUA, free_port, require_binary
STORY = "content/stories/cham-lo-tet-giap-thin.md"
URL_PATH = "/stories/cham-lo-tet-giap-thin/"


def serve(tmp_path, own_theme: bool):
    """A copy of the sample site's content (and, with `own_theme`, of the default theme as
    the site's own theme/; without, the theme comes from thidua) served by `thidua serve`
    on a free loopback port; stopped at the end of the test."""
    require_binary()
    site = tmp_path / "site"
    shutil.copytree(REPO_ROOT / "content", site / "content")
    if own_theme:
        shutil.copytree((REPO_ROOT / "theme").resolve(), site / "theme")
    port = free_port()
    log = open(tmp_path / "serve.log", "w")
    process = subprocess.Popen([str(THIDUA), "serve", "--source", str(site), "--port", str(port), "--now", "2024-05-10"],
                               stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while True:
        try:
            urllib.request.urlopen(base + "/", timeout=1)
            break
        except OSError:
            assert process.poll() is None, (tmp_path / "serve.log").read_text()
            assert time.time() < deadline, "thidua serve did not answer within 60 s"
            time.sleep(0.2)
    try:
        yield site, base
    finally:
        process.terminate()
        process.wait(timeout=10)
        log.close()


@pytest.fixture
def served_site(tmp_path):
    yield from serve(tmp_path, own_theme=False)


@pytest.fixture
def served_site_with_theme(tmp_path):
    yield from serve(tmp_path, own_theme=True)


def test_edit_reloads_then_error_overlay_then_recovery(served_site, driver):
    site, base = served_site
    story = site / STORY
    original = story.read_text(encoding="utf-8")
    driver.set_window_size(1280, 900)
    driver.get(base + URL_PATH)
    wait = WebDriverWait(driver, 20)
    assert "Giáp Thìn" in driver.find_element(By.TAG_NAME, "h1").text

    # 1. A saved edit: the open page reloads by itself and shows the new title.
    driver.execute_script("window.__notReloaded = true")
    story.write_text(original.replace("chăm lo Tết Giáp Thìn cho đoàn viên", "chăm lo Tết sửa-lần-một", 1), encoding="utf-8")
    wait.until(lambda d: "sửa-lần-một" in d.find_element(By.TAG_NAME, "h1").text)
    assert driver.execute_script("return window.__notReloaded === undefined"), "the page itself must have reloaded"

    # 2. Broken front matter: the overlay names the file and the line; the page stays served.
    story.write_text(original.replace("date: 2024-02-01", "date: 2024-02-30", 1), encoding="utf-8")
    overlay = wait.until(lambda d: d.find_elements(By.ID, "thidua-error-overlay"))[0]
    assert f"{STORY}:" in overlay.text and "2024-02-30" in overlay.text, overlay.text
    with urllib.request.urlopen(base + URL_PATH) as response:
        assert "sửa-lần-một" in response.read().decode(), "the last good site keeps being served"

    # 3. Fixed: the overlay goes and the page shows the fixed content.
    story.write_text(original.replace("chăm lo Tết Giáp Thìn cho đoàn viên", "chăm lo Tết sửa-lần-hai", 1), encoding="utf-8")
    wait.until(lambda d: "sửa-lần-hai" in d.find_element(By.TAG_NAME, "h1").text)
    assert not driver.find_elements(By.ID, "thidua-error-overlay")


def test_saved_stylesheet_restyles_the_open_page_under_a_new_name(served_site_with_theme, driver):
    """Pages link the stylesheet by a hash of its bytes: a saved edit gives it a new name,
    every page the new link, and the open page reloads with the new style."""
    site, base = served_site_with_theme
    driver.set_window_size(1280, 900)
    driver.get(base + URL_PATH)
    wait = WebDriverWait(driver, 20)

    def stylesheet() -> str:
        return driver.find_element(By.CSS_SELECTOR, 'link[rel="stylesheet"]').get_attribute("href")

    first = stylesheet()
    assert re.search(r"/assets/style\.[0-9a-f]{10}\.css$", first), first
    css = site / "theme" / "assets" / "style.css"
    css.write_text(css.read_text(encoding="utf-8") + "\nh1 { color: rgb(1, 2, 3) !important; }\n", encoding="utf-8")
    wait.until(lambda d: d.find_element(By.TAG_NAME, "h1").value_of_css_property("color") in ("rgb(1, 2, 3)", "rgba(1, 2, 3, 1)"))
    second = stylesheet()
    assert second != first and re.search(r"/assets/style\.[0-9a-f]{10}\.css$", second), second
    with pytest.raises(urllib.error.HTTPError) as gone:
        urllib.request.urlopen(first)
    assert gone.value.code == 404, "the old name is removed from the served folder"
    with urllib.request.urlopen(base + "/assets/style.css") as response:
        assert "rgb(1, 2, 3)" in response.read().decode(), "the plain name has the new bytes too"
