/// `docs/theme.md`: every value a template can read, made from the context types
/// themselves, so the theme's reference cannot drift from what the compiler accepts.
enum ThemeReference {
    static func markdown() -> String {
        var lines = [
            "# Theme reference",
            "",
            "<!-- Generated from Sources/ThiDuaKit/Contexts/ by `make docs`; a test fails when it is stale. -->",
            "",
            "A template reads the values of its page through *frames*: the values every page has,",
            "then the page's own. `{{name}}` is looked for in the innermost frame first (inside a",
            "section, the section's value), then outwards, as Mustache says. Every name is checked",
            "when the theme is compiled: a name no frame has is an error at its line and column,",
            "which lists the names that would work. A value marked *may be absent* makes",
            "`{{#name}}…{{/name}}` skip and `{{^name}}…{{/name}}` show; looking it up goes on",
            "outwards, as for a key missing from a Mustache hash. `page.params` and `site.params`",
            "hold front matter thidua does not read itself, as written: the names below them are",
            "looked up when the page is rendered.",
            "",
            "Text is escaped for the file a template writes (HTML, XML, iCalendar; `robots.txt` not at",
            "all) by `{{name}}`, and written as it is by `{{{name}}}`. Values of type HTML are made",
            "by thidua and meant for `{{{name}}}`. Transforms: `empty(list)`, `count(list)`,",
            "`reversed(list)`, `uppercased(text)`, `lowercased(text)`.",
            "",
            "## Every page",
            "",
            "Under every page and file lie two frames. The first, also under cards:",
            "",
        ]
        var types: [TemplateShape] = []
        let common = CommonFrame.shape(strings: placeholder("t"), assets: placeholder("assets"))
        lines += table(common, into: &types)
        lines += ["", "The second, not under cards and fragments:", ""]
        lines += table(ChromeFrame.shape(fragments: placeholder("fragments")), into: &types)
        lines += ["", "## Pages", ""]
        var seen: Set<ObjectIdentifier> = []
        for kind in PageKind.allCases where seen.insert(ObjectIdentifier(kind.frame)).inserted {
            let templates = PageKind.allCases.filter { $0.frame === kind.frame }.map { "`\($0.template).mustache`" }
            lines += ["### \(kind.frame.name)", "", "\(kind.frame.doc) Read by \(Set(templates).sorted().joined(separator: ", ")).", ""]
            lines += table(kind.frame, into: &types)
            lines.append("")
        }
        lines += ["## Parts", ""]
        for part in PartKind.allCases {
            lines += ["### `\(part.rawValue).mustache`", "",
                      "The first frame of every page, then the \(link(part.item)) itself.", ""]
            register(part.item, into: &types)
        }
        lines += ["### `fragments/<name>.mustache`", "",
                  "The first frame of every page, then `menu` (a list of \(link(MenuItemContext.shape))): a fragment is",
                  "rendered once for each state of the menu and shared by the pages in it.", "",
                  "### `picture.mustache`", "",
                  "A \(link(PictureContext.shape)), included by pages and cards inside a section over a picture,",
                  "and rendered alone for each picture of a Markdown body.", "",
                  "### `archetypes/<kind>.mustache`", "",
                  "What `thidua new` fills in, escaped for a double-quoted YAML string:", ""]
        lines += table(ArchetypeContext.shape, into: &types)
        lines += ["", "## Types", ""]
        var index = 0
        while index < types.count {
            let shape = types[index]
            lines += ["### \(shape.name)", "", shape.doc, ""]
            lines += table(shape, into: &types)
            lines.append("")
            index += 1
        }
        return lines.joined(separator: "\n")
    }

    /// A theme-defined value, whose names come from the theme's own files.
    private static func placeholder(_ name: String) -> TemplateShape {
        TemplateShape(name: name, doc: "", fields: [], themeDefined: true)
    }

    private static func table(_ shape: TemplateShape, into types: inout [TemplateShape]) -> [String] {
        ["| name | type | meaning |", "|---|---|---|"] + shape.fields.map { field in
            register(field.type, into: &types)
            let absent = field.type.isOptional ? " May be absent." : ""
            return "| `\(field.name)` | \(describe(field.type)) | \(field.doc)\(absent) |"
        }
    }

    private static func register(_ type: TemplateType, into types: inout [TemplateShape]) {
        switch type {
        case .object(let shape): register(shape, into: &types)
        case .list(let item), .optional(let item): register(item, into: &types)
        default: break
        }
    }

    private static func register(_ shape: TemplateShape, into types: inout [TemplateShape]) {
        guard !shape.themeDefined, !types.contains(where: { $0 === shape }) else { return }
        types.append(shape)
    }

    private static func describe(_ type: TemplateType) -> String {
        switch type {
        case .text: return "text"
        case .html: return "HTML"
        case .number: return "number"
        case .flag: return "true/false"
        case .object(let shape): return shape.themeDefined ? "from the theme" : link(shape)
        case .list(let item): return "list of \(describe(item))"
        case .optional(let inner): return describe(inner)
        case .open: return "front matter"
        }
    }

    private static func link(_ shape: TemplateShape) -> String {
        "[\(shape.name)](#\(shape.name.lowercased()))"
    }
}
