/// What a build is asked for besides the content.
public struct BuildOptions: Sendable {
    /// The build date: decides the current phase, the upcoming milestones and which
    /// scheduled items are out.
    public var now: CalendarDate
    public var drafts: Bool
    public var future: Bool
    /// Pages load the live-reload script of `thidua serve`.
    public var liveReload: Bool

    public init(now: CalendarDate, drafts: Bool = false, future: Bool = false, liveReload: Bool = false) {
        self.now = now
        self.drafts = drafts
        self.future = future
        self.liveReload = liveReload
    }
}

/// The taxonomies a story or person is filed under; each has an index page and a page per term.
public enum TermKind: String, CaseIterable, Sendable {
    case tags, movements, phases, units
}

/// One value of a taxonomy with what is filed under it, as indices into the site's lists.
public struct Term: Sendable {
    public let kind: TermKind
    public let slug: String
    public let title: String
    public let description: String?
    public internal(set) var stories: [Int] = []
    public internal(set) var people: [Int] = []
    public internal(set) var milestones: [Int] = []

    public var url: String { "/\(kind.rawValue)/\(slug)/" }
    public var count: Int { stories.count + people.count + milestones.count }
}

/// The assembled site: only what is published, in reading order, with every link resolved.
public struct Site: Sendable {
    public let config: SiteConfig
    public let timeline: Timeline
    public let movements: [Movement]
    public let now: CalendarDate
    public let liveReload: Bool
    public let pages: [Page]
    /// Newest first.
    public internal(set) var stories: [Story]
    /// In Vietnamese name order.
    public let people: [Person]
    /// Oldest first, as on the timeline.
    public let milestones: [Milestone]
    public let terms: [TermKind: [Term]]
    /// The slug of every tag and unit name as written in content, made once by `TermIndex`.
    public let termSlugs: [String: String]
    /// Files of `content/media/`.
    public let media: [StaticFile]
    /// What the build tells the editor without failing (`ContentSource.warnings`).
    public var warnings: [Diagnostic] = []

    /// The media files published as they are: documents and vector pictures; photos too when
    /// `images.originals` asks for them, since a photo from a phone carries where it was taken.
    public var publishedMedia: [StaticFile] {
        config.images.originals ? media : media.filter { !MediaPath.isRaster($0.outputPath) }
    }
}
