/// 64-bit FNV-1a: a hash that is the same in every build on every machine (Swift's `Hasher`
/// is seeded per process), for names and stamps made from content.
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    /// Adds a text and a mark of its end, so that "ab" then "c" differs from "a" then "bc".
    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(bytes: $0) }
        // 0xFF never occurs in UTF-8.
        step(0xFF)
    }

    mutating func add(bytes: UnsafeBufferPointer<UInt8>) {
        for byte in bytes { step(byte) }
    }

    private mutating func step(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
