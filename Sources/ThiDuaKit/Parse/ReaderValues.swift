/// Values of the campaign's own kinds, read the same way from front matter and data files.
extension MappingReader {
    mutating func date(_ key: String, required: Bool) -> CalendarDate? {
        let expected = "a date (YYYY-MM-DD)"
        return required ? requiredValue(key, expected: expected, CalendarDate.init(iso:), problem: ValueProblem.notADate)
            : value(key, expected: expected, CalendarDate.init(iso:), problem: ValueProblem.notADate)
    }

    mutating func anniversaryOrigin(_ key: String) -> AnniversaryOrigin? {
        value(key, expected: "a date or a year", AnniversaryOrigin.init(text:), problem: ValueProblem.notAnOrigin)
    }
}

extension CalendarDate {
    /// Stands for a date that was missing or wrong; never published, since the reader's
    /// problems stop the build.
    static let placeholder = CalendarDate(dayNumber: 0)
}

/// What is wrong with a text that should name a day or an anniversary's origin.
enum ValueProblem {
    static func notADate(_ text: String) -> String {
        "'\(text)' is not a date that exists; write it as YYYY-MM-DD"
    }

    static func notAnOrigin(_ text: String) -> String {
        "'\(text)' is neither a date (YYYY-MM-DD) nor a year (YYYY)"
    }
}
