/// Stories, people, milestones and pages as every template sees them: on their own page,
/// as a card in a list, in a feed.

/// What every item has.
final class EntryContext: Sendable {
    let title: String
    let url: String
    /// Read when a template shows it: a build keeps bodies out of memory.
    let content: BodyText
    let params: [String: OpenValue]
    let summary: String?

    init(title: String, url: String, content: BodyText, params: [String: OpenValue], summary: String?) {
        self.title = title
        self.url = url
        self.content = content
        self.params = params
        self.summary = summary
    }

    /// The same entry with its body read: a page reads it before rendering, not while.
    func reading() -> EntryContext {
        guard case .stored = content else { return self }
        return EntryContext(title: title, url: url, content: .inline(content.html), params: params, summary: summary)
    }

    static func fields<Root>(_ entry: @escaping @Sendable (Root) -> EntryContext) -> [FieldSpec<Root>] {
        [
            .text("title", "`title:`.") { entry($0).title },
            .text("url", "Its page, from the site's root.") { entry($0).url },
            .html("content", "The body, Markdown made HTML, its pictures made `<picture>`s.") { entry($0).content.html },
            .open("params", "Front matter keys thidua does not use itself, as written (`{{page.params.x}}`).") { entry($0).params },
            .optionalText("summary", "`summary:`; absent when empty.") { entry($0).summary },
        ]
    }
}

final class StoryContext: TemplateContext {
    let entry: EntryContext
    let date: DateContext
    let tags: [LinkContext]
    let unit: LinkContext?
    let author: String?
    let image: PictureContext?
    let thumb: PictureContext?
    let movement: LinkContext?
    let phase: PhaseContext?
    let card: String?

    init(entry: EntryContext, date: DateContext, tags: [LinkContext], unit: LinkContext?, author: String?,
         image: PictureContext?, thumb: PictureContext?, movement: LinkContext?, phase: PhaseContext?, card: String?) {
        self.entry = entry
        self.date = date
        self.tags = tags
        self.unit = unit
        self.author = author
        self.image = image
        self.thumb = thumb
        self.movement = movement
        self.phase = phase
        self.card = card
    }

    /// The same item with its card, which is rendered from the item without one.
    func with(card: String?) -> StoryContext {
        StoryContext(entry: entry, date: date, tags: tags, unit: unit, author: author, image: image, thumb: thumb,
             movement: movement, phase: phase, card: card)
    }

    /// The same item with its body read, for its own page.
    func reading() -> StoryContext {
        StoryContext(entry: entry.reading(), date: date, tags: tags, unit: unit, author: author, image: image, thumb: thumb,
             movement: movement, phase: phase, card: self.card)
    }

    static let fields = TemplateFields<StoryContext>("Story", "A story of the campaign.", EntryContext.fields { $0.entry } + [
        .object("date", "`date:`.") { $0.date },
        .list("tags", "`tags:`, each with its page.") { $0.tags },
        .optionalObject("unit", "`unit:`, the trade union unit, with its page.") { $0.unit },
        .optionalText("author", "`author:`.") { $0.author },
        .optionalObject("image", "`image:`, cut as the page's lead.") { $0.image },
        .optionalObject("thumb", "`image:`, cut 4:3 for a card.") { $0.thumb },
        .optionalObject("movement", "`movement:`, with its page.") { $0.movement },
        .optionalObject("phase", "`phase:`, the phase of the timeline.") { $0.phase },
        .optionalHTML("card", "The theme's `cards/story` rendered for it, for lists (`{{{card}}}`).") { $0.card },
    ])
}

final class PersonContext: TemplateContext {
    let entry: EntryContext
    let date: DateContext?
    let unit: LinkContext
    let collective: Bool
    let kindLabel: String
    let role: String?
    let award: String?
    let photo: PictureContext?
    let portrait: PictureContext?
    let avatar: AvatarContext?
    let movement: LinkContext?
    let phase: PhaseContext?
    let card: String?

    init(entry: EntryContext, date: DateContext?, unit: LinkContext, collective: Bool, kindLabel: String,
         role: String?, award: String?, photo: PictureContext?, portrait: PictureContext?, avatar: AvatarContext?,
         movement: LinkContext?, phase: PhaseContext?, card: String?) {
        self.entry = entry
        self.date = date
        self.unit = unit
        self.collective = collective
        self.kindLabel = kindLabel
        self.role = role
        self.award = award
        self.photo = photo
        self.portrait = portrait
        self.avatar = avatar
        self.movement = movement
        self.phase = phase
        self.card = card
    }

