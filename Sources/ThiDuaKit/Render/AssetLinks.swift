/// What templates read as `{{assets.style.css}}`: the URL of each theme asset under its
/// fingerprinted name. The key is the asset's path below `assets/` cut at every `/` and
/// `.`, because swift-mustache reads a dotted name one part at a time
/// (`assets/fonts/be-vietnam.woff2` is `{{assets.fonts.be-vietnam.woff2}}`).
enum AssetLinks {
    private enum Node {
        case url(String, path: String)
        case folder([String: Node])

        var context: any Sendable {
            switch self {
            case .url(let url, _): return url
            case .folder(let children): return children.mapValues(\.context)
            }
        }

        /// A path of the subtree, to name in a message.
        var somePath: String {
            switch self {
            case .url(_, let path): return path
            case .folder(let children): return children.keys.sorted().first.flatMap { children[$0]?.somePath } ?? ""
            }
        }
    }

    /// The nested dictionaries, or one message per asset a template cannot reach because its
    /// key is taken by another (`assets/logo` and `assets/logo.svg`: `assets.logo` cannot be
    /// both a URL and the folder of `svg`).
    static func tree(_ assets: [ThemeAsset]) -> Result<[String: any Sendable], BuildFailure> {
        var root: [String: Node] = [:]
        var problems: [Diagnostic] = []
        for asset in assets.sorted(by: { $0.file.outputPath < $1.file.outputPath }) {
            let path = asset.file.outputPath
            let keys = path.dropFirst("assets/".count).split(whereSeparator: { $0 == "/" || $0 == "." }).map(String.init)
            guard !keys.isEmpty else { continue }
            if let clash = insert(.url("/" + asset.fingerprintedPath, path: path), at: keys[...], into: &root) {
                problems.append(Diagnostic(
                    path: "theme/\(path)",
                    message: "this file and 'theme/\(clash)' cannot both be linked from templates ({{assets.…}} splits names at '/' and '.'); rename one of them"))
            }
        }
        guard problems.isEmpty else { return .failure(BuildFailure(problems)) }
        return .success(root.mapValues(\.context))
    }

    /// Files `node` under `keys`; the path already in the way, if any.
    private static func insert(_ node: Node, at keys: ArraySlice<String>, into level: inout [String: Node]) -> String? {
        let key = keys[keys.startIndex]
        if keys.count == 1 {
            if let taken = level[key] { return taken.somePath }
            level[key] = node
            return nil
        }
        switch level[key] {
        case .url(_, let path):
            return path
        case .folder(var children):
            let clash = insert(node, at: keys.dropFirst(), into: &children)
            level[key] = .folder(children)
            return clash
        case nil:
            var children: [String: Node] = [:]
            let clash = insert(node, at: keys.dropFirst(), into: &children)
            level[key] = .folder(children)
            return clash
        }
    }
}
