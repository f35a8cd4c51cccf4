import Foundation

/// What a build read, as the file system's facts about it: the path, size, inode and
/// modification time of every file under the site's `content/`, its theme folder and its
/// image cache, and of thidua's own executable, with the build's options. Two builds with the same facts read
/// the same bytes and make the same site; so when the last build into a folder had these
/// facts and the folder is still as it left it (`OutputRecord`), a build has nothing to do.
/// An edit, a `git checkout` or a copy changes a file's modification time or inode, and the
/// next build then runs in full. Kept as one FNV-1a hash of the facts, beside the output
/// record, with the counts and the warnings the build reported, which a skipped build
/// reports again: the file warned about is still there.
struct InputRecord: Equatable, Sendable {
    static let header = "thidua inputs 4"

    let inputs: String
    let pages: Int
    let files: Int
    let warnings: [Diagnostic]

    /// The hash of the facts of what a build reads; nil when a file cannot be looked at.
    static func inputs(site: URL, folders: [String], options: BuildOptions) -> String? {
        var hash = FNV1a()
        hash.add("\(options.now) \(options.drafts) \(options.future) \(options.liveReload)")
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath().path
        guard add(executable, to: &hash) else { return nil }
        for folder in [site.appendingPathComponent("content").path] + folders.map({ URL(fileURLWithPath: $0).resolvingSymlinksInPath().path }) {
            hash.add(folder)
            let survey = FileTree.survey(under: folder)
            for path in survey.files.sorted() {
                guard add(folder + "/" + path, to: &hash) else { return nil }
            }
            // Links, pipes and folders too: a build reports them, so adding one is a change.
            for path in (survey.links + survey.others.map(\.path) + survey.folders).sorted() {
                var info = stat()
                guard lstat(folder + "/" + path, &info) == 0 else { return nil }
                hash.add("\(path) \(info.st_mode) \(info.st_ino) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)")
            }
        }
        return hash.hex
    }

    private static func add(_ path: String, to hash: inout FNV1a) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        hash.add("\(path) \(info.st_size) \(info.st_ino) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)")
        return true
    }

    static func load(from path: String) -> InputRecord? {
        guard case .success(let bytes) = FileTree.read(path) else { return nil }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
        guard lines.count == 4, lines[0] == header else { return nil }
        let counts = lines[2].split(separator: " ").compactMap { Int($0) }
        guard counts.count == 2, let warnings = try? JSONDecoder().decode([Warning].self, from: Data(lines[3].utf8)) else { return nil }
        return InputRecord(inputs: String(lines[1]), pages: counts[0], files: counts[1], warnings: warnings.map {
            Diagnostic(path: $0.path, position: SourcePosition(line: $0.line, column: $0.column), message: $0.message, severity: .warning)
        })
    }

    /// A warning as the record keeps it: JSON escapes the line breaks a file's name may hold.
    private struct Warning: Codable {
        let path: String
        let line: Int
        let column: Int
        let message: String
    }

    /// Written beside and renamed into place, so a build stopped half-way leaves the old one.
    func save(to path: String) throws {
        let kept = warnings.map { Warning(path: $0.path, line: $0.position.line, column: $0.position.column, message: $0.message) }
        var text = "\(Self.header)\n\(inputs)\n\(pages) \(files)\n\(String(decoding: try JSONEncoder().encode(kept), as: UTF8.self))\n"
        let partial = path + ".partial"
        try text.withUTF8 { bytes in
            try FileOutput.inFolder(of: partial) { try FileOutput.write(UnsafeRawBufferPointer(bytes), to: partial) }
        }
        guard rename(partial, path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }
}
