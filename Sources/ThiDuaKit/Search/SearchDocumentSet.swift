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
            for number in numbers {
                let gap = Int(number - previous - 1)
                previous = number
                // Digits before the last, most significant first, then the last.
                var shift = 0
                while gap >> (shift + 5) > 0 { shift += 5 }
                while shift > 0 {
                    out.append(continuation[(gap >> shift) & 31])
                    shift -= 5
                }
                out.append(final[gap & 31])
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
