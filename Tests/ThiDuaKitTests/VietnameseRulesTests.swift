import Testing
@testable import ThiDuaKit

@Suite struct SlugTests {
    @Test(arguments: [
        ("Mừng Đảng quang vinh", "mung-dang-quang-vinh"),
        ("Bài mới", "bai-moi"),
        ("ĐOÀN VIÊN Công đoàn", "doan-vien-cong-doan"),
        ("Xanh - Sạch - Đẹp, Bảo đảm an toàn", "xanh-sach-dep-bao-dam-an-toan"),
        ("  Tết Giáp Thìn 2024!  ", "tet-giap-thin-2024"),
        ("Ưu tiên ở Ơn", "uu-tien-o-on"),
        ("../../etc/passwd", "etc-passwd"),
        ("Tổ Xét nghiệm", "to-xet-nghiem"),
    ])
    func slug(_ text: String, _ expected: String) {
        #expect(Slug.make(text) == expected)
    }

    @Test func decomposedInputGivesTheSameSlug() {
        // macOS file names arrive decomposed (NFD); the URL must not change with the machine.
        #expect(Slug.make("Mừng Đảng".decomposedStringWithCanonicalMapping) == "mung-dang")
    }

    @Test func foldingKeepsSpacesAndMapsD() {
        #expect(Folding.fold("Đoàn viên") == "doan vien")
    }
}

@Suite struct DateTests {
    @Test func shortAndLongVietnameseForms() throws {
        let date = try #require(CalendarDate(year: 2024, month: 1, day: 16))
        #expect(DatePattern.vietnameseShort.format(date) == "16/01/2024")
        #expect(DatePattern.vietnameseLong.format(date) == "ngày 16 tháng 01 năm 2024")
    }

    /// Nghị định 30/2020/NĐ-CP: a 0 before a day under 10 and before months 1 and 2 only.
    @Test(arguments: [((2024, 7, 28), "ngày 28 tháng 7 năm 2024"), ((2024, 2, 5), "ngày 05 tháng 02 năm 2024"),
                      ((2024, 12, 31), "ngày 31 tháng 12 năm 2024"), ((2024, 10, 1), "ngày 01 tháng 10 năm 2024"),
                      ((2025, 1, 9), "ngày 09 tháng 01 năm 2025"), ((2024, 3, 8), "ngày 08 tháng 3 năm 2024")])
    func theLongFormWritesMonthsAsOfficialStyleDoes(_ day: (Int, Int, Int), _ expected: String) throws {
        let date = try #require(CalendarDate(year: day.0, month: day.1, day: day.2))
        #expect(DatePattern.vietnameseLong.format(date) == expected)
    }

    @Test func englishLongFormUsesMonthNames() throws {
        let date = try #require(CalendarDate(year: 2024, month: 7, day: 2))
        let pattern = DatePattern("{d} {month} {yyyy}", monthNames: ["January", "February", "March", "April", "May", "June", "July"])
        #expect(pattern.format(date) == "2 July 2024")
    }

    @Test(arguments: ["2024-02-30", "2023-02-29", "2024-13-01", "2024-1-01", "24-01-01", "2024-01-01x", "hôm nay"])
    func impossibleOrMalformedDatesAreRejected(_ text: String) {
        #expect(CalendarDate(iso: text) == nil)
    }

    @Test func leapDayAndTimestampsParse() {
        #expect(CalendarDate(iso: "2024-02-29") == CalendarDate(year: 2024, month: 2, day: 29))
        #expect(CalendarDate(iso: "2024-03-01T08:30:00+07:00") == CalendarDate(year: 2024, month: 3, day: 1))
    }

    @Test func dayNumbersRoundTrip() throws {
        let date = try #require(CalendarDate(year: 2024, month: 12, day: 31))
        #expect(CalendarDate(dayNumber: date.dayNumber) == date)
        #expect(CalendarDate(iso: "1970-01-01")?.dayNumber == 0)
        #expect(try #require(CalendarDate(iso: "2025-01-01")).dayNumber - date.dayNumber == 1)
    }

    @Test func unixTimeIsReadInVietnam() {
        // 2024-01-15T20:00:00Z is already 16 January in Hà Nội (UTC+7).
        #expect(CalendarDate(unixTime: 1_705_348_800) == CalendarDate(year: 2024, month: 1, day: 16))
        #expect(CalendarDate(unixTime: 0) == CalendarDate(year: 1970, month: 1, day: 1))
    }
}

@Suite struct AnniversaryTests {
    @Test(arguments: [
        ("1929-07-28", 2024, 95), ("1930-02-03", 2024, 94), ("1975-04-30", 2024, 49),
        ("1890-05-19", 2024, 134), ("1945-08-19", 2024, 79), ("1909", 2024, 115), ("2004", 2024, 20),
    ])
    func ordinal(_ since: String, _ year: Int, _ expected: Int) throws {
        let origin = try #require(AnniversaryOrigin(text: since))
        #expect(origin.ordinal(inYear: year) == expected)
    }

    @Test func noAnniversaryBeforeTheFirstYear() throws {
        #expect(try #require(AnniversaryOrigin(text: "2024-03-01")).ordinal(inYear: 2024) == nil)
        #expect(AnniversaryOrigin(text: "năm 1909") == nil)
    }
}

