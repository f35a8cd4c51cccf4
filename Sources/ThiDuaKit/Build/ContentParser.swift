/// The Parse stage over a whole site: data files, then every Markdown file in parallel.
enum ContentParser {
    struct Parsed: Sendable {
        var config: SiteConfig?
        var timeline: Timeline?
        var movements: [Movement]?
        var items: [Item] = []
        var problems: [Diagnostic] = []
    }

    static func parse(_ content: ContentSource, from loader: SourceLoader, parallel: Bool,
                      progress: BuildProgress? = nil, bodies: BodyStore? = nil) async -> Parsed {
        var parsed = Parsed()
        func keep<T>(_ result: Result<T, BuildFailure>) -> T? {
            switch result {
            case .success(let value): return value
            case .failure(let failure): parsed.problems += failure.diagnostics; return nil
            }
        }
        parsed.config = keep(DataFileParser.siteConfig(content.siteConfig))
        parsed.timeline = keep(DataFileParser.timeline(content.timeline))
        parsed.movements = keep(DataFileParser.movements(content.movements))

        let limits = parsed.config?.limits ?? SiteConfig.Limits()
        for file in content.media {
            if let size = FileTree.size(of: file.sourcePath, over: limits.media) {
                parsed.problems.append(Diagnostic(path: "content/" + file.outputPath,
                                                  message: SourceLoader.tooLarge(size, limit: limits.media, what: "media", files: "media files")))
            }
        }
        let results = await parseDocuments(content.documents, from: loader, parallel: parallel, progress: progress, bodies: bodies,
                                           limit: limits.text)
        for result in results {
            if let item = keep(result) { parsed.items.append(item) }
        }
        return parsed
    }

    private static func parseDocuments(_ paths: [String], from loader: SourceLoader, parallel: Bool,
                                       progress: BuildProgress?, bodies: BodyStore?, limit: Int) async -> [Result<Item, BuildFailure>] {
        progress?.begin(.parsing, total: paths.count)
        @Sendable func parseOne(_ path: String) -> Result<Item, BuildFailure> {
            defer { progress?.advance() }
            guard let kind = ItemParser.kind(of: path) else {
                return .failure(BuildFailure([Diagnostic(path: path, message: "not inside a collection folder")]))
            }
            return loader.read(path, limit: limit).mapError { BuildFailure([$0]) }.flatMap { ItemParser.parse($0, as: kind, bodies: bodies) }
        }
        return await Parallel.map(paths, batch: 32, enabled: parallel, parseOne)
    }
}
