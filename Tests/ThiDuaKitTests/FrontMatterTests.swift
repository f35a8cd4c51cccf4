import Testing
@testable import ThiDuaKit

/// Front matter keys are read one by one, and every problem of a file is reported together.
@Suite struct FrontMatterReaderTests {
    private func problems(_ text: String, as kind: ContentKind = .stories) -> [String] {
        let file = SourceFile(path: "content/\(kind.rawValue)/a.md", bytes: Array(text.utf8))
        switch ItemParser.parse(file, as: kind) {
        case .success: return []
        case .failure(let failure): return failure.diagnostics.map { "\($0.position.line):\($0.position.column) \($0.message)" }
        }
    }

    @Test func everyWrongKeyOfAFileIsReportedAtOnce() {
        let found = problems("""
        ---
        title: [a, b]
        date: 2024-02-30
        tags: 5
        draft: "yes"
        aliases: [/cu/, {x: 1}]
        ---
        Nội dung.
        """)
        #expect(found == [
            "2:8 'title' must be text, not a list",
            "3:7 'date': '2024-02-30' is not a date that exists; write it as YYYY-MM-DD",
            "4:7 'tags' must be a list, not '5'",
            "5:8 'draft' must be true or false, not 'yes'",
            "6:17 'aliases[2]' must be text, not a mapping (alias 2)",
        ])
    }

    @Test func missingAndEmptyRequiredKeys() {
        #expect(problems("---\nsummary: x\n---\n") == [
            "2:1 missing required key 'date'", "2:1 missing required key 'title'",
        ])
        #expect(problems("---\ntitle: Tin\ndate:\n---\n") == ["3:6 'date' must be a date (YYYY-MM-DD), but it is empty"])
        #expect(problems("---\ntitle:\ndate: 2024-05-01\n---\n") == ["2:7 'title' is empty"])
    }

    @Test func kindsOfOtherCollections() {
        #expect(problems("---\ntitle: A\nunit: CĐCS\nkind: nhóm\nfeatured: 1\n---\n", as: .people) == [
            "4:7 'kind': 'nhóm' is neither individual (one person) nor collective (a group)",
            "5:11 'featured' must be true or false, not '1'",
        ])
        #expect(problems("---\ntitle: A\ndate: 2024-05-01\nsince: xưa\n---\n", as: .milestones) == [
            "4:8 'since': 'xưa' is neither a date (YYYY-MM-DD) nor a year (YYYY)",
        ])
        #expect(problems("---\ntitle: A\nweight: \"3\"\n---\n", as: .pages) == ["3:9 'weight' must be a whole number, not '3'"])
        #expect(problems("---\ntitle: A\nweight: 3\n---\n", as: .pages) == [])
    }

    @Test func frontMatterThatIsNotAMappingIsNamed() {
        #expect(problems("---\n- a\n- b\n---\n") == ["2:1 front matter must be keys with values (title: …), not a list"])
    }

    @Test func valuesAreTyped() throws {
        let file = SourceFile(path: "content/people/a.md", bytes: Array("""
        ---
        title: Lò Thị Mai
        unit: CĐCS Dào San
        kind: collective
        featured: yes
        date: 2024-03-08
        aliases: [/cu/]
        ---
        """.utf8))
        guard case .success(.person(let person)) = ItemParser.parse(file, as: .people) else {
            Issue.record("the person did not parse")
            return
        }
        #expect(person.kind == .collective)
        #expect(person.featured)
        #expect(person.date == CalendarDate(iso: "2024-03-08"))
        #expect(person.entry.aliases == ["/cu/"])
    }

    /// Found by the fuzzer (Fuzz/, FrontMatter): Yams read a colon-separated number in base
    /// 60 and stopped the process when it overflowed. Such text is text, as in YAML 1.2.
    @Test func numbersWithColonsAreTextAndNeverStopTheBuild() throws {
        let file = SourceFile(path: "content/stories/a.md", bytes: Array("""
        ---
        title: "Tin"
        date: 2024-03-08
        gio: 10:30
        so: 1:0:0:0:0:0:0:0:0:0:0:0
        tran: -000000000000000000000000000001:5510389117492053789:44444444443
        le: 1:30.5
        dem: 1_000
        ---
        """.utf8))
        guard case .success(.story(let story)) = ItemParser.parse(file, as: .stories) else {
            Issue.record("the story did not parse")
            return
        }
        #expect(story.entry.params["gio"] == .string("10:30"))
        #expect(story.entry.params["so"] == .string("1:0:0:0:0:0:0:0:0:0:0:0"))
        #expect(story.entry.params["tran"] == .string("-000000000000000000000000000001:5510389117492053789:44444444443"))
        #expect(story.entry.params["le"] == .string("1:30.5"))
        #expect(story.entry.params["dem"] == .int(1000))
        #expect(problems("---\ntitle: \"Tin\"\ndate: 2024-03-08\n---\n") == [])
        let site = SourceFile(path: "content/site.yml", bytes: Array("title: x\nbaseURL: https://e.org/\npaginate: 1:0:0:0:0:0:0:0:0:0:0:0\n".utf8))
        guard case .failure(let failure) = DataFileParser.siteConfig(site) else {
            Issue.record("a paginate of 1:0:0:… must be refused")
            return
        }
        #expect(failure.diagnostics.map(\.message) == ["'paginate' must be a whole number, not '1:0:0:0:0:0:0:0:0:0:0:0'"])
    }
}
