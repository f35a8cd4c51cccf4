/// A template as written, before its names are resolved: the parser's output.
indirect enum TemplateSyntax: Sendable {
    case text(String)
    case variable(TemplateName, escaped: Bool, at: SourcePosition)
    case section(TemplateName, inverted: Bool, body: [TemplateSyntax], at: SourcePosition)
    /// `{{>name}}`; `indent` is set when the tag stands alone on its line, and is put before
    /// every line the partial writes after its first.
    case partial(String, indent: String?, at: SourcePosition)
    /// `{{<name}}…{{/name}}`: the template `name` with the blocks given here in place of its own.
    case parent(String, indent: String, blocks: [String: [TemplateSyntax]], at: SourcePosition)
    /// `{{$name}}default{{/name}}` in a template that may be someone's parent.
    case block(String, indent: String, body: [TemplateSyntax], at: SourcePosition)
}

/// What a tag names: `title`, `page.title`, `.`, `.title` (the innermost value only) or a
/// transform of one, `empty(tags)`.
struct TemplateName: Sendable, Equatable {
    /// As written between the delimiters, trimmed.
    let text: String
    /// Empty for `.`, the value the section is over.
    let path: [String]
    /// Outermost first: `empty(reversed(x))` is `["empty", "reversed"]`.
    let transforms: [String]
    /// `.title`: looked up in the innermost value only.
    let innermostOnly: Bool

    static let nameCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")

    /// nil when `text` is not a name: characters outside the set above, or unbalanced brackets.
    init?(_ text: String) {
        var rest = Substring(text)
        var transforms: [String] = []
        while let open = rest.firstIndex(of: "(") {
            transforms.append(String(rest[..<open]))
            rest = rest[rest.index(after: open)...]
        }
        guard rest.hasSuffix(String(repeating: ")", count: transforms.count)) else { return nil }
        let name = rest.dropLast(transforms.count)
        guard !name.isEmpty, name.allSatisfy(Self.nameCharacters.contains),
              transforms.allSatisfy({ !$0.isEmpty && $0.allSatisfy(Self.nameCharacters.contains) }) else { return nil }
        self.text = text
        self.transforms = transforms
        if name == "." {
            path = []
            innermostOnly = true
        } else {
            innermostOnly = name.hasPrefix(".")
            path = name.split(separator: ".").map(String.init)
            guard !path.isEmpty else { return nil }
        }
    }
}

/// A template that cannot be read or compiled, at the place in its file where that shows.
struct TemplateError: Error, Equatable, Sendable {
    let template: String
    let position: SourcePosition
    let message: String
}
