/// The campaign window of `timeline.yml`.
public struct Campaign: Sendable, Hashable {
    public let title: String
    public let theme: String?
    public let start: CalendarDate
    public let end: CalendarDate
}

/// A stage of the campaign ("đợt thi đua") with its own theme and window.
public struct Phase: Sendable, Hashable, Identifiable {
    public let id: String
    public let title: String
    public let summary: String?
    public let start: CalendarDate
    public let end: CalendarDate

    public func contains(_ date: CalendarDate) -> Bool {
        start <= date && date <= end
    }

    /// How far the phase has run on `date`, 0...100, for the home page's progress bar.
    public func percentElapsed(on date: CalendarDate) -> Int {
        let total = end.dayNumber - start.dayNumber + 1
        let elapsed = min(max(date.dayNumber - start.dayNumber + 1, 0), total)
        return total > 0 ? elapsed * 100 / total : 100
    }
}

/// A dated happening on the timeline that has no article of its own. An event the plan
/// places in a phase without a day (the province's anniversaries) has `date == nil`.
public struct TimelineEvent: Sendable, Hashable {
    public let date: CalendarDate?
    public let phase: String?
    public let title: String
    public let since: AnniversaryOrigin?
    public let description: String?
}

public struct Timeline: Sendable {
    public let campaign: Campaign
    public let phases: [Phase]
    public let events: [TimelineEvent]

    /// The phase whose window holds `date`; phases do not overlap, so the first match wins.
    public func phase(containing date: CalendarDate) -> Phase? {
        phases.first { $0.contains(date) }
    }

    public func phase(id: String) -> Phase? {
        phases.first { $0.id == id }
    }
}

/// An emulation movement ("phong trào thi đua"), a taxonomy with a title and description.
public struct Movement: Sendable, Hashable, Identifiable {
    public let id: String
    public let title: String
    public let description: String?
    /// Who launched it (the union, the Prime Minister…), free text for grouping.
    public let launchedBy: String?
}
