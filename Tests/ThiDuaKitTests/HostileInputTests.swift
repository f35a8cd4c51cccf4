import Foundation
import Testing
@testable import ThiDuaKit

/// Input made to hurt the build, or that a careless copy can produce: each is refused with
/// its place and a reason, quickly, and the previous site is left as it was.
@Suite struct HostileInputTests {
    /// Eight levels of nine aliases: 9^8 = 43 million values from forty lines.
    static let bomb: String = {
        var lines = ["l0: &l0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]"]
        for level in 1...8 {
            let aliases = Array(repeating: "*l\(level - 1)", count: 9).joined(separator: ", ")
            lines.append("l\(level): &l\(level) [\(aliases)]")
        }
        return lines.joined(separator: "\n")
    }()

    @Test func anAliasBombInFrontMatterIsRefusedAtTheAliasThatCrossesTheLimit() throws {
        let story = "---\ntitle: \"Tin\"\ndate: 2024-02-01\n\(Self.bomb)\n---\nBody\n"
        let stderr = try BrokenSite.failingBuild(["content/stories/cham-lo-tet.md": story])
        #expect(stderr.contains("content/stories/cham-lo-tet.md:8:"), "\(stderr)")
        #expect(stderr.contains("error: with its aliases (*name) written out this YAML would hold more than 10000 values"))
    }

    @Test func anAliasBombInADataFileIsRefused() throws {
        let stderr = try BrokenSite.failingBuild(["content/movements.yml": Self.bomb + "\n"])
        #expect(stderr.contains("content/movements.yml:"), "\(stderr)")
        #expect(stderr.contains("would hold more than 10000 values"))
    }

    /// Yams hashes mapping keys whole: a bomb used as keys must be caught before it builds them.
    @Test func aliasesUsedAsKeysAreCountedToo() {
        let keys = Self.bomb + "\nmap:\n  ? *l8\n  : x\n  ? *l7\n  : y\n"
        #expect(YAMLSize.excess(in: keys) != nil)
    }

    @Test func aSmallAnchorIsAllowed() async throws {
        let story = "---\ntitle: \"Tin\"\ndate: 2024-02-01\ndonvi: &dv \"CĐCS Trường Tiểu học\"\nnoidung: *dv\nds: &ds [a, b, c]\nlai: *ds\n---\nBody\n"
        let site = try FixtureSite(Fixtures.site.merging(["content/stories/cham-lo-tet.md": story]) { $1 })
        _ = try await site.build()
        #expect(YAMLSize.excess(in: story) == nil)
    }

    /// Root, key, list and its items: a list of n numbers under one key is n + 3 values.
    @Test func aDocumentOfMoreValuesThanTheLimitIsRefusedAtTheValueThatCrossesIt() {
        let list = "title: x\nk: [" + Array(repeating: "1", count: 20).joined(separator: ", ") + "]\n"
        #expect(YAMLSize.excess(in: list, valueLimit: 25) == nil)
        #expect(YAMLSize.excess(in: list, valueLimit: 24) == .values(line: 2, column: 62))
        #expect(YAMLSize.excess(in: list, valueLimit: 10) == .values(line: 2, column: 20))
    }

    @Test func aLongListInSiteYMLIsRefusedQuickly() throws {
        let site = Fixtures.site["content/site.yml"] ?? ""
        let stderr = try BrokenSite.failingBuild(["content/site.yml": site + "\nsố: [" + String(repeating: "1,", count: 60_000) + "1]\n"])
        #expect(stderr.contains("content/site.yml:"), "\(stderr)")
        #expect(stderr.contains("error: this YAML holds more than 50000 values, and thidua reads no more from one file"))
        // The line is shown around the place, not from its start with 100,000 spaces after.
        let shown = stderr.split(separator: "\n").drop { !$0.contains("error: this YAML") }.dropFirst().prefix(2)
        #expect(shown.first?.hasPrefix("  …1,1,1") == true && shown.allSatisfy { $0.count < 220 }, "\(shown)")
        #expect(shown.last?.hasSuffix("^") == true, "\(shown)")
        #expect(stderr.utf8.count < 2_000, "\(stderr.utf8.count) bytes of messages")
    }

