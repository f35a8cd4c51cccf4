import Foundation

/// A build into a folder whose last build read exactly what this one would read, and whose
/// files are as that build left them, has nothing to do (see `InputRecord`).
extension Builder {
    /// The site's theme folder, or the one inside thidua.
    private var themeFolder: URL? {
        let own = configuration.source.appendingPathComponent("theme")
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: own.resolvingSymlinksInPath().path, isDirectory: &isFolder), isFolder.boolValue {
            return own
        }
        return configuration.defaultTheme
    }

    /// The cache folder of `site.yml`; nil when it cannot be read.
    private func cacheFolder() -> String? {
        let loader = SourceLoader(root: configuration.source)
        guard let content = try? loader.loadContent(documents: false),
              case .success(let config) = DataFileParser.siteConfig(content.siteConfig) else { return nil }
        let cache = config.images.cache
        return cache.hasPrefix("/") ? cache : configuration.source.standardizedFileURL.path + "/" + cache
    }

    /// What the last build read, hashed now, before this build reads anything: a file saved
    /// while this build runs makes the next build run in full. The image cache counts as
    /// read: a rendition missing from it is made again.
    func inputsBeforeBuilding() -> (path: String, inputs: String)? {
        guard let theme = themeFolder, let cache = cacheFolder(),
              let inputs = InputRecord.inputs(site: configuration.source, folders: [theme.path, cache + "/images"],
                                              options: configuration.options) else { return nil }
        return (OutputRecord.location(cache: cache, site: configuration.source, output: configuration.output) + ".inputs", inputs)
    }

    /// The last build's record when nothing it read has changed since and the output folder
    /// holds exactly the files its output record describes, as they were: none added,
    /// removed or edited.
    func unchanged(_ current: (path: String, inputs: String)?) -> InputRecord? {
        let output = configuration.output.standardizedFileURL.path
        guard let current, let record = InputRecord.load(from: current.path), record.inputs == current.inputs,
              let written = OutputRecord.load(from: String(current.path.dropLast(".inputs".count)), output: output)
        else { return nil }
        let files = FileTree.regularFiles(under: output)
        guard files.count == written.files.count else { return nil }
        for path in files {
            guard let file = written.file(at: path), written.stillHolds(file, at: output + "/" + path) else { return nil }
        }
        return record
    }

    /// Kept after a build that published: a record that cannot be written only costs the
    /// next build its shortcut.
    func remember(_ current: (path: String, inputs: String)?, pages: Int, files: Int, warnings: [Diagnostic]) {
        guard let current else { return }
        if (try? InputRecord(inputs: current.inputs, pages: pages, files: files, warnings: warnings).save(to: current.path)) == nil {
            unlink(current.path)
        }
    }
}
