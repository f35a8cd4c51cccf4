import Foundation
import Synchronization

/// The folder a build writes into, beside the output folder, swapped in only when every page
/// is written: a reader or a failed build never sees half a site. A file whose bytes did not
/// change is hard-linked from the previous build and keeps its timestamp, which lets rsync
/// and CDNs skip it.
///
/// With the record of the previous build (`OutputRecord`), an unchanged file is known by the
/// hash of its new bytes, never read back, and its link is made only at the end, when some
/// other file did change: a build that changed nothing leaves the output folder as it was,
/// without linking, swapping or removing anything.
public struct StagingFolder: Sendable {
    public enum Outcome: Sendable, Equatable { case written, unchanged }

    public let output: URL
    let staging: URL
    let retired: URL
    /// `output` and `staging` as paths, made once: every page is placed by path.
    private let outputPath: String
    private let stagingPath: String
    /// Where this build's record goes, and the previous build's, when it still describes the
    /// output folder.
    private let recordPath: String
    private let previous: OutputRecord?
    /// Without an output folder there is nothing to compare with.
    private let outputExists: Bool
    private let ledger = Ledger()

    private init(output: URL, staging: URL, retired: URL, recordPath: String) {
        self.output = output
        self.staging = staging
        self.retired = retired
        outputPath = output.path
        stagingPath = staging.path
        self.recordPath = recordPath
        previous = OutputRecord.load(from: recordPath, output: output.path)
        var info = stat()
        outputExists = stat(output.path, &info) == 0
    }

    /// Creates an empty staging folder next to `output`; `record` is where the record of what
    /// the build writes is kept (see `OutputRecord.location`).
    public static func begin(output: URL, record: String) throws -> StagingFolder {
        let output = output.standardizedFileURL
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        let folder = StagingFolder(output: output,
                                   staging: parent.appendingPathComponent(".\(name).staging-\(pid)"),
                                   retired: parent.appendingPathComponent(".\(name).old-\(pid)"),
                                   recordPath: record)
        try? FileManager.default.removeItem(at: folder.staging)
        try FileManager.default.createDirectory(at: folder.staging, withIntermediateDirectories: true)
        return folder
    }

    /// Writes one file; safe to call from several threads for different paths.
    public func place(_ relative: String, _ bytes: Data) throws -> Outcome {
        try bytes.withUnsafeBytes { try place(relative, $0) }
    }

