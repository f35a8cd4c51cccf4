import Mustache

/// A theme compiled once per build: templates parsed, their references checked, UI strings
/// of the site's language loaded.
public struct Theme: Sendable {
    /// Templates every theme must have, one per kind of page.
    static let requiredTemplates = [
        "base", "home", "page", "story", "person", "milestone", "list", "terms", "term", "timeline", "404",
        "search", "alias", "feed.xml", "calendar.ics", "sitemap.xml", "robots.txt",
    ]

    let library: MustacheLibrary
    /// Every template's name, sorted.
    let names: [String]
    let strings: UIStrings
    let assetFiles: [ThemeAsset]
    /// `{{assets.…}}`: see `AssetLinks`.
    let assetLinks: [String: any Sendable]

    /// Every file to publish from the theme's `assets/`, under both its names.
    public var assets: [StaticFile] { assetFiles.flatMap(\.copies) }

    /// `language` nil: the site's language is not known (its `site.yml` has errors), so the
    /// UI strings are left out; the build fails on those errors anyway.
    public static func compile(_ source: ThemeSource, language: String?) throws(BuildFailure) -> Theme {
        ThemeContentTypes.registered
        var problems: [Diagnostic] = []
        var templates: [String: MustacheTemplate] = [:]
        var texts: [String: (path: String, text: String)] = [:]
        var unreadable: Set<String> = []
        for file in source.templates {
            guard let name = templateName(file.path) else { continue }
            switch TextDecoding.decode(file) {
            case .failure(let problem):
                problems.append(problem)
                unreadable.insert(name)
            case .success(let text):
                do {
                    // The pragma sits on line 1 before the theme's text, so only positions on
                    // line 1 move, by its length.
                    templates[name] = try MustacheTemplate(string: ThemeContentTypes.pragma(forTemplate: name) + text)
                    texts[name] = (file.path, text)
                } catch let error as MustacheTemplate.ParserError {
                    unreadable.insert(name)
                    let line = error.context.lineNumber
                    let column = line == 1
                        ? max(error.context.columnNumber - ThemeContentTypes.pragma(forTemplate: name).count, 1)
                        : error.context.columnNumber
                    problems.append(Diagnostic(
                        path: file.path, position: SourcePosition(line: line, column: column),
                        message: "template error: \(explain(error.error))"))
                } catch {
                    unreadable.insert(name)
                    problems.append(Diagnostic(path: file.path, message: "template error: \(error)"))
                }
            }
        }
        for name in requiredTemplates where templates[name] == nil && !unreadable.contains(name) {
            problems.append(Diagnostic(path: "theme/templates/\(name).mustache", message: "the theme has no '\(name)' template"))
        }
        // swift-mustache renders a missing partial or parent as empty text; a page that
        // silently loses its layout must be a build error instead.
        for (name, source) in texts.sorted(by: { $0.key < $1.key }) {
            for reference in TemplateReferences.find(in: source.text) where templates[reference.name] == nil {
                problems.append(Diagnostic(path: source.path, position: reference.position,
                                           message: "template '\(name)' uses '\(reference.name)', which the theme does not have"))
            }
        }
        var strings = UIStrings(values: [:], shortDate: .vietnameseShort, longDate: .vietnameseLong)
        switch language.map({ UIStrings.load(source.strings, language: $0) }) {
        case .success(let loaded): strings = loaded
        case .failure(let failure): problems.append(contentsOf: failure.diagnostics)
        case nil: break
        }
        var assetLinks: [String: any Sendable] = [:]
        switch AssetLinks.tree(source.assets) {
        case .success(let tree): assetLinks = tree
        case .failure(let failure): problems.append(contentsOf: failure.diagnostics)
        }
        guard problems.isEmpty else { throw BuildFailure(problems) }
        return Theme(library: MustacheLibrary(templates: templates), names: templates.keys.sorted(),
                     strings: strings, assetFiles: source.assets, assetLinks: assetLinks)
    }

    private static func explain(_ error: any Error) -> String {
        switch error as? MustacheTemplate.Error {
        case .expectedSectionEnd: return "a section opened with {{#name}} or {{^name}} is never closed with {{/name}}"
        case .sectionCloseNameIncorrect: return "{{/name}} closes a section that was not the last one opened"
        case .unfinishedName: return "a tag is not closed with }}"
        default: return "\(error)"
        }
    }

    /// `theme/templates/partials/nav.mustache` → `partials/nav`.
    private static func templateName(_ path: String) -> String? {
        guard let range = path.range(of: "templates/") else { return nil }
        return String(path[range.upperBound...].dropLast(".mustache".count))
    }

    func templateNames(under folder: String) -> [String] {
        names.filter { $0.hasPrefix(folder) }
    }

    func has(_ template: String) -> Bool {
        library.getTemplate(named: template) != nil
    }

    func render(_ template: String, _ context: [String: any Sendable]) -> String {
        library.render(context, withTemplate: template) ?? ""
    }
}

/// Names of partials (`{{> name}}`) and parents (`{{< name}}`) a template uses.
enum TemplateReferences {
    struct Reference: Equatable {
        let name: String
        let position: SourcePosition
    }

    static func find(in text: String) -> [Reference] {
        var found: [Reference] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                let after = rest[open.upperBound...]
                guard let sigil = after.first, sigil == ">" || sigil == "<",
                      let close = after.range(of: "}}") else {
                    rest = after
                    continue
                }
                let name = after[after.index(after: after.startIndex)..<close.lowerBound]
                    .trimmingCharacters(in: .whitespaces)
                // `{{>*dynamic}}` names a partial at render time; it cannot be checked here.
                if !name.hasPrefix("*") {
                    let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                    found.append(Reference(name: name, position: SourcePosition(line: offset + 1, column: column)))
                }
                rest = after[close.upperBound...]
            }
        }
        return found
    }
}
