/// Binds parsed templates to the types they will be rendered with. Every name is looked up
/// here, once: a name no enclosing value has is an error at its place in its file, with
/// the names that would have worked. Partials and parents are inlined for the types at
/// each place they are used, so a partial can serve different pages.
struct TemplateCompiler {
    /// Every template of the theme, parsed.
    let templates: [String: [TemplateSyntax]]
    /// Problems found so far, each once.
    private(set) var errors: [TemplateError] = []

    /// `escaping`: of every template, instead of the one its name implies.
    private let escaping: TemplateEscaping?

    init(templates: [String: [TemplateSyntax]], escaping: TemplateEscaping? = nil) {
        self.templates = templates
        self.escaping = escaping
    }

    /// `name` compiled for values of the `frames` types, outermost first.
    mutating func compile(_ name: String, frames: [TemplateType]) -> TemplateBlock? {
        guard let syntax = templates[name] else { return nil }
        var scope = Scope(template: name, frames: frames.map(\.required), escaping: escaping ?? .forTemplate(name),
                          including: [name], overrides: [:], replacing: [], indent: nil)
        return TemplateBlock(nodes(syntax, in: &scope), indent: nil)
    }

    /// Where a piece of syntax is being compiled.
    struct Scope {
        /// The file the syntax comes from, for messages.
        var template: String
        var frames: [TemplateType]
        var escaping: TemplateEscaping
        /// Partials being compiled around this place: meeting one again is a cycle.
        var including: [String]
        /// Blocks a child template gave its parent, with the template each was written in.
        var overrides: [String: (syntax: [TemplateSyntax], template: String)]
        /// Blocks whose given text is being compiled around this place. Blocks given further
        /// out always win, so meeting one of them again would repeat it without end.
        var replacing: [String]
        /// The indentation of the standalone partials around, joined.
        var indent: String?
    }

    private mutating func nodes(_ syntax: [TemplateSyntax], in scope: inout Scope) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        for item in syntax {
            switch item {
            case .text(let text):
                if case .text(let previous)? = nodes.last, scope.indent == nil {
                    nodes[nodes.count - 1] = .text(previous + Array(text.utf8))
                } else {
                    nodes.append(.text(Array(text.utf8)))
                }
            case .variable(let name, let escaped, let at):
                guard let (lookup, type) = lookup(name, in: scope, at: at) else { continue }
                switch type.required {
                case .object(let shape) where !shape.showsAsText:
                    fail(scope, at, "'\(name.text)' is \(describe(type)), which has no text of its own; name one of its fields: \(shape.fields.map(\.name).joined(separator: ", "))")
                case .list:
                    fail(scope, at, "'\(name.text)' is \(describe(type)); a section {{#\(name.text)}}…{{/\(name.text)}} shows its items")
                default:
                    nodes.append(.value(lookup, escaped ? scope.escaping : .none))
                }
            case .section(let name, let inverted, let body, let at):
                guard let (lookup, type) = lookup(name, in: scope, at: at) else { continue }
                if inverted {
                    let block = TemplateBlock(self.nodes(body, in: &scope), indent: scope.indent.map { Array($0.utf8) })
                    nodes.append(.inverted(lookup, block))
                } else {
                    var inner = scope
                    inner.frames.append(Self.frame(of: type))
                    let block = TemplateBlock(self.nodes(body, in: &inner), indent: scope.indent.map { Array($0.utf8) })
                    nodes.append(.section(lookup, block))
                }
            case .partial(let name, let indent, let at):
                nodes += include(name, indent: indent, blocks: nil, in: scope, at: at)
            case .parent(let name, let indent, let blocks, let at):
                nodes += include(name, indent: indent, blocks: blocks, in: scope, at: at)
            case .block(let name, let indent, let body, let at):
                var inner = scope
                inner.indent = Self.join(scope.indent, indent)
                let chosen: [TemplateSyntax]
                if let override = scope.overrides[name] {
                    guard !scope.replacing.contains(name) else {
                        fail(scope, at, "block '\(name)' is used inside the text given for it: \((scope.replacing + [name]).joined(separator: " → ")); blocks cannot recurse")
                        continue
                    }
                    inner.replacing.append(name)
                    chosen = override.syntax
                    inner.template = override.template
                } else {
                    chosen = body
                }
                nodes += grouped(self.nodes(chosen, in: &inner), indent: inner.indent)
            }
        }
        return nodes
    }

    private mutating func include(_ name: String, indent: String?, blocks: [String: [TemplateSyntax]]?,
                                  in scope: Scope, at: SourcePosition) -> [TemplateNode] {
        guard let syntax = templates[name] else {
            fail(scope, at, "template '\(scope.template)' uses '\(name)', which the theme does not have")
            return []
        }
        guard !scope.including.contains(name) else {
            fail(scope, at, "'\(name)' includes itself: \((scope.including + [name]).joined(separator: " → ")); templates cannot recurse")
            return []
        }
        var inner = scope
        inner.template = name
        inner.escaping = escaping ?? .forTemplate(name)
        inner.including.append(name)
        inner.indent = Self.join(scope.indent, indent)
        // Blocks given further out win over those given here, as in swift-mustache.
        for (block, body) in blocks ?? [:] where inner.overrides[block] == nil {
            inner.overrides[block] = (body, scope.template)
        }
        return grouped(nodes(syntax, in: &inner), indent: inner.indent)
    }

    private func grouped(_ nodes: [TemplateNode], indent: String?) -> [TemplateNode] {
        guard let indent, !indent.isEmpty else { return nodes }
        return [.group(TemplateBlock(nodes, indent: Array(indent.utf8)))]
    }

    private static func join(_ outer: String?, _ inner: String?) -> String? {
        guard let inner else { return outer }
        return (outer ?? "") + inner
    }

    /// The type of the frame a section pushes: each item of a list, the value otherwise.
    private static func frame(of type: TemplateType) -> TemplateType {
        if case .list(let item) = type.required { return item.required }
        return type.required
    }

    mutating func fail(_ scope: Scope, _ at: SourcePosition, _ message: String) {
        let error = TemplateError(template: scope.template, position: at, message: message)
        if !errors.contains(error) { errors.append(error) }
    }
}
