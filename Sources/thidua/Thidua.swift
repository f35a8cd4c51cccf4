import ArgumentParser
import Foundation
import ThiDuaKit

@main
struct Thidua: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "thidua",
        abstract: "Builds the web portal of an emulation campaign from Markdown, timeline data and a theme.",
        subcommands: [Build.self, Check.self, New.self, Serve.self],
        defaultSubcommand: Build.self
    )

    /// ArgumentParser exits 64 on a usage error; thidua promises 2 (0 ok, 1 content, 2 usage).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .success || error is ExitCode {
                exit(withError: error)
            }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}

struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build content/ and theme/ into a static site.",
        discussion: """
        The build date decides the current phase, the upcoming milestones and which scheduled \
        stories are out. It is --now when given, else SOURCE_DATE_EPOCH (seconds since 1970, \
        read as a day in Việt Nam), else today. Same content and same build date give \
        byte-identical output. Content errors are all reported as path:line:column: error: \
        message, exit status 1, and the previous output is left as it was.
        """
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: ArgumentHelp("Where to write the site, relative to the site folder (replaced as a whole when the build succeeds).", valueName: "dir"))
    var out: String = "public"

    @Flag(name: .long, help: "Also publish items marked 'draft: true'.")
    var drafts = false

    @Flag(name: .long, help: "Also publish items whose date or publishDate is after the build date.")
    var future = false

    @Flag(name: .shortAndLong, help: "Print the time each pipeline stage took.")
    var verbose = false

    @Flag(name: .long, help: "Parse and render on one thread (to check that a parallel build writes the same files).")
    var sequential = false

    func run() async throws {
        let options = BuildOptions(now: site.today, drafts: drafts, future: future)
        let sourceURL = site.root
        let outURL = URL(fileURLWithPath: out, relativeTo: sourceURL)
        let printer = DiagnosticPrinter(siteRoot: sourceURL)
        let terminal = TerminalProgress()
        let configuration = Builder.Configuration(source: sourceURL, output: outURL, options: options,
                                                  parallel: !sequential, progress: terminal.progress)
        let result: Result<Builder.Summary, BuildFailure>
        do {
            result = .success(try await Builder(configuration).build())
        } catch {
            result = .failure(error)
        }
        terminal.finish()
        do {
            let summary = try result.get()
            if verbose {
                let width = summary.stages.map(\.name.count).max() ?? 0
                for stage in summary.stages {
                    let name = stage.name.padding(toLength: width, withPad: " ", startingAt: 0)
                    printer.info(String(format: "  %@ %8.1f ms", name, stage.seconds * 1000))
                }
                let work = summary.templates
                if work.tags > 0 {
                    printer.info(String(format: "  templates: %d tags in %.0f ms of CPU, %.3f µs a tag", work.tags, work.seconds * 1000,
                                        work.seconds * 1e6 / Double(work.tags)))
                }
            }
            printer.report(summary.warnings, summary: false)
            if ProcessInfo.processInfo.environment["GITHUB_ACTIONS"] == "true" { printer.annotate(summary.warnings) }
            let total = summary.stages.reduce(0) { $0 + $1.seconds }
            // Photos are the slow part of a first build; say how many were encoded, so a long
            // build is explained and a quick one shows the cache at work.
            let photos = summary.photosProcessed > 0
                ? String(format: "; %d photo%@ processed into %d files", summary.photosProcessed,
                         summary.photosProcessed == 1 ? "" : "s", summary.photoFilesMade) : ""
            printer.info(String(format: "Built %d pages into %@ (%d written, %d unchanged%@) in %.2f s",
                                summary.pages, out, summary.written, summary.unchanged, photos, total))
        } catch {
            printer.report(error.diagnostics)
            throw ExitCode(1)
        }
    }
}
