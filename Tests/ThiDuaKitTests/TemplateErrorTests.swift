import Testing
@testable import ThiDuaKit

/// A theme's mistakes are found when it is compiled, each at its place, all at once, and
/// the build then writes nothing.
@Suite struct TemplateErrorTests {
    private func failing(_ templates: [String: String]) throws -> String {
        try BrokenSite.failingBuild(templates.reduce(into: [:]) { $0["theme/templates/\($1.key).mustache"] = $1.value },
                                    base: Fixtures.site.merging(MiniTheme.files) { $1 })
    }

    @Test func aNameNoFrameHasIsAnErrorListingTheNamesThatWork() throws {
        let stderr = try failing(["story": "{{<base}}{{$main}}\n  <h1>{{titel}}</h1>{{/main}}{{/base}}"])
        #expect(stderr.contains("theme/templates/story.mustache:2:7: error: 'titel' is not a name story can use here; it can use page, newer, older, menu, fragments, feeds, site, t, year, assets"), "\(stderr)")
    }

    @Test func aFieldAnObjectDoesNotHaveIsNamedWithTheFieldsItHas() throws {
        let stderr = try failing(["story": "{{<base}}{{$main}}{{page.date.longg}}{{/main}}{{/base}}"])
        #expect(stderr.contains("theme/templates/story.mustache:1:19: error: 'page.date' has no 'longg'; it has iso, short, long"), "\(stderr)")
    }

    @Test func everyMistakeOfEveryTemplateIsReportedAtOnce() throws {
        let stderr = try failing([
            "story": "{{<base}}{{$main}}{{page}}{{#page.tags}}{{nope}}{{/page.tags}}{{/main}}{{/base}}",
            "person": "{{<base}}{{$main}}{{shout(page.title)}}\n{{page.params.anything}}{{/main}}{{/base}}",
        ])
        #expect(stderr.contains("story.mustache:1:19: error: 'page' is a StoryPage, which has no text of its own; name one of its fields: title, url, content,"))
        #expect(stderr.contains("story.mustache:1:41: error: 'nope' is not a name story can use here; it can use title, url, page"))
        #expect(stderr.contains("person.mustache:1:19: error: 'shout' is not a transform thidua knows; it knows empty, count, reversed, uppercased, lowercased"))
        #expect(!stderr.contains("person.mustache:2:"), "front matter is open: any name below it is allowed")
    }

    @Test func aPartialThatIncludesItselfIsAnError() throws {
        let stderr = try failing([
            "partials/a": "x\n{{>partials/b}}",
            "partials/b": "{{>partials/a}}",
            "story": "{{<base}}{{$main}}{{>partials/a}}{{/main}}{{/base}}",
        ])
        #expect(stderr.contains("theme/templates/partials/b.mustache:1:1: error: 'partials/a' includes itself: story → base → partials/a → partials/b → partials/a; templates cannot recurse"), "\(stderr)")
    }

    @Test func aListCannotBeShownAsText() throws {
        let stderr = try failing(["story": "{{<base}}{{$main}}{{page.tags}}{{/main}}{{/base}}"])
        #expect(stderr.contains("story.mustache:1:19: error: 'page.tags' is a list of Link; a section {{#page.tags}}…{{/page.tags}} shows its items"), "\(stderr)")
    }
}
