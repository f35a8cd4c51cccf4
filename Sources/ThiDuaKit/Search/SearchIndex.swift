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

    /// What the index knows of one published item. The text is read when the document is
    /// indexed and then dropped, so the plain text of every body is never held at once.
    struct Document: Sendable {
        let url: String
        let title: String
        let kind: ContentKind
        let date: CalendarDate?
        let snippet: String
        let fields: @Sendable () -> [(Field, String)]
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
        // A snippet needs the start of the body only; the whole of it is read when indexed.
        let summary = entry.summary.nonEmpty ?? PlainText.fromHTML(entry.body, atLeast: snippetLength * 16)
        return Document(
            url: entry.url, title: entry.title, kind: entry.kind, date: date,
            snippet: Snippet.make(summary, limit: snippetLength),
            // Line breaks between the parts: a phrase never spans two tags or a unit and a tag.
            fields: { [(.title, entry.title), (.meta, meta.joined(separator: "\n")), (.body, PlainText.fromHTML(entry.body))] })
    }

    /// `runs`: how many threads index the documents; by default, one per core for sites of
    /// more than a few hundred documents.
    static func files(for documents: [Document], runs: Int? = nil) -> [OutputFile] {
        // Each core indexes a run of documents; the runs are merged in order, which gives the
        // lists a single pass would, so the files do not depend on the number of cores.
        let runs = max(1, min(runs ?? min(ProcessInfo.processInfo.activeProcessorCount, documents.count / 500), documents.count))
        let partials = Partials(count: runs)
        DispatchQueue.concurrentPerform(iterations: runs) { run in
            var indexer = Indexer()
            let range = documents.count * run / runs ..< documents.count * (run + 1) / runs
            for number in range {
                indexer.document = Int32(number)
                for (field, text) in documents[number].fields() {
                    indexer.field = field
                    indexer.previous = -1
                    Tokenizer.scan(text, into: &indexer)
                }
                indexer.endDocument()
            }
            partials.set(run, indexer)
        }
        var indexer = partials.take(0)
        for run in 1..<runs { indexer.merge(partials.take(run)) }
        let table = indexer.table, postings = indexer.postings
        let pairs = indexer.pairs, pairPostings = indexer.pairPostings

        // Folded key of each word, when it is indexed.
        let keys: [String?] = table.tokens.map { token in
            let key = Folding.fold(token)
            return key.isEmpty || key.utf8.count > maxTokenBytes ? nil : key
        }
        var forms: [String: [Int]] = [:]
        for (id, key) in keys.enumerated() {
            if let key { forms[key, default: []].append(id) }
        }
        // First key → second key → pair numbers.
        var followers: [String: [String: [Int]]] = [:]
        for (pair, words) in pairs.enumerated() {
            guard let first = keys[Int(words.first)], let second = keys[Int(words.second)] else { continue }
            followers[first, default: [:]][second, default: []].append(pair)
        }

        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func json<T: Encodable>(_ value: T) -> String {
            // Strings, arrays and dictionaries of them always encode.
            String(decoding: (try? encoder.encode(value)) ?? Data(), as: UTF8.self)
        }

        // Phrase files: first key → bucket → next key → exact pair → set.
        var pairFiles: [String: [[String: [String: String]]]] = [:]
        for (first, nexts) in followers {
            var entries: [(String, [String: String])] = []
            var bytes = 0
            for (second, numbers) in nexts {
                var sets: [String: String] = [:]
                for pair in numbers {
                    let words = pairs[pair]
                    let text = table.tokens[Int(words.first)] + " " + table.tokens[Int(words.second)]
                    let set = DocumentSet.encode(pairPostings[pair])
                    sets[text] = set
                    bytes += text.utf8.count + set.utf8.count + 8
                }
                bytes += second.utf8.count + 6
                entries.append((second, sets))
            }
            let count = max(1, (bytes + pairFileBytes - 1) / pairFileBytes)
            var buckets = [[String: [String: String]]](repeating: [:], count: count)
            for (second, sets) in entries {
                buckets[bucket(of: second, count: count)][second] = sets
            }
            pairFiles[first] = buckets
        }

        var files: [OutputFile] = []
        files.reserveCapacity(forms.count + documents.count / chunkSize + 2)
        struct WordFile: Encodable {
            let f: [String: [String: String]]
            let p: Int?
        }
        for key in forms.keys.sorted() {
            var entry: [String: [String: String]] = [:]
            for id in forms[key] ?? [] {
                var sets: [String: String] = [:]
                for field in Field.allCases where !postings[id * 3 + field.rawValue].isEmpty {
                    sets[field.key] = DocumentSet.encode(postings[id * 3 + field.rawValue])
                }
                entry[table.tokens[id]] = sets
            }
            let name = fileName(forKey: key)
            let buckets = pairFiles[key] ?? []
            files.append(OutputFile(path: "search/t/\(name).json", contents: json(WordFile(f: entry, p: buckets.isEmpty ? nil : buckets.count))))
            // Empty buckets are written too: the script may ask for any of them.
            for (number, bucket) in buckets.enumerated() {
                files.append(OutputFile(path: "search/p/\(name)-\(number).json", contents: json(bucket)))
            }
        }

        for start in stride(from: 0, to: documents.count, by: chunkSize) {
            let rows = documents[start..<min(start + chunkSize, documents.count)].map { document in
                [
                    document.url, document.title, document.kind.rawValue,
                    document.date?.description ?? "",
                    document.date.map(DatePattern.vietnameseShort.format) ?? "",
                    document.snippet,
                ]
            }
            files.append(OutputFile(path: "search/d/\(start / chunkSize).json", contents: json(rows)))
        }

        struct Meta: Encodable {
            let version: Int
            let docs: Int
            let chunk: Int
            let stamp: String
        }
        var hash = FNV1a()
        for file in files {
            hash.add(file.path)
            hash.add(file.contents)
        }
        let meta = Meta(version: version, docs: documents.count, chunk: chunkSize, stamp: hash.hex)
        files.append(OutputFile(path: "search/meta.json", contents: json(meta)))
        return files
    }

    /// Word number → field → ascending document numbers, and the same for pairs of words.
    /// Documents are visited in order, so every list is sorted as it is built; memory is one
    /// number per distinct word and pair of each document. Words are numbered rather than
    /// hashed as strings at each occurrence: a 10,000-story site has millions of occurrences
    /// of a few thousand words.
    struct Indexer: TokenSink {
        var table = TokenTable()
        /// Word number × 3 + field.
        var postings: [[Int32]] = []
        var pairs: [(first: Int32, second: Int32)] = []
        var pairPostings: [[Int32]] = []
        private var pairNumbers = NumberTable()
        /// The best field of each word in the current document, -1 when absent.
        private var best: [Int8] = []
        private var touched: [Int32] = []

        var document: Int32 = 0
        var field = Field.body
        var previous: Int32 = -1

        mutating func word(_ bytes: UnsafeBufferPointer<UInt8>, joined: Bool) {
            let id = table.id(of: bytes)
            let index = Int(id)
            if index == best.count {
                best.append(-1)
                postings += [[], [], []]
            }
            if best[index] < Int8(field.rawValue) {
                if best[index] < 0 { touched.append(id) }
                best[index] = Int8(field.rawValue)
            }
            if joined && previous >= 0 {
                let next = Int32(pairs.count)
                let pair = Int(pairNumbers.number(for: UInt64(UInt32(previous)), UInt64(UInt32(id)), next: next))
                if pair == next {
                    pairs.append((previous, id))
                    pairPostings.append([])
                }
                if pairPostings[pair].last != document { pairPostings[pair].append(document) }
            }
            previous = id
        }

        mutating func breakPhrase() {
            previous = -1
        }

        /// Appends what `other` found in the documents after this one's.
        mutating func merge(_ other: Indexer) {
            var numbers: [Int32] = []
            numbers.reserveCapacity(other.table.tokens.count)
            for token in other.table.tokens {
                var token = token
                let id = token.withUTF8 { table.id(of: $0) }
                while postings.count <= Int(id) * 3 { postings += [[], [], []] }
                numbers.append(id)
            }
            for (local, id) in numbers.enumerated() {
                for field in 0..<3 {
                    postings[Int(id) * 3 + field] += other.postings[local * 3 + field]
                }
            }
            for (local, pair) in other.pairs.enumerated() {
                let first = numbers[Int(pair.first)], second = numbers[Int(pair.second)]
                let next = Int32(pairs.count)
                let number = Int(pairNumbers.number(for: UInt64(UInt32(first)), UInt64(UInt32(second)), next: next))
                if number == next {
                    pairs.append((first, second))
                    pairPostings.append([])
                }
                pairPostings[number] += other.pairPostings[local]
            }
        }

        mutating func endDocument() {
            for id in touched {
                postings[Int(id) * 3 + Int(best[Int(id)])].append(document)
                best[Int(id)] = -1
            }
            touched.removeAll(keepingCapacity: true)
        }
    }

    /// The indexers of the runs, handed from the threads that fill them.
    private final class Partials: @unchecked Sendable {
        private var indexers: [Indexer?]
        private let lock = NSLock()

        init(count: Int) {
            indexers = Array(repeating: nil, count: count)
        }

        func set(_ run: Int, _ indexer: Indexer) {
            lock.withLock { indexers[run] = indexer }
        }

        func take(_ run: Int) -> Indexer {
            lock.withLock {
                defer { indexers[run] = nil }
                return indexers[run] ?? Indexer()
            }
        }
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

/// Receives the words of a text from `SearchIndex.Tokenizer`.
protocol TokenSink {
    /// A word's UTF-8 bytes, lower case and composed, and whether only spaces separate it
    /// from the word before (then the two make a phrase).
    mutating func word(_ bytes: UnsafeBufferPointer<UInt8>, joined: Bool)
    /// A word too long to index stood here: the words around it are no phrase.
    mutating func breakPhrase()
}
