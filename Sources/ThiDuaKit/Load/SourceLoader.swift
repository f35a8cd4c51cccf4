import Foundation

/// Reads a site folder. The only stage besides Write that touches the file system.
public struct SourceLoader: Sendable {
    public let root: URL

    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    /// Everything under `content/`; without `documents`, only the data files and media.
    public func loadContent(documents: Bool = true) throws(BuildFailure) -> ContentSource {
        let contentDir = root.appendingPathComponent("content")
        guard isDirectory(contentDir) else {
            throw BuildFailure([Diagnostic(path: "content", message: "no content folder here; run thidua in a site folder or pass --source")])
        }
        var content = ContentSource()
        content.siteConfig = try readIfPresent("content/site.yml")
        content.timeline = try readIfPresent("content/timeline.yml")
        content.movements = try readIfPresent("content/movements.yml")
        var problems: [Diagnostic] = []
        var unread: [String] = []
        var linked: Set<String> = []
        for collection in ContentKind.allCases where documents {
            let folder = self.documents(in: "content/\(collection.rawValue)")
            content.documents += folder.documents
            problems += folder.problems
            unread += folder.unread
            linked.formUnion(folder.linked)
        }
        guard problems.isEmpty else { throw BuildFailure(problems) }
        if documents {
            content.warnings = (unread + unreadOutsideCollections(linked: linked)).sorted().map(Self.unreadWarning)
        }
        content.media = files(under: "content/media").map {
            StaticFile(sourcePath: root.appendingPathComponent($0).path, outputPath: String($0.dropFirst("content/".count)))
        }
        return content
    }

    /// The site's own `theme/` when it has one, else the theme that ships inside thidua.
    public func loadTheme(fallback: URL?) throws(BuildFailure) -> ThemeSource {
        let own = root.appendingPathComponent("theme").resolvingSymlinksInPath()
        if isDirectory(own) { return try loadTheme(at: own, label: "theme") }
        guard let fallback else {
            throw BuildFailure([Diagnostic(path: "theme", message: "no theme folder here and no default theme installed with thidua")])
        }
        return try loadTheme(at: fallback, label: "(default theme)")
    }

