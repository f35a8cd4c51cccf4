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
        let summary = entry.summary.nonEmpty ?? PlainText.fromHTML(entry.body)
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
            // Written directly: plain rows of strings need none of JSONEncoder's generality,
            // and they are the bulk of the index.
            files.append(OutputFile(path: "search/d/\(start / chunkSize).json", contents: JSONText.rows(rows)))
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

extension SearchIndex {
    /// Words of a text as the search script cuts a query: lower case, composed (NFC), split at
    /// everything that is not part of a word. The rule is a list of code point ranges rather
    /// than Unicode properties because the script must apply the very same rule without the
    /// property escapes of newer JavaScript.
    enum Tokenizer {
        /// Calls `body` with the UTF-8 bytes of each word, lower case and composed, and
        /// whether only spaces separate it from the word before (then the two make a phrase).
        static func scan<Sink: TokenSink>(_ text: String, into sink: inout Sink) {
            guard !text.isEmpty else { return }
            // Vietnamese text is Latin letters, precomposed, and punctuation: it is lowered
            // scalar by scalar from a table, reading UTF-8 bytes (this loop is most of the
            // indexing time). Anything else (decomposed accents pasted from a word
            // processor, other scripts) goes through the full Unicode rules first.
            var source = text
            let fast = source.withUTF8 { bytes in
                var index = 0
                while index < bytes.count {
                    let (value, length) = UTF8Bytes.decode(bytes, at: index)
                    guard value < 0x80 || LowerCase.isTabulated(value) else { return false }
                    index += length
                }
                return true
            }
            if !fast { source = text.lowercased().precomposedStringWithCanonicalMapping }
            // A word longer than the buffer folds to more than `maxTokenBytes` whatever its
            // letters (folding shrinks a letter at most threefold), so it is never indexed;
            // it still separates the words around it.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 256) { word in
                var length = 0
                var overlong = false
                var joined = false
                func endWord() {
                    if overlong {
                        sink.breakPhrase()
                        joined = false
                    } else if length > 0 {
                        sink.word(UnsafeBufferPointer(rebasing: word[..<length]), joined: joined)
                        joined = true
                    }
                    length = 0
                    overlong = false
                }
                source.withUTF8 { bytes in
                    var index = 0
                    while index < bytes.count {
                        var (value, size) = UTF8Bytes.decode(bytes, at: index)
                        index += size
                        if value < 0x80 {
                            if (value >= 0x61 && value <= 0x7A) || (value >= 0x30 && value <= 0x39) {
                                // A lower-case letter or digit: the common case.
                            } else if value >= 0x41 && value <= 0x5A {
                                value |= 0x20
                            } else {
                                endWord()
                                if value != 0x20 && value != 0x09 { joined = false }
                                continue
                            }
                        } else if isWord(value) {
                            if fast { value = LowerCase.lowered(value) }
                        } else {
                            endWord()
                            if !isSpace(value) { joined = false }
                            continue
                        }
                        size = UTF8Bytes.length(of: value)
                        if length + size > word.count {
                            overlong = true
                        } else if !overlong {
                            UTF8Bytes.write(value, size: size, to: word.baseAddress! + length)
                            length += size
                        }
                    }
                }
                endWord()
            }
        }

        static func scan(_ text: String, _ body: (UnsafeBufferPointer<UInt8>, Bool) -> Void) {
            withoutActuallyEscaping(body) { body in
                var sink = ClosureSink(body: body)
                scan(text, into: &sink)
            }
        }

        private struct ClosureSink: TokenSink {
            let body: (UnsafeBufferPointer<UInt8>, Bool) -> Void
            mutating func word(_ bytes: UnsafeBufferPointer<UInt8>, joined: Bool) { body(bytes, joined) }
            mutating func breakPhrase() {}
        }

        /// Separators that keep two words one phrase. Line breaks are not among them:
        /// `PlainText` writes one between blocks. Mirrored in search.js (`isSpaceCode`).
        static func isSpace(_ value: UInt32) -> Bool {
            switch value {
            case 0x20, 0x09, 0xA0, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
            default: return false
            }
        }

        static func forEachToken(in text: String, _ body: (String) -> Void) {
            scan(text) { bytes, _ in body(String(decoding: bytes, as: UTF8.self)) }
        }