@Suite struct PhaseTests {
    let timeline = Timeline(
        campaign: Campaign(title: "2024", theme: nil, start: CalendarDate(iso: "2024-01-01")!, end: CalendarDate(iso: "2024-12-31")!),
        phases: [
            Phase(id: "dot-1", title: "Đợt 1", summary: nil, start: CalendarDate(iso: "2024-01-01")!, end: CalendarDate(iso: "2024-06-30")!),
            Phase(id: "dot-2", title: "Đợt 2", summary: nil, start: CalendarDate(iso: "2024-07-01")!, end: CalendarDate(iso: "2024-12-31")!),
        ],
        events: [])

    @Test(arguments: [("2024-01-01", "dot-1"), ("2024-06-30", "dot-1"), ("2024-07-01", "dot-2"), ("2024-12-31", "dot-2")])
    func phaseOfADate(_ date: String, _ expected: String) {
        #expect(timeline.phase(containing: CalendarDate(iso: date)!)?.id == expected)
    }

    @Test func noPhaseOutsideTheCampaign() {
        #expect(timeline.phase(containing: CalendarDate(iso: "2025-01-01")!) == nil)
    }

    @Test func progressOfAPhase() {
        let phase = timeline.phases[0]
        #expect(phase.percentElapsed(on: CalendarDate(iso: "2023-12-01")!) == 0)
        #expect(phase.percentElapsed(on: CalendarDate(iso: "2024-01-01")!) == 0)  // 1 of 182 days
        #expect(phase.percentElapsed(on: CalendarDate(iso: "2024-03-31")!) == 50)  // 91 of 182 days
        #expect(phase.percentElapsed(on: CalendarDate(iso: "2024-06-30")!) == 100)
    }
}

@Suite struct CollationTests {
    @Test func vietnameseLetterOrder() {
        let words = ["đ", "d", "ơ", "ô", "o", "ư", "u", "â", "ă", "a", "e", "ê"]
        let sorted = words.sorted { VietnameseCollation.key($0) < VietnameseCollation.key($1) }
        #expect(sorted == ["a", "ă", "â", "d", "đ", "e", "ê", "o", "ô", "ơ", "u", "ư"])
    }

    @Test func tonesCountOnlyWhenLettersAreEqual() {
        let words = ["ạ", "á", "ã", "ả", "à", "a", "ba", "ác"]
        let sorted = words.sorted { VietnameseCollation.key($0) < VietnameseCollation.key($1) }
        #expect(sorted == ["a", "à", "ả", "ã", "á", "ạ", "ác", "ba"])
    }

    @Test func peopleByGivenNameThenFamilyName() {
        let names = ["Nguyễn Văn Đức", "Trần Thị An", "Lò Văn Ước", "Vàng Thị Ân", "Hoàng Văn Dũng", "Đỗ Thị An", "Tẩn Văn Ổn"]
        let sorted = names.sorted(by: VietnameseCollation.isOrderedBefore(personNamed:_:))
        #expect(sorted == ["Đỗ Thị An", "Trần Thị An", "Vàng Thị Ân", "Hoàng Văn Dũng", "Nguyễn Văn Đức", "Tẩn Văn Ổn", "Lò Văn Ước"])
    }
}

@Suite struct FoldingTableTests {
    /// The table is a cache of the Unicode rules: every letter it holds, and whole texts
    /// mixing them with ASCII, must fold exactly as the rules do.
    @Test func tableFoldsAsTheUnicodeRules() {
        for (scalar, folded) in Folding.latinLetters {
            #expect(String(decoding: folded, as: UTF8.self) == Folding.byUnicodeRules(String(scalar)), "U+\(String(scalar.value, radix: 16))")
        }
        for text in ["Mừng Đảng quang vinh", "ĐOÀN VIÊN Công Đoàn", "Tháng 5 – An toàn, vệ sinh lao động!", "Ỷ Ỹ ỵ Ơ Ư"] {
            #expect(Folding.fold(text) == Folding.byUnicodeRules(text), "\(text)")
        }
    }

    @Test func textsOutsideTheTableTakeTheUnicodeRules() {
        #expect(Folding.fold("Mừng Đảng".decomposedStringWithCanonicalMapping) == "mung dang")
        #expect(Folding.fold("İstanbul") == Folding.byUnicodeRules("İstanbul"))
        #expect(Folding.fold("Ελλάδα") == "ελλαδα")
        #expect(Folding.fold("Ỵ") == "y")
    }
}

@Suite struct WhitespaceTests {
    @Test func trimsUnicodeWhiteSpaceAtBothEndsOnly() {
        #expect("  Đoàn viên \n".trimmingWhitespace() == "Đoàn viên")
        #expect("\u{00A0}\tTết\u{3000}".trimmingWhitespace() == "Tết")
        #expect("a  b".trimmingWhitespace() == "a  b")
        #expect(" \n ".trimmingWhitespace() == "")
        #expect("e\u{0301} ".trimmingWhitespace() == "e\u{0301}")
    }
}

@Suite struct ScalarWhitespaceTests {
    /// The ASCII shortcut answers as Unicode's property does, for every scalar below U+0100.
    @Test func asciiShortcutAgreesWithTheProperty() {
        for value in UInt32(0)..<0x100 {
            let scalar = Unicode.Scalar(value)!
            #expect(scalar.isWhitespace == scalar.properties.isWhitespace, "U+\(String(value, radix: 16))")
        }
    }
}
