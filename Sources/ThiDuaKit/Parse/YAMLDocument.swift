import Yams

/// A composed YAML document that remembers which file and lines it came from, so that every
/// decoding problem can be reported at its position. Yams reports type errors and missing
/// keys by coding path only; the position is found by following that path in the node tree.
struct YAMLDocument {
    let path: String
    let lineOffset: Int
    let root: Node

    /// Parses `yaml`. An empty document is an empty mapping (front matter with no keys).
    static func compose(_ yaml: String, path: String, lineOffset: Int = 0) -> Result<YAMLDocument, Diagnostic> {
        do {
            // An explicit encoding: the default one reads the process environment on every call.
            // The basic resolver (no regular expressions): Yams builds every scalar from its
            // text, and typed keys matter to nobody here, but with the default resolver each
            // key looked up while decoding was matched against five regular expressions,
            // 5 % of a build.
            let node = try Yams.compose(yaml: yaml, .basic, .default, .utf8) ?? Node.mapping(Node.Mapping([]))
            return .success(YAMLDocument(path: path, lineOffset: lineOffset, root: node))
        } catch let error as YamlError {
            return .failure(syntaxDiagnostic(error, path: path, lineOffset: lineOffset))
        } catch {
            return .failure(Diagnostic(path: path, position: SourcePosition(line: lineOffset + 1, column: 1), message: "invalid YAML: \(error)"))
        }
    }

    func decode<T: Decodable>(_ type: T.Type, from node: Node? = nil) -> Result<T, Diagnostic> {
        do {
            return .success(try SharedDecoder.instance.decoder.decode(type, from: node ?? root))
        } catch let error as DecodingError {
            return .failure(diagnostic(for: error))
        } catch let error as YamlError {
            return .failure(Self.syntaxDiagnostic(error, path: path, lineOffset: lineOffset))
        } catch {
            return .failure(Diagnostic(path: path, position: position(of: root), message: "\(error)"))
        }
    }

    /// One decoder for the whole build: creating a `YAMLDecoder` builds its default options,
    /// which read the process environment, and that cost was 4 % of a build. The decoder is
    /// never mutated after this, and each `decode` call keeps its own state, so sharing it
    /// between tasks is safe.
    private final class SharedDecoder: @unchecked Sendable {
        static let instance = SharedDecoder()
        let decoder = YAMLDecoder(encoding: .utf8)
    }

    func position(of node: Node) -> SourcePosition {
        guard let mark = node.mark else { return SourcePosition(line: lineOffset + 1, column: 1) }
        return SourcePosition(line: mark.line + lineOffset, column: mark.column)
    }

    func diagnostic(at node: Node, _ message: String) -> Diagnostic {
        Diagnostic(path: path, position: position(of: node), message: message)
    }

    /// The node a coding path leads to, or the deepest one that exists on the way.
    func node(at codingPath: [any CodingKey], from start: Node? = nil) -> Node {
        var current = start ?? root
        for key in codingPath {
            let next: Node?
            if let index = key.intValue, case .sequence(let sequence) = current {
                next = index < sequence.count ? sequence[index] : nil
            } else {
                next = current[key.stringValue]
            }
            guard let next else { break }
            current = next
        }
        return current
    }

    /// Position of each top-level key's value, for checks made after decoding.
    var valuePositions: [String: SourcePosition] {
        guard case .mapping(let mapping) = root else { return [:] }
        var positions: [String: SourcePosition] = [:]
        for (key, value) in mapping {
            if let name = key.string { positions[name] = position(of: value) }
        }
        return positions
    }

    /// Top-level keys thidua has no field for, kept for templates.
    func params(excluding known: Set<String>) -> [String: Param] {
        guard case .mapping(let mapping) = root else { return [:] }
        var params: [String: Param] = [:]
        for (key, value) in mapping {
            guard let name = key.string, !known.contains(name) else { continue }
            params[name] = Self.param(value)
        }
        return params
    }

    private static func param(_ node: Node) -> Param {
        switch node {
        case .scalar(let scalar):
            // Only plain scalars are resolved: a quoted "5" stays text, as YAML says.
            guard scalar.style == .plain else { return .string(scalar.string) }
            if node.null != nil { return .null }
            if let value = node.bool { return .bool(value) }
            if let value = node.int { return .int(value) }
            if let value = node.float { return .double(value) }
            return .string(scalar.string)
        case .sequence(let sequence):
            return .list(sequence.map(param))
        case .mapping(let mapping):
            var values: [String: Param] = [:]
            for (key, value) in mapping { values[key.string ?? ""] = param(value) }
            return .map(values)
        case .alias:
            return .null
        }
    }

    private func diagnostic(for error: DecodingError) -> Diagnostic {
        switch error {
        case .keyNotFound(let key, let context):
            let parent = node(at: context.codingPath)
            return diagnostic(at: parent, Self.missingKey(key.stringValue))
        case .typeMismatch(let expected, let context):
            let found = node(at: context.codingPath)
            return diagnostic(at: found, Self.wrongKind(Self.keyName(context.codingPath), expected: Self.describe(expected), found: found))
        case .valueNotFound(let expected, let context):
            let found = node(at: context.codingPath)
            return diagnostic(at: found, Self.emptyValue(Self.keyName(context.codingPath), expected: Self.describe(expected)))
        case .dataCorrupted(let context):
            if let yamlError = context.underlyingError as? YamlError {
                return Self.syntaxDiagnostic(yamlError, path: path, lineOffset: lineOffset)
            }
            let found = node(at: context.codingPath)
            return diagnostic(at: found, "'\(Self.keyName(context.codingPath))': \(context.debugDescription)")
        @unknown default:
            return diagnostic(at: root, "\(error)")
        }
    }

    private static func keyName(_ codingPath: [any CodingKey]) -> String {
        codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            .joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
    }

    /// Type names an editor understands, not Swift's.
    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "text"
        case is Bool.Type: return "true or false"
        case is Int.Type: return "a whole number"
        case is [String].Type, is Node.Sequence.Type: return "a list"
        case is CalendarDate.Type: return "a date (YYYY-MM-DD)"
        default: return "a value of another kind"
        }
    }

    /// The messages of a missing key or a value of the wrong kind, shared by data files and
    /// front matter.
    static func missingKey(_ key: String) -> String {
        "missing required key '\(key)'"
    }

    static func wrongKind(_ key: String, expected: String, found: Node) -> String {
        "'\(key)' must be \(expected), not \(describe(found))"
    }

    static func emptyValue(_ key: String, expected: String) -> String {
        "'\(key)' must be \(expected), but it is empty"
    }

    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): return "'\(scalar.string)'"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .alias: return "an alias"
        }
    }

    static func syntaxDiagnostic(_ error: YamlError, path: String, lineOffset: Int) -> Diagnostic {
        let (mark, problem): (Mark?, String) = {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
                 .composer(_, let problem, let mark, _):
                return (mark, problem)
            case .duplicatedKeysInMapping(let duplicates, let context):
                return (context.mark, "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", "))")
            default:
                return (nil, "\(error)")
            }
        }()
        let position = mark.map { SourcePosition(line: $0.line + lineOffset, column: $0.column) }
            ?? SourcePosition(line: lineOffset + 1, column: 1)
        return Diagnostic(path: path, position: position, message: "invalid YAML: \(problem)")
    }
}
