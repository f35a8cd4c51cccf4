/// What each page shows, as the content paths it reads (and a few tokens for derived facts
/// such as a page count). `thidua serve` re-renders a page when one of these changed, or
/// when the list itself changed (an item moved to another page of a list).
extension PageJob {
    static let siteData = "@data"

    func dependencies(in site: Site) -> [String] {
        switch self {
        case .home:
            return [Self.siteData] + site.stories.prefix(6).map(\.entry.path) + site.people.filter(\.featured).map(\.entry.path)
                + site.milestones.map(\.entry.path)
        case .notFound, .search, .robots:
            return [Self.siteData]
        case .timeline:
            var more: [String: Int] = [:]
            return [Self.siteData] + TimelineEntries.shownStories(of: site, more: &more).map(\.entry.path)
                + site.milestones.map(\.entry.path) + more.sorted { $0.key < $1.key }.map { "@more:\($0.key):\($0.value)" }
        case .calendar:
            return [Self.siteData] + site.milestones.map(\.entry.path)
        case .sitemap:
            // URLs and dates only: an edit of a title or a body leaves it as it is.
            return [Self.siteData] + site.stories.map { "\($0.entry.url)|\($0.date)" } + site.people.map(\.entry.url)
                + site.milestones.map { "\($0.entry.url)|\($0.date)" } + site.pages.map(\.entry.url)
        case .page(let index):
            return [site.pages[index].entry.path]
        case .story(let index):
            let near = [index - 1, index, index + 1].filter(site.stories.indices.contains)
            return [Self.siteData] + near.map { site.stories[$0].entry.path }
        case .person(let index):
            return [Self.siteData, site.people[index].entry.path]
        case .milestone(let index):
            return [Self.siteData, site.milestones[index].entry.path]
        case .list(let kind, let pager):
            let paths: [String]
            switch kind {
            case .stories: paths = pager.range.map { site.stories[$0].entry.path }
            case .people: paths = pager.range.map { site.people[$0].entry.path }
            case .milestones: paths = pager.range.map { site.milestones[$0].entry.path }
            case .pages: paths = []
            }
            return [Self.siteData, "@pages:\(pager.total)"] + paths
        case .termIndex(let kind):
            return [Self.siteData] + (site.terms[kind] ?? []).map { "@term:\($0.slug):\($0.count)" }
        case .term(let kind, let index, let pager):
            guard let term = site.terms[kind]?[index] else { return [Self.siteData] }
            var paths = [Self.siteData, "@pages:\(pager.total)"] + pager.range.map { site.stories[term.stories[$0]].entry.path }
            if pager.number == 1 {
                paths += term.people.map { site.people[$0].entry.path } + term.milestones.map { site.milestones[$0].entry.path }
            }
            return paths
        case .feed(.site):
            return [Self.siteData] + site.stories.prefix(site.config.feedLimit).map(\.entry.path)
                + site.people.map(\.entry.path) + site.milestones.map(\.entry.path)
        case .feed(.term(let kind, let index)):
            guard let term = site.terms[kind]?[index] else { return [Self.siteData] }
            return [Self.siteData] + term.stories.prefix(site.config.feedLimit).map { site.stories[$0].entry.path }
                + term.people.map { site.people[$0].entry.path }
        case .alias(_, let entry):
            return [entry.path]
        }
    }
}
