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

    @OptionGroup var site: SiteOptions

    func validate() throws {
        guard ContentKind(argument: kind) != nil else {
            throw ValidationError("'\(kind)' is not something thidua can create; use story, person, milestone or page")
        }
    }

    func run() throws {
        guard let collection = ContentKind(argument: kind) else { throw ExitCode(2) }
        let root = site.root
        let today = site.today
        do {
            let path = try NewItem(root: root, kind: collection, title: title, today: today).create()
            print(path)
        } catch {
            DiagnosticPrinter(siteRoot: root).report(error.diagnostics, summary: false)
            throw ExitCode(1)
        }
    }
}
