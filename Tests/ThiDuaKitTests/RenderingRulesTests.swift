import Mustache
import Testing
@testable import ThiDuaKit

@Suite struct EscapingTests {
    /// thidua's escaping must write exactly what swift-mustache's own HTML escaping writes.
    @Test(arguments: [
        "Tết Giáp Thìn", "<script>alert('x')</script>", "A & B \"quoted\" > 'single'",
        "", "&amp; already", "Đoàn viên <b>đậm</b> & 😀",
    ])
    func sameOutputAsTheLibrary(_ text: String) throws {
        let library = try MustacheTemplate(string: "{{x}}").render(["x": text])
        var output: [UInt8] = []
        TemplateEscapes.append(text, .html, to: &output)
        #expect(String(decoding: output, as: UTF8.self) == library)
    }

    @Test(arguments: [("story", "&lt;b&gt;|<b>"), ("robots.txt", "<b>|<b>"), ("calendar.ics", "<b>\\;|<b>;")])
    func eachFileKindHasItsEscaping(_ template: String, _ expected: String) throws {
        let shape = TemplateShape(name: "X", doc: "", fields: [TemplateField(name: "x", type: .text, doc: "")])
        var compiler = TemplateCompiler(templates: [template: try TemplateParser.parse("{{x}}|{{{x}}}", template: template)])
        let compiled = compiler.compile(template, frames: [.object(shape)])
        let block = try #require(compiled)
        let value = template == "calendar.ics" ? "<b>;" : "<b>"
        let rendered = TemplateRenderer.render(block, [.object(TemplateRecord(shape: shape, values: [.text(value)]))])
        #expect(String(decoding: rendered, as: UTF8.self) == expected)
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

@Suite struct ICalendarTextTests {
    @Test func textValuesAreEscaped() {
        #expect(ICalendarText.escape("Họp; sơ kết, tổng kết\\n\nhai dòng") == "Họp\\; sơ kết\\, tổng kết\\\\n\\nhai dòng")
    }

    @Test func longLinesFoldAt75OctetsWithoutBreakingACharacter() {
        let long = "SUMMARY:" + String(repeating: "Đoàn viên ", count: 20)
        let folded = ICalendarText.lines(long + "\n\n  \nEND:VEVENT\n")
        let lines = folded.components(separatedBy: "\r\n").dropLast()
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        #expect(lines.dropFirst().first?.hasPrefix(" ") == true)
        #expect(lines.last == "END:VEVENT")
        // Unfolding (drop CRLF + space) gives the line back, so no byte was lost or split.
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "").hasPrefix(long + "\r\n"))
        #expect(!folded.contains("\r\n\r\n"), "blank lines are dropped")
    }

    @Test func dateValue() {
        #expect(ICalendarText.date(CalendarDate(year: 2024, month: 7, day: 28)!) == "20240728")
    }
}

@Suite struct OutputPathTests {
    @Test(arguments: [("/", "index.html"), ("/stories/tet/", "stories/tet/index.html"), ("/feed.xml", "feed.xml"),
                      ("/tags/tet/feed.xml", "tags/tet/feed.xml"), ("/404.html", "404.html"), ("/tin-cu", "tin-cu/index.html")])
    func pathOfAURL(_ url: String, _ path: String) {
        #expect(OutputFile.path(forURL: url) == path)
    }
}

/// Front matter keys thidua has no field for keep their YAML type for templates; composing
/// without Yams's regular-expression resolver must not change it.
@Suite struct FrontMatterParamsTests {
    @Test func plainScalarsAreTypedAndQuotedOnesStayText() throws {
        let yaml = """
        title: Tin
        count: 5
        ratio: 0.5
        flag: yes
        off: false
        quoted: "5"
        nothing:
        tilde: ~
        list: [1, a, true]
        nested: {x: 2, y: "b"}
        date: 2024-05-01
        """
        guard case .success(let document) = YAMLDocument.compose(yaml, path: "content/stories/a.md") else {
            Issue.record("the YAML did not compose")
            return
        }
        let params = MappingReader(document).params(excluding: ["title"])
        #expect(params == [
            "count": .int(5), "ratio": .double(0.5), "flag": .bool(true), "off": .bool(false),
            "quoted": .string("5"), "nothing": .null, "tilde": .null,
            "list": .list([.int(1), .string("a"), .bool(true)]),
            "nested": .map(["x": .int(2), "y": .string("b")]),
            "date": .string("2024-05-01"),
        ])
    }

    @Test func booleansAreReadFromPlainWordsOnly() throws {
        guard case .success(let document) = YAMLDocument.compose("draft: yes\nfeatured: False\nquoted: \"yes\"\n", path: "a.md") else {
            Issue.record("the YAML did not compose")
            return
        }
        var reader = MappingReader(document)
        #expect(reader.bool("draft") == true)
        #expect(reader.bool("featured") == false)
        #expect(reader.problems.isEmpty)
        #expect(reader.bool("quoted") == nil)
        #expect(reader.problems.map(\.message) == ["'quoted' must be true or false, not 'yes'"])
    }
}

@Suite struct PagePlanTests {
    /// 177,000 jobs at 100,000 stories: a job must not carry a whole `Entry` inline.
    @Test func aJobIsSmall() {
        #expect(MemoryLayout<PageJob>.size < MemoryLayout<Entry>.size / 2, "\(MemoryLayout<PageJob>.size) bytes")
    }
}
