extension SearchIndex {
    /// Lower case of the scalars of Vietnamese text, looked up in a table built once.
    enum LowerCase {
        /// Lower case of U+0000…U+02FF, then of U+1E00…U+1EFF: zero where it is not one scalar.
        static let table: [UInt32] = (0..<0x300).map(mapping) + (0x1E00..<0x1F00).map(mapping)

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

        /// The lower case of a tabulated letter, from `table` as the caller read it once: a
        /// static is checked for its initialisation at every use, and this is per letter.
        @inline(__always)
        static func lowered(_ v: UInt32, in table: UnsafeBufferPointer<UInt32>) -> UInt32 {
            let index: Int
            if v < 0x300 {
                index = Int(v)
            } else if v >= 0x1E00 && v < 0x1F00 {
                index = Int(v - 0x1E00) + 0x300
            } else {
                return v
            }
            let lower = table[index]
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

        @inline(__always)
        mutating func id(of bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
            guard bytes.count <= 16 else {
                let text = String(decoding: bytes, as: UTF8.self)
                if let id = long[text] { return id }
                long[text] = Int32(tokens.count)
                tokens.append(text)
                return Int32(tokens.count - 1)
            }
            // Word bytes are never zero, so zero padding cannot make two words equal. The first
            // eight bytes in one load when there are eight.
            var high: UInt64 = 0, low: UInt64 = 0
            var index = 0
            if bytes.count >= 8 {
                high = UnsafeRawBufferPointer(bytes).loadUnaligned(as: UInt64.self).littleEndian
                index = 8
            }
            while index < bytes.count {
                if index < 8 {
                    high |= UInt64(bytes[index]) << (8 * UInt64(index))
                } else {
                    low |= UInt64(bytes[index]) << (8 * UInt64(index - 8))
                }
                index += 1
            }
            let next = Int32(tokens.count)
            let id = packed.number(for: high, low, next: next)
            if id == next { tokens.append(String(decoding: bytes, as: UTF8.self)) }
            return id
        }
    }

    /// Numbers for 128-bit keys, by open addressing with a multiplicative hash. It does the
    /// work of a `[Key: Int32]` at a fraction of the cost: the indexer looks a word up for
    /// every word of the site, and `Hasher`'s SipHash was most of the indexing time. Key and
    /// number share a slot, so a lookup reads one cache line.
    struct NumberTable {
        private struct Slot {
            var high: UInt64 = 0, low: UInt64 = 0
            var number: Int32 = -1
        }

        private var slots = [Slot](repeating: Slot(), count: 1024)
        private var count = 0

        /// The number of the key, or `next` after filing the key under it when it is new.
        @inline(__always)
        mutating func number(for high: UInt64, _ low: UInt64, next: Int32) -> Int32 {
            let mask = slots.count - 1
            let found: Int32? = slots.withUnsafeMutableBufferPointer { slots in
                var slot = Self.slot(high ^ (low &* 0x9E37_79B9_7F4A_7C15), mask)
                while slots[slot].number >= 0 {
                    if slots[slot].high == high && slots[slot].low == low { return slots[slot].number }
                    slot = (slot + 1) & mask
                }
                slots[slot] = Slot(high: high, low: low, number: next)
                return nil
            }
            if let found { return found }
            count += 1
            if count * 2 > slots.count { grow() }
            return next
        }

        private mutating func grow() {
            let old = slots
            slots = [Slot](repeating: Slot(), count: old.count * 2)
            let mask = slots.count - 1
            for entry in old where entry.number >= 0 {
                var slot = Self.slot(entry.high ^ (entry.low &* 0x9E37_79B9_7F4A_7C15), mask)
                while slots[slot].number >= 0 { slot = (slot + 1) & mask }
                slots[slot] = entry
            }
        }

        static func slot(_ key: UInt64, _ mask: Int) -> Int {
            let mixed = key &* 0xBF58_476D_1CE4_E5B9
            return Int(truncatingIfNeeded: mixed ^ (mixed >> 31)) & mask
        }
    }

    /// Numbers for pairs of word numbers, as `NumberTable`, with the last document each pair
    /// was seen in kept in its slot: the indexer learns whether a pair is new to the
    /// document from the cache line it reads anyway.
    struct PairTable {
        private struct Slot {
            var key: UInt64 = 0
            var number: Int32 = -1
            var document: Int32 = -1
        }

        private var slots = [Slot](repeating: Slot(), count: 1024)
        private var count = 0

        /// The number of the key (`next` when it is new), and whether it was seen in
        /// `document` before.
        @inline(__always)
        mutating func note(_ key: UInt64, next: Int32, in document: Int32) -> (number: Int32, seen: Bool) {
            let mask = slots.count - 1
            let found: (Int32, Bool)? = slots.withUnsafeMutableBufferPointer { slots in
                var slot = NumberTable.slot(key, mask)
                while slots[slot].number >= 0 {
                    if slots[slot].key == key {
                        let seen = slots[slot].document == document
                        slots[slot].document = document
                        return (slots[slot].number, seen)
                    }
                    slot = (slot + 1) & mask
                }
                slots[slot] = Slot(key: key, number: next, document: document)
                return nil
            }
            if let found { return found }
            count += 1
            if count * 2 > slots.count { grow() }
            return (next, false)
        }

        private mutating func grow() {
            let old = slots
            slots = [Slot](repeating: Slot(), count: old.count * 2)
            let mask = slots.count - 1
            for entry in old where entry.number >= 0 {
                var slot = NumberTable.slot(entry.key, mask)
                while slots[slot].number >= 0 { slot = (slot + 1) & mask }
                slots[slot] = entry
            }
        }
    }
}
