/// A theme compiled once per build: templates parsed and bound to the types of the pages
/// they render, UI strings of the site's language loaded. Every name a template uses is
/// checked here, so a misspelt one is an error with its place, never an empty string.
public struct Theme: Sendable {
    /// Templates every theme must have, one per kind of page.
    static let requiredTemplates = [
        "base", "home", "page", "story", "person", "milestone", "list", "terms", "term", "timeline", "404",
        "search", "alias", "feed.xml", "calendar.ics", "sitemap.xml", "robots.txt",
    ]

    /// Every template's name, sorted.
    let names: [String]
    let strings: UIStrings
    public let assets: [ThemeAsset]
    /// `t` and `assets`, the same on every page.
    let stringsRecord: TemplateRecord
    let assetsRecord: TemplateRecord
    /// The hashed names of the assets a template names, which the pages then show: while
    /// they stay the same, a saved asset changes no page.
    let linkedAssets: Set<String>
    let pages: [PageKind: TemplateBlock]
    let cards: [PartKind: TemplateBlock]
    /// `fragments/<name>`, by name, rendered once per state of the menu.
    let fragments: [(name: String, block: TemplateBlock)]
    let fragmentsShape: TemplateShape
    /// `picture`, for the pictures of Markdown bodies.
    let picture: TemplateBlock?

    /// Every path the theme's assets are published at, both names of each.
    public var assetPaths: [String] { assets.flatMap(\.paths) }

    /// `language` nil: the site's language is not known (its `site.yml` has errors), so the
    /// templates are only read, not checked against the UI strings; the build fails anyway.
    public static func compile(_ source: ThemeSource, language: String?) throws(BuildFailure) -> Theme {
        var problems: [Diagnostic] = []
        var syntax: [String: [TemplateSyntax]] = [:]
        var paths: [String: String] = [:]
        var unreadable: Set<String> = []
        for file in source.templates {
            guard let name = templateName(file.path) else { continue }
            paths[name] = file.path
            switch TextDecoding.decode(file) {
            case .failure(let problem):
                problems.append(problem)
                unreadable.insert(name)
            case .success(let text):
                do {
                    syntax[name] = try TemplateParser.parse(text, template: name)
                } catch {
                    unreadable.insert(name)
                    problems.append(Diagnostic(path: file.path, position: error.position, message: "template error: \(error.message)"))
                }
            }
        }
        for name in requiredTemplates where syntax[name] == nil && !unreadable.contains(name) {
            problems.append(Diagnostic(path: "theme/templates/\(name).mustache", message: "the theme has no '\(name)' template"))
        }
        var strings = UIStrings(values: [:], shortDate: .vietnameseShort, longDate: .vietnameseLong)
        switch language.map({ UIStrings.load(source.strings, language: $0) }) {
        case .success(let loaded): strings = loaded
        case .failure(let failure): problems.append(contentsOf: failure.diagnostics)
        case nil: break
        }
        guard problems.isEmpty, language != nil else { throw BuildFailure(problems) }

        let stringsRecord = ThemeRecords.strings(strings.values)
        let assetsRecord = ThemeRecords.assets(AssetLinks.tree(source.assets))
        let fragmentNames = syntax.keys.filter { $0.hasPrefix("fragments/") }.sorted()
        let fragmentsShape = TemplateShape(name: "Fragments", doc: "The theme's `fragments/` templates, rendered.",
                                           fields: fragmentNames.map {
                                               TemplateField(name: String($0.dropFirst("fragments/".count)), type: .html, doc: "")
                                           }, themeDefined: true)
        let common = TemplateType.object(CommonFrame.shape(strings: stringsRecord.shape, assets: assetsRecord.shape))
        let chrome = TemplateType.object(ChromeFrame.shape(fragments: fragmentsShape))
        var compiler = TemplateCompiler(templates: syntax)
        var pages: [PageKind: TemplateBlock] = [:]
        for kind in PageKind.allCases {
            pages[kind] = compiler.compile(kind.template, frames: [common, chrome, .object(kind.frame)])
        }
        var cards: [PartKind: TemplateBlock] = [:]
        for kind in PartKind.allCases {
            cards[kind] = compiler.compile(kind.rawValue, frames: [common, .object(kind.item)])
        }
        let fragments = fragmentNames.compactMap { name in
            compiler.compile(name, frames: [common, .object(MenuFrame.shape)]).map { (name: name, block: $0) }
        }
        let picture = compiler.compile("picture", frames: [.object(PictureContext.shape)])
        for error in compiler.errors {
            problems.append(Diagnostic(path: paths[error.template] ?? "theme/templates/\(error.template).mustache",
                                       position: error.position, message: error.message))
        }
        guard problems.isEmpty else { throw BuildFailure(problems) }
        let named = syntax.values.flatMap(ThemeRecords.assetNames)
        return Theme(names: syntax.keys.sorted(), strings: strings, assets: source.assets,
                     stringsRecord: stringsRecord, assetsRecord: assetsRecord,
                     linkedAssets: AssetLinks.linked(source.assets, byNames: named),
                     pages: pages, cards: cards, fragments: fragments, fragmentsShape: fragmentsShape, picture: picture)
    }

    /// `theme/templates/partials/nav.mustache` → `partials/nav`.
    private static func templateName(_ path: String) -> String? {
        guard let range = path.range(of: "templates/") else { return nil }
        return String(path[range.upperBound...].dropLast(".mustache".count))
    }
}
