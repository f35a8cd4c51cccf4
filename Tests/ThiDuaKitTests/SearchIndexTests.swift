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
        let file = try #require(try json(path) as? [String: Any])
        let entry = try #require(file["f"] as? [String: [String: String]])
        return entry.mapValues { $0.mapValues(SearchIndex.DocumentSet.decode) }
    }

    /// Exact pair → document numbers, for the folded words `first` and `second`.
    func phrases(_ first: String, _ second: String) throws -> [String: [Int32]] {
        let file = try #require(try json("search/t/\(SearchIndex.fileName(forKey: first)).json") as? [String: Any])
        guard let count = file["p"] as? Int else { return [:] }
        let bucket = SearchIndex.bucket(of: second, count: count)
        let path = "search/p/\(SearchIndex.fileName(forKey: first))-\(bucket).json"
        let entry = try #require(try json(path) as? [String: [String: String]])
        return (entry[second] ?? [:]).mapValues(SearchIndex.DocumentSet.decode)
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

    @Test func textOutsideVietnameseTakesTheFullUnicodeRules() {
        let text = "Đoàn Viên thi đua LAO ĐỘNG, Ủy ban"
        let decomposed = text.decomposedStringWithCanonicalMapping
        #expect(decomposed.unicodeScalars.count > text.unicodeScalars.count)
        #expect(SearchIndex.Tokenizer.tokens(in: decomposed) == SearchIndex.Tokenizer.tokens(in: text))
        #expect(SearchIndex.Tokenizer.tokens(in: "ΣΟΦΙΑ İzmir 東京 ok") == ["σοφια", "i\u{307}zmir", "東京", "ok"])
    }

    @Test func phrasesStopAtPunctuationAndLineBreaks() {
        var seen: [(String, Bool)] = []
        SearchIndex.Tokenizer.scan("Đoàn viên, người\u{00A0}lao động\nan toàn") { bytes, joined in
            seen.append((String(decoding: bytes, as: UTF8.self), joined))
        }
        #expect(seen.map(\.0) == ["đoàn", "viên", "người", "lao", "động", "an", "toàn"])
        #expect(seen.map(\.1) == [false, true, false, true, true, false, true])
        // A run of letters too long to be a word is dropped, and no phrase spans it.
        seen = []
        SearchIndex.Tokenizer.scan("đoàn \(String(repeating: "ạ", count: 200)) viên") { bytes, joined in
            seen.append((String(decoding: bytes, as: UTF8.self), joined))
        }
        #expect(seen.map(\.0) == ["đoàn", "viên"])
        #expect(seen.map(\.1) == [false, false])
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
        let html = "<h2 id=\"ket-qua\">Kết quả</h2>\n<p>Tổ &quot;nữ công&quot; &amp; <em>đoàn\nviên</em></p>\n<ul>\n<li>một</li>\n<li>hai</li>\n</ul>\n<!-- raw HTML omitted -->"
        #expect(SearchIndex.PlainText.fromHTML(html) == "Kết quả\nTổ \"nữ công\" & đoàn viên\nmột\nhai")
    }

    @Test func theStartOfALongBodyStopsBetweenWordsAndGivesTheSameSnippet() {
        let html = String(repeating: "<p>Người lao động &amp; công đoàn\ncơ sở thi đua.</p>\n", count: 200)
        let start = SearchIndex.PlainText.fromHTML(html, atLeast: 500)
        let whole = SearchIndex.PlainText.fromHTML(html)
        #expect(start.utf8.count >= 500 && start.utf8.count < 600)
        #expect(whole.hasPrefix(start))
        #expect(whole.dropFirst(start.count).first?.isWhitespace == true)
        #expect(SearchIndex.Snippet.make(start, limit: 160) == SearchIndex.Snippet.make(whole, limit: 160))
        #expect(SearchIndex.PlainText.fromHTML("<p>ngắn</p>", atLeast: 500) == "ngắn")
    }

    @Test func snippetsAreCutAtAWord() {
        let text = String(repeating: "đoàn viên, ", count: 40)
        let snippet = SearchIndex.Snippet.make(text, limit: 160)
        #expect(snippet.count <= 160)
        #expect(snippet.hasSuffix("viên…") || snippet.hasSuffix("đoàn…"))
        #expect(SearchIndex.Snippet.make("  ngắn\n gọn ", limit: 160) == "ngắn gọn")
        #expect(SearchIndex.Snippet.make("ngắn\u{00A0}gọn", limit: 160) == "ngắn gọn")
        #expect(SearchIndex.Snippet.make("Đã ngắn gọn.", limit: 160) == "Đã ngắn gọn.")
        #expect(SearchIndex.Snippet.make("", limit: 160) == "")
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

    @Test func adjacentWordsAreIndexedAsPhrases() async throws {
        let index = BuiltIndex(try await assembledSite(Self.files))
        let first = try index.number(ofURL: "/stories/doan-vien/")
        let tet = try index.number(ofURL: "/stories/cham-lo-tet/")
        let third = try index.number(ofURL: "/stories/doan-viec/")
        // "Đoàn viên" in a title and a summary, "đoàn viên" as a tag; not "Đoàn Văn Viện".
        #expect(try index.phrases("doan", "vien") == ["đoàn viên": [first, tet]])
        #expect(try index.phrases("doan", "van") == ["đoàn văn": [third]])
        #expect(try index.phrases("an", "toan") == ["an toàn": [third]])
        // "an toàn lao động" is a tag: a phrase inside it, but not across to the next field.
        let dong = try #require(try index.json("search/t/dong.json") as? [String: Any])
        #expect(dong["p"] == nil)
        #expect(!index.files.keys.contains { $0.hasPrefix("search/p/dong-") })
    }

    @Test func commonSyllablesSpreadTheirPhrasesOverFiles() async throws {
        var files = Fixtures.site
        // "với" followed by many different syllables, each in several stories.
        let nexts = (0..<400).map { "từ\($0)x" }
        for story in 0..<20 {
            let body = nexts.enumerated().filter { $0.offset % 20 != story }.map { "với \($0.element)." }.joined(separator: " ")
            files["content/stories/tin-\(story).md"] = "---\ntitle: \"Tin \(story)\"\ndate: 2024-04-\(10 + story)\n---\n\(body)\n"
        }
        let index = BuiltIndex(try await assembledSite(files))
        let voi = try #require(try index.json("search/t/voi.json") as? [String: Any])
        let count = try #require(voi["p"] as? Int)
        #expect(count > 1)
        let phraseFiles = index.files.filter { $0.key.hasPrefix("search/p/voi-") }
        #expect(phraseFiles.count == count)
        #expect(phraseFiles.values.allSatisfy { $0.utf8.count < SearchIndex.pairFileBytes * 2 })
        for next in ["tu0x", "tu123x", "tu399x"] {
            #expect(try index.phrases("voi", next).values.first?.count == 19)
        }
        #expect(SearchIndex.bucket(of: "vien", count: 1) == 0)
        #expect((0..<50).map { SearchIndex.bucket(of: "tu\($0)x", count: 7) }.allSatisfy { (0..<7).contains($0) })
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
        #expect(first.map(\.path) == second.map(\.path))
        #expect(zip(first, second).allSatisfy { $0.0 == $0.1 })
        #expect(Set(first.map(\.path)).count == first.count)
        #expect(first.allSatisfy { $0.path.hasPrefix("search/") && $0.path.hasSuffix(".json") })
    }

    @Test func indexingOnSeveralThreadsWritesTheSameFiles() async throws {
        var files = Self.files
        for index in 0..<40 {
            files["content/stories/tin-\(index).md"] = "---\ntitle: \"Đoàn viên số \(index % 7)\"\ndate: 2024-04-\(10 + index % 15)\ntags: [\"t\(index % 3)\"]\n---\nAn toàn lao động \(index % 5), đoàn viên \(index).\n"
        }
        let documents = SearchIndex.documents(of: try await assembledSite(files))
        let one = SearchIndex.files(for: documents, runs: 1)
        #expect(one.count > 50)
        for runs in [2, 3, 7] {
            let files = SearchIndex.files(for: documents, runs: runs)
            #expect(files.map(\.path) == one.map(\.path), "\(runs) runs")
            let differing = zip(files, one).filter { $0.0 != $0.1 }.map(\.0.path)
            #expect(differing.isEmpty, "\(runs) runs: \(differing)")
        }
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
