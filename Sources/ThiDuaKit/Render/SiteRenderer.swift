/// Renders the pages of a site through the theme. Each page is rendered from the shared,
/// read-only site model, so pages can be rendered on any thread in any order.
public struct SiteRenderer: Sendable {
    let theme: Theme
    let site: Site
    let builder: ContextBuilder

    init(theme: Theme, site: Site, images: ImageSet) {
        self.theme = theme
        self.site = site
        self.builder = ContextBuilder(site: site, theme: theme, images: images)
    }

    /// Every page of the site, in a fixed order.
    var jobs: [PageJob] { PageJob.plan(for: site) }

    func render(_ job: PageJob) -> OutputFile {
        let url = job.url(in: site)
        let kind = job.kind
        let path = OutputFile.path(forURL: url)
        // Every kind has its template: the theme does not compile without them.
        guard let block = theme.pages[kind] else { return OutputFile(path: path, bytes: []) }
        let rendered = builder.meter.render(block, frames(of: job, url: url), capacity: 16_384)
        guard kind == .calendar else { return OutputFile(path: path, bytes: rendered) }
        return OutputFile(path: path, contents: ICalendarText.lines(String(decoding: rendered, as: UTF8.self)))
    }

    /// What the page's template reads, outermost first: the common frame, the chrome, the page's own.
    func frames(of job: PageJob, url: String) -> [TemplateValue] {
        let chrome = builder.chrome(current: url, feeds: builder.feedLinks(for: job))
        return [.object(builder.common), .object(chrome), .object(frame(of: job, url: url))]
    }

    private func info(_ title: String, _ url: String, _ job: PageJob) -> PageInfoContext {
        PageInfoContext(title: title, url: url, sharing: builder.sharing(url: url, summary: nil, job: job))
    }

    /// The innermost frame of the page: `page` and what its kind adds.
    private func frame(of job: PageJob, url: String) -> any TemplateObject {
        let t = theme.strings
        switch job {
        case .home:
            return builder.home(page: info(site.config.title, url, job))
        case .notFound:
            return PlainFrame(page: info(t.text("notFound.title"), url, job))
        case .timeline:
            return builder.timelinePage(page: info(t.text("timeline.title"), url, job))
        case .search:
            return PlainFrame(page: info(t.text("search.title"), url, job))
        case .page(let index):
            let entry = builder.entry(site.pages[index].entry, leadPicture: false).reading()
            return StaticPageFrame(page: StaticPageContext(page: PageContentContext(entry: entry),
                                                           sharing: builder.sharing(url: url, summary: entry.summary, job: job)))
        case .story(let index):
            let story = builder.story(at: index).reading()
            let link = { (index: Int) in LinkContext(title: site.stories[index].entry.title, url: site.stories[index].entry.url) }
            return StoryFrame(page: StoryPageContext(story: story, sharing: builder.sharing(url: url, summary: story.entry.summary, job: job)),
                              newer: index > 0 ? link(index - 1) : nil,
                              older: index + 1 < site.stories.count ? link(index + 1) : nil)
        case .person(let index):
            let person = builder.person(at: index).reading()
            return PersonFrame(page: PersonPageContext(person: person, sharing: builder.sharing(url: url, summary: person.entry.summary, job: job)))
        case .milestone(let index):
            let milestone = builder.milestone(at: index).reading()
            return MilestoneFrame(page: MilestonePageContext(
                milestone: milestone, sharing: builder.sharing(url: url, summary: milestone.entry.summary, job: job)))
        case .list(let kind, let pager):
            let title = t.text("list.\(kind.rawValue)")
            let page = info(pager.number > 1 ? "\(title) (\(pager.number)/\(pager.total))" : title, url, job)
            let pagination = builder.pagination(pager)
            switch kind {
            case .stories: return StoryListFrame(page: page, items: pager.range.map(builder.story(at:)), pagination: pagination)
            case .people: return PersonListFrame(page: page, items: pager.range.map(builder.person(at:)), pagination: pagination)
            case .milestones, .pages:
                return MilestoneListFrame(page: page, items: pager.range.map(builder.milestone(at:)), pagination: pagination)
            }
        case .termIndex(let kind):
            return builder.termIndex(kind, page: info(t.text("terms.\(kind.rawValue)"), url, job))
        case .term(let kind, let index, let pager):
            let term = site.terms[kind]?[index] ?? Term(kind: kind, slug: "", title: "", description: nil)
            let label = t.text("term.\(kind.rawValue)")
            return TermFrame(
                page: info("\(label): \(term.title)", url, job),
                term: TermFrame.TermInfo(term: builder.term(term), kind: label, indexURL: "/\(kind.rawValue)/"),
                stories: pager.range.map { builder.story(at: term.stories[$0]) },
                people: pager.number == 1 ? term.people.map(builder.person(at:)) : [],
                milestones: pager.number == 1 ? term.milestones.map(builder.milestone(at:)) : [],
                pagination: builder.pagination(pager))
        case .feed(let scope):
            return builder.feed(scope, page: PageLinkContext(title: nil, url: url))
        case .calendar:
            return builder.calendar(page: PageLinkContext(title: nil, url: url))
        case .sitemap:
            return builder.sitemap(page: PageLinkContext(title: nil, url: url))
        case .robots:
            return RobotsFrame(page: PageLinkContext(title: nil, url: url), sitemap: builder.absolute("/sitemap.xml"))
        case .alias(let from, let entry):
            return AliasFrame(page: PageLinkContext(title: entry.title, url: from),
                              target: AliasFrame.Target(url: entry.url, permalink: builder.absolute(entry.url)))
        }
    }
}
