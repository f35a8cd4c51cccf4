"""docs/publishing.md's "any static host" instructions, followed once, automatically.

The sample campaign is built with the release binary, Debian's nginx serves it with
docs/nginx.conf (only the placeholders and the log, pid and temporary paths are changed),
and the pages are fetched over loopback the way a browser would: pretty URLs, the redirect to
the slash form, the feed and calendar types, compression and the site's own 404 page.

nginx missing is a failure, not a skip: `apt-get install nginx` (the Makefile does it).
"""

import gzip
import os
import re
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from sample_site import REPO_ROOT, build, free_port
NGINX_CONF = REPO_ROOT / "docs" / "nginx.conf"
NGINX_BIN = Path("/usr/sbin/nginx")



def nginx_config(template: str, root: Path, port: int, work: Path) -> str:
    """docs/nginx.conf with its placeholders filled in, and the access log and temporary
    folders (which the file leaves to the distribution) moved into the test's folder."""
    assert template.count("__ROOT__") >= 1 and template.count("__PORT__") >= 1, \
        "docs/nginx.conf must keep its __ROOT__ and __PORT__ placeholders"
    assert template.count("\nhttp {") == 1, "docs/nginx.conf must have exactly one http block"
    text = template.replace("__ROOT__", str(root)).replace("__PORT__", f"127.0.0.1:{port}")
    local = "\n".join(f"    {directive} {work / name};" for directive, name in [
        ("access_log", "access.log"),
        ("client_body_temp_path", "body"),
        ("proxy_temp_path", "proxy"),
        ("fastcgi_temp_path", "fastcgi"),
        ("uwsgi_temp_path", "uwsgi"),
        ("scgi_temp_path", "scgi"),
    ])
    return text.replace("\nhttp {", "\nhttp {\n" + local, 1)


class Response:
    def __init__(self, status: int, headers, body: bytes, url: str):
        self.status, self.headers, self.body, self.url = status, headers, body, url

    @property
    def text(self) -> str:
        body = self.body
        if self.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        return body.decode("utf-8")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # hand 3xx back to the test instead of following it


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = build(REPO_ROOT, tmp_path_factory.mktemp("nginx-site") / "public")
    assert (out / "404.html").is_file()
    return out


@pytest.fixture(scope="module")
def server(site, tmp_path_factory):
    """nginx in the foreground (daemon off) as a child process, stopped at teardown."""
    if not NGINX_BIN.is_file():
        pytest.fail(f"{NGINX_BIN} is missing: install Debian's nginx (`apt-get install nginx`)")
    work = tmp_path_factory.mktemp("nginx")
    port = free_port()
    conf = work / "nginx.conf"
    conf.write_text(nginx_config(NGINX_CONF.read_text(encoding="utf-8"), site, port, work), encoding="utf-8")
    error_log = work / "error.log"
    # pytest's temporary folders are private to their owner: as root, run the workers as
    # root too, or they could not read the site.
    directives = f"daemon off; pid {work / 'nginx.pid'}; error_log {error_log} info;"
    if os.geteuid() == 0:
        directives += " user root;"
    command = [str(NGINX_BIN), "-p", str(work), "-c", str(conf), "-e", str(error_log), "-g", directives]

    tested = subprocess.run([*command[:-2], "-t", "-g", directives], capture_output=True, text=True, timeout=30)
    assert tested.returncode == 0, f"nginx -t rejects docs/nginx.conf:\n{tested.stderr}"

    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 15
        while True:
            if process.poll() is not None:
                pytest.fail(f"nginx exited with {process.returncode}:\n"
                            f"{process.stdout.read().decode(errors='replace')}\n"
                            f"{error_log.read_text(errors='replace') if error_log.exists() else ''}")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail("nginx did not start listening within 15 s")
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()  # SIGTERM: nginx's fast shutdown
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        if process.stdout:
            process.stdout.close()


def fetch(base: str, path: str, gzip_ok: bool = False) -> Response:
    request = urllib.request.Request(base + path, headers={"Accept-Encoding": "gzip" if gzip_ok else "identity"})
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=10) as response:
            return Response(response.status, response.headers, response.read(), response.url)
    except urllib.error.HTTPError as error:  # 3xx (not followed) and 4xx land here
        with error:
            return Response(error.code, error.headers, error.read(), error.url)


