import Foundation
import Testing

/// Each kind of broken content: its message and position, exit status 1, and the previous
/// site left byte-for-byte as it was.
@Suite struct BadInputTests {
    @Test func unterminatedFrontMatter() throws {
        let stderr = try BrokenSite.failingBuild(["content/stories/cham-lo-tet.md": "---\ntitle: \"A\"\ndate: 2024-02-01\nBody\n"])
        #expect(stderr.contains("content/stories/cham-lo-tet.md:1:1: error: front matter opened by '---' on line 1 is never closed"))
    }

    @Test func invalidYAML() throws {
        let stderr = try BrokenSite.failingBuild(["content/stories/cham-lo-tet.md": "---\ntitle: \"A\"\ndate: [2024\n---\nBody\n"])
        #expect(stderr.contains("content/stories/cham-lo-tet.md:4:1: error: invalid YAML"))
    }

    @Test func missingTitle() throws {
        let stderr = try BrokenSite.failingBuild(["content/people/lo-thi-mai.md": "---\nunit: \"CĐCS\"\n---\nBody\n"])
        #expect(stderr.contains("content/people/lo-thi-mai.md:2:1: error: missing required key 'title'"))
    }

    @Test func storyWithoutDate() throws {
        let stderr = try BrokenSite.failingBuild(["content/stories/cham-lo-tet.md": "---\ntitle: \"Tin\"\n---\nBody\n"])
        #expect(stderr.contains("content/stories/cham-lo-tet.md:2:1: error: missing required key 'date'"))
    }

    @Test func impossibleDate() throws {
        let stderr = try BrokenSite.failingBuild(["content/stories/cham-lo-tet.md": "---\ntitle: \"Tin\"\ndate: 2024-02-30\n---\nBody\n"])
        #expect(stderr.contains("content/stories/cham-lo-tet.md:3:7: error: 'date': '2024-02-30' is not a date that exists"))
    }

    @Test func unknownPhase() throws {
        let stderr = try BrokenSite.failingBuild(["content/stories/cham-lo-tet.md": "---\ntitle: \"Tin\"\ndate: 2024-02-01\nphase: dot-9\n---\nBody\n"])
        #expect(stderr.contains("content/stories/cham-lo-tet.md:4:8: error: unknown phase 'dot-9'; timeline.yml has dot-1, dot-2"))
    }

    @Test func unknownMovement() throws {
        let stderr = try BrokenSite.failingBuild(["content/people/lo-thi-mai.md": "---\ntitle: \"Mai\"\nunit: \"CĐCS\"\nmovement: khong-co\n---\nBody\n"])
        #expect(stderr.contains("content/people/lo-thi-mai.md:4:11: error: unknown movement 'khong-co'; movements.yml has lao-dong-gioi"))
    }

    @Test func wrongType() throws {
        let stderr = try BrokenSite.failingBuild(["content/stories/cham-lo-tet.md": "---\ntitle: \"Tin\"\ndate: 2024-02-01\ntags: 5\n---\nBody\n"])
        #expect(stderr.contains("content/stories/cham-lo-tet.md:4:7: error: 'tags' must be a list, not '5'"))
    }

    @Test func notUTF8() throws {
        // "Tết" in Windows-1258-like single bytes: 0xD0 starts a two-byte UTF-8 sequence that
        // the next byte does not continue.
        let bytes: [UInt8] = Array("---\ntitle: \"T".utf8) + [0xD0, 0x20] + Array("\"\ndate: 2024-02-01\n---\n".utf8)
        let stderr = try BrokenSite.failingBuild([:], bytes: ["content/stories/cham-lo-tet.md": bytes])
        #expect(stderr.contains("content/stories/cham-lo-tet.md:2:10: error: file is not UTF-8 text"))
    }

    @Test func twoItemsWithTheSameURL() throws {
        let stderr = try BrokenSite.failingBuild(["content/stories/tet-2.md": "---\ntitle: \"Tin khác\"\ndate: 2024-02-02\nslug: cham-lo-tet\n---\nBody\n"])
        #expect(stderr.contains("content/stories/tet-2.md:4:7: error: URL /stories/cham-lo-tet/ is also the URL of content/stories/cham-lo-tet.md"))
    }

