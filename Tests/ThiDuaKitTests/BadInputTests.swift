import Foundation
import Testing

/// Each kind of broken content: its message and position, exit status 1, and the previous
/// site left byte-for-byte as it was.
@Suite struct BadInputTests {
    /// Builds the good fixture once, breaks it, builds again through the CLI, and returns
    /// what the CLI printed after checking the exit status and the untouched output.
    private func failingBuild(_ broken: [String: String], bytes: [String: [UInt8]] = [:]) throws -> String {
        let site = try FixtureSite(Fixtures.site)
        let first = try CLI.run(["build", "--now", "2024-05-10"], in: site.root)
        #expect(first.status == 0, "the good fixture must build: \(first.stderr)")
        let before = try site.outputTree()
        #expect(!before.isEmpty)
        for (path, text) in broken { try site.write(path, text) }
        for (path, data) in bytes { try site.write(path, Data(data)) }
        let run = try CLI.run(["build", "--now", "2024-05-10"], in: site.root)
        #expect(run.status == 1)
        #expect(try site.outputTree() == before, "public/ must be left as it was")
        return run.stderr
    }

    @Test func unterminatedFrontMatter() throws {
        let stderr = try failingBuild(["content/stories/cham-lo-tet.md": "---\ntitle: \"A\"\ndate: 2024-02-01\nBody\n"])
        #expect(stderr.contains("content/stories/cham-lo-tet.md:1:1: error: front matter opened by '---' on line 1 is never closed"))
    }

    @Test func invalidYAML() throws {
        let stderr = try failingBuild(["content/stories/cham-lo-tet.md": "---\ntitle: \"A\"\ndate: [2024\n---\nBody\n"])
        #expect(stderr.contains("content/stories/cham-lo-tet.md:4:1: error: invalid YAML"))
    }

    @Test func missingTitle() throws {
        let stderr = try failingBuild(["content/people/lo-thi-mai.md": "---\nunit: \"CĐCS\"\n---\nBody\n"])
        #expect(stderr.contains("content/people/lo-thi-mai.md:2:1: error: missing required key 'title'"))
    }

    @Test func storyWithoutDate() throws {
        let stderr = try failingBuild(["content/stories/cham-lo-tet.md": "---\ntitle: \"Tin\"\n---\nBody\n"])
        #expect(stderr.contains("content/stories/cham-lo-tet.md:2:1: error: missing required key 'date'"))
    }

    @Test func impossibleDate() throws {
        let stderr = try failingBuild(["content/stories/cham-lo-tet.md": "---\ntitle: \"Tin\"\ndate: 2024-02-30\n---\nBody\n"])
        #expect(stderr.contains("content/stories/cham-lo-tet.md:3:7: error: 'date': '2024-02-30' is not a date that exists"))
    }

    @Test func unknownPhase() throws {
        let stderr = try failingBuild(["content/stories/cham-lo-tet.md": "---\ntitle: \"Tin\"\ndate: 2024-02-01\nphase: dot-9\n---\nBody\n"])
        #expect(stderr.contains("content/stories/cham-lo-tet.md:4:8: error: unknown phase 'dot-9'; timeline.yml has dot-1, dot-2"))
    }

    @Test func unknownMovement() throws {
        let stderr = try failingBuild(["content/people/lo-thi-mai.md": "---\ntitle: \"Mai\"\nunit: \"CĐCS\"\nmovement: khong-co\n---\nBody\n"])
        #expect(stderr.contains("content/people/lo-thi-mai.md:4:11: error: unknown movement 'khong-co'; movements.yml has lao-dong-gioi"))
    }

    @Test func wrongType() throws {
        let stderr = try failingBuild(["content/stories/cham-lo-tet.md": "---\ntitle: \"Tin\"\ndate: 2024-02-01\ntags: 5\n---\nBody\n"])
        #expect(stderr.contains("content/stories/cham-lo-tet.md:4:7: error: 'tags' must be a list, not '5'"))
    }

    @Test func notUTF8() throws {
        // "Tết" in Windows-1258-like single bytes: 0xD0 starts a two-byte UTF-8 sequence that
        // the next byte does not continue.
        let bytes: [UInt8] = Array("---\ntitle: \"T".utf8) + [0xD0, 0x20] + Array("\"\ndate: 2024-02-01\n---\n".utf8)
        let stderr = try failingBuild([:], bytes: ["content/stories/cham-lo-tet.md": bytes])
        #expect(stderr.contains("content/stories/cham-lo-tet.md:2:10: error: file is not UTF-8 text"))
    }

    @Test func twoItemsWithTheSameURL() throws {
        let stderr = try failingBuild(["content/stories/tet-2.md": "---\ntitle: \"Tin khác\"\ndate: 2024-02-02\nslug: cham-lo-tet\n---\nBody\n"])
        #expect(stderr.contains("content/stories/tet-2.md:4:7: error: URL /stories/cham-lo-tet/ is also the URL of content/stories/cham-lo-tet.md"))
    }

    @Test func phaseEndingBeforeItStarts() throws {
        let timeline = Fixtures.timelineYML.replacingOccurrences(of: "    end: 2024-06-30", with: "    end: 2023-06-30")
        let stderr = try failingBuild(["content/timeline.yml": timeline])
        #expect(stderr.contains("content/timeline.yml:10:10: error: phase 'dot-1' ends (2023-06-30) before it starts (2024-01-01)"))
    }

    @Test func everyErrorIsReportedAtOnce() throws {
        let stderr = try failingBuild([
            "content/stories/cham-lo-tet.md": "---\ntitle: \"Tin\"\ndate: 2024-13-01\n---\n",
            "content/people/lo-thi-mai.md": "---\ntitle: \"Mai\"\n---\n",
        ])
        #expect(stderr.contains("content/people/lo-thi-mai.md:2:1: error: missing required key 'unit'"))
        #expect(stderr.contains("content/stories/cham-lo-tet.md:3:7: error: 'date': '2024-13-01' is not a date that exists"))
        #expect(stderr.contains("2 errors; nothing was written"))
    }

    @Test func errorShowsTheLineWithACaret() throws {
        let stderr = try failingBuild(["content/stories/cham-lo-tet.md": "---\ntitle: \"Tin\"\ndate: 2024-02-01\ntags: 5\n---\nBody\n"])
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
