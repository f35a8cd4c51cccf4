/// Every kind of page and file a theme renders, with the template it uses and the type of
/// its innermost frame: what `docs/theme.md` lists, and what templates are checked against.
enum PageKind: String, CaseIterable, Sendable {
    case home, notFound, timeline, page, story, person, milestone
    case storyList, personList, milestoneList, terms, term, search
    case feed, calendar, sitemap, robots, alias

    var template: String {
        switch self {
        case .home: return "home"
        case .notFound: return "404"
        case .timeline: return "timeline"
        case .page: return "page"
        case .story: return "story"
        case .person: return "person"
        case .milestone: return "milestone"
        case .storyList, .personList, .milestoneList: return "list"
        case .terms: return "terms"
        case .term: return "term"
        case .search: return "search"
        case .feed: return "feed.xml"
        case .calendar: return "calendar.ics"
        case .sitemap: return "sitemap.xml"
        case .robots: return "robots.txt"
        case .alias: return "alias"
        }
    }

    var frame: TemplateShape {
        switch self {
        case .home: return HomeFrame.shape
        case .notFound, .search: return PlainFrame.shape
        case .timeline: return TimelineFrame.shape
        case .page: return StaticPageFrame.shape
        case .story: return StoryFrame.shape
        case .person: return PersonFrame.shape
        case .milestone: return MilestoneFrame.shape
        case .storyList: return StoryListFrame.shape
        case .personList: return PersonListFrame.shape
        case .milestoneList: return MilestoneListFrame.shape
        case .terms: return TermsFrame.shape
        case .term: return TermFrame.shape
        case .feed: return FeedFrame.shape
        case .calendar: return CalendarFrame.shape
        case .sitemap: return SitemapFrame.shape
        case .robots: return RobotsFrame.shape
        case .alias: return AliasFrame.shape
        }
    }
}

/// The theme's templates that are not pages, with what they read.
enum PartKind: String, CaseIterable, Sendable {
    case storyCard = "cards/story"
    case personCard = "cards/person"
    case milestoneCard = "cards/milestone"

    var item: TemplateShape {
        switch self {
        case .storyCard: return StoryContext.shape
        case .personCard: return PersonContext.shape
        case .milestoneCard: return MilestoneContext.shape
        }
    }
}
