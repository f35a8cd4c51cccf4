/// Turns the site model into the dictionaries templates read. Dictionaries, not structs:
/// swift-mustache walks a dictionary several times faster than a struct through Mirror.
struct ContextBuilder: Sendable {
    typealias Context = [String: any Sendable]

    let site: Site
    let theme: Theme
    /// The processed pictures of the Images stage.
    let images: ImageSet
    var strings: UIStrings { theme.strings }
    /// Keys every page shares (`site`, `t`, `year`, `assets`).
    private(set) var common: Context = [:]
    private let items = ContextMemo<ItemKey>()
    /// The menu and the fragments, by which menu items are current.
    private let chromes = ContextMemo<[Bool]>()
    /// Computed once: thousands of pages link the same few phases and movements.
    private var phases: [String: Context] = [:]
    private var movements: [String: Context] = [:]
    /// Linked from the head of every page.
    private(set) var siteFeedLink: Context = [:]

    init(site: Site, theme: Theme, images: ImageSet) {
        self.site = site
        self.theme = theme
        self.images = images
        common = makeCommon()
        siteFeedLink = ["title": site.config.title, "url": absolute(feedURL(.site))]
        for phase in site.timeline.phases {
            phases[phase.id] = phaseSummary(phase)
        }
        for movement in site.movements {
            movements[movement.id] = link(movement.title, "/movements/\(movement.id)/")
        }
    }

    private func termURL(_ kind: TermKind, _ name: String) -> String {
        "/\(kind.rawValue)/\(site.termSlugs[name] ?? Slug.make(name))/"
    }

    private func makeCommon() -> Context {
        let config = site.config
        var siteContext: Context = [
            "title": config.title,
            "baseURL": config.baseURL,
            "language": config.language,
            "params": config.params.mapValues(\.templateValue),
            "campaign": site.timeline.campaign.title,
        ]
        siteContext["description"] = config.description?.nonEmpty
        siteContext["organisation"] = config.organisation?.nonEmpty
        siteContext["liveReload"] = site.liveReload ? true : nil
        siteContext["logo"] = picture(config.logo.map { Picture(file: $0, alt: nil, focus: nil) }, role: .logo, alt: "", lazy: false)
        return ["site": siteContext, "t": strings.values, "year": String(site.now.year), "assets": theme.assetLinks]
    }

    /// `menu` and `fragments` of a page at `url`. The theme's `fragments/<name>` templates
    /// (the default theme's head tags, header and footer) are rendered with the keys every
    /// page shares and the menu, once for each item of the menu that can be current rather
    /// than once per page, and placed with `{{{fragments.<name>}}}`; a page's own keys are
    /// not theirs to read.
    func chrome(current url: String) -> Context {
        let current = site.config.menu.map { item in
            item.url == url || (item.url != "/" && url.hasPrefix(item.url))
        }
        return chromes.context(current) {
            let menu: [Context] = zip(site.config.menu, current).map { item, isCurrent in
                ["title": item.title, "url": item.url, "current": isCurrent]
            }
            var context = common
            context["menu"] = menu
            var fragments: Context = [:]
            for name in theme.templateNames(under: "fragments/") {
                fragments[String(name.dropFirst("fragments/".count))] = theme.render(name, context)
            }
            return ["menu": menu, "fragments": fragments]
        }
    }

    func date(_ date: CalendarDate) -> Context {
        ["iso": date.description, "short": strings.shortDate.format(date), "long": strings.longDate.format(date)]
    }

    /// `leadPicture`: the item shows a picture above its body, so the body's first is not the lead.
    func entry(_ entry: Entry, date: CalendarDate?, leadPicture: Bool) -> Context {
        var context: Context = [
            "title": entry.title,
            "url": entry.url,
            "content": bodyWithPictures(entry, eagerFirst: !leadPicture),
            "params": entry.params.mapValues(\.templateValue),
        ]
        context["summary"] = entry.summary.nonEmpty
        if let date { context["date"] = self.date(date) }
        return context
    }

    func story(at index: Int) -> Context {
        items.context(ItemKey(kind: .stories, index: index)) { withCard(story(site.stories[index]), .story) }
    }

    func person(at index: Int) -> Context {
        items.context(ItemKey(kind: .people, index: index)) { withCard(person(site.people[index]), .person) }
    }

    func milestone(at index: Int) -> Context {
        items.context(ItemKey(kind: .milestones, index: index)) { withCard(milestone(site.milestones[index]), .milestone) }
    }

    private enum Card: String {
        case story, person, milestone
    }

