#!/usr/bin/env python3
"""How many bytes does one search download? Replays what theme/assets/search.js fetches for a
query against a built site folder and prints a table.

    python3 Benchmarks/search_bytes.py SITE_DIR [--query "doan vien" ...] [--budget 300000]

For example, on the generated 10,000-story site:

    .build/release/thidua build --source .build/bench/10000 --out /tmp/site10k --now 2024-12-31
    python3 Benchmarks/search_bytes.py /tmp/site10k

For each query the script fetches search/meta.json, the word file search/t/<key>.json of
each word, then for each word typed before another the phrase file search/p/<key>-<b>.json
holding the pair, then the metadata chunks search/d/<n>.json holding its 50 best results. Which chunks those are depends
on the ranking, so the ranking of search.js is reproduced here (query words, folding, the two
set encodings, the sort order); the index format is described in
Sources/ThiDuaKit/Search/SearchIndex.swift. Sizes are the files' bytes, which is what a
static server without compression sends (plus headers); the gzip column is what a server
compressing JSON would send. The search page and the script are fetched once and cached, so
they are reported below the table, not added to each query.

Exit status 1 when a query goes over --budget (bytes, uncompressed). Python 3 standard
library only.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import unicodedata
from pathlib import Path

DEFAULT_QUERIES = ["doan vien", "Đoàn viên", "an toàn lao động", "thi dua", "Tết"]

# Constants and rules of search.js.
MAX_WORDS = 8
MAX_RESULTS = 50
MAX_KEY_BYTES = 60
FIELD_WEIGHT = [1, 2, 4]  # body, summary/tags/unit, title
SEPARATORS = [
    (0x80, 0xBF), (0xD7, 0xD7), (0xF7, 0xF7), (0x1680, 0x1680), (0x2000, 0x206F),
    (0x20A0, 0x20CF), (0x2100, 0x2BFF), (0x2E00, 0x2E7F), (0x3000, 0x303F), (0xFE00, 0xFE0F),
    (0xFE30, 0xFE6F), (0xFEFF, 0xFEFF), (0xFF00, 0xFF0F), (0xFF1A, 0xFF20), (0xFF3B, 0xFF40),
    (0xFF5B, 0xFF65), (0xFFF0, 0xFFFF), (0x1F000, 0x1FAFF), (0xE0000, 0xE007F),
]
MARKS = [(0x300, 0x36F), (0x1AB0, 0x1AFF), (0x1DC0, 0x1DFF), (0x20D0, 0x20FF), (0xFE20, 0xFE2F)]
DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
DIGIT_VALUE = {ch: i for i, ch in enumerate(DIGITS)}


def is_word_code(code: int) -> bool:
    if code < 0x80:
        return 0x30 <= code <= 0x39 or 0x61 <= code <= 0x7A or 0x41 <= code <= 0x5A
    return not any(low <= code <= high for low, high in SEPARATORS)


def is_space_code(code: int) -> bool:
    return code in (0x20, 0x09, 0xA0, 0x202F, 0x205F, 0x3000) or 0x2000 <= code <= 0x200B


def runs(text: str) -> list[tuple[bool, str]]:
    """Runs of word and non-word characters, as (is_word, text)."""
    out, current, current_is_word = [], "", False
    for ch in text:
        is_word = is_word_code(ord(ch))
        if current and is_word != current_is_word:
            out.append((current_is_word, current))
            current = ""
        current += ch
        current_is_word = is_word
    if current:
        out.append((current_is_word, current))
    return out


def words(text: str) -> list[tuple[str, bool]]:
    """(word, joined) of each word: lower case, composed; joined when only spaces separate
    it from the word before."""
    out, joined = [], False
    for is_word, run_text in runs(unicodedata.normalize("NFC", text.lower())):
        if is_word:
            out.append((run_text, joined))
            joined = True
        elif not all(is_space_code(ord(ch)) for ch in run_text):
            joined = False
    return out


def fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.lower())
    kept = "".join(ch for ch in decomposed if not any(low <= ord(ch) <= high for low, high in MARKS))
    return kept.replace("đ", "d")


def file_name(key: str) -> str:
    if key and all("a" <= ch <= "z" or "0" <= ch <= "9" for ch in key):
        return key
    return "_" + key.encode("utf-8").hex()


def bucket(key: str, count: int) -> int:
    """SearchIndex.bucket(of:count:): 32-bit FNV-1a of the UTF-8 bytes."""
    value = 0x811C9DC5
    for byte in key.encode("utf-8"):
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return value % count


def decode_set(text: str) -> list[int]:
    if text.startswith("~"):
        return [(i * 6) + bit for i, ch in enumerate(text[1:]) for bit in range(6)
                if DIGIT_VALUE[ch] & (1 << bit)]
    numbers, previous, gap = [], -1, 0
    for ch in text:
        digit = DIGIT_VALUE[ch]
        if digit >= 32:
            gap = gap * 32 + digit - 32
        else:
            previous += gap * 32 + digit + 1
            numbers.append(previous)
            gap = 0
    return numbers


def parse_query(query: str):
    by_key: dict[str, dict] = {}
    pairs: dict[str, dict] = {}
    previous = None
    for exact, joined in words(query)[:MAX_WORDS]:
        key = fold(exact)
        if not key:
            previous = None
            continue
        word = {"key": key, "exact": exact, "accented": key != exact}
        known = by_key.get(key)
        if not known or (word["accented"] and not known["accented"]):
            by_key[key] = word
        if previous and joined:
            pairs[previous["key"] + " " + key] = {
                "first": previous["key"], "second": key,
                "exact": previous["exact"] + " " + exact,
                "accented": previous["accented"] or word["accented"],
            }
        previous = word
    return list(by_key.values()), list(pairs.values())


class Site:
    """The index files of a built site, read once, with the bytes of each file fetched."""

    def __init__(self, root: Path):
        self.root = root / "search"
        self.fetched: list[tuple[str, int, int]] = []

    def get(self, path: str):
        file = self.root / path
        if not file.is_file():
            self.fetched.append((path, 0, 0))  # a 404: headers only
            return None
        data = file.read_bytes()
        self.fetched.append((path, len(data), len(gzip.compress(data, 6, mtime=0))))
        return json.loads(data)


def matches_of(word, entry):
    found: dict[int, list] = {}
    for form, sets in (entry or {}).items():
        exact = word["accented"] and form == word["exact"]
        for field, name in enumerate("bmt"):
            for doc in decode_set(sets[name]) if name in sets else []:
                match = found.setdefault(doc, [field, exact])
                match[0] = max(match[0], field)
                match[1] = match[1] or exact
    return found


def phrases_of(pair, entry):
    found: dict[int, bool] = {}
    for form, encoded in ((entry or {}).get(pair["second"]) or {}).items():
        exact = pair["accented"] and form == pair["exact"]
        for doc in decode_set(encoded):
            found[doc] = found.get(doc, False) or exact
    return found


def run(site_dir: Path, query: str) -> dict:
    site = Site(site_dir)
    meta = site.get("meta.json")
    if not meta or meta.get("version") != 1:
        sys.exit(f"search_bytes.py: no search index of version 1 in {site_dir}/search")
    query_words, pairs = parse_query(query)
    indexed = [w for w in query_words if len(w["key"].encode()) <= MAX_KEY_BYTES]
    word_files = {w["key"]: site.get(f"t/{file_name(w['key'])}.json") for w in indexed}
    found = bool(query_words) and len(indexed) == len(query_words) and all(word_files.values())
    # Then the phrase file of each pair, which the word files tell how to find.
    phrase_paths = []
    for pair in pairs:
        count = (word_files[pair["first"]] or {}).get("p") if found else None
        phrase_paths.append(f"p/{file_name(pair['first'])}-{bucket(pair['second'], count)}.json" if count else None)
    phrase_files = {path: site.get(path) for path in dict.fromkeys(p for p in phrase_paths if p)}
    entries = [word_files.get(w["key"]) for w in query_words]
    results = []
    if found:
        per_word = sorted((matches_of(w, e["f"]) for w, e in zip(query_words, entries)), key=len)
        per_pair = [phrases_of(p, phrase_files.get(path)) for p, path in zip(pairs, phrase_paths)]
        for doc in per_word[0]:
            found = [m.get(doc) for m in per_word]
            if not all(found):
                continue
            phrases = [p[doc] for p in per_pair if doc in p]
            results.append((-sum(phrases), -sum(1 for f in found if f[1]), -len(phrases),
                            -sum(FIELD_WEIGHT[f[0]] for f in found), doc))
        results.sort()
    top = [r[-1] for r in results[:MAX_RESULTS]]
    for chunk in dict.fromkeys(doc // meta["chunk"] for doc in top):
        site.get(f"d/{chunk}.json")
    def total(prefix, column):
        return sum(f[column] for f in site.fetched if f[0].startswith(prefix))
    return {
        "query": query, "docs": meta["docs"], "results": len(results),
        "requests": len(site.fetched),
        "meta": total("meta", 1), "t": total("t/", 1), "p": total("p/", 1),
        "chunks": sum(1 for f in site.fetched if f[0].startswith("d/")), "d": total("d/", 1),
        "total": total("", 1), "gzip": total("", 2),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a folder thidua built (with search/ in it)")
    parser.add_argument("--query", action="append", help="a query (repeatable); default: a typical set")
    parser.add_argument("--budget", type=int, default=300_000, help="bytes one query may fetch (default 300000)")
    args = parser.parse_args()
    rows = [run(args.site, q) for q in (args.query or DEFAULT_QUERIES)]

    def kb(n: int) -> str:
        return f"{n / 1000:.1f}"

    print(f"Search downloads per query, {rows[0]['docs']} documents in {args.site} (kB = 1000 bytes)\n")
    print("| query | results | requests | meta | words (t/) | phrases (p/) | chunks (d/) | total kB | gzip kB |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(f"| {r['query']} | {r['results']} | {r['requests']} | {kb(r['meta'])} | {kb(r['t'])} | "
              f"{kb(r['p'])} | {r['chunks']}: {kb(r['d'])} | **{kb(r['total'])}** | {kb(r['gzip'])} |")
    page = args.site / "search" / "index.html"
    script = args.site / "assets" / "search.js"
    once = sum(f.stat().st_size for f in (page, script) if f.is_file())
    print(f"\nOnce per visit, then cached: the search page and search.js, {kb(once)} kB.")
    over = [r for r in rows if r["total"] > args.budget]
    for r in over:
        print(f"over budget: {r['query']!r} fetches {r['total']} bytes > {args.budget}", file=sys.stderr)
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
