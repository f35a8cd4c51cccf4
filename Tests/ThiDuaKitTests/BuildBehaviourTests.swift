import Foundation
import Testing
@testable import ThiDuaKit

@Suite struct PublicationTests {
    static let hidden = [
        "content/stories/nhap.md": "---\ntitle: \"NHAP-7f3a\"\ndate: 2024-02-01\ndraft: true\ntags: [\"TAG-NHAP-7f3a\"]\n---\nBODY-NHAP-7f3a\n",
        "content/stories/hen-gio.md": "---\ntitle: \"HENGIO-91bc\"\ndate: 2024-02-01\npublishDate: 2099-01-01\nunit: \"UNIT-HENGIO-91bc\"\n---\nBODY-HENGIO-91bc\n",
        "content/stories/tuong-lai.md": "---\ntitle: \"TUONGLAI-42de\"\ndate: 2024-09-01\n---\nBODY-TUONGLAI-42de\n",
        "content/stories/het-han.md": "---\ntitle: \"HETHAN-5c0d\"\ndate: 2024-02-01\nexpiryDate: 2024-03-01\n---\nBODY-HETHAN-5c0d\n",
        "content/people/nhap.md": "---\ntitle: \"NGUOI-NHAP-8e21\"\nunit: \"CĐCS\"\ndraft: true\n---\nA\n",
        "content/milestones/nhap.md": "---\ntitle: \"MOC-NHAP-0b9f\"\ndate: 2024-09-01\ndraft: yes\n---\nA\n",
        "content/milestones/hen-gio.md": "---\ntitle: \"MOC-HENGIO-6a1e\"\ndate: 2024-03-01\npublishDate: 2099-01-01\n---\nA\n",
        "content/milestones/het-han.md": "---\ntitle: \"MOC-HETHAN-d4c7\"\ndate: 2024-03-01\nexpiryDate: 2024-04-01\n---\nA\n",
    ]
    /// Every output is scanned: pages, feeds, calendar.ics, sitemap.xml and the search index.
    static let markers = ["7f3a", "91bc", "42de", "5c0d", "8e21", "0b9f", "6a1e", "d4c7"]

    private func allText(_ site: borrowing FixtureSite) throws -> String {
        try site.outputTree().values.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
    }

    @Test func draftsFutureAndExpiredItemsAppearNowhere() async throws {
        let site = try FixtureSite(Fixtures.site.merging(Self.hidden) { $1 })
        _ = try await site.build(now: "2024-05-10")
        let text = try allText(site)
        for marker in Self.markers {
            #expect(!text.contains(marker), "\(marker) leaked into the output")
        }
        #expect(text.contains("Chăm lo Tết"))
        let tree = try site.outputTree()
        for path in ["feed.xml", "calendar.ics", "sitemap.xml", "search/meta.json"] {
            #expect(tree[path] != nil, "\(path) must be among the scanned files")
        }
    }

    @Test func buildCanBeAskedForDraftsAndFutureItems() async throws {
        let site = try FixtureSite(Fixtures.site.merging(Self.hidden) { $1 })
        _ = try await site.build(now: "2024-05-10", drafts: true, future: true)
        let text = try allText(site)
        for marker in ["7f3a", "91bc", "42de", "8e21", "0b9f", "6a1e"] {
            #expect(text.contains(marker), "\(marker) should be published with --drafts --future")
        }
        #expect(!text.contains("5c0d") && !text.contains("d4c7"), "expired items stay out")
    }
}

