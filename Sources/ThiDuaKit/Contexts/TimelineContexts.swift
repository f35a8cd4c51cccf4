/// The campaign's calendar as the timeline page and the home page show it.

struct TimelineEntryContext: TemplateContext {
    let title: String
    let kind: String
    let kindLabel: String
    let past: Bool
    let url: String?
    let date: DateContext?
    let description: String?
    let anniversary: AnniversaryContext?

    static let fields = TemplateFields<Self>("TimelineEntry", "An event, milestone or story on the timeline.", [
        .text("title", "What happens.") { $0.title },
        .text("kind", "`event`, `milestone` or `story`, for a class name.") { $0.kind },
        .text("kindLabel", "The kind in the UI strings' words.") { $0.kindLabel },
        .flag("past", "Its day is before the build date.") { $0.past },
        .optionalText("url", "Its page; absent for an event of `timeline.yml`.") { $0.url },
        .optionalObject("date", "Its day; absent for an event known only by its phase.") { $0.date },
        .optionalText("description", "The event's description.") { $0.description },
        .optionalObject("anniversary", "The round anniversary it marks.") { $0.anniversary },
    ])
}

struct TimelineSectionContext: TemplateContext {
    let entries: [TimelineEntryContext]
    let undated: [TimelineEntryContext]
    let more: String?
    let phase: TimelinePhaseContext?
    let title: String?

    static let fields = TemplateFields<Self>("TimelineSection", "A phase of the timeline, or the time outside every phase.", [
        .list("entries", "Its dated entries, in order.") { $0.entries },
        .list("undated", "Its events without a day.") { $0.undated },
        .optionalText("more", "`12 more stories`, when the section shows only the first ones.") { $0.more },
        .optionalObject("phase", "The phase; absent for the time outside every phase.") { $0.phase },
        .optionalText("title", "The heading of the time outside every phase.") { $0.title },
    ])
}

struct CalendarLinksContext: TemplateContext {
    let https: String
    let webcal: String

    static let fields = TemplateFields<Self>("CalendarLinks", "The campaign calendar, to download or subscribe to.", [
        .text("https", "`calendar.ics`'s absolute URL.") { $0.https },
        .text("webcal", "The same with `webcal://`, which phones subscribe to.") { $0.webcal },
    ])
}

struct StatusContext: TemplateContext {
    let text: String
    let current: CurrentPhaseContext?

    static let fields = TemplateFields<Self>("Status", "Where the campaign stands on the build date.", [
        .text("text", "A sentence saying it: not started, in a phase, between phases, over.") { $0.text },
        .optionalObject("current", "The phase it is in; absent outside every phase.") { $0.current },
    ])
}
