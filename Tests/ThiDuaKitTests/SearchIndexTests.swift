import Foundation
import Testing
@testable import ThiDuaKit

/// The assembled site of a fixture, as the build hands it to `SearchIndex`.
private func assembledSite(_ files: [String: String], now: String = "2024-05-10") async throws -> Site {
    let fixture = try FixtureSite(files)
    var clock = StageClock()
    let options = BuildOptions(now: CalendarDate(iso: now)!)
    return try await Builder(.init(source: fixture.root, output: fixture.output, options: options)).assemble(clock: &clock)
}

/// The index as path → text, and its token files decoded.
private struct BuiltIndex {
    let files: [String: String]

    init(_ site: Site) {
        files = Dictionary(uniqueKeysWithValues: SearchIndex.files(for: site).map { ($0.path, $0.contents) })
    }

    func json(_ path: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(try #require(files[path], "no \(path)").utf8))
    }

    /// Exact form → field → document numbers, for the folded `key`.
    func postings(_ key: String) throws -> [String: [String: [Int32]]] {
        let path = "search/t/\(SearchIndex.fileName(forKey: key)).json"
        guard files[path] != nil else { return [:] }
        let entry = try #require(try json(path) as? [String: [String: String]])
        return entry.mapValues { $0.mapValues(SearchIndex.DocumentSet.decode) }
    }

    /// Every document number filed under `key`, whatever the form and field.
    func documents(_ key: String) throws -> Set<Int32> {
        Set(try postings(key).values.flatMap { $0.values.flatMap { $0 } })
    }

    /// Rows of every metadata chunk, in document order.
    func rows() throws -> [[String]] {
        let meta = try #require(try json("search/meta.json") as? [String: Any])
        let docs = try #require(meta["docs"] as? Int), chunk = try #require(meta["chunk"] as? Int)
        var rows: [[String]] = []
        for number in 0..<((docs + chunk - 1) / chunk) {
            rows += try #require(try json("search/d/\(number).json") as? [[String]])
        }
        return rows
    }

    func number(ofURL url: String) throws -> Int32 {
        Int32(try #require(try rows().firstIndex { $0[0] == url }, "\(url) is not indexed"))
    }
}

@Suite struct SearchTokenTests {
    @Test func wordsAreLowerCaseComposedAndCutAtPunctuation() {
        #expect(SearchIndex.Tokenizer.tokens(in: "Đoàn viên, người lao động: “an toàn” — 100.000₫!")
                == ["đoàn", "viên", "người", "lao", "động", "an", "toàn", "100", "000"])
        // Decomposed input (o + combining grave) is indexed as readers type it.
        #expect(SearchIndex.Tokenizer.tokens(in: "Đoa\u{0300}n") == ["đoàn"])
        #expect(SearchIndex.Tokenizer.tokens(in: "") == [])
    }

    @Test func foldedKeysNameTheirFiles() {
        #expect(Folding.fold("Đoàn") == "doan")
        #expect(SearchIndex.fileName(forKey: "doan") == "doan")
        #expect(SearchIndex.fileName(forKey: "2024") == "2024")
        #expect(SearchIndex.fileName(forKey: "日") == "_e697a5")
    }

    @Test func documentSetsRoundTripInBothEncodings() {
        let sparse: [Int32] = [0, 5, 31, 32, 33, 1000, 40_000]
        let dense = (0..<600).map(Int32.init).filter { $0 % 7 != 3 }
        #expect(!SearchIndex.DocumentSet.encode(sparse).hasPrefix("~"))
        #expect(SearchIndex.DocumentSet.encode(dense).hasPrefix("~"))
        for numbers in [sparse, dense, [7], []] {
            #expect(SearchIndex.DocumentSet.decode(SearchIndex.DocumentSet.encode(numbers)) == numbers)
        }
        // A run of consecutive documents costs one character each.
        #expect(SearchIndex.DocumentSet.encode([10, 11, 12, 13]) == "KAAA")
    }

    @Test func plainTextOfBodyDropsTagsAndEntities() {
        let html = "<h2 id=\"ket-qua\">Kết quả</h2>\n<p>Tổ &quot;nữ công&quot; &amp; <em>đoàn viên</em></p>\n<!-- raw HTML omitted -->"
        #expect(SearchIndex.PlainText.fromHTML(html) == "Kết quả Tổ nữ công đoàn viên")
    }

    @Test func snippetsAreCutAtAWord() {
        let text = String(repeating: "đoàn viên, ", count: 40)
        let snippet = SearchIndex.Snippet.make(text, limit: 160)
        #expect(snippet.count <= 160)
        #expect(snippet.hasSuffix("viên…") || snippet.hasSuffix("đoàn…"))
        #expect(SearchIndex.Snippet.make("  ngắn\n gọn ", limit: 160) == "ngắn gọn")
    }
}

@Suite struct SearchIndexTests {
    static let files = Fixtures.site(with: [
        "content/stories/doan-vien.md": """
        ---
        title: "Đoàn viên xã Dào San nhận quà"
        date: 2024-03-01
        summary: "Quà cho đoàn viên."
        ---
        Nội dung.

        """,
        "content/stories/doan-viec.md": """
        ---
        title: "Bài thứ ba"
        date: 2024-03-02
        tags: ["an toàn lao động"]
        ---
        Mở đầu.

        Ông Đoàn Văn Viện đoán việc **an toàn**.

        """,
        "content/stories/nhap.md": "---\ntitle: \"NHAP zq7\"\ndate: 2024-02-01\ndraft: true\n---\nBODYNHAP\n",
        "content/stories/tuong-lai.md": "---\ntitle: \"TUONGLAI zq7\"\ndate: 2024-09-01\n---\nBODYTUONGLAI\n",
        "content/stories/het-han.md": "---\ntitle: \"HETHAN zq7\"\ndate: 2024-02-01\nexpiryDate: 2024-03-01\n---\nBODYHETHAN\n",
    ])