        static func tokens(in text: String) -> [String] {
            var tokens: [String] = []
            forEachToken(in: text) { tokens.append($0) }
            return tokens
        }

        /// Punctuation, symbols, spaces and emoji separate words; every other character,
        /// whatever its script, belongs to one. Mirrored in search.js (`isWordCode`).
        static func isWord(_ v: UInt32) -> Bool {
            if v < 0x80 {
                return (v >= 0x30 && v <= 0x39) || (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A)
            }
            // The ranges are in ascending order, and most letters sit below the first ones.
            for range in separatorRanges {
                if v < range.lowerBound { return true }
                if v <= range.upperBound { return false }
            }
            return true
        }

        static let separatorRanges: [ClosedRange<UInt32>] = [
            0x80...0xBF,        // C1 controls, no-break space, Latin-1 punctuation and signs
            0xD7...0xD7, 0xF7...0xF7,
            0x1680...0x1680,
            0x2000...0x206F,    // spaces, dashes, quotation marks, ellipsis
            0x20A0...0x20CF,    // currency, ₫ among them
            0x2100...0x2BFF,    // letterlike, arrows, mathematical and other symbols
            0x2E00...0x2E7F,
            0x3000...0x303F,    // CJK spaces and punctuation
            0xFE00...0xFE0F,    // variation selectors
            0xFE30...0xFE6F,
            0xFEFF...0xFEFF,
            0xFF00...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65,
            0xFFF0...0xFFFF,
            0x1F000...0x1FAFF,  // emoji and pictographs
            0xE0000...0xE007F,
        ]
    }
}

extension SearchIndex {
    /// Sets of document numbers as short strings (see `SearchIndex`).
    enum DocumentSet {
        static let final = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef".utf8)
        static let continuation = Array("ghijklmnopqrstuvwxyz0123456789-_".utf8)

        static func encode(_ numbers: [Int32]) -> String {
            let gaps = encodeGaps(numbers)
            guard let last = numbers.last else { return "" }
            // A bitmap is N/6 characters whatever the count; gaps cost at least one per number.
            if Int(last) / 6 + 2 < gaps.count {
                return encodeBitmap(numbers)
            }
            return String(decoding: gaps, as: UTF8.self)
        }

        static func encodeGaps(_ numbers: [Int32]) -> [UInt8] {
            var out: [UInt8] = []
            out.reserveCapacity(numbers.count)
            var previous: Int32 = -1
            var digits: [UInt8] = []
            for number in numbers {
                var gap = Int(number - previous - 1)
                previous = number
                digits.removeAll(keepingCapacity: true)
                digits.append(final[gap & 31])
                gap >>= 5
                while gap > 0 {
                    digits.append(continuation[gap & 31])
                    gap >>= 5
                }
                out.append(contentsOf: digits.reversed())
            }
            return out
        }

        static func encodeBitmap(_ numbers: [Int32]) -> String {
            let alphabet = final + continuation
            var sextets = [UInt8](repeating: 0, count: Int(numbers.last ?? 0) / 6 + 1)
            for number in numbers {
                sextets[Int(number) / 6] |= 1 << UInt8(Int(number) % 6)
            }
            return "~" + String(decoding: sextets.map { alphabet[Int($0)] }, as: UTF8.self)
        }

        /// The inverse, for tests; the script has its own.
        static func decode(_ text: String) -> [Int32] {
            let bytes = Array(text.utf8)
            var numbers: [Int32] = []
            if bytes.first == UInt8(ascii: "~") {
                let alphabet = final + continuation
                for (index, byte) in bytes.dropFirst().enumerated() {
                    guard let value = alphabet.firstIndex(of: byte) else { continue }
                    for bit in 0..<6 where value & (1 << bit) != 0 {
                        numbers.append(Int32(index * 6 + bit))
                    }
                }
                return numbers
            }
            var previous: Int32 = -1
            var gap = 0
            for byte in bytes {
                if let digit = continuation.firstIndex(of: byte) {
                    gap = gap << 5 | digit
                } else if let digit = final.firstIndex(of: byte) {
                    previous += Int32(gap << 5 | digit) + 1
                    numbers.append(previous)
                    gap = 0
                }
            }
            return numbers
        }
    }
}

