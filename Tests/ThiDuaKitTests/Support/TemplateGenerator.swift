/// Random templates over a `GeneratedData` schema, every name of which resolves, so the
/// typed compiler must accept them all. Where swift-mustache departs from the spec the
/// grammar stays clear of it; each such place says why.
struct TemplateGenerator {
    /// What a section pushes, as the generator must know it to choose names inside.
    enum Frame {
        case object(DataShape)
        case value(DataType)
        /// A frame `.` and `.name` must not reach. swift-mustache pushes nothing for a section
        /// over `true` (the spec and thidua push `true`), and pushes the empty list for an
        /// inverted section over one (the spec and thidua push nothing). At the top of a
        /// partial or a block given to a parent, `.` is whatever the place it is used has.
        case hidden
    }

    private(set) var random: SplitMix64
    let root: DataShape
    /// How many of each construct were written, to show the grammar reaches them all.
    private(set) var counts: [String: Int] = [:]
    /// The partials after the template being written: it may use them and they may not use
    /// it, so no template includes itself.
    private var later: [String] = []
    private var out = ""
    /// Whether "\r\n" may be written. swift-mustache indents the lines of a partial or a
    /// block only after "\n" (it compares whole characters, and "\r\n" is one), where the
    /// spec and thidua indent every line; so text that may be indented ends lines with "\n".
    private var crlf = true
    /// Inside the text given for a block, only blocks named after it in `blockNames`: a
    /// block met again inside its own given text recurs without end (swift-mustache
    /// overflows its stack; thidua refuses it, see TemplateCompilerTests).
    private var blockFloor = 0
    private var open = "{{"
    private var close = "}}"

    static let blockNames = ["dau", "than", "cuoi"]

    init(random: SplitMix64, root: DataShape) {
        self.random = random
        self.root = root
    }

    /// The template under test and its partials.
    mutating func generate() -> (template: String, partials: [String: String]) {
        let names = Array(["p1", "p2", "p3", "p4"].prefix(random.int(0...4)))
        var partials: [String: String] = [:]
        for (index, name) in names.enumerated().reversed() {
            later = Array(names[(index + 1)...])
            crlf = false
            partials[name] = template(frames: [.object(root), .hidden])
        }
        later = names
        crlf = true
        return (template(frames: [.object(root)]), partials)
    }

    private mutating func template(frames: [Frame]) -> String {
        out = ""
        open = "{{"
        close = "}}"
        body(frames, depth: 0, length: random.int(1...12), topLevel: true, includes: true)
        // swift-mustache departs from the spec at the end of a template: a tag followed by
        // blanks and then the end is not standalone there (the blanks are written). A last
        // newline or visible character keeps clear of it.
        out += random.chance(70) ? newline() : random.pick([".", "xyz", "Tết"])
        return out
    }

    /// `includes`: whether partials and parents may be used. A block given to a parent uses
    /// none: swift-mustache hands it on to every partial below the parent, where it could
    /// bring in a partial that is already being rendered.
    private mutating func body(_ frames: [Frame], depth: Int, length: Int, topLevel: Bool = false, includes: Bool) {
        // The same throughout a body, and costly to find: worked out once, when first needed.
        var found: Names?
        func names(_ generator: TemplateGenerator) -> Names {
            if let found { return found }
            found = generator.names(frames)
            return found!
        }
        for _ in 0..<length {
            let nested = depth < 3
            switch random.below(100) {
            case 0..<22: out += text()
            case 22..<42: variable(names(self))
            case 42..<56 where nested: section(frames, names(self), depth: depth, inverted: false, includes: includes)
            case 56..<64 where nested: section(frames, names(self), depth: depth, inverted: true, includes: includes)
            case 64..<70: count("comment"); line(open + "!" + comment() + close)
            case 70..<77 where includes && !later.isEmpty: count("partial"); line(tag(">", random.pick(later)))
            case 77..<83 where includes && nested && !later.isEmpty: parent(depth: depth)
            case 83..<89 where nested: block(frames, depth: depth, includes: includes)
            // Only outside sections: swift-mustache forgets delimiters set inside a section
            // when it ends, where the spec keeps them to the end of the template.
            case 89..<94 where topLevel: setDelimiters()
            default: out += text()
            }
        }
    }

    private mutating func variable(_ names: Names) {
        guard let name = choose(names.printable)?.text else { return out += text() }
        count("variable")
        countKind(of: name)
        switch random.below(4) {
        case 0: out += tag("&", name)
        // swift-mustache reads `{x}` under other delimiters as `<%{x%>}`, the spec as `<%{x}%>`.
        case 1 where open == "{{": out += "{{{" + pad() + name + pad() + "}}}"
        default: out += tag("", name)
        }
    }

