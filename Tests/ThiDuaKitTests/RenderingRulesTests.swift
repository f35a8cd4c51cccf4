import Mustache
import Testing
@testable import ThiDuaKit

@Suite struct EscapingTests {
    /// The fast content type must write exactly what swift-mustache's own HTML escaping writes.
    @Test(arguments: [
        "Tết Giáp Thìn", "<script>alert('x')</script>", "A & B \"quoted\" > 'single'",
        "", "&amp; already", "Đoàn viên <b>đậm</b> & 😀",
    ])
    func sameOutputAsTheLibrary(_ text: String) throws {
        let library = try MustacheTemplate(string: "{{x}}").render(["x": text])
        #expect(ByteHTMLContentType().escapeText(text) == library)
    }

    @Test func templatesUseIt() throws {
        ThemeContentTypes.registered
        let template = try MustacheTemplate(string: ThemeContentTypes.pragma(forTemplate: "story") + "{{x}}|{{{x}}}")
        #expect(template.render(["x": "<b>"]) == "&lt;b&gt;|<b>")
    }
}

@Suite struct FrontMatterSplitTests {
    @Test func yamlAndBodyAreCut() throws {
        let split = try FrontMatterSplit.split("---\ntitle: A\ndate: 2024-01-01\n---\nBody\n\nMore\n", path: "a.md").get()
        #expect(split.yaml == "title: A\ndate: 2024-01-01")
        #expect(split.body == "Body\n\nMore\n")
        #expect(split.bodyLineOffset == 4)
    }

    @Test func dotsCloseAndEmptyFrontMatterIsAllowed() throws {
        #expect(try FrontMatterSplit.split("---\ntitle: A\n...\nB", path: "a.md").get().body == "B")
        let empty = try FrontMatterSplit.split("---\n---\n", path: "a.md").get()
        #expect(empty.yaml == "")
        #expect(empty.body == "")
    }

    @Test func aFenceInTheBodyIsBody() throws {
        let split = try FrontMatterSplit.split("---\ntitle: A\n---\nText\n\n---\n\nAfter a rule\n", path: "a.md").get()
        #expect(split.body == "Text\n\n---\n\nAfter a rule\n")
    }

    @Test func noFrontMatterIsAnError() {
        #expect(throws: Diagnostic.self) { try FrontMatterSplit.split("title: A\n", path: "a.md").get() }
    }
}
