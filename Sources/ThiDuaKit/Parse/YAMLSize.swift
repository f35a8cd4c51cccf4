import CYaml

/// How many values a YAML document would make, counted with libyaml's events before Yams
/// builds it: Yams keeps a node for every value and hashes mapping keys whole, so the size of
/// the file alone does not bound what reading it costs.
///
/// - Aliases (`&a` … `*a`) can make a few lines stand for millions of values: eight levels of
///   nine aliases, forty lines of front matter, took a build 27 s and 7 GB. A small anchor can
///   be a convenience in a data file, so aliases are not refused; aliases that add more than
///   `aliasLimit` values are an error at the alias that crosses it.
/// - A plain list can be long too: a 7.8 MB `site.yml`, under the size limit, of one list of
///   3.9 million numbers took 35 s and 720 MB. Front matter holds a few dozen values and a data
///   file a few hundred, so a document of more than `valueLimit` values is an error at the
///   value that crosses it.
enum YAMLSize {
    static let aliasLimit = 10_000
    static let valueLimit = 50_000

    enum Excess: Equatable {
        /// The aliases would add more than `aliasLimit` values.
        case aliases(line: Int, column: Int)
        /// The document holds more than `valueLimit` values, its aliases written out.
        case values(line: Int, column: Int)
    }

    /// nil when the document is within both limits (or is not YAML at all: the parse that
    /// follows reports that).
    static func excess(in yaml: String, aliasLimit: Int = aliasLimit, valueLimit: Int = valueLimit) -> Excess? {
        // Every value takes at least a byte; without a `*` there is no alias to multiply them.
        guard yaml.utf8.count > valueLimit || yaml.utf8.contains(UInt8(ascii: "*")) else { return nil }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(yaml.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            return count(&parser, aliasLimit: aliasLimit, valueLimit: valueLimit)
        }
    }

    private static func count(_ parser: inout yaml_parser_t, aliasLimit: Int, valueLimit: Int) -> Excess? {
        var sizes: [String: Int] = [:]
        // The values counted so far in each open collection, with the collection's anchor.
        var open: [(anchor: String?, size: Int)] = []
        // Values the aliases add beyond themselves, and all values.
        var added = 0, total = 0
        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
            defer { yaml_event_delete(&event) }
            var size = 0
            var anchor: String?
            switch event.type {
            case YAML_STREAM_END_EVENT:
                return nil
            case YAML_SCALAR_EVENT:
                size = 1
                anchor = text(event.data.scalar.anchor)
            case YAML_ALIAS_EVENT:
                size = text(event.data.alias.anchor).flatMap { sizes[$0] } ?? 1
                added += size - 1
            case YAML_SEQUENCE_START_EVENT:
                open.append((text(event.data.sequence_start.anchor), 1))
                size = 1
            case YAML_MAPPING_START_EVENT:
                open.append((text(event.data.mapping_start.anchor), 1))
                size = 1
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let closed = open.popLast() else { continue }
                if let name = closed.anchor { sizes[name] = closed.size }
                if !open.isEmpty { open[open.count - 1].size += closed.size }
                continue
            default:
                continue
            }
            let mark = (line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
            total += size
            if added > aliasLimit { return .aliases(line: mark.line, column: mark.column) }
            if total > valueLimit { return .values(line: mark.line, column: mark.column) }
            // A collection's own size is added to its parent when it closes.
            if event.type == YAML_SEQUENCE_START_EVENT || event.type == YAML_MAPPING_START_EVENT { continue }
            if let anchor { sizes[anchor] = size }
            if !open.isEmpty { open[open.count - 1].size += size }
        }
    }

    private static func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }
}
