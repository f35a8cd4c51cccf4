/// The common edit while previewing: a story's words change, nothing that decides where it is
/// listed. Such an edit is applied to the assembled site in place instead of assembling the
/// whole site again, which at 10,000 stories is most of a rebuild.
enum StoryPatch {
    /// The site with `edited` stories put in place of their earlier versions, or nil when an
    /// edit may move a story (date, slug, terms, publication) and the site must be assembled.
    static func apply(_ edited: [String: Item], previous: [String: Item], to site: Site, options: BuildOptions) -> Site? {
        var site = site
        var index: [String: Int] = [:]
        for (position, story) in site.stories.enumerated() { index[story.entry.path] = position }
        for (path, item) in edited {
            guard case .story(var story) = item, case .story(let old)? = previous[path],
                  let position = index[path], placesTheSame(story, old),
                  Publication.isPublished(item, options: options) else { return nil }
            story.entry.url = site.stories[position].entry.url
            story.phase = site.stories[position].phase
            site.stories[position] = story
        }
        return site
    }

    /// Everything that decides a story's URL, its place in lists and the terms it is filed under.
    private static func placesTheSame(_ new: Story, _ old: Story) -> Bool {
        new.date == old.date && new.entry.slug == old.entry.slug && new.tags == old.tags && new.unit == old.unit
            && new.movement == old.movement && new.phase == old.phase && new.entry.draft == old.entry.draft
            && new.entry.publishDate == old.entry.publishDate && new.entry.expiryDate == old.entry.expiryDate
            && new.entry.aliases == old.entry.aliases
    }
}