    @Test func phaseEndingBeforeItStarts() throws {
        let timeline = Fixtures.timelineYML.replacingOccurrences(of: "    end: 2024-06-30", with: "    end: 2023-06-30")
        let stderr = try BrokenSite.failingBuild(["content/timeline.yml": timeline])
        #expect(stderr.contains("content/timeline.yml:10:10: error: phase 'dot-1' ends (2023-06-30) before it starts (2024-01-01)"))
    }

    /// Every wrong key of a data file in one build, each at its line and column, under its
    /// place in the file (`phases[1].end`).
    @Test func everyWrongKeyOfTheTimelineIsReportedAtOnce() throws {
        let timeline = """
        campaign:
          title: "Phong trào 2024"
          start: 2024-13-01
          end: 2024-12-31
        phases:
          - id: dot-1
            start: 2024-01-01
            end: 2024-06-30
          - id: dot-2
            title: "Về đích"
            start: 2024-07-01
            end: [2024-12-31]
        events:
          - date: 2024-07-28
            title: "Ngày thành lập Công đoàn Việt Nam"
            since: "năm xưa"

        """
        let stderr = try BrokenSite.failingBuild(["content/timeline.yml": timeline])
        #expect(stderr.contains("content/timeline.yml:3:10: error: 'campaign.start': '2024-13-01' is not a date that exists; write it as YYYY-MM-DD"))
        #expect(stderr.contains("content/timeline.yml:6:5: error: missing required key 'phases[1].title' (phase 1)"))
        #expect(stderr.contains("content/timeline.yml:12:10: error: 'phases[2].end' must be a date (YYYY-MM-DD), not a list (phase 2)"))
        #expect(stderr.contains("content/timeline.yml:16:12: error: 'events[1].since': 'năm xưa' is neither a date (YYYY-MM-DD) nor a year (YYYY)"))
        #expect(stderr.contains("4 errors; nothing was written"))
    }

    /// A date that cannot be read does not hide what else is wrong with the timeline; the
    /// dates that could be read are still compared.
    @Test func aBadDateDoesNotHideADuplicatedPhase() throws {
        let timeline = Fixtures.timelineYML
            .replacingOccurrences(of: "  - id: dot-2", with: "  - id: dot-1")
            .replacingOccurrences(of: "    start: 2024-07-01", with: "    start: 2024-07-32")
            .replacingOccurrences(of: "    end: 2024-06-30", with: "    end: 2023-06-30")
        let stderr = try BrokenSite.failingBuild(["content/timeline.yml": timeline])
        #expect(stderr.contains("content/timeline.yml:13:12: error: 'phases[2].start': '2024-07-32' is not a date that exists"))
        #expect(stderr.contains("content/timeline.yml:11:9: error: phase id 'dot-1' is used twice"))
        #expect(stderr.contains("content/timeline.yml:10:10: error: phase 'dot-1' ends (2023-06-30) before it starts (2024-01-01)"))
        #expect(stderr.contains("3 errors; nothing was written"))
    }

    /// An empty value reads "empty", and a quoted "null" is text, not an empty value.
    @Test func emptyAndQuotedNullValues() throws {
        let movements = "- id: lao-dong-gioi\n  title: \"null\"\n- \n"
        let stderr = try BrokenSite.failingBuild(["content/movements.yml": movements])
        #expect(stderr.contains("content/movements.yml:3:2: error: 'movements[2]' must be keys with values, not empty (movement 2)"))
        #expect(stderr.contains("1 error; nothing was written"))
    }

