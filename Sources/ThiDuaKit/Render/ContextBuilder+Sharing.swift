/// What a page tells the apps it is shared to (chat groups, social networks) and the feed
/// readers that find it: canonical URL, description, image, feeds.
extension ContextBuilder {
    func sharing(url: String, summary: String?, job: PageJob) -> SharingContext {
        let ogType: String
        switch job {
        case .story, .milestone, .person: ogType = "article"
        default: ogType = "website"
        }
        return SharingContext(permalink: absolute(url),
                              description: summary ?? site.config.description?.nonEmpty ?? site.config.title,
                              socialImage: socialImage(picture(of: job)), ogType: ogType)
    }

    /// The picture an item's page shows, which it is shared with.
    private func picture(of job: PageJob) -> Picture? {
        switch job {
        case .story(let index): return site.stories[index].image
        case .person(let index): return site.people[index].photo
        case .milestone(let index): return site.milestones[index].image
        default: return nil
        }
    }

    /// The site's feed on every page, and a term's own feed on its pages.
    func feedLinks(for job: PageJob) -> [LinkContext] {
        var links = [siteFeedLink]
        if case .term(let kind, let index, _) = job, kind.hasFeeds, let term = site.terms[kind]?[index] {
            links.append(LinkContext(title: "\(site.config.title): \(term.title)", url: absolute(feedURL(.term(kind, index)))))
        }
        return links
    }
}