extension SearchIndex {
    /// Visible text of the HTML libcmark writes, read byte by byte rather than parsed: cmark
    /// escapes every `<` and `&` of the text itself, so a `<` always opens a tag.
    enum PlainText {
        /// Text of `html`, with a line break wherever a block starts or ends, so that
        /// phrases do not run from one paragraph or list item into the next.
        static func fromHTML(_ html: String) -> String {
            let space = UInt8(ascii: " "), newline = UInt8(ascii: "\n")
            var out: [UInt8] = []
            out.reserveCapacity(html.utf8.count)
            var inTag = false, inEntity = false
            var name: [UInt8] = []
            var nameDone = false
            func emit(_ byte: UInt8) {
                // Runs of white space become one character, a line break if any was one.
                if byte == space || byte == newline {
                    guard let last = out.last else { return }
                    if last == newline { return }
                    if last == space {
                        out[out.count - 1] = byte
                        return
                    }
                }
                out.append(byte)
            }
            for byte in html.utf8 {
                if inTag {
                    if byte == UInt8(ascii: ">") {
                        inTag = false
                        emit(blockTags.contains(name) ? newline : space)
                    } else if !nameDone {
                        if isNameByte(byte) {
                            name.append(byte | 0x20)
                        } else if !(byte == UInt8(ascii: "/") && name.isEmpty) {
                            nameDone = true
                        }
                    }
                    continue
                }
                if inEntity {
                    if byte == UInt8(ascii: ";") {
                        inEntity = false
                        if let text = entities[name] { out.append(text) } else { emit(newline) }
                    } else if isNameByte(byte) || byte == UInt8(ascii: "#") {
                        name.append(byte)
                    } else {
                        inEntity = false
                        out.append(UInt8(ascii: "&"))
                        out.append(contentsOf: name)
                        emit(byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") ? space : byte)
                    }
                    continue
                }
                switch byte {
                case UInt8(ascii: "<"):
                    inTag = true
                    nameDone = false
                    name.removeAll(keepingCapacity: true)
                case UInt8(ascii: "&"):
                    inEntity = true
                    name.removeAll(keepingCapacity: true)
                case UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                    // libcmark writes a soft line break inside a paragraph as a newline.
                    emit(space)
                default:
                    out.append(byte)
                }
            }
            while let last = out.last, last == space || last == newline { out.removeLast() }
            return String(decoding: out, as: UTF8.self)
        }

        /// The entities libcmark writes.
        private static let entities: [[UInt8]: UInt8] = [
            Array("amp".utf8): UInt8(ascii: "&"), Array("lt".utf8): UInt8(ascii: "<"),
            Array("gt".utf8): UInt8(ascii: ">"), Array("quot".utf8): UInt8(ascii: "\""),
            Array("#39".utf8): UInt8(ascii: "'"),
        ]

        private static let blockTags: Set<[UInt8]> = Set([
            "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote",
            "pre", "div", "table", "thead", "tbody", "tr", "td", "th", "dl", "dt", "dd", "figure",
            "figcaption", "section", "article", "aside", "header", "footer", "nav",
        ].map { Array($0.utf8) })

        private static func isNameByte(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
        }
    }
}

extension SearchIndex {
    enum Snippet {
        /// At most `limit` characters, cut at a space with an ellipsis when the text is longer.
        static func make(_ text: String, limit: Int) -> String {
            // Most summaries are one short line already; checking that is cheaper than
            // collapsing and counting characters for every document of the site.
            var scalars = 0
            var previousSpace = true
            let clean = text.unicodeScalars.allSatisfy { scalar in
                scalars += 1
                let v = scalar.value
                if v == 0x20 {
                    defer { previousSpace = true }
                    return !previousSpace
                }
                previousSpace = false
                return v > 0x20 && !(v >= 0x7F && v <= 0xA0) && !isOtherSpace(v)
            }
            if clean && !previousSpace && scalars <= limit { return text }
            // White space collapsed scalar by scalar: summaries are short, but a body without
            // one is not, and Character-wise splitting of all of it showed in profiles.
            var flat = String.UnicodeScalarView()
            var pendingSpace = false
            var characters = 0
            for scalar in text.unicodeScalars {
                if scalar.properties.isWhitespace {
                    pendingSpace = !flat.isEmpty
                    continue
                }
                if pendingSpace {
                    flat.append(" ")
                    pendingSpace = false
                }
                flat.append(scalar)
                characters += 1
                // Scalars outnumber characters only with combining marks: stop well past.
                if characters > limit * 4 { break }
            }
            let whole = String(flat)
            guard whole.count > limit else { return whole }
            let head = whole.prefix(limit - 1)
            var cut = head.lastIndex(of: " ").map { head[..<$0] } ?? head
            // "…" after a comma or colon reads as a typo.
            while let last = cut.last, last == " " || ",;:.-–—".contains(last) { cut = cut.dropLast() }
            return cut + "…"
        }

