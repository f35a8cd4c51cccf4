/// The files that carry the campaign outside the site: Atom feeds, the calendar, the
/// sitemap, robots.txt, and the redirects at items' old URLs. Every URL in them is absolute.

struct FeedFrame: TemplateContext {
    struct Feed: TemplateContext {
        let title: String
        let selfURL: String
        let alternate: String
        let updated: String
        let subtitle: String?
        let author: String

        static let fields = TemplateFields<Self>("Feed", "An Atom feed.", [
            .text("title", "The site's title, with the term's for a term's feed.") { $0.title },
            .text("self", "The feed's own URL.") { $0.selfURL },
            .text("alternate", "The page it follows.") { $0.alternate },
            .text("updated", "The date of its newest entry, RFC 3339.") { $0.updated },
            .optionalText("subtitle", "The site's description.") { $0.subtitle },
            .text("author", "The organisation, else the site's title.") { $0.author },
        ])
    }

    struct Entry: TemplateContext {
        let title: String
        let url: String
        let updated: String
        let summary: String?
        let content: String?
        let tags: [LinkContext]?

        static let fields = TemplateFields<Self>("FeedEntry", "A story, person or milestone in a feed.", [
            .text("title", "Its title.") { $0.title },
            .text("url", "Its page's absolute URL.") { $0.url },
            .text("id", "The same, as the entry's id.") { $0.url },
            .text("updated", "Its date, RFC 3339.") { $0.updated },
            .optionalText("summary", "`summary:`.") { $0.summary },
            .optionalHTML("content", "Its body, with `feedContent: full` in `site.yml`.") { $0.content },
            .optionalList("tags", "A story's tags.") { $0.tags },
        ])
    }

    let page: PageLinkContext
    let feed: Feed
    let entries: [Entry]

    static let fields = TemplateFields<Self>("FeedFrame", "An Atom feed (`feed.xml`): the site's, a movement's or a tag's.", [
        .object("page", "The file.") { $0.page },
        .object("feed", "The feed.") { $0.feed },
        .list("entries", "Its newest items, newest first.") { $0.entries },
    ])
}

struct CalendarFrame: TemplateContext {
    struct Calendar: TemplateContext {
        let name: String
        let description: String
        let url: String

        static let fields = TemplateFields<Self>("Calendar", "The calendar.", [
            .text("name", "The site's title.") { $0.name },
            .text("description", "The campaign's name.") { $0.description },
            .text("timezone", "`Asia/Ho_Chi_Minh`.") { _ in "Asia/Ho_Chi_Minh" },
            .text("url", "The timeline page.") { $0.url },
        ])
    }

    struct Event: TemplateContext {
        let uid: String
        let summary: String
        let url: String
        let start: String
        let end: String
        let description: String?

        static let fields = TemplateFields<Self>("CalendarEvent", "An all-day event: a phase's first or last day, a dated event, a milestone.", [
            .text("uid", "Stable across builds, so subscribed phones update it in place.") { $0.uid },
            .text("summary", "Its title.") { $0.summary },
            .text("url", "Its page.") { $0.url },
            .text("start", "Its day, `20240501`.") { $0.start },
            .text("end", "The day after.") { $0.end },
            .optionalText("description", "Its description.") { $0.description },
        ])
    }

    let page: PageLinkContext
    let calendar: Calendar
    let stamp: String
    let events: [Event]

    static let fields = TemplateFields<Self>("CalendarFrame", "The campaign calendar (`calendar.ics`).", [
        .object("page", "The file.") { $0.page },
        .object("calendar", "The calendar.") { $0.calendar },
        .text("stamp", "The build date, as iCalendar's DTSTAMP.") { $0.stamp },
        .list("events", "Every event, by day.") { $0.events },
    ])
}

struct SitemapFrame: TemplateContext {
    struct Location: TemplateContext {
        let loc: String
        let lastmod: String?

        static let fields = TemplateFields<Self>("SitemapURL", "A page search engines should know.", [
            .text("loc", "Its absolute URL.") { $0.loc },
            .optionalText("lastmod", "The date of its content, when it has one.") { $0.lastmod },
        ])
    }

    let page: PageLinkContext
    let urls: [Location]

    static let fields = TemplateFields<Self>("SitemapFrame", "The sitemap (`sitemap.xml`).", [
        .object("page", "The file.") { $0.page },
        .list("urls", "Every page.") { $0.urls },
    ])
}

struct RobotsFrame: TemplateContext {
    let page: PageLinkContext
    let sitemap: String

    static let fields = TemplateFields<Self>("RobotsFrame", "`robots.txt`.", [
        .object("page", "The file.") { $0.page },
        .text("sitemap", "The sitemap's absolute URL.") { $0.sitemap },
    ])
}

struct AliasFrame: TemplateContext {
    struct Target: TemplateContext {
        let url: String
        let permalink: String

        static let fields = TemplateFields<Self>("AliasTarget", "Where an old URL now leads.", [
            .text("url", "From the site's root.") { $0.url },
            .text("permalink", "Absolute.") { $0.permalink },
        ])
    }

    let page: PageLinkContext
    let target: Target

    static let fields = TemplateFields<Self>("AliasFrame", "A redirect from an item's old URL (`alias`, from `aliases:`).", [
        .object("page", "The old URL, and the item's title.") { $0.page },
        .object("target", "The item's page.") { $0.target },
    ])
}
