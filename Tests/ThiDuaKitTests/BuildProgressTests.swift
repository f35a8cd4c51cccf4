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
        #expect(BuildProgress.Snapshot(stage: .indexing, done: 1, total: 3).line == "Writing the search index, 1 of 3 files (33%)")
    }

    @Test func shownOnlyOnATerminalThatCanRewriteALine() {
        #expect(BuildProgress.shown(standardErrorIsTerminal: true, environment: ["TERM": "xterm-256color"]))
        #expect(BuildProgress.shown(standardErrorIsTerminal: true, environment: [:]))
        #expect(!BuildProgress.shown(standardErrorIsTerminal: false, environment: ["TERM": "xterm"]))
        #expect(!BuildProgress.shown(standardErrorIsTerminal: true, environment: ["TERM": "dumb"]))
    }

    /// Every file parsed and written is counted, the search index's included.
    @Test func aBuildCountsEveryFileItWrites() async throws {
        let site = try FixtureSite(Fixtures.site.merging(MiniTheme.files) { $1 })
        let progress = BuildProgress()
        let options = BuildOptions(now: CalendarDate(iso: "2024-05-10")!, drafts: false, future: false)
        _ = try await Builder(.init(source: site.root, output: site.output, options: options, progress: progress)).build()
        let index = try site.outputTree().keys.filter { $0.hasPrefix("search/") && $0.hasSuffix(".json") }.count
        #expect(index > 0)
        #expect(progress.snapshot == BuildProgress.Snapshot(stage: .indexing, done: index, total: index))
    }

    /// `thidua serve` counts its first, whole build; a rebuild after a save is not counted.
    @Test func serveCountsItsWholeBuildOnly() async throws {
        let site = try FixtureSite(Fixtures.site.merging(MiniTheme.files) { $1 })
        let progress = BuildProgress()
        var live = LiveSite(root: site.root, output: site.output,
                            options: BuildOptions(now: CalendarDate(iso: "2024-05-10")!, drafts: false, future: false),
                            progress: progress)
        let first = try await live.rebuild(changed: nil)
        #expect(first.rendered > 0)
        #expect(progress.snapshot == BuildProgress.Snapshot(stage: .writing, done: first.rendered, total: first.rendered))
        try site.write("content/stories/cham-lo-tet.md", Fixtures.story.replacingOccurrences(of: "Chăm lo Tết", with: "Chăm lo Tết 2024"))
        _ = try await live.rebuild(changed: ["content/stories/cham-lo-tet.md"])
        #expect(progress.snapshot == BuildProgress.Snapshot(stage: .writing, done: first.rendered, total: first.rendered))
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
        line.finish()  // a second call returns at once
        let texts = written.withLock { $0 }
        #expect(texts.first == "\rWriting 2 of 4 files (50%)\u{1B}[K")
        #expect(texts.last == "\r\u{1B}[K")
        #expect(texts.filter { $0 == "\r\u{1B}[K" }.count == 1)
    }

    /// A build over before the delay prints nothing, and does not wait for the delay to end:
    /// were `finish` to sit out the hour, the time limit would stop the test as failed.
    @Test(.timeLimit(.minutes(1))) func aQuickBuildShowsNoLine() {
        let progress = BuildProgress()
        progress.begin(.parsing, total: 10)
        let written = Mutex<[String]>([])
        let line = BuildProgress.TerminalLine(progress, after: 3600) { text in written.withLock { $0.append(text) } }
        line.finish()
        #expect(written.withLock { $0 }.isEmpty)
    }
}
