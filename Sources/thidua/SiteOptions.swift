import ArgumentParser
import Foundation
import ThiDuaKit

/// The options every command shares: where the site is and which day it is built for.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site folder, holding content/ and optionally theme/.", valueName: "dir"))
    var source: String = "."

    @Option(name: .long, help: ArgumentHelp("Act as if today were this day (YYYY-MM-DD).", valueName: "date"))
    var now: String?

    func validate() throws {
        if let now, CalendarDate(iso: now) == nil {
            throw ValidationError("--now must be a real day written YYYY-MM-DD, not '\(now)'")
        }
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], Int64(epoch) == nil {
            throw ValidationError("SOURCE_DATE_EPOCH must be whole seconds since 1970, not '\(epoch)'")
        }
    }

    var root: URL {
        URL(fileURLWithPath: source, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    }

    var today: CalendarDate {
        BuildDate.resolve(now: now, environment: ProcessInfo.processInfo.environment)
    }
}
