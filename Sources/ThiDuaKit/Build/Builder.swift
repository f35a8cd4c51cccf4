import Foundation

/// Runs the pipeline: load → parse → assemble → render → write. The CLI and the tests call
/// this and nothing deeper.
public struct Builder: Sendable {
    public struct Configuration: Sendable {
        public var source: URL
        public var output: URL
        public var options: BuildOptions
        public var defaultTheme: URL?
        /// Off only to check that a parallel build equals a sequential one.
        public var parallel: Bool
        /// Counted as files are parsed and written, for a terminal to show.
        public var progress: BuildProgress?

        public init(source: URL, output: URL, options: BuildOptions,
                    defaultTheme: URL? = SourceLoader.defaultThemeLocation(), parallel: Bool = true,
                    progress: BuildProgress? = nil) {
            self.source = source
            self.output = output
            self.options = options
            self.defaultTheme = defaultTheme
            self.parallel = parallel
            self.progress = progress
        }
    }

    public struct Summary: Sendable {
        public let pages: Int
        public let written: Int
        public let unchanged: Int
        /// Picture recipes libvips encoded in this build; zero when every picture came from the cache.
        public let imagesEncoded: Int
        /// Sources whose header libvips read: zero when no picture changed since the last build.
        public let imagesInspected: Int
        /// Photos decoded and the files encoded from them, for the summary line.
        public let photosProcessed: Int
        public let photoFilesMade: Int
        /// What rendering the templates took, for `--verbose`.
        public let templates: TemplateWork
        /// Seconds per stage, in pipeline order, for `--verbose`.
        public let stages: [(name: String, seconds: Double)]
        /// What the editor should hear about though the site was built.
        public let warnings: [Diagnostic]
    }

    public let configuration: Configuration

    public init(_ configuration: Configuration) {
        self.configuration = configuration
    }

    public func build() async throws(BuildFailure) -> Summary {
        var clock = StageClock()
        let before = inputsBeforeBuilding()
        if let last = unchanged(before) {
            clock.lap("unchanged")
            return Summary(pages: last.pages, written: 0, unchanged: last.files, imagesEncoded: 0, imagesInspected: 0,
                           photosProcessed: 0, photoFilesMade: 0, templates: TemplateWork(tags: 0, seconds: 0), stages: clock.laps,
                           warnings: last.warnings)
        }
        let bodies = BodyStore()
        let (site, theme) = try await prepare(clock: &clock, bodies: bodies)
        let images = try await pictures(of: site, encode: true).get()
        clock.lap("images")
        let staging: StagingFolder
        do {
            staging = try StagingFolder.begin(output: configuration.output, record: OutputRecord.location(
                cache: site.config.images.cache, site: configuration.source, output: configuration.output))
        } catch {
            throw writeFailure(error)
        }
        var (outcomes, pages, templates) = await publish(site: site, theme: theme, images: images, into: staging)
        outcomes += await publishIndex(of: site, into: staging)
        clock.lap("render+write")
        var written = 0, unchanged = 0, failures: [Diagnostic] = []
        for outcome in outcomes {
            switch outcome {
            case .success(.written): written += 1
            case .success(.unchanged): unchanged += 1
            case .failure(let failure): failures += failure.diagnostics
            }
        }
        if let bodies, bodies.failed > 0 {
            failures.append(Diagnostic(path: NSTemporaryDirectory(),
                                       message: "cannot read back the bodies kept in a temporary file; is the disk full or failing?"))
        }
        guard failures.isEmpty else {
            staging.discard()
            throw BuildFailure(failures)
        }
        do {
            try staging.commit()
        } catch {
            staging.discard()
            throw writeFailure(error)
        }
        clock.lap("swap")
        remember(before, pages: pages, files: written + unchanged, warnings: site.warnings)
        return Summary(pages: pages, written: written, unchanged: unchanged,
                       imagesEncoded: images.encoded, imagesInspected: images.inspected,
                       photosProcessed: images.photosProcessed, photoFilesMade: images.filesMade,
                       templates: templates, stages: clock.laps, warnings: site.warnings)
    }

    /// Renders and writes each page in the same task, so memory holds a few pages at a time
    /// rather than the whole site, whatever its size.
    private func publish(site: Site, theme: Theme, images: ImageSet, into staging: StagingFolder) async
        -> (outcomes: [Result<StagingFolder.Outcome, BuildFailure>], pages: Int, templates: TemplateWork) {
        let renderer = SiteRenderer(theme: theme, site: site, images: images)
        let progress = configuration.progress
        let jobs = renderer.jobs
        let assetFiles = theme.assets.flatMap { asset in asset.paths.map { OutputBytes(path: $0, bytes: asset.bytes) } }
        let media = site.publishedMedia
        progress?.begin(.writing, total: assetFiles.count + media.count + images.files.count + jobs.count)
        let assets = await Parallel.map(assetFiles, batch: 16, enabled: configuration.parallel) { file in
            defer { progress?.advance() }
            return Result { () throws(BuildFailure) -> StagingFolder.Outcome in
                do {
                    return try staging.place(file.path, Data(file.bytes))
                } catch {
                    throw BuildFailure([Diagnostic(path: file.path, message: "cannot write: \(error.localizedDescription)")])
                }
            }
        }
        let copies = await Parallel.map(media, batch: 16, enabled: configuration.parallel) { file in
            defer { progress?.advance() }
            return Result { () throws(BuildFailure) -> StagingFolder.Outcome in
                do {
                    return try staging.place(file.outputPath, try Data(contentsOf: URL(fileURLWithPath: file.sourcePath)))
                } catch {
                    throw BuildFailure([Diagnostic(path: file.sourcePath, message: "cannot copy: \(error.localizedDescription)")])
                }
            }
        }
        let pictures = await Parallel.map(images.files, batch: 16, enabled: configuration.parallel) { file in
            defer { progress?.advance() }
            return Result { () throws(BuildFailure) -> StagingFolder.Outcome in
                do {
                    return try staging.place(file.path, linking: file.cached)
                } catch {
                    throw BuildFailure([Diagnostic(path: file.path, message: "cannot write: \(error.localizedDescription)")])
                }
            }
        }
        let pages = await Parallel.map(jobs, batch: 32, enabled: configuration.parallel) { job in
            place(renderer.render(job), in: staging)
        }
        let templates = renderer.builder.meter.total
        return (assets + copies + pictures + pages, jobs.count, templates)
    }

