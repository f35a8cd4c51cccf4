import Foundation

/// The site as `thidua serve` keeps it between edits: parsed files, the last assembled site
/// and what each page showed. A rebuild re-reads only the files that changed and re-renders
/// only the pages whose content changed; the output folder is updated in place, file by file,
/// and is left as it was when the content has an error.
public struct LiveSite: Sendable {
    public struct Report: Sendable {
        public let rendered: Int
        public let written: Int
        public let removed: Int
        /// Picture recipes libvips encoded: only those of a saved photo after the first build.
        public let imagesEncoded: Int
        public let seconds: Double
    }

    let root: URL
    let output: URL
    let options: BuildOptions
    let defaultTheme: URL?
    /// Counted during a whole build (the first one), for a terminal to show.
    let progress: BuildProgress?
    private var items: [String: Item] = [:]
    private var data: [String: SourceFile] = [:]
    private var theme: Theme?
    /// The processed pictures the output folder holds, so those of a replaced photo go.
    private var pictureFiles: Set<String> = []
    /// URL → (template, dependencies) of the last successful build.
    private var pages: [String: (template: String, dependencies: [String])] = [:]
    /// Content path → URLs of the pages that show it, from the last full plan.
    private var shownOn: [String: Set<String>] = [:]
    /// URL → page of the last full plan; valid while edits keep every item in its place.
    private var jobs: [String: PageJob] = [:]
    /// The site of the last successful rebuild, for the search index refresh.
    public private(set) var lastSite: Site?

    public init(root: URL, output: URL, options: BuildOptions, defaultTheme: URL? = SourceLoader.defaultThemeLocation(),
                progress: BuildProgress? = nil) {
        self.root = root.standardizedFileURL
        self.output = output.standardizedFileURL
        self.options = options
        self.defaultTheme = defaultTheme
        self.progress = progress
    }