    @Test func listsNestedTooDeepAreRefusedInWordsAnEditorReads() {
        func nested(_ depth: Int) -> String { "deep: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n" }
        guard case .failure(let problem) = YAMLDocument.compose(nested(2000), path: "content/site.yml") else {
            Issue.record("2000 levels must be refused")
            return
        }
        #expect(problem.message.hasPrefix("invalid YAML: lists and mappings are nested here deeper than YAML is read to"), "\(problem.message)")
        #expect(problem.position.line == 1)
        #expect((try? YAMLDocument.compose(nested(500), path: "content/site.yml").get()) != nil)
    }

    @Test func theLimitCountsValuesWithTheirAliasesWrittenOut() {
        // Each *a stands for the list and its 3 items: 3 more values each, 9 in all.
        let yaml = "a: &a [1, 2, 3]\nb: [*a, *a, *a]\n"
        #expect(YAMLSize.excess(in: yaml, aliasLimit: 9) == nil)
        #expect(YAMLSize.excess(in: yaml, aliasLimit: 8) == .aliases(line: 2, column: 13))
        #expect(YAMLSize.excess(in: "a: \"no * alias here\"\nb: [1, 2]\n", aliasLimit: 1) == nil, "a star in text is no alias")
    }
}

/// Files too large to be anything but a mistake are refused before they are read.
@Suite struct SizeLimitTests {
    @Test func aBodyOfMoreMarkdownStructureThanTheLimitIsRefusedAtItsLine() throws {
        let stderr = try BrokenSite.failingBuild(["content/stories/dong.md": "---\ntitle: \"Dòng\"\ndate: 2024-02-01\n---\n"
                                                  + String(repeating: "a\n", count: 200_001)])
        #expect(stderr.contains("content/stories/dong.md:200005:1: error: the text has more than 200000 characters of Markdown structure by here"), "\(stderr.prefix(500))")
    }

    @Test func structureIsCountedNotText() {
        #expect(MarkdownSize.excess(in: String(repeating: "Công đoàn cơ sở. ", count: 1_000), limit: 10) == nil)
        // * * [ ] and the line break, 1. and the line break, 2) and the line break: nine.
        #expect(MarkdownSize.excess(in: "a *b* [c](d)\n1. e\n2) f\n", limit: 8) == 3)
        #expect(MarkdownSize.excess(in: "a *b* [c](d)\n1. e\n2) f\n", limit: 9) == nil)
    }

    private static let siteYML = Fixtures.site["content/site.yml"] ?? ""

    @Test func aMarkdownFileOverTheDefaultLimitIsNotRead() throws {
        let paragraph = String(repeating: "Công đoàn cơ sở thi đua lao động giỏi. ", count: 180_000)
        let story = "---\ntitle: \"Lớn\"\ndate: 2024-02-01\n---\n" + paragraph
        #expect(story.utf8.count > 8_000_000 && story.utf8.count < 9_500_000)
        let stderr = try BrokenSite.failingBuild(["content/stories/qua-lon.md": story])
        #expect(stderr.contains("content/stories/qua-lon.md:1:1: error: is 9"), "\(stderr)")
        #expect(stderr.contains("MB, larger than the 8 MB thidua reads of Markdown and YAML files"))
    }

    @Test func theLimitsAreSetInSiteYML() throws {
        let stderr = try BrokenSite.failingBuild([
            "content/site.yml": Self.siteYML + "\nlimits:\n  text: 1\n  media: 1\n",
            "content/stories/hai-trieu.md": "---\ntitle: \"Vừa\"\ndate: 2024-02-01\n---\n" + String(repeating: "a", count: 1_500_000),
            "content/media/video.mp4": String(repeating: "v", count: 1_200_000),
        ])
        #expect(stderr.contains("content/stories/hai-trieu.md:1:1: error: is 1.5 MB, larger than the 1 MB thidua reads of Markdown and YAML files"), "\(stderr)")
        #expect(stderr.contains("content/media/video.mp4:1:1: error: is 1.2 MB, larger than the 1 MB thidua reads of media files"))
        #expect(stderr.contains("raise 'limits: media:' in site.yml"))
    }

    @Test func aLimitBelowOneMegabyteIsAnError() throws {
        let stderr = try BrokenSite.failingBuild(["content/site.yml": Self.siteYML + "\nlimits:\n  text: 0\n"])
        #expect(stderr.contains("'limits.text' must be at least 1 (megabytes)"), "\(stderr)")
    }
}

