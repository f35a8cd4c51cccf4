/// Typed front matter of each collection; keys not listed here become `page.params`.
protocol FrontMatter {
    /// Keys of the collection besides the common ones.
    static var ownKeys: Set<String> { get }
    /// Reads the collection's keys; what is wrong is left in the reader's problems, and the
    /// value is then only a placeholder.
    init(_ reader: inout MappingReader)
}

extension FrontMatter {
    static var knownKeys: Set<String> { ownKeys.union(CommonFrontMatter.keys) }
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

    init(_ reader: inout MappingReader) {
        title = reader.requiredText("title") ?? ""
        summary = reader.text("summary")
        draft = reader.bool("draft")
        slug = reader.text("slug")
        aliases = reader.texts("aliases")
        publishDate = reader.date("publishDate", required: false)
        expiryDate = reader.date("expiryDate", required: false)
    }
}

struct StoryFrontMatter: FrontMatter {
    let date: CalendarDate
    let tags: [String]?
    let movement: String?
    let phase: String?
    let unit: String?
    let author: String?
    let picture: PictureFrontMatter

    static let ownKeys = Set(["date", "tags", "movement", "phase", "unit", "author"]).union(PictureFrontMatter.keys)

    init(_ reader: inout MappingReader) {
        date = reader.date("date", required: true) ?? .placeholder
        tags = reader.texts("tags")
        movement = reader.text("movement")
        phase = reader.text("phase")
        unit = reader.text("unit")
        author = reader.text("author")
        picture = PictureFrontMatter(&reader, file: "image")
    }
}

struct PersonFrontMatter: FrontMatter {
    let unit: String
    let kind: Person.Kind?
    let role: String?
    let picture: PictureFrontMatter
    let movement: String?
    let phase: String?
    let award: String?
    let date: CalendarDate?
    let featured: Bool?

    static let ownKeys: Set<String> = ["unit", "kind", "role", "photo", "focus", "movement", "phase", "award", "date", "featured"]

    init(_ reader: inout MappingReader) {
        unit = reader.requiredText("unit") ?? ""
        kind = reader.value("kind", expected: "individual or collective", Person.Kind.init(rawValue:)) {
            "'\($0)' is neither individual (one person) nor collective (a group)"
        }
        role = reader.text("role")
        picture = PictureFrontMatter(&reader, file: "photo")
        movement = reader.text("movement")
        phase = reader.text("phase")
        award = reader.text("award")
        date = reader.date("date", required: false)
        featured = reader.bool("featured")
    }
}

struct MilestoneFrontMatter: FrontMatter {
    let date: CalendarDate
    let since: AnniversaryOrigin?
    let phase: String?
    let picture: PictureFrontMatter

    static let ownKeys = Set(["date", "since", "phase"]).union(PictureFrontMatter.keys)

    init(_ reader: inout MappingReader) {
        date = reader.date("date", required: true) ?? .placeholder
        since = reader.anniversaryOrigin("since")
        phase = reader.text("phase")
        picture = PictureFrontMatter(&reader, file: "image")
    }
}

struct PageFrontMatter: FrontMatter {
    let weight: Int?

    static let ownKeys: Set<String> = ["weight"]

    init(_ reader: inout MappingReader) {
        weight = reader.int("weight")
    }
}

/// An item's picture: the file (`image:` or, for people, `photo:`), its description for
/// readers who cannot see it, and where to cut it when it is cropped.
struct PictureFrontMatter {
    static let keys: Set<String> = ["image", "imageAlt", "focus"]

    let file: String?
    let alt: String?
    let focus: CropMode?

    init(_ reader: inout MappingReader, file key: String) {
        file = reader.text(key)
        // A person's picture is described by their name.
        alt = key == "image" ? reader.text("imageAlt") : nil
        focus = reader.value("focus", expected: "a side or a point", CropMode.init(focus:)) {
            "'\($0)' is neither a side (left, right, top, bottom, center) nor a point such as 0.3,0.4 (fractions of the width and height from the top left)"
        }
    }

    var picture: Picture? {
        file.map { Picture(file: $0, alt: alt?.trimmingWhitespace().nonEmpty, focus: focus) }
    }
}
