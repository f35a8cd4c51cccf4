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
