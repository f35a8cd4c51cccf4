import Yams

/// The keys of `site.yml`, read with every wrong one reported; `permalinks`, `feed.limit`
/// and `paginate` are judged by `DataFileParser`, which knows the node of each.
struct SiteFile {
    struct Menu {
        let title: String
        let url: String
        let weight: Int?
    }

    struct Feed {
        let limit: Int?
        let content: SiteConfig.FeedContent?
    }

    let title: String
    let baseURL: String
    let description: String?
    let language: String?
    let organisation: String?
    let menu: [Menu]?
    let permalinks: [(name: String, text: String, node: Node)]?
    let paginate: Int?
    let feed: Feed?
    let image: String?
    let logo: String?
    let images: Images?
    /// In megabytes.
    let limits: (text: Int?, media: Int?)?

    struct Images {
        let cache: String?
        let originals: Bool?
    }

    static let knownKeys: Set<String> = [
        "title", "baseURL", "description", "language", "organisation", "menu", "permalinks", "paginate",
        "feed", "image", "logo", "images", "limits",
    ]

    init(_ reader: inout MappingReader) {
        title = reader.requiredText("title", allowEmpty: false) ?? ""
        baseURL = reader.requiredText("baseURL", allowEmpty: false) ?? ""
        description = reader.text("description")
        language = reader.text("language")
        organisation = reader.text("organisation")
        menu = reader.list("menu") { item in
            Menu(title: item.requiredText("title", allowEmpty: false) ?? "",
                 url: item.requiredText("url", allowEmpty: false) ?? "", weight: item.int("weight"))
        }
        permalinks = reader.textsByName("permalinks")
        paginate = reader.int("paginate")
        feed = reader.mapping("feed") { feed in
            Feed(limit: feed.int("limit"),
                 content: feed.value("content", expected: "full or summary", SiteConfig.FeedContent.init(rawValue:)) {
                     "'\($0)' is neither full (whole stories) nor summary"
                 })
        }
        image = reader.text("image")
        logo = reader.text("logo")
        images = reader.mapping("images") { images in
            Images(cache: images.text("cache"), originals: images.bool("originals"))
        }
        limits = reader.mapping("limits") { limits in
            (limits.int("text"), limits.int("media"))
        }
    }
}

/// One movement of `movements.yml`.
struct MovementFile {
    let id: String
    let title: String
    let description: String?
    let by: String?

    init(_ reader: inout MappingReader) {
        id = reader.requiredText("id", allowEmpty: false) ?? ""
        title = reader.requiredText("title", allowEmpty: false) ?? ""
        description = reader.text("description")
        by = reader.text("by")
    }
}

/// The keys of `timeline.yml`; `TimelineValidator` judges how the dates fit together.
struct TimelineFile {
    struct CampaignFile {
        let title: String
        let theme: String?
        let start: CalendarDate
        let end: CalendarDate

        init(_ reader: inout MappingReader) {
            title = reader.requiredText("title", allowEmpty: false) ?? ""
            theme = reader.text("theme")
            start = reader.date("start", required: true) ?? .placeholder
            end = reader.date("end", required: true) ?? .placeholder
        }
    }

    struct PhaseFile {
        let id: String
        let title: String
        let summary: String?
        let start: CalendarDate
        let end: CalendarDate

        init(_ reader: inout MappingReader) {
            id = reader.requiredText("id", allowEmpty: false) ?? ""
            title = reader.requiredText("title", allowEmpty: false) ?? ""
            summary = reader.text("summary")
            start = reader.date("start", required: true) ?? .placeholder
            end = reader.date("end", required: true) ?? .placeholder
        }
    }

    struct EventFile {
        let date: CalendarDate?
        let phase: String?
        let title: String
        let since: AnniversaryOrigin?
        let description: String?

        init(_ reader: inout MappingReader) {
            date = reader.date("date", required: false)
            phase = reader.text("phase")
            title = reader.requiredText("title", allowEmpty: false) ?? ""
            since = reader.anniversaryOrigin("since")
            description = reader.text("description")
        }
    }

    /// Nil only when missing, which the reader has reported.
    let campaign: CampaignFile?
    let phases: [PhaseFile]
    let events: [EventFile]?

    init(_ reader: inout MappingReader) {
        campaign = reader.mapping("campaign", required: true) { CampaignFile(&$0) }
        phases = reader.list("phases", required: true) { PhaseFile(&$0) } ?? []
        events = reader.list("events") { EventFile(&$0) }
    }
}