    /// The same item with its card, which is rendered from the item without one.
    func with(card: String?) -> PersonContext {
        PersonContext(entry: entry, date: date, unit: unit, collective: collective, kindLabel: kindLabel, role: role,
             award: award, photo: photo, portrait: portrait, avatar: avatar, movement: movement, phase: phase,
             card: card)
    }

    /// The same item with its body read, for its own page.
    func reading() -> PersonContext {
        PersonContext(entry: entry.reading(), date: date, unit: unit, collective: collective, kindLabel: kindLabel, role: role,
             award: award, photo: photo, portrait: portrait, avatar: avatar, movement: movement, phase: phase,
             card: self.card)
    }

    static let fields = TemplateFields<PersonContext>("Person", "An exemplary member or collective.", EntryContext.fields { $0.entry } + [
        .optionalObject("date", "`date:`, when they were honoured.") { $0.date },
        .object("unit", "`unit:`, with its page.") { $0.unit },
        .flag("collective", "A collective rather than one person.") { $0.collective },
        .text("kindLabel", "`Cá nhân` or `Tập thể`, from the UI strings.") { $0.kindLabel },
        .optionalText("role", "`role:`.") { $0.role },
        .optionalText("award", "`award:`.") { $0.award },
        .optionalObject("photo", "`photo:`, cut 4:5 as the page's lead.") { $0.photo },
        .optionalObject("portrait", "The same cut for a card, fetched lazily.") { $0.portrait },
        .optionalObject("avatar", "An initial to show instead; absent when there is a photo.") { $0.avatar },
        .optionalObject("movement", "`movement:`, with its page.") { $0.movement },
        .optionalObject("phase", "`phase:`.") { $0.phase },
        .optionalHTML("card", "The theme's `cards/person` rendered for them.") { $0.card },
    ])
}

final class MilestoneContext: TemplateContext {
    let entry: EntryContext
    let date: DateContext
    let anniversary: AnniversaryContext?
    let image: PictureContext?
    let thumb: PictureContext?
    let phase: PhaseContext?
    let upcoming: Bool
    let card: String?

    init(entry: EntryContext, date: DateContext, anniversary: AnniversaryContext?, image: PictureContext?,
         thumb: PictureContext?, phase: PhaseContext?, upcoming: Bool, card: String?) {
        self.entry = entry
        self.date = date
        self.anniversary = anniversary
        self.image = image
        self.thumb = thumb
        self.phase = phase
        self.upcoming = upcoming
        self.card = card
    }

    /// The same item with its card, which is rendered from the item without one.
    func with(card: String?) -> MilestoneContext {
        MilestoneContext(entry: entry, date: date, anniversary: anniversary, image: image, thumb: thumb, phase: phase,
             upcoming: upcoming, card: card)
    }

    /// The same item with its body read, for its own page.
    func reading() -> MilestoneContext {
        MilestoneContext(entry: entry.reading(), date: date, anniversary: anniversary, image: image, thumb: thumb, phase: phase,
             upcoming: upcoming, card: self.card)
    }

    static let fields = TemplateFields<MilestoneContext>("Milestone", "A milestone of the campaign.", EntryContext.fields { $0.entry } + [
        .object("date", "`date:`.") { $0.date },
        .optionalObject("anniversary", "The round anniversary it marks that year, from `since:`.") { $0.anniversary },
        .optionalObject("image", "`image:`, cut as the page's lead.") { $0.image },
        .optionalObject("thumb", "`image:`, cut 4:3 for a card.") { $0.thumb },
        .optionalObject("phase", "`phase:`.") { $0.phase },
        .flag("upcoming", "It falls on or after the build date.") { $0.upcoming },
        .optionalHTML("card", "The theme's `cards/milestone` rendered for it.") { $0.card },
    ])
}

/// A page of `content/pages/`.
struct PageContentContext: TemplateContext {
    let entry: EntryContext

    static let fields = TemplateFields<Self>("Page", "A page of `content/pages/`.", EntryContext.fields { $0.entry })
}
