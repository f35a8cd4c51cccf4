import Foundation

/// Writes dates from a pattern taken from the theme's language file, so that the Vietnamese
/// forms (`16/01/2024`, `ngày 16 tháng 01 năm 2024`) and other languages' forms come from
/// the same rule.
///
/// Placeholders: `{d}` day, `{dd}` two-digit day, `{m}` month, `{mm}` two-digit month,
/// `{yyyy}` year, `{month}` the month's name from `monthNames` (January first).
public struct DatePattern: Sendable, Equatable {
    public let pattern: String
    public let monthNames: [String]

    public init(_ pattern: String, monthNames: [String] = []) {
        self.pattern = pattern
        self.monthNames = monthNames
    }

    public static let vietnameseShort = DatePattern("{dd}/{mm}/{yyyy}")
    public static let vietnameseLong = DatePattern("ngày {dd} tháng {mm} năm {yyyy}")

    public func format(_ date: CalendarDate) -> String {
        let name = monthNames.indices.contains(date.month - 1) ? monthNames[date.month - 1] : pad(date.month, 2)
        return pattern
            .replacingPlaceholder("{dd}", with: pad(date.day, 2))
            .replacingPlaceholder("{d}", with: String(date.day))
            .replacingPlaceholder("{mm}", with: pad(date.month, 2))
            .replacingPlaceholder("{month}", with: name)
            .replacingPlaceholder("{m}", with: String(date.month))
            .replacingPlaceholder("{yyyy}", with: String(date.year))
    }
}

extension String {
    /// Replaces every `{name}` placeholder; used for the theme's parameterised UI strings.
    func replacingPlaceholder(_ placeholder: String, with value: String) -> String {
        guard contains(placeholder) else { return self }
        return components(separatedBy: placeholder).joined(separator: value)
    }
}
