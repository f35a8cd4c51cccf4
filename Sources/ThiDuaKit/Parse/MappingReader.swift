import Yams

/// Reads the typed keys of a YAML mapping (front matter, or a part of `site.yml` or
/// `timeline.yml`) from the nodes Yams composed, and keeps a diagnostic for every key that is
/// missing or of the wrong kind, so an editor sees all of them in one build. Keys are found
/// in a dictionary made once per mapping, since a site has tens of thousands of them.
struct MappingReader {
    let document: YAMLDocument
    /// The mapping's place in the file, for messages: "" at the top, else `phases[1].`.
    private let prefix: String
    /// Said after each message about an item of a list, which counts from 1 as people do:
    /// " (phase 1)" for `phases[1]`, the first phase.
    private let item: String
    private let node: Node
    private var values: [String: Node] = [:]
    private(set) var problems: [Diagnostic] = []

    /// The top-level mapping of a document: `what` is "front matter" or the file's name.
    init(_ document: YAMLDocument, what: String = "front matter") {
        self.init(document, node: document.root, prefix: "", item: "", notMapping: "\(what) must be keys with values (title: …)")
    }

    private init(_ document: YAMLDocument, node: Node, prefix: String, item: String, notMapping: String) {
        self.document = document
        self.node = node
        self.prefix = prefix
        self.item = item
        guard case .mapping(let mapping) = node else {
            report(node, "\(notMapping), not \(YAMLDocument.describe(node))")
            return
        }
        for (key, value) in mapping {
            if let name = key.string { values[name] = value }
        }
    }

    /// Reads each mapping of a file that is a list of them (`movements.yml`); an empty file
    /// is an empty list. Items are named `<name>[n]` in messages, counted from 1 (`movements[2].title`).
    static func list<T>(of document: YAMLDocument, named name: String, _ read: (inout MappingReader) -> T)
        -> (values: [T], problems: [Diagnostic]) {
        switch document.root {
        case .mapping(let mapping) where mapping.isEmpty:
            return ([], [])
        case .sequence(let sequence):
            return readEach(sequence, in: document, key: name, read)
        default:
            return ([], [document.diagnostic(at: document.root, "\(name).yml must be a list (- id: …), not \(YAMLDocument.describe(document.root))")])
        }
    }

    /// Where each key's value is, for checks made after reading.
    var valuePositions: [String: SourcePosition] {
        values.mapValues(document.position(of:))
    }

    /// The keys thidua has no field for, kept for templates.
    func params(excluding known: Set<String>) -> [String: Param] {
        values.filter { !known.contains($0.key) }.mapValues(YAMLDocument.param)
    }

