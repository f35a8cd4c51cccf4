/// Contexts of the files that carry the campaign outside the site: Atom feeds, the
/// calendar, the sitemap and robots.txt. Every URL in them is absolute, from `baseURL`, and
/// every date comes from content, never from the file system or the clock.
extension ContextBuilder {
    /// The feeds a build writes: the whole site's, and one per movement and per tag.
    enum FeedScope: Sendable {
        case site
        case term(TermKind, Int)
    }

    func absolute(_ url: String) -> String {
        Self.absolute(url, base: site.config.baseURL)
    }

    static func absolute(_ url: String, base: String) -> String {
        base + (url.hasPrefix("/") ? String(url.dropFirst()) : url)
    }

    /// RFC 3339 at midnight in Việt Nam: content dates are days there.
    static func timestamp(_ date: CalendarDate) -> String {
        "\(date)T00:00:00+07:00"
    }

    func feedURL(_ scope: FeedScope) -> String {
        PageJob.feed(scope).url(in: site)
    }

    func feed(_ scope: FeedScope, page: PageLinkContext) -> FeedFrame {
        // Only the entries that make the cut are made: the site's feed chooses 20 of
        // thousands of items.
        // The body and tags as the item's page shows them.
        var items: [(date: CalendarDate, entry: Entry, shown: () -> (content: BodyText, tags: [LinkContext]?))] = []
        let title: String
        let alternate: String
        func addStory(_ index: Int) {
            items.append((site.stories[index].date, site.stories[index].entry, { let story = story(at: index); return (story.entry.content, story.tags) }))
        }
        func addPerson(_ index: Int) {
            guard let date = site.people[index].date else { return }
            items.append((date, site.people[index].entry, { (person(at: index).entry.content, nil) }))
        }
        switch scope {
        case .site:
            title = site.config.title
            alternate = "/"
            site.stories.indices.forEach(addStory)
            site.people.indices.forEach(addPerson)
            for index in site.milestones.indices {
                items.append((site.milestones[index].date, site.milestones[index].entry, { (milestone(at: index).entry.content, nil) }))
            }
        case .term(let kind, let index):
            let term = site.terms[kind]?[index] ?? Term(kind: kind, slug: "", title: "", description: nil)
            title = "\(site.config.title): \(term.title)"
            alternate = term.url
            term.stories.forEach(addStory)
            term.people.forEach(addPerson)
        }
        // A milestone ahead of the build date is upcoming, not news: it joins the feed on its day.
        items.removeAll { site.now < $0.date }
        // Only items on or after the date of the limit-th newest can make the cut; sorting the
        // dates alone is cheap, and the URLs that break ties are compared for those few only.
        let limit = site.config.feedLimit
        if items.count > limit, limit > 0 {
            let cutoff = items.map(\.date.dayNumber).sorted(by: >)[limit - 1]
            items.removeAll { $0.date.dayNumber < cutoff }
        }
        items.sort { ($1.date, $0.entry.url) < ($0.date, $1.entry.url) }
        let newest = items.prefix(limit)
        let full = site.config.feedContent == .full
        let entries = newest.map { item in
            let shown = item.shown()
            return FeedFrame.Entry(title: item.entry.title, url: absolute(item.entry.url), updated: Self.timestamp(item.date),
                                   summary: item.entry.summary.nonEmpty, content: full ? shown.content.html : nil, tags: shown.tags)
        }
        let updated = newest.first?.date ?? site.timeline.campaign.start
        let feed = FeedFrame.Feed(title: title, selfURL: absolute(feedURL(scope)), alternate: absolute(alternate),
                                  updated: Self.timestamp(updated), subtitle: site.config.description?.nonEmpty,
                                  author: site.config.organisation?.nonEmpty ?? site.config.title)
        return FeedFrame(page: page, feed: feed, entries: entries)
    }

    /// Every dated event, milestone and phase boundary as an all-day event. UIDs come from
    /// content (dates, slugs, ids), so a phone that subscribed updates events in place.
    func calendar(page: PageLinkContext) -> CalendarFrame {
        let host = Self.host(of: site.config.baseURL)
        var events: [CalendarFrame.Event] = []
        func event(uid: String, date: CalendarDate, summary: String, url: String, description: String?) {
            events.append(CalendarFrame.Event(
                uid: "\(uid)@\(host)", summary: summary, url: absolute(url), start: ICalendarText.date(date),
                end: ICalendarText.date(CalendarDate(dayNumber: date.dayNumber + 1)), description: description?.nonEmpty))
        }
        func withOrdinal(_ title: String, _ since: AnniversaryOrigin?, _ year: Int) -> String {
            guard let label = anniversary(since, year: year)?.label else { return title }
            return "\(title) (\(label))"
        }
        for phase in site.timeline.phases {
            let url = "/phases/\(phase.id)/"
            event(uid: "phase-\(phase.id)-start", date: phase.start,
                  summary: strings.text("calendar.phaseStart", ["phase": phase.title]), url: url, description: phase.summary)
            event(uid: "phase-\(phase.id)-end", date: phase.end,
                  summary: strings.text("calendar.phaseEnd", ["phase": phase.title]), url: url, description: phase.summary)
        }
        for item in site.timeline.events {
            guard let date = item.date else { continue }
            event(uid: "event-\(ICalendarText.date(date))-\(Slug.make(item.title))", date: date,
                  summary: withOrdinal(item.title, item.since, date.year), url: "/timeline/", description: item.description)
        }
        for milestone in site.milestones {
            event(uid: "milestone-\(milestone.entry.slug)", date: milestone.date,
                  summary: withOrdinal(milestone.entry.title, milestone.since, milestone.date.year),
                  url: milestone.entry.url, description: milestone.entry.summary)
        }
        events.sort { ($0.start, $0.uid) < ($1.start, $1.uid) }
        return CalendarFrame(page: page,
                             calendar: CalendarFrame.Calendar(name: site.config.title, description: site.timeline.campaign.title,
                                                              url: absolute("/timeline/")),
                             stamp: "\(ICalendarText.date(site.now))T000000Z", events: events)
    }

    /// Pages a search engine should know, with the content date where there is one.
    func sitemap(page: PageLinkContext) -> SitemapFrame {
        var urls: [SitemapFrame.Location] = []
        func add(_ url: String, _ date: CalendarDate?) {
            // A page cannot have changed after the day it was built.
            urls.append(SitemapFrame.Location(loc: absolute(url), lastmod: date.map { min($0, site.now).description }))
        }
        let newest = site.stories.first?.date
        add("/", newest)
        add("/timeline/", nil)
        add("/stories/", newest)
        add("/people/", nil)
        add("/milestones/", site.milestones.last?.date)
        for page in site.pages { add(page.entry.url, nil) }
        for story in site.stories { add(story.entry.url, story.date) }
        for person in site.people { add(person.entry.url, person.date) }
        for milestone in site.milestones { add(milestone.entry.url, milestone.date) }
        for kind in TermKind.allCases {
            add("/\(kind.rawValue)/", nil)
            for term in site.terms[kind] ?? [] {
                add(term.url, term.stories.first.map { site.stories[$0].date })
            }
        }
        return SitemapFrame(page: page, urls: urls)
    }

    /// `https://example.org/thi-dua/` → `example.org`.
    static func host(of baseURL: String) -> String {
        var rest = Substring(baseURL)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        return String(rest.prefix { $0 != "/" && $0 != ":" })
    }
}
