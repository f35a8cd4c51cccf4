/// The rules a campaign's timeline must keep: windows that run forward, phases inside the
/// campaign and apart from each other, events that can be placed.
struct TimelineValidator {
    let yaml: YAMLDocument
    let campaign: TimelineFile.CampaignFile
    let phases: [TimelineFile.PhaseFile]
    let events: [TimelineFile.EventFile]

    func validate() -> Result<Timeline, BuildFailure> {
        var problems: [Diagnostic] = []
        func report(_ path: [Key], _ message: String) {
            problems.append(yaml.diagnostic(at: yaml.node(at: path), message))
        }
        if campaign.end < campaign.start {
            report([Key("campaign"), Key("end")], "the campaign ends (\(campaign.end)) before it starts (\(campaign.start))")
        }
        var ids: Set<String> = []
        for (index, phase) in phases.enumerated() {
            let at = [Key("phases"), Key(index)]
            if !ids.insert(phase.id).inserted {
                report(at + [Key("id")], "phase id '\(phase.id)' is used twice")
            } else if Slug.make(phase.id) != phase.id {
                report(at + [Key("id")], "phase id '\(phase.id)' must be lower-case letters, digits and hyphens, like '\(Slug.make(phase.id))'")
            }
            if phase.end < phase.start {
                report(at + [Key("end")], "phase '\(phase.id)' ends (\(phase.end)) before it starts (\(phase.start))")
                continue
            }
            if phase.start < campaign.start || campaign.end < phase.end {
                report(at + [Key("start")], "phase '\(phase.id)' (\(phase.start) to \(phase.end)) is not inside the campaign (\(campaign.start) to \(campaign.end))")
            }
            if index > 0, phase.start <= phases[index - 1].end {
                report(at + [Key("start")], "phase '\(phase.id)' starts before the previous phase '\(phases[index - 1].id)' ends; list phases in order, without overlap")
            }
        }
        for (index, event) in events.enumerated() {
            let at = [Key("events"), Key(index)]
            if event.date == nil && event.phase == nil {
                report(at, "event '\(event.title)' needs a 'date', or a 'phase' when the day is not known")
            }
            if let phase = event.phase, !ids.contains(phase) {
                report(at + [Key("phase")], "unknown phase '\(phase)'; the phases are \(phases.map(\.id).joined(separator: ", "))")
            }
        }
        guard problems.isEmpty else { return .failure(BuildFailure(problems)) }
        return .success(Timeline(
            campaign: Campaign(title: campaign.title, theme: campaign.theme, start: campaign.start, end: campaign.end),
            phases: phases.map { Phase(id: $0.id, title: $0.title, summary: $0.summary, start: $0.start, end: $0.end) },
            events: events.map {
                TimelineEvent(date: $0.date, phase: $0.phase, title: $0.title, since: $0.since, description: $0.description)
            }))
    }
}
