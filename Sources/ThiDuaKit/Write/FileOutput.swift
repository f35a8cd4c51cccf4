import Foundation

/// Plain create-and-write of output files. `Data.write(to:)` syncs every file to disk, which
/// for a site of thousands of pages costs more than rendering them; what makes a build
/// all-or-nothing is the swap of the staging folder, not per-file durability.
enum FileOutput {
    static func write(_ bytes: Data, to path: String) throws {
        try bytes.withUnsafeBytes { try write($0, to: path) }
    }

    static func write(_ buffer: UnsafeRawBufferPointer, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        guard let base = buffer.baseAddress else { return }
        var offset = 0
        while offset < buffer.count {
            let count = Foundation.write(descriptor, base + offset, buffer.count - offset)
            if count < 0 {
                if errno == EINTR { continue }
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
            offset += count
        }
    }

    /// A hard link to an unchanged file of the previous build.
    static func link(_ existing: String, to path: String) throws {
        guard Foundation.link(existing, path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }

    /// Whether the file at `path` holds `bytes` already: its size is compared first, and its
    /// bytes are read only when the size is the same.
    static func holds(_ bytes: UnsafeRawBufferPointer, at path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, Int(info.st_size) == bytes.count,
              case .success(let old) = FileTree.read(path) else { return false }
        return bytes.elementsEqual(old)
    }

    /// Runs `write`, making the target's folder when it is missing. Folders are made on
    /// demand: most pages go into a folder of their own, and making every parent first would
    /// cost system calls for each level of each page.
    static func inFolder(of target: String, _ write: () throws -> Void) throws {
        do {
            try write()
        } catch {
            let folder = (target as NSString).deletingLastPathComponent
            guard makeFolder(folder) else { throw error }
            try write()
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
