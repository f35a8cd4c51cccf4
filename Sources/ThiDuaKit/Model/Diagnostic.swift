/// A place in a source file, 1-based like editors and compilers count.
public struct SourcePosition: Hashable, Sendable {
    public let line: Int
    public let column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static let start = SourcePosition(line: 1, column: 1)
}

/// One problem found in the content or theme, reported as `path:line:column: error: message`.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible, Comparable {
    public enum Severity: String, Sendable { case error, warning }

    public let path: String
    public let position: SourcePosition
    public let message: String
    public let severity: Severity

    public init(path: String, position: SourcePosition = .start, message: String, severity: Severity = .error) {
        self.path = path
        self.position = position
        self.message = message
        self.severity = severity
    }

    public var description: String {
        "\(path):\(position.line):\(position.column): \(severity.rawValue): \(message)"
    }

    /// Reports read in file order whatever order the parallel stages found them in.
    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        (a.path, a.position.line, a.position.column, a.message)
            < (b.path, b.position.line, b.position.column, b.message)
    }
}

/// The errors of a failed build, all of them at once.
public struct BuildFailure: Error, Sendable, CustomStringConvertible {
    public let diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted()
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}
