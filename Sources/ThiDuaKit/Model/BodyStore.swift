import Foundation
import Synchronization

/// The HTML bodies of a site's items, kept in a temporary file rather than in memory. At
/// 100,000 stories they are about 430 MB, which a build held from parsing to the end while
/// it reads each body twice (for its page and its search entry). The file is unlinked as
/// soon as it is made, so it goes away with the build whatever happens. Measured at 100,000
/// stories in issue 13's closing note.
public final class BodyStore: Sendable {
    private let descriptor: Int32
    private let end = Atomic<Int>(0)
    private let failures = Atomic<Int>(0)

    /// Bodies shorter than this stay in memory: not worth a read.
    static let smallest = 1024

    /// nil when no temporary file can be made: bodies then stay in memory.
    public init?(folder: String = NSTemporaryDirectory()) {
        var template = Array((folder + "/thidua-bodies-XXXXXX").utf8CString)
        let descriptor = mkstemp(&template)
        guard descriptor >= 0 else { return nil }
        unlink(template)
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Reads or writes that failed: the build must not publish pages with bodies missing.
    var failed: Int { failures.load(ordering: .relaxed) }

    func keep(_ html: String) -> BodyText {
        let count = html.utf8.count
        guard count >= Self.smallest else { return .inline(html) }
        let offset = end.add(count, ordering: .relaxed).oldValue
        var html = html
        let written = html.withUTF8 { bytes in
            var done = 0
            while done < count {
                let result = pwrite(descriptor, bytes.baseAddress! + done, count - done, off_t(offset + done))
                if result < 0, errno == EINTR { continue }
                guard result > 0 else { return false }
                done += result
            }
            return true
        }
        return written ? .stored(self, offset: offset, count: count) : .inline(html)
    }

    fileprivate func read(offset: Int, count: Int) -> String {
        String(unsafeUninitializedCapacity: count) { buffer in
            var done = 0
            while done < count {
                let result = pread(descriptor, buffer.baseAddress! + done, count - done, off_t(offset + done))
                if result < 0, errno == EINTR { continue }
                guard result > 0 else {
                    failures.add(1, ordering: .relaxed)
                    return 0
                }
                done += result
            }
            return done
        }
    }
}

/// An item's body: in memory, or where it lies in the site's `BodyStore`.
public enum BodyText: Sendable {
    case inline(String)
    case stored(BodyStore, offset: Int, count: Int)

    public var html: String {
        switch self {
        case .inline(let html): return html
        case .stored(let store, let offset, let count): return store.read(offset: offset, count: count)
        }
    }
}
