import Foundation

/// Processed pictures kept between builds, outside `public/`: one folder per source and
/// recipe, named by a hash of the source's bytes, the recipe and `ImageCache.version`, holding
/// the encoded files and a manifest written last. A folder with a manifest is complete, so a
/// build stopped half-way leaves nothing that a later build would trust.
struct ImageCache: Sendable {
    /// Raised whenever a change of thidua's own code changes what a key would produce (the
    /// settings, the recipe and libvips' version are in the key already), so that old
    /// renditions are never reused for new code.
    static let version = "1"

    /// `<site>/.thidua-cache/images`.
    let folder: String

    init(folder: String) {
        self.folder = folder
    }

    /// One cached file.
    struct Entry: Sendable, Hashable {
        let size: ImageSize
        let format: ImageFormat
        /// The file's path in the cache.
        let file: String
    }

    /// The files of `key`, when a build made them before.
    func lookup(_ key: String) -> [Entry]? {
        let base = folder + "/" + key
        guard case .success(let bytes) = FileTree.read(base + "/manifest") else { return nil }
        var entries: [Entry] = []
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count == 4, let width = Int(fields[0]), let height = Int(fields[1]),
                  let format = ImageFormat(rawValue: String(fields[2])) else { return nil }
            let file = base + "/" + fields[3]
            // A file removed from the cache by hand is made again, not reported as an error.
            guard access(file, R_OK) == 0 else { return nil }
            entries.append(Entry(size: ImageSize(width: width, height: height), format: format, file: file))
        }
        return entries.isEmpty ? nil : entries
    }

    /// Keeps `images` under `key`: written into a private folder, then renamed into place in
    /// one step, so two builds at once never see half of each other's work.
    func store(_ images: [EncodedImage], as key: String) throws -> [Entry] {
        let base = folder + "/" + key
        let scratch = folder + "/.\(key).\(ProcessInfo.processInfo.processIdentifier).\(UInt64.random(in: 0...UInt64.max))"
        guard FileOutput.makeFolder(scratch) else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        var manifest = ""
        var entries: [Entry] = []
        for image in images {
            let name = "\(image.size.width)x\(image.size.height).\(image.format.fileExtension)"
            try image.bytes.withUnsafeBytes { try FileOutput.write($0, to: scratch + "/" + name) }
            // Published as hard links: read-only, so a tool that rewrites public/ in place
            // cannot change the cached copy behind it.
            chmod(scratch + "/" + name, 0o444)
            manifest += "\(image.size.width) \(image.size.height) \(image.format.rawValue) \(name)\n"
            entries.append(Entry(size: image.size, format: image.format, file: base + "/" + name))
        }
        try Data(manifest.utf8).withUnsafeBytes { try FileOutput.write($0, to: scratch + "/manifest") }
        if rename(scratch, base) != 0 {
            // Another build stored the same key first: its files are the same bytes.
            if lookup(key) != nil {
                try? FileManager.default.removeItem(atPath: scratch)
                return entries
            }
            // A folder that lost a file is replaced.
            try? FileManager.default.removeItem(atPath: base)
            guard rename(scratch, base) == 0 else {
                let code = errno
                try? FileManager.default.removeItem(atPath: scratch)
                throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
            }
        }
        return entries
    }
}

/// What the cache remembers of a source file between builds, so an unchanged photo is not
/// even read again: its size and modification time stand for its bytes, as in git's index.
struct SourceMemo: Sendable {
    struct Record: Sendable, Equatable {
        let size: Int
        let modified: Int
        let hash: String
        let header: ImageHeader
    }

    private(set) var records: [String: Record] = [:]
    private let file: String

    init(folder: String) {
        file = folder + "/sources"
        guard case .success(let bytes) = FileTree.read(file) else { return }
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            // size modified hash width height alpha vector path (the path last: it may hold spaces)
            let fields = line.split(separator: " ", maxSplits: 7)
            guard fields.count == 8, let size = Int(fields[0]), let modified = Int(fields[1]),
                  let width = Int(fields[3]), let height = Int(fields[4]) else { continue }
            let header = ImageHeader(width: width, height: height, hasAlpha: fields[5] == "1", isVector: fields[6] == "1")
            records[String(fields[7])] = Record(size: size, modified: modified, hash: String(fields[2]), header: header)
        }
    }

    func record(for path: String, size: Int, modified: Int) -> Record? {
        guard let record = records[path], record.size == size, record.modified == modified else { return nil }
        return record
    }

    mutating func remember(_ path: String, _ record: Record) {
        records[path] = record
    }

    /// Written only when it changed; a failure costs the next build a re-read, nothing more.
    func save(changed: Bool) {
        guard changed else { return }
        let text = records.keys.sorted().compactMap { path in
            records[path].map { r in
                "\(r.size) \(r.modified) \(r.hash) \(r.header.width) \(r.header.height) \(r.header.hasAlpha ? 1 : 0) \(r.header.isVector ? 1 : 0) \(path)\n"
            }
        }.joined()
        let scratch = file + ".\(ProcessInfo.processInfo.processIdentifier)"
        guard (try? Data(text.utf8).withUnsafeBytes({ try FileOutput.write($0, to: scratch) })) != nil else { return }
        rename(scratch, file)
    }
}
