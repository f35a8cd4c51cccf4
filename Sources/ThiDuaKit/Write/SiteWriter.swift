import Foundation

/// The folder a build writes into, beside the output folder, swapped in only when every page
/// is written: a reader or a failed build never sees half a site. A file whose bytes did not
/// change is hard-linked from the previous build and keeps its timestamp, which lets rsync
/// and CDNs skip it.
public struct StagingFolder: Sendable {
    public enum Outcome: Sendable, Equatable { case written, unchanged }

    public let output: URL
    let staging: URL
    let retired: URL
    /// `output` and `staging` as paths, made once: every page is placed by path.
    private let outputPath: String
    private let stagingPath: String

    private init(output: URL, staging: URL, retired: URL) {
        self.output = output
        self.staging = staging
        self.retired = retired
        outputPath = output.path
        stagingPath = staging.path
    }

    /// Creates an empty staging folder next to `output`.
    public static func begin(output: URL) throws -> StagingFolder {
        let output = output.standardizedFileURL
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        let folder = StagingFolder(output: output,
                                   staging: parent.appendingPathComponent(".\(name).staging-\(pid)"),
                                   retired: parent.appendingPathComponent(".\(name).old-\(pid)"))
        try? FileManager.default.removeItem(at: folder.staging)
        try FileManager.default.createDirectory(at: folder.staging, withIntermediateDirectories: true)
        return folder
    }

    /// Writes one file; safe to call from several threads for different paths.
    public func place(_ relative: String, _ bytes: Data) throws -> Outcome {
        try bytes.withUnsafeBytes { try place(relative, $0) }
    }

    /// A rendered page, written from the string's own UTF-8 storage without a copy.
    public func place(_ relative: String, text: String) throws -> Outcome {
        var text = text
        return try text.withUTF8 { try place(relative, UnsafeRawBufferPointer($0)) }
    }

    /// A file kept elsewhere on disk (a processed picture in the cache): hard-linked, so its
    /// bytes are neither read nor copied and it keeps the cache's timestamp from build to
    /// build; copied when the cache is on another file system.
    public func place(_ relative: String, linking file: String) throws -> Outcome {
        let target = stagingPath + "/" + relative
        var old = stat(), new = stat()
        let same = stat(outputPath + "/" + relative, &old) == 0 && stat(file, &new) == 0
            && old.st_ino == new.st_ino && old.st_dev == new.st_dev
        if (try? FileOutput.inFolder(of: target, { try FileOutput.link(file, to: target) })) != nil {
            return same ? .unchanged : .written
        }
        switch FileTree.read(file) {
        case .success(let bytes): return try bytes.withUnsafeBytes { try place(relative, $0) }
        case .failure(let error): throw error
        }
    }

    func place(_ relative: String, _ bytes: UnsafeRawBufferPointer) throws -> Outcome {
        // Plain paths and system calls: building two URLs and asking Foundation for the
        // attributes of the previous file cost more than writing a page.
        let target = stagingPath + "/" + relative
        let previous = outputPath + "/" + relative
        if FileOutput.holds(bytes, at: previous),
           (try? FileOutput.inFolder(of: target, { try FileOutput.link(previous, to: target) })) != nil {
            return .unchanged
        }
        try FileOutput.inFolder(of: target) { try FileOutput.write(bytes, to: target) }
        return .written
    }

    /// Swaps the staging folder in place of the output folder.
    public func commit() throws {
        let manager = FileManager.default
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
    }

    public func discard() {
        try? FileManager.default.removeItem(at: staging)
    }
}
