/// One page of a paginated list: `/stories/`, `/stories/page/2/`, …
public struct Pager: Sendable, Equatable {
    public let number: Int
    public let total: Int
    /// Indices into the full list shown on this page.
    public let range: Range<Int>
    public let baseURL: String

    public var url: String { Pager.url(base: baseURL, number: number) }
    public var previousURL: String? { number > 1 ? Pager.url(base: baseURL, number: number - 1) : nil }
    public var nextURL: String? { number < total ? Pager.url(base: baseURL, number: number + 1) : nil }

    static func url(base: String, number: Int) -> String {
        number == 1 ? base : "\(base)page/\(number)/"
    }

    /// At least one page, so an empty list still has its page saying it is empty.
    public static func paginate(count: Int, perPage: Int, baseURL: String) -> [Pager] {
        let size = max(perPage, 1)
        let total = max((count + size - 1) / size, 1)
        return (1...total).map { number in
            let start = (number - 1) * size
            return Pager(number: number, total: total, range: start..<min(start + size, count), baseURL: baseURL)
        }
    }
}