/// What lies in a collection's folder besides files: links, pipes, folders named like stories.
@Suite struct OddFileTests {
    /// Builds the fixture, lets `change` add something odd, builds again: the stderr of a
    /// build that must fail, with `public/` as it was.
    private func failing(_ change: (borrowing FixtureSite) throws -> Void) throws -> String {
        let site = try FixtureSite(Fixtures.site)
        #expect(try CLI.run(["build", "--now", "2024-05-10"], in: site.root).status == 0)
        let before = try site.outputTree()
        try change(site)
        let run = try CLI.run(["build", "--now", "2024-05-10"], in: site.root)
        #expect(run.status == 1)
        #expect(try site.outputTree() == before, "public/ must be left as it was")
        return run.stderr
    }

    private func link(_ site: borrowing FixtureSite, _ path: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: site.root.appendingPathComponent(path).path, withDestinationPath: target)
    }

    @Test func aLinkToAFileInsideContentIsReadAsAStory() async throws {
        let site = try FixtureSite(Fixtures.site.merging(["content/extra/tin.md": "---\ntitle: \"Tin mượn\"\ndate: 2024-02-03\n---\nNội dung.\n"]) { $1 })
        try link(site, "content/stories/tin.md", to: "../extra/tin.md")
        let summary = try await site.build()
        #expect(try site.outputTree()["stories/tin/index.html"] != nil)
        #expect(summary.warnings.isEmpty, "the file the link leads to is read: \(summary.warnings)")
    }

    @Test func aFileNoCollectionReadsIsAWarningAndTheSiteIsStillBuilt() throws {
        let site = try FixtureSite(Fixtures.site.merging([
            "content/stories/notes.txt": "ghi chú",
            "content/ghi-chu.txt": "ghi chú",
            "content/anh/le-hoi.jpg": "not a photo",
        ]) { $1 })
        let first = try CLI.run(["build", "--now", "2024-05-10"], in: site.root)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("content/stories/notes.txt:1:1: warning: is not read by the build, so it is not published (stories are the .md files of content/stories/)"), "\(first.stderr)")
        #expect(first.stderr.contains("content/ghi-chu.txt:1:1: warning: is not read by the build"))
        #expect(first.stderr.contains("content/anh/le-hoi.jpg:1:1: warning: is not read by the build"))
        #expect(!first.stderr.contains("  ghi chú"), "a file thidua does not read has no line to show")
        #expect(try site.outputTree()["index.html"] != nil)
        // Skipped as unchanged, the build still says so: the file is still there.
        let second = try CLI.run(["build", "--now", "2024-05-10"], in: site.root)
        #expect(second.status == 0 && second.stderr.contains("(0 written"), "\(second.stderr)")
        #expect(second.stderr.contains("content/stories/notes.txt:1:1: warning:"), "\(second.stderr)")
        let check = try CLI.run(["check", "--now", "2024-05-10", "--strict"], in: site.root)
        #expect(check.status == 1 && check.stderr.contains("content/ghi-chu.txt:1:1: warning:"), "\(check.stderr)")
    }

    @Test func serveWarnsOfAFileNoCollectionReadsOnItsFullBuild() async throws {
        let site = try FixtureSite(Fixtures.site.merging(["content/stories/notes.txt": "ghi chú"]) { $1 })
        var live = LiveSite(root: site.root, output: site.output, options: BuildOptions(now: CalendarDate(iso: "2024-05-10")!))
        _ = try await live.rebuild(changed: nil)
        #expect(live.lastSite?.warnings.map(\.path) == ["content/stories/notes.txt"])
    }

    @Test func aLinkOutsideTheSiteIsAnError() throws {
        let stderr = try failing { try link($0, "content/stories/ngoai.md", to: "/etc/hostname") }
        #expect(stderr.contains("content/stories/ngoai.md:1:1: error: is a link to /etc/hostname, outside the site's content/"), "\(stderr)")
    }

    @Test func aLinkLoopIsAnError() throws {
        let stderr = try failing { try link($0, "content/stories/vong.md", to: "vong.md") }
        #expect(stderr.contains("content/stories/vong.md:1:1: error: is a link that leads round in a loop"), "\(stderr)")
    }

    @Test func aFIFONamedLikeAStoryIsAnErrorAndDoesNotHang() throws {
        let stderr = try failing { site in
            #expect(mkfifo(site.root.appendingPathComponent("content/stories/x.md").path, 0o644) == 0)
        }
        #expect(stderr.contains("content/stories/x.md:1:1: error: is a FIFO (named pipe), not a file"), "\(stderr)")
    }

    /// Root reads any file whatever its mode, so as root the build runs as `nobody`, from a
    /// copy of thidua that `nobody` may run, in a site it may write to.
    @Test func aFileThatCannotBeReadIsAnErrorNamingIt() throws {
        let site = try FixtureSite(Fixtures.site)
        #expect(try CLI.run(["build", "--now", "2024-05-10"], in: site.root).status == 0)
        let before = try site.outputTree()
        let build = ["build", "--now", "2024-05-10"]
        var program = CLI.executable.path, arguments = build
        if geteuid() == 0 {
            let bin = site.root.appendingPathComponent("bin")
            try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
            let built = CLI.executable.deletingLastPathComponent()
            for name in ["thidua", "thidua_ThiDuaKit.resources"] {
                try FileManager.default.copyItem(at: built.appendingPathComponent(name), to: bin.appendingPathComponent(name))
            }
            #expect(try CLI.run(URL(fileURLWithPath: "/bin/chmod"), ["-R", "a+rwX", site.root.path], in: site.root).status == 0)
            program = "/usr/bin/setpriv"
            arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", bin.appendingPathComponent("thidua").path] + build
        }
        #expect(chmod(site.root.appendingPathComponent("content/stories/cham-lo-tet.md").path, 0) == 0)
        let run = try CLI.run(URL(fileURLWithPath: program), arguments, in: site.root,
                              environment: ProcessInfo.processInfo.environment.merging(["NO_COLOR": "1"]) { $1 })
        #expect(run.status == 1)
        #expect(run.stderr.contains("content/stories/cham-lo-tet.md:1:1: error: cannot read file: Permission denied"), "\(run.stderr)")
        #expect(try site.outputTree() == before, "public/ must be left as it was")
    }

    @Test func aFolderNamedLikeAStoryIsAnError() throws {
        let stderr = try failing { try $0.write("content/stories/thu-muc.md/ghi-chu.txt", "x") }
        #expect(stderr.contains("content/stories/thu-muc.md:1:1: error: is a folder, but its name ends in .md like a story's file"), "\(stderr)")
    }
}

