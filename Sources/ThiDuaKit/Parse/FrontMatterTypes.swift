/// Typed front matter of each collection; keys not listed here become `page.params`.
protocol FrontMatter: Decodable {
    static var knownKeys: Set<String> { get }
}

struct StoryFrontMatter: FrontMatter {
    let title: String
    let date: CalendarDate
    let summary: String?
    let tags: [String]?
    let movement: String?
    let phase: String?
    let unit: String?
    let author: String?
    let image: String?
    let draft: Bool?
    let slug: String?
    let aliases: [String]?
    let publishDate: CalendarDate?
    let expiryDate: CalendarDate?

    static let knownKeys: Set<String> = [
        "title", "date", "summary", "tags", "movement", "phase", "unit", "author", "image",
        "draft", "slug", "publishDate", "expiryDate", "aliases",
    ]
}

struct PersonFrontMatter: FrontMatter {
    let title: String
    let unit: String
    let kind: Person.Kind?
    let role: String?
    let photo: String?
    let movement: String?
    let phase: String?
    let award: String?
    let date: CalendarDate?
    let featured: Bool?
    let summary: String?
    let draft: Bool?
    let slug: String?
    let aliases: [String]?
    let publishDate: CalendarDate?
    let expiryDate: CalendarDate?

    static let knownKeys: Set<String> = [
        "title", "unit", "kind", "role", "photo", "movement", "phase", "award", "date", "featured",
        "summary", "draft", "slug", "publishDate", "expiryDate", "aliases",
    ]
}

struct MilestoneFrontMatter: FrontMatter {
    let title: String
    let date: CalendarDate
    let since: AnniversaryOrigin?
    let phase: String?
    let image: String?
    let summary: String?
    let draft: Bool?
    let slug: String?
    let aliases: [String]?
    let publishDate: CalendarDate?
    let expiryDate: CalendarDate?

    static let knownKeys: Set<String> = [
        "title", "date", "since", "phase", "image", "summary", "draft", "slug", "publishDate", "expiryDate", "aliases",
    ]
}

struct PageFrontMatter: FrontMatter {
    let title: String
    let slug: String?
    let aliases: [String]?
    let weight: Int?
    let summary: String?
    let draft: Bool?

    static let knownKeys: Set<String> = ["title", "slug", "weight", "summary", "draft", "aliases"]
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