    /// The search index, made once the pages are written and their contexts freed: made
    /// beside them, its tables and the contexts of every item were held at once (100,000
    /// stories: a peak of 1.16 GB).
    private func publishIndex(of site: Site, into staging: StagingFolder) async -> [Result<StagingFolder.Outcome, BuildFailure>] {
        let indexFiles = SearchIndex.files(for: site)
        configuration.progress?.begin(.indexing, total: indexFiles.count)
        return await Parallel.map(indexFiles, batch: 32, enabled: configuration.parallel) { file in
            place(file, in: staging)
        }
    }

    private func place(_ file: OutputFile, in staging: StagingFolder) -> Result<StagingFolder.Outcome, BuildFailure> {
        defer { configuration.progress?.advance() }
        return Result { () throws(BuildFailure) -> StagingFolder.Outcome in
            do {
                return try file.bytes.withUnsafeBytes { try staging.place(file.path, $0) }
            } catch {
                throw BuildFailure([Diagnostic(path: file.path, message: "cannot write: \(error.localizedDescription)")])
            }
        }
    }

    private func writeFailure(_ error: any Error) -> BuildFailure {
        BuildFailure([Diagnostic(path: configuration.output.path, message: "cannot write the site: \(error.localizedDescription)")])
    }

    /// Everything a build validates, and the checks of `SiteChecker`; writes nothing.
    public func check() async -> [Diagnostic] {
        var clock = StageClock()
        do {
            let (site, theme) = try await prepare(clock: &clock)
            // Headers only: a check tells what is wrong with a picture without encoding it.
            let images = await pictures(of: site, encode: false)
            return SiteChecker(site: site, staticPaths: theme.assetPaths + site.publishedMedia.map(\.outputPath)).check()
                + (images.failure?.diagnostics ?? []) + site.warnings
        } catch {
            return error.diagnostics
        }
    }

    /// The Images stage: every picture the site shows, processed or taken from the cache.
    private func pictures(of site: Site, encode: Bool) async -> Result<ImageSet, BuildFailure> {
        await ImagePipeline(root: configuration.source, site: site, encode: encode).run(parallel: configuration.parallel)
    }

    /// The site and the theme, or every problem of both at once: an error in the content
    /// does not hide one in the theme until the next build.
    private func prepare(clock: inout StageClock, bodies: BodyStore? = nil) async throws(BuildFailure) -> (Site, Theme) {
        let (site, language) = await assembly(clock: &clock, bodies: bodies)
        let theme = Result { () throws(BuildFailure) -> Theme in
            let source = try SourceLoader(root: configuration.source).loadTheme(fallback: configuration.defaultTheme)
            return try Theme.compile(source, language: language)
        }
        clock.lap("theme")
        switch (site, theme) {
        case (.success(let site), .success(let theme)):
            return (site, theme)
        default:
            throw BuildFailure(site.problems + theme.problems)
        }
    }

    /// Load, parse and assemble, reporting every content error of the site at once.
    func assemble(clock: inout StageClock) async throws(BuildFailure) -> Site {
        try await assembly(clock: &clock).site.get()
    }

    /// The site, and the language of `site.yml` when it could be read, which says which UI
    /// strings of the theme to check.
    /// `bodies`: where the build keeps the items' HTML bodies until it renders them.
    private func assembly(clock: inout StageClock, bodies: BodyStore? = nil)
        async -> (site: Result<Site, BuildFailure>, language: String?) {
        let loader = SourceLoader(root: configuration.source)
        let content: ContentSource
        do {
            content = try loader.loadContent()
        } catch {
            return (.failure(error), nil)
        }
        clock.lap("load")
        let parsed = await ContentParser.parse(content, from: loader, parallel: configuration.parallel,
                                               progress: configuration.progress, bodies: bodies)
        clock.lap("parse")
        guard let config = parsed.config, let timeline = parsed.timeline, let movements = parsed.movements,
              parsed.problems.isEmpty else {
            return (.failure(BuildFailure(parsed.problems)), parsed.config?.language)
        }
        let site = Result { () throws(BuildFailure) -> Site in
            var site = try SiteAssembler.assemble(config: config, timeline: timeline, movements: movements,
                                                  items: parsed.items, options: configuration.options, media: content.media)
            site.warnings = content.warnings
            return site
        }
        clock.lap("assemble")
        return (site, config.language)
    }
}

/// Wall-clock time of each stage.
struct StageClock {
    private var last = DispatchTime.now().uptimeNanoseconds
    private(set) var laps: [(name: String, seconds: Double)] = []

    mutating func lap(_ name: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        laps.append((name, Double(now - last) / 1e9))
        last = now
    }
}

/// A theme asset's bytes, to write under one of its names.
private struct OutputBytes: Sendable {
    let path: String
    let bytes: [UInt8]
}

private extension Result where Failure == BuildFailure {
    var failure: BuildFailure? {
        guard case .failure(let failure) = self else { return nil }
        return failure
    }

    var problems: [Diagnostic] {
        guard case .failure(let failure) = self else { return [] }
        return failure.diagnostics
    }
}
