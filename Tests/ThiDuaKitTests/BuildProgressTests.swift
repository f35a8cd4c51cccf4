import Foundation
import Synchronization
import Testing
@testable import ThiDuaKit

/// The count a terminal shows while a long build runs.
@Suite struct BuildProgressTests {
    @Test func lineNamesTheStageTheCountAndTheShare() {
        #expect(BuildProgress.Snapshot(stage: .parsing, done: 3, total: 4).line == "Parsing 3 of 4 files (75%)")
        #expect(BuildProgress.Snapshot(stage: .writing, done: 0, total: 0).line == "Writing 0 of 0 files (0%)")
        #expect(BuildProgress.Snapshot(stage: .writing, done: 9, total: 8).line == "Writing 8 of 8 files (100%)")
    }

    /// Every file parsed and written is counted, the search index's included.
    @Test func aBuildCountsEveryFileItWrites() async throws {
        let site = try FixtureSite(Fixtures.site.merging(MiniTheme.files) { $1 })
        let progress = BuildProgress()
        let options = BuildOptions(now: CalendarDate(iso: "2024-05-10")!, drafts: false, future: false)
        let summary = try await Builder(.init(source: site.root, output: site.output, options: options, progress: progress)).build()
        let files = summary.written + summary.unchanged
        #expect(progress.snapshot == BuildProgress.Snapshot(stage: .writing, done: files, total: files))
        #expect(files == (try site.outputTree()).count)
    }

    @Test func theLineIsRewrittenInPlaceThenCleared() async throws {
        let progress = BuildProgress()
        progress.begin(.writing, total: 4)
        progress.advance()
        progress.advance()
        let written = Mutex<[String]>([])
        let line = BuildProgress.TerminalLine(progress, after: 0, every: 0.01) { text in written.withLock { $0.append(text) } }
        for _ in 0..<500 where written.withLock({ $0.isEmpty }) {
            try await Task.sleep(for: .milliseconds(10))
        }
        line.finish()
        let texts = written.withLock { $0 }
        #expect(texts.first == "\rWriting 2 of 4 files (50%)\u{1B}[K")
        #expect(texts.last == "\r\u{1B}[K")
    }

    /// A build over before the delay prints nothing, and does not wait for the delay to end.
    @Test func aQuickBuildShowsNoLine() {
        let progress = BuildProgress()
        progress.begin(.parsing, total: 10)
        let written = Mutex<[String]>([])
        let started = ContinuousClock.now
        let line = BuildProgress.TerminalLine(progress, after: 60) { text in written.withLock { $0.append(text) } }
        line.finish()
        #expect(written.withLock { $0 }.isEmpty)
        #expect(ContinuousClock.now - started < .seconds(30), "finish must not sit out the delay")
    }
}
