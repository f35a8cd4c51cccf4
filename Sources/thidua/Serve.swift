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
        let terminal = BuildProgress.shown(standardErrorIsTerminal: isatty(STDERR_FILENO) == 1,
                                           environment: ProcessInfo.processInfo.environment)
        let progressLine: (@Sendable (String) -> Void)?
        if terminal {
            progressLine = { text in FileHandle.standardError.write(Data(text.utf8)) }
        } else {
            progressLine = nil
        }
        let server = DevServer(root: root, port: port, options: options,
                               log: { printer.info($0) },
                               report: { printer.report($0, summary: false) },
                               progressLine: progressLine)
        try await server.run()
    }
}
