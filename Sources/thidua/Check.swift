import ArgumentParser
import Foundation
import ThiDuaKit

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the site without writing anything.",
        discussion: """
        Everything build validates, plus: every internal link and media reference leads to a \
        page or file of the site, no two items share a URL, every person has a unit and every \
        story a summary source. Each problem is printed as path:line:column with the line and \
        a caret; under GitHub Actions (GITHUB_ACTIONS=true) also as an annotation. Exit status \
        1 when there are errors (or warnings, with --strict).
        """
    )

    @OptionGroup var site: SiteOptions

    @Flag(name: .long, help: "Fail on warnings too (a story without a movement, an image without alt text).")
    var strict = false

    @Flag(name: .long, help: "Also check items marked 'draft: true'.")
    var drafts = false

    @Flag(name: .long, help: "Also check items dated after the build date.")
    var future = false

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let root = site.root
        let options = BuildOptions(now: site.today, drafts: drafts, future: future)
        let builder = Builder(.init(source: root, output: root.appendingPathComponent("public"), options: options))
        let diagnostics = await builder.check()
        let printer = DiagnosticPrinter(siteRoot: root)
        printer.report(diagnostics, summary: false)
        if environment["GITHUB_ACTIONS"] == "true" { printer.annotate(diagnostics) }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        printer.info("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        if errors > 0 || (strict && warnings > 0) { throw ExitCode(1) }
    }
}
