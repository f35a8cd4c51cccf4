/// Reads a Mustache template into `TemplateSyntax`, as the specification says: tags that
/// stand alone on their line take the line with them, delimiters can be changed, comments
/// vanish. The rules on whitespace follow swift-mustache where the specification leaves
/// room, so that both write the same bytes (the differential tests hold them to it).
struct TemplateParser {
    private let characters: [Character]
    private let template: String
    private var index = 0
    private var line = 1
    private var lineStart = 0
    private var open: [Character] = ["{", "{"]
    private var close: [Character] = ["}", "}"]

    static func parse(_ text: String, template: String) throws(TemplateError) -> [TemplateSyntax] {
        var parser = TemplateParser(characters: Array(text), template: template)
        return try parser.body(closing: nil, openedAt: nil, mode: .normal).nodes
    }

    private init(characters: [Character], template: String) {
        self.characters = characters
        self.template = template
    }

    private enum Mode {
        case normal
        /// Directly inside `{{<parent}}`: only blocks count, the text between them is dropped.
        case parent
        /// Inside a block given to a parent: its lines lose the first line's indentation.
        case definition
    }

    private struct Body {
        var nodes: [TemplateSyntax] = []
        var blocks: [String: [TemplateSyntax]] = [:]
    }

    /// `indent`: inside a block given to a parent, how many blanks its first line had.
    private mutating func body(closing name: String?, openedAt: (tag: String, at: SourcePosition)?, mode: Mode, atLineStart startsLine: Bool = true,
                               indent: Int? = nil) throws(TemplateError) -> Body {
        var body = Body()
        var atLineStart = startsLine
        var leading = ""
        var definitionIndent = indent
        // Sections and blocks inside a block given to a parent keep losing its indentation.
        var innerMode: Mode { mode == .definition ? .definition : .normal }
        while index < characters.count {
            if atLineStart {
                let blank = readBlank()
                leading = blank
                if mode == .definition {
                    if let indent = definitionIndent {
                        leading = String(blank.dropFirst(indent))
                    } else {
                        definitionIndent = blank.count
                        leading = ""
                    }
                }
            }
            let text = readText()
            if index < characters.count, characters[index].isNewline {
                let newline = characters[index]
                advance()
                if mode != .parent { body.nodes.append(.text(leading + text + String(newline))) }
                leading = ""
                atLineStart = true
                continue
            }
            if !text.isEmpty {
                if mode != .parent { body.nodes.append(.text(leading + text)) }
                leading = ""
                atLineStart = false
            }
            guard index < characters.count else { break }
            let at = SourcePosition(line: line, column: index - lineStart + 1)
            index += open.count
            let tag = try readTag(at: at)
            let opened = ("\(tag.sigil.map(String.init) ?? "")\(tag.content)", at)
            let flush = { (nodes: inout [TemplateSyntax]) in
                if !leading.isEmpty { nodes.append(.text(leading)) }
            }
            var standalone = false
            switch tag.sigil {
            case "#", "^":
                standalone = atLineStart && finishLine()
                if !standalone { flush(&body.nodes) }
                let inner = try self.body(closing: tag.content, openedAt: opened, mode: innerMode, atLineStart: standalone,
                                          indent: definitionIndent)
                body.nodes.append(.section(try self.name(tag.content, at: at), inverted: tag.sigil == "^", body: inner.nodes, at: at))
                try requireNormal(mode, at: at)
            case "/":
                guard tag.content == name else {
                    throw TemplateError(template: template, position: at, message: name.map {
                        "{{/\(tag.content)}} closes a section that was not the last one opened ({{#\($0)}})"
                    } ?? "{{/\(tag.content)}} closes a section that was never opened")
                }
                standalone = atLineStart && finishLine()
                if !standalone, mode != .parent { flush(&body.nodes) }
                return body
            case "!", "=", "%":
                standalone = atLineStart && finishLine()
                if tag.sigil == "=" { try setDelimiters(tag.content, at: at) }
                if tag.sigil == "%" {
                    throw TemplateError(template: template, position: at, message: "pragmas ({{%…}}) are not used by thidua's templates")
                }
                // The blanks before stay pending, as in swift-mustache: written before what
                // comes next on the line, and the indentation of a block or parent there.
                if !standalone {
                    atLineStart = false
                    continue
                }
            case ">":
                flush(&body.nodes)
                standalone = atLineStart && finishLine()
                body.nodes.append(.partial(tag.content, indent: standalone ? leading : nil, at: at))
                try requireNormal(mode, at: at)
            case "<":
                flush(&body.nodes)
                let indent = leading
                standalone = atLineStart && finishLine()
                let inner = try self.body(closing: tag.content, openedAt: opened, mode: .parent)
                body.nodes.append(.parent(tag.content, indent: indent, blocks: inner.blocks, at: at))
                try requireNormal(mode, at: at)
            case "$":
                if mode == .parent {
                    standalone = atLineStart && finishLine()
                    body.blocks[tag.content] = try self.body(closing: tag.content, openedAt: opened, mode: .definition,
                                                             atLineStart: standalone).nodes
                } else {
                    flush(&body.nodes)
                    let indent = leading
                    standalone = atLineStart && finishLine()
                    let inner = try self.body(closing: tag.content, openedAt: opened, mode: innerMode, atLineStart: standalone,
                                              indent: definitionIndent)
                    body.nodes.append(.block(tag.content, indent: indent, body: inner.nodes, at: at))
                }
            default:
                flush(&body.nodes)
                try requireNormal(mode, at: at)
                body.nodes.append(.variable(try self.name(tag.content, at: at), escaped: tag.sigil == nil, at: at))
            }
            leading = ""
            atLineStart = standalone
        }
        if let name, let openedAt {
            throw TemplateError(template: template, position: openedAt.at,
                                message: "{{\(openedAt.tag)}} opened here is never closed with {{/\(name)}}")
        }
        return body
    }

