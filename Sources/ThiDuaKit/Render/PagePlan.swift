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
            }
        }
        return jobs
    }
}

/// A page ready to be written: its path under the output folder and its bytes.
public struct OutputFile: Sendable, Equatable {
    public let path: String
    public let contents: String

    /// `/stories/tet/` → `stories/tet/index.html`.
    static func path(forURL url: String) -> String {
        let trimmed = url.hasPrefix("/") ? String(url.dropFirst()) : url
        return trimmed.hasSuffix(".html") ? trimmed : trimmed + "index.html"
    }
}