    /// Rebuilds after `changed` (paths relative to the site folder); nil means everything.
    public mutating func rebuild(changed saved: Set<String>?) async throws(BuildFailure) -> Report {
        let start = DispatchTime.now().uptimeNanoseconds
        // Editors save through temporary files (`sed -i`, vim's 4913) that are gone by now;
        // a vanished path matters only if it was content, a data file or part of the theme.
        let changed = saved.map { paths in
            paths.filter { path in
                items[path] != nil || path.hasSuffix(".yml") || path.hasPrefix("theme/")
                    || FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
            }
        }
        let loader = SourceLoader(root: root)
        let themeChanged = changed.map { $0.contains { $0.hasPrefix("theme/") } } ?? true
        let dataChanged = changed.map { $0.contains { $0.hasSuffix(".yml") && $0.hasPrefix("content/") } } ?? true

        let (newItems, content, itemProblems) = try await parse(changed: changed, dataChanged: dataChanged, loader: loader)
        let parsed = await ContentParser.parse(content, from: loader, parallel: false)
        guard let config = parsed.config, let timeline = parsed.timeline, let movements = parsed.movements,
              parsed.problems.isEmpty, itemProblems.isEmpty else {
            // A theme saved with an error too is reported with the content's errors.
            var problems = itemProblems + parsed.problems
            if themeChanged || theme == nil {
                do {
                    _ = try Theme.compile(try loader.loadTheme(fallback: defaultTheme), language: parsed.config?.language)
                } catch {
                    problems += error.diagnostics
                }
            }
            throw BuildFailure(problems)
        }
        let edited = newItems.filter { changed?.contains($0.key) == true }
        let site: Site
        var patched = false
        if !dataChanged, changed?.allSatisfy({ edited[$0] != nil }) == true, let lastSite,
           let patchedSite = StoryPatch.apply(edited, previous: items, to: lastSite, options: options) {
            site = patchedSite
            patched = true
        } else {
            var assembled = try SiteAssembler.assemble(config: config, timeline: timeline, movements: movements,
                                                       items: newItems.keys.sorted().compactMap { newItems[$0] },
                                                       options: options, media: content.media)
            // Known only when the whole of content/ was looked at: on a full rebuild.
            assembled.warnings = content.warnings
            site = assembled
        }
        let compiled: Theme
        if let theme, !themeChanged {
            compiled = theme
        } else {
            compiled = try Theme.compile(try loader.loadTheme(fallback: defaultTheme), language: config.language)
        }

        // Every rebuild asks for every picture: the cache answers for the unchanged ones
        // without reading them, so only a saved photo is processed again.
        let images = try await ImagePipeline(root: root, site: site).run().get()
        let renderer = SiteRenderer(theme: compiled, site: site, images: images)
        let nextPages: [String: (template: String, dependencies: [String])]
        let toRender: [PageJob]
        if patched, !themeChanged, let changed {
            // Nothing moved: the pages to render are those that showed the edited stories.
            let affected = changed.reduce(into: Set<String>()) { $0.formUnion(shownOn[$1] ?? []) }
            nextPages = pages
            toRender = affected.sorted().compactMap { jobs[$0] }
        } else {
            // Pages link the theme's assets by the hash of their bytes.
            let assetsMoved = theme.map { $0.linkedAssets != compiled.linkedAssets } ?? false
            // A saved photo gets new renditions, with new names on every page that shows it.
            let photoSaved = changed?.contains { $0.hasPrefix(MediaPath.folder) && MediaPath.isRaster($0) } ?? false
            (nextPages, toRender) = plan(renderer: renderer, site: site, changed: changed,
                                         everything: changed == nil || dataChanged || assetsMoved || photoSaved)
            shownOn = nextPages.reduce(into: [:]) { index, page in
                for dependency in page.value.dependencies { index[dependency, default: []].insert(page.key) }
            }
            jobs = Dictionary(renderer.jobs.map { ($0.url(in: site), $0) }) { first, _ in first }
        }
        // The search index is made here only the first time, while the pages render, as in
        // `build`; after an edit `thidua serve` refreshes it once the pages are written (it
        // reads the whole site: ~2 s at 10,000 stories), so the page an editor looks at is not
        // kept waiting for it.
        async let index = changed == nil ? SearchIndex.files(for: site) : []
        let counted = changed == nil ? progress : nil
        counted?.begin(.writing, total: toRender.count)
        // Each page is written by the task that renders it, so a whole build holds a few
        // pages at a time rather than all of them.
        let output = output
        let pageWrites = await Parallel.map(toRender, batch: 16) { job in
            defer { counted?.advance() }
            let file = renderer.render(job)
            return Result { try file.bytes.withUnsafeBytes { try Self.writeIfChanged(file.path, $0, under: output) } }
        }
        let indexWrites = await Parallel.map(await index, batch: 32) { file in
            Result { try file.bytes.withUnsafeBytes { try Self.writeIfChanged(file.path, $0, under: output) } }
        }
        var written = 0
        do {
            for outcome in pageWrites + indexWrites where try outcome.get() { written += 1 }
            // A theme asset is written when its bytes are new (under both names: new bytes,
            // new hashed name), and a media file when it is new or was saved.
            let previousAssets = Set(theme?.assets ?? [])
            for asset in compiled.assets where !previousAssets.contains(asset) {
                for path in asset.paths where try writeIfChanged(path, Data(asset.bytes)) { written += 1 }
            }
            let saved = Set((changed ?? []).map { $0.split(separator: "/").dropFirst().joined(separator: "/") })
            for file in images.files where !FileManager.default.fileExists(atPath: output.path + "/" + file.path) {
                if try writeIfChanged(file.path, try Data(contentsOf: URL(fileURLWithPath: file.cached))) { written += 1 }
            }
            for file in site.publishedMedia where changed == nil || saved.contains(file.outputPath) {
                if try writeIfChanged(file.outputPath, try Data(contentsOf: URL(fileURLWithPath: file.sourcePath))) { written += 1 }
            }
            let pictures = Set(images.files.map(\.path))
            for stale in pictureFiles.subtracting(pictures) {
                try? FileManager.default.removeItem(at: output.appendingPathComponent(stale))
            }
            pictureFiles = pictures
            for stale in Set(previousAssets.flatMap(\.paths)).subtracting(compiled.assetPaths) {
                try? FileManager.default.removeItem(at: output.appendingPathComponent(stale))
            }
        } catch {
            throw BuildFailure([Diagnostic(path: output.path, message: "cannot write: \(error.localizedDescription)")])
        }
        var removed = 0
        for url in pages.keys where nextPages[url] == nil {
            try? FileManager.default.removeItem(at: output.appendingPathComponent(OutputFile.path(forURL: url)))
            removed += 1
        }
        items = newItems
        data = ["site": content.siteConfig, "timeline": content.timeline, "movements": content.movements].compactMapValues { $0 }
        theme = compiled
        pages = nextPages
        lastSite = site
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return Report(rendered: toRender.count, written: written, removed: removed, imagesEncoded: images.encoded, seconds: seconds)
    }

