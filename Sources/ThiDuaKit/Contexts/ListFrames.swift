/// The paginated lists of stories, people and milestones (`list`): one template, one frame
/// type per kind of item, so the compiler knows what `{{#items}}` holds.

struct StoryListFrame: TemplateContext {
    let page: PageInfoContext
    let items: [StoryContext]
    let pagination: PaginationContext?

    static let fields = TemplateFields<Self>("StoryList", "The list of stories (`list` at `/stories/`).",
                                             listFields("stories", { $0.page }, { $0.pagination }) + [
        .list("items", "This page's stories.") { $0.items },
    ])
}

struct PersonListFrame: TemplateContext {
    let page: PageInfoContext
    let items: [PersonContext]
    let pagination: PaginationContext?

    static let fields = TemplateFields<Self>("PersonList", "The hall of honour (`list` at `/people/`).",
                                             listFields("people", { $0.page }, { $0.pagination }) + [
        .list("items", "This page's people.") { $0.items },
    ])
}

struct MilestoneListFrame: TemplateContext {
    let page: PageInfoContext
    let items: [MilestoneContext]
    let pagination: PaginationContext?

    static let fields = TemplateFields<Self>("MilestoneList", "The list of milestones (`list` at `/milestones/`).",
                                             listFields("milestones", { $0.page }, { $0.pagination }) + [
        .list("items", "This page's milestones.") { $0.items },
    ])
}

/// `page`, `kind`, a flag named after the kind (`{{#stories}}` on the stories list) and
/// `pagination`.
private func listFields<Root>(_ kind: String, _ page: @escaping @Sendable (Root) -> PageInfoContext,
                              _ pagination: @escaping @Sendable (Root) -> PaginationContext?) -> [FieldSpec<Root>] {
    [
        .object("page", "The page.", page),
        .text("kind", "`\(kind)`.") { _ in kind },
        .flag(kind, "True: lets a template tell the lists apart.") { _ in true },
        .optionalObject("pagination", "Links to the list's other pages.", pagination),
    ]
}
