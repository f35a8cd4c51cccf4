import Foundation

/// Files of the search index, written under /search/ in the output.
///
/// The site has no server, so the reader's browser searches static JSON files
/// (`DefaultTheme/assets/search.js`). The index is cut so that a query downloads only what
/// it needs, which on a phone matters more than the number of files:
///
/// - `search/meta.json` — `{"chunk": C, "docs": N, "stamp": "…", "version": 1}`. `stamp`
///   is a hash of every other index file; the script adds it to their URLs so that a
///   browser never mixes token files and chunks of two different builds.
/// - `search/t/<key>.json` — one file per folded syllable (lower case, no diacritics,
///   đ → d, see `Folding.fold`): `{"f": {"<exact lower-case form>": {"t": set, "m": set,
///   "b": set}}, "p": n}`. Keeping the exact forms apart lets the script rank "đoàn" above
///   "đoán" for a reader who typed the accents. A document sits in the set of the best field
///   the form occurs in: `t` the title, `m` summary, tags, unit (and a person's role and
///   award), `b` the body. `p` is the number of phrase files of the syllable, absent when
///   none. A file per syllable rather than per prefix: the common syllables of a campaign
///   site (đoàn, viên, lao, động…) are in nearly every document, and a shard that grouped
///   several of them would cost a query every one.
/// - `search/p/<key>-<b>.json`, `b` in `0..<n` — the syllables that follow `<key>` with
///   only spaces between, `{"<folded next syllable>": {"<exact pair>": set}}`, e.g.
///   `{"vien": {"đoàn viên": set}}`. Vietnamese words are mostly two or more syllables, so
///   "an toàn lao động" as a phrase matters far more than its four syllables apart. A
///   common syllable is followed by hundreds of others (70 kB for "với" on a 10,000-story
///   site), so its followers are spread over `n` files of about `pairFileBytes` by
///   `bucket(of:count:)` of the next syllable, and a query fetches the one it needs.
/// - `search/d/<n>.json` — documents `n·C ..< (n+1)·C` as
///   `[url, title, kind, ISO date, dd/mm/yyyy date, snippet]` (dates empty when the item
///   has none). Small chunks, because the top results of a query may sit in as many chunks
///   as there are results.
///
/// `<key>` is the folded syllable when it is `[a-z0-9]+` (every Vietnamese one), else `_`
/// and the hex of its UTF-8 bytes, so file names stay portable.
///
/// A set of document numbers is a string, whichever of two encodings is shorter, because
/// plain JSON arrays of numbers made one common word cost tens of kilobytes:
/// - gaps: the numbers ascending, each written as its distance from the previous one
///   minus one (the first as itself), in base 32, most significant digit first, digits
///   before the last taken from `continuation`, the last from `final`; a run of
///   consecutive documents is one character per document;
/// - bitmap: `~`, then six documents per character from `final + continuation` (bit `j`
///   of character `i` is document `6i + j`), trailing empty characters dropped; a word
///   in every document costs N/6 characters.
///
/// Documents are numbered stories (newest first), people, milestones, pages, as the site
/// lists them; the script breaks ties by that number, so equal matches read newest first.
enum SearchIndex {
    static let version = 1
    /// Documents per metadata chunk. Sized for the worst case of a query whose top 50
    /// results all fall in different chunks: 50 × 4 × ~400 bytes, well under the 300 kB a
    /// query may fetch on a 10,000-story site, with room for the word and phrase files.
    static let chunkSize = 4
    /// About the most a phrase file holds, so a query of eight words stays in budget.
    static let pairFileBytes = 8_000
    static let snippetLength = 160
    /// Longer runs of letters are codes or pasted garbage, not words anyone types, and
    /// would make file names too long.
    static let maxTokenBytes = 60

    /// Where a word occurs in a document; the script ranks title matches above the rest.
    enum Field: Int, CaseIterable, Sendable {
        case body = 0, meta = 1, title = 2

        var key: String {
            switch self {
            case .body: return "b"
            case .meta: return "m"
            case .title: return "t"
            }
        }
    }

    /// What the index knows of one published item. The body is read (from the build's
    /// `BodyStore`, when it is there) when the document is indexed and then dropped, so the
    /// HTML or plain text of every body is never held at once.
    struct Document: Sendable {
        let url: String
        let title: String
        let kind: ContentKind
        let date: CalendarDate?
        let summary: String
        /// Summary, tags, unit…, with line breaks between: a phrase never spans two tags or a
        /// unit and a tag.
        let meta: String
        let body: BodyText

