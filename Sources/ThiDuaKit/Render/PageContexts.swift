/// Contexts of the pages that gather many items: home, lists, terms and the timeline.
extension ContextBuilder {
    func home(latest: Int = 6, upcoming: Int = 5) -> Context {
        let timeline = site.timeline
        var context: Context = [
            "campaign": campaign(),
            "latest": site.stories.indices.prefix(latest).map(story(at:)),
            "upcoming": TimelineEntries.upcoming(in: site, limit: upcoming).map(timelineEntry),
            "featured": featuredPeople().map(person(at:)),
            "phases": timeline.phases.map(phaseSummary),
        ]
        context["status"] = campaignStatus()
        return context
    }

    /// Where the campaign stands on the build date: before it, in a phase (with how far that
    /// phase has run), between phases, or over.
    private func campaignStatus() -> Context {
        let now = site.now
        let timeline = site.timeline
        if now < timeline.campaign.start {
            return ["text": strings.text("home.notStarted", ["date": strings.longDate.format(timeline.campaign.start)])]
        }
        if timeline.campaign.end < now {
            return ["text": strings.text("home.ended", ["date": strings.longDate.format(timeline.campaign.end)])]
        }
        guard let phase = timeline.phase(containing: now) else {
            return ["text": strings.text("home.betweenPhases")]
        }
        let percent = phase.percentElapsed(on: now)
        let text = strings.text("home.progress", [
            "percent": String(percent),
            "days": String(phase.end.dayNumber - now.dayNumber),
        ])
        var context = phaseSummary(phase)
        context["percent"] = percent
        context["text"] = text
        return ["current": context, "text": text]
    }

    private func featuredPeople(limit: Int = 4) -> [Int] {
        let featured = site.people.indices.filter { site.people[$0].featured }
        return Array((featured.isEmpty ? Array(site.people.indices) : featured).prefix(limit))
    }

    /// Links to the first and last pages and to the two on each side of this one: a list of
    /// a thousand pages must not put a thousand links on each of its pages.
    func pagination(_ pager: Pager) -> Context? {
        guard pager.total > 1 else { return nil }
        let near = Set([1, pager.total] + Array(max(1, pager.number - 2)...min(pager.total, pager.number + 2)))
        var context: Context = [
            "label": strings.text("list.pageOf", ["page": String(pager.number), "total": String(pager.total)]),
            "pages": near.sorted().map { number in
                ["number": number, "url": Pager.url(base: pager.baseURL, number: number), "current": number == pager.number] as Context
            },
        ]
        // Absent rather than empty: swift-mustache treats "" as a true section value.
        context["previous"] = pager.previousURL
        context["next"] = pager.nextURL
        return context
    }

    func termIndex(_ kind: TermKind) -> Context {
        [
            "kind": kind.rawValue,
            "heading": strings.text("terms.\(kind.rawValue)"),
            "terms": (site.terms[kind] ?? []).map(term),
        ]
    }

    func timelinePage() -> Context {
        let sections = TimelineEntries.sections(of: site)
        let calendarURL = absolute("/calendar.ics")
        let withoutScheme = calendarURL.range(of: "://").map { String(calendarURL[$0.upperBound...]) } ?? calendarURL
        return [
            "calendar": ["https": calendarURL, "webcal": "webcal://" + withoutScheme] as Context,
            "campaign": campaign(),
            "sections": sections.map { section in
                var context: Context = [
                    "entries": section.entries.map(timelineEntry),
                    "undated": section.undated.map(timelineEntry),
                ]
                if section.moreStories > 0 {
                    context["more"] = strings.text("timeline.more", ["count": String(section.moreStories)])
                }
                if let phase = section.phase {
                    var summary = phaseSummary(phase)
                    summary["current"] = phase.contains(site.now)
                    context["phase"] = summary
                } else {
                    context["title"] = strings.text("timeline.outside")
                }
                return context
            },
        ]
    }

    func timelineEntry(_ entry: TimelineEntry) -> Context {
        var context: Context = [
            "title": entry.title,
            "kind": entry.kind.rawValue,
            "kindLabel": strings.text("timeline.kind.\(entry.kind.rawValue)"),
            "past": entry.date.map { $0 < site.now } ?? false,
        ]
        if let url = entry.url { context["url"] = url }
        if let date = entry.date { context["date"] = self.date(date) }
        if let description = entry.description { context["description"] = description }
        let year = entry.date?.year ?? entry.phaseYear
        if let year { context["anniversary"] = anniversary(entry.since, year: year) }
        return context
    }
}
