/// What every template can read, whatever the page: the site, the theme's UI strings and
/// assets, the year. The UI strings and assets are the theme's own files, so their shape is
/// made when the theme is compiled.
struct SiteContext: TemplateContext {
    let title: String
    let baseURL: String
    let language: String
    let params: [String: OpenValue]
    let campaign: String
    let description: String?
    let organisation: String?
    let liveReload: Bool
    let logo: PictureContext?

    static let fields = TemplateFields<Self>("Site", "The site, from `site.yml`.", [
        .text("title", "The site's name.") { $0.title },
        .text("baseURL", "Where it is published, ending in `/`.") { $0.baseURL },
        .text("language", "Its language code (`vi`).") { $0.language },
        .open("params", "The keys of `site.yml` thidua does not use itself, as written.") { $0.params },
        .text("campaign", "The campaign's name, from `timeline.yml`.") { $0.campaign },
        .optionalText("description", "`description:`; absent when empty.") { $0.description },
        .optionalText("organisation", "`organisation:`, the trade union; absent when empty.") { $0.organisation },
        .flag("liveReload", "The page is served by `thidua serve`, which reloads it on a save.") { $0.liveReload },
        .optionalObject("logo", "`logo:`, cut for the header.") { $0.logo },
    ])
}

/// The frame under every page: `site`, `t`, `year` and `assets`.
struct CommonFrame: TemplateObject {
    let site: SiteContext
    let strings: TemplateRecord
    let year: String
    let assets: TemplateRecord

    func field(_ index: Int) -> TemplateValue {
        switch index {
        case 0: return .object(site)
        case 1: return .object(strings)
        case 2: return .text(year)
        default: return .object(assets)
        }
    }

    /// In the order `field(_:)` reads them.
    static func shape(strings: TemplateShape, assets: TemplateShape) -> TemplateShape {
        TemplateShape(name: "Common", doc: "What every template can read.", fields: [
            TemplateField(name: "site", type: .object(SiteContext.shape), doc: "The site."),
            TemplateField(name: "t", type: .object(strings),
                          doc: "The theme's UI strings in the site's language, as nested in `theme/i18n/<language>.yml` (`{{t.nav.home}}`)."),
            TemplateField(name: "year", type: .text, doc: "The year of the build date."),
            TemplateField(name: "assets", type: .object(assets),
                          doc: "The URL of each file of the theme's `assets/` under its fingerprinted name, by its path cut at `/` and `.` (`{{assets.style.css}}`)."),
        ])
    }
}

/// The menu, the fragments rendered for it, and the feeds the head links.
struct ChromeFrame: TemplateObject {
    let menu: [MenuItemContext]
    let fragments: TemplateRecord
    let feeds: [LinkContext]

    func field(_ index: Int) -> TemplateValue {
        switch index {
        case 0: return .list(menu.map { .object($0) })
        case 1: return .object(fragments)
        default: return .list(feeds.map { .object($0) })
        }
    }

    static func shape(fragments: TemplateShape) -> TemplateShape {
        TemplateShape(name: "Chrome", doc: "The menu and what surrounds every page.", fields: menuFields + [
            TemplateField(name: "fragments", type: .object(fragments),
                          doc: "Each `fragments/<name>` template, rendered once for each state of the menu; place with `{{{fragments.<name>}}}`."),
            TemplateField(name: "feeds", type: .list(.object(LinkContext.shape)),
                          doc: "The Atom feeds the page's head links: the site's, and a term's own on its pages."),
        ])
    }

    static let menuFields = [
        TemplateField(name: "menu", type: .list(.object(MenuItemContext.shape)), doc: "`site.yml`'s menu."),
    ]
}

/// What `fragments/` templates read besides the common frame: the menu alone, since a
/// fragment is shared by every page with the same current menu item.
struct MenuFrame: TemplateObject {
    let menu: [MenuItemContext]

    func field(_ index: Int) -> TemplateValue {
        .list(menu.map { .object($0) })
    }

    static let shape = TemplateShape(name: "Menu", doc: "The menu, for fragments.", fields: ChromeFrame.menuFields)
}
