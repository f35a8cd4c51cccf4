import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Reports changed files under the site's `content/` and `theme/`, as paths relative to the
/// site folder. On Linux it listens to inotify, so a save is seen at once and an idle site
/// costs nothing; elsewhere it compares modification times twice a second.
final class FileWatcher: Sendable {
    private let root: URL
    private let folders: [(label: String, url: URL)]

    init(root: URL) {
        self.root = root
        folders = ["content", "theme"].map { ($0, root.appendingPathComponent($0).resolvingSymlinksInPath()) }
    }

    /// Changed paths, in batches: events arriving close together (an editor's write, rename
    /// and chmod) come as one batch.
    func changes() -> AsyncStream<Set<String>> {
        let (stream, continuation) = AsyncStream<Set<String>>.makeStream()
        let thread = Thread { [self] in self.watch(continuation) }
        thread.name = "thidua-watch"
        thread.start()
        return stream
    }

    private static func ignored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".tmp") || name == "4913"
    }

    #if canImport(Glibc)
    private func watch(_ continuation: AsyncStream<Set<String>>.Continuation) {
        let fd = inotify_init1(Int32(IN_CLOEXEC))
        guard fd >= 0 else { return poll(continuation) }
        var watches: [Int32: String] = [:]
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE)
        func add(_ url: URL, _ relative: String) {
            let wd = inotify_add_watch(fd, url.path, mask)
            if wd >= 0 { watches[wd] = relative }
            let children = (try? FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: [.isDirectoryKey])) ?? []
            for child in children where (try? child.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true {
                add(child, relative + "/" + child.lastPathComponent)
            }
        }
        for folder in folders { add(folder.url, folder.label) }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var pending: Set<String> = []
        var pollDescriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        while true {
            // Wait for the first event without a limit, then gather what follows within 10 ms
            // (an editor's write, rename and chmod of one save come within a few).
            let ready = Glibc.poll(&pollDescriptor, 1, pending.isEmpty ? -1 : 10)
            if ready == 0 {
                continuation.yield(pending)
                pending = []
                continue
            }
            let count = read(fd, &buffer, buffer.count)
            guard count > 0 else { if errno == EINTR { continue } else { break } }
            var offset = 0
            while offset < count {
                let (wd, eventMask, length) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                    let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.wd, event.mask, Int(event.len))
                }
                let nameStart = offset + MemoryLayout<inotify_event>.size
                let nameBytes = buffer[nameStart..<(nameStart + length)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                offset = nameStart + length
                guard let folder = watches[wd], !name.isEmpty, !Self.ignored(name) else { continue }
                let path = folder + "/" + name
                if eventMask & UInt32(IN_ISDIR) != 0 {
                    if eventMask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                        add(root.appendingPathComponent(path).resolvingSymlinksInPath(), path)
                    }
                    continue
                }
                pending.insert(path)
            }
        }
        continuation.finish()
    }
    #else
    private func watch(_ continuation: AsyncStream<Set<String>>.Continuation) {
        poll(continuation)
    }
    #endif

    private func poll(_ continuation: AsyncStream<Set<String>>.Continuation) {
        var last = snapshot()
        while true {
            Thread.sleep(forTimeInterval: 0.5)
            let now = snapshot()
            let changed = Set(now.keys.filter { now[$0] != last[$0] }).union(last.keys.filter { now[$0] == nil })
            if !changed.isEmpty { continuation.yield(changed) }
            last = now
        }
    }

    private func snapshot() -> [String: Date] {
        var times: [String: Date] = [:]
        for folder in folders {
            let walker = FileManager.default.enumerator(at: folder.url, includingPropertiesForKeys: [.contentModificationDateKey])
            let prefix = folder.url.path + "/"
            while let url = walker?.nextObject() as? URL {
                guard !Self.ignored(url.lastPathComponent),
                      let date = try? url.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate else { continue }
                times[folder.label + "/" + url.path.dropFirst(prefix.count)] = date
            }
        }
        return times
    }
}
