import Testing
@testable import ThiDuaKit

/// What the compiler must refuse, found by the differential tests.
@Suite struct TemplateCompilerTests {
    static let noData = DataValue.map([:])

    static func errors(_ template: String, _ partials: [String: String]) -> [TemplateError] {
        guard case .rejected(let errors) = TemplateHarness.render(template, partials: partials, data: noData, type: .inferred(from: noData)) else {
            return []
        }
        return errors
    }

    /// Blocks given further out win, so a block met again inside the text given for it would
    /// be replaced by that text again without end: swift-mustache overflows its stack, and
    /// the compiler did too before it refused it.
    @Test func aBlockInsideTheTextGivenForItIsRefused() {
        let errors = Self.errors("{{<base}}{{$main}}[{{$main}}x{{/main}}]{{/main}}{{/base}}", ["base": "<{{$main}}default{{/main}}>"])
        #expect(errors == [TemplateError(template: TemplateHarness.main, position: SourcePosition(line: 1, column: 20),
                                         message: "block 'main' is used inside the text given for it: main → main; blocks cannot recurse")])
    }

    @Test func twoBlocksEachInsideTheTextGivenForTheOtherAreRefused() {
        let errors = Self.errors("{{<base}}{{$a}}{{$b}}{{/b}}{{/a}}{{$b}}{{$a}}{{/a}}{{/b}}{{/base}}", ["base": "{{$a}}{{/a}}"])
        #expect(errors.map(\.message) == ["block 'a' is used inside the text given for it: a → b → a; blocks cannot recurse"])
    }

    /// Only a given text can recur: a default holding a block of its own name renders once.
    @Test func aBlockInsideItsOwnDefaultStillRenders() throws {
        let template = "{{<base}}{{/base}}|{{$a}}<{{$a}}x{{/a}}>{{/a}}"
        let partials = ["base": "{{$a}}({{$a}}y{{/a}}){{/a}}"]
        guard case .rendered(let bytes) = TemplateHarness.render(template, partials: partials, data: Self.noData, type: .inferred(from: Self.noData)) else {
            Issue.record("refused")
            return
        }
        let reference = try TemplateHarness.reference(template, partials: partials, data: Self.noData)
        #expect(String(decoding: bytes, as: UTF8.self) == "(y)|<x>")
        #expect(bytes == Array(reference.utf8))
    }
}

/// Names met inside sections over front matter (`page.params`), the one part read by name.
@Suite struct TemplateFrontMatterLookupTests {
    static let site = DataShape(name: "site", fields: [("url", .text)])
    static let page = DataShape(name: "page", fields: [("site", .object(site)), ("params", .open)])

    /// A dotted name that front matter does not hold is thidua's own value further out, and
    /// below it the steps go by index; below front matter that does hold it, by name. Before,
    /// one set of steps served both, by name when front matter came first, and the typed
    /// value further out was read by name and came out empty.
    @Test(arguments: [
        ("{{#params.gallery}}{{site.url}}{{.}};{{/params.gallery}}", "https://example.org/a.jpg;https://example.org/b.jpg;"),
        ("{{#params}}{{site.url}}|{{#gallery}}{{site.url}}{{/gallery}}{{/params}}", "https://example.org/|https://example.org/https://example.org/"),
        ("{{#params.own}}{{site.url}}{{/params.own}}", "front matter&#39;s own"),
    ])
    func dottedNamesInsideFrontMatter(_ template: String, _ expected: String) throws {
        let data = DataValue.map([
            "site": .map(["url": .text("https://example.org/")]),
            "params": .map(["gallery": .list([.text("a.jpg"), .text("b.jpg")]), "own": .map(["site": .map(["url": .text("front matter's own")])])]),
        ])
        let reference = try TemplateHarness.reference(template, data: data)
        guard case .rendered(let bytes) = TemplateHarness.render(template, data: data, type: .object(Self.page)) else {
            Issue.record("refused")
            return
        }
        #expect(String(decoding: bytes, as: UTF8.self) == expected)
        #expect(bytes == Array(reference.utf8))
    }
}