        /// The summary, else the start of `body`, this document's HTML (a snippet needs no more).
        func snippet(of body: String) -> String {
            Snippet.make(summary.nonEmpty ?? PlainText.fromHTML(body, atLeast: snippetLength * 16), limit: snippetLength)
        }
    }

    static func files(for site: Site) -> [OutputFile] {
        files(for: documents(of: site))
    }

    static func documents(of site: Site) -> [Document] {
        var documents: [Document] = []
        documents.reserveCapacity(site.stories.count + site.people.count + site.milestones.count + site.pages.count)
        for story in site.stories {
            let meta = [story.entry.summary, story.unit ?? ""] + story.tags
            documents.append(document(story.entry, date: story.date, meta: meta))
        }
        for person in site.people {
            let meta = [person.entry.summary, person.unit, person.role ?? "", person.award ?? ""]
            documents.append(document(person.entry, date: person.date, meta: meta))
        }
        for milestone in site.milestones {
            documents.append(document(milestone.entry, date: milestone.date, meta: [milestone.entry.summary]))
        }
        for page in site.pages {
            documents.append(document(page.entry, date: nil, meta: [page.entry.summary]))
        }
        return documents
    }

    private static func document(_ entry: Entry, date: CalendarDate?, meta: [String]) -> Document {
        Document(url: entry.url, title: entry.title, kind: entry.kind, date: date, summary: entry.summary,
                 meta: meta.joined(separator: "\n"), body: entry.storedBody)
    }

    /// `runs`: how many threads index the documents; by default, one per core for sites of
    /// more than a few hundred documents.
    static func files(for documents: [Document], runs: Int? = nil) -> [OutputFile] {
        // Each core indexes a run of documents and makes their snippets; the runs are merged
        // in order, which gives the lists a single pass would, so the files do not depend on
        // the number of cores.
        let runs = max(1, min(runs ?? min(ProcessInfo.processInfo.activeProcessorCount, documents.count / 500), documents.count))
        let partials = Partials(count: runs)
        DispatchQueue.concurrentPerform(iterations: runs) { run in
            var indexer = Indexer()
            let range = documents.count * run / runs ..< documents.count * (run + 1) / runs
            var snippets: [String] = []
            snippets.reserveCapacity(range.count)
            for number in range {
                let document = documents[number]
                indexer.document = Int32(number)
                indexer.scan(document.title, as: .title)
                indexer.scan(document.meta, as: .meta)
                let body = document.body.html
                PlainText.withText(of: body) { indexer.scan(utf8: $0, as: .body) }
                indexer.endDocument()
                snippets.append(document.snippet(of: body))
            }
            partials.set(run, indexer, snippets: snippets)
        }
        var (indexer, snippets) = partials.take(0)
        for run in 1..<runs {
            let (next, more) = partials.take(run)
            indexer.merge(next)
            snippets += more
        }
        var files = wordAndPhraseFiles(indexer)
        files.reserveCapacity(files.count + documents.count / chunkSize + 2)
        for start in stride(from: 0, to: documents.count, by: chunkSize) {
            var json = JSONText(capacity: chunkSize * 512)
            json.array(start..<min(start + chunkSize, documents.count)) { json, number in
                let document = documents[number]
                json.array([
                    document.url, document.title, document.kind.rawValue,
                    document.date?.description ?? "",
                    document.date.map(DatePattern.vietnameseShort.format) ?? "",
                    snippets[number],
                ]) { $0.string($1) }
            }
            files.append(OutputFile(path: "search/d/\(start / chunkSize).json", contents: json.text))
        }

        var hash = FNV1a()
        for file in files {
            hash.add(file.path)
            hash.add(file.contents)
        }
        var meta = JSONText()
        meta.raw("{\"chunk\":")
        meta.number(chunkSize)
        meta.raw(",\"docs\":")
        meta.number(documents.count)
        meta.raw(",\"stamp\":")
        meta.string(hash.hex)
        meta.raw(",\"version\":")
        meta.number(version)
        meta.raw("}")
        files.append(OutputFile(path: "search/meta.json", contents: meta.text))
        return files
    }

