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

        public init(source: URL, output: URL, options: BuildOptions,
                    defaultTheme: URL? = SourceLoader.defaultThemeLocation(), parallel: Bool = true) {
            self.source = source
            self.output = output
            self.options = options
            self.defaultTheme = defaultTheme
            self.parallel = parallel
        }
    }

    public struct Summary: Sendable {
        public let pages: Int
        public let written: Int
        public let unchanged: Int
        /// Seconds per stage, in pipeline order, for `--verbose`.
        public let stages: [(name: String, seconds: Double)]
    }

    public let configuration: Configuration

    public init(_ configuration: Configuration) {
        self.configuration = configuration
    }

    public func build() async throws(BuildFailure) -> Summary {
        var clock = StageClock()
        let site = try await assemble(clock: &clock)
        let themeSource = try SourceLoader(root: configuration.source).loadTheme(fallback: configuration.defaultTheme)
        let theme = try Theme.compile(themeSource, language: site.config.language)
        clock.lap("theme")
        let pages = await SiteRenderer(theme: theme, site: site).renderAll(parallel: configuration.parallel)
        clock.lap("render")
        let report: SiteWriter.Report
        do {
            report = try SiteWriter(output: configuration.output).write(pages: pages, files: theme.assets + site.media)
        } catch {
            throw BuildFailure([Diagnostic(path: configuration.output.path, message: "cannot write the site: \(error.localizedDescription)")])
        }
        clock.lap("write")
        return Summary(pages: pages.count, written: report.written, unchanged: report.unchanged, stages: clock.laps)
    }

    /// Load, parse and assemble, reporting every content error of the site at once.
    func assemble(clock: inout StageClock) async throws(BuildFailure) -> Site {
        let loader = SourceLoader(root: configuration.source)
        let content = try loader.loadContent()
        clock.lap("load")
        let parsed = await ContentParser.parse(content, parallel: configuration.parallel)
        clock.lap("parse")
        guard let config = parsed.config, let timeline = parsed.timeline, let movements = parsed.movements,
              parsed.problems.isEmpty else {
            throw BuildFailure(parsed.problems)
        }
        let site = try SiteAssembler.assemble(config: config, timeline: timeline, movements: movements,
                                              items: parsed.items, options: configuration.options, media: content.media)
        clock.lap("assemble")
        return site
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