    /// The Markdown files that changed are parsed again (all of them, in parallel, the first
    /// time); the data files are read again when one of them changed.
    private func parse(changed: Set<String>?, dataChanged: Bool, loader: SourceLoader) async throws(BuildFailure)
        -> (items: [String: Item], content: ContentSource, problems: [Diagnostic]) {
        guard let changed else {
            var content = try loader.loadContent()
            let full = await ContentParser.parse(content, from: loader, parallel: true, progress: progress)
            // Data files are parsed again by the caller; only the documents' problems count here.
            let problems = full.problems.filter { ItemParser.kind(of: $0.path) != nil }
            content.documents = []
            return (Dictionary(full.items.map { ($0.entry.path, $0) }) { first, _ in first }, content, problems)
        }
        var newItems = items
        var problems: [Diagnostic] = []
        for path in changed.sorted() where path.hasSuffix(".md") {
            guard let kind = ItemParser.kind(of: path) else { continue }
            guard FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) else {
                newItems.removeValue(forKey: path)
                continue
            }
            switch loader.read(path).mapError({ BuildFailure([$0]) }).flatMap({ ItemParser.parse($0, as: kind) }) {
            case .success(let item): newItems[path] = item
            case .failure(let failure): problems += failure.diagnostics
            }
        }
        let fresh = try loader.loadContent(documents: false)
        var content = dataChanged ? fresh : ContentSource(siteConfig: data["site"], timeline: data["timeline"],
                                                           movements: data["movements"])
        content.media = fresh.media
        return (newItems, content, problems)
    }

    /// Pages to render: new ones, those showing changed content, those whose list of content
    /// changed (an item moved to another page of a list), and those of a changed template
    /// (every page when the layout or a partial changed).
    private func plan(renderer: SiteRenderer, site: Site, changed: Set<String>?, everything: Bool)
        -> (pages: [String: (template: String, dependencies: [String])], toRender: [PageJob]) {
        let changedSet = changed ?? []
        let templates = Set(changedSet.filter { $0.hasPrefix("theme/templates/") }.map {
            String($0.dropFirst("theme/templates/".count).dropLast(".mustache".count))
        })
        let layoutChanged = templates.contains { $0 == "base" || $0.hasPrefix("partials/") }
            || changedSet.contains { $0.hasPrefix("theme/i18n/") }
        var next: [String: (template: String, dependencies: [String])] = [:]
        var toRender: [PageJob] = []
        for job in renderer.jobs {
            let url = job.url(in: site)
            let dependencies = job.dependencies(in: site)
            next[url] = (job.kind.template, dependencies)
            if everything || layoutChanged || templates.contains(job.kind.template) || pages[url]?.dependencies != dependencies
                || dependencies.contains(where: changedSet.contains) {
                toRender.append(job)
            }
        }
        return (next, toRender)
    }

    /// Writes the search index of `site`; returns how many of its files changed.
    public func writeSearchIndex(of site: Site) throws -> Int {
        try SearchIndex.files(for: site).filter { file in
            try file.bytes.withUnsafeBytes { try Self.writeIfChanged(file.path, $0, under: output) }
        }.count
    }

    private func writeIfChanged(_ relative: String, _ bytes: Data) throws -> Bool {
        try bytes.withUnsafeBytes { try Self.writeIfChanged(relative, $0, under: output) }
    }

    /// Writes the file unless it holds these bytes already (the folder is updated in place, and
    /// an unchanged file keeps its time); whether it wrote.
    private static func writeIfChanged(_ relative: String, _ bytes: UnsafeRawBufferPointer, under output: URL) throws -> Bool {
        let target = output.path + "/" + relative
        if FileOutput.holds(bytes, at: target) { return false }
        try FileOutput.inFolder(of: target) { try FileOutput.write(bytes, to: target) }
        return true
    }
}
