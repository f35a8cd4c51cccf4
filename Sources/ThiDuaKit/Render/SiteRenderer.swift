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
        let template = job.template
        let (page, extra) = describe(job)
        var context = builder.common
        context["page"] = isPage(template) ? builder.sharing(page, url: url, job: job) : page
        for (key, value) in builder.chrome(current: url) { context[key] = value }
        context["feeds"] = builder.feedLinks(for: job)
        for (key, value) in extra { context[key] = value }
        let rendered = theme.render(template, context)
        return OutputFile(path: OutputFile.path(forURL: url),
                          contents: template.hasSuffix(".ics") ? ICalendarText.lines(rendered) : rendered)
    }

    /// Pages readers open (and share), as opposed to feeds, the calendar and redirects.
    private func isPage(_ template: String) -> Bool {
        !template.contains(".") && template != "alias"
    }

    private typealias Context = [String: any Sendable]

    private func describe(_ job: PageJob) -> (Context, Context) {
        let t = theme.strings
        switch job {
        case .home:
            return (["title": site.config.title, "url": "/"], builder.home())
        case .notFound:
            return (["title": t.text("notFound.title"), "url": "/404.html"], [:])
        case .timeline:
            return (["title": t.text("timeline.title"), "url": "/timeline/"], builder.timelinePage())
        case .page(let index):
            let page = site.pages[index]
            return (builder.page(page), [:])
        case .story(let index):
            var extra: Context = [:]
            if index > 0 { extra["newer"] = builder.link(site.stories[index - 1].entry.title, site.stories[index - 1].entry.url) }
            if index + 1 < site.stories.count {
                extra["older"] = builder.link(site.stories[index + 1].entry.title, site.stories[index + 1].entry.url)
            }
            return (builder.story(at: index), extra)
        case .person(let index):
            return (builder.person(at: index), [:])
        case .milestone(let index):
            return (builder.milestone(at: index), [:])
        case .list(let kind, let pager):
            var extra: Context = ["kind": kind.rawValue, kind.rawValue: true]
            switch kind {
            case .stories: extra["items"] = pager.range.map(builder.story(at:))
            case .people: extra["items"] = pager.range.map(builder.person(at:))
            case .milestones: extra["items"] = pager.range.map(builder.milestone(at:))
            case .pages: break
            }
            extra["pagination"] = builder.pagination(pager)
            let title = t.text("list.\(kind.rawValue)")
            return (["title": pager.number > 1 ? "\(title) (\(pager.number)/\(pager.total))" : title, "url": pager.url], extra)
        case .termIndex(let kind):
            let url = "/\(kind.rawValue)/"
            return (["title": t.text("terms.\(kind.rawValue)"), "url": url], builder.termIndex(kind))
        case .term(let kind, let index, let pager):
            let term = site.terms[kind]?[index] ?? Term(kind: kind, slug: "", title: "", description: nil)
            let extra: Context = [
                "term": builder.term(term).merging(["kind": t.text("term.\(kind.rawValue)"), "indexURL": "/\(kind.rawValue)/"]) { $1 },
                "stories": pager.range.map { builder.story(at: term.stories[$0]) },
                "people": pager.number == 1 ? term.people.map(builder.person(at:)) : [],
                "milestones": pager.number == 1 ? term.milestones.map(builder.milestone(at:)) : [],
                "pagination": builder.pagination(pager) as (any Sendable)? ?? false,
            ]
            let title = "\(t.text("term.\(kind.rawValue)")): \(term.title)"
            return (["title": title, "url": pager.url], extra)
        case .search:
            return (["title": t.text("search.title"), "url": "/search/"], [:])
        case .feed(let scope):
            let url = builder.feedURL(scope)
            return (["url": url], builder.feed(scope))
        case .calendar:
            return (["url": "/calendar.ics"], builder.calendar())
        case .sitemap:
            return (["url": "/sitemap.xml"], builder.sitemap())
        case .robots:
            return (["url": "/robots.txt"], builder.robots())
        case .alias(let from, let entry):
            return (["title": entry.title, "url": from],
                    ["target": ["url": entry.url, "permalink": builder.absolute(entry.url)] as Context])
        }
    }
}
