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
/// - `search/t/<key>.json` — one file per folded token (lower case, no diacritics, đ → d,
///   see `Folding.fold`): `{"<exact lower-case form>": {"t": set, "m": set, "b": set}}`.
///   Keeping the exact forms apart lets the script rank "Đoàn viên" matches above
///   "đoán viên" ones. A document sits in the set of the best field the form occurs in:
///   `t` the title, `m` summary, tags, unit (and a person's role and award), `b` the body.
///   A file per token rather than per prefix: the common syllables of a campaign site
///   (đoàn, viên, lao, động…) are in nearly every document, and a shard that grouped
///   several of them would cost a query every one.
///   `<key>` is the folded token when it is `[a-z0-9]+` (every Vietnamese word), else `_`
///   and the hex of its UTF-8 bytes, so file names stay portable.
/// - `search/d/<n>.json` — documents `n·C ..< (n+1)·C` as
///   `[url, title, kind, ISO date, dd/mm/yyyy date, snippet]` (dates empty when the item
///   has none). Small chunks, because the top results of a query may sit in as many chunks
///   as there are results.
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
    /// results all fall in different chunks: 50 × 8 × ~400 bytes stays well under the
    /// 300 KB a query may fetch on a 10,000-story site.
    static let chunkSize = 8
    static let snippetLength = 160
    /// Longer runs of letters are codes or pasted garbage, not words anyone types, and
    /// would make file names too long.
    static let maxTokenBytes = 60

    /// Where a word occurs in a document; the script ranks title matches above the rest.
    enum Field: Int, CaseIterable, Comparable {
        case body = 0, meta = 1, title = 2

        var key: String {
            switch self {
            case .body: return "b"
            case .meta: return "m"
            case .title: return "t"
            }
        }

        static func < (a: Field, b: Field) -> Bool { a.rawValue < b.rawValue }
    }

    /// What the index knows of one published item.
    struct Document {
        let url: String
        let title: String
        let kind: ContentKind
        let date: CalendarDate?
        let snippet: String
        let fields: [(Field, String)]
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
        let body = PlainText.fromHTML(entry.body)
        let summary = entry.summary.nonEmpty ?? body
        return Document(
            url: entry.url, title: entry.title, kind: entry.kind, date: date,
            snippet: Snippet.make(summary, limit: snippetLength),
            fields: [(.title, entry.title), (.meta, meta.joined(separator: "\n")), (.body, body)])
    }

    static func files(for documents: [Document]) -> [OutputFile] {
        // Token number → field → ascending document numbers. Documents are visited in order,
        // so every list is sorted as it is built; memory is one number per distinct word of
        // each document. Words are numbered, not hashed as strings per occurrence: a
        // 10,000-story site has millions of occurrences of a few thousand words.
        var table = TokenTable()
        var postings: [[Int32]] = []
        var best: [Int8] = []
        var touched: [Int32] = []
        for (number, document) in documents.enumerated() {
            for (field, text) in document.fields {
                Tokenizer.scan(text) { bytes in
                    let id = Int(table.id(of: bytes))
                    if id == best.count {
                        best.append(-1)
                        postings += [[], [], []]
                    }
                    if best[id] < Int8(field.rawValue) {
                        if best[id] < 0 { touched.append(Int32(id)) }
                        best[id] = Int8(field.rawValue)
                    }
                }
            }
            for id in touched {
                postings[Int(id) * 3 + Int(best[Int(id)])].append(Int32(number))
                best[Int(id)] = -1
            }
            touched.removeAll(keepingCapacity: true)
        }

        // Folded key → its exact forms, in a fixed order whatever the dictionary's.
        var forms: [String: [Int]] = [:]
        for (id, token) in table.tokens.enumerated() {
            let key = Folding.fold(token)
            guard !key.isEmpty, key.utf8.count <= maxTokenBytes else { continue }
            forms[key, default: []].append(id)
        }

        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func json<T: Encodable>(_ value: T) -> String {
            // Strings, arrays and dictionaries of them always encode.
            String(decoding: (try? encoder.encode(value)) ?? Data(), as: UTF8.self)
        }

        var files: [OutputFile] = []
        files.reserveCapacity(forms.count + documents.count / chunkSize + 2)
        for key in forms.keys.sorted() {
            var entry: [String: [String: String]] = [:]
            for id in forms[key] ?? [] {
                var sets: [String: String] = [:]
                for field in Field.allCases where !postings[id * 3 + field.rawValue].isEmpty {
                    sets[field.key] = DocumentSet.encode(postings[id * 3 + field.rawValue])
                }
                entry[table.tokens[id]] = sets
            }
            files.append(OutputFile(path: "search/t/\(fileName(forKey: key)).json", contents: json(entry)))
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

extension SearchIndex {
    /// Words of a text as the search script cuts a query: lower case, composed (NFC), split at
    /// everything that is not part of a word. The rule is a list of code point ranges rather
    /// than Unicode properties because the script must apply the very same rule without the
    /// property escapes of newer JavaScript.
    enum Tokenizer {
        /// Calls `body` with the UTF-8 bytes of each word, lower case and composed.
        static func scan(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
            guard !text.isEmpty else { return }
            var word: [UInt8] = []
            word.reserveCapacity(64)
            func flush() {
                guard !word.isEmpty else { return }
                word.withUnsafeBufferPointer(body)
                word.removeAll(keepingCapacity: true)
            }
            // Vietnamese text is Latin letters, precomposed, and punctuation: it is lowered
            // scalar by scalar from a table. Anything else (decomposed accents pasted from a
            // word processor, other scripts) goes through the full Unicode rules, slower but
            // rare.
            let fast = text.unicodeScalars.allSatisfy { LowerCase.simple($0) != nil || !isWordScalar($0) && isInert($0) }
            let source = fast ? text : text.lowercased().precomposedStringWithCanonicalMapping
            for scalar in source.unicodeScalars {
                guard isWordScalar(scalar) else {
                    flush()
                    continue
                }
                let lower = fast ? LowerCase.simple(scalar) ?? scalar : scalar
                if lower.value < 0x80 {
                    word.append(UInt8(lower.value))
                } else {
                    word.append(contentsOf: UTF8.encode(lower)!)
                }
            }
            flush()
        }

        /// Separators that composition can neither change nor join to a neighbour.
        private static func isInert(_ scalar: Unicode.Scalar) -> Bool {
            let v = scalar.value
            return v < 0x300 || (0x2000...0x206F).contains(v) || (0x20A0...0x20CF).contains(v)
        }

        static func forEachToken(in text: String, _ body: (String) -> Void) {
            scan(text) { body(String(decoding: $0, as: UTF8.self)) }
        }

        static func tokens(in text: String) -> [String] {
            var tokens: [String] = []
            forEachToken(in: text) { tokens.append($0) }
            return tokens
        }

        /// Punctuation, symbols, spaces and emoji separate words; every other character,
        /// whatever its script, belongs to one. Mirrored in search.js (`isWordCode`).
        static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
            let v = scalar.value
            if v < 0x80 {
                return (v >= 0x30 && v <= 0x39) || (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A)
            }
            for range in separatorRanges where range.contains(v) { return false }
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
    /// Visible text of the HTML libcmark writes: tags and entities become spaces. Enough for
    /// indexing, since cmark escapes every `<` and `&` of the text itself.
    enum PlainText {
        static func fromHTML(_ html: String) -> String {
            var out: [UInt8] = []
            out.reserveCapacity(html.utf8.count)
            var inTag = false, inEntity = false
            for byte in html.utf8 {
                if inTag {
                    if byte == UInt8(ascii: ">") { inTag = false }
                    continue
                }
                if inEntity {
                    if byte == UInt8(ascii: ";") {
                        inEntity = false
                    } else if !isEntityByte(byte) {
                        inEntity = false
                        out.append(byte)
                    }
                    continue
                }
                switch byte {
                case UInt8(ascii: "<"):
                    inTag = true
                    out.append(UInt8(ascii: " "))
                case UInt8(ascii: "&"):
                    inEntity = true
                    out.append(UInt8(ascii: " "))
                case UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                    out.append(UInt8(ascii: " "))
                default:
                    out.append(byte)
                }
            }
            // Collapse the runs of spaces left by tags, for snippets taken from the body.
            var collapsed: [UInt8] = []
            collapsed.reserveCapacity(out.count)
            for byte in out where !(byte == UInt8(ascii: " ") && (collapsed.last == UInt8(ascii: " ") || collapsed.isEmpty)) {
                collapsed.append(byte)
            }
            if collapsed.last == UInt8(ascii: " ") { collapsed.removeLast() }
            return String(decoding: collapsed, as: UTF8.self)
        }

        private static func isEntityByte(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == UInt8(ascii: "#")
        }
    }
}

extension SearchIndex {
    enum Snippet {
        /// At most `limit` characters, cut at a space with an ellipsis when the text is longer.
        static func make(_ text: String, limit: Int) -> String {
            let flat = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            guard flat.count > limit else { return flat }
            let head = flat.prefix(limit - 1)
            var cut = head.lastIndex(of: " ").map { head[..<$0] } ?? head
            // "…" after a comma or colon reads as a typo.
            while let last = cut.last, last == " " || ",;:.-–—".contains(last) { cut = cut.dropLast() }
            return cut + "…"
        }
    }
}

extension SearchIndex {
    /// 64-bit FNV-1a: a stable hash (Swift's `Hasher` is seeded per process).
    struct FNV1a {
        private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

        mutating func add(_ text: String) {
            for byte in text.utf8 {
                value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            }
            value = (value ^ 0xFF) &* 0x0000_0100_0000_01B3
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
        private static let latin: [UInt32] = (0..<0x300).map { lowered(UInt32($0)) }
        private static let vietnamese: [UInt32] = (0x1E00..<0x1F00).map { lowered(UInt32($0)) }

        /// Zero when the lower case is not one scalar (İ → i + dot above).
        private static func lowered(_ value: UInt32) -> UInt32 {
            guard let scalar = Unicode.Scalar(value) else { return 0 }
            let mapping = scalar.properties.lowercaseMapping.unicodeScalars
            return mapping.count == 1 ? mapping.first!.value : 0
        }

        /// The lower case of `scalar` when it is a Latin or Vietnamese letter with a
        /// one-scalar lower case, else nil.
        static func simple(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
            let v = scalar.value
            let lower: UInt32
            if v < 0x300 {
                lower = latin[Int(v)]
            } else if v >= 0x1E00 && v < 0x1F00 {
                lower = vietnamese[Int(v - 0x1E00)]
            } else {
                return nil
            }
            return lower == 0 ? nil : Unicode.Scalar(lower)
        }
    }

    /// Numbers for words, by their UTF-8 bytes. Words of up to 16 bytes (every Vietnamese
    /// syllable) are keyed by two integers, which hash much faster than strings.
    struct TokenTable {
        private struct Packed: Hashable {
            let high: UInt64
            let low: UInt64
        }

        private var packed: [Packed: Int32] = [:]
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
            let key = Packed(high: high, low: low)
            if let id = packed[key] { return id }
            packed[key] = Int32(tokens.count)
            tokens.append(String(decoding: bytes, as: UTF8.self))
            return Int32(tokens.count - 1)
        }
    }
}
