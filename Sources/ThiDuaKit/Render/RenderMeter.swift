import Foundation
import Synchronization

/// How many tags a build's templates rendered and the time that took, summed over threads:
/// `--verbose` reports the average time a tag costs. The time is the thread's CPU time, so
/// that other work on a shared machine does not count.
final class RenderMeter: Sendable {
    private let tags = Atomic<Int>(0)
    private let nanoseconds = Atomic<Int>(0)

    func render(_ block: TemplateBlock, _ frames: [TemplateValue], capacity: Int) -> [UInt8] {
        let start = Self.threadTime()
        var renderer = TemplateRenderer(frames: frames, capacity: capacity)
        renderer.render(block)
        nanoseconds.add(Self.threadTime() - start, ordering: .relaxed)
        tags.add(renderer.tags, ordering: .relaxed)
        return renderer.output
    }

    private static func threadTime() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return now.tv_sec * 1_000_000_000 + now.tv_nsec
    }

    var total: TemplateWork {
        TemplateWork(tags: tags.load(ordering: .relaxed), seconds: Double(nanoseconds.load(ordering: .relaxed)) / 1e9)
    }
}

/// The templates' share of a build.
public struct TemplateWork: Sendable {
    /// Variables and sections rendered (each item of a section counts its tags again).
    public let tags: Int
    /// Rendering time summed over threads.
    public let seconds: Double
}
