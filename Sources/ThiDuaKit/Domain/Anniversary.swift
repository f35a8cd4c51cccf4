/// The origin of an anniversary: a full date, or a year alone where the source gives no day
/// (the plan names "115 năm thành lập tỉnh Lai Châu" without a day, so none is invented).
public enum AnniversaryOrigin: Hashable, Sendable {
    case day(CalendarDate)
    case year(Int)

    public var year: Int {
        switch self {
        case .day(let date): return date.year
        case .year(let year): return year
        }
    }

    /// Reads `1929-07-28` or `1909`.
    public init?(text: String) {
        if let date = CalendarDate(iso: text) {
            self = .day(date)
        } else if text.count == 4, let year = Int(text) {
            self = .year(year)
        } else {
            return nil
        }
    }

    /// The anniversary kept in `year`: 1929-07-28 → 2024 is the 95th. Anniversaries are
    /// celebrated in their year whatever the day, so only years count; nil before the first.
    public func ordinal(inYear year: Int) -> Int? {
        let ordinal = year - self.year
        return ordinal >= 1 ? ordinal : nil
    }
}
