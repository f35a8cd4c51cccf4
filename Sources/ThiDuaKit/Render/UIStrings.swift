import Yams

/// The theme's UI strings for one language (`theme/i18n/vi.yml`), with the date patterns
/// the pages use.
struct UIStrings: Sendable {
    /// Nested as in the file, so templates write `{{t.nav.home}}`.
    let values: [String: any Sendable]
    let shortDate: DatePattern
    let longDate: DatePattern

    static func load(_ files: [SourceFile], language: String) -> Result<UIStrings, BuildFailure> {
        guard let file = files.first(where: { $0.path.hasSuffix("i18n/\(language).yml") }) else {
            return .failure(BuildFailure([Diagnostic(path: "theme/i18n/\(language).yml",
                                                     message: "the theme has no UI strings for language '\(language)'")]))
        }
        return TextDecoding.decode(file)
            .flatMap { YAMLDocument.compose($0, path: file.path) }
            .mapError { BuildFailure([$0]) }
            .flatMap { yaml in
                guard case .mapping = yaml.root else {
                    return .failure(BuildFailure([yaml.diagnostic(at: yaml.root, "UI strings must be a mapping of keys to text")]))
                }
                let values = strings(yaml.root)
                let date = values["date"] as? [String: any Sendable] ?? [:]
                let months = (date["months"] as? [any Sendable])?.compactMap { $0 as? String } ?? []
                return .success(UIStrings(
                    values: values,
                    shortDate: DatePattern(date["short"] as? String ?? DatePattern.vietnameseShort.pattern, monthNames: months),
                    longDate: DatePattern(date["long"] as? String ?? DatePattern.vietnameseLong.pattern, monthNames: months)))
            }
    }

    private static func strings(_ node: Node) -> [String: any Sendable] {
        guard case .mapping(let mapping) = node else { return [:] }
        var values: [String: any Sendable] = [:]
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            switch value {
            case .mapping: values[name] = strings(value)
            case .sequence(let items): values[name] = items.compactMap { $0.string } as [any Sendable]
            default: values[name] = value.string ?? ""
            }
        }
        return values
    }

    /// A string at a dotted key, with `{name}` placeholders filled in.
    func text(_ key: String, _ arguments: [String: String] = [:]) -> String {
        var current: (any Sendable)? = values
        for part in key.split(separator: ".") {
            current = (current as? [String: any Sendable])?[String(part)]
        }
        var result = current as? String ?? key
        for (name, value) in arguments {
            result = result.replacingPlaceholder("{\(name)}", with: value)
        }
        return result
    }
}
