/// Escaping and transforms, on the values a page renders.
enum TemplateEscapes {
    static func append(_ text: String, _ escaping: TemplateEscaping, to output: inout [UInt8]) {
        switch escaping {
        case .none:
            var text = text
            text.withUTF8 { output.append(contentsOf: $0) }
        case .html: appendHTML(text, to: &output)
        case .icalendar: output.append(contentsOf: ICalendarText.escape(text).utf8)
        case .yamlString:
            output.append(contentsOf: text.replacingPlaceholder("\\", with: "\\\\").replacingPlaceholder("\"", with: "\\\"")
                .replacingPlaceholder("\n", with: " ").utf8)
        }
    }

    /// The five characters with meaning in HTML, on UTF-8 bytes: the runs between them are
    /// copied whole, and a byte above `>` (letters, and every byte of a Vietnamese letter)
    /// is passed over with one comparison.
    private static func appendHTML(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte <= UInt8(ascii: ">"), let entity = entity(byte) else { continue }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                entity.withUTF8Buffer { output.append(contentsOf: $0) }
                start = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
    }

    private static func entity(_ byte: UInt8) -> StaticString? {
        switch byte {
        case UInt8(ascii: "&"): return "&amp;"
        case UInt8(ascii: "<"): return "&lt;"
        case UInt8(ascii: ">"): return "&gt;"
        case UInt8(ascii: "\""): return "&quot;"
        case UInt8(ascii: "'"): return "&#39;"
        default: return nil
        }
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
