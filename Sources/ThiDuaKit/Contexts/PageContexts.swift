/// `page`: what a page says about itself, to readers and to the apps it is shared to.

struct SharingContext: Sendable {
    let permalink: String
    let description: String
    let socialImage: SocialImageContext?
    let ogType: String

    static func fields<Root>(_ sharing: @escaping @Sendable (Root) -> SharingContext) -> [FieldSpec<Root>] {
        [
            .text("permalink", "The page's absolute URL, for `<link rel=\"canonical\">`.") { sharing($0).permalink },
            .text("description", "Its summary, else the site's description, else the site's title.") { sharing($0).description },
            .optionalObject("socialImage", "The picture it is shared with: its own, else `site.yml`'s `image:`.") { sharing($0).socialImage },
            .text("ogType", "`article` for stories, people and milestones, else `website`.") { sharing($0).ogType },
        ]
    }
}

/// The `page` of a page that is not an item's: home, lists, terms, timeline, search, 404.
struct PageInfoContext: TemplateContext {
    let title: String
    let url: String
    let sharing: SharingContext

    static let fields = TemplateFields<Self>("PageInfo", "A page made by thidua rather than written.", [
        .text("title", "The page's title.") { $0.title },
        .text("url", "Its URL from the site's root.") { $0.url },
    ] + SharingContext.fields { $0.sharing })
}

struct StoryPageContext: TemplateContext {
    let story: StoryContext
    let sharing: SharingContext

    static let fields = TemplateFields<Self>("StoryPage", "A story on its own page.",
                                             FieldSpec.all(of: StoryContext.fields) { $0.story } + SharingContext.fields { $0.sharing })
}

struct PersonPageContext: TemplateContext {
    let person: PersonContext
    let sharing: SharingContext

    static let fields = TemplateFields<Self>("PersonPage", "A person on their own page.",
                                             FieldSpec.all(of: PersonContext.fields) { $0.person } + SharingContext.fields { $0.sharing })
}

struct MilestonePageContext: TemplateContext {
    let milestone: MilestoneContext
    let sharing: SharingContext

    static let fields = TemplateFields<Self>("MilestonePage", "A milestone on its own page.",
                                             FieldSpec.all(of: MilestoneContext.fields) { $0.milestone } + SharingContext.fields { $0.sharing })
}

struct StaticPageContext: TemplateContext {
    let page: PageContentContext
    let sharing: SharingContext

    static let fields = TemplateFields<Self>("StaticPage", "A page of `content/pages/` on its own page.",
                                             FieldSpec.all(of: PageContentContext.fields) { $0.page } + SharingContext.fields { $0.sharing })
}

/// The `page` of the files that are not pages: feeds, the calendar, the sitemap, redirects.
struct PageLinkContext: TemplateContext {
    let title: String?
    let url: String

    static let fields = TemplateFields<Self>("PageLink", "The file being written.", [
        .optionalText("title", "The title of the item a redirect leads to.") { $0.title },
        .text("url", "The file's URL from the site's root.") { $0.url },
    ])
}

struct PaginationContext: TemplateContext {
    struct PageNumber: TemplateContext {
        let number: Int
        let url: String
        let current: Bool

        static let fields = TemplateFields<Self>("PageNumber", "A page of a paginated list.", [
            .number("number", "Counted from 1.") { $0.number },
            .text("url", "Its URL.") { $0.url },
            .flag("current", "The page being rendered.") { $0.current },
        ])
    }

    let label: String
    let pages: [PageNumber]
    let previous: String?
    let next: String?

    static let fields = TemplateFields<Self>("Pagination", "Where a page stands in its list; absent on a list of one page.", [
        .text("label", "`Trang 2/5`, from the UI strings.") { $0.label },
        .list("pages", "The first and last pages and the two on each side of this one.") { $0.pages },
        .optionalText("previous", "The page before; absent on the first.") { $0.previous },
        .optionalText("next", "The page after; absent on the last.") { $0.next },
    ])
}

struct TermContext: TemplateContext {
    let title: String
    let url: String
    let count: Int
    let description: String?

    static let fields = TemplateFields<Self>("Term", "A tag, unit, movement or phase.", termFields { $0 })

    static func termFields<Root>(_ term: @escaping @Sendable (Root) -> TermContext) -> [FieldSpec<Root>] {
        [
            .text("title", "Its name.") { term($0).title },
            .text("url", "Its page.") { term($0).url },
            .number("count", "How many stories it has.") { term($0).count },
            .optionalText("description", "Its description (movements and phases); absent when empty.") { term($0).description },
        ]
    }
}
