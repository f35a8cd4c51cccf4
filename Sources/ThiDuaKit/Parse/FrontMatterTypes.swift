/// Typed front matter of each collection; keys not listed here become `page.params`.
protocol FrontMatter {
    /// Keys of the collection besides the common ones.
    static var ownKeys: Set<String> { get }
    /// Reads the collection's keys; what is wrong is left in the reader's problems, and the
    /// value is then only a placeholder.
    init(_ reader: inout FrontMatterReader)
}

extension FrontMatter {
    static var knownKeys: Set<String> { ownKeys.union(CommonFrontMatter.keys) }
}

/// Placeholders for values that were missing or wrong; never published, since the reader's
/// problems stop the build.
private let noDate = CalendarDate(dayNumber: 0)

private func date(_ reader: inout FrontMatterReader, _ key: String, required: Bool) -> CalendarDate? {
    let expected = "a date (YYYY-MM-DD)"
    return required ? reader.requiredValue(key, expected: expected, CalendarDate.init(iso:), problem: ValueProblem.notADate)
        : reader.value(key, expected: expected, CalendarDate.init(iso:), problem: ValueProblem.notADate)
}

/// Keys every collection has; read from the same mapping as the collection's own.
struct CommonFrontMatter {
    let title: String
    let summary: String?
    let draft: Bool?
    let slug: String?
    let aliases: [String]?
    let publishDate: CalendarDate?
    let expiryDate: CalendarDate?

    static let keys: Set<String> = ["title", "summary", "draft", "slug", "aliases", "publishDate", "expiryDate"]

    init(_ reader: inout FrontMatterReader) {
        title = reader.requiredText("title") ?? ""
        summary = reader.text("summary")
        draft = reader.bool("draft")
        slug = reader.text("slug")
        aliases = reader.texts("aliases")
        publishDate = date(&reader, "publishDate", required: false)
        expiryDate = date(&reader, "expiryDate", required: false)
    }
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

    init(_ reader: inout FrontMatterReader) {
        date = ThiDuaKit.date(&reader, "date", required: true) ?? noDate
        tags = reader.texts("tags")
        movement = reader.text("movement")
        phase = reader.text("phase")
        unit = reader.text("unit")
        author = reader.text("author")
        image = reader.text("image")
    }
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

    init(_ reader: inout FrontMatterReader) {
        unit = reader.requiredText("unit") ?? ""
        kind = reader.value("kind", expected: "individual or collective", Person.Kind.init(rawValue:)) {
            "'\($0)' is neither individual (one person) nor collective (a group)"
        }
        role = reader.text("role")
        photo = reader.text("photo")
        movement = reader.text("movement")
        phase = reader.text("phase")
        award = reader.text("award")
        date = ThiDuaKit.date(&reader, "date", required: false)
        featured = reader.bool("featured")
    }
}

struct MilestoneFrontMatter: FrontMatter {
    let date: CalendarDate
    let since: AnniversaryOrigin?
    let phase: String?
    let image: String?

    static let ownKeys: Set<String> = ["date", "since", "phase", "image"]

    init(_ reader: inout FrontMatterReader) {
        date = ThiDuaKit.date(&reader, "date", required: true) ?? noDate
        since = reader.value("since", expected: "a date or a year", AnniversaryOrigin.init(text:),
                             problem: ValueProblem.notAnOrigin)
        phase = reader.text("phase")
        image = reader.text("image")
    }
}

struct PageFrontMatter: FrontMatter {
    let weight: Int?

    static let ownKeys: Set<String> = ["weight"]

    init(_ reader: inout FrontMatterReader) {
        weight = reader.int("weight")
    }
}

/// What is wrong with a text that should name a day or an anniversary's origin; shared by
/// front matter and the data files.
enum ValueProblem {
    static func notADate(_ text: String) -> String {
        "'\(text)' is not a date that exists; write it as YYYY-MM-DD"
    }

    static func notAnOrigin(_ text: String) -> String {
        "'\(text)' is neither a date (YYYY-MM-DD) nor a year (YYYY)"
    }
}

extension CalendarDate: Decodable {
    public init(from decoder: any Decoder) throws {
        self = try decoder.decodeText(CalendarDate.init(iso:), problem: ValueProblem.notADate)
    }
}

extension AnniversaryOrigin: Decodable {
    public init(from decoder: any Decoder) throws {
        self = try decoder.decodeText(AnniversaryOrigin.init(text:), problem: ValueProblem.notAnOrigin)
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
