/// Every page a site has, as small values that can be rendered in any order on any thread.
enum PageJob: Sendable {
    case home
    case notFound
    case timeline
    case page(Int)
    case story(Int)
    case person(Int)
    case milestone(Int)
    case list(ContentKind, Pager)
    case termIndex(TermKind)
    case term(TermKind, Int, Pager)
    case search
    case feed(ContextBuilder.FeedScope)
    case calendar
    case sitemap
    case robots
    /// A redirect page at an item's old URL.
    /// Boxed: an `Entry` inline made every job of the plan as large as one.
    indirect case alias(from: String, to: Entry)

    /// All pages of `site` in a fixed order, so output and messages are deterministic.
    static func plan(for site: Site) -> [PageJob] {
        var jobs: [PageJob] = [.home, .notFound, .timeline]
        jobs += site.pages.indices.map(PageJob.page)
        jobs += site.stories.indices.map(PageJob.story)
        jobs += site.people.indices.map(PageJob.person)
        jobs += site.milestones.indices.map(PageJob.milestone)
        let perPage = site.config.paginate
        let lists: [(ContentKind, Int)] = [(.stories, site.stories.count), (.people, site.people.count), (.milestones, site.milestones.count)]
        for (kind, count) in lists {
            jobs += Pager.paginate(count: count, perPage: perPage, baseURL: "/\(kind.rawValue)/").map { .list(kind, $0) }
        }
        for kind in TermKind.allCases {
            jobs.append(.termIndex(kind))
            for (index, term) in (site.terms[kind] ?? []).enumerated() {
                jobs += Pager.paginate(count: term.stories.count, perPage: perPage, baseURL: term.url).map {
                    .term(kind, index, $0)
                }
                if kind.hasFeeds { jobs.append(.feed(.term(kind, index))) }
            }
        }
        jobs += [.search, .feed(.site), .calendar, .sitemap, .robots]
        let entries = site.pages.map(\.entry) + site.stories.map(\.entry) + site.people.map(\.entry)
            + site.milestones.map(\.entry)
        for entry in entries {
            jobs += entry.aliases.map { .alias(from: $0, to: entry) }
        }
        return jobs
    }
}

extension PageJob {
    /// The kind of page, which says its template and what that template reads.
    var kind: PageKind {
        switch self {
        case .home: return .home
        case .notFound: return .notFound
        case .timeline: return .timeline
        case .page: return .page
        case .story: return .story
        case .person: return .person
        case .milestone: return .milestone
        case .list(.stories, _): return .storyList
        case .list(.people, _): return .personList
        // `plan(for:)` makes no list of pages: they are linked from the menu.
        case .list(.milestones, _), .list(.pages, _): return .milestoneList
        case .termIndex: return .terms
        case .term: return .term
        case .search: return .search
        case .feed: return .feed
        case .calendar: return .calendar
        case .sitemap: return .sitemap
        case .robots: return .robots
        case .alias: return .alias
        }
    }

    /// Where the page is published: its file is `OutputFile.path(forURL:)` of this.
    func url(in site: Site) -> String {
        switch self {
        case .home: return "/"
        case .notFound: return "/404.html"
        case .timeline: return "/timeline/"
        case .page(let index): return site.pages[index].entry.url
        case .story(let index): return site.stories[index].entry.url
        case .person(let index): return site.people[index].entry.url
        case .milestone(let index): return site.milestones[index].entry.url
        case .list(_, let pager): return pager.url
        case .termIndex(let kind): return "/\(kind.rawValue)/"
        case .term(_, _, let pager): return pager.url
        case .search: return "/search/"
        case .feed(.site): return "/feed.xml"
        case .feed(.term(let kind, let index)): return (site.terms[kind]?[index].url ?? "/") + "feed.xml"
        case .calendar: return "/calendar.ics"
        case .sitemap: return "/sitemap.xml"
        case .robots: return "/robots.txt"
        case .alias(let from, _): return from
        }
    }
}

/// A page ready to be written: its path under the output folder and its bytes.
public struct OutputFile: Sendable, Equatable {
    public let path: String
    /// UTF-8, as rendered: pages go to disk without becoming a `String` on the way.
    public let bytes: [UInt8]

    init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    init(path: String, contents: String) {
        self.init(path: path, bytes: Array(contents.utf8))
    }

    public var contents: String { String(decoding: bytes, as: UTF8.self) }

    /// `/stories/tet/` → `stories/tet/index.html`; `/feed.xml` → `feed.xml`.
    static func path(forURL url: String) -> String {
        let trimmed = url.hasPrefix("/") ? String(url.dropFirst()) : url
        if trimmed.isEmpty || trimmed.hasSuffix("/") { return trimmed + "index.html" }
        if trimmed.split(separator: "/").last?.contains(".") == true { return trimmed }
        return trimmed + "/index.html"
    }
}

extension TermKind {
    /// Movements and tags are what members follow; phases and units have pages but no feeds.
    var hasFeeds: Bool { self == .movements || self == .tags }
}