@Suite struct DeterminismTests {
    @Test func twoBuildsWithTheSameSourceDateEpochAreIdentical() throws {
        let site = try FixtureSite(Fixtures.site)
        let epoch = ["SOURCE_DATE_EPOCH": "1715299200"]  // 2024-05-10 in Việt Nam
        #expect(try CLI.run(["build", "--out", "first"], in: site.root, environment: epoch).status == 0)
        #expect(try CLI.run(["build", "--out", "second"], in: site.root, environment: epoch).status == 0)
        let first = try Tree.read(site.root.appendingPathComponent("first"))
        let second = try Tree.read(site.root.appendingPathComponent("second"))
        #expect(first.count > 10)
        #expect(first == second)
        let home = String(decoding: first["index.html"] ?? Data(), as: UTF8.self)
        #expect(home.contains("Đã qua 71% thời gian của đợt"), "SOURCE_DATE_EPOCH must set the build date")
    }

    @Test func parallelBuildEqualsSequentialBuild() async throws {
        var files = Fixtures.site
        for index in 0..<150 {
            files["content/stories/tin-\(index).md"] = "---\ntitle: \"Tin số \(index)\"\ndate: 2024-0\(index % 9 + 1)-1\(index % 10)\ntags: [\"t\(index % 7)\"]\n---\n## Phần \(index)\n\nNội dung \(index).\n"
        }
        let site = try FixtureSite(files)
        let parallel = site.root.appendingPathComponent("parallel")
        let sequential = site.root.appendingPathComponent("sequential")
        _ = try await site.build(now: "2024-12-31", parallel: true, out: parallel)
        _ = try await site.build(now: "2024-12-31", parallel: false, out: sequential)
        let a = try Tree.read(parallel), b = try Tree.read(sequential)
        #expect(a.count > 150)
        #expect(a == b)
    }
}

