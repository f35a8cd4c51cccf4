import Foundation
import Testing

/// Builds the fixture campaign with the mini theme and compares every output file.
@Suite struct GoldenTests {
    static let expected: [String: String] = [
        "404.html": "<html lang=\"vi\"><title>Không tìm thấy</title>Không tìm thấy</html>\n",
        "assets/site.css": "body{}\n",
        "calendar.ics": "BEGIN:VCALENDAR\r\nUID:phase-dot-1-start@example.org\r\nDTSTART;VALUE=DATE:20240101\r\nSUMMARY:Bắt đầu Mừng Đảng quang vinh\r\nUID:milestone-thanh-lap-dang@example.org\r\nDTSTART;VALUE=DATE:20240203\r\nSUMMARY:Ngày thành lập Đảng (Kỷ niệm 94 năm)\r\nUID:phase-dot-1-end@example.org\r\nDTSTART;VALUE=DATE:20240630\r\nSUMMARY:Kết thúc Mừng Đảng quang vinh\r\nUID:phase-dot-2-start@example.org\r\nDTSTART;VALUE=DATE:20240701\r\nSUMMARY:Bắt đầu Về đích\r\nUID:event-20240728-ngay-thanh-lap-cong-doan-viet-nam@example.org\r\nDTSTART;VALUE=DATE:20240728\r\nSUMMARY:Ngày thành lập Công đoàn Việt Nam (Kỷ niệm 95 năm)\r\nUID:phase-dot-2-end@example.org\r\nDTSTART;VALUE=DATE:20241231\r\nSUMMARY:Kết thúc Về đích\r\nEND:VCALENDAR\r\n",
        "feed.xml": "https://example.org/feed.xml|2024-02-03T00:00:00+07:00|https://example.org/milestones/thanh-lap-dang/ 2024-02-03T00:00:00+07:00;https://example.org/stories/cham-lo-tet/ 2024-02-01T00:00:00+07:00;\n",
        "gioi-thieu/index.html": "<html lang=\"vi\"><title>Giới thiệu</title><p>Trang giới thiệu.</p>\n</html>\n",
        "index.html": "<html lang=\"vi\"><title>Thi đua thử</title>Phong trào 2024|71% còn 51 ngày|28/07/2024 Ngày thành lập Công đoàn Việt Nam (Kỷ niệm 95 năm);|Chăm lo Tết;|Lò Thị Mai;</html>\n",
        "milestones/index.html": "<html lang=\"vi\"><title>Mốc</title>/milestones/thanh-lap-dang/;|</html>\n",
        "milestones/thanh-lap-dang/index.html": "<html lang=\"vi\"><title>Ngày thành lập Đảng</title>03/02/2024|Kỷ niệm 94 năm|dot-1</html>\n",
        "movements/index.html": "<html lang=\"vi\"><title>Phong trào</title>Lao động giỏi=1;</html>\n",
        "movements/lao-dong-gioi/feed.xml": "https://example.org/movements/lao-dong-gioi/feed.xml|2024-02-01T00:00:00+07:00|https://example.org/stories/cham-lo-tet/ 2024-02-01T00:00:00+07:00;\n",
        "movements/lao-dong-gioi/index.html": "<html lang=\"vi\"><title>Phong trào: Lao động giỏi</title>Phong trào|/stories/cham-lo-tet/;||</html>\n",
        "people/index.html": "<html lang=\"vi\"><title>Người</title>/people/lo-thi-mai/;|</html>\n",
        "people/lo-thi-mai/index.html": "<html lang=\"vi\"><title>Lò Thị Mai</title>Cá nhân|Giáo viên|/units/cdcs-dao-san/|<p>Hồ sơ mẫu.</p>\n</html>\n",
        "phases/dot-1/index.html": "<html lang=\"vi\"><title>Đợt: Mừng Đảng quang vinh</title>Đợt|/stories/cham-lo-tet/;||/milestones/thanh-lap-dang/;</html>\n",
        "phases/dot-2/index.html": "<html lang=\"vi\"><title>Đợt: Về đích</title>Đợt|||</html>\n",
        "phases/index.html": "<html lang=\"vi\"><title>Đợt</title>Mừng Đảng quang vinh=2;Về đích=0;</html>\n",
        "robots.txt": "Sitemap: https://example.org/sitemap.xml\n",
        "search/d/0.json": "[[\"/stories/cham-lo-tet/\",\"Chăm lo Tết\",\"stories\",\"2024-02-01\",\"01/02/2024\",\"Công đoàn xã tặng quà Tết.\"],[\"/people/lo-thi-mai/\",\"Lò Thị Mai\",\"people\",\"\",\"\",\"Hồ sơ mẫu.\"],[\"/milestones/thanh-lap-dang/\",\"Ngày thành lập Đảng\",\"milestones\",\"2024-02-03\",\"03/02/2024\",\"Kỷ niệm.\"],[\"/gioi-thieu/\",\"Giới thiệu\",\"pages\",\"\",\"\",\"Trang giới thiệu.\"]]",
        "search/index.html": "<html lang=\"vi\"><title>search.title</title>search</html>\n",
        "search/meta.json": "{\"chunk\":8,\"docs\":4,\"stamp\":\"3f0e5bb7a904a8ae\",\"version\":1}",
        "search/t/cdcs.json": "{\"cđcs\":{\"m\":\"AA\"}}",
        "search/t/cham.json": "{\"chăm\":{\"t\":\"A\"}}",
        "search/t/cong.json": "{\"công\":{\"m\":\"A\"}}",
        "search/t/dang.json": "{\"đảng\":{\"t\":\"C\"}}",
        "search/t/dao.json": "{\"dào\":{\"m\":\"AA\"}}",
        "search/t/doan.json": "{\"đoàn\":{\"m\":\"A\"}}",
        "search/t/giao.json": "{\"giáo\":{\"m\":\"B\"}}",
        "search/t/gioi.json": "{\"giới\":{\"t\":\"D\"}}",
        "search/t/ho.json": "{\"hồ\":{\"m\":\"B\"}}",
        "search/t/ket.json": "{\"kết\":{\"b\":\"A\"}}",
        "search/t/ky.json": "{\"kỷ\":{\"m\":\"C\"}}",
        "search/t/lap.json": "{\"lập\":{\"t\":\"C\"}}",
        "search/t/lo.json": "{\"lo\":{\"t\":\"A\"},\"lò\":{\"t\":\"B\"}}",
        "search/t/mai.json": "{\"mai\":{\"t\":\"B\"}}",
        "search/t/mau.json": "{\"mẫu\":{\"m\":\"B\"}}",
        "search/t/mot.json": "{\"một\":{\"b\":\"A\"}}",
        "search/t/ngay.json": "{\"ngày\":{\"t\":\"C\"}}",
        "search/t/niem.json": "{\"niệm\":{\"m\":\"C\"}}",
        "search/t/qua.json": "{\"quà\":{\"m\":\"A\"},\"quả\":{\"b\":\"A\"}}",
        "search/t/san.json": "{\"san\":{\"m\":\"AA\"}}",
        "search/t/so.json": "{\"sơ\":{\"m\":\"B\"}}",
        "search/t/suat.json": "{\"suất\":{\"b\":\"A\"}}",
        "search/t/tang.json": "{\"tặng\":{\"m\":\"A\"}}",
        "search/t/tet.json": "{\"tết\":{\"t\":\"A\"}}",
        "search/t/thanh.json": "{\"thành\":{\"t\":\"C\"}}",
        "search/t/thi.json": "{\"thị\":{\"t\":\"B\"}}",
        "search/t/thieu.json": "{\"thiệu\":{\"t\":\"D\"}}",
        "search/t/tram.json": "{\"trăm\":{\"b\":\"A\"}}",
        "search/t/trang.json": "{\"trang\":{\"m\":\"D\"}}",
        "search/t/vien.json": "{\"viên\":{\"m\":\"AA\"}}",
        "search/t/xa.json": "{\"xã\":{\"m\":\"A\"}}",
        "sitemap.xml": "https://example.org/ 2024-02-01;https://example.org/timeline/ ;https://example.org/stories/ 2024-02-01;https://example.org/people/ ;https://example.org/milestones/ 2024-02-03;https://example.org/gioi-thieu/ ;https://example.org/stories/cham-lo-tet/ 2024-02-01;https://example.org/people/lo-thi-mai/ ;https://example.org/milestones/thanh-lap-dang/ 2024-02-03;https://example.org/tags/ ;https://example.org/tags/doan-vien/ 2024-02-01;https://example.org/tags/tet/ 2024-02-01;https://example.org/movements/ ;https://example.org/movements/lao-dong-gioi/ 2024-02-01;https://example.org/phases/ ;https://example.org/phases/dot-1/ 2024-02-01;https://example.org/phases/dot-2/ ;https://example.org/units/ ;https://example.org/units/cdcs-dao-san/ 2024-02-01;\n",
        "stories/cham-lo-tet/index.html": "<html lang=\"vi\"><title>Chăm lo Tết</title>ngày 01 tháng 02 năm 2024|Mừng Đảng quang vinh|Lao động giỏi|CĐCS Dào San|/tags/tet/ /tags/doan-vien/ |<p>Công đoàn xã tặng quà <strong>Tết</strong>.</p>\n<h2 id=\"ket-qua\">Kết quả</h2>\n<p>Một trăm suất quà.</p>\n</html>\n",
        "stories/index.html": "<html lang=\"vi\"><title>Tin</title>/stories/cham-lo-tet/;|</html>\n",
        "tags/doan-vien/feed.xml": "https://example.org/tags/doan-vien/feed.xml|2024-02-01T00:00:00+07:00|https://example.org/stories/cham-lo-tet/ 2024-02-01T00:00:00+07:00;\n",
        "tags/doan-vien/index.html": "<html lang=\"vi\"><title>Từ khóa: đoàn viên</title>Từ khóa|/stories/cham-lo-tet/;||</html>\n",
        "tags/index.html": "<html lang=\"vi\"><title>Từ khóa</title>đoàn viên=1;Tết=1;</html>\n",
        "tags/tet/feed.xml": "https://example.org/tags/tet/feed.xml|2024-02-01T00:00:00+07:00|https://example.org/stories/cham-lo-tet/ 2024-02-01T00:00:00+07:00;\n",
        "tags/tet/index.html": "<html lang=\"vi\"><title>Từ khóa: Tết</title>Từ khóa|/stories/cham-lo-tet/;||</html>\n",
        "timeline/index.html": "<html lang=\"vi\"><title>Dòng thời gian</title>[dot-1*:Thành lập tỉnh (Kỷ niệm 115 năm);01/02/2024 story Chăm lo Tết;03/02/2024 milestone Ngày thành lập Đảng (Kỷ niệm 94 năm);][dot-2:28/07/2024 event Ngày thành lập Công đoàn Việt Nam (Kỷ niệm 95 năm);]</html>\n",
        "tin-cu/tet/index.html": "->/stories/cham-lo-tet/\n",
        "units/cdcs-dao-san/index.html": "<html lang=\"vi\"><title>Đơn vị: CĐCS Dào San</title>Đơn vị|/stories/cham-lo-tet/;|/people/lo-thi-mai/;|</html>\n",
        "units/index.html": "<html lang=\"vi\"><title>Đơn vị</title>CĐCS Dào San=2;</html>\n",
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
    @Test func listsArePaginated() async throws {
        var files = Fixtures.site.merging(MiniTheme.files) { $1 }
        for day in 2...3 {
            files["content/stories/tin-\(day).md"] = "---\ntitle: \"Tin \(day)\"\ndate: 2024-03-0\(day)\n---\nA\n"
        }
        let site = try FixtureSite(files)
        _ = try await site.build(now: "2024-05-10")
        let tree = try site.outputTree().mapValues { String(decoding: $0, as: UTF8.self) }
        #expect(tree["stories/index.html"] == "<html lang=\"vi\"><title>Tin</title>/stories/tin-3/;/stories/tin-2/;|1/2></html>\n")
        #expect(tree["stories/page/2/index.html"] == "<html lang=\"vi\"><title>Tin (2/2)</title>/stories/cham-lo-tet/;|2/2<</html>\n")
        #expect(tree["stories/page/3/index.html"] == nil)
    }
}