def test_home_page(server):
    response = fetch(server, "/")
    assert response.status == 200
    assert response.headers.get_content_type() == "text/html"
    assert response.headers.get_content_charset() == "utf-8"
    assert "Phong trào thi đua năm 2024" in response.text
    # HTML is cached briefly: the daily rebuild changes the current phase and milestones.
    assert "max-age=300" in response.headers.get("Cache-Control", "")


def test_pretty_url(server):
    response = fetch(server, "/stories/cham-lo-tet-giap-thin/")
    assert response.status == 200
    assert "Công đoàn xã Dào San chăm lo Tết Giáp Thìn cho đoàn viên" in response.text


@pytest.mark.parametrize("path", ["/stories/cham-lo-tet-giap-thin", "/timeline"])
def test_path_without_slash_goes_to_slash_form(server, path):
    response = fetch(server, path)
    if response.status == 200:
        assert "<html" in response.text
    else:
        assert response.status == 301, response.status
        assert response.headers["Location"] in (path + "/", server + path + "/")
        followed = fetch(server, path + "/")
        assert followed.status == 200


def test_timeline(server):
    response = fetch(server, "/timeline/")
    assert response.status == 200
    assert "Mừng Đảng quang vinh - Mừng Sinh nhật Bác" in response.text


def test_feed_is_atom(server):
    response = fetch(server, "/feed.xml")
    assert response.status == 200
    assert response.headers.get_content_type() == "application/atom+xml"
    assert '<feed xmlns="http://www.w3.org/2005/Atom"' in response.text
    # A movement's feed is Atom too; the sitemap is plain XML.
    movement = fetch(server, "/movements/lao-dong-gioi-lao-dong-sang-tao/feed.xml")
    assert movement.status == 200
    assert movement.headers.get_content_type() == "application/atom+xml"
    sitemap = fetch(server, "/sitemap.xml")
    assert sitemap.status == 200
    assert sitemap.headers.get_content_type() == "application/xml"


def test_calendar(server):
    response = fetch(server, "/calendar.ics")
    assert response.status == 200
    assert response.headers.get_content_type() == "text/calendar"
    assert response.text.startswith("BEGIN:VCALENDAR")


def test_missing_page_is_the_sites_404(server, site):
    response = fetch(server, "/khong-co-trang-nay/")
    assert response.status == 404
    assert response.headers.get_content_type() == "text/html"
    assert "Không tìm thấy trang" in response.text
    assert response.body == (site / "404.html").read_bytes()


def test_text_is_compressed(server):
    response = fetch(server, "/", gzip_ok=True)
    assert response.status == 200
    assert response.headers.get("Content-Encoding") == "gzip"
    assert "Phong trào thi đua năm 2024" in response.text
    css = fetch(server, "/assets/style.css", gzip_ok=True)
    assert css.status == 200
    assert css.headers.get("Content-Encoding") == "gzip"


def test_assets_are_cached_longer_than_html(server):
    def max_age(response) -> int:
        for part in response.headers.get("Cache-Control", "").split(","):
            name, _, value = part.strip().partition("=")
            if name == "max-age":
                return int(value)
        return 0

    css = fetch(server, "/assets/style.css")
    assert css.status == 200
    assert max_age(css) >= 7 * 24 * 3600
    assert max_age(css) > max_age(fetch(server, "/"))


def test_fingerprinted_assets_are_kept_a_year(server, site):
    """Pages link the stylesheet under the name with a hash of its bytes; nginx.conf lets
    browsers keep such a name for a year, since other bytes never take that name."""
    html = fetch(server, "/").text
    match = re.search(r'<link rel="stylesheet" href="(/assets/style\.[0-9a-f]{10}\.css)">', html)
    assert match, "the home page links the fingerprinted stylesheet"
    css = fetch(server, match.group(1))
    assert css.status == 200
    assert css.body == (site / "assets" / "style.css").read_bytes()
    assert "immutable" in css.headers.get("Cache-Control", "")
    assert "max-age=31536000" in css.headers.get("Cache-Control", "")
