import Foundation
import Testing

/// A good site broken on purpose, for the tests of bad input.
enum BrokenSite {
    /// Builds the good fixture, breaks it, builds again through the CLI, and returns what the
    /// CLI printed after checking exit status 1 and that the output folder did not change.
    static func failingBuild(_ broken: [String: String], bytes: [String: [UInt8]] = [:],
                             base: [String: String] = Fixtures.site) throws -> String {
        let site = try FixtureSite(base)
        let first = try CLI.run(["build", "--now", "2024-05-10"], in: site.root)
        #expect(first.status == 0, "the good fixture must build: \(first.stderr)")
        let before = try site.outputTree()
        #expect(!before.isEmpty)
        for (path, text) in broken { try site.write(path, text) }
        for (path, data) in bytes { try site.write(path, Data(data)) }
        let run = try CLI.run(["build", "--now", "2024-05-10"], in: site.root)
        #expect(run.status == 1)
        #expect(try site.outputTree() == before, "public/ must be left as it was")
        return run.stderr
    }
}