        /// White space outside ASCII and Latin-1 controls.
        private static func isOtherSpace(_ v: UInt32) -> Bool {
            v == 0x1680 || (v >= 0x2000 && v <= 0x200A) || v == 0x2028 || v == 0x2029 || v == 0x202F
                || v == 0x205F || v == 0x3000
        }
    }
}

extension SearchIndex {
    /// JSON of rows of strings, escaped as JSONEncoder does with `.withoutEscapingSlashes`.
    enum JSONText {
        static func rows(_ rows: [[String]]) -> String {
            var out: [UInt8] = [UInt8(ascii: "[")]
            for (index, row) in rows.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                out.append(UInt8(ascii: "["))
                for (column, text) in row.enumerated() {
                    if column > 0 { out.append(UInt8(ascii: ",")) }
                    string(text, into: &out)
                }
                out.append(UInt8(ascii: "]"))
            }
            out.append(UInt8(ascii: "]"))
            return String(decoding: out, as: UTF8.self)
        }

        static func string(_ text: String, into out: inout [UInt8]) {
            let hex = Array("0123456789abcdef".utf8)
            out.append(UInt8(ascii: "\""))
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
                case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
                case 0x08: out += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
                case 0x0C: out += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
                case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
                case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
                case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
                case ..<0x20:
                    out += [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                            hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
                default: out.append(byte)
                }
            }
            out.append(UInt8(ascii: "\""))
        }
    }
}

extension SearchIndex {
    /// 64-bit FNV-1a: a stable hash (Swift's `Hasher` is seeded per process).
    struct FNV1a {
        private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

        mutating func add(_ text: String) {
            var text = text
            var value = self.value
            text.withUTF8 { bytes in
                for byte in bytes {
                    value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
                }
            }
            // 0xFF never occurs in UTF-8: it ends one text, so "ab"+"c" ≠ "a"+"bc".
            self.value = (value ^ 0xFF) &* 0x0000_0100_0000_01B3
        }

        var hex: String {
            let digits = String(value, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
    }
}

extension SearchIndex {
    /// Lower case of the scalars of Vietnamese text, looked up in a table built once.
    enum LowerCase {
        private static let latin: [UInt32] = (0..<0x300).map { mapping(of: UInt32($0)) }
        private static let vietnamese: [UInt32] = (0x1E00..<0x1F00).map { mapping(of: UInt32($0)) }

        /// Zero when the lower case is not one scalar (İ → i + dot above).
        private static func mapping(of value: UInt32) -> UInt32 {
            guard let scalar = Unicode.Scalar(value) else { return 0 }
            let mapping = scalar.properties.lowercaseMapping.unicodeScalars
            return mapping.count == 1 ? mapping.first!.value : 0
        }

        /// Whether text made of such scalars needs neither composition nor the full
        /// lower-casing rules: Latin and Vietnamese letters without combining marks, and the
        /// punctuation of Vietnamese text. Every letter below U+0300 lowers to one scalar
        /// except U+0130 (İ → i + combining dot).
        static func isTabulated(_ v: UInt32) -> Bool {
            (v < 0x300 && v != 0x130) || (v >= 0x1E00 && v < 0x1F00)
                || (v >= 0x2000 && v <= 0x206F) || (v >= 0x20A0 && v <= 0x20CF)
        }

        /// The lower case of a tabulated letter.
        static func lowered(_ v: UInt32) -> UInt32 {
            let lower: UInt32
            if v < 0x300 {
                lower = latin[Int(v)]
            } else if v >= 0x1E00 && v < 0x1F00 {
                lower = vietnamese[Int(v - 0x1E00)]
            } else {
                return v
            }
            return lower == 0 ? v : lower
        }
    }

