"""Site search in headless Chromium, on the sample campaign built by conftest.py.

The expectations are worked out here from the Markdown files in content/, independently of
the index thidua writes: which published items hold the words of a query, and how the
search script must order them (see rank() in theme/assets/search.js):

1. with accents typed, items holding the typed phrases in the form typed first, then the
   typed words in the form typed;
2. items where the words make the phrase typed, whatever the accents;
3. items with the words in their titles (weight 4), summaries/tags/unit (2), bodies (1);
4. the site's order: stories newest first, people, milestones oldest first, pages.
"""

import re
import unicodedata
import urllib.request
from dataclasses import dataclass, field

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from sample_site import REPO_ROOT

CONTENT = REPO_ROOT / "content"
KINDS = ["stories", "people", "milestones", "pages"]
WEIGHT = {"title": 4, "meta": 2, "body": 1}
MAX_RESULTS = 50
# What one query may download on a 10,000-story site (Benchmarks/search_bytes.py measures
# that); the sample site must stay far below it.
BUDGET_BYTES = 300_000


# --- The sample content, read from the Markdown files -------------------------------------

def fold(text):
    """Folding.fold: lower case, no nonspacing marks, đ read as d."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join("d" if ch == "đ" else ch for ch in decomposed if unicodedata.category(ch) != "Mn")


def front_matter(text):
    """The simple YAML of the sample's front matter: `key: value` and `key: ["a", "b"]`."""
    _, head, body = text.split("---\n", 2)
    values = {}
    for line in head.splitlines():
        match = re.match(r"^(\w+):\s*(.*?)\s*$", line)
        if not match:
            continue
        key, raw = match.groups()
        if raw.startswith("["):
            values[key] = re.findall(r'"((?:[^"\\]|\\.)*)"', raw)
        else:
            values[key] = raw[1:-1] if raw[:1] == '"' else raw
    return values, body


def markdown_blocks(body):
    """The text blocks of a Markdown body as the HTML shows them: link targets and emphasis
    marks gone, one string per paragraph, heading, list item or quote."""
    body = re.sub(r"\]\([^)]*\)", "]", body)
    body = re.sub(r"[*_\[\]]", "", body)
    blocks = []
    for chunk in re.split(r"\n\s*\n", body):
        current = []
        for line in chunk.splitlines():
            if re.match(r"^\s*(#+|[-+]|\d+[.)]|>)\s", line) and current:
                blocks.append(" ".join(current))
                current = []
            current.append(re.sub(r"^\s*(#+|[-+]|\d+[.)]|>)\s+", "", line))
        if current:
            blocks.append(" ".join(current))
    return [b for b in blocks if b.strip()]


@dataclass
class Item:
    kind: str
    slug: str
    url: str
    date: str
    title: str
    fields: dict = field(default_factory=dict)  # title/meta/body → list of text blocks

    def blocks(self):
        return [(name, block) for name, blocks in self.fields.items() for block in blocks]


def sample_items(site_dir):
    """Every item of content/ that the build published (its page exists)."""
    items = []
    for kind in KINDS:
        for path in sorted((CONTENT / kind).glob("*.md")):
            values, body = front_matter(path.read_text(encoding="utf-8"))
            slug = values.get("slug", path.stem)
            url = f"/{slug}/" if kind == "pages" else f"/{kind}/{slug}/"
            if not (site_dir / url.strip("/") / "index.html").is_file():
                continue  # a draft, scheduled or expired item
            meta = [values.get(k, "") for k in ("summary", "unit", "role", "award")] + values.get("tags", [])
            items.append(Item(kind, slug, url, values.get("date", ""), values["title"], {
                "title": [values["title"]],
                "meta": [m for m in meta if m],
                "body": markdown_blocks(body),
            }))
    return items


# --- The ranking the script must produce ---------------------------------------------------

WORD = r"[^\W_]+"


def query_words(query):
    """(exact, key, joined) of each word: joined when only spaces separate it from the last."""
    words, joined = [], False
    for match in re.finditer(rf"{WORD}|[^\w]+|_+", unicodedata.normalize("NFC", query.lower())):
        text = match.group()
        if re.fullmatch(WORD, text):
            words.append((text, fold(text), joined))
            joined = True
        elif text.strip(" \t\u00a0"):
            joined = False
    return words


def has_phrase(text, phrase, exact):
    """`phrase` (two words) in `text`, separated by spaces only."""
    first, second = phrase
    pattern = rf"(?<![^\W_]){re.escape(first)}[ \t\u00a0]+{re.escape(second)}(?![^\W_])"
    return re.search(pattern, unicodedata.normalize("NFC", text.lower()) if exact else fold(text)) is not None


