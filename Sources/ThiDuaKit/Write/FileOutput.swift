import Foundation
import Synchronization

/// Plain create-and-write of output files. `Data.write(to:)` syncs every file to disk, which
/// for a site of thousands of pages costs more than rendering them; what makes a build
/// all-or-nothing is the swap of the staging folder, not per-file durability.
enum FileOutput {
    /// Counts the previous files read back to compare within one task and its child tasks,
    /// so a test shows that a rebuild spared them without timing anything.
    @TaskLocal static var readBacks: ReadCounter?

    final class ReadCounter: Sendable {
        private let count = Atomic<Int>(0)

        init() {}

        var value: Int { count.load(ordering: .relaxed) }

        func add() { count.add(1, ordering: .relaxed) }
    }

    static func write(_ buffer: UnsafeRawBufferPointer, to path: String) throws {
        _ = try written(buffer, to: path)
    }

    /// Writes the file; its stat facts once written, which the output record keeps.
    static func written(_ buffer: UnsafeRawBufferPointer, to path: String) throws -> stat {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        var offset = 0
        while let base = buffer.baseAddress, offset < buffer.count {
            let count = Foundation.write(descriptor, base + offset, buffer.count - offset)
            if count < 0 {
                if errno == EINTR { continue }
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
            offset += count
        }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        return info
    }

    /// A hard link to an unchanged file of the previous build.
    static func link(_ existing: String, to path: String) throws {
        guard Foundation.link(existing, path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }

    /// Whether the file at `path` holds `bytes` already: its size is compared first, and its
    /// bytes are read only when the size is the same.
    static func holds(_ bytes: UnsafeRawBufferPointer, at path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, Int(info.st_size) == bytes.count else { return false }
        readBacks?.add()
        guard case .success(let old) = FileTree.read(path) else { return false }
        return bytes.elementsEqual(old)
    }

    /// Runs `write`, making the target's folder when it is missing. Folders are made on
    /// demand: most pages go into a folder of their own, and making every parent first would
    /// cost system calls for each level of each page.
    @discardableResult
    static func inFolder<T>(of target: String, _ write: () throws -> T) throws -> T {
        do {
            return try write()
        } catch {
            let folder = (target as NSString).deletingLastPathComponent
            guard makeFolder(folder) else { throw error }
            return try write()
        }
    }

    /// `mkdir -p` with plain system calls: Foundation's version inspects every ancestor of
    /// the path for every page. Another thread making the same folder is not an error.
    static func makeFolder(_ path: String) -> Bool {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return true }
        guard errno == ENOENT else { return false }
        let parent = (path as NSString).deletingLastPathComponent
        guard parent != path, makeFolder(parent) else { return false }
        return mkdir(path, 0o755) == 0 || errno == EEXIST
    }
}
