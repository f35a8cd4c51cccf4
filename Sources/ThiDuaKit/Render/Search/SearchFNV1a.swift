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
