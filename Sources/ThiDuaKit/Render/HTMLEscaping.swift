import Mustache

/// swift-mustache's HTML content type escapes through a dictionary lookup per Character,
/// which profiling put at 20 % of a 10,000-story build (Vietnamese text takes the slow
/// grapheme path). This content type escapes the same five characters to the same entities,
/// working on UTF-8 bytes and returning the text untouched when it has none of them. It is
/// registered through the library's own extension point, and every theme template is
/// compiled with a pragma selecting it (see `ThemeContentTypes`).
struct ByteHTMLContentType: MustacheContentType {
    static let name = "THIDUA_HTML"

    func escapeText(_ text: String) -> String {
        // Over the string's own buffer: `contains` on a `UTF8View` steps through the string
        // index by index, and showed in profiles on its own.
        var text = text
        return text.withUTF8 { utf8 in
            guard utf8.contains(where: Self.needsEscape) else { return nil }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(utf8.count + 16)
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "&"): bytes.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): bytes.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): bytes.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "\""): bytes.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "'"): bytes.append(contentsOf: "&#39;".utf8)
                default: bytes.append(byte)
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        } ?? text
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}

/// Values placed in `calendar.ics` follow iCalendar's TEXT escaping, not HTML's.
struct ICalendarContentType: MustacheContentType {
    static let name = "THIDUA_ICS"

    func escapeText(_ text: String) -> String {
        ICalendarText.escape(text)
    }
}

/// Plain text files (`robots.txt`) are written as they are.
struct PlainContentType: MustacheContentType {
    static let name = "THIDUA_TEXT"

    func escapeText(_ text: String) -> String {
        text
    }
}

/// Values placed inside double-quoted YAML strings of an archetype.
struct YAMLStringContentType: MustacheContentType {
    static let name = "THIDUA_YAML"

    func escapeText(_ text: String) -> String {
        text.replacingPlaceholder("\\", with: "\\\\").replacingPlaceholder("\"", with: "\\\"")
            .replacingPlaceholder("\n", with: " ")
    }
}

enum ThemeContentTypes {
    /// Registered once, before the first template is parsed (the parser resolves names).
    static let registered: Void = {
        MustacheContentTypes.register(ByteHTMLContentType(), named: ByteHTMLContentType.name)
        MustacheContentTypes.register(ICalendarContentType(), named: ICalendarContentType.name)
        MustacheContentTypes.register(PlainContentType(), named: PlainContentType.name)
        MustacheContentTypes.register(YAMLStringContentType(), named: YAMLStringContentType.name)
    }()

    /// The escaping of a template follows the file it writes: `calendar.ics` → iCalendar,
    /// `robots.txt` → none, anything else (HTML, Atom, sitemaps) → HTML/XML entities.
    static func pragma(forTemplate name: String) -> String {
        let type = name.hasSuffix(".ics") ? ICalendarContentType.name
            : name.hasSuffix(".txt") ? PlainContentType.name
            : ByteHTMLContentType.name
        return "{{% CONTENT_TYPE: \(type) }}"
    }
}
