import Foundation
import ThiDuaKit

/// Prints diagnostics the way compilers do, with the offending line and a caret under the
/// column, in colour on a terminal unless NO_COLOR is set.
struct DiagnosticPrinter {
    let siteRoot: URL
    var environment = ProcessInfo.processInfo.environment

    private var colour: Bool {
        environment["NO_COLOR"] == nil && isatty(STDERR_FILENO) == 1
    }

    func report(_ diagnostics: [Diagnostic], summary: Bool = true) {
        var text = ""
        for diagnostic in diagnostics {
            let label = colour ? "\u{1B}[1;31m\(diagnostic.severity.rawValue):\u{1B}[0m" : "\(diagnostic.severity.rawValue):"
            let position = diagnostic.position
            text += "\(diagnostic.path):\(position.line):\(position.column): \(label) \(diagnostic.message)\n"
            if let line = sourceLine(diagnostic.path, position.line) {
                let shown = Self.excerpt(line, column: position.column)
                text += "  \(shown.text)\n  \(String(repeating: " ", count: max(shown.caret - 1, 0)))^\n"
            }
        }
        if summary {
            let errors = diagnostics.filter { $0.severity == .error }.count
            text += "\(errors) error\(errors == 1 ? "" : "s"); nothing was written\n"
        }
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// GitHub Actions turns these lines into annotations on the changed lines of a pull request.
    func annotate(_ diagnostics: [Diagnostic]) {
        var text = ""
        for diagnostic in diagnostics {
            let message = diagnostic.message
                .replacingOccurrences(of: "%", with: "%25")
                .replacingOccurrences(of: "\r", with: "%0D")
                .replacingOccurrences(of: "\n", with: "%0A")
            text += "::\(diagnostic.severity.rawValue) file=\(diagnostic.path),line=\(diagnostic.position.line),col=\(diagnostic.position.column)::\(message)\n"
        }
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    func info(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// At most `width` characters of `line` around `column`, and the caret's column in them: a
    /// message about the end of a 100,000-character line shows that end, not the start of the
    /// line and 100,000 spaces.
    static func excerpt(_ line: String, column: Int, width: Int = 200) -> (text: String, caret: Int) {
        let characters = Array(line)
        guard characters.count > width else { return (line, column) }
        let start = min(max(column - 1 - width / 2, 0), characters.count - width)
        let end = start + width
        let text = (start > 0 ? "…" : "") + String(characters[start..<end]) + (end < characters.count ? "…" : "")
        return (text, column - start + (start > 0 ? 1 : 0))
    }

    /// The line to show under a message: only from a regular file of a size a person writes
    /// (a FIFO would block, and a file refused for its size must not be read here either),
    /// and only of the kinds of file thidua reads as text: a line of a note it does not read,
    /// or of a photo, says nothing about the problem.
    private func sourceLine(_ path: String, _ number: Int) -> String? {
        guard ["md", "yml", "yaml", "mustache"].contains(URL(fileURLWithPath: path).pathExtension) else { return nil }
        let full = siteRoot.appendingPathComponent(path).path
        var info = stat()
        guard stat(full, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size <= 1_000_000,
              let data = FileManager.default.contents(atPath: full),
              let text = String(data: data, encoding: .utf8) else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard number >= 1, number <= lines.count else { return nil }
        let line = lines[number - 1].replacingOccurrences(of: "\r", with: "")
        return line.isEmpty ? nil : line
    }
}