    @Test func accentedAndPlainFormsShareAKeyButStayApart() async throws {
        let index = BuiltIndex(try await assembledSite(Self.files))
        let doan = try index.postings("doan")
        let first = try index.number(ofURL: "/stories/doan-vien/")
        let third = try index.number(ofURL: "/stories/doan-viec/")
        let tet = try index.number(ofURL: "/stories/cham-lo-tet/")
        #expect(doan["đoàn"]?["t"] == [first], "a title word is filed under the title")
        #expect(doan["đoàn"]?["b"] == [third])
        #expect(doan["đoán"]?["b"] == [third])
        // "đoàn viên" is a tag of the fixture story: filed with the meta fields.
        #expect(doan["đoàn"]?["m"] == [tet])
        #expect(Set(doan.keys) == ["đoàn", "đoán"])
        #expect(try index.postings("vien").keys.sorted() == ["viên", "viện"])
        #expect(try index.postings("viec")["việc"]?["b"] == [third])
        // Both words of "doan vien" are in these three documents, accented or not.
        #expect(try index.documents("doan").intersection(try index.documents("vien")) == [first, third, tet])
        // Tags and body: an toàn lao động.
        #expect(try index.documents("toan").contains(third))
    }

    @Test func documentsCarryTitleDateSnippetInSiteOrder() async throws {
        let index = BuiltIndex(try await assembledSite(Self.files))
        let rows = try index.rows()
        // Stories newest first, then people, milestones, pages.
        #expect(rows.map { $0[0] } == [
            "/stories/doan-viec/", "/stories/doan-vien/", "/stories/cham-lo-tet/",
            "/people/lo-thi-mai/", "/milestones/thanh-lap-dang/", "/gioi-thieu/",
        ])
        #expect(rows[1] == ["/stories/doan-vien/", "Đoàn viên xã Dào San nhận quà", "stories", "2024-03-01", "01/03/2024", "Quà cho đoàn viên."])
        #expect(rows[0][5] == "Mở đầu.", "without a summary, the first paragraph")
        #expect(rows[3][3] == "", "a person without a date")
        #expect(rows[5][2] == "pages")
        let meta = try #require(try index.json("search/meta.json") as? [String: Any])
        #expect(meta["docs"] as? Int == 6)
        #expect(meta["version"] as? Int == 1)
        #expect((meta["stamp"] as? String)?.count == 16)
    }

    @Test func onlyPublishedItemsAreIndexed() async throws {
        let index = BuiltIndex(try await assembledSite(Self.files))
        for key in ["zq7", "nhap", "bodynhap", "tuonglai", "bodytuonglai", "hethan", "bodyhethan"] {
            #expect(try index.postings(key).isEmpty, "\(key) is indexed")
        }
        let everything = index.files.values.joined()
        for marker in ["zq7", "NHAP", "TUONGLAI", "HETHAN"] {
            #expect(!everything.contains(marker), "\(marker) leaked into the index")
        }
    }

    @Test func sameSiteGivesByteIdenticalFiles() async throws {
        let first = SearchIndex.files(for: try await assembledSite(Self.files))
        let second = SearchIndex.files(for: try await assembledSite(Self.files))
        #expect(first == second)
        #expect(Set(first.map(\.path)).count == first.count)
        #expect(first.allSatisfy { $0.path.hasPrefix("search/") && $0.path.hasSuffix(".json") })
    }

    @Test func stampChangesWithTheContent() async throws {
        func stamp(_ files: [String: String]) async throws -> String? {
            let index = BuiltIndex(try await assembledSite(files))
            return (try index.json("search/meta.json") as? [String: Any])?["stamp"] as? String
        }
        let before = try await stamp(Self.files)
        let after = try await stamp(Self.files.merging(["content/stories/moi.md": "---\ntitle: \"Mới\"\ndate: 2024-04-01\n---\nA\n"]) { $1 })
        #expect(before != nil && before != after)
    }

    @Test func manyDocumentsAreChunked() async throws {
        var files = Fixtures.site
        for index in 0..<30 {
            files["content/stories/tin-\(index).md"] = "---\ntitle: \"Tin số \(index)\"\ndate: 2024-04-\(10 + index % 15)\n---\nĐoàn viên \(index).\n"
        }
        let index = BuiltIndex(try await assembledSite(files))
        let chunks = index.files.keys.filter { $0.hasPrefix("search/d/") }
        #expect(chunks.count == (34 + SearchIndex.chunkSize - 1) / SearchIndex.chunkSize)
        #expect(try index.rows().count == 34)
        #expect(Set(try index.postings("so")["số"]?["t"] ?? []).count == 30)
    }
}

// TEMPORARY dev harness, not to be committed.
@Suite struct SearchIndexDevHarness {
    @Test func writeIndexOfBenchSite() async throws {
        guard let source = ProcessInfo.processInfo.environment["SEARCH_DEV_SOURCE"],
              let out = ProcessInfo.processInfo.environment["SEARCH_DEV_OUT"] else { return }
        var clock = StageClock()
        let options = BuildOptions(now: CalendarDate(iso: "2024-12-31")!)
        let site = try await Builder(.init(source: URL(fileURLWithPath: source), output: URL(fileURLWithPath: out), options: options)).assemble(clock: &clock)
        let start = Date()
        let files = SearchIndex.files(for: site)
        print("INDEX TIME", Date().timeIntervalSince(start), "files", files.count)
        for file in files {
            let url = URL(fileURLWithPath: out).appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.contents.utf8).write(to: url)
        }
    }
}
