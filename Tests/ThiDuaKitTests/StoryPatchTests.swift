import Foundation
import Testing
@testable import ThiDuaKit

/// `thidua serve` patches the site for edits that keep a story's place, and assembles it
/// again for the others.
@Suite struct StoryPatchTests {
    private let options = BuildOptions(now: CalendarDate(iso: "2024-05-10")!)

    private func item(_ text: String) throws -> Item {
        try ItemParser.parse(SourceFile(path: "content/stories/cham-lo-tet.md", bytes: Array(text.utf8)), as: .stories).get()
    }

    private func site(with story: Item) throws -> Site {
        let config = try DataFileParser.siteConfig(SourceFile(path: "content/site.yml", bytes: Array(Fixtures.siteYML.utf8))).get()
        let timeline = try DataFileParser.timeline(SourceFile(path: "content/timeline.yml", bytes: Array(Fixtures.timelineYML.utf8))).get()
        let movements = try DataFileParser.movements(SourceFile(path: "content/movements.yml", bytes: Array(Fixtures.movementsYML.utf8))).get()
        return try SiteAssembler.assemble(config: config, timeline: timeline, movements: movements, items: [story], options: options)
    }

    @Test func aNewTitleIsPatchedInPlace() throws {
        let old = try item(Fixtures.story)
        let new = try item(Fixtures.story.replacingOccurrences(of: "Chăm lo Tết", with: "Tết ấm"))
        let patched = try #require(StoryPatch.apply(["content/stories/cham-lo-tet.md": new],
                                                    previous: ["content/stories/cham-lo-tet.md": old],
                                                    to: try site(with: old), options: options))
        #expect(patched.stories.map(\.entry.title) == ["Tết ấm"])
        #expect(patched.stories.first?.entry.url == "/stories/cham-lo-tet/")
        #expect(patched.stories.first?.phase == "dot-1", "the phase derived from the date is kept")
    }

    @Test(arguments: [("2024-02-01", "2024-03-01"), ("[\"Tết\", \"đoàn viên\"]", "[\"Tết\"]"), ("movement: lao-dong-gioi", "draft: true")])
    func anEditThatMovesTheStoryIsAssembledAgain(_ from: String, _ to: String) throws {
        let old = try item(Fixtures.story)
        let new = try item(Fixtures.story.replacingOccurrences(of: from, with: to))
        #expect(StoryPatch.apply(["content/stories/cham-lo-tet.md": new], previous: ["content/stories/cham-lo-tet.md": old],
                                 to: try site(with: old), options: options) == nil)
    }
}
