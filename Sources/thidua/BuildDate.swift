import Foundation
import ThiDuaKit

/// The day a build is made for: `--now`, else `SOURCE_DATE_EPOCH`, else today in Việt Nam.
enum BuildDate {
    static func resolve(now: String?, environment: [String: String]) -> CalendarDate {
        if let now, let date = CalendarDate(iso: now) { return date }
        if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap(Int64.init) {
            return CalendarDate(unixTime: epoch)
        }
        return CalendarDate(unixTime: Int64(Date().timeIntervalSince1970))
    }
}
