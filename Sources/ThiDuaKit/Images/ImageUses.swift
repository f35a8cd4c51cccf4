/// One place the content shows a picture, as the Assemble stage left it.
struct ImageUse: Sendable, Hashable {
    /// The picture file from the site folder: `content/media/tet.jpg`.
    let source: String
    let role: ImageRole
    let crop: CropMode
    /// The file and place that name it, and the name as written there, for messages.
    let path: String
    let position: SourcePosition
    let written: String
    /// `image`, `photo` or `logo`; nil for a picture of a Markdown body.
    let frontMatterKey: String?

    /// Why the picture is not there, in the words of the place that names it.
    var missing: String {
        guard let frontMatterKey else {
            return "image to \(written) leads nowhere: no file of the site is at \(source)"
        }
        return "'\(frontMatterKey)' names \(written), which is not in content/media"
    }

    var key: ImageKey { ImageKey(source: source, role: role, crop: crop) }
}

/// What the Render stage asks for: a picture shown in a role, cut a given way.
struct ImageKey: Sendable, Hashable {
    let source: String
    let role: ImageRole
    let crop: CropMode
}

/// Every picture a site shows (pure: from the assembled site to a list of uses).
enum ImageUses {
    static func collect(from site: Site) -> (uses: [ImageUse], problems: [Diagnostic]) {
        var collector = Collector()
        let config = site.config
        if let image = config.image {
            collector.frontMatter(image, key: "image", roles: [.social], focus: nil, path: "content/site.yml",
                                  position: config.position(of: "image"))
        }
        if let logo = config.logo {
            collector.frontMatter(logo, key: "logo", roles: [.logo], focus: nil, path: "content/site.yml",
                                  position: config.position(of: "logo"))
        }
        for story in site.stories {
            collector.picture(story.image, key: "image", roles: [.lead, .card, .social], of: story.entry)
            collector.body(of: story.entry)
        }
        for person in site.people {
            collector.picture(person.photo, key: "photo", roles: [.portrait, .social], of: person.entry)
            collector.body(of: person.entry)
        }
        for milestone in site.milestones {
            collector.picture(milestone.image, key: "image", roles: [.lead, .card, .social], of: milestone.entry)
            collector.body(of: milestone.entry)
        }
        for page in site.pages { collector.body(of: page.entry) }
        return (collector.uses, collector.problems)
    }

    private struct Collector {
        var uses: [ImageUse] = []
        var problems: [Diagnostic] = []

        mutating func picture(_ picture: Picture?, key: String, roles: [ImageRole], of entry: Entry) {
            guard let picture else { return }
            frontMatter(picture.file, key: key, roles: roles, focus: picture.focus, path: entry.path,
                        position: entry.position(of: key))
        }

        mutating func frontMatter(_ written: String, key: String, roles: [ImageRole], focus: CropMode?, path: String,
                                  position: SourcePosition) {
            guard let source = MediaPath.fromFrontMatter(written) else { return }
            add(source, written: written, key: key, roles: roles, focus: focus, path: path, position: position)
        }

        mutating func body(of entry: Entry) {
            for reference in entry.references where reference.isImage {
                guard let source = MediaPath.fromMarkdown(reference.url, in: entry.path) else { continue }
                add(source, written: reference.url, key: nil, roles: [.lead], focus: nil, path: entry.path,
                    position: reference.position)
            }
        }

        private mutating func add(_ source: String, written: String, key: String?, roles: [ImageRole], focus: CropMode?,
                                  path: String, position: SourcePosition) {
            guard source.hasPrefix(MediaPath.folder) else {
                problems.append(Diagnostic(path: path, position: position,
                                           message: "the picture \(written) is not in content/media; put it there and name it media/…"))
                return
            }
            for role in roles {
                uses.append(ImageUse(source: source, role: role, crop: role.crop(focus: focus),
                                     path: path, position: position, written: written, frontMatterKey: key))
            }
        }
    }
}

/// Where a picture named in content is, from the site folder (pure).
enum MediaPath {
    static let folder = "content/media/"

    /// `image:` and `photo:` name a file of the media folder as `media/a.jpg` or `/media/a.jpg`;
    /// nil for a picture on another site.
    static func fromFrontMatter(_ written: String) -> String? {
        guard !leavesSite(written) else { return nil }
        return LinkTarget.sitePath(written.hasPrefix("/") ? written : "/" + written, from: "/").map { "content" + $0 }
    }

    /// A Markdown image is found from the Markdown file, as an editor's preview finds it
    /// (`../media/a.jpg` from `content/stories/`), or from the site's root (`/media/a.jpg`).
    static func fromMarkdown(_ url: String, in file: String) -> String? {
        guard !leavesSite(url) else { return nil }
        if url.hasPrefix("/") { return LinkTarget.sitePath(url, from: "/").map { "content" + $0 } }
        return LinkTarget.sitePath(url, from: "/" + file).map { String($0.dropFirst()) }
    }

    /// `https://…`, `//host/…` and `data:`: nothing of this site.
    private static func leavesSite(_ url: String) -> Bool {
        LinkTarget.sitePath(url, from: "/") == nil
    }

    /// Files libvips processes; they are published as renditions, not as they are.
    static let rasterExtensions: Set<String> = ["jpg", "jpeg", "png", "webp", "gif", "tif", "tiff", "heic", "heif", "avif"]

    static func isRaster(_ path: String) -> Bool {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return false }
        return rasterExtensions.contains(path[path.index(after: dot)...].lowercased())
    }

    /// `content/media/a.jpg` → `media/a.jpg`, where the file's renditions are published.
    static func published(_ source: String) -> String {
        String(source.dropFirst("content/".count))
    }
}
