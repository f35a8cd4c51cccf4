/// One step of a name under `{{assets.…}}`: the URL of the asset whose path ends here, if
/// one does, and the steps below it, so that `app.js` and `app.js.map` are both reachable.
struct AssetLink: Sendable, Equatable {
    fileprivate(set) var url: String?
    fileprivate(set) var children: [String: AssetLink] = [:]
}

/// What templates read as `{{assets.style.css}}`: the URL of each theme asset under its
/// fingerprinted name. The key is the asset's path below `assets/` cut at every `/` and
/// `.`, because a dotted name is read one part at a time
/// (`assets/fonts/be-vietnam.woff2` is `{{assets.fonts.be-vietnam.woff2}}`).
enum AssetLinks {
    static func tree(_ assets: [ThemeAsset]) -> AssetLink {
        var root = AssetLink()
        for asset in assets {
            let keys = keys(of: String(asset.path.dropFirst("assets/".count)))
            guard !keys.isEmpty else { continue }
            root.insert("/" + asset.fingerprintedPath, at: keys[...])
        }
        return root
    }

    /// The hashed paths of the assets that tags named `names` can reach: the asset's own
    /// name, or a name above it (a section `{{#assets.fonts}}` reaches every font).
    static func linked(_ assets: [ThemeAsset], byNames names: [String]) -> Set<String> {
        let prefixes = Set(names.map { keys(of: String($0.dropFirst("assets".count))) })
        return Set(assets.filter { asset in
            let path = keys(of: String(asset.path.dropFirst("assets/".count)))
            return (0...path.count).contains { prefixes.contains(Array(path.prefix($0))) }
        }.map(\.fingerprintedPath))
    }

    private static func keys(of path: String) -> [String] {
        path.split(whereSeparator: { $0 == "/" || $0 == "." }).map(String.init)
    }
}

private extension AssetLink {
    mutating func insert(_ url: String, at keys: ArraySlice<String>) {
        guard let key = keys.first else {
            self.url = url
            return
        }
        var child = children[key] ?? AssetLink()
        child.insert(url, at: keys.dropFirst())
        children[key] = child
    }
}

/// The values of the theme's own files as template objects, with shapes made from them.
enum ThemeRecords {
    /// `t`: the UI strings, nested as in `theme/i18n/<language>.yml`.
    static func strings(_ values: [String: any Sendable], name: String = "t") -> TemplateRecord {
        var fields: [TemplateField] = []
        var items: [TemplateValue] = []
        for key in values.keys.sorted() {
            switch values[key] {
            case let nested as [String: any Sendable]:
                let record = strings(nested, name: "\(name).\(key)")
                fields.append(TemplateField(name: key, type: .object(record.shape), doc: ""))
                items.append(.object(record))
            case let list as [any Sendable]:
                let texts = list.compactMap { $0 as? String }
                fields.append(TemplateField(name: key, type: .list(.text), doc: ""))
                items.append(.list(texts.map(TemplateValue.text)))
            default:
                fields.append(TemplateField(name: key, type: .text, doc: ""))
                items.append(.text(values[key] as? String ?? ""))
            }
        }
        return TemplateRecord(shape: TemplateShape(name: name, doc: "UI strings", fields: fields, themeDefined: true), values: items)
    }

    /// `assets`: each step a record that shows its asset's URL, with the steps below it.
    static func assets(_ link: AssetLink, name: String = "assets") -> TemplateRecord {
        let keys = link.children.keys.sorted()
        let records = keys.map { assets(link.children[$0] ?? AssetLink(), name: "\(name).\($0)") }
        let shape = TemplateShape(name: name, doc: "Theme assets",
                                  fields: zip(keys, records).map { TemplateField(name: $0, type: .object($1.shape), doc: "") },
                                  showsAsText: link.url != nil, themeDefined: true,
                                  missing: "which names no file of the theme's assets/")
        return TemplateRecord(shape: shape, values: records.map { .object($0) }, text: link.url)
    }

    /// Every name under `assets` that `syntax` uses, sections included.
    static func assetNames(_ syntax: [TemplateSyntax]) -> [String] {
        syntax.flatMap { node -> [String] in
            switch node {
            case .text, .partial: return []
            case .variable(let name, _, _): return named(name)
            case .section(let name, _, let body, _): return named(name) + assetNames(body)
            case .parent(_, _, let blocks, _): return blocks.values.flatMap(assetNames)
            case .block(_, _, let body, _): return assetNames(body)
            }
        }
    }

    private static func named(_ name: TemplateName) -> [String] {
        name.path.first == "assets" ? [name.path.joined(separator: ".")] : []
    }
}
