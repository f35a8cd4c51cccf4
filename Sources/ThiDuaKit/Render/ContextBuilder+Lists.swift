/// Contexts of the pages that gather many items: home, lists, terms and the timeline.
extension ContextBuilder {
    func home(page: PageInfoContext, latest: Int = 6, upcoming: Int = 5) -> HomeFrame {
        HomeFrame(page: page, campaign: campaign(),
                  latest: site.stories.indices.prefix(latest).map(story(at:)),
                  upcoming: TimelineEntries.upcoming(in: site, limit: upcoming).map(timelineEntry),
                  featured: featuredPeople().map(person(at:)),
                  phases: site.timeline.phases.map(phaseSummary),
                  status: campaignStatus())
    }

    /// Where the campaign stands on the build date: before it, in a phase (with how far that
    /// phase has run), between phases, or over.
    private func campaignStatus() -> StatusContext {
        let now = site.now
        let timeline = site.timeline
        if now < timeline.campaign.start {
            return StatusContext(text: strings.text("home.notStarted", ["date": strings.longDate.format(timeline.campaign.start)]), current: nil)
        }
        if timeline.campaign.end < now {
            return StatusContext(text: strings.text("home.ended", ["date": strings.longDate.format(timeline.campaign.end)]), current: nil)
        }
        guard let phase = timeline.phase(containing: now) else {
            return StatusContext(text: strings.text("home.betweenPhases"), current: nil)
        }
        let percent = phase.percentElapsed(on: now)
        let text = strings.text("home.progress", [
            "percent": String(percent),
            "days": String(phase.end.dayNumber - now.dayNumber),
        ])
        return StatusContext(text: text, current: CurrentPhaseContext(phase: phaseSummary(phase), percent: percent, text: text))
    }

    private func featuredPeople(limit: Int = 4) -> [Int] {
        let featured = site.people.indices.filter { site.people[$0].featured }
        return Array((featured.isEmpty ? Array(site.people.indices) : featured).prefix(limit))
    }

    /// Links to the first and last pages and to the two on each side of this one: a list of
    /// a thousand pages must not put a thousand links on each of its pages.
    func pagination(_ pager: Pager) -> PaginationContext? {
        guard pager.total > 1 else { return nil }
        let near = Set([1, pager.total] + Array(max(1, pager.number - 2)...min(pager.total, pager.number + 2)))
        return PaginationContext(
            label: strings.text("list.pageOf", ["page": String(pager.number), "total": String(pager.total)]),
            pages: near.sorted().map { number in
                PaginationContext.PageNumber(number: number, url: Pager.url(base: pager.baseURL, number: number), current: number == pager.number)
            },
            previous: pager.previousURL, next: pager.nextURL)
    }

    func termIndex(_ kind: TermKind, page: PageInfoContext) -> TermsFrame {
        TermsFrame(page: page, kind: kind.rawValue, heading: strings.text("terms.\(kind.rawValue)"),
                   terms: (site.terms[kind] ?? []).map(term))
    }

    func timelinePage(page: PageInfoContext) -> TimelineFrame {
        let calendarURL = absolute("/calendar.ics")
        let withoutScheme = calendarURL.range(of: "://").map { String(calendarURL[$0.upperBound...]) } ?? calendarURL
        let sections = TimelineEntries.sections(of: site).map { section in
            TimelineSectionContext(
                entries: section.entries.map(timelineEntry),
                undated: section.undated.map(timelineEntry),
                more: section.moreStories > 0 ? strings.text("timeline.more", ["count": String(section.moreStories)]) : nil,
                phase: section.phase.map { TimelinePhaseContext(phase: phaseSummary($0), current: $0.contains(site.now)) },
                title: section.phase == nil ? strings.text("timeline.outside") : nil)
        }
        return TimelineFrame(page: page, calendar: CalendarLinksContext(https: calendarURL, webcal: "webcal://" + withoutScheme),
                             campaign: campaign(), sections: sections)
    }

    func timelineEntry(_ entry: TimelineEntry) -> TimelineEntryContext {
        let year = entry.date?.year ?? entry.phaseYear
        return TimelineEntryContext(
            title: entry.title, kind: entry.kind.rawValue, kindLabel: strings.text("timeline.kind.\(entry.kind.rawValue)"),
            past: entry.date.map { $0 < site.now } ?? false, url: entry.url, date: entry.date.map(date),
            description: entry.description, anniversary: year.flatMap { anniversary(entry.since, year: $0) })
    }
}
