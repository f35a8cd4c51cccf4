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
    public let assets: [ThemeAsset]
    /// `{{assets.…}}`: see `AssetLinks`.
    let assetLinks: [String: AssetLink]
    /// The hashed names of the assets a template names, which the pages then show: while
    /// they stay the same, a saved asset changes no page.
    let linkedAssets: Set<String>

    /// Every path the theme's assets are published at, both names of each.
    public var assetPaths: [String] { assets.flatMap(\.paths) }

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
        let tags = texts.mapValues { TemplateTags.find(in: $0.text) }
        // A page that silently loses its layout, or links an asset the theme does not have
        // (an empty href: the page itself loaded again as its stylesheet), must be a build
        // error instead.
        let assetLinks = AssetLinks.tree(source.assets)
        for (name, source) in texts.sorted(by: { $0.key < $1.key }) {
            for tag in tags[name] ?? [] {
                if tag.isInclusion, templates[tag.name] == nil {
                    problems.append(Diagnostic(path: source.path, position: tag.position,
                                               message: "template '\(name)' uses '\(tag.name)', which the theme does not have"))
                } else if tag.showsAsset, !AssetLinks.leads(tag.name, in: assetLinks) {
                    problems.append(Diagnostic(path: source.path, position: tag.position,
                                               message: "template '\(name)' links {{\(tag.name)}}, which names no file of the theme's assets/"))
                }
            }
        }
        var strings = UIStrings(values: [:], shortDate: .vietnameseShort, longDate: .vietnameseLong)
        switch language.map({ UIStrings.load(source.strings, language: $0) }) {
        case .success(let loaded): strings = loaded
        case .failure(let failure): problems.append(contentsOf: failure.diagnostics)
        case nil: break
        }
        guard problems.isEmpty else { throw BuildFailure(problems) }
        let named = tags.values.flatMap { $0.filter(\.namesAssets).map(\.name) }
        return Theme(library: MustacheLibrary(templates: templates), names: templates.keys.sorted(),
                     strings: strings, assets: source.assets, assetLinks: assetLinks,
                     linkedAssets: AssetLinks.linked(source.assets, byNames: named))
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

/// The tags of a template, read once when the theme is compiled, for the checks
/// swift-mustache does not make: it renders a missing partial, parent or value as nothing.
enum TemplateTags {
    struct Tag: Equatable {
        /// `>`, `<`, `#`, `{`, `&` … or nil for a plain variable.
        let sigil: Character?
        let name: String
        let position: SourcePosition

        /// A partial or parent the theme must have; `{{>*dynamic}}` is named at render time.
        var isInclusion: Bool { (sigil == ">" || sigil == "<") && !name.hasPrefix("*") }
        /// Shows the URL of a theme asset as text (`{{assets.style.css}}`), so one must be there;
        /// a section (`{{#assets.logo.svg}}`) may ask whether one is.
        var showsAsset: Bool { (sigil == nil || sigil == "{" || sigil == "&") && name.hasPrefix("assets.") }
        /// Reaches into the theme's assets in any way, sections included.
        var namesAssets: Bool { sigil != "!" && (name == "assets" || name.hasPrefix("assets.")) }
    }

    static func find(in text: String) -> [Tag] {
        var found: [Tag] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let open = rest.range(of: "{{") {
                let after = rest[open.upperBound...]
                guard let first = after.first, let close = after.range(of: "}}") else {
                    rest = after
                    continue
                }
                let sigil: Character? = "{&>#^/<$!=".contains(first) ? first : nil
                let body = sigil == nil ? after[..<close.lowerBound] : after[after.index(after: after.startIndex)..<close.lowerBound]
                let column = line.distance(from: line.startIndex, to: open.lowerBound) + 1
                found.append(Tag(sigil: sigil, name: body.trimmingCharacters(in: .whitespaces),
                                 position: SourcePosition(line: offset + 1, column: column)))
                rest = after[close.upperBound...]
            }
        }
        return found
    }
}
