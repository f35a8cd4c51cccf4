/// What a page tells the apps it is shared to (chat groups, social networks) and the feed
/// readers that find it: canonical URL, description, image, feeds.
extension ContextBuilder {
    /// Adds `permalink`, `description`, `socialImage` and `ogType` to a page's context.
    func sharing(_ page: Context, url: String, job: PageJob) -> Context {
        var page = page
        page["permalink"] = absolute(url)
        page["description"] = (page["summary"] as? String) ?? site.config.description?.nonEmpty ?? site.config.title
        let image = (page["image"] as? String) ?? (page["photo"] as? String) ?? site.config.image
        page["socialImage"] = image.map { $0.contains("://") ? $0 : absolute($0.hasPrefix("/") ? $0 : "/" + $0) }
        switch job {
        case .story, .milestone, .person: page["ogType"] = "article"
        default: page["ogType"] = "website"
        }
        return page
    }

    /// The site's feed on every page, and a term's own feed on its pages.
    func feedLinks(for job: PageJob) -> [Context] {
        var links = [siteFeedLink]
        if case .term(let kind, let index, _) = job, kind.hasFeeds, let term = site.terms[kind]?[index] {
            links.append(["title": "\(site.config.title): \(term.title)", "url": absolute(feedURL(.term(kind, index)))])
        }
        return links
    }
}
