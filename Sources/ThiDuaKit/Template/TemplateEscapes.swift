/// Escaping and transforms, on the values a page renders.
enum TemplateEscapes {
    static func append(_ text: String, _ escaping: TemplateEscaping, to output: inout [UInt8]) {
        switch escaping {
        case .none: output.append(contentsOf: text.utf8)
        case .html: appendHTML(text, to: &output)
        case .icalendar: output.append(contentsOf: ICalendarText.escape(text).utf8)
        case .yamlString:
            output.append(contentsOf: text.replacingPlaceholder("\\", with: "\\\\").replacingPlaceholder("\"", with: "\\\"")
                .replacingPlaceholder("\n", with: " ").utf8)
        }
    }

    /// The five characters with meaning in HTML, on UTF-8 bytes: text without any of them,
    /// most of it, is copied as it is.
    private static func appendHTML(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            guard utf8.contains(where: needsEscape) else {
                output.append(contentsOf: utf8)
                return
            }
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "'"): output.append(contentsOf: "&#39;".utf8)
                default: output.append(byte)
                }
            }
        }
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}

enum TemplateTransforms {
    /// The transforms of swift-mustache that have a meaning for thidua's values.
    static func apply(_ transform: TemplateTransform, to value: TemplateValue) -> TemplateValue {
        switch (transform, value) {
        case (_, .absent): return .absent
        case (.empty, .list(let items)): return .flag(items.isEmpty)
        case (.empty, .text(let text)): return .flag(text.isEmpty)
        case (.count, .list(let items)): return .number(items.count)
        case (.reversed, .list(let items)): return .list(items.reversed())
        case (.reversed, .text(let text)): return .text(String(text.reversed()))
        case (.uppercased, .text(let text)): return .text(text.uppercased())
        case (.lowercased, .text(let text)): return .text(text.lowercased())
        case (.empty, .open(.list(let items))): return .flag(items.isEmpty)
        case (.empty, .open(.text(let text))): return .flag(text.isEmpty)
        case (.count, .open(.list(let items))): return .number(items.count)
        case (.reversed, .open(.list(let items))): return .open(.list(items.reversed()))
        case (.reversed, .open(.text(let text))): return .open(.text(String(text.reversed())))
        case (.uppercased, .open(.text(let text))): return .open(.text(text.uppercased()))
        case (.lowercased, .open(.text(let text))): return .open(.text(text.lowercased()))
        default: return .absent
        }
    }
}
