/// The collections of Markdown files under `content/`.
public enum ContentKind: String, CaseIterable, Sendable, Hashable, Comparable {
    case pages, stories, people, milestones

    public static func < (a: ContentKind, b: ContentKind) -> Bool {
        a.rawValue < b.rawValue
    }

    /// Where an item is published unless `site.yml` says otherwise; pages live at the root.
    var defaultPermalink: String {
        self == .pages ? "/:slug/" : "/\(rawValue)/:slug/"
    }
}

/// A link or image in Markdown, kept so `thidua check` can say where a broken one is.
public struct Reference: Sendable, Equatable {
    public let url: String
    public let position: SourcePosition
    public let isImage: Bool
    /// The link text or, for an image, the alt text is not empty.
    public let hasText: Bool
}

/// What every Markdown item has, whatever its collection.
public struct Entry: Sendable {
    public let path: String
    public let kind: ContentKind
    public let slug: String
    /// Set by the Assemble stage from the site's permalinks.
    public internal(set) var url: String = ""
    public let title: String
    /// The body as HTML from libcmark, already safe: in memory, or in the build's `BodyStore`.
    let storedBody: BodyText
    /// Read from the store on each use: hold it only as long as needed.
    public var body: String { storedBody.html }
    public let summary: String
    public let params: [String: Param]
    public let draft: Bool
    public let publishDate: CalendarDate?
    public let expiryDate: CalendarDate?
    /// Old URLs of the item (`aliases:`), each published as a redirect to its URL.
    public let aliases: [String]
    /// Links and images of the body, with their positions in the file.
    public let references: [Reference]
    /// Where each front matter key's value sits in the file, for errors found after parsing.
    /// A list rather than a dictionary: a dozen keys are found as fast by looking, and a
    /// list of them takes less room than a hash table for each of 100,000 items.
    public let positions: [(key: String, position: SourcePosition)]

    public func position(of key: String) -> SourcePosition {
        positions.first { $0.key == key }?.position ?? .start
    }
}

public struct Story: Sendable {
    public internal(set) var entry: Entry
    public let date: CalendarDate
    public let tags: [String]
    public let movement: String?
    /// From front matter, or the phase whose window holds `date` (set by Assemble).
    public internal(set) var phase: String?
    public let unit: String?
    public let author: String?
    public let image: Picture?
}

public struct Person: Sendable {
    public enum Kind: String, Sendable { case individual, collective }

    public internal(set) var entry: Entry
    public let unit: String
    public let kind: Kind
    public let role: String?
    public let photo: Picture?
    public let movement: String?
    public internal(set) var phase: String?
    public let award: String?
    public let date: CalendarDate?
    public let featured: Bool
}

public struct Milestone: Sendable {
    public internal(set) var entry: Entry
    public let date: CalendarDate
    public let since: AnniversaryOrigin?
    public internal(set) var phase: String?
    public let image: Picture?
}

public struct Page: Sendable {
    public internal(set) var entry: Entry
    public let weight: Int?
}

/// One parsed Markdown file.
public enum Item: Sendable {
    case page(Page)
    case story(Story)
    case person(Person)
    case milestone(Milestone)

    public var entry: Entry {
        switch self {
        case .page(let page): return page.entry
        case .story(let story): return story.entry
        case .person(let person): return person.entry
        case .milestone(let milestone): return milestone.entry
        }
    }

    /// The date an item is filed under, when it has one.
    public var date: CalendarDate? {
        switch self {
        case .page: return nil
        case .story(let story): return story.date
        case .person(let person): return person.date
        case .milestone(let milestone): return milestone.date
        }
    }
}

/// A picture named in front matter, with what the editor said about it.
public struct Picture: Sendable, Hashable {
    /// As written: `media/a.jpg` or `/media/a.jpg`.
    public let file: String
    /// `imageAlt:`; a person's photo is described by their name instead.
    public let alt: String?
    /// `focus:`, where cards and portraits are cut; nil leaves it to libvips' attention crop.
    let focus: CropMode?
}
