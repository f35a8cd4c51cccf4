import Foundation
import Testing

/// Builds the fixture campaign with the mini theme and compares every output file.
@Suite struct GoldenTests {
    static let expected: [String: String] = [
        "404.html": "<html lang=\"vi\"><title>Không tìm thấy</title><nav>Trang chủ,Tin tức,</nav>Không tìm thấy</html>\n",
        "assets/site.css": "body{}\n",
        "assets/site.94fe1aa214.css": "body{}\n",
        "calendar.ics": "BEGIN:VCALENDAR\r\nUID:phase-dot-1-start@example.org\r\nDTSTART;VALUE=DATE:20240101\r\nSUMMARY:Bắt đầu Mừng Đảng quang vinh\r\nUID:milestone-thanh-lap-dang@example.org\r\nDTSTART;VALUE=DATE:20240203\r\nSUMMARY:Ngày thành lập Đảng (Kỷ niệm 94 năm)\r\nUID:phase-dot-1-end@example.org\r\nDTSTART;VALUE=DATE:20240630\r\nSUMMARY:Kết thúc Mừng Đảng quang vinh\r\nUID:phase-dot-2-start@example.org\r\nDTSTART;VALUE=DATE:20240701\r\nSUMMARY:Bắt đầu Về đích\r\nUID:event-20240728-ngay-thanh-lap-cong-doan-viet-nam@example.org\r\nDTSTART;VALUE=DATE:20240728\r\nSUMMARY:Ngày thành lập Công đoàn Việt Nam (Kỷ niệm 95 năm)\r\nUID:phase-dot-2-end@example.org\r\nDTSTART;VALUE=DATE:20241231\r\nSUMMARY:Kết thúc Về đích\r\nEND:VCALENDAR\r\n",
        "feed.xml": "https://example.org/feed.xml|2024-02-03T00:00:00+07:00|https://example.org/milestones/thanh-lap-dang/ 2024-02-03T00:00:00+07:00;https://example.org/stories/cham-lo-tet/ 2024-02-01T00:00:00+07:00;\n",
        "gioi-thieu/index.html": "<html lang=\"vi\"><title>Giới thiệu</title><nav>Trang chủ,Tin tức,</nav><p>Trang giới thiệu.</p>\n</html>\n",
        "index.html": "<html lang=\"vi\"><title>Thi đua thử</title><nav>Trang chủ*,Tin tức,</nav>Phong trào 2024|71% còn 51 ngày|28/07/2024 Ngày thành lập Công đoàn Việt Nam (Kỷ niệm 95 năm);|[Chăm lo Tết 2024-02-01 vi];|Lò Thị Mai;</html>\n",
        "milestones/index.html": "<html lang=\"vi\"><title>Mốc</title><nav>Trang chủ,Tin tức,</nav>/milestones/thanh-lap-dang/;|</html>\n",
        "milestones/thanh-lap-dang/index.html": "<html lang=\"vi\"><title>Ngày thành lập Đảng</title><nav>Trang chủ,Tin tức,</nav>03/02/2024|Kỷ niệm 94 năm|dot-1</html>\n",
        "movements/index.html": "<html lang=\"vi\"><title>Phong trào</title><nav>Trang chủ,Tin tức,</nav>Lao động giỏi=1;</html>\n",
        "movements/lao-dong-gioi/feed.xml": "https://example.org/movements/lao-dong-gioi/feed.xml|2024-02-01T00:00:00+07:00|https://example.org/stories/cham-lo-tet/ 2024-02-01T00:00:00+07:00;\n",
        "movements/lao-dong-gioi/index.html": "<html lang=\"vi\"><title>Phong trào: Lao động giỏi</title><nav>Trang chủ,Tin tức,</nav>Phong trào|/stories/cham-lo-tet/[Chăm lo Tết 2024-02-01 vi];||</html>\n",
        "people/index.html": "<html lang=\"vi\"><title>Người</title><nav>Trang chủ,Tin tức,</nav>/people/lo-thi-mai/[Lò Thị Mai];|</html>\n",
        "people/lo-thi-mai/index.html": "<html lang=\"vi\"><title>Lò Thị Mai</title><nav>Trang chủ,Tin tức,</nav>Cá nhân|Giáo viên|/units/cdcs-dao-san/|<p>Hồ sơ mẫu.</p>\n</html>\n",
        "phases/dot-1/index.html": "<html lang=\"vi\"><title>Đợt: Mừng Đảng quang vinh</title><nav>Trang chủ,Tin tức,</nav>Đợt|/stories/cham-lo-tet/[Chăm lo Tết 2024-02-01 vi];||/milestones/thanh-lap-dang/;</html>\n",
        "phases/dot-2/index.html": "<html lang=\"vi\"><title>Đợt: Về đích</title><nav>Trang chủ,Tin tức,</nav>Đợt|||</html>\n",
        "phases/index.html": "<html lang=\"vi\"><title>Đợt</title><nav>Trang chủ,Tin tức,</nav>Mừng Đảng quang vinh=2;Về đích=0;</html>\n",
        "robots.txt": "Sitemap: https://example.org/sitemap.xml\n",
        "search/d/0.json": "[[\"/stories/cham-lo-tet/\",\"Chăm lo Tết\",\"stories\",\"2024-02-01\",\"01/02/2024\",\"Công đoàn xã tặng quà Tết.\"],[\"/people/lo-thi-mai/\",\"Lò Thị Mai\",\"people\",\"\",\"\",\"Hồ sơ mẫu.\"],[\"/milestones/thanh-lap-dang/\",\"Ngày thành lập Đảng\",\"milestones\",\"2024-02-03\",\"03/02/2024\",\"Kỷ niệm.\"],[\"/gioi-thieu/\",\"Giới thiệu\",\"pages\",\"\",\"\",\"Trang giới thiệu.\"]]",
        "search/index.html": "<html lang=\"vi\"><title>search.title</title><nav>Trang chủ,Tin tức,</nav>search /assets/site.94fe1aa214.css</html>\n",
        "search/meta.json": "{\"chunk\":4,\"docs\":4,\"stamp\":\"cc2f1dc291bb9f67\",\"version\":1}",
        "search/p/cdcs-0.json": "{\"dao\":{\"cđcs dào\":\"AA\"}}",
        "search/p/cham-0.json": "{\"lo\":{\"chăm lo\":\"A\"}}",
        "search/p/cong-0.json": "{\"doan\":{\"công đoàn\":\"A\"}}",
        "search/p/dao-0.json": "{\"san\":{\"dào san\":\"AA\"}}",
        "search/p/doan-0.json": "{\"vien\":{\"đoàn viên\":\"A\"},\"xa\":{\"đoàn xã\":\"A\"}}",
        "search/p/giao-0.json": "{\"vien\":{\"giáo viên\":\"B\"}}",
        "search/p/gioi-0.json": "{\"thieu\":{\"giới thiệu\":\"D\"}}",
        "search/p/ho-0.json": "{\"so\":{\"hồ sơ\":\"B\"}}",
        "search/p/ket-0.json": "{\"qua\":{\"kết quả\":\"A\"}}",
        "search/p/ky-0.json": "{\"niem\":{\"kỷ niệm\":\"C\"}}",
        "search/p/lap-0.json": "{\"dang\":{\"lập đảng\":\"C\"}}",
        "search/p/lo-0.json": "{\"tet\":{\"lo tết\":\"A\"},\"thi\":{\"lò thị\":\"B\"}}",
        "search/p/mot-0.json": "{\"tram\":{\"một trăm\":\"A\"}}",
        "search/p/ngay-0.json": "{\"thanh\":{\"ngày thành\":\"C\"}}",
        "search/p/qua-0.json": "{\"tet\":{\"quà tết\":\"A\"}}",
        "search/p/so-0.json": "{\"mau\":{\"sơ mẫu\":\"B\"}}",
        "search/p/suat-0.json": "{\"qua\":{\"suất quà\":\"A\"}}",
        "search/p/tang-0.json": "{\"qua\":{\"tặng quà\":\"A\"}}",
        "search/p/thanh-0.json": "{\"lap\":{\"thành lập\":\"C\"}}",
        "search/p/thi-0.json": "{\"mai\":{\"thị mai\":\"B\"}}",
        "search/p/tram-0.json": "{\"suat\":{\"trăm suất\":\"A\"}}",
        "search/p/trang-0.json": "{\"gioi\":{\"trang giới\":\"D\"}}",
        "search/p/xa-0.json": "{\"tang\":{\"xã tặng\":\"A\"}}",
        "search/t/cdcs.json": "{\"f\":{\"cđcs\":{\"m\":\"AA\"}},\"p\":1}",
        "search/t/cham.json": "{\"f\":{\"chăm\":{\"t\":\"A\"}},\"p\":1}",
        "search/t/cong.json": "{\"f\":{\"công\":{\"m\":\"A\"}},\"p\":1}",
        "search/t/dang.json": "{\"f\":{\"đảng\":{\"t\":\"C\"}}}",
        "search/t/dao.json": "{\"f\":{\"dào\":{\"m\":\"AA\"}},\"p\":1}",
        "search/t/doan.json": "{\"f\":{\"đoàn\":{\"m\":\"A\"}},\"p\":1}",
        "search/t/giao.json": "{\"f\":{\"giáo\":{\"m\":\"B\"}},\"p\":1}",
        "search/t/gioi.json": "{\"f\":{\"giới\":{\"t\":\"D\"}},\"p\":1}",
        "search/t/ho.json": "{\"f\":{\"hồ\":{\"m\":\"B\"}},\"p\":1}",
        "search/t/ket.json": "{\"f\":{\"kết\":{\"b\":\"A\"}},\"p\":1}",
        "search/t/ky.json": "{\"f\":{\"kỷ\":{\"m\":\"C\"}},\"p\":1}",
        "search/t/lap.json": "{\"f\":{\"lập\":{\"t\":\"C\"}},\"p\":1}",
        "search/t/lo.json": "{\"f\":{\"lo\":{\"t\":\"A\"},\"lò\":{\"t\":\"B\"}},\"p\":1}",
        "search/t/mai.json": "{\"f\":{\"mai\":{\"t\":\"B\"}}}",
        "search/t/mau.json": "{\"f\":{\"mẫu\":{\"m\":\"B\"}}}",
        "search/t/mot.json": "{\"f\":{\"một\":{\"b\":\"A\"}},\"p\":1}",
        "search/t/ngay.json": "{\"f\":{\"ngày\":{\"t\":\"C\"}},\"p\":1}",
        "search/t/niem.json": "{\"f\":{\"niệm\":{\"m\":\"C\"}}}",
        "search/t/qua.json": "{\"f\":{\"quà\":{\"m\":\"A\"},\"quả\":{\"b\":\"A\"}},\"p\":1}",
        "search/t/san.json": "{\"f\":{\"san\":{\"m\":\"AA\"}}}",
        "search/t/so.json": "{\"f\":{\"sơ\":{\"m\":\"B\"}},\"p\":1}",
        "search/t/suat.json": "{\"f\":{\"suất\":{\"b\":\"A\"}},\"p\":1}",
        "search/t/tang.json": "{\"f\":{\"tặng\":{\"m\":\"A\"}},\"p\":1}",
        "search/t/tet.json": "{\"f\":{\"tết\":{\"t\":\"A\"}}}",
        "search/t/thanh.json": "{\"f\":{\"thành\":{\"t\":\"C\"}},\"p\":1}",
        "search/t/thi.json": "{\"f\":{\"thị\":{\"t\":\"B\"}},\"p\":1}",
        "search/t/thieu.json": "{\"f\":{\"thiệu\":{\"t\":\"D\"}}}",
        "search/t/tram.json": "{\"f\":{\"trăm\":{\"b\":\"A\"}},\"p\":1}",
        "search/t/trang.json": "{\"f\":{\"trang\":{\"m\":\"D\"}},\"p\":1}",
        "search/t/vien.json": "{\"f\":{\"viên\":{\"m\":\"AA\"}}}",
        "search/t/xa.json": "{\"f\":{\"xã\":{\"m\":\"A\"}},\"p\":1}",
        "sitemap.xml": "https://example.org/ 2024-02-01;https://example.org/timeline/ ;https://example.org/stories/ 2024-02-01;https://example.org/people/ ;https://example.org/milestones/ 2024-02-03;https://example.org/gioi-thieu/ ;https://example.org/stories/cham-lo-tet/ 2024-02-01;https://example.org/people/lo-thi-mai/ ;https://example.org/milestones/thanh-lap-dang/ 2024-02-03;https://example.org/tags/ ;https://example.org/tags/doan-vien/ 2024-02-01;https://example.org/tags/tet/ 2024-02-01;https://example.org/movements/ ;https://example.org/movements/lao-dong-gioi/ 2024-02-01;https://example.org/phases/ ;https://example.org/phases/dot-1/ 2024-02-01;https://example.org/phases/dot-2/ ;https://example.org/units/ ;https://example.org/units/cdcs-dao-san/ 2024-02-01;\n",
        "stories/cham-lo-tet/index.html": "<html lang=\"vi\"><title>Chăm lo Tết</title><nav>Trang chủ,Tin tức*,</nav>ngày 01 tháng 02 năm 2024|Mừng Đảng quang vinh|Lao động giỏi|CĐCS Dào San|/tags/tet/ /tags/doan-vien/ |<p>Công đoàn xã tặng quà <strong>Tết</strong>.</p>\n<h2 id=\"ket-qua\">Kết quả</h2>\n<p>Một trăm suất quà.</p>\n</html>\n",
        "stories/index.html": "<html lang=\"vi\"><title>Tin</title><nav>Trang chủ,Tin tức*,</nav>/stories/cham-lo-tet/[Chăm lo Tết 2024-02-01 vi];|</html>\n",
        "tags/doan-vien/feed.xml": "https://example.org/tags/doan-vien/feed.xml|2024-02-01T00:00:00+07:00|https://example.org/stories/cham-lo-tet/ 2024-02-01T00:00:00+07:00;\n",
        "tags/doan-vien/index.html": "<html lang=\"vi\"><title>Từ khóa: đoàn viên</title><nav>Trang chủ,Tin tức,</nav>Từ khóa|/stories/cham-lo-tet/[Chăm lo Tết 2024-02-01 vi];||</html>\n",
        "tags/index.html": "<html lang=\"vi\"><title>Từ khóa</title><nav>Trang chủ,Tin tức,</nav>đoàn viên=1;Tết=1;</html>\n",
        "tags/tet/feed.xml": "https://example.org/tags/tet/feed.xml|2024-02-01T00:00:00+07:00|https://example.org/stories/cham-lo-tet/ 2024-02-01T00:00:00+07:00;\n",
        "tags/tet/index.html": "<html lang=\"vi\"><title>Từ khóa: Tết</title><nav>Trang chủ,Tin tức,</nav>Từ khóa|/stories/cham-lo-tet/[Chăm lo Tết 2024-02-01 vi];||</html>\n",
        "timeline/index.html": "<html lang=\"vi\"><title>Dòng thời gian</title><nav>Trang chủ,Tin tức,</nav>[dot-1*:Thành lập tỉnh (Kỷ niệm 115 năm);01/02/2024 story Chăm lo Tết;03/02/2024 milestone Ngày thành lập Đảng (Kỷ niệm 94 năm);][dot-2:28/07/2024 event Ngày thành lập Công đoàn Việt Nam (Kỷ niệm 95 năm);]</html>\n",
        "tin-cu/tet/index.html": "->/stories/cham-lo-tet/\n",
        "units/cdcs-dao-san/index.html": "<html lang=\"vi\"><title>Đơn vị: CĐCS Dào San</title><nav>Trang chủ,Tin tức,</nav>Đơn vị|/stories/cham-lo-tet/[Chăm lo Tết 2024-02-01 vi];|/people/lo-thi-mai/[Lò Thị Mai];|</html>\n",
        "units/index.html": "<html lang=\"vi\"><title>Đơn vị</title><nav>Trang chủ,Tin tức,</nav>CĐCS Dào San=2;</html>\n",
    ]

