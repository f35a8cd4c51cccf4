extension SearchIndex {
    /// The JSON of the index files, written straight into bytes: the same bytes JSONEncoder
    /// wrote with `.sortedKeys` and `.withoutEscapingSlashes` (keys in UTF-8 order, `/` and
    /// non-ASCII as they are), without building the nested dictionaries and boxes it encoded
    /// from, which took longer than the rest of the files' making.
    struct JSONText {
        private(set) var bytes: [UInt8] = []

        init(capacity: Int = 256) {
            bytes.reserveCapacity(capacity)
        }

        var text: String { String(decoding: bytes, as: UTF8.self) }

        mutating func raw(_ text: StaticString) {
            text.withUTF8Buffer { bytes.append(contentsOf: $0) }
        }

        mutating func number(_ value: Int) {
            bytes.append(contentsOf: String(value).utf8)
        }

        mutating func string(_ text: String) {
            bytes.append(UInt8(ascii: "\""))
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "\""): raw("\\\"")
                case UInt8(ascii: "\\"): raw("\\\\")
                case 0x0A: raw("\\n")
                case 0x0D: raw("\\r")
                case 0x09: raw("\\t")
                case 0x08: raw("\\b")
                case 0x0C: raw("\\f")
                case 0..<0x20:
                    raw("\\u00")
                    bytes.append(Self.hex[Int(byte >> 4)])
                    bytes.append(Self.hex[Int(byte & 0x0F)])
                default: bytes.append(byte)
                }
            }
            bytes.append(UInt8(ascii: "\""))
        }

        /// `{"key": value, …}` in the order JSONEncoder sorts keys: by their UTF-8 bytes.
        mutating func object<Value>(_ members: [(key: String, value: Value)], _ write: (inout JSONText, Value) -> Void) {
            bytes.append(UInt8(ascii: "{"))
            for (index, member) in members.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }).enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                string(member.key)
                bytes.append(UInt8(ascii: ":"))
                write(&self, member.value)
            }
            bytes.append(UInt8(ascii: "}"))
        }

        mutating func array<Element>(_ elements: some Sequence<Element>, _ write: (inout JSONText, Element) -> Void) {
            bytes.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                write(&self, element)
            }
            bytes.append(UInt8(ascii: "]"))
        }

        private static let hex = Array("0123456789abcdef".utf8)
    }
}
