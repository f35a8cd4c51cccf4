import Foundation

/// Writes a rendered site into a staging folder beside the output folder, then swaps it in,
/// so a reader or a failed build never sees half a site. A file whose bytes did not change
/// is hard-linked from the previous build and keeps its timestamp, which lets rsync and
/// CDNs skip it.
public struct SiteWriter: Sendable {
    public let output: URL

    public init(output: URL) {
        self.output = output.standardizedFileURL
    }

    public struct Report: Sendable, Equatable {
        public var written = 0
        public var unchanged = 0
    }

    public func write(pages: [OutputFile], files: [StaticFile]) throws -> Report {
        let manager = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent(".\(name).staging-\(pid)")
        let retired = parent.appendingPathComponent(".\(name).old-\(pid)")
        try? manager.removeItem(at: staging)
        try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        var report = Report()
        do {
            var madeFolders: Set<String> = [""]
            func place(_ relative: String, _ bytes: Data) throws {
                let folder = (relative as NSString).deletingLastPathComponent
                if madeFolders.insert(folder).inserted {
                    try manager.createDirectory(at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
                }
                let target = staging.appendingPathComponent(relative)
                let previous = output.appendingPathComponent(relative)
                if let old = manager.contents(atPath: previous.path), old == bytes,
                   (try? manager.linkItem(at: previous, to: target)) != nil {
                    report.unchanged += 1
                } else {
                    try bytes.write(to: target)
                    report.written += 1
                }
            }
            for file in files {
                try place(file.outputPath, try Data(contentsOf: URL(fileURLWithPath: file.sourcePath)))
            }
            for page in pages {
                try place(page.path, Data(page.contents.utf8))
            }
            let hadOutput = manager.fileExists(atPath: output.path)
            if hadOutput { try manager.moveItem(at: output, to: retired) }
            do {
                try manager.moveItem(at: staging, to: output)
            } catch {
                // Put the previous site back: a failed swap must not leave no site at all.
                if hadOutput { try? manager.moveItem(at: retired, to: output) }
                throw error
            }
            try? manager.removeItem(at: retired)
        } catch {
            try? manager.removeItem(at: staging)
            throw error
        }
        return report
    }
}
