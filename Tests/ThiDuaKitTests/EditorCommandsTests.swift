import Foundation
import Testing
@testable import ThiDuaKit

@Suite struct NewCommandTests {
    @Test func writesAStoryFromTheArchetype() throws {
        let site = try FixtureSite(Fixtures.site)
        let run = try CLI.run(["new", "story", "Hội thi \"Bàn tay vàng\"", "--now", "2024-05-10"], in: site.root)
        #expect(run.status == 0)
        #expect(run.stdout == "content/stories/hoi-thi-ban-tay-vang.md\n")
        let text = try String(contentsOf: site.root.appendingPathComponent("content/stories/hoi-thi-ban-tay-vang.md"), encoding: .utf8)
        #expect(text.hasPrefix("---\ntitle: \"Hội thi \\\"Bàn tay vàng\\\"\"\ndate: 2024-05-10\n"))
        #expect(text.contains("# phase: dot-1"), "the current phase is filled in, commented")
        #expect(text.contains("# movement:"), "optional keys are there, commented")
        // The new file builds as it is.
        #expect(try CLI.run(["build", "--now", "2024-05-10"], in: site.root).status == 0)
        #expect(FileManager.default.fileExists(atPath: site.output.appendingPathComponent("stories/hoi-thi-ban-tay-vang/index.html").path))
    }

    @Test func refusesToOverwrite() throws {
        let site = try FixtureSite(Fixtures.site)
        let before = try String(contentsOf: site.root.appendingPathComponent("content/stories/cham-lo-tet.md"), encoding: .utf8)
        let run = try CLI.run(["new", "story", "Chăm lo Tết"], in: site.root)
        #expect(run.status == 1)
        #expect(run.stderr.contains("content/stories/cham-lo-tet.md:1:1: error: this file already exists"))
        #expect(try String(contentsOf: site.root.appendingPathComponent("content/stories/cham-lo-tet.md"), encoding: .utf8) == before)
    }

    @Test func everyCollectionHasAnArchetype() throws {
        let site = try FixtureSite(Fixtures.site)
        for (kind, folder) in [("person", "people"), ("milestone", "milestones"), ("page", "pages")] {
            let run = try CLI.run(["new", kind, "Mục mới \(kind)", "--now", "2024-08-01"], in: site.root)
            #expect(run.status == 0, "\(kind): \(run.stderr)")
            #expect(run.stdout == "content/\(folder)/muc-moi-\(kind).md\n")
        }
        let unknown = try CLI.run(["new", "poem", "Thơ"], in: site.root)
        #expect(unknown.status == 2)
    }
}

@Suite struct CheckCommandTests {
    /// Runs `thidua check` on the fixture with one changed file and returns the run.
    private func check(_ files: [String: String], _ arguments: [String] = [], environment: [String: String] = [:]) throws -> CLI.Run {
        let site = try FixtureSite(Fixtures.site(with: files))
        let run = try CLI.run(["check", "--now", "2024-05-10"] + arguments, in: site.root, environment: environment)
        #expect(!FileManager.default.fileExists(atPath: site.output.path), "check writes nothing")
        return run
    }

    private func story(_ body: String, front: String = "movement: lao-dong-gioi\n") -> [String: String] {
        ["content/stories/cham-lo-tet.md": "---\ntitle: \"Tin\"\ndate: 2024-02-01\n\(front)---\n\(body)\n"]
    }

    @Test func theFixtureIsClean() throws {
        let run = try check([:])
        #expect(run.status == 0)
        #expect(run.stderr.contains("0 errors, 0 warnings"))
    }

    @Test func linkToAMissingPage() throws {
        let run = try check(story("Xem [bài cũ](/stories/khong-co/)."))
        #expect(run.status == 1)
        #expect(run.stderr.contains("content/stories/cham-lo-tet.md:6:5: error: link to /stories/khong-co/ leads nowhere"))
        #expect(run.stderr.contains("  Xem [bài cũ](/stories/khong-co/).\n      ^\n"))
    }