    /// UTF-8 by hand on buffers that Swift strings guarantee to be valid.
    enum UTF8Bytes {
        @inline(__always)
        static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
            let first = UInt32(bytes[index])
            if first < 0x80 { return (first, 1) }
            if first < 0xE0 {
                return ((first & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2)
            }
            if first < 0xF0 {
                return ((first & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3)
            }
            return ((first & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F), 4)
        }

        @inline(__always)
        static func length(of value: UInt32) -> Int {
            value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x10000 ? 3 : 4
        }

        @inline(__always)
        static func write(_ value: UInt32, size: Int, to out: UnsafeMutablePointer<UInt8>) {
            switch size {
            case 1:
                out[0] = UInt8(value)
            case 2:
                out[0] = UInt8(0xC0 | value >> 6)
                out[1] = UInt8(0x80 | value & 0x3F)
            case 3:
                out[0] = UInt8(0xE0 | value >> 12)
                out[1] = UInt8(0x80 | value >> 6 & 0x3F)
                out[2] = UInt8(0x80 | value & 0x3F)
            default:
                out[0] = UInt8(0xF0 | value >> 18)
                out[1] = UInt8(0x80 | value >> 12 & 0x3F)
                out[2] = UInt8(0x80 | value >> 6 & 0x3F)
                out[3] = UInt8(0x80 | value & 0x3F)
            }
        }
    }

    /// Numbers for words, by their UTF-8 bytes. Words of up to 16 bytes (every Vietnamese
    /// syllable) are keyed by two integers, which hash much faster than strings.
    struct TokenTable {
        private var packed = NumberTable()
        private var long: [String: Int32] = [:]
        private(set) var tokens: [String] = []

        mutating func id(of bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
            guard bytes.count <= 16 else {
                let text = String(decoding: bytes, as: UTF8.self)
                if let id = long[text] { return id }
                long[text] = Int32(tokens.count)
                tokens.append(text)
                return Int32(tokens.count - 1)
            }
            // Word bytes are never zero, so zero padding cannot make two words equal.
            var high: UInt64 = 0, low: UInt64 = 0
            for (index, byte) in bytes.enumerated() {
                if index < 8 {
                    high |= UInt64(byte) << (8 * UInt64(index))
                } else {
                    low |= UInt64(byte) << (8 * UInt64(index - 8))
                }
            }
            let next = Int32(tokens.count)
            let id = packed.number(for: high, low, next: next)
            if id == next { tokens.append(String(decoding: bytes, as: UTF8.self)) }
            return id
        }
    }

    /// Numbers for 128-bit keys, by open addressing with a multiplicative hash. It does the
    /// work of a `[Key: Int32]` at a fraction of the cost: the indexer looks a word and a pair
    /// up for every word of the site, and `Hasher`'s SipHash was most of the indexing time.
    struct NumberTable {
        private var highs = [UInt64](repeating: 0, count: 1024)
        private var lows = [UInt64](repeating: 0, count: 1024)
        private var numbers = [Int32](repeating: -1, count: 1024)
        private var count = 0

        /// The number of the key, or `next` after filing the key under it when it is new.
        mutating func number(for high: UInt64, _ low: UInt64, next: Int32) -> Int32 {
            var slot = slot(high, low)
            while numbers[slot] >= 0 {
                if highs[slot] == high && lows[slot] == low { return numbers[slot] }
                slot = (slot + 1) & (numbers.count - 1)
            }
            highs[slot] = high
            lows[slot] = low
            numbers[slot] = next
            count += 1
            if count * 2 > numbers.count { grow() }
            return next
        }

        private func slot(_ high: UInt64, _ low: UInt64) -> Int {
            let mixed = (high ^ (low &* 0x9E37_79B9_7F4A_7C15)) &* 0xBF58_476D_1CE4_E5B9
            return Int(truncatingIfNeeded: (mixed ^ (mixed >> 31)) & UInt64(numbers.count - 1))
        }

        private mutating func grow() {
            let old = (highs, lows, numbers)
            highs = [UInt64](repeating: 0, count: old.2.count * 2)
            lows = highs
            numbers = [Int32](repeating: -1, count: old.2.count * 2)
            for index in old.2.indices where old.2[index] >= 0 {
                var slot = slot(old.0[index], old.1[index])
                while numbers[slot] >= 0 { slot = (slot + 1) & (numbers.count - 1) }
                highs[slot] = old.0[index]
                lows[slot] = old.1[index]
                numbers[slot] = old.2[index]
            }
        }
    }
}
