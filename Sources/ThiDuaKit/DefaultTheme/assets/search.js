/*
 * Site search without a server. thidua writes the index under /search/ at build time
 * (Sources/ThiDuaKit/Render/SearchIndex.swift describes the format); this script reads the
 * query from ?q=, downloads the files of its words, then those of its phrases, then the
 * metadata chunks of the best results, and lists them. Plain ES2017, no dependencies, no request outside the site.
 * Every text shown comes from data- attributes the template fills from the theme's i18n.
 */
(function () {
  'use strict';

  const MAX_WORDS = 8;        // each word is one download; a pasted paragraph must not be 100
  const MAX_RESULTS = 50;
  const MAX_KEY_BYTES = 60;   // longer words are not indexed (SearchIndex.maxTokenBytes)
  const INDEX_VERSION = 1;
  const FIELD_WEIGHT = [1, 2, 4];  // body, summary/tags/unit, title

  // The same separators as SearchIndex.Tokenizer.separatorRanges: both sides must cut words
  // identically, and Unicode property escapes are not ES2017.
  const SEPARATORS = [
    [0x80, 0xBF], [0xD7, 0xD7], [0xF7, 0xF7], [0x1680, 0x1680], [0x2000, 0x206F],
    [0x20A0, 0x20CF], [0x2100, 0x2BFF], [0x2E00, 0x2E7F], [0x3000, 0x303F], [0xFE00, 0xFE0F],
    [0xFE30, 0xFE6F], [0xFEFF, 0xFEFF], [0xFF00, 0xFF0F], [0xFF1A, 0xFF20], [0xFF3B, 0xFF40],
    [0xFF5B, 0xFF65], [0xFFF0, 0xFFFF], [0x1F000, 0x1FAFF], [0xE0000, 0xE007F],
  ];
  // Combining marks dropped by folding (Folding.fold drops nonspacing marks; these are the
  // blocks that occur in Latin text).
  const MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
  // Digits of the document sets: 0–31 end a number, 32–63 continue it; a bitmap uses all 64.
  const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const DIGIT_VALUE = new Int8Array(128).fill(-1);
  for (let i = 0; i < DIGITS.length; i++) DIGIT_VALUE[DIGITS.charCodeAt(i)] = i;

  function digitAt(text, i) {
    const code = text.charCodeAt(i);
    return code < 128 ? DIGIT_VALUE[code] : -1;
  }

  function isWordCode(code) {
    if (code < 0x80) {
      return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7A) || (code >= 0x41 && code <= 0x5A);
    }
    for (const range of SEPARATORS) {
      if (code >= range[0] && code <= range[1]) return false;
    }
    return true;
  }

  /** Runs of word and non-word characters of `text`, as [isWord, text] pairs. */
  function runs(text) {
    const out = [];
    let current = '';
    let currentIsWord = false;
    for (const ch of text) {
      const isWord = isWordCode(ch.codePointAt(0));
      if (current && isWord !== currentIsWord) {
        out.push([currentIsWord, current]);
        current = '';
      }
      current += ch;
      currentIsWord = isWord;
    }
    if (current) out.push([currentIsWord, current]);
    return out;
  }

  /** SearchIndex.Tokenizer.isSpace: separators that keep two words one phrase. */
  function isSpaceCode(code) {
    return code === 0x20 || code === 0x09 || code === 0xA0 || (code >= 0x2000 && code <= 0x200B) ||
      code === 0x202F || code === 0x205F || code === 0x3000;
  }

  /**
   * Lower case, composed words, as the index holds them: [{word, joined}], joined when only
   * spaces separate the word from the one before.
   */
  function words(text) {
    const out = [];
    let joined = false;
    for (const run of runs(text.toLowerCase().normalize('NFC'))) {
      if (run[0]) {
        out.push({ word: run[1], joined: joined });
        joined = true;
      } else if (!Array.from(run[1]).every((ch) => isSpaceCode(ch.codePointAt(0)))) {
        joined = false;
      }
    }
    return out;
  }

  /** Folding.fold: no diacritics, đ read as d. */
  function fold(word) {
    return word.toLowerCase().normalize('NFD').replace(MARKS, '').replace(/đ/g, 'd');
  }

  function utf8(text) {
    return new TextEncoder().encode(text);
  }

  /** SearchIndex.bucket(of:count:): 32-bit FNV-1a of the UTF-8 bytes. */
  function bucket(key, count) {
    let hash = 0x811C9DC5;
    for (const byte of utf8(key)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
    return hash % count;
  }

  /** SearchIndex.fileName(forKey:). */
  function fileName(key) {
    if (/^[a-z0-9]+$/.test(key)) return key;
    let hex = '_';
    for (const byte of utf8(key)) hex += (byte < 16 ? '0' : '') + byte.toString(16);
    return hex;
  }

  /** Calls visit(n) for each document number of an encoded set. */
  function decodeSet(text, visit) {
    if (text.charAt(0) === '~') {
      for (let i = 1; i < text.length; i++) {
        const bits = Math.max(digitAt(text, i), 0);
        for (let bit = 0; bit < 6; bit++) {
          if (bits & (1 << bit)) visit((i - 1) * 6 + bit);
        }
      }
      return;
    }
    let previous = -1;
    let gap = 0;
    for (let i = 0; i < text.length; i++) {
      const digit = digitAt(text, i);
      if (digit < 0) continue;
      if (digit >= 32) {
        gap = gap * 32 + (digit - 32);
      } else {
        previous += gap * 32 + digit + 1;
        visit(previous);
        gap = 0;
      }
    }
  }

  /**
   * The words of a query, at most MAX_WORDS: `words` distinct by folded key, each
   * {key, exact, accented}, and `pairs` of words typed next to each other, each
   * {first, second, exact, accented}.
   */
  function parseQuery(query) {
    const byKey = new Map();
    const pairs = new Map();
    let previous = null;
    for (const item of words(query).slice(0, MAX_WORDS)) {
      const exact = item.word;
      const key = fold(exact);
      if (!key) { previous = null; continue; }
      const word = { key: key, exact: exact, accented: key !== exact };
      const known = byKey.get(key);
      if (!known || (word.accented && !known.accented)) byKey.set(key, word);
      if (previous && item.joined) {
        pairs.set(previous.key + ' ' + key, {
          first: previous.key,
          second: key,
          exact: previous.exact + ' ' + exact,
          accented: previous.accented || word.accented,
        });
      }
      previous = word;
    }
    return { words: Array.from(byKey.values()), pairs: Array.from(pairs.values()) };
  }

  async function getJSON(url, options) {
    const response = await fetch(url, options);
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(url + ': ' + response.status);
    return response.json();
  }

  /**
   * Document number → matches of one query word: the best field it occurs in, and whether
   * it occurs in the form typed (only meaningful when the word was typed with diacritics).
   */
  function matchesOf(word, entry) {
    const found = new Map();
    if (!entry) return found;
    for (const form of Object.keys(entry)) {
      const exact = word.accented && form === word.exact;
      const sets = entry[form];
      ['b', 'm', 't'].forEach((name, field) => {
        if (!sets[name]) return;
        decodeSet(sets[name], (doc) => {
          const match = found.get(doc);
          if (!match) {
            found.set(doc, { field: field, exact: exact });
          } else {
            if (field > match.field) match.field = field;
            if (exact) match.exact = true;
          }
        });
      });
    }
    return found;
  }

  /** Document number → {exact}, for the documents where `pair` is a phrase. */
  function phrasesOf(pair, entry) {
    const found = new Map();
    const forms = entry && entry[pair.second];
    if (!forms) return found;
    for (const form of Object.keys(forms)) {
      const exact = pair.accented && form === pair.exact;
      decodeSet(forms[form], (doc) => {
        const match = found.get(doc);
        if (!match) found.set(doc, { exact: exact });
        else if (exact) match.exact = true;
      });
    }
    return found;
  }

  /**
   * Documents holding every word, best first. With accents typed, documents with the
   * phrases and then the words in the form typed come first; then documents where the words
   * make the phrases typed, whatever their accents; then those with more words in titles
   * (and summaries, tags); then the site's order, newest first.
   */
  function rank(query, wordEntries, pairEntries) {
    const perWord = query.words.map((word, i) => matchesOf(word, wordEntries[i]));
    const perPair = query.pairs.map((pair, i) => phrasesOf(pair, pairEntries[i]));
    perWord.sort((a, b) => a.size - b.size);
    const results = [];
    for (const doc of perWord[0].keys()) {
      const result = { doc: doc, exactPhrases: 0, exactWords: 0, phrases: 0, weight: 0 };
      let all = true;
      for (const matches of perWord) {
        const match = matches.get(doc);
        if (!match) { all = false; break; }
        if (match.exact) result.exactWords += 1;
        result.weight += FIELD_WEIGHT[match.field];
      }
      if (!all) continue;
      for (const phrases of perPair) {
        const phrase = phrases.get(doc);
        if (!phrase) continue;
        result.phrases += 1;
        if (phrase.exact) result.exactPhrases += 1;
      }
      results.push(result);
    }
    results.sort((a, b) => (b.exactPhrases - a.exactPhrases) || (b.exactWords - a.exactWords) ||
      (b.phrases - a.phrases) || (b.weight - a.weight) || (a.doc - b.doc));
    return results;
  }

  /** `text` as nodes, the words of the query in <mark>. */
  function highlighted(text, keys) {
    const fragment = document.createDocumentFragment();
    for (const run of runs(text)) {
      if (run[0] && keys.has(fold(run[1].normalize('NFC')))) {
        const mark = document.createElement('mark');
        mark.textContent = run[1];
        fragment.appendChild(mark);
      } else {
        fragment.appendChild(document.createTextNode(run[1]));
      }
    }
    return fragment;
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
  }

  async function search(root, query) {
    const status = root.querySelector('[data-search-status]');
    const list = root.querySelector('[data-search-results]');
    const parsed = parseQuery(query);
    if (!parsed.words.length) return;
    status.textContent = root.dataset.loading || '';
    list.setAttribute('aria-busy', 'true');

    // meta.json is revalidated on every search; the other files carry its stamp in their
    // URL, so a browser cache cannot pair token files of one build with chunks of another.
    const meta = await getJSON('/search/meta.json', { cache: 'no-cache' });
    if (!meta || meta.version !== INDEX_VERSION) throw new Error('search index missing or of another version');
    const version = '.json?v=' + encodeURIComponent(meta.stamp);
    const indexed = (key) => utf8(key).length <= MAX_KEY_BYTES;
    const wordFiles = await Promise.all(parsed.words.map((word) =>
      indexed(word.key) ? getJSON('/search/t/' + fileName(word.key) + version) : null));
    const found = !wordFiles.some((file) => !file);
    // A phrase file of each pair, once the word files tell how many there are.
    const byKey = new Map(parsed.words.map((word, i) => [word.key, wordFiles[i]]));
    const phraseURLs = parsed.pairs.map((pair) => {
      const count = found ? byKey.get(pair.first).p : 0;
      return count ? '/search/p/' + fileName(pair.first) + '-' + bucket(pair.second, count) + version : null;
    });
    const unique = Array.from(new Set(phraseURLs.filter((url) => url)));
    const phraseFiles = new Map(await Promise.all(unique.map(async (url) => [url, await getJSON(url)])));
    const pairEntries = phraseURLs.map((url) => (url ? phraseFiles.get(url) : null));

    const results = found ? rank(parsed, wordFiles.map((file) => file.f), pairEntries) : [];
    const top = results.slice(0, MAX_RESULTS);
    const chunkNumbers = Array.from(new Set(top.map((result) => Math.floor(result.doc / meta.chunk))));
    const chunks = await Promise.all(chunkNumbers.map((n) => getJSON('/search/d/' + n + version)));
    const rows = new Map();
    chunkNumbers.forEach((n, i) => {
      (chunks[i] || []).forEach((row, offset) => rows.set(n * meta.chunk + offset, row));
    });

    const keys = new Set(parsed.words.map((word) => word.key));
    list.textContent = '';
    for (const result of top) {
      const row = rows.get(result.doc);
      if (!row) continue;
      const [url, title, kind, iso, short, snippet] = row;
      const item = document.createElement('li');
      item.className = 'search-result ' + kind;
      const heading = document.createElement('h2');
      const link = document.createElement('a');
      link.href = url;
      link.appendChild(highlighted(title, keys));
      heading.appendChild(link);
      item.appendChild(heading);
      if (iso) {
        const dateLine = document.createElement('p');
        dateLine.className = 'meta';
        const time = document.createElement('time');
        time.dateTime = iso;
        time.textContent = short;
        dateLine.appendChild(time);
        item.appendChild(dateLine);
      }
      if (snippet) {
        const text = document.createElement('p');
        text.appendChild(highlighted(snippet, keys));
        item.appendChild(text);
      }
      list.appendChild(item);
    }
    list.removeAttribute('aria-busy');
    const message = results.length ? root.dataset.results : root.dataset.noResults;
    status.textContent = fill(message || '', { count: results.length, query: query });
  }

  function start() {
    const root = document.querySelector('[data-search]');
    if (!root) return;
    const query = (new URLSearchParams(window.location.search).get('q') || '').trim();
    const input = root.querySelector('input[name="q"]');
    if (input) input.value = query;
    if (!query) return;
    search(root, query).catch(() => {
      // Offline, or the site was opened from disk: point to the plain list instead.
      const status = root.querySelector('[data-search-status]');
      if (status) status.textContent = '';
      const fallback = root.querySelector('[data-search-fallback]');
      if (fallback) fallback.hidden = false;
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
