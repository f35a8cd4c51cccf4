/// Random data for the differential tests, with a random schema in which a field name has
/// one type wherever it appears: the compiler refuses a name that means different kinds in
/// different frames, and the generator must only write templates that compile.
enum GeneratedData {
    static let scalarFields: [(name: String, type: DataType)] = [
        ("ten", .text), ("mo-ta", .text), ("so", .number), ("co", .flag), ("an", .flag),
        ("nhan", .list(.text)), ("diem", .list(.number)), ("bat", .list(.flag)), ("bang", .list(.list(.text))),
        ("params", .open),
    ]
    /// What `params` holds, like front matter: fixed keys of fixed kinds, each there or not,
    /// so the generator knows which names show as text. `.open` stands for a mapping: its
    /// `empty` and `count` differ (swift-mustache has them for dictionaries, thidua does not),
    /// so no transform is generated on it. No key is a field name of the schema, where
    /// swift-mustache could find a dictionary the compiler did not expect.
    static let openFields: [(name: String, type: DataType)] = [
        ("a", .text), ("b", .number), ("c", .flag), ("d", .number), ("l", .list(.text)), ("m", .open), ("m.a", .text), ("m.c", .flag),
    ]
    /// Fields holding an object, and fields holding a list of objects, of a shape drawn per case.
    static let objectFields = ["nguoi", "noi", "dot"]
    static let listFields = ["muc", "con"]

    /// The root shape. Shape `i` only holds objects of shapes after it, so none contains
    /// itself and the data is finite.
    static func schema(_ random: inout SplitMix64) -> DataShape {
        let count = 3
        var targets: [String: Int] = [:]
        for name in objectFields + listFields {
            targets[name] = random.int(1...count)
        }
        var shapes: [Int: DataShape] = [:]
        for index in stride(from: count, through: 0, by: -1) {
            let percent = index == 0 ? 75 : 45
            var fields: [(name: String, type: DataType)] = []
            for field in scalarFields where random.chance(percent) {
                fields.append((field.name, optionally(field.type, &random)))
            }
            for name in objectFields + listFields where targets[name]! > index && random.chance(percent) {
                let object = DataType.object(shapes[targets[name]!]!)
                fields.append((name, optionally(listFields.contains(name) ? .list(object) : object, &random)))
            }
            shapes[index] = DataShape(name: "S\(index)", fields: fields)
        }
        return shapes[0]!
    }

    private static func optionally(_ type: DataType, _ random: inout SplitMix64) -> DataType {
        random.chance(30) ? .optional(type) : type
    }

    static func value(_ type: DataType, _ random: inout SplitMix64) -> DataValue {
        switch type {
        case .optional(let inner): return random.chance(35) ? .null : value(inner, &random)
        case .text: return .text(text(&random))
        case .number: return .integer(random.int(-5...2024))
        case .flag: return .flag(random.chance(50))
        case .list(let item): return .list((0..<random.int(0...3)).map { _ in value(item, &random) })
        case .object(let shape):
            var map: [String: DataValue] = [:]
            for field in shape.fields {
                map[field.name] = value(field.type, &random)
            }
            return .map(map)
        case .open: return openValue(&random)
        }
    }

    static func openValue(_ random: inout SplitMix64) -> DataValue {
        var map: [String: DataValue] = [:]
        for (key, value) in [
            ("a", DataValue.text(text(&random))), ("b", .integer(random.int(-5...99))), ("c", .flag(random.chance(50))),
            ("d", .decimal(random.pick([0.5, 1.25, -2.5, 3.0, 0.001]))),
            ("l", .list((0..<random.int(0...3)).map { _ in .text(text(&random)) })),
            ("m", .map(["a": .text(text(&random)), "c": .flag(random.chance(50))])),
        ] where random.chance(70) {
            map[key] = value
        }
        return .map(map)
    }

    /// Vietnamese in NFC, the five characters HTML escaping changes, text that looks like a
    /// tag (values are never parsed again), newlines and blanks. No combining mark follows
    /// one of the five: swift-mustache escapes whole characters, so `&` + U+0301 would pass
    /// it unescaped while thidua escapes bytes. NFC text does not have such pairs.
    static let valuePieces = [
        "Thi đua", "yêu nước", "Lò Thị Mai", "Đợt 1", "ưu tiên", "Tết", "<b>", "</b>", "&", "&amp;", "\"", "'",
        "<", ">", " ", "  ", "\n", "\t", "{{ten}}", "a", "42", "😀",
    ]

    static func text(_ random: inout SplitMix64) -> String {
        if random.chance(10) { return "" }
        return (0..<random.int(1...4)).map { _ in random.pick(valuePieces) }.joined()
    }
}
