import Foundation

/// What a build left in its output folder: each file's size, XXH64 and the stat facts it had
/// (inode, modification time), and each folder's. The next build into the same folder trusts
/// a file whose facts are still the recorded ones to hold the recorded bytes: it compares the
/// hash of the new bytes in memory and never reads the old file back. Anything that changes
/// a file or a folder (an edit, a copy, `serve` updating in place, a file added by hand)
/// changes its modification time or inode, and the file is then written anew.
///
/// Kept in the cache folder (`images: cache:` of site.yml, `.thidua-cache/` by default), as
/// `output/<hash of the output folder's path>`: outside the published folder, so readers never
/// download it; with thidua's other state between builds, which sites already keep out of git
/// and the publishing workflow already keeps; and one per output folder, so builds into two
/// folders do not spoil each other's record. Beside the output folder it would be a new file
/// in the site folder for every editor's `git status`. A record that is missing, unreadable,
/// or made for another folder or device is no record: the build compares by reading instead.
struct OutputRecord: Sendable {
    struct Stamp: Sendable, Equatable {
        let inode: UInt64
        /// Nanoseconds since 1970.
        let modified: Int64

        init(inode: UInt64, modified: Int64) {
            self.inode = inode
            self.modified = modified
        }

        init(_ info: stat) {
            inode = UInt64(info.st_ino)
            modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        }
    }

    struct File: Sendable, Equatable {
        let size: Int
        /// Nil for a file linked from the image cache: its bytes are never read, and its
        /// inode is the cache's file.
        let hash: UInt64?
        let stamp: Stamp
    }

    static let header = "thidua output record 1"

    /// The output folder's path, and the device its files are on.
    let output: String
    let device: UInt64
    /// Files and folders by the hash of their path (`key(of:)`), not by the path: a record of
    /// 40,000 entries then holds no string of its own while the pages render. A hash matched
    /// by mistake would still need that file's inode and time to match to be trusted.
    private(set) var files: [UInt64: File] = [:]
    /// Every folder that holds a file, "." for the output folder itself.
    private(set) var folders: [UInt64: Stamp] = [:]

    static func key(of path: String) -> UInt64 {
        var path = path
        return path.withUTF8 { ContentHash.of(UnsafeRawBufferPointer($0)) }
    }

    func file(at path: String) -> File? {
        files[Self.key(of: path)]
    }

    /// Where the record of `output` is kept.
    static func location(cache: String, site: URL, output: URL) -> String {
        let folder = cache.hasPrefix("/") ? cache : site.standardizedFileURL.path + "/" + cache
        var hash = FNV1a()
        hash.add(output.standardizedFileURL.path)
        return folder + "/output/" + hash.hex
    }

    /// The record at `path`, when it describes `output` on the device `output` is on now.
    static func load(from path: String, output: String) -> OutputRecord? {
        var info = stat()
        guard stat(output, &info) == 0, case .success(let bytes) = FileTree.read(path) else { return nil }
        return OutputRecord(decoding: bytes, output: output, device: UInt64(info.st_dev))
    }

    /// Whether the file at `path` is still the one recorded as `file`.
    func stillHolds(_ file: File, at path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && UInt64(info.st_dev) == device && Int(info.st_size) == file.size
            && Stamp(info) == file.stamp
    }

    /// Whether the folders of `paths` are every folder recorded, each as recorded: then no
    /// file was added to, removed from or renamed in any of them since.
    func foldersUnchanged(holding paths: some Sequence<String>) -> Bool {
        var seen = Set<UInt64>()
        let unchanged = Self.forEachFolder(of: paths) { folder in
            // Two folders of one hash would make the check unsound: then it fails.
            let key = Self.key(of: folder)
            guard seen.insert(key).inserted else { return false }
            var info = stat()
            return stat(folder == "." ? output : output + "/" + folder, &info) == 0
                && UInt64(info.st_dev) == device && folders[key] == Stamp(info)
        }
        return unchanged && seen.count == folders.count
    }

    /// Calls `body` with "." and then with each folder that holds one of `paths`, once each,
    /// until it returns false; whether it never did.
    static func forEachFolder(of paths: some Sequence<String>, _ body: (String) -> Bool) -> Bool {
        guard body(".") else { return false }
        var seen = Set<String>()
        for path in paths {
            // By UTF-8 bytes: stepping through characters showed in the profile of a rebuild.
            var end = path.utf8.endIndex
            while let slash = path.utf8[..<end].lastIndex(of: UInt8(ascii: "/")) {
                end = slash
                let folder = String(path[..<slash])
                guard seen.insert(folder).inserted else { break }
                guard body(folder) else { return false }
            }
        }
        return true
    }
}

/// What a build writes as its record: the files and folders with their paths.
struct OutputListing {
    let output: String
    let device: UInt64
    let files: [(path: String, file: OutputRecord.File)]
    let folders: [(path: String, stamp: OutputRecord.Stamp)]