    /// A file kept elsewhere on disk (a processed picture in the cache): hard-linked, so its
    /// bytes are neither read nor copied and it keeps the cache's timestamp from build to
    /// build; copied when the cache is on another file system.
    public func place(_ relative: String, linking file: String) throws -> Outcome {
        let target = stagingPath + "/" + relative
        var old = stat(), new = stat()
        let found = stat(file, &new) == 0
        let same = found && outputExists && stat(outputPath + "/" + relative, &old) == 0
            && old.st_ino == new.st_ino && old.st_dev == new.st_dev
        let entry = OutputRecord.File(size: Int(new.st_size), hash: nil, stamp: OutputRecord.Stamp(new))
        if same, let recorded = previous?.file(at: relative), recorded == entry, keep(relative, entry) {
            return .unchanged
        }
        if (try? FileOutput.inFolder(of: target, { try FileOutput.link(file, to: target) })) != nil {
            ledger.place(relative, entry)
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
        let previousFile = outputPath + "/" + relative
        let hash = ContentHash.of(bytes)
        if let previous {
            // A file changed by hand since has another time or inode: it is written anew.
            if let recorded = previous.file(at: relative), recorded.size == bytes.count, recorded.hash == hash,
               previous.stillHolds(recorded, at: previousFile), keep(relative, recorded) {
                return .unchanged
            }
        } else if outputExists, FileOutput.holds(bytes, at: previousFile),
                  (try? FileOutput.inFolder(of: target, { try FileOutput.link(previousFile, to: target) })) != nil {
            var info = stat()
            if stat(target, &info) == 0 {
                ledger.place(relative, OutputRecord.File(size: bytes.count, hash: hash, stamp: OutputRecord.Stamp(info)))
            }
            return .unchanged
        }
        let info = try FileOutput.inFolder(of: target) { try FileOutput.written(bytes, to: target) }
        ledger.place(relative, OutputRecord.File(size: bytes.count, hash: hash, stamp: OutputRecord.Stamp(info)))
        return .written
    }

    /// Keeps the previous build's file: linked at the end, if the output folder is swapped,
    /// until some file has changed, and linked at once from then on, while pages still render.
    private func keep(_ relative: String, _ file: OutputRecord.File) -> Bool {
        guard ledger.hasChanges else {
            ledger.keep(relative, file)
            return true
        }
        let target = stagingPath + "/" + relative
        guard (try? FileOutput.inFolder(of: target, { try FileOutput.link(outputPath + "/" + relative, to: target) })) != nil else {
            return false
        }
        ledger.place(relative, file)
        return true
    }

    /// Swaps the staging folder in place of the output folder, and keeps the record of what
    /// it holds; or, when every file is one the output folder holds already and nothing else
    /// is there, leaves the output folder as it is.
    public func commit() throws {
        let (placed, kept) = ledger.contents
        if let previous, placed.isEmpty, kept.count == previous.files.count,
           previous.foldersUnchanged(holding: kept.lazy.map(\.path)) {
            discard()
            return
        }
        try link(kept)
        let record = newRecord(placed + kept)
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
        FolderRemoval.remove(retired.path)
        // Without a record the next build compares by reading: slower, never wrong.
        if (try? record?.save(to: recordPath)) == nil { unlink(recordPath) }
    }

    public func discard() {
        try? FileManager.default.removeItem(at: staging)
    }

    /// Links the files kept from the previous build into the staging folder. Each is checked
    /// again once linked: one changed in the output folder while this build ran has lost its
    /// new bytes by now, so the build fails rather than publish the changed file.
    private func link(_ files: [(path: String, file: OutputRecord.File)]) throws {
        guard let previous, !files.isEmpty else { return }
        let failures = Mutex<[String]>([])
        let runs = min(files.count, ProcessInfo.processInfo.activeProcessorCount * 4)
        DispatchQueue.concurrentPerform(iterations: runs) { run in
            for (path, file) in files[files.count * run / runs ..< files.count * (run + 1) / runs] {
                let target = stagingPath + "/" + path
                let linked = (try? FileOutput.inFolder(of: target) { try FileOutput.link(outputPath + "/" + path, to: target) }) != nil
                if !linked || !previous.stillHolds(file, at: target) {
                    failures.withLock { $0.append(path) }
                }
            }
        }
        if let path = failures.withLock({ $0.min() }) {
            throw StagingFailure(message: "\(path) changed in \(outputPath) during the build; build again")
        }
    }

    /// The record of the staging folder as it is now, once the file system's clock has
    /// passed every time in it: a file changed later gets a later time, even on a file
    /// system whose clock ticks every few milliseconds.
    private func newRecord(_ files: [(path: String, file: OutputRecord.File)]) -> OutputListing? {
        guard let listing = OutputListing(output: outputPath, root: stagingPath, files: files) else { return nil }
        let newest = max(files.map(\.file.stamp.modified).max() ?? 0, listing.folders.map(\.stamp.modified).max() ?? 0)
        return FileSystemClock.waitUntil(after: newest, probe: stagingPath + ".clock") ? listing : nil
    }
}

struct StagingFailure: Error, CustomStringConvertible, LocalizedError {
    let message: String
    var description: String { message }
    var errorDescription: String? { message }
}

/// What a build has placed so far, from every thread that places files.
private final class Ledger: Sendable {
    typealias Files = [(path: String, file: OutputRecord.File)]
    private let state = Mutex<(placed: Files, kept: Files)>(([], []))
    private let changed = Atomic<Bool>(false)

    /// Whether a file was placed in the staging folder: then the folder will be swapped.
    var hasChanges: Bool { changed.load(ordering: .relaxed) }

    /// A file now in the staging folder.
    func place(_ path: String, _ file: OutputRecord.File) {
        state.withLock { $0.placed.append((path, file)) }
        changed.store(true, ordering: .relaxed)
    }

    /// A file the output folder holds already, linked only if the folder is swapped.
    func keep(_ path: String, _ file: OutputRecord.File) {
        state.withLock { $0.kept.append((path, file)) }
    }

    var contents: (placed: Files, kept: Files) {
        state.withLock { $0 }
    }
}

/// The time of the file system the output is on, read from a file made there for the purpose.
enum FileSystemClock {
    /// Waits, a millisecond at a time and for a tenth of a second at most, until a file made
    /// at `probe` gets a modification time after `time` (nanoseconds since 1970).
    static func waitUntil(after time: Int64, probe: String) -> Bool {
        for _ in 0..<100 {
            unlink(probe)
            let descriptor = open(probe, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else { return false }
            var info = stat()
            let read = fstat(descriptor, &info) == 0
            close(descriptor)
            unlink(probe)
            guard read else { return false }
            if OutputRecord.Stamp(info).modified > time { return true }
            usleep(1000)
        }
        return false
    }
}