def rank_key(item, query):
    """(exact phrases, exact words, phrases, weight) of an item for a query, or None when
    some word is missing: what the script sorts by, best first."""
    words = query_words(query)
    distinct = {}
    for exact, key, _ in words:
        if key not in distinct or exact != key:
            distinct[key] = exact
    exact_words = weight = 0
    for key, exact in distinct.items():
        best, exact_hit = 0, False
        for name, block in item.blocks():
            tokens = re.findall(WORD, unicodedata.normalize("NFC", block.lower()))
            if key in (fold(t) for t in tokens):
                best = max(best, WEIGHT[name])
                exact_hit = exact_hit or (exact != key and exact in tokens)
        if not best:
            return None
        weight += best
        exact_words += exact_hit
    exact_phrases = phrases = 0
    pairs = {(a[1], b[1]): (a[0], b[0]) for a, b in zip(words, words[1:]) if b[2]}
    for keys, exacts in pairs.items():
        accented = exacts[0] != keys[0] or exacts[1] != keys[1]
        texts = [block for _, block in item.blocks()]
        if any(has_phrase(t, keys, exact=False) for t in texts):
            phrases += 1
            if accented and any(has_phrase(t, exacts, exact=True) for t in texts):
                exact_phrases += 1
    return (exact_phrases, exact_words, phrases, weight)


def site_order(item):
    """Where the site lists an item among equals (people: name order, not modelled here)."""
    kind = KINDS.index(item.kind)
    if item.kind == "stories":
        return (kind, -int(item.date.replace("-", "")), item.slug)
    if item.kind in ("milestones", "pages"):
        return (kind, item.date, item.slug)
    return (kind,)


# --- Driving the page ----------------------------------------------------------------------

def search(driver, base_url, query):
    """Type `query` into the search page's box, submit, wait for the list; the results as
    [{url, title, date, snippet, marks}] and the status line."""
    driver.get(base_url + "/search/")
    box = driver.find_element(By.CSS_SELECTOR, 'form[role="search"] input[type="search"][name="q"]')
    box.clear()
    box.send_keys(query)
    box.send_keys(Keys.ENTER)
    def done(d):
        if "q=" not in d.current_url:
            return False
        status = d.find_element(By.CSS_SELECTOR, "[data-search-status]").text.strip()
        loading = d.find_element(By.CSS_SELECTOR, "[data-search]").get_attribute("data-loading")
        return status and status != loading
    WebDriverWait(driver, 15).until(done)
    results = driver.execute_script("""
        return Array.from(document.querySelectorAll('[data-search-results] > li')).map((li) => ({
          url: li.querySelector('h2 a').getAttribute('href'),
          title: li.querySelector('h2 a').textContent,
          date: (li.querySelector('time') || {}).textContent || '',
          snippet: (li.querySelector('p:not(.meta)') || {}).textContent || '',
          marks: Array.from(li.querySelectorAll('mark')).map((m) => m.textContent),
        }));""")
    status = driver.find_element(By.CSS_SELECTOR, "[data-search-status]").text
    return results, status


def fetched(driver, base_url):
    """Requests the page made, as performance entries: name, transferSize, encodedBodySize."""
    entries = driver.execute_script("""
        return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
          .map((e) => ({name: e.name, transfer: e.transferSize, body: e.encodedBodySize}));""")
    return entries


def report_bytes(driver, base_url, query):
    """Prints and returns the bytes of index files the query downloaded."""
    entries = [e for e in fetched(driver, base_url) if "/search/" in e["name"] and ".json" in e["name"]]
    body = sum(e["body"] for e in entries)
    transfer = sum(e["transfer"] for e in entries)
    print(f"\nsearch {query!r}: {len(entries)} index files, {body} bytes of JSON "
          f"({transfer} bytes transferred, headers included, 0 when cached)")
    for e in entries:
        print(f"  {e['body']:>7}  {e['name'].replace(base_url, '')}")
    return entries, body


@pytest.fixture(scope="module")
def items(site_dir):
    return sample_items(site_dir)


@pytest.fixture
def page(driver):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})
    driver.get_log("browser")  # start each test with an empty console
    return driver


def expected(items, query):
    ranked = [(rank_key(item, query), item) for item in items]
    return {item.url: (key, item) for key, item in ranked if key is not None}


