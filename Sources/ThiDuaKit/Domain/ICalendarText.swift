/// The text rules of iCalendar (RFC 5545) that a template cannot follow by itself.
public enum ICalendarText {
    /// TEXT values escape backslash, semicolon and comma, and write line breaks as `\n`.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n": out += "\\n"
            case "\r": continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Content lines end in CRLF and are folded at 75 octets, never inside a UTF-8 sequence;
    /// blank lines (template whitespace) are dropped, as the format has none.
    public static func lines(_ rendered: String) -> String {
        var out: [UInt8] = []
        for line in rendered.split(separator: "\n", omittingEmptySubsequences: true) {
            let bytes = Array(line.utf8.filter { $0 != UInt8(ascii: "\r") })
            guard !bytes.allSatisfy({ $0 == UInt8(ascii: " ") }) else { continue }
            var start = 0
            var limit = 75
            while bytes.count - start > limit {
                var cut = start + limit
                // Back up to the first byte of a UTF-8 sequence (continuation bytes are 10xxxxxx).
                while cut > start, bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
                out += bytes[start..<cut]
                out += [13, 10, UInt8(ascii: " ")]
                start = cut
                limit = 74  // the leading space of a continuation line counts
            }
            out += bytes[start...]
            out += [13, 10]
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `20240728`, the form of a DATE value.
    public static func date(_ date: CalendarDate) -> String {
        "\(pad(date.year, 4))\(pad(date.month, 2))\(pad(date.day, 2))"
    }
}
