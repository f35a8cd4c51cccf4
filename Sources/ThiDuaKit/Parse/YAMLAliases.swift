import CYaml

/// YAML aliases (`&a` … `*a`) can make a few lines stand for millions of values: eight levels
/// of nine aliases, forty lines of front matter, took a build 27 s and 7 GB. A small anchor
/// can be a convenience in a data file, so aliases are not refused; instead the size a
/// document would have with every alias written out is counted, with libyaml's events, before
/// Yams builds it (Yams hashes mapping keys whole, so even building it can take that long),
/// and aliases that add more than `limit` values are an error at the alias that crosses it.
/// A long document without aliases is the size limits' business, not this count's.
enum YAMLAliases {
    static let limit = 10_000

    /// nil when the document's aliases add at most `limit` values (or it is not YAML at all:
    /// the parse that follows reports that); else the alias that crosses it.
    static func excess(in yaml: String, limit: Int = limit) -> (line: Int, column: Int)? {
        // Without a `*` there is no alias, and nothing to count.
        guard yaml.utf8.contains(UInt8(ascii: "*")) else { return nil }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        var bytes = Array(yaml.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            return count(&parser, limit: limit)
        }
    }

    private static func count(_ parser: inout yaml_parser_t, limit: Int) -> (line: Int, column: Int)? {
        var sizes: [String: Int] = [:]
        // The values counted so far in each open collection, with the collection's anchor.
        var open: [(anchor: String?, size: Int)] = []
        // Values the aliases add beyond themselves.
        var added = 0
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
                continue
            case YAML_MAPPING_START_EVENT:
                open.append((text(event.data.mapping_start.anchor), 1))
                continue
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let closed = open.popLast() else { continue }
                if let name = closed.anchor { sizes[name] = closed.size }
                if !open.isEmpty { open[open.count - 1].size += closed.size }
                continue
            default:
                continue
            }
            if let anchor { sizes[anchor] = size }
            if !open.isEmpty { open[open.count - 1].size += size }
            if added > limit {
                return (Int(event.start_mark.line) + 1, Int(event.start_mark.column) + 1)
            }
        }
    }

    private static func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }
}
