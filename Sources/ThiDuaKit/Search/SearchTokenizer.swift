import Foundation

extension SearchIndex {
    /// Words of a text as the search script cuts a query: lower case, composed (NFC), split at
    /// everything that is not part of a word. The rule is a list of code point ranges rather
    /// than Unicode properties because the script must apply the very same rule without the
    /// property escapes of newer JavaScript.
    enum Tokenizer {
        /// Calls `sink` with the UTF-8 bytes of each word of `text`, lower case and composed,
        /// and whether only spaces separate it from the word before (then the two make a phrase).
        static func scan<Sink: TokenSink>(_ text: String, into sink: inout Sink) {
            var text = text
            text.withUTF8 { scan(utf8: $0, into: &sink) }
        }

        /// The same for text as valid UTF-8 bytes (the plain text of a body, never made a String).
        static func scan<Sink: TokenSink>(utf8 text: UnsafeBufferPointer<UInt8>, into sink: inout Sink) {
            guard !text.isEmpty else { return }
            // Vietnamese text is Latin letters, precomposed, and punctuation: it is lowered
            // scalar by scalar from a table, reading UTF-8 bytes (this loop is most of the
            // indexing time). Anything else (decomposed accents pasted from a word
            // processor, other scripts) goes through the full Unicode rules first.
            var index = 0
            while index < text.count {
                let (value, length) = UTF8Bytes.decode(text, at: index)
                guard value < 0x80 || LowerCase.isTabulated(value) else {
                    var lowered = String(decoding: text, as: UTF8.self).lowercased().precomposedStringWithCanonicalMapping
                    lowered.withUTF8 { words(of: $0, lowering: false, into: &sink) }
                    return
                }
                index += length
            }
            words(of: text, lowering: true, into: &sink)
        }

        /// The words of `source`; `lowering` its letters from the table on the way.
        private static func words<Sink: TokenSink>(of source: UnsafeBufferPointer<UInt8>, lowering: Bool, into sink: inout Sink) {
            // A word longer than the buffer folds to more than `maxTokenBytes` whatever its
            // letters (folding shrinks a letter at most threefold), so it is never indexed;
            // it still separates the words around it.
            LowerCase.table.withUnsafeBufferPointer { table in
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
                    var index = 0
                    while index < source.count {
                        var (value, size) = UTF8Bytes.decode(source, at: index)
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
                            if lowering { value = LowerCase.lowered(value, in: table) }
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
                    endWord()
                }
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
            // Latin and Vietnamese letters first, without reading the table: the separators
            // below U+2000 are U+0080…U+00BF, ×, ÷ and U+1680.
            if v >= 0xC0 && v < 0x2000 { return v != 0xD7 && v != 0xF7 && v != 0x1680 }
            // The ranges are in ascending order.
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
