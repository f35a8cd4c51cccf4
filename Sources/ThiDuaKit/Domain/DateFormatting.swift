import Foundation

/// Writes dates from a pattern taken from the theme's language file, so that the Vietnamese
/// forms (`16/01/2024`, `ngày 16 tháng 01 năm 2024`, `ngày 28 tháng 7 năm 2024`) and other
/// languages' forms come from the same rule.
///
/// Placeholders: `{d}` day, `{dd}` two-digit day, `{m}` month, `{mm}` two-digit month,
/// `{m12}` the month with a 0 before 1 and 2 only, `{yyyy}` year, `{month}` the month's name
/// from `monthNames` (January first). `{m12}` is how Vietnamese official style writes a date
/// in words (Nghị định 30/2020/NĐ-CP): a 0 before a day under 10 and before months 1 and 2,
/// so that `tháng 01` cannot be the start of `tháng 10`, `11` or `12` — and `tháng 7`, not
/// `tháng 07`.
public struct DatePattern: Sendable, Equatable {
    private enum Piece: Sendable, Equatable {
        case text(String), day, day2, month, month2, monthUnambiguous, monthName, year
    }

    public let pattern: String
    public let monthNames: [String]
    /// The pattern cut once into pieces: every page formats several dates.
    private let pieces: [Piece]

    public init(_ pattern: String, monthNames: [String] = []) {
        self.pattern = pattern
        self.monthNames = monthNames
        let names: [String: Piece] = ["d": .day, "dd": .day2, "m": .month, "mm": .month2, "m12": .monthUnambiguous,
                                         "month": .monthName, "yyyy": .year]
        var pieces: [Piece] = []
        var rest = pattern[...]
        while let open = rest.firstIndex(of: "{") {
            if open > rest.startIndex { pieces.append(.text(String(rest[..<open]))) }
            guard let close = rest[open...].firstIndex(of: "}"),
                  let piece = names[String(rest[rest.index(after: open)..<close])] else {
                pieces.append(.text("{"))
                rest = rest[rest.index(after: open)...]
                continue
            }
            pieces.append(piece)
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { pieces.append(.text(String(rest))) }
        self.pieces = pieces
    }

    public static let vietnameseShort = DatePattern("{dd}/{mm}/{yyyy}")
    public static let vietnameseLong = DatePattern("ngày {dd} tháng {m12} năm {yyyy}")

    public func format(_ date: CalendarDate) -> String {
        var out = ""
        for piece in pieces {
            switch piece {
            case .text(let text): out += text
            case .day: out += String(date.day)
            case .day2: out += pad(date.day, 2)
            case .month: out += String(date.month)
            case .month2: out += pad(date.month, 2)
            case .monthUnambiguous: out += date.month <= 2 ? pad(date.month, 2) : String(date.month)
            case .year: out += String(date.year)
            case .monthName:
                out += monthNames.indices.contains(date.month - 1) ? monthNames[date.month - 1] : pad(date.month, 2)
            }
        }
        return out
    }
}

extension String {
    /// Replaces every `{name}` placeholder; used for the theme's parameterised UI strings.
    func replacingPlaceholder(_ placeholder: String, with value: String) -> String {
        guard contains(placeholder) else { return self }
        return components(separatedBy: placeholder).joined(separator: value)
    }
}
