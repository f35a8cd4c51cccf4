import Foundation
import ThiDuaKit

/// A long build's progress on one line of standard error, when that is a terminal; in a pipe
/// or a CI log, nothing.
struct TerminalProgress {
    /// For the build to count into; nil when nothing is shown.
    let progress: BuildProgress?
    private let line: BuildProgress.TerminalLine?

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let shown = BuildProgress.shown(standardErrorIsTerminal: isatty(STDERR_FILENO) == 1, environment: environment)
        progress = shown ? BuildProgress() : nil
        line = progress.map { BuildProgress.TerminalLine($0) { FileHandle.standardError.write(Data($0.utf8)) } }
    }

    /// Clears the line, so that what is printed next starts on a clean one; later calls do nothing.
    func finish() {
        line?.finish()
    }
}
