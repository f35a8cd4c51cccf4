import ArgumentParser
import Foundation
import ThiDuaKit

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site, serve it on 127.0.0.1 and rebuild on every save.",
        discussion: """
        Watches content/ and theme/. A save re-renders only the pages it affects and every \
        open page reloads by itself. A content error is shown over the page with its file, \
        line and message, and the last good site stays served until it is fixed. Drafts are \
        shown unless --no-drafts.
        """
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "The port on 127.0.0.1.")
    var port: UInt16 = 1313

    @Flag(name: .long, inversion: .prefixedNo, help: "Show items marked 'draft: true'.")
    var drafts = true

    @Flag(name: .long, help: "Show items dated after today.")
    var future = false

    func run() async throws {
        let root = site.root
        let options = BuildOptions(now: site.today, drafts: drafts, future: future)
        let printer = DiagnosticPrinter(siteRoot: root)
        // The first build is a whole one: on a terminal, its progress shows as in `build`,
        // and the line is cleared before anything else is printed.
        let terminal = TerminalProgress()
        let server = DevServer(root: root, port: port, options: options,
                               log: { terminal.finish(); printer.info($0) },
                               report: { terminal.finish(); printer.report($0, summary: false) },
                               progress: terminal.progress)
        try await server.run()
    }
}