def check_order(results, matches):
    """Each result ranks no better than the one before it, by the script's rule."""
    for before, after in zip(results, results[1:]):
        key_before, item_before = matches[before["url"]]
        key_after, item_after = matches[after["url"]]
        assert key_before >= key_after, (
            f"{after['url']} {key_after} should come before {before['url']} {key_before}")
        if key_before == key_after and "people" not in (item_before.kind, item_after.kind):
            assert site_order(item_before) < site_order(item_after), (
                f"equal matches {before['url']} and {after['url']} are not in the site's order")


def test_plain_query_finds_accented_words_in_order(page, base_url, items):
    results, status = search(page, base_url, "doan vien")
    matches = expected(items, "doan vien")
    assert len(matches) > 5, "the sample content should hold 'đoàn viên' in several items"
    urls = [r["url"] for r in results]
    assert len(urls) == len(set(urls))
    if len(matches) <= MAX_RESULTS:
        assert set(urls) == set(matches)
    else:
        assert len(urls) == MAX_RESULTS and set(urls) <= set(matches)
    check_order(results, matches)
    # Items with the phrase "đoàn viên" in their titles lead.
    titled = {url for url, (_, item) in matches.items() if has_phrase(item.title, ("doan", "vien"), exact=False)}
    assert titled and set(urls[:len(titled)]) == titled
    assert str(len(matches)) in status and "doan vien" in status
    for result in results:
        item = matches[result["url"]][1]
        assert result["title"] == item.title
        if item.date:
            y, m, d = item.date.split("-")
            assert result["date"] == f"{d}/{m}/{y}"
        assert 0 < len(result["snippet"]) <= 160
    # The words are marked wherever they show, accented as in the text.
    marked = {fold(m) for r in results for m in r["marks"]}
    assert marked == {"doan", "vien"}
    assert any(m == "Đoàn" or m == "đoàn" for r in results for m in r["marks"])
    entries, body = report_bytes(page, base_url, "doan vien")
    assert 0 < body < BUDGET_BYTES
    assert not [e for e in page.get_log("browser") if e["level"] == "SEVERE"]


def test_accented_query_ranks_the_exact_form_first(page, base_url, items):
    plain, _ = search(page, base_url, "doan vien")
    results, status = search(page, base_url, "Đoàn viên")
    matches = expected(items, "Đoàn viên")
    urls = [r["url"] for r in results]
    # Accents only order the results: the same items are found.
    assert set(urls) == {r["url"] for r in plain}
    check_order(results, matches)
    # Every item whose text has "đoàn viên" as written comes before every item without.
    exact = [any(has_phrase(text, ("đoàn", "viên"), exact=True) for _, text in matches[url][1].blocks())
             for url in urls]
    assert any(exact) and not all(exact), "the sample should have items both with and without the exact phrase"
    first_without = exact.index(False)
    assert all(exact[:first_without]) and not any(exact[first_without:]), list(zip(urls, exact))
    assert "Đoàn viên" in status
    report_bytes(page, base_url, "Đoàn viên")


def test_phrase_query(page, base_url, items):
    results, _ = search(page, base_url, "an toàn lao động")
    matches = expected(items, "an toàn lao động")
    assert set(r["url"] for r in results) == set(matches)
    check_order(results, matches)
    top = matches[results[0]["url"]][0]
    assert top[0] == 3, "the first result holds the whole phrase as typed"
    report_bytes(page, base_url, "an toàn lao động")


def test_no_results_and_markup_in_the_query_is_text(page, base_url):
    results, status = search(page, base_url, '<img src=x onerror="window.hacked=1"> qzxv')
    assert results == []
    assert "Không tìm thấy" in status and "<img src=x" in status
    assert not page.find_elements(By.CSS_SELECTOR, "main img")
    assert page.execute_script("return window.hacked") is None


def test_no_request_leaves_the_site(page, base_url):
    search(page, base_url, "Tết")
    names = [e["name"] for e in fetched(page, base_url)]
    assert names and all(name.startswith(base_url + "/") for name in names), names
    assert not [e for e in page.get_log("browser") if e["level"] == "SEVERE"]


def test_page_without_javascript_points_to_the_stories(base_url):
    html = urllib.request.urlopen(base_url + "/search/").read().decode("utf-8")
    noscript = re.search(r"<noscript>(.*?)</noscript>", html, re.S)
    assert noscript and 'href="/stories/"' in noscript.group(1)
    assert re.search(r'<form role="search" action="/search/" method="get">', html)
    assert re.search(r'<label for="search-q">[^<]+</label>', html) and 'id="search-q"' in html
    # The script is linked under the name that holds a hash of its bytes.
    assert re.search(r'<script src="/assets/search\.[0-9a-f]{10}\.js" defer></script>', html)