    /// The theme shipped in thidua's resource bundle, next to the executable (or the test
    /// bundle). Looked up by hand: Foundation's `Bundle.module` stops the process when the
    /// bundle is missing, and a missing theme is a reportable error, not a crash.
    public static func defaultThemeLocation() -> URL? {
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        let folders = [executable.deletingLastPathComponent(), Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()]
        for folder in folders {
            let candidate = folder.appendingPathComponent("thidua_ThiDuaKit.resources/DefaultTheme")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("templates").path) { return candidate }
        }
        return nil
    }

    private func loadTheme(at dir: URL, label: String) throws(BuildFailure) -> ThemeSource {
        let reader = SourceLoader(root: dir)
        var failures: [Diagnostic] = []
        /// The files below `folder` whose names end with `suffix`, by path from the theme
        /// folder; a file that cannot be read is reported under the theme's label.
        func readAll(_ folder: String, suffix: String = "") -> [SourceFile] {
            reader.files(under: folder).filter { $0.hasSuffix(suffix) }.compactMap { relative in
                switch reader.read(relative) {
                case .success(let file): return file
                case .failure(let problem):
                    failures.append(Diagnostic(path: "\(label)/\(problem.path)", position: problem.position, message: problem.message))
                    return nil
                }
            }
        }
        // Templates and UI strings are named in messages as the editor sees them.
        func labelled(_ file: SourceFile) -> SourceFile { SourceFile(path: "\(label)/\(file.path)", bytes: file.bytes) }
        let templates = readAll("templates", suffix: ".mustache").map(labelled)
        let strings = readAll("i18n", suffix: ".yml").map(labelled)
        let assets = readAll("assets").map { ThemeAsset(path: $0.path, bytes: $0.bytes) }
        guard failures.isEmpty else { throw BuildFailure(failures) }
        return ThemeSource(templates: templates, strings: strings, assets: assets)
    }

    /// Relative paths of the regular files below `folder`, sorted so builds do not depend on
    /// the order the file system lists them in. Hidden files (editor swap files) are skipped.
    func files(under folder: String) -> [String] {
        let base = root.appendingPathComponent(folder).path
        return FileTree.regularFiles(under: base).map { folder + "/" + $0 }.sorted()
    }

    /// The Markdown files of a collection's folder, and what in it cannot be one: a link
    /// leading outside `content/` or round in a loop, a FIFO, socket or device, a folder
    /// named like a story. Skipping those silently left an editor wondering where a story
    /// went. A link to a file inside `content/` is read as if the file were there.
    /// `unread`: the files in it that are not Markdown, which nothing reads; `linked`: the
    /// resolved paths of the stories its links lead to, which are read.
    private func documents(in folder: String) -> (documents: [String], problems: [Diagnostic], unread: [String], linked: [String]) {
        let survey = FileTree.survey(under: root.appendingPathComponent(folder).path)
        var documents = survey.files.filter { $0.hasSuffix(".md") }.map { folder + "/" + $0 }
        var unread = survey.files.filter { !$0.hasSuffix(".md") }.map { folder + "/" + $0 }
        var problems: [Diagnostic] = []
        var linked: [String] = []
        let contentPath = root.appendingPathComponent("content").path
        // Resolved too: the site may itself lie below a link (a checkout in a linked home).
        let content = (Self.resolved(contentPath) ?? contentPath) + "/"
        for link in survey.links {
            let path = folder + "/" + link
            guard let resolved = Self.resolved(root.appendingPathComponent(path).path) else {
                let reason = errno == ELOOP ? "a link that leads round in a loop" : "a link to something that does not exist"
                problems.append(Diagnostic(path: path, message: "is \(reason); replace it by the file itself"))
                continue
            }
            var info = stat()
            if !resolved.hasPrefix(content) {
                problems.append(Diagnostic(path: path, message: "is a link to \(resolved), outside the site's content/; "
                    + "copy the file into content/ instead, so the site holds everything it publishes"))
            } else if stat(resolved, &info) == 0, info.st_mode & S_IFMT == S_IFREG {
                if path.hasSuffix(".md") {
                    documents.append(path)
                    linked.append(resolved)
                } else {
                    unread.append(path)
                }
            } else {
                problems.append(Diagnostic(path: path, message: "is a link to \(resolved), which is not a file"))
            }
        }
        for other in survey.others {
            problems.append(Diagnostic(path: folder + "/" + other.path, message: "is \(other.kind), not a file; thidua reads only files"))
        }
        for inner in survey.folders where inner.hasSuffix(".md") {
            problems.append(Diagnostic(path: folder + "/" + inner, message: "is a folder, but its name ends in .md like a story's file"))
        }
        return (documents.sorted(), problems, unread, linked)
    }

    /// The files of `content/` outside the collections and `media/` that are not its three
    /// data files: a note or a photo put beside them is never published, and the editor
    /// should hear so rather than look for it on the site.
    /// `linked`: files read through a link from a collection, by resolved path.
    private func unreadOutsideCollections(linked: Set<String>) -> [String] {
        let read = Set(["site.yml", "timeline.yml", "movements.yml", "media"] + ContentKind.allCases.map(\.rawValue))
        let top = FileTree.survey(under: root.appendingPathComponent("content").path, deep: false)
        let loose = top.files.filter { !read.contains($0) }.map { "content/" + $0 }
        return (loose + top.folders.filter { !read.contains($0) }.flatMap { files(under: "content/" + $0) }).filter { path in
            linked.isEmpty || !linked.contains(Self.resolved(root.appendingPathComponent(path).path) ?? path)
        }
    }

    /// The path with every link resolved; nil, with `errno` set, when that fails.
    private static func resolved(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func unreadWarning(_ path: String) -> Diagnostic {
        let folder = path.split(separator: "/").dropFirst().first.map(String.init)
        let reason = folder.flatMap(ContentKind.init(rawValue:)).map { "\($0.rawValue) are the .md files of content/\($0.rawValue)/" }
            ?? "content/ holds site.yml, timeline.yml, movements.yml, media/ and the folders pages/, stories/, people/ and milestones/"
        return Diagnostic(path: path, message: "is not read by the build, so it is not published (\(reason)); "
            + "move a picture or document to content/media/, or remove the file", severity: .warning)
    }

    private func readIfPresent(_ relative: String) throws(BuildFailure) -> SourceFile? {
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent(relative).path) else { return nil }
        switch read(relative) {
        case .success(let file): return file
        case .failure(let problem): throw BuildFailure([problem])
        }
    }

    /// The file, unless it is larger than `limit` bytes: then it is not read at all.
    func read(_ relative: String, limit: Int = SiteConfig.Limits.defaultText) -> Result<SourceFile, Diagnostic> {
        let path = root.appendingPathComponent(relative).path
        switch FileTree.read(path, limit: limit) {
        case .failure(let error) where error.code == .EFBIG:
            let size = FileTree.size(of: path, over: limit) ?? limit
            return .failure(Diagnostic(path: relative, message: Self.tooLarge(size, limit: limit, what: "text", files: "Markdown and YAML files")))
        case .success(let bytes):
            return .success(SourceFile(path: relative, bytes: bytes))
        case .failure(let error):
            return .failure(Diagnostic(path: relative, message: "cannot read file: \(String(cString: strerror(error.code.rawValue)))"))
        }
    }

    /// "is 220.5 MB, larger than the 8 MB …": said of a file a build refuses to read.
    static func tooLarge(_ size: Int, limit: Int, what: String, files: String) -> String {
        func megabytes(_ bytes: Int) -> String {
            let value = Double(bytes) / 1_000_000
            return value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
        }
        return "is \(megabytes(size)) MB, larger than the \(megabytes(limit)) MB thidua reads of \(files); "
            + "a file this large is most likely a mistake, and it was not read (to allow it, raise 'limits: \(what):' in site.yml)"
    }

    private func isDirectory(_ url: URL) -> Bool {
        var flag: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &flag) && flag.boolValue
    }
}
