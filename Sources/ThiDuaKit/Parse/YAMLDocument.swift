import Yams

/// A composed YAML document that remembers which file and lines it came from, so that every
/// problem found in it can be reported at its position.
struct YAMLDocument {
    let path: String
    let lineOffset: Int
    let root: Node

    /// Parses `yaml`. An empty document is an empty mapping (front matter with no keys).
    static func compose(_ yaml: String, path: String, lineOffset: Int = 0) -> Result<YAMLDocument, Diagnostic> {
        switch YAMLSize.excess(in: yaml) {
        case .aliases(let line, let column):
            return .failure(Diagnostic(
                path: path, position: SourcePosition(line: line + lineOffset, column: column),
                message: "with its aliases (*name) written out this YAML would hold more than \(YAMLSize.aliasLimit) values; "
                    + "aliases can multiply a few lines into millions, so write the values out or use fewer aliases"))
        case .values(let line, let column):
            return .failure(Diagnostic(
                path: path, position: SourcePosition(line: line + lineOffset, column: column),
                message: "this YAML holds more than \(YAMLSize.valueLimit) values, and thidua reads no more from one file; "
                    + "front matter and data files need a few hundred, so check that this is the file you meant"))
        case nil:
            break
        }
        do {
            // An explicit encoding: the default one reads the process environment on every call.
            // The basic resolver: the default one runs five regular expressions on every
            // scalar (5 % of a build), and `MappingReader` types the values itself.
            let node = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
            // A file with nothing in it, or only `~`, has no keys rather than a wrong value.
            let root = node.flatMap { isNull($0) ? nil : $0 } ?? Node.mapping(Node.Mapping([]))
            return .success(YAMLDocument(path: path, lineOffset: lineOffset, root: root))
        } catch let error as YamlError {
            return .failure(syntaxDiagnostic(error, path: path, lineOffset: lineOffset))
        } catch {
            return .failure(Diagnostic(path: path, position: SourcePosition(line: lineOffset + 1, column: 1), message: "invalid YAML: \(error)"))
        }
    }

    func position(of node: Node) -> SourcePosition {
        guard let mark = node.mark else { return SourcePosition(line: lineOffset + 1, column: 1) }
        return SourcePosition(line: mark.line + lineOffset, column: mark.column)
    }

    func diagnostic(at node: Node, _ message: String) -> Diagnostic {
        Diagnostic(path: path, position: position(of: node), message: message)
    }

    /// One step of a path into the document: a key of a mapping or a position in a list.
    enum PathStep: ExpressibleByStringLiteral {
        case key(String)
        case index(Int)

        init(stringLiteral value: String) { self = .key(value) }
    }

    /// The node a path leads to, or the deepest one that exists on the way.
    func node(at path: [PathStep]) -> Node {
        var current = root
        for step in path {
            let next: Node?
            switch (step, current) {
            case (.index(let index), .sequence(let sequence)): next = index < sequence.count ? sequence[index] : nil
            case (.key(let key), _): next = current[key]
            default: next = nil
            }
            guard let next else { break }
            current = next
        }
        return current
    }

    /// The whole number a plain scalar writes, if it writes one. Text with a colon is text, as
    /// in YAML 1.2 (and Hugo): Yams reads `10:30` as 630, YAML 1.1's base 60, and stops the
    /// process on one whose value overflows (`1:0:0:0:0:0:0:0:0:0:0:0`, found by the fuzzer).
    static func integer(_ scalar: Node.Scalar) -> Int? {
        scalar.string.contains(":") ? nil : Int.construct(from: scalar)
    }

    /// A value thidua has no field for, as templates get it under `page.params`.
    static func param(_ node: Node) -> Param {
        switch node {
        case .scalar(let scalar):
            // Only plain scalars are resolved: a quoted "5" stays text, as YAML says.
            guard scalar.style == .plain else { return .string(scalar.string) }
            if isNull(node) { return .null }
            if let value = node.bool { return .bool(value) }
            if let value = integer(scalar) { return .int(value) }
            if !scalar.string.contains(":"), let value = node.float { return .double(value) }
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

    /// `key:`, `key: ~` or `key: null`, but not `key: "null"`: a quoted scalar is text.
    static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
        return node.null != nil
    }

    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar where isNull(node): return "empty"
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
        // libyaml stops a deep nest (about a thousand levels, counted its own way) before it
        // costs a deep recursion, in words that name a C function an editor cannot call.
        if problem.hasPrefix("Maximum nesting level reached") {
            return Diagnostic(path: path, position: position, message: "invalid YAML: lists and mappings are nested here "
                + "deeper than YAML is read to (about a thousand levels); no campaign file needs so many")
        }
        return Diagnostic(path: path, position: position, message: "invalid YAML: \(problem)")
    }
}
