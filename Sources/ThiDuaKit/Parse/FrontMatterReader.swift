import Yams

/// Reads the typed keys of a front matter from the nodes Yams composed, and keeps a
/// diagnostic for every key that is missing or of the wrong kind, so an editor sees all of
/// them in one build. Codable stopped at the first one, and found each key by scanning the
/// mapping and building a node to compare with: 5 % of a build.
struct FrontMatterReader {
    let document: YAMLDocument
    private var values: [String: Node] = [:]
    private(set) var problems: [Diagnostic] = []

    init(_ document: YAMLDocument) {
        self.document = document
        guard case .mapping(let mapping) = document.root else {
            problems.append(document.diagnostic(
                at: document.root, "front matter must be keys with values (title: …), not \(YAMLDocument.describe(document.root))"))
            return
        }
        for (key, value) in mapping {
            if let name = key.string { values[name] = value }
        }
    }

    /// Text that must be there; an empty value reads as "" for the caller to judge.
    mutating func requiredText(_ key: String) -> String? {
        guard let node = values[key] else { return missing(key) }
        return isNull(node) ? "" : text(key)
    }

    mutating func text(_ key: String) -> String? {
        guard let node = present(key) else { return nil }
        guard case .scalar(let scalar) = node else { return mismatch(key, node, expected: "text") }
        return scalar.string
    }

    mutating func texts(_ key: String) -> [String]? {
        guard let node = present(key) else { return nil }
        guard case .sequence(let sequence) = node else { return mismatch(key, node, expected: "a list") }
        var texts: [String] = []
        for (index, item) in sequence.enumerated() {
            guard case .scalar(let scalar) = item else {
                return mismatch("\(key)[\(index)]", item, expected: "text")
            }
            texts.append(scalar.string)
        }
        return texts
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let node = present(key) else { return nil }
        guard case .scalar(let scalar) = node, scalar.style == .plain, let value = Bool.construct(from: scalar) else {
            return mismatch(key, node, expected: "true or false")
        }
        return value
    }

    mutating func int(_ key: String) -> Int? {
        guard let node = present(key) else { return nil }
        guard case .scalar(let scalar) = node, scalar.style == .plain, let value = Int.construct(from: scalar) else {
            return mismatch(key, node, expected: "a whole number")
        }
        return value
    }

    /// A value written as text, such as a date; `problem` says why a text does not parse.
    mutating func value<T>(_ key: String, expected: String, _ parse: (String) -> T?, problem: (String) -> String) -> T? {
        guard let node = present(key) else { return nil }
        guard case .scalar(let scalar) = node else { return mismatch(key, node, expected: expected) }
        guard let value = parse(scalar.string) else {
            problems.append(document.diagnostic(at: node, "'\(key)': \(problem(scalar.string))"))
            return nil
        }
        return value
    }

    mutating func requiredValue<T>(_ key: String, expected: String, _ parse: (String) -> T?,
                                   problem: (String) -> String) -> T? {
        guard let node = values[key] else { return missing(key) }
        guard !isNull(node) else {
            problems.append(document.diagnostic(at: node, YAMLDocument.emptyValue(key, expected: expected)))
            return nil
        }
        return value(key, expected: expected, parse, problem: problem)
    }

    /// The node at `key` unless it is absent or empty (`key:` or `key: ~`).
    private func present(_ key: String) -> Node? {
        guard let node = values[key], !isNull(node) else { return nil }
        return node
    }

    private func isNull(_ node: Node) -> Bool {
        node.null != nil
    }

    private mutating func missing<T>(_ key: String) -> T? {
        // Front matter that is not a mapping at all has been reported once already.
        guard case .mapping = document.root else { return nil }
        problems.append(document.diagnostic(at: document.root, YAMLDocument.missingKey(key)))
        return nil
    }

    private mutating func mismatch<T>(_ key: String, _ node: Node, expected: String) -> T? {
        problems.append(document.diagnostic(at: node, YAMLDocument.wrongKind(key, expected: expected, found: node)))
        return nil
    }
}
