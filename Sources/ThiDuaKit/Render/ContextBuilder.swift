/// Turns the site model into the typed values templates read (`Contexts/`).
struct ContextBuilder: Sendable {
    let site: Site
    let theme: Theme
    /// The processed pictures of the Images stage.
    let images: ImageSet
    /// Every template this builder and the pages render.
    let meter = RenderMeter()
    var strings: UIStrings { theme.strings }
    /// `site`, `t`, `year`, `assets`: the frame under every page.
    let common: CommonFrame
    /// A story shows on its own page, a list page, its feeds, the home page and a term page
    /// for each of its tags, unit, movement and phase: making its context and rendering its
    /// card again for each of them was a fifth of a build.
    private let stories = ContextMemo<Int, StoryContext>()
    private let people = ContextMemo<Int, PersonContext>()
    private let milestones = ContextMemo<Int, MilestoneContext>()
    /// The menu and the fragments, by which menu items are current.
    private let chromes = ContextMemo<[Bool], (menu: [MenuItemContext], fragments: TemplateRecord)>()
    /// Computed once: thousands of pages link the same few phases and movements.
    private var phases: [String: PhaseContext] = [:]
    private var movements: [String: LinkContext] = [:]
    /// Each tag and unit as written, linked once and shared by every item that names it:
    /// made per item, their strings were 45 MB at 100,000 stories.
    private var tags: [String: LinkContext] = [:]
    private var units: [String: LinkContext] = [:]
    /// The days items fall on, each written out once: thousands of stories share a day.
    private var days: [Int: DateContext] = [:]
    /// Linked from the head of every page.
    let siteFeedLink: LinkContext

    init(site: Site, theme: Theme, images: ImageSet) {
        self.site = site
        self.theme = theme
        self.images = images
        common = Self.common(site: site, theme: theme, images: images)
        siteFeedLink = LinkContext(title: site.config.title,
                                   url: Self.absolute(PageJob.feed(.site).url(in: site), base: site.config.baseURL))
        for phase in site.timeline.phases {
            phases[phase.id] = phaseSummary(phase)
        }
        for movement in site.movements {
            movements[movement.id] = LinkContext(title: movement.title, url: "/movements/\(movement.id)/")
        }
        for story in site.stories {
            for tag in story.tags where tags[tag] == nil {
                tags[tag] = LinkContext(title: tag, url: termURL(.tags, tag))
            }
            if let unit = story.unit, units[unit] == nil {
                units[unit] = LinkContext(title: unit, url: termURL(.units, unit))
            }
        }
        for person in site.people where units[person.unit] == nil {
            units[person.unit] = LinkContext(title: person.unit, url: termURL(.units, person.unit))
        }
        for day in site.stories.map(\.date) + site.people.compactMap(\.date) + site.milestones.map(\.date)
            where days[day.dayNumber] == nil {
            days[day.dayNumber] = date(day)
        }
    }

    private func link(_ kind: TermKind, _ name: String) -> LinkContext {
        (kind == .tags ? tags[name] : units[name]) ?? LinkContext(title: name, url: termURL(kind, name))
    }

    private func termURL(_ kind: TermKind, _ name: String) -> String {
        "/\(kind.rawValue)/\(site.termSlugs[name] ?? Slug.make(name))/"
    }

    private static func common(site: Site, theme: Theme, images: ImageSet) -> CommonFrame {
        let config = site.config
        let logo = config.logo.map { file in
            let picture = Picture(file: file, alt: nil, focus: nil)
            return Self.picture(imageKey(picture, role: .logo), in: images, written: file, alt: "", eager: false, lazy: false)
        }
        let siteContext = SiteContext(
            title: config.title, baseURL: config.baseURL, language: config.language,
            params: config.params.mapValues(\.openValue), campaign: site.timeline.campaign.title,
            description: config.description?.nonEmpty, organisation: config.organisation?.nonEmpty,
            liveReload: site.liveReload,
            logo: logo)
        return CommonFrame(site: siteContext, strings: theme.stringsRecord, year: String(site.now.year), assets: theme.assetsRecord)
    }

    /// The chrome of a page at `url`. The theme's `fragments/<name>` templates (the default
    /// theme's head tags, header and footer) are rendered with the common frame and the
    /// menu, once for each item of the menu that can be current rather than once per page;
    /// a page's own values are not theirs to read.
    func chrome(current url: String, feeds: [LinkContext]) -> ChromeFrame {
        let current = site.config.menu.map { item in
            item.url == url || (item.url != "/" && url.hasPrefix(item.url))
        }
        let made = chromes.value(current) {
            let menu = zip(site.config.menu, current).map { item, isCurrent in
                MenuItemContext(title: item.title, url: item.url, current: isCurrent)
            }
            let frames: [TemplateValue] = [.object(common), .object(MenuFrame(menu: menu))]
            let rendered = theme.fragments.map { TemplateValue.text(text($0.block, frames)) }
            return (menu, TemplateRecord(shape: theme.fragmentsShape, values: rendered))
        }
        return ChromeFrame(menu: made.menu, fragments: made.fragments, feeds: feeds)
    }

    func text(_ block: TemplateBlock, _ frames: [TemplateValue], capacity: Int = 4096) -> String {
        String(decoding: meter.render(block, frames, capacity: capacity), as: UTF8.self)
    }