@Suite struct SafetyTests {
    @Test func scriptInTitleOrBodyIsNeverExecutable() async throws {
        let site = try FixtureSite(Fixtures.site(with: [
            "content/stories/xss.md": """
            ---
            title: "<script>alert('tieu-de')</script>"
            date: 2024-02-02
            summary: "<script>alert('tom-tat')</script>"
            tags: ["<script>alert('the')</script>"]
            unit: "<img src=x onerror=alert(1)>"
            ---
            <script>alert('than-bai')</script>

            [link](javascript:alert('lien-ket'))
            """,
        ]))
        _ = try await site.build(now: "2024-05-10")
        for (path, data) in try site.outputTree() where path.hasSuffix(".html") {
            // The theme's own search script is the one script element a page may have.
            let html = String(decoding: data, as: UTF8.self)
                .replacing(#/<script src="/assets/search\.[0-9a-f]{10}\.js" defer></script>/#, with: "")
            #expect(!html.contains("<script"), "\(path) has a script element")
            #expect(!html.contains("<img src=x"), "\(path) has an injected element")
            #expect(!html.contains("javascript:"), "\(path) has a javascript: link")
        }
        let story = String(decoding: try #require(try site.outputTree()["stories/xss/index.html"]), as: UTF8.self)
        #expect(story.contains("&lt;script&gt;alert(&#39;tieu-de&#39;)&lt;/script&gt;") || story.contains("&lt;script&gt;alert('tieu-de')"))
    }
}

@Suite struct InputFormTests {
    @Test func byteOrderMarkAndCRLFBuildNormally() async throws {
        let crlf = Fixtures.story.replacingOccurrences(of: "\n", with: "\r\n")
        let site = try FixtureSite(Fixtures.site.filter { $0.key != "content/stories/cham-lo-tet.md" },
                                   bytes: ["content/stories/cham-lo-tet.md": [0xEF, 0xBB, 0xBF] + Array(crlf.utf8)])
        _ = try await site.build(now: "2024-05-10")
        let story = String(decoding: try #require(try site.outputTree()["stories/cham-lo-tet/index.html"]), as: UTF8.self)
        #expect(story.contains("<h1>Chăm lo Tết</h1>"))
        #expect(story.contains("<h2 id=\"ket-qua\">Kết quả</h2>"))
        #expect(!story.contains("\r"))
    }

    @Test func siteWithoutThemeUsesTheDefaultTheme() async throws {
        let site = try FixtureSite(Fixtures.site)
        _ = try await site.build(now: "2024-05-10")
        let tree = try site.outputTree()
        let home = String(decoding: try #require(tree["index.html"]), as: UTF8.self)
        #expect(home.contains("<html lang=\"vi\">"))
        #expect(home.contains("Đợt thi đua hiện tại"))
        #expect(tree["assets/style.css"] != nil)
    }

    @Test func unchangedFilesAreNotRewritten() async throws {
        let site = try FixtureSite(Fixtures.site)
        let first = try await site.build(now: "2024-05-10")
        #expect(first.unchanged == 0)
        let second = try await site.build(now: "2024-05-10")
        #expect(second.written == 0)
        #expect(second.unchanged == first.written)
    }
}

@Suite struct ThemeErrorTests {
    @Test func missingParentOrPartialIsAnError() async throws {
        var files = Fixtures.site.merging(MiniTheme.files) { $1 }
        files["theme/templates/page.mustache"] = "{{<layout}}{{$main}}x{{/main}}{{/layout}}\n{{>partials/nowhere}}"
        let site = try FixtureSite(files)
        await #expect {
            try await site.build()
        } throws: { error in
            let text = "\(error)"
            return text.contains("theme/templates/page.mustache:1:1: error: template 'page' uses 'layout', which the theme does not have")
                && text.contains("theme/templates/page.mustache:2:1: error: template 'page' uses 'partials/nowhere'")
        }
    }

    @Test func templateSyntaxErrorHasItsPosition() async throws {
        var files = Fixtures.site.merging(MiniTheme.files) { $1 }
        files["theme/templates/404.mustache"] = "ok\n{{#open}}never closed\n"
        let site = try FixtureSite(files)
        await #expect {
            try await site.build()
        } throws: { error in
            "\(error)".contains("theme/templates/404.mustache:2:1: error: template error: {{#open}} opened here is never closed with {{/open}}")
        }
    }

    /// A broken story does not hide a broken template until the next build, nor the reverse.
    @Test func contentAndThemeErrorsAreReportedTogether() async throws {
        var files = Fixtures.site.merging(MiniTheme.files) { $1 }
        files["theme/templates/404.mustache"] = "ok\n{{#open}}never closed\n"
        files["content/stories/cham-lo-tet.md"] = "---\ntitle: \"Tin\"\ndate: 2024-13-01\n---\n"
        let site = try FixtureSite(files)
        await #expect {
            try await site.build()
        } throws: { error in
            let text = "\(error)"
            return text.contains("content/stories/cham-lo-tet.md:3:7: error: 'date': '2024-13-01' is not a date that exists")
                && text.contains("theme/templates/404.mustache:2:1: error: template error: {{#open}} opened here is never closed with {{/open}}")
        }
    }
}

@Suite struct VerboseTests {
    /// `--verbose` names every stage once, in pipeline order, with its time in one column.
    @Test func stagesArePrintedInOrderAndAligned() throws {
        let site = try FixtureSite(Fixtures.site.merging(MiniTheme.files) { $1 })
        let run = try CLI.run(["build", "--now", "2024-05-10", "--verbose"], in: site.root)
        #expect(run.status == 0)
        let lines = (run.stdout + run.stderr).split(separator: "\n").filter { $0.hasSuffix(" ms") }
        let names = lines.map { $0.split(separator: " ").first.map(String.init) ?? "" }
        #expect(names == ["load", "parse", "assemble", "theme", "images", "render+write", "swap"])
        let columns = Set(lines.map { $0.count })
        #expect(columns.count == 1, "the times end in one column: \(lines)")
        // "  templates: 412 tags in 1 ms of CPU, 0.100 µs a tag"
        let templates = (run.stdout + run.stderr).split(separator: "\n").first { $0.hasPrefix("  templates: ") }
        let count = templates?.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        #expect(count > 100, "the tags the templates rendered are counted: \(String(describing: templates))")
        #expect(templates?.hasSuffix(" µs a tag") == true)

    }
}
