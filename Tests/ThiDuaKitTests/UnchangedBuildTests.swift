import Foundation
import Testing
@testable import ThiDuaKit

/// A build whose inputs and output are as the last build left them does nothing; any
/// change to what it reads or to what it wrote makes it build in full.
@Suite struct UnchangedBuildTests {
    private func stages(_ summary: Builder.Summary) -> [String] {
        summary.stages.map(\.name)
    }

    @Test func nothingChangedMeansNothingDone() async throws {
        let site = try FixtureSite(Fixtures.site)
        let first = try await site.build()
        let before = try site.outputTree()
        let second = try await site.build()
        #expect(stages(second) == ["unchanged"])
        #expect(second.pages == first.pages && second.written == 0 && second.unchanged == first.written + first.unchanged)
        #expect(try site.outputTree() == before)
    }

    @Test(arguments: ["content", "theme", "date", "output", "cache"])
    func anyChangeBuildsInFull(_ change: String) async throws {
        let site = try FixtureSite(Fixtures.site.merging(MiniTheme.files) { $1 })
        _ = try await site.build()
        let fresh = try site.outputTree()
        var now = "2024-05-10"
        switch change {
        case "content": try site.write("content/stories/cham-lo-tet.md", "---\ntitle: \"Đổi tên\"\ndate: 2024-02-01\n---\nBody\n")
        case "theme": try site.write("theme/templates/404.mustache", "{{<base}}{{$main}}Không thấy{{/main}}{{/base}}")
        case "date": now = "2024-05-11"
        case "output": try site.write("public/index.html", "sửa tay")
        default: try site.write(".thidua-cache/images/extra", "x")
        }
        let again = try await site.build(now: now)
        #expect(stages(again).contains("render+write"), "\(change)")
        if change == "output" {
            #expect(try site.outputTree() == fresh, "the hand-edited page is written again")
        }
    }
}
