import Foundation

/// `thidua new`: a new Markdown file from the theme's archetype of its collection, with the
/// title, the day and the current phase filled in, never over an existing file.
public struct NewItem: Sendable {
    public let root: URL
    public let kind: ContentKind
    public let title: String
    public let today: CalendarDate

    public init(root: URL, kind: ContentKind, title: String, today: CalendarDate) {
        self.root = root.standardizedFileURL
        self.kind = kind
        self.title = title
        self.today = today
    }

    /// Writes the file and returns its path relative to the site folder.
    public func create(defaultTheme: URL? = SourceLoader.defaultThemeLocation()) throws(BuildFailure) -> String {
        let slug = Slug.make(title)
        guard !slug.isEmpty else {
            throw BuildFailure([Diagnostic(path: "content/\(kind.rawValue)", message: "cannot make a file name from '\(title)'; use a few words")])
        }
        let relative = "content/\(kind.rawValue)/\(slug).md"
        let target = root.appendingPathComponent(relative)
        guard !FileManager.default.fileExists(atPath: target.path) else {
            throw BuildFailure([Diagnostic(path: relative, message: "this file already exists; edit it, or choose another title")])
        }
        let text = try render(archetype: try archetype(defaultTheme: defaultTheme))
        do {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: target, options: .withoutOverwriting)
        } catch {
            throw BuildFailure([Diagnostic(path: relative, message: "cannot write the file: \(error.localizedDescription)")])
        }
        return relative
    }

    private func archetype(defaultTheme: URL?) throws(BuildFailure) -> SourceFile {
        let name = "archetypes/\(kind.archetype).mustache"
        for base in [root.appendingPathComponent("theme").resolvingSymlinksInPath(), defaultTheme].compactMap({ $0 }) {
            let url = base.appendingPathComponent(name)
            if let data = FileManager.default.contents(atPath: url.path) {
                return SourceFile(path: url.path, bytes: [UInt8](data))
            }
        }
        throw BuildFailure([Diagnostic(path: "theme/\(name)", message: "the theme has no archetype for \(kind.rawValue)")])
    }

    private func render(archetype file: SourceFile) throws(BuildFailure) -> String {
        let phase: String?
        if let timeline = try? loadTimeline() {
            phase = timeline.phase(containing: today)?.id
        } else {
            phase = nil
        }
        let text: String
        let syntax: [TemplateSyntax]
        do {
            text = try TextDecoding.decode(file).get()
            syntax = try TemplateParser.parse(text, template: "archetype")
        } catch let error as TemplateError {
            throw BuildFailure([Diagnostic(path: file.path, position: error.position, message: "archetype error: \(error.message)")])
        } catch {
            throw BuildFailure([Diagnostic(path: file.path, message: "archetype error: \(error)")])
        }
        var compiler = TemplateCompiler(templates: ["archetype": syntax], escaping: .yamlString)
        guard let block = compiler.compile("archetype", frames: [.object(ArchetypeContext.shape)]), compiler.errors.isEmpty else {
            throw BuildFailure(compiler.errors.map {
                Diagnostic(path: file.path, position: $0.position, message: "archetype error: \($0.message)")
            })
        }
        let context = ArchetypeContext(title: title, date: today.description, phase: phase)
        return String(decoding: TemplateRenderer.render(block, [.object(context)]), as: UTF8.self)
    }

    private func loadTimeline() throws -> Timeline {
        let url = root.appendingPathComponent("content/timeline.yml")
        let data = try Data(contentsOf: url)
        return try DataFileParser.timeline(SourceFile(path: "content/timeline.yml", bytes: [UInt8](data))).get()
    }
}

/// What an archetype fills in; values go inside double-quoted YAML strings.
struct ArchetypeContext: TemplateContext {
    let title: String
    let date: String
    let phase: String?

    static let fields = TemplateFields<Self>("Archetype", "A new item's front matter (`theme/archetypes/`).", [
        .text("title", "The title given to `thidua new`.") { $0.title },
        .text("date", "Today, `2024-05-01`.") { $0.date },
        .optionalText("phase", "The id of the phase today falls in.") { $0.phase },
    ])
}

extension ContentKind {
    /// The archetype file of a collection: `story` for stories, `person` for people…
    var archetype: String {
        switch self {
        case .pages: return "page"
        case .stories: return "story"
        case .people: return "person"
        case .milestones: return "milestone"
        }
    }

    /// The collection named on the command line, singular or plural.
    public init?(argument: String) {
        switch argument {
        case "story", "stories": self = .stories
        case "person", "people": self = .people
        case "milestone", "milestones": self = .milestones
        case "page", "pages": self = .pages
        default: return nil
        }
    }
}
