import Foundation

/// The checks of `thidua check` beyond what a build validates: every internal link and media
/// link leads to a page or file of the site, every story has a summary source, and the
/// advice an editor should hear (a story outside every movement, an image without alt text).
public struct SiteChecker: Sendable {
    let site: Site
    /// Every file a build of the site writes, as paths under the output folder.
    let outputs: Set<String>

    /// `staticPaths`: where the theme's assets and the media files are published.
    public init(site: Site, staticPaths: [String]) {
        self.site = site
        var outputs = Set(PageJob.plan(for: site).map { OutputFile.path(forURL: $0.url(in: site)) })
        outputs.formUnion(staticPaths)
        self.outputs = outputs
    }

    public func check() -> [Diagnostic] {
        var found: [Diagnostic] = []
        let entries = site.pages.map(\.entry) + site.stories.map(\.entry) + site.people.map(\.entry)
            + site.milestones.map(\.entry)
        for entry in entries {
            for reference in entry.references {
                found += check(reference, in: entry)
            }
        }
        for story in site.stories {
            if story.entry.summary.allSatisfy(\.isWhitespace) {
                found.append(Diagnostic(path: story.entry.path, position: story.entry.position(of: "title"),
                                        message: "no summary: add 'summary:' or begin the story with a paragraph"))
            }
            if story.movement == nil {
                found.append(Diagnostic(path: story.entry.path, position: story.entry.position(of: "title"),
                                        message: "the story names no movement, so no movement page lists it; add 'movement:'",
                                        severity: .warning))
            }
            found += describe(story.image, in: story.entry)
        }
        for milestone in site.milestones { found += describe(milestone.image, in: milestone.entry) }
        return found.sorted()
    }

    /// A lead picture without `imageAlt:` is announced as nothing to a reader who cannot see it.
    private func describe(_ picture: Picture?, in entry: Entry) -> [Diagnostic] {
        guard let picture, picture.alt == nil else { return [] }
        return [Diagnostic(path: entry.path, position: entry.position(of: "image"),
                           message: "the picture has no description; add 'imageAlt:' saying what it shows for readers who cannot see it",
                           severity: .warning)]
    }

    private func check(_ reference: Reference, in entry: Entry) -> [Diagnostic] {
        var found: [Diagnostic] = []
        if reference.isImage && !reference.hasText {
            found.append(Diagnostic(path: entry.path, position: reference.position,
                                    message: "the image has no alt text; describe it in ![…](…) for readers who cannot see it",
                                    severity: .warning))
        }
        let url = reference.url
        if url.lowercased().hasPrefix("javascript:") {
            found.append(Diagnostic(path: entry.path, position: reference.position,
                                    message: "javascript: links are removed from pages; link to a page instead"))
            return found
        }
        // Pictures are found, and their problems reported, by the Images stage.
        guard !reference.isImage, let path = LinkTarget.sitePath(url, from: entry.url) else { return found }
        if !exists(path) {
            found.append(Diagnostic(path: entry.path, position: reference.position,
                                    message: "link to \(url) leads nowhere: no page or file of the site is at \(path)"))
        }
        return found
    }

    /// `/stories/a/` is the file `stories/a/index.html`; `/stories/a` is served from it too.
    private func exists(_ path: String) -> Bool {
        let trimmed = String(path.dropFirst())
        if trimmed.isEmpty || trimmed.hasSuffix("/") { return outputs.contains(trimmed + "index.html") }
        return outputs.contains(trimmed) || outputs.contains(trimmed + "/index.html")
    }
}

/// Where a link of a page leads on the site (pure, so it is tested on its own).
public enum LinkTarget {
    /// The site path a link leads to from the page at `base`, or nil for a link that leaves
    /// the site (a scheme such as https: or mailto:) or stays on the page (`#muc`).
    public static func sitePath(_ url: String, from base: String) -> String? {
        guard !url.isEmpty, !url.hasPrefix("#"), !url.hasPrefix("//") else { return nil }
        if let colon = url.firstIndex(of: ":"), !url[..<colon].contains("/") { return nil }
        var path = url
        if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = String(path[..<cut]) }
        path = path.removingPercentEncoding ?? path
        if !path.hasPrefix("/") {
            let folder = base.hasSuffix("/") ? base : String(base[...(base.lastIndex(of: "/") ?? base.startIndex)])
            path = folder + path
        }
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { _ = parts.popLast(); continue }
            parts.append(part)
        }
        let joined = "/" + parts.joined(separator: "/")
        return path.hasSuffix("/") && joined != "/" ? joined + "/" : joined
    }
}