    @Test func everyOutputFile() async throws {
        let site = try FixtureSite(Fixtures.site.merging(MiniTheme.files) { $1 })
        _ = try await site.build(now: "2024-05-10")
        let tree = try site.outputTree().mapValues { String(decoding: $0, as: UTF8.self) }
        // To review a change of output: THIDUA_GOLDEN_DUMP=/tmp/golden.json swift test --filter Golden
        if let dump = ProcessInfo.processInfo.environment["THIDUA_GOLDEN_DUMP"] {
            let data = try JSONSerialization.data(withJSONObject: tree, options: [.sortedKeys, .prettyPrinted])
            try data.write(to: URL(fileURLWithPath: dump))
        }
        #expect(tree.keys.sorted() == Self.expected.keys.sorted())
        for (path, text) in Self.expected {
            #expect(tree[path] == text, "\(path)")
        }
    }

    /// Regression: an empty string is a true section value in swift-mustache, so the first
    /// page once showed a link to a previous page.
    /// With more items than the feed holds, the newest are kept, and items of the same day
    /// are ordered by URL, whichever day the cut falls on.
    @Test func feedKeepsTheNewestItemsByDateThenURL() async throws {
        var files = Fixtures.site.merging(MiniTheme.files) { $1 }
        files["content/site.yml"] = Fixtures.siteYML + "feed: {limit: 3}\n"
        for (slug, day) in [("b", 5), ("c", 5), ("a", 5), ("d", 6), ("e", 4)] {
            files["content/stories/\(slug).md"] = "---\ntitle: \"\(slug)\"\ndate: 2024-03-0\(day)\n---\nA\n"
        }
        let site = try FixtureSite(files)
        _ = try await site.build(now: "2024-05-10")
        let tree = try site.outputTree().mapValues { String(decoding: $0, as: UTF8.self) }
        #expect(tree["feed.xml"] == "https://example.org/feed.xml|2024-03-06T00:00:00+07:00|"
            + "https://example.org/stories/d/ 2024-03-06T00:00:00+07:00;"
            + "https://example.org/stories/a/ 2024-03-05T00:00:00+07:00;"
            + "https://example.org/stories/b/ 2024-03-05T00:00:00+07:00;\n")
    }

    @Test func listsArePaginated() async throws {
        var files = Fixtures.site.merging(MiniTheme.files) { $1 }
        for day in 2...3 {
            files["content/stories/tin-\(day).md"] = "---\ntitle: \"Tin \(day)\"\ndate: 2024-03-0\(day)\n---\nA\n"
        }
        let site = try FixtureSite(files)
        _ = try await site.build(now: "2024-05-10")
        let tree = try site.outputTree().mapValues { String(decoding: $0, as: UTF8.self) }
        #expect(tree["stories/index.html"] == "<html lang=\"vi\"><title>Tin</title><nav>Trang chủ,Tin tức*,</nav>/stories/tin-3/[Tin 3 2024-03-03 vi];/stories/tin-2/[Tin 2 2024-03-02 vi];|1/2></html>\n")
        #expect(tree["stories/page/2/index.html"] == "<html lang=\"vi\"><title>Tin (2/2)</title><nav>Trang chủ,Tin tức*,</nav>/stories/cham-lo-tet/[Chăm lo Tết 2024-02-01 vi];|2/2<</html>\n")
        #expect(tree["stories/page/3/index.html"] == nil)
    }
}
