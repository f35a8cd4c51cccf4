/// A row of the timeline: an event of `timeline.yml`, a milestone or a story.
public struct TimelineEntry: Sendable {
    public enum Kind: String, Sendable { case event, milestone, story }

    public let kind: Kind
    public let date: CalendarDate?
    public let title: String
    public let url: String?
    public let since: AnniversaryOrigin?
    public let description: String?
    /// For an undated event, the year of its phase, in which its anniversary falls.
    public let phaseYear: Int?
}

/// The timeline cut by phase, in date order, in one pass over the site.
public enum TimelineEntries {
    public struct Section: Sendable {
        /// nil for dated items that fall in no phase.
        public let phase: Phase?
        public let entries: [TimelineEntry]
        public let undated: [TimelineEntry]
        /// Stories of the phase beyond those shown; the phase's own page lists them all.
        public let moreStories: Int
    }

    /// Stories shown per phase: the newest. A portal with thousands of stories would make
    /// the timeline a page no phone should load; events and milestones are always all there.
    public static let storiesPerPhase = 30

    public static func sections(of site: Site) -> [Section] {
        let timeline = site.timeline
        var dated: [String: [TimelineEntry]] = [:]
        var undated: [String: [TimelineEntry]] = [:]
        var outside: [TimelineEntry] = []

        func place(_ entry: TimelineEntry, phase: String?) {
            if let phase { dated[phase, default: []].append(entry) } else { outside.append(entry) }
        }
        for event in timeline.events {
            if let date = event.date {
                place(entry(event, year: nil), phase: event.phase ?? timeline.phase(containing: date)?.id)
            } else if let phase = event.phase {
                undated[phase, default: []].append(entry(event, year: timeline.phase(id: phase)?.start.year))
            }
        }
        for milestone in site.milestones {
            place(entry(milestone), phase: milestone.phase)
        }
        var more: [String: Int] = [:]
        for story in shownStories(of: site, more: &more) {
            place(TimelineEntry(kind: .story, date: story.date, title: story.entry.title, url: story.entry.url,
                                since: nil, description: nil, phaseYear: nil), phase: story.phase)
        }
        var sections = timeline.phases.map { phase in
            Section(phase: phase, entries: ordered(dated[phase.id] ?? []), undated: undated[phase.id] ?? [],
                    moreStories: more[phase.id] ?? 0)
        }
        if !outside.isEmpty {
            sections.append(Section(phase: nil, entries: ordered(outside), undated: [], moreStories: more[""] ?? 0))
        }
        return sections
    }

    /// The newest `storiesPerPhase` stories of each phase (stories are newest first), and how
    /// many more each phase has.
    public static func shownStories(of site: Site, more: inout [String: Int]) -> [Story] {
        var count: [String: Int] = [:]
        var shown: [Story] = []
        for story in site.stories {
            let key = story.phase ?? ""
            count[key, default: 0] += 1
            if count[key, default: 0] <= storiesPerPhase { shown.append(story) } else { more[key, default: 0] += 1 }
        }
        return shown
    }

    /// Events and milestones on or after the build date, soonest first.
    public static func upcoming(in site: Site, limit: Int) -> [TimelineEntry] {
        let events = site.timeline.events.filter { $0.date.map { site.now <= $0 } ?? false }.map { entry($0, year: nil) }
        let milestones = site.milestones.filter { site.now <= $0.date }.map(entry)
        return Array(ordered(events + milestones).prefix(limit))
    }

    private static func entry(_ event: TimelineEvent, year: Int?) -> TimelineEntry {
        TimelineEntry(kind: .event, date: event.date, title: event.title, url: nil, since: event.since,
                      description: event.description, phaseYear: year)
    }

    private static func entry(_ milestone: Milestone) -> TimelineEntry {
        TimelineEntry(kind: .milestone, date: milestone.date, title: milestone.entry.title, url: milestone.entry.url,
                      since: milestone.since, description: milestone.entry.summary, phaseYear: nil)
    }

    /// By date; on the same day events before milestones before stories, then by title,
    /// so the order never depends on the order files were read.
    private static func ordered(_ entries: [TimelineEntry]) -> [TimelineEntry] {
        let rank: [TimelineEntry.Kind: Int] = [.event: 0, .milestone: 1, .story: 2]
        return entries.sorted {
            let a = ($0.date ?? CalendarDate(dayNumber: 0), rank[$0.kind] ?? 0, $0.title)
            let b = ($1.date ?? CalendarDate(dayNumber: 0), rank[$1.kind] ?? 0, $1.title)
            return a.0 != b.0 ? a.0 < b.0 : (a.1, a.2) < (b.1, b.2)
        }
    }
}
