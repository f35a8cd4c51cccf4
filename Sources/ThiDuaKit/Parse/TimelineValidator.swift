/// The rules a campaign's timeline must keep: windows that run forward, phases inside the
/// campaign and apart from each other, events that can be placed. It runs even when some
/// keys could not be read, so that a bad date does not hide a duplicated id: a date that was
/// missing or wrong (`CalendarDate.placeholder`) is left out of the comparisons.
struct TimelineValidator {
    typealias Path = [YAMLDocument.PathStep]

    let yaml: YAMLDocument
    let campaign: TimelineFile.CampaignFile?
    let phases: [TimelineFile.PhaseFile]
    let events: [TimelineFile.EventFile]

    func problems() -> [Diagnostic] {
        var problems: [Diagnostic] = []
        func report(_ path: Path, _ message: String) {
            problems.append(yaml.diagnostic(at: yaml.node(at: path), message))
        }
        func known(_ dates: CalendarDate...) -> Bool {
            !dates.contains(.placeholder)
        }
        if let campaign, known(campaign.start, campaign.end), campaign.end < campaign.start {
            report(["campaign", "end"], "the campaign ends (\(campaign.end)) before it starts (\(campaign.start))")
        }
        var ids: Set<String> = []
        for (index, phase) in phases.enumerated() {
            let at: Path = ["phases", .index(index)]
            // A missing id has been reported by the reader.
            if !phase.id.isEmpty, !ids.insert(phase.id).inserted {
                report(at + ["id"], "phase id '\(phase.id)' is used twice")
            } else if Slug.make(phase.id) != phase.id {
                report(at + ["id"], "phase id '\(phase.id)' must be lower-case letters, digits and hyphens, like '\(Slug.make(phase.id))'")
            }
            guard known(phase.start, phase.end) else { continue }
            if phase.end < phase.start {
                report(at + ["end"], "phase '\(phase.id)' ends (\(phase.end)) before it starts (\(phase.start))")
                continue
            }
            if let campaign, known(campaign.start, campaign.end),
               phase.start < campaign.start || campaign.end < phase.end {
                report(at + ["start"], "phase '\(phase.id)' (\(phase.start) to \(phase.end)) is not inside the campaign (\(campaign.start) to \(campaign.end))")
            }
            if index > 0, known(phases[index - 1].end), phase.start <= phases[index - 1].end {
                report(at + ["start"], "phase '\(phase.id)' starts before the previous phase '\(phases[index - 1].id)' ends; list phases in order, without overlap")
            }
        }
        for (index, event) in events.enumerated() {
            let at: Path = ["events", .index(index)]
            if event.date == nil && event.phase == nil {
                report(at, "event '\(event.title)' needs a 'date', or a 'phase' when the day is not known")
            }
            // With a phase id missing, an event naming it would be reported for nothing.
            if let phase = event.phase, !ids.contains(phase), !phases.contains(where: { $0.id.isEmpty }) {
                report(at + ["phase"], "unknown phase '\(phase)'; the phases are \(phases.map(\.id).joined(separator: ", "))")
            }
        }
        return problems
    }

    /// The timeline, once `problems()` and the reader found nothing wrong.
    func timeline(campaign: TimelineFile.CampaignFile) -> Timeline {
        Timeline(
            campaign: Campaign(title: campaign.title, theme: campaign.theme, start: campaign.start, end: campaign.end),
            phases: phases.map { Phase(id: $0.id, title: $0.title, summary: $0.summary, start: $0.start, end: $0.end) },
            events: events.map {
                TimelineEvent(date: $0.date, phase: $0.phase, title: $0.title, since: $0.since, description: $0.description)
            })
    }
}