    @Test func everyWrongKeyOfTheSiteFileIsReportedAtOnce() throws {
        let site = """
        title: "Thi đua thử"
        baseURL: "https://example.org/"
        paginate: "mười"
        menu:
          - {title: "Trang chủ"}
        feed: {content: all}
        permalinks: {stories: "/tin/"}

        """
        let stderr = try BrokenSite.failingBuild(["content/site.yml": site])
        #expect(stderr.contains("content/site.yml:3:11: error: 'paginate' must be a whole number, not 'mười'"))
        #expect(stderr.contains("content/site.yml:5:5: error: missing required key 'menu[1].url' (menu item 1)"))
        #expect(stderr.contains("content/site.yml:6:17: error: 'feed.content': 'all' is neither full (whole stories) nor summary"))
        #expect(stderr.contains("content/site.yml:7:23: error: permalink '/tin/' must start and end with '/' and contain ':slug'"))
        #expect(stderr.contains("4 errors; nothing was written"))
    }

    @Test func everyWrongMovementIsReportedAtOnce() throws {
        let movements = """
        - id: lao-dong-gioi
          title: "Lao động giỏi"
        - id: "Sáng tạo"
          title: "Sáng tạo"
        - id: an-toan
        - "không phải một phong trào"

        """
        let stderr = try BrokenSite.failingBuild(["content/movements.yml": movements])
        #expect(stderr.contains("content/movements.yml:3:7: error: movement id 'Sáng tạo' must be lower-case letters, digits and hyphens, like 'sang-tao'"))
        #expect(stderr.contains("content/movements.yml:5:3: error: missing required key 'movements[3].title' (movement 3)"))
        #expect(stderr.contains("content/movements.yml:6:3: error: 'movements[4]' must be keys with values, not 'không phải một phong trào' (movement 4)"))
        #expect(stderr.contains("3 errors; nothing was written"))
    }

    @Test func everyErrorIsReportedAtOnce() throws {
        let stderr = try BrokenSite.failingBuild([
            "content/stories/cham-lo-tet.md": "---\ntitle: \"Tin\"\ndate: 2024-13-01\n---\n",
            "content/people/lo-thi-mai.md": "---\ntitle: \"Mai\"\n---\n",
        ])
        #expect(stderr.contains("content/people/lo-thi-mai.md:2:1: error: missing required key 'unit'"))
        #expect(stderr.contains("content/stories/cham-lo-tet.md:3:7: error: 'date': '2024-13-01' is not a date that exists"))
        #expect(stderr.contains("2 errors; nothing was written"))
    }

    @Test func errorShowsTheLineWithACaret() throws {
        let stderr = try BrokenSite.failingBuild(["content/stories/cham-lo-tet.md": "---\ntitle: \"Tin\"\ndate: 2024-02-01\ntags: 5\n---\nBody\n"])
        #expect(stderr.contains("  tags: 5\n        ^\n"))
    }

    @Test func usageErrorsExitWithTwo() throws {
        let site = try FixtureSite(Fixtures.site)
        let badDate = try CLI.run(["build", "--now", "2024-02-30"], in: site.root)
        #expect(badDate.status == 2)
        #expect(badDate.stderr.contains("--now must be a real day"))
        let unknownFlag = try CLI.run(["build", "--frobnicate"], in: site.root)
        #expect(unknownFlag.status == 2)
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }
}

/// Old URLs (`aliases:`) must be paths on the site and must not take a URL in use.
@Suite struct AliasInputTests {
    @Test func aliasThatIsNotASitePath() async throws {
        let site = try FixtureSite(Fixtures.site(with: [
            "content/pages/gioi-thieu.md": "---\ntitle: \"Giới thiệu\"\naliases: [\"https://khac.vn/a\"]\n---\nA\n",
        ]))
        await #expect { try await site.build() } throws: { error in
            "\(error)".contains("content/pages/gioi-thieu.md:3:10: error: alias 'https://khac.vn/a' must be a path on this site")
        }
    }

    @Test func aliasThatTakesAnotherItemsURL() async throws {
        let site = try FixtureSite(Fixtures.site(with: [
            "content/pages/gioi-thieu.md": "---\ntitle: \"Giới thiệu\"\naliases: [\"/stories/cham-lo-tet/\"]\n---\nA\n",
        ]))
        await #expect { try await site.build() } throws: { error in
            "\(error)".contains("content/pages/gioi-thieu.md:3:10: error: alias /stories/cham-lo-tet/ is already the URL of content/stories/cham-lo-tet.md")
        }
    }
}