    /// `t/<key>.json` of every indexed word, each followed by its `p/<key>-<b>.json`, in the
    /// order of the keys.
    private static func wordAndPhraseFiles(_ indexer: Indexer) -> [OutputFile] {
        let tokens = indexer.table.tokens, postings = indexer.postings
        let pairs = indexer.pairs, pairPostings = indexer.pairPostings
        // Folded key of each word, when it is indexed, as a number: the words and pairs are
        // grouped by numbers rather than by hashing their keys again for every pair.
        var keys: [String] = []
        var keyNumbers: [String: Int] = [:]
        let keyOfToken: [Int] = tokens.map { token in
            let key = Folding.fold(token)
            guard !key.isEmpty, key.utf8.count <= maxTokenBytes else { return -1 }
            if let number = keyNumbers[key] { return number }
            keyNumbers[key] = keys.count
            keys.append(key)
            return keys.count - 1
        }
        var forms = [[Int]](repeating: [], count: keys.count)
        for (id, key) in keyOfToken.enumerated() where key >= 0 { forms[key].append(id) }
        // First key → second key → pair numbers.
        var followers = [[Int: [Int]]](repeating: [:], count: keys.count)
        for (pair, words) in pairs.enumerated() {
            let first = keyOfToken[Int(words.first)], second = keyOfToken[Int(words.second)]
            if first >= 0 && second >= 0 { followers[first][second, default: []].append(pair) }
        }

        var files: [OutputFile] = []
        for key in keys.indices.sorted(by: { keys[$0] < keys[$1] }) {
            // Phrase files: bucket → next key → exact pair → set.
            var entries: [(key: String, value: [(key: String, value: String)])] = []
            var bytes = 0
            for (second, numbers) in followers[key] {
                let sets = numbers.map { pair in
                    (key: tokens[Int(pairs[pair].first)] + " " + tokens[Int(pairs[pair].second)],
                     value: DocumentSet.encode(pairPostings[pair]))
                }
                bytes += sets.reduce(0) { $0 + $1.key.utf8.count + $1.value.utf8.count + 8 }
                bytes += keys[second].utf8.count + 6
                entries.append((keys[second], sets))
            }
            let count = entries.isEmpty ? 0 : max(1, (bytes + pairFileBytes - 1) / pairFileBytes)
            var buckets = [[(key: String, value: [(key: String, value: String)])]](repeating: [], count: count)
            for entry in entries { buckets[bucket(of: entry.key, count: count)].append(entry) }

            let name = fileName(forKey: keys[key])
            var word = JSONText()
            word.raw("{\"f\":")
            word.object(forms[key].map { id in
                (key: tokens[id], value: Field.allCases.compactMap { field -> (key: String, value: String)? in
                    let documents = postings[id * 3 + field.rawValue]
                    return documents.isEmpty ? nil : (field.key, DocumentSet.encode(documents))
                })
            }) { json, sets in json.object(sets) { $0.string($1) } }
            if count > 0 {
                word.raw(",\"p\":")
                word.number(count)
            }
            word.raw("}")
            files.append(OutputFile(path: "search/t/\(name).json", contents: word.text))
            // Empty buckets are written too: the script may ask for any of them.
            for (number, bucket) in buckets.enumerated() {
                var json = JSONText()
                json.object(bucket) { json, sets in json.object(sets) { $0.string($1) } }
                files.append(OutputFile(path: "search/p/\(name)-\(number).json", contents: json.text))
            }
        }
        return files
    }

    /// Which of `count` phrase files holds the syllables folded to `key`: 32-bit FNV-1a of
    /// its UTF-8 bytes, which the script computes the same way.
    static func bucket(of key: String, count: Int) -> Int {
        var hash: UInt32 = 0x811C_9DC5
        for byte in key.utf8 {
            hash = (hash ^ UInt32(byte)) &* 0x0100_0193
        }
        return Int(hash % UInt32(count))
    }

    /// The name the script derives from a folded query word in the same way.
    static func fileName(forKey key: String) -> String {
        if key.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }) {
            return key
        }
        let digits = Array("0123456789abcdef".utf8)
        var name: [UInt8] = [UInt8(ascii: "_")]
        for byte in key.utf8 {
            name.append(digits[Int(byte >> 4)])
            name.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: name, as: UTF8.self)
    }
}
