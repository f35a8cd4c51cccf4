import Foundation
import Synchronization

/// How far a running build is: the stage and how many of its files are done. The workers
/// count with atomics, so a terminal can show the count while the build runs at no cost the
/// build would notice.
public final class BuildProgress: Sendable {
    public enum Stage: Int, Sendable {
        case parsing = 1, writing, indexing
    }

    public struct Snapshot: Sendable, Equatable {
        public let stage: Stage
        public let done: Int
        public let total: Int

        /// `Writing 8123 of 18064 files (44%)`.
        public var line: String {
            let shown = min(done, total)
            let count = "\(shown) of \(total) files (\(total > 0 ? shown * 100 / total : 0)%)"
            switch stage {
            case .parsing: return "Parsing \(count)"
            case .writing: return "Writing \(count)"
            case .indexing: return "Writing the search index, \(count)"
            }
        }
    }

    private let stage = Atomic<Int>(0)
    private let done = Atomic<Int>(0)
    private let total = Atomic<Int>(0)

    public init() {}

    func begin(_ next: Stage, total count: Int) {
        done.store(0, ordering: .relaxed)
        total.store(count, ordering: .relaxed)
        stage.store(next.rawValue, ordering: .releasing)
    }

    func advance() {
        done.add(1, ordering: .relaxed)
    }

    /// Nil before the first stage begins.
    public var snapshot: Snapshot? {
        guard let current = Stage(rawValue: stage.load(ordering: .acquiring)) else { return nil }
        return Snapshot(stage: current, done: done.load(ordering: .relaxed), total: total.load(ordering: .relaxed))
    }
}

extension BuildProgress {
    /// Whether to show the progress line: only on a terminal that can move back to the start
    /// of a line, not in a pipe or a CI log.
    public static func shown(standardErrorIsTerminal: Bool, environment: [String: String]) -> Bool {
        standardErrorIsTerminal && environment["TERM"] != "dumb"
    }

    /// The progress on one line of a terminal, rewritten in place while the build runs, once
    /// it has run longer than `after` (a quick build prints nothing but its summary). It runs
    /// on a thread of its own: the build keeps every thread of Swift's task pool busy, and a
    /// task would wake up only when the build is over.
    public struct TerminalLine: Sendable {
        private final class State: Sendable {
            let stopped = Atomic<Bool>(false)
            let shown = Atomic<Bool>(false)
            /// Signalled to cut a wait short when the build ends.
            let wake = DispatchSemaphore(value: 0)
            let done = DispatchSemaphore(value: 0)
        }

        private let state = State()
        private let write: @Sendable (String) -> Void

        public init(_ progress: BuildProgress, after delay: Double = 0.5, every interval: Double = 0.1,
                    write: @escaping @Sendable (String) -> Void) {
            self.write = write
            let state = state
            let thread = Thread {
                var wait = delay
                while state.wake.wait(timeout: .now() + wait) == .timedOut, !state.stopped.load(ordering: .acquiring) {
                    if let snapshot = progress.snapshot {
                        // Back to the start of the line, the text, then clear what a longer
                        // line before it left.
                        write("\r\(snapshot.line)\u{1B}[K")
                        state.shown.store(true, ordering: .releasing)
                    }
                    wait = interval
                }
                state.done.signal()
            }
            thread.start()
        }

        /// Stops and clears the line, so that what is printed next starts on a clean one.
        public func finish() {
            guard !state.stopped.exchange(true, ordering: .acquiringAndReleasing) else { return }
            state.wake.signal()
            state.done.wait()
            if state.shown.load(ordering: .acquiring) { write("\r\u{1B}[K") }
        }
    }
}