    @Test func relativeLinkIsResolvedFromThePage() throws {
        #expect(try check(story("[Giới thiệu](../../gioi-thieu/) và [gốc](../../)")).status == 0)
        let run = try check(story("Một dòng.\n\nĐoạn [sai](tags/tet/)"))
        #expect(run.stderr.contains("content/stories/cham-lo-tet.md:8:6: error: link to tags/tet/ leads nowhere: no page or file of the site is at /stories/cham-lo-tet/tags/tet/"))
    }

    @Test func missingMediaInMarkdownAndFrontMatter() throws {
        let run = try check(story("![Ảnh](/media/khong-co.jpg)", front: "movement: lao-dong-gioi\nimage: media/anh.jpg\n"))
        #expect(run.stderr.contains("content/stories/cham-lo-tet.md:5:8: error: 'image' names media/anh.jpg, which is not in content/media"))
        #expect(run.stderr.contains("content/stories/cham-lo-tet.md:7:1: error: image to /media/khong-co.jpg leads nowhere"))
        let photo = try check(["content/people/lo-thi-mai.md": "---\ntitle: \"Mai\"\nunit: \"CĐCS\"\nphoto: /media/mai.jpg\n---\nA\n"])
        #expect(photo.stderr.contains("content/people/lo-thi-mai.md:4:8: error: 'photo' names /media/mai.jpg, which is not in content/media"))
    }

    @Test func existingMediaAndPagesResolve() throws {
        var files = story("![Logo](/media/logo.svg) [trang](/gioi-thieu/) [lịch](/calendar.ics) [ngoài](https://example.org/x)")
        files["content/media/logo.svg"] = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"
        #expect(try check(files).status == 0)
    }

    @Test func javascriptLinkIsAnError() throws {
        let run = try check(story("[bấm](javascript:alert(1))"))
        #expect(run.stderr.contains("content/stories/cham-lo-tet.md:6:1: error: javascript: links are removed from pages"))
    }

    @Test func warningsFailOnlyWhenStrict() throws {
        var files = story("Đoạn mở đầu.\n\n![](/media/logo.svg)", front: "")
        files["content/media/logo.svg"] = "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"
        let relaxed = try check(files)
        #expect(relaxed.status == 0)
        #expect(relaxed.stderr.contains("content/stories/cham-lo-tet.md:2:8: warning: the story names no movement"))
        #expect(relaxed.stderr.contains("content/stories/cham-lo-tet.md:7:1: warning: the image has no alt text"))
        #expect(try check(files, ["--strict"]).status == 1)
    }

    @Test func storyWithoutSummarySource() throws {
        let run = try check(story("## Chỉ có tiêu đề"))
        #expect(run.stderr.contains("content/stories/cham-lo-tet.md:2:8: error: no summary"))
    }

    @Test func contentErrorsOfTheBuildAreReportedToo() throws {
        let run = try check(["content/people/lo-thi-mai.md": "---\ntitle: \"Mai\"\nunit: \"  \"\n---\nA\n"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("content/people/lo-thi-mai.md:3:7: error: 'unit' is empty"))
    }

    @Test func githubActionsAnnotations() throws {
        let run = try check(story("Xem [bài](/stories/khong-co/)."), environment: ["GITHUB_ACTIONS": "true"])
        #expect(run.stdout.contains("::error file=content/stories/cham-lo-tet.md,line=6,col=5::link to /stories/khong-co/ leads nowhere"))
    }
}

@Suite struct LinkTargetTests {
    @Test(arguments: [
        ("/stories/a/", "/x/y/", "/stories/a/"), ("../b/", "/stories/a/", "/stories/b/"), ("c.jpg", "/stories/a/", "/stories/a/c.jpg"),
        ("/tags/t%C3%AA%CC%81t/?p=1#x", "/", "/tags/tết/"), ("/a/../../b", "/", "/b"),
    ])
    func resolves(_ url: String, _ base: String, _ expected: String) {
        #expect(LinkTarget.sitePath(url, from: base) == expected)
    }

    @Test(arguments: ["https://example.org/", "mailto:a@b.vn", "tel:0123", "#muc", "//cdn.example.org/x.js", ""])
    func leavesTheSiteOrThePage(_ url: String) {
        #expect(LinkTarget.sitePath(url, from: "/") == nil)
    }
}