    func date(_ date: CalendarDate) -> DateContext {
        days[date.dayNumber] ?? DateContext(iso: date.description, short: strings.shortDate.format(date), long: strings.longDate.format(date))
    }

    /// `leadPicture`: the item shows a picture above its body, so the body's first is not the lead.
    func entry(_ entry: Entry, leadPicture: Bool) -> EntryContext {
        EntryContext(title: entry.title, url: entry.url, content: bodyWithPictures(entry, eagerFirst: !leadPicture),
                     params: entry.params.mapValues(\.openValue), summary: entry.summary.nonEmpty)
    }

    func story(at index: Int) -> StoryContext {
        stories.value(index) {
            let story = site.stories[index]
            let alt = story.image?.alt ?? ""
            let context = StoryContext(
                entry: entry(story.entry, leadPicture: story.image != nil), date: date(story.date),
                tags: story.tags.map { link(.tags, $0) },
                unit: story.unit.map { link(.units, $0) }, author: story.author,
                image: picture(story.image, role: .lead, alt: alt, eager: true), thumb: picture(story.image, role: .card, alt: alt),
                movement: movement(story.movement), phase: phase(story.phase), card: nil)
            return context.with(card: card(.storyCard, context))
        }
    }

    func person(at index: Int) -> PersonContext {
        people.value(index) {
            let person = site.people[index]
            let name = person.entry.title
            // An avatar is drawn inline: with no photo, the body's first picture is the lead.
            let context = PersonContext(
                entry: entry(person.entry, leadPicture: person.photo != nil), date: person.date.map(date),
                unit: link(.units, person.unit),
                collective: person.kind == .collective, kindLabel: strings.text("person.\(person.kind.rawValue)"),
                role: person.role, award: person.award,
                // The page's portrait is its lead; the same cut on a card is fetched lazily.
                photo: picture(person.photo, role: .portrait, alt: name, eager: true),
                portrait: picture(person.photo, role: .portrait, alt: name),
                avatar: person.photo == nil ? avatar(person) : nil,
                movement: movement(person.movement), phase: phase(person.phase), card: nil)
            return context.with(card: card(.personCard, context))
        }
    }

    func milestone(at index: Int) -> MilestoneContext {
        milestones.value(index) {
            let milestone = site.milestones[index]
            let alt = milestone.image?.alt ?? ""
            let context = MilestoneContext(
                entry: entry(milestone.entry, leadPicture: milestone.image != nil), date: date(milestone.date),
                anniversary: anniversary(milestone.since, year: milestone.date.year),
                image: picture(milestone.image, role: .lead, alt: alt, eager: true),
                thumb: picture(milestone.image, role: .card, alt: alt),
                phase: phase(milestone.phase), upcoming: site.now <= milestone.date, card: nil)
            return context.with(card: card(.milestoneCard, context))
        }
    }

    /// The item's card: the theme's `cards/<kind>` rendered once over the common frame and
    /// the item, for lists, term pages and the home page to place with `{{{card}}}`.
    private func card(_ kind: PartKind, _ item: some TemplateObject) -> String? {
        theme.cards[kind].map { text($0, [.object(common), .object(item)], capacity: 1024) }
    }

    /// "Kỷ niệm 95 năm (1929 – 2024)" from the theme's pattern.
    func anniversary(_ origin: AnniversaryOrigin?, year: Int) -> AnniversaryContext? {
        guard let origin, let ordinal = origin.ordinal(inYear: year) else { return nil }
        let since: String
        switch origin {
        case .day(let day): since = strings.shortDate.format(day)
        case .year(let year): since = String(year)
        }
        return AnniversaryContext(ordinal: ordinal, label: strings.text("anniversary.label", ["n": String(ordinal)]), since: since)
    }

    func phase(_ id: String?) -> PhaseContext? {
        id.flatMap { phases[$0] }
    }

    func phaseSummary(_ phase: Phase) -> PhaseContext {
        PhaseContext(id: phase.id, title: phase.title, url: "/phases/\(phase.id)/", start: date(phase.start), end: date(phase.end),
                     summary: phase.summary?.nonEmpty)
    }

    func movement(_ id: String?) -> LinkContext? {
        id.flatMap { movements[$0] }
    }

    func campaign() -> CampaignContext {
        let campaign = site.timeline.campaign
        return CampaignContext(title: campaign.title, start: date(campaign.start), end: date(campaign.end), theme: campaign.theme?.nonEmpty)
    }

    func term(_ term: Term) -> TermContext {
        TermContext(title: term.title, url: term.url, count: term.count, description: term.description?.nonEmpty)
    }
}

extension String {
    /// nil for text that shows nothing, so a template's `{{#key}}` section is skipped.
    var nonEmpty: String? {
        allSatisfy(\.isWhitespace) ? nil : self
    }
}

extension Param {
    /// As templates read it under `params`; a null is false, which sections skip.
    var openValue: OpenValue {
        switch self {
        case .string(let value): return .text(value)
        case .bool(let value): return .flag(value)
        case .int(let value): return .number(value)
        case .double(let value): return .decimal(value)
        case .list(let values): return .list(values.map(\.openValue))
        case .map(let values): return .map(values.mapValues(\.openValue))
        case .null: return .flag(false)
        }
    }
}