/// Slugs written to climb out of `stories/` or to land on the theme's files are made into
/// plain slugs: every story stays a folder of `stories/`, and nothing outside `public/` is
/// written. One with no words left is an error.
@Suite struct PathTraversalTests {
    static let slugs = ["/etc/x", "..%2F..%2Fetc%2Fpasswd", "assets/style.css", "../index",
                        "media/logo.png", "%2e%2e/%2e%2e/x", "..\\..\\windows"]

    private static func story(_ number: Int, slug: String) -> String {
        "---\ntitle: \"Tin số \(number)\"\ndate: 2024-03-0\(number + 1)\nslug: '\(slug)'\n---\nNội dung.\n"
    }

    @Test func hostileSlugsStayInsideStories() async throws {
        var files = Fixtures.site
        for (number, slug) in Self.slugs.enumerated() { files["content/stories/tin-\(number).md"] = Self.story(number, slug: slug) }
        let site = try FixtureSite(files)
        let outside = Set(try Tree.read(site.root).keys)
        _ = try await site.build()
        let tree = try site.outputTree()
        let storyPages = tree.filter { path, bytes in
            path.hasSuffix("index.html") && String(decoding: bytes, as: UTF8.self).contains("<title>Tin số ")
        }.keys.sorted()
        // Percent escapes are kept as text, not decoded into a slash.
        #expect(storyPages == ["stories/2e-2e-2e-2e-x/index.html", "stories/2f-2fetc-2fpasswd/index.html",
                               "stories/assets-style-css/index.html", "stories/etc-x/index.html", "stories/index/index.html",
                               "stories/media-logo-png/index.html", "stories/windows/index.html"])
        let css = try #require(tree["assets/style.css"], "the theme's style sheet is published")
        #expect(!String(decoding: css, as: UTF8.self).contains("<title>"), "no story lands on the theme's files")
        let after = Set(try Tree.read(site.root).keys.filter { !$0.hasPrefix("public/") && !$0.hasPrefix(".thidua-cache/") })
        #expect(after == outside, "nothing is written outside public/ but the cache: \(after.subtracting(outside))")
    }

    @Test func aSlugWithNoWordsLeftIsAnError() throws {
        let stderr = try BrokenSite.failingBuild(["content/stories/tin.md": Self.story(1, slug: "../../..")])
        #expect(stderr.contains("content/stories/tin.md:4:7: error: cannot make a URL from '../../..'; set 'slug:' to a few words"), "\(stderr)")
    }
}
