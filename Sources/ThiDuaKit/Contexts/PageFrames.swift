/// The innermost frame of each kind of page: `page` and what the page's template reads
/// besides it. Under it lie `CommonFrame` and `ChromeFrame`.

struct HomeFrame: TemplateContext {
    let page: PageInfoContext
    let campaign: CampaignContext
    let latest: [StoryContext]
    let upcoming: [TimelineEntryContext]
    let featured: [PersonContext]
    let phases: [PhaseContext]
    let status: StatusContext

    static let fields = TemplateFields<Self>("Home", "The home page (`home`).", [
        .object("page", "The page.") { $0.page },
        .object("campaign", "The campaign.") { $0.campaign },
        .list("latest", "The newest stories.") { $0.latest },
        .list("upcoming", "The next dated entries of the timeline.") { $0.upcoming },
        .list("featured", "People with `featured: true`, else the first people.") { $0.featured },
        .list("phases", "Every phase.") { $0.phases },
        .object("status", "Where the campaign stands.") { $0.status },
    ])
}

/// Pages with nothing of their own but `page`: search and 404.
struct PlainFrame: TemplateContext {
    let page: PageInfoContext

    static let fields = TemplateFields<Self>("Plain", "The search page (`search`) and the missing page (`404`).", [
        .object("page", "The page.") { $0.page },
    ])
}

struct TimelineFrame: TemplateContext {
    let page: PageInfoContext
    let calendar: CalendarLinksContext
    let campaign: CampaignContext
    let sections: [TimelineSectionContext]

    static let fields = TemplateFields<Self>("Timeline", "The timeline page (`timeline`).", [
        .object("page", "The page.") { $0.page },
        .object("calendar", "The calendar file's links.") { $0.calendar },
        .object("campaign", "The campaign.") { $0.campaign },
        .list("sections", "One section per phase, and one for the time outside them when it has entries.") { $0.sections },
    ])
}

struct StaticPageFrame: TemplateContext {
    let page: StaticPageContext

    static let fields = TemplateFields<Self>("PageFrame", "A page of `content/pages/` (`page`).", [
        .object("page", "The page.") { $0.page },
    ])
}

struct StoryFrame: TemplateContext {
    let page: StoryPageContext
    let newer: LinkContext?
    let older: LinkContext?

    static let fields = TemplateFields<Self>("StoryFrame", "A story's page (`story`).", [
        .object("page", "The story.") { $0.page },
        .optionalObject("newer", "The next newer story; absent for the newest.") { $0.newer },
        .optionalObject("older", "The next older story; absent for the oldest.") { $0.older },
    ])
}

struct PersonFrame: TemplateContext {
    let page: PersonPageContext

    static let fields = TemplateFields<Self>("PersonFrame", "A person's page (`person`).", [
        .object("page", "The person.") { $0.page },
    ])
}

struct MilestoneFrame: TemplateContext {
    let page: MilestonePageContext

    static let fields = TemplateFields<Self>("MilestoneFrame", "A milestone's page (`milestone`).", [
        .object("page", "The milestone.") { $0.page },
    ])
}

struct TermsFrame: TemplateContext {
    let page: PageInfoContext
    let kind: String
    let heading: String
    let terms: [TermContext]

    static let fields = TemplateFields<Self>("Terms", "The list of every tag, unit, movement or phase (`terms`).", [
        .object("page", "The page.") { $0.page },
        .text("kind", "`tags`, `units`, `movements` or `phases`.") { $0.kind },
        .text("heading", "The list's title from the UI strings.") { $0.heading },
        .list("terms", "Every term of the kind.") { $0.terms },
    ])
}

struct TermFrame: TemplateContext {
    struct TermInfo: TemplateContext {
        let term: TermContext
        let kind: String
        let indexURL: String

        static let fields = TemplateFields<Self>("TermInfo", "The term a page lists.", TermContext.termFields { $0.term } + [
            .text("kind", "The kind in the UI strings' words (`Đơn vị`).") { $0.kind },
            .text("indexURL", "The list of every term of the kind.") { $0.indexURL },
        ])
    }

    let page: PageInfoContext
    let term: TermInfo
    let stories: [StoryContext]
    let people: [PersonContext]
    let milestones: [MilestoneContext]
    let pagination: PaginationContext?

    static let fields = TemplateFields<Self>("TermFrame", "A term's page (`term`), paginated by its stories.", [
        .object("page", "The page.") { $0.page },
        .object("term", "The term.") { $0.term },
        .list("stories", "This page's share of its stories.") { $0.stories },
        .list("people", "Its people, on its first page only.") { $0.people },
        .list("milestones", "Its milestones, on its first page only.") { $0.milestones },
        .optionalObject("pagination", "Links to the term's other pages.") { $0.pagination },
    ])
}
