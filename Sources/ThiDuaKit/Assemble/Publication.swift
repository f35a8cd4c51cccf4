/// Which items a build publishes (pure rules, one place for every output).
enum Publication {
    /// Drafts, items scheduled after the build date and expired items are left out of every
    /// output unless the build asks for drafts or future items. A story dated after the build
    /// date counts as scheduled; a milestone may be ahead, that is what "upcoming" shows.
    static func isPublished(_ item: Item, options: BuildOptions) -> Bool {
        let entry = item.entry
        if entry.draft && !options.drafts { return false }
        if let expiry = entry.expiryDate, expiry < options.now { return false }
        if options.future { return true }
        if let publish = entry.publishDate, options.now < publish { return false }
        if case .story(let story) = item, options.now < story.date { return false }
        return true
    }

    /// `/stories/:slug/` with `:slug` and `:year` filled in.
    static func url(for entry: Entry, date: CalendarDate?, pattern: String) -> String {
        // The standard library's `replacing` here: Foundation's string search was a tenth of
        // the assembly of a 10,000-story site.
        var url = pattern.replacing(":slug", with: entry.slug)
        if url.contains(":year") { url = url.replacing(":year", with: date.map { String($0.year) } ?? "") }
        while url.contains("//") { url = url.replacing("//", with: "/") }
        return url
    }
}