    /// The item's `card`: the theme's `cards/<kind>` template rendered once with the keys every
    /// page shares and the item's own, for lists, term pages and the home page to place with
    /// `{{{card}}}`. A theme without that template gets no `card`.
    private func withCard(_ item: Context, _ card: Card) -> Context {
        let template = "cards/\(card.rawValue)"
        guard theme.has(template) else { return item }
        var item = item
        item["card"] = theme.render(template, common.merging(item) { $1 })
        return item
    }

    private func story(_ story: Story) -> Context {
        var context = entry(story.entry, date: story.date, leadPicture: story.image != nil)
        context["tags"] = story.tags.map { ["title": $0, "url": termURL(.tags, $0)] as Context }
        context["unit"] = story.unit.map { link($0, termURL(.units, $0)) }
        context["author"] = story.author
        addPictures(story.image, to: &context)
        context["movement"] = movement(story.movement)
        context["phase"] = phase(story.phase)
        return context
    }

    private func person(_ person: Person) -> Context {
        // An avatar is drawn inline: with no photo, the body's first picture is the lead.
        var context = entry(person.entry, date: person.date, leadPicture: person.photo != nil)
        context["unit"] = link(person.unit, termURL(.units, person.unit))
        context["collective"] = person.kind == .collective
        context["kindLabel"] = strings.text("person.\(person.kind.rawValue)")
        context["role"] = person.role
        context["award"] = person.award
        // The page's portrait is its lead; the same cut on a card is fetched lazily.
        context["photo"] = picture(person.photo, role: .portrait, alt: person.entry.title, eager: true)
        context["portrait"] = picture(person.photo, role: .portrait, alt: person.entry.title)
        if person.photo == nil { context["avatar"] = avatar(person) }
        context["movement"] = movement(person.movement)
        context["phase"] = phase(person.phase)
        return context
    }

    private func milestone(_ milestone: Milestone) -> Context {
        var context = entry(milestone.entry, date: milestone.date, leadPicture: milestone.image != nil)
        context["anniversary"] = anniversary(milestone.since, year: milestone.date.year)
        addPictures(milestone.image, to: &context)
        context["phase"] = phase(milestone.phase)
        context["upcoming"] = site.now <= milestone.date
        return context
    }

    func page(_ page: Page) -> Context {
        entry(page.entry, date: nil, leadPicture: false)
    }

    /// `image`, the lead of the item's page, and `thumb`, the 4:3 cut of its card.
    private func addPictures(_ image: Picture?, to context: inout Context) {
        let alt = image?.alt ?? ""
        context["image"] = picture(image, role: .lead, alt: alt, eager: true)
        context["thumb"] = picture(image, role: .card, alt: alt)
    }

    /// "Kỷ niệm 95 năm (1929 – 2024)" from the theme's pattern.
    func anniversary(_ origin: AnniversaryOrigin?, year: Int) -> Context? {
        guard let origin, let ordinal = origin.ordinal(inYear: year) else { return nil }
        let since: String
        switch origin {
        case .day(let day): since = strings.shortDate.format(day)
        case .year(let year): since = String(year)
        }
        return [
            "ordinal": ordinal,
            "label": strings.text("anniversary.label", ["n": String(ordinal)]),
            "since": since,
        ]
    }

    func phase(_ id: String?) -> Context? {
        id.flatMap { phases[$0] }
    }

    func phaseSummary(_ phase: Phase) -> Context {
        var context: Context = [
            "id": phase.id, "title": phase.title,
            "url": "/phases/\(phase.id)/", "start": date(phase.start), "end": date(phase.end),
        ]
        context["summary"] = phase.summary?.nonEmpty
        return context
    }

    func movement(_ id: String?) -> Context? {
        id.flatMap { movements[$0] }
    }

    func link(_ title: String, _ url: String) -> Context {
        ["title": title, "url": url]
    }

    /// Template sections treat an empty string as true, so absent values must be absent keys.
    func campaign() -> Context {
        let campaign = site.timeline.campaign
        var context: Context = ["title": campaign.title, "start": date(campaign.start), "end": date(campaign.end)]
        context["theme"] = campaign.theme?.nonEmpty
        return context
    }

    func term(_ term: Term) -> Context {
        var context: Context = ["title": term.title, "url": term.url, "count": term.count]
        context["description"] = term.description?.nonEmpty
        return context
    }
}

extension String {
    /// nil for text that shows nothing, so a template's `{{#key}}` section is skipped.
    var nonEmpty: String? {
        allSatisfy(\.isWhitespace) ? nil : self
    }
}
