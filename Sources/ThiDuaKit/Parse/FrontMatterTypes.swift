/// Typed front matter of each collection; keys not listed here become `page.params`.
protocol FrontMatter: Decodable {
    /// Keys of the collection besides the common ones.
    static var ownKeys: Set<String> { get }
}

extension FrontMatter {
    static var knownKeys: Set<String> { ownKeys.union(CommonFrontMatter.keys) }
}

/// Keys every collection has; decoded from the same YAML node as the collection's own.
struct CommonFrontMatter: Decodable {
    let title: String
    let summary: String?
    let draft: Bool?
    let slug: String?
    let aliases: [String]?
    let publishDate: CalendarDate?
    let expiryDate: CalendarDate?

    static let keys: Set<String> = ["title", "summary", "draft", "slug", "aliases", "publishDate", "expiryDate"]
}

struct StoryFrontMatter: FrontMatter {
    let date: CalendarDate
    let tags: [String]?
    let movement: String?
    let phase: String?
    let unit: String?
    let author: String?
    let image: String?

    static let ownKeys: Set<String> = ["date", "tags", "movement", "phase", "unit", "author", "image"]
}

struct PersonFrontMatter: FrontMatter {
    let unit: String
    let kind: Person.Kind?
    let role: String?
    let photo: String?
    let movement: String?
    let phase: String?
    let award: String?
    let date: CalendarDate?
    let featured: Bool?

    static let ownKeys: Set<String> = ["unit", "kind", "role", "photo", "movement", "phase", "award", "date", "featured"]
}

struct MilestoneFrontMatter: FrontMatter {
    let date: CalendarDate
    let since: AnniversaryOrigin?
    let phase: String?
    let image: String?

    static let ownKeys: Set<String> = ["date", "since", "phase", "image"]
}

struct PageFrontMatter: FrontMatter {
    let weight: Int?

    static let ownKeys: Set<String> = ["weight"]
}

extension CalendarDate: Decodable {
    public init(from decoder: any Decoder) throws {
        self = try decoder.decodeText(CalendarDate.init(iso:)) {
            "'\($0)' is not a date that exists; write it as YYYY-MM-DD"
        }
    }
}

extension AnniversaryOrigin: Decodable {
    public init(from decoder: any Decoder) throws {
        self = try decoder.decodeText(AnniversaryOrigin.init(text:)) {
            "'\($0)' is neither a date (YYYY-MM-DD) nor a year (YYYY)"
        }
    }
}

extension Decoder {
    /// Decodes a scalar written as text, with a message naming the text when it does not parse.
    func decodeText<T>(_ parse: (String) -> T?, problem: (String) -> String) throws -> T {
        let container = try singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = parse(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: problem(text))
        }
        return value
    }
}
