import Mustache

/// One step of a name under `{{assets.…}}`: the URL of the asset whose path ends here, if
/// one does, and the steps below it, so that `app.js` and `app.js.map` are both reachable.
struct AssetLink: MustacheParent, MustacheCustomRenderable, Sendable {
    fileprivate(set) var url: String?
    fileprivate(set) var children: [String: AssetLink] = [:]

    func child(named name: String) -> Any? { children[name] }
    var renderText: String { url ?? "" }
    var isNull: Bool { url == nil && children.isEmpty }
}

/// What templates read as `{{assets.style.css}}`: the URL of each theme asset under its
/// fingerprinted name. The key is the asset's path below `assets/` cut at every `/` and
/// `.`, because swift-mustache reads a dotted name one part at a time
/// (`assets/fonts/be-vietnam.woff2` is `{{assets.fonts.be-vietnam.woff2}}`).
enum AssetLinks {
    static func tree(_ assets: [ThemeAsset]) -> [String: AssetLink] {
        var root = AssetLink()
        for asset in assets {
            let keys = keys(of: String(asset.path.dropFirst("assets/".count)))
            guard !keys.isEmpty else { continue }
            root.insert("/" + asset.fingerprintedPath, at: keys[...])
        }
        return root.children
    }

    /// Whether `name` (`assets.style.css`) leads to the URL of an asset.
    static func leads(_ name: String, in tree: [String: AssetLink]) -> Bool {
        var keys = keys(of: String(name.dropFirst("assets.".count)))[...]
        guard let first = keys.popFirst(), var node = tree[first] else { return false }
        while let key = keys.popFirst() {
            guard let next = node.children[key] else { return false }
            node = next
        }
        return node.url != nil
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
