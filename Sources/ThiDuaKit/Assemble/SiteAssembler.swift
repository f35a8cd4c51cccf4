/// Builds the site model from parsed items: checks references between files, keeps what is
/// published, resolves URLs and phases, orders lists and files items under their terms.
public enum SiteAssembler {
    /// URLs thidua generates itself, which no item may take.
    static let reservedURLs: Set<String> = Set(["/", "/timeline/", "/stories/", "/people/", "/milestones/"])
        .union(TermKind.allCases.map { "/\($0.rawValue)/" })

    public static func assemble(config: SiteConfig, timeline: Timeline, movements: [Movement],
                                items: [Item], options: BuildOptions, media: [StaticFile] = []) throws(BuildFailure) -> Site {
        var problems = ReferenceChecker(timeline: timeline, movements: movements).check(items)

        var pages: [Page] = [], stories: [Story] = [], people: [Person] = [], milestones: [Milestone] = []
        var owners: [String: String] = [:]
        var aliasClaims: [(url: String, entry: Entry)] = []
        for item in items where Publication.isPublished(item, options: options) {
            var entry = item.entry
            let pattern = config.permalinks[entry.kind] ?? entry.kind.defaultPermalink
            entry.url = Publication.url(for: entry, date: item.date, pattern: pattern)
            if reservedURLs.contains(entry.url) || entry.url.hasPrefix("/media/") {
                problems.append(Diagnostic(path: entry.path, position: entry.position(of: "slug"),
                                           message: "URL \(entry.url) is one thidua makes itself; choose another 'slug'"))
            } else if let other = owners[entry.url] {
                problems.append(Diagnostic(path: entry.path, position: entry.position(of: "slug"),
                                           message: "URL \(entry.url) is also the URL of \(other); give one of them another 'slug'"))
            } else {
                owners[entry.url] = entry.path
            }
            aliasClaims += entry.aliases.map { ($0, entry) }
            switch item {
            case .page(var page):
                page.entry = entry
                pages.append(page)
            case .story(var story):
                story.entry = entry
                story.phase = story.phase ?? timeline.phase(containing: story.date)?.id
                stories.append(story)
            case .person(var person):
                person.entry = entry
                person.phase = person.phase ?? person.date.flatMap { timeline.phase(containing: $0)?.id }
                people.append(person)
            case .milestone(var milestone):
                milestone.entry = entry
                milestone.phase = milestone.phase ?? timeline.phase(containing: milestone.date)?.id
                milestones.append(milestone)
            }
        }
        // Checked once every item's own URL is known, so an alias may name a URL of any file.
        for (url, entry) in aliasClaims {
            if let other = owners[url] ?? (reservedURLs.contains(url) ? "thidua itself" : nil) {
                problems.append(Diagnostic(path: entry.path, position: entry.position(of: "aliases"),
                                           message: "alias \(url) is already the URL of \(other); an old URL must not be in use"))
            } else {
                owners[url] = entry.path
            }
        }
        guard problems.isEmpty else { throw BuildFailure(problems) }

        pages.sort { $0.entry.slug < $1.entry.slug }
        stories.sort { ($1.date, $0.entry.slug) < ($0.date, $1.entry.slug) }
        milestones.sort { ($0.date, $0.entry.slug) < ($1.date, $1.entry.slug) }
        people = PeopleOrder.sorted(people)

        let (terms, slugs) = TermIndex(timeline: timeline, movements: movements)
            .build(stories: stories, people: people, milestones: milestones)
        return Site(config: config, timeline: timeline, movements: movements, now: options.now, liveReload: options.liveReload,
                    pages: pages, stories: stories, people: people, milestones: milestones, terms: terms, termSlugs: slugs,
                    media: media)
    }
}

/// Checks that every phase and movement an item names exists, for drafts too, so that a
/// mistake is caught before the day the draft is published.
struct ReferenceChecker {
    let timeline: Timeline
    let movements: [Movement]

    func check(_ items: [Item]) -> [Diagnostic] {
        let phaseIDs = Set(timeline.phases.map(\.id))
        let movementIDs = Set(movements.map(\.id))
        var problems: [Diagnostic] = []
        for item in items {
            let entry = item.entry
            let (phase, movement): (String?, String?) = {
                switch item {
                case .page: return (nil, nil)
                case .story(let story): return (story.phase, story.movement)
                case .person(let person): return (person.phase, person.movement)
                case .milestone(let milestone): return (milestone.phase, nil)
                }
            }()
            if let phase, !phaseIDs.contains(phase) {
                problems.append(Diagnostic(path: entry.path, position: entry.position(of: "phase"),
                                           message: "unknown phase '\(phase)'; timeline.yml has \(list(phaseIDs))"))
            }
            if let movement, !movementIDs.contains(movement) {
                problems.append(Diagnostic(path: entry.path, position: entry.position(of: "movement"),
                                           message: "unknown movement '\(movement)'; movements.yml has \(list(movementIDs))"))
            }
        }
        return problems
    }

    private func list(_ ids: Set<String>) -> String {
        ids.isEmpty ? "none" : ids.sorted().joined(separator: ", ")
    }
}

/// Vietnamese order for the hall of honour: individuals by given name, collectives by their
/// whole name; keys are computed once per person, not once per comparison.
enum PeopleOrder {
    static func sorted(_ people: [Person]) -> [Person] {
        people.map { person -> ((VietnameseCollation.Key, VietnameseCollation.Key), Person) in
            let name = person.entry.title
            let key = person.kind == .individual
                ? VietnameseCollation.personKey(name)
                : (VietnameseCollation.key(name), VietnameseCollation.key(""))
            return (key, person)
        }
        .sorted { a, b in
            if a.0.0 != b.0.0 { return a.0.0 < b.0.0 }
            if a.0.1 != b.0.1 { return a.0.1 < b.0.1 }
            return a.1.entry.slug < b.1.entry.slug
        }
        .map(\.1)
    }
}
