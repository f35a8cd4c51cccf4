/// The small values many pages share. Each type declares the names templates read, with a
/// line for `docs/theme.md`; the compiler checks every template against these.

struct DateContext: TemplateContext {
    let iso: String
    let short: String
    let long: String

    static let fields = TemplateFields<Self>("Date", "A day, written three ways.", [
        .text("iso", "`2024-05-01`, for `<time datetime>`.") { $0.iso },
        .text("short", "The short form of the language's date pattern (`01/05/2024`).") { $0.short },
        .text("long", "The long form (`ngày 01 tháng 5 năm 2024`).") { $0.long },
    ])
}

struct LinkContext: TemplateContext {
    let title: String
    let url: String

    static let fields = TemplateFields<Self>("Link", "Something with a title and a page.", [
        .text("title", "What the link says.") { $0.title },
        .text("url", "Where it leads, from the site's root (`/tags/tet/`).") { $0.url },
    ])
}

/// A class: every story of a phase shares the one value rather than a copy of it.
final class PhaseContext: TemplateContext {
    let id: String
    let title: String
    let url: String
    let start: DateContext
    let end: DateContext
    let summary: String?

    init(id: String, title: String, url: String, start: DateContext, end: DateContext, summary: String?) {
        self.id = id
        self.title = title
        self.url = url
        self.start = start
        self.end = end
        self.summary = summary
    }

    static let fields = TemplateFields<PhaseContext>("Phase", "A phase of the campaign's timeline.", phaseFields { $0 })

    /// The fields of a phase, for the types that add a few of their own to them.
    static func phaseFields<Root>(_ phase: @escaping @Sendable (Root) -> PhaseContext) -> [FieldSpec<Root>] {
        [
            .text("id", "The phase's id in `timeline.yml`.") { phase($0).id },
            .text("title", "The phase's name.") { phase($0).title },
            .text("url", "Its page, `/phases/<id>/`.") { phase($0).url },
            .object("start", "Its first day.") { phase($0).start },
            .object("end", "Its last day.") { phase($0).end },
            .optionalText("summary", "Its summary; absent when `timeline.yml` has none.") { phase($0).summary },
        ]
    }
}

/// The phase on the timeline page, which says whether the build date falls in it.
struct TimelinePhaseContext: TemplateContext {
    let phase: PhaseContext
    let current: Bool

    static let fields = TemplateFields<Self>("TimelinePhase", "A phase heading a section of the timeline.",
                                             PhaseContext.phaseFields { $0.phase } + [
        .flag("current", "The build date falls within the phase.") { $0.current },
    ])
}

/// The phase the campaign is in, with how far it has run.
struct CurrentPhaseContext: TemplateContext {
    let phase: PhaseContext
    let percent: Int
    let text: String

    static let fields = TemplateFields<Self>("CurrentPhase", "The phase the build date falls in.",
                                             PhaseContext.phaseFields { $0.phase } + [
        .number("percent", "How much of the phase has passed, 0–100.") { $0.percent },
        .text("text", "That progress as a sentence of the UI strings (`home.progress`).") { $0.text },
    ])
}

struct AnniversaryContext: TemplateContext {
    let ordinal: Int
    let label: String
    let since: String

    static let fields = TemplateFields<Self>("Anniversary", "A round anniversary of an event (`since:` in the data).", [
        .number("ordinal", "Which anniversary: 95.") { $0.ordinal },
        .text("label", "`Kỷ niệm 95 năm`, from the UI string `anniversary.label`.") { $0.label },
        .text("since", "The day or year counted from.") { $0.since },
    ])
}

struct CampaignContext: TemplateContext {
    let title: String
    let start: DateContext
    let end: DateContext
    let theme: String?

    static let fields = TemplateFields<Self>("Campaign", "The campaign of `timeline.yml`.", [
        .text("title", "Its name.") { $0.title },
        .object("start", "Its first day.") { $0.start },
        .object("end", "Its last day.") { $0.end },
        .optionalText("theme", "Its motto; absent when there is none.") { $0.theme },
    ])
}

struct MenuItemContext: TemplateContext {
    let title: String
    let url: String
    let current: Bool

    static let fields = TemplateFields<Self>("MenuItem", "An item of `site.yml`'s `menu`.", [
        .text("title", "What the menu shows.") { $0.title },
        .text("url", "Where it leads.") { $0.url },
        .flag("current", "The page is this item's, or lies below it.") { $0.current },
    ])
}