    private func requireNormal(_ mode: Mode, at: SourcePosition) throws(TemplateError) {
        guard mode == .parent else { return }
        throw TemplateError(template: template, position: at,
                            message: "only blocks ({{$name}}…{{/name}}) may stand directly inside a parent ({{<name}})")
    }

    private func name(_ content: String, at: SourcePosition) throws(TemplateError) -> TemplateName {
        guard let name = TemplateName(content) else {
            throw TemplateError(template: template, position: at, message: "'\(content)' is not a name a tag can use")
        }
        return name
    }

    private struct Tag {
        let sigil: Character?
        let content: String
    }

    /// The tag after an open delimiter, up to and including its close delimiter.
    private mutating func readTag(at: SourcePosition) throws(TemplateError) -> Tag {
        let first = index < characters.count ? characters[index] : nil
        let sigil: Character? = first.flatMap { "#^/!=%><${&".contains($0) ? $0 : nil }
        if sigil != nil { advance() }
        let end: [Character] = sigil == "{" ? ["}"] + close : sigil == "=" ? ["="] + close : close
        var content: [Character] = []
        while !matches(end) {
            guard index < characters.count else {
                throw TemplateError(template: template, position: at, message: "a tag is not closed with \(String(close))")
            }
            content.append(characters[index])
            advance()
        }
        index += end.count
        let trimmed = String(content).trimmingCharacters(in: .whitespaces)
        if sigil != "!", sigil != "=", trimmed.contains(where: \.isNewline) {
            throw TemplateError(template: template, position: at, message: "a tag is not closed with \(String(close)) on its line")
        }
        return Tag(sigil: sigil, content: trimmed)
    }

    private mutating func setDelimiters(_ content: String, at: SourcePosition) throws(TemplateError) {
        let parts = content.split(whereSeparator: \.isWhitespace)
        guard parts.count == 2, !parts[0].contains("="), !parts[1].contains("=") else {
            throw TemplateError(template: template, position: at, message: "{{=…=}} takes two delimiters, such as {{=<% %>=}}")
        }
        open = Array(parts[0])
        close = Array(parts[1])
    }

    /// Text up to the next open delimiter or line end, which is not consumed.
    private mutating func readText() -> String {
        var text: [Character] = []
        while index < characters.count, !characters[index].isNewline, !matches(open) {
            text.append(characters[index])
            index += 1
        }
        return String(text)
    }

    private mutating func readBlank() -> String {
        var blank = ""
        while index < characters.count, characters[index] == " " || characters[index] == "\t" {
            blank.append(characters[index])
            index += 1
        }
        return blank
    }

    /// Consumes the rest of the line and its newline if nothing but blanks is left on it.
    private mutating func finishLine() -> Bool {
        var probe = index
        while probe < characters.count, characters[probe] == " " || characters[probe] == "\t" { probe += 1 }
        guard probe == characters.count || characters[probe].isNewline else { return false }
        index = probe
        if index < characters.count { advance() }
        return true
    }

    private func matches(_ delimiter: [Character]) -> Bool {
        guard index + delimiter.count <= characters.count else { return false }
        for offset in delimiter.indices where characters[index + offset] != delimiter[offset] { return false }
        return true
    }

    private mutating func advance() {
        if characters[index].isNewline {
            line += 1
            lineStart = index + 1
        }
        index += 1
    }
}
