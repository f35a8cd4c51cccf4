/// A template compiled against the types of the values it will be rendered with: every
/// name is already an index into a frame or an object, every partial already inlined.
indirect enum TemplateNode: Sendable {
    case text([UInt8])
    case value(TemplateLookup, TemplateEscaping)
    /// Pushes the value (each item of a list) as a new innermost frame.
    case section(TemplateLookup, TemplateBlock)
    case inverted(TemplateLookup, TemplateBlock)
    /// A partial or block written inside an indented partial: a unit of its own for the
    /// indentation of its lines.
    case group(TemplateBlock)
}

/// Nodes rendered together, with the indentation of the standalone partial they are in.
final class TemplateBlock: Sendable {
    let nodes: [TemplateNode]
    /// Written before each node's output that starts a new line; nil or empty: none.
    let indent: [UInt8]?

    init(_ nodes: [TemplateNode], indent: [UInt8]?) {
        self.nodes = nodes
        self.indent = indent.flatMap { $0.isEmpty ? nil : $0 }
    }
}

/// How a value is found: the first of `starts` that is present (Mustache's walk out through
/// the enclosing values, decided when compiling), then its `steps` down into it, then the
/// transforms, innermost first.
struct TemplateLookup: Sendable {
    enum Start: Sendable {
        /// `.`: the frame's own value.
        case frame(Int)
        case field(frame: Int, index: Int)
        /// A name under open front matter, looked up when rendering.
        case named(frame: Int, name: String)
    }

    enum Step: Sendable {
        case field(Int)
        case named(String)
    }

    /// Each start has steps of its own: below front matter they go by name, below thidua's
    /// values by index.
    let starts: [(start: Start, steps: [Step])]
    let transforms: [TemplateTransform]
}

enum TemplateTransform: String, CaseIterable, Sendable {
    case empty, count, reversed, uppercased, lowercased
}

/// The escaping of the file a template writes.
public enum TemplateEscaping: Sendable {
    /// HTML and XML: the five characters with meaning in markup.
    case html
    /// iCalendar TEXT values.
    case icalendar
    /// Written as it is (`robots.txt`).
    case none
    /// Inside a double-quoted YAML string (an archetype's front matter).
    case yamlString

    /// `calendar.ics` → iCalendar, `robots.txt` → none, anything else (HTML, Atom,
    /// sitemaps) → HTML/XML entities.
    static func forTemplate(_ name: String) -> TemplateEscaping {
        name.hasSuffix(".ics") ? .icalendar : name.hasSuffix(".txt") ? .none : .html
    }
}
