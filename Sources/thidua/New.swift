import ArgumentParser
import Foundation
import ThiDuaKit

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a new story, person, milestone or page from the theme's archetype.",
        discussion: """
        Writes content/<collection>/<slug>.md with the title, today's date and the current \
        phase filled in, and the optional keys as comments. An existing file is never \
        overwritten. Prints the path of the new file.
        """
    )

    @Argument(help: ArgumentHelp("What to create: story, person, milestone or page.", valueName: "kind"))
    var kind: String

    @Argument(help: ArgumentHelp("The title, in Vietnamese with diacritics; the file name is made from it.", valueName: "title"))
    var title: String

    @Option(name: .long, help: ArgumentHelp("The site folder, holding content/.", valueName: "dir"))
    var source: String = "."

    @Option(name: .long, help: ArgumentHelp("Date the item as this day (YYYY-MM-DD) instead of today.", valueName: "date"))
    var now: String?

    func validate() throws {
        guard ContentKind(argument: kind) != nil else {
            throw ValidationError("'\(kind)' is not something thidua can create; use story, person, milestone or page")
        }
        if let now, CalendarDate(iso: now) == nil {
            throw ValidationError("--now must be a real day written YYYY-MM-DD, not '\(now)'")
        }
    }

    func run() throws {
        guard let collection = ContentKind(argument: kind) else { throw ExitCode(2) }
        let root = URL(fileURLWithPath: source, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        let today = BuildDate.resolve(now: now, environment: ProcessInfo.processInfo.environment)
        do {
            let path = try NewItem(root: root, kind: collection, title: title, today: today).create()
            print(path)
        } catch {
            DiagnosticPrinter(siteRoot: root).report(error.diagnostics, summary: false)
            throw ExitCode(1)
        }
    }
}
