import Foundation
import Testing
@testable import ThiDuaKit

/// What `thidua serve` reports after a save.
@Suite struct LiveSiteErrorTests {
    /// `thidua serve`: a story and a template saved broken together are reported together.
    @Test func serveReportsContentAndThemeErrorsTogether() async throws {
        let site = try FixtureSite(Fixtures.site.merging(MiniTheme.files) { $1 })
        var live = LiveSite(root: site.root, output: site.output,
                            options: BuildOptions(now: CalendarDate(iso: "2024-05-10")!, drafts: false, future: false))
        _ = try await live.rebuild(changed: nil)
        try site.write("content/stories/cham-lo-tet.md", "---\ntitle: \"Tin\"\ndate: 2024-13-01\n---\n")
        try site.write("theme/templates/404.mustache", "{{<base}}{{$main}}{{assets.nothing.css}}{{/main}}{{/base}}")
        await #expect {
            _ = try await live.rebuild(changed: ["content/stories/cham-lo-tet.md", "theme/templates/404.mustache"])
        } throws: { error in
            let text = "\(error)"
            return text.contains("content/stories/cham-lo-tet.md:3:7: error: 'date': '2024-13-01' is not a date that exists")
                && text.contains("theme/templates/404.mustache:1:19: error: template '404' links {{assets.nothing.css}}")
        }
    }
}