    private mutating func section(_ frames: [Frame], _ names: Names, depth: Int, inverted: Bool, includes: Bool) {
        guard let name = choose(names.kinds) else { return out += text() }
        count(inverted ? "inverted" : "section")
        countKind(of: name.text)
        var inner = frames
        switch (name.type, inverted) {
        // swift-mustache shows a dictionary or an array as Swift prints it, and does not push
        // a Bool from front matter: `.` under open values is out of bounds.
        case _ where name.dynamic, (.list, true), (.flag, false): inner.append(.hidden)
        case (.list(let item), false): inner.append(Self.frame(item))
        case (_, false): inner.append(Self.frame(name.type))
        case (_, true): break
        }
        line(tag(inverted ? "^" : "#", name.text))
        body(inner, depth: depth + 1, length: random.int(0...4), includes: includes)
        line(tag("/", name.text))
    }

    private static func frame(_ type: DataType) -> Frame {
        if case .object(let shape) = type.required { return .object(shape) }
        return .value(type.required)
    }

    private mutating func parent(depth: Int) {
        let name = random.pick(later)
        count("parent")
        line(tag("<", name))
        for _ in 0..<random.int(0...3) {
            switch random.below(5) {
            // Text directly inside a parent is dropped by both.
            case 0: out += text()
            case 1: line(open + "!" + comment() + close)
            default:
                let index = random.below(Self.blockNames.count)
                count("override")
                let (outerCRLF, outerFloor) = (crlf, blockFloor)
                (crlf, blockFloor) = (false, index + 1)
                line(tag("$", Self.blockNames[index]))
                body([.object(root), .hidden], depth: depth + 1, length: random.int(0...3), includes: false)
                line(tag("/", Self.blockNames[index]))
                (crlf, blockFloor) = (outerCRLF, outerFloor)
            }
        }
        line(tag("/", name))
    }

    private mutating func block(_ frames: [Frame], depth: Int, includes: Bool) {
        guard blockFloor < Self.blockNames.count else { return out += text() }
        let index = random.int(blockFloor...(Self.blockNames.count - 1))
        count("block")
        let (outerCRLF, outerFloor) = (crlf, blockFloor)
        crlf = false
        if blockFloor > 0 { blockFloor = index + 1 }
        line(tag("$", Self.blockNames[index]))
        body(frames, depth: depth + 1, length: random.int(0...3), includes: includes)
        line(tag("/", Self.blockNames[index]))
        (crlf, blockFloor) = (outerCRLF, outerFloor)
    }

    private mutating func setDelimiters() {
        let (newOpen, newClose) = random.pick([("{{", "}}"), ("<%", "%>"), ("[[", "]]")])
        count("delimiters")
        line(open + "=" + pad() + newOpen + random.pick([" ", "  ", "\t"]) + newClose + pad() + "=" + close)
        open = newOpen
        close = newClose
    }

    private mutating func choose(_ kinds: [[Name]]) -> Name? {
        kinds.isEmpty ? nil : random.pick(random.pick(kinds))
    }

    private mutating func count(_ construct: String) {
        counts[construct, default: 0] += 1
    }

    private mutating func countKind(of name: String) {
        if name.contains("(") { count("transform") }
        if name.contains("params") { count("front matter") }
        if name.hasPrefix(".") || name.contains("(.") { count("innermost") }
        if name.dropFirst().contains(".") && !name.contains("(.)") { count("dotted") }
    }

    private mutating func tag(_ sigil: String, _ content: String) -> String {
        open + sigil + pad() + content + pad() + close
    }

    private mutating func pad() -> String {
        random.chance(20) ? random.pick([" ", "  "]) : ""
    }

    /// `tag` on a line of its own (which makes it standalone, for the tags that can be) or
    /// inline, so both sides of the standalone rules are written.
    private mutating func line(_ tag: String) {
        guard random.chance(45) else { return out += tag }
        count("own line")
        if let last = out.unicodeScalars.last, last != "\n" { out += newline() }
        out += random.pick(["", "", " ", "  ", "\t"]) + tag + random.pick(["", "", " ", "\t"])
        if random.chance(90) { out += newline() }
    }

    private mutating func newline() -> String {
        crlf && random.chance(30) ? "\r\n" : "\n"
    }

    /// Template text: no `{`, `}`, `[`, `]` or `%`, so it never holds a delimiter.
    static let textPieces = [
        "Thi đua", "yêu nước", "Lò Thị Mai", "Đợt 1", "ưu tiên", "ả", "a", "xyz", "1", ".", ",", "-", ":", "!", "?", "#",
        "^", "/", "=", "$", "*", "(", ")", "<", ">", "&", "\"", "'", "&amp;", " ", "  ", "\t", "\n", "\r\n", "\n\n", " \n",
        "\t\n", "\t\r\n",
    ]

    static let lfTextPieces = textPieces.filter { !$0.hasSuffix("\r\n") }

    private mutating func text() -> String {
        count("text")
        let pieces = crlf ? Self.textPieces : Self.lfTextPieces
        return (0..<random.int(1...4)).map { _ in random.pick(pieces) }.joined()
    }

    private mutating func comment() -> String {
        (0..<random.int(0...3)).map { _ in random.pick(["ghi chú", " ", "\n", "x", "<b>", "#", "/"]) }.joined()
    }
}