    /// The listing of `files` under `root`, with the stat facts of their folders.
    init?(output: String, root: String, files: [(path: String, file: OutputRecord.File)]) {
        var info = stat()
        guard stat(root, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        var folders: [(path: String, stamp: OutputRecord.Stamp)] = []
        let complete = OutputRecord.forEachFolder(of: files.lazy.map(\.path)) { folder in
            guard stat(folder == "." ? root : root + "/" + folder, &info) == 0 else { return false }
            folders.append((folder, OutputRecord.Stamp(info)))
            return true
        }
        guard complete else { return nil }
        self.output = output
        self.files = files
        self.folders = folders
    }

    /// Written beside and renamed into place, so that a build stopped half-way leaves the
    /// previous record or this one, never part of one.
    func save(to path: String) throws {
        let scratch = path + ".\(ProcessInfo.processInfo.processIdentifier)"
        try FileOutput.inFolder(of: scratch) { try encoded().withUnsafeBytes { try FileOutput.write($0, to: scratch) } }
        guard rename(scratch, path) == 0 else {
            let code = errno
            unlink(scratch)
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
    }
}

extension OutputListing {
    /// One line per folder and file; the path last, so it may hold spaces.
    ///
    ///     thidua output record 1
    ///     <device> <output folder>
    ///     d <inode> <mtime ns> <folder>
    ///     f <inode> <mtime ns> <size> <xxh64 hex> <path>
    ///     l <inode> <mtime ns> <size> - <path>
    func encoded() -> [UInt8] {
        // Bytes and digits by hand, in no particular order: sorting and interpolating strings
        // cost more than the rest of a rebuild's writing.
        var out: [UInt8] = Array("\(OutputRecord.header)\n\(device) \(output)\n".utf8)
        out.reserveCapacity(files.count * 100 + folders.count * 60)
        func field(_ value: UInt64, radix: UInt64 = 10) {
            var digits: (UInt64, Int) = (1, 1)
            while value / digits.0 >= radix { digits = (digits.0 * radix, digits.1 + 1) }
            var rest = value
            for _ in 0..<digits.1 {
                let digit = UInt8(rest / digits.0)
                out.append(digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10)
                rest %= digits.0
                digits.0 /= radix
            }
            out.append(UInt8(ascii: " "))
        }
        func line(_ kind: Character, _ stamp: OutputRecord.Stamp) {
            out.append(kind.asciiValue ?? 0)
            out.append(UInt8(ascii: " "))
            field(stamp.inode)
            field(UInt64(bitPattern: stamp.modified))
        }
        for (folder, stamp) in folders {
            line("d", stamp)
            out += folder.utf8
            out.append(UInt8(ascii: "\n"))
        }
        // A path with a line break (a media file so named) would break the record, which is
        // then not trusted: such a path is left out, and is written by every build.
        let newline = UInt8(ascii: "\n")
        for (path, file) in files
        where !(path.utf8.withContiguousStorageIfAvailable { $0.contains(newline) } ?? path.utf8.contains(newline)) {
            line(file.hash == nil ? "l" : "f", file.stamp)
            field(UInt64(file.size))
            if let hash = file.hash {
                field(hash, radix: 16)
            } else {
                out += "- ".utf8
            }
            out += path.utf8
            out.append(UInt8(ascii: "\n"))
        }
        return out
    }

}

extension OutputRecord {
    init(output: String, device: UInt64) {
        self.output = output
        self.device = device
    }

    /// The record read from `bytes`, when it is whole and describes `output` on `device`.
    init?(decoding bytes: [UInt8], output: String, device: UInt64) {
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)[...]
        guard lines.last?.isEmpty == true, lines.count >= 3,
              String(decoding: lines.removeFirst(), as: UTF8.self) == Self.header,
              String(decoding: lines.removeFirst(), as: UTF8.self) == "\(device) \(output)" else { return nil }
        lines.removeLast()
        self.init(output: output, device: device)
        for line in lines {
            var fields = line.split(separator: UInt8(ascii: " "), maxSplits: line.first == UInt8(ascii: "d") ? 3 : 5,
                                    omittingEmptySubsequences: false)[...]
            guard fields.count >= 4, fields[0].count == 1, let inode = Self.number(fields[1], radix: 10),
                  let modified = Self.number(fields[2], radix: 10) else { return nil }
            let stamp = Stamp(inode: inode, modified: Int64(bitPattern: modified))
            switch fields.removeFirst().first {
            case UInt8(ascii: "d") where fields.count == 3:
                folders[Self.key(of: fields[3])] = stamp
            case let kind? where fields.count == 5 && (kind == UInt8(ascii: "f") || kind == UInt8(ascii: "l")):
                guard let size = Self.number(fields[3], radix: 10) else { return nil }
                let hash = Self.number(fields[4], radix: 16)
                guard (kind == UInt8(ascii: "f")) == (hash != nil) else { return nil }
                files[Self.key(of: fields[5])] = File(size: Int(size), hash: hash, stamp: stamp)
            default:
                return nil
            }
        }
    }

    private static func key(of path: ArraySlice<UInt8>) -> UInt64 {
        path.withUnsafeBytes(ContentHash.of)
    }

    private static func number(_ digits: ArraySlice<UInt8>, radix: UInt64) -> UInt64? {
        guard !digits.isEmpty, digits.count <= 20 else { return nil }
        var value: UInt64 = 0
        for byte in digits {
            let digit: UInt64
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt64(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: digit = UInt64(byte - UInt8(ascii: "a") + 10)
            default: return nil
            }
            let (product, overflow) = value.multipliedReportingOverflow(by: radix)
            guard !overflow else { return nil }
            value = product &+ digit
        }
        return value
    }
}