    /// Text that must be there; an empty value reads as "" for the caller to judge, unless
    /// `allowEmpty` is false.
    mutating func requiredText(_ key: String, allowEmpty: Bool = true) -> String? {
        guard let node = values[key] else { return missing(key) }
        guard isNull(node) else { return text(key) }
        if !allowEmpty {
            report(node, YAMLDocument.emptyValue(prefix + key, expected: "text"))
            return nil
        }
        return ""
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
                report(item, YAMLDocument.wrongKind("\(prefix)\(key)[\(index + 1)]", expected: "text", found: item)
                    + " (\(Self.noun(key)) \(index + 1))")
                return nil
            }
            texts.append(scalar.string)
        }
        return texts
    }

    /// A mapping of names to text, in the order written, with the node of each value.
    mutating func textsByName(_ key: String) -> [(name: String, text: String, node: Node)]? {
        guard let node = present(key) else { return nil }
        guard case .mapping(let mapping) = node else { return mismatch(key, node, expected: "a mapping") }
        var entries: [(name: String, text: String, node: Node)] = []
        for (name, value) in mapping {
            guard case .scalar(let scalar) = value else {
                report(value, YAMLDocument.wrongKind(
                    "\(prefix)\(key).\(name.string ?? "")", expected: "text", found: value))
                continue
            }
            entries.append((name.string ?? "", scalar.string, value))
        }
        return entries
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
        guard case .scalar(let scalar) = node, scalar.style == .plain, let value = YAMLDocument.integer(scalar) else {
            return mismatch(key, node, expected: "a whole number")
        }
        return value
    }

    /// A value written as text, such as a date; `problem` says why a text does not parse.
    mutating func value<T>(_ key: String, expected: String, _ parse: (String) -> T?, problem: (String) -> String) -> T? {
        guard let node = present(key) else { return nil }
        guard case .scalar(let scalar) = node else { return mismatch(key, node, expected: expected) }
        guard let value = parse(scalar.string) else {
            report(node, "'\(prefix)\(key)': \(problem(scalar.string))")
            return nil
        }
        return value
    }

    mutating func requiredValue<T>(_ key: String, expected: String, _ parse: (String) -> T?,
                                   problem: (String) -> String) -> T? {
        guard let node = values[key] else { return missing(key) }
        guard !isNull(node) else {
            report(node, YAMLDocument.emptyValue(prefix + key, expected: expected))
            return nil
        }
        return value(key, expected: expected, parse, problem: problem)
    }

    /// A mapping inside this one, read by `read`; its problems are this reader's.
    mutating func mapping<T>(_ key: String, required: Bool = false, _ read: (inout MappingReader) -> T) -> T? {
        guard let node = values[key] else { return required ? missing(key) : nil }
        guard !isNull(node) else {
            guard required else { return nil }
            report(node, YAMLDocument.emptyValue(prefix + key, expected: "a mapping"))
            return nil
        }
        var reader = MappingReader(document, node: node, prefix: "\(prefix)\(key).", item: item,
                                   notMapping: "'\(prefix)\(key)' must be keys with values")
        let value = read(&reader)
        problems += reader.problems
        return value
    }

    /// A list of mappings inside this one, each read by `read`; their problems are this reader's.
    mutating func list<T>(_ key: String, required: Bool = false, _ read: (inout MappingReader) -> T) -> [T]? {
        guard let node = values[key] else { return required ? missing(key) : nil }
        guard !isNull(node) else {
            guard required else { return nil }
            report(node, YAMLDocument.emptyValue(prefix + key, expected: "a list"))
            return nil
        }
        guard case .sequence(let sequence) = node else { return mismatch(key, node, expected: "a list") }
        let (values, problems) = Self.readEach(sequence, in: document, key: prefix + key, read)
        self.problems += problems
        return values
    }

    private static func readEach<T>(_ sequence: Node.Sequence, in document: YAMLDocument, key: String,
                                    _ read: (inout MappingReader) -> T) -> (values: [T], problems: [Diagnostic]) {
        var values: [T] = []
        var problems: [Diagnostic] = []
        for (index, item) in sequence.enumerated() {
            // Counted from 1, as people count: `phases[1]` is the first phase.
            let name = "\(key)[\(index + 1)]"
            var reader = MappingReader(document, node: item, prefix: "\(name).", item: " (\(noun(key)) \(index + 1))",
                                       notMapping: "'\(name)' must be keys with values")
            let value = read(&reader)
            problems += reader.problems
            values.append(value)
        }
        return (values, problems)
    }

    /// What one item of the list `key` is called: `phases` → "phase".
    private static func noun(_ key: String) -> String {
        let last = key.split(separator: ".").last.map(String.init) ?? key
        switch last {
        case "menu": return "menu item"
        case "phases", "events", "movements", "tags", "images": return String(last.dropLast())
        case "aliases": return "alias"
        default: return "item"
        }
    }

    private mutating func report(_ node: Node, _ message: String) {
        problems.append(document.diagnostic(at: node, message + item))
    }

    /// The node at `key` unless it is absent or empty (`key:` or `key: ~`).
    private func present(_ key: String) -> Node? {
        guard let node = values[key], !isNull(node) else { return nil }
        return node
    }

    private func isNull(_ node: Node) -> Bool {
        YAMLDocument.isNull(node)
    }

    private mutating func missing<T>(_ key: String) -> T? {
        // A mapping that is not a mapping at all has been reported once already.
        guard case .mapping = node else { return nil }
        report(node, YAMLDocument.missingKey(prefix + key))
        return nil
    }

    private mutating func mismatch<T>(_ key: String, _ node: Node, expected: String) -> T? {
        report(node, YAMLDocument.wrongKind(prefix + key, expected: expected, found: node))
        return nil
    }
}
