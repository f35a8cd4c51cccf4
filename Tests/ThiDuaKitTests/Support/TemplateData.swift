import Foundation
@testable import ThiDuaKit

/// Data as JSON has it: the spec's `data`, and what the differential tests generate. One
/// value feeds both engines, so they cannot be handed different data by accident.
indirect enum DataValue: Decodable {
    case null
    case flag(Bool)
    case integer(Int)
    case decimal(Double)
    case text(String)
    case list([DataValue])
    case map([String: DataValue])

    // Bool before Int and Int before Double: JSONDecoder refuses `1` as a Bool and `1.5` as
    // an Int, so each JSON value lands in exactly one case.
    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .flag(flag)
        } else if let integer = try? container.decode(Int.self) {
            self = .integer(integer)
        } else if let decimal = try? container.decode(Double.self) {
            self = .decimal(decimal)
        } else if let text = try? container.decode(String.self) {
            self = .text(text)
        } else if let list = try? container.decode([DataValue].self) {
            self = .list(list)
        } else {
            self = .map(try container.decode([String: DataValue].self))
        }
    }

    /// What swift-mustache reads: dictionaries and arrays of Swift values. A null key is
    /// left out, which swift-mustache treats as it treats a missing key.
    var foundation: Any? {
        switch self {
        case .null: return nil
        case .flag(let flag): return flag
        case .integer(let integer): return integer
        case .decimal(let decimal): return decimal
        case .text(let text): return text
        case .list(let items): return items.map { $0.foundation ?? NSNull() }
        case .map(let map): return map.compactMapValues(\.foundation)
        }
    }

    /// Front matter's form of the value, for data typed `.open`.
    var open: OpenValue? {
        switch self {
        case .null: return nil
        case .flag(let flag): return .flag(flag)
        case .integer(let integer): return .number(integer)
        case .decimal(let decimal): return .decimal(decimal)
        case .text(let text): return .text(text)
        case .list(let items): return .list(items.compactMap(\.open))
        case .map(let map): return .map(map.compactMapValues(\.open))
        }
    }
}

/// An object type of the test data, made into the engine's `TemplateShape` once, so that
/// every value of this type shares one shape (the compiler tells shapes apart by identity).
final class DataShape: Sendable {
    let fields: [(name: String, type: DataType)]
    let template: TemplateShape

    init(name: String, fields: [(name: String, type: DataType)]) {
        self.fields = fields
        template = TemplateShape(name: name, doc: "", fields: fields.map {
            TemplateField(name: $0.name, type: $0.type.template, doc: "")
        })
    }
}

/// The type of test data, declared by the generator or inferred from JSON.
indirect enum DataType: Sendable {
    case text
    case number
    case flag
    case open
    case list(DataType)
    case object(DataShape)
    case optional(DataType)

    var template: TemplateType {
        switch self {
        case .text: return .text
        case .number: return .number
        case .flag: return .flag
        case .open: return .open
        case .list(let item): return .list(item.template)
        case .object(let shape): return .object(shape.template)
        case .optional(let inner): return .optional(inner.template)
        }
    }

    var required: DataType {
        if case .optional(let inner) = self { return inner.required }
        return self
    }

    /// `value` as the engine reads it. A value that does not fit the type is a bug in the
    /// test's own data, so it stops the test where it is made.
    func value(_ value: DataValue?) -> TemplateValue {
        switch (self, value ?? .null) {
        case (.optional, .null), (.open, .null): return .absent
        case (.optional(let inner), let value): return inner.value(value)
        case (.text, .text(let text)): return .text(text)
        case (.number, .integer(let integer)): return .number(integer)
        case (.flag, .flag(let flag)): return .flag(flag)
        case (.open, let value): return value.open.map(TemplateValue.open) ?? .absent
        case (.list(let item), .list(let items)): return .list(items.map { item.value($0) })
        case (.object(let shape), .map(let map)):
            return .object(TemplateRecord(shape: shape.template, values: shape.fields.map { $0.type.value(map[$0.name]) }))
        case (let type, let value): preconditionFailure("test data \(value) does not fit its type \(type)")
        }
    }
}

/// The type a JSON value suggests, as the typed design would declare it: objects become
/// shapes, an array the merge of its items, null an optional value.
extension DataType {
    static func inferred(from value: DataValue, name: String = "data") -> DataType {
        Guess(value).type(name: name)
    }
}

private indirect enum Guess {
    /// Only null was seen: nothing says what the value would be.
    case unknown
    case text, number, flag
    /// Decimals and values of mixed kinds: thidua keeps such values only in front matter,
    /// whose type is `.open`, so the spec's data gets the same. As text, a decimal would be
    /// printed by this test rather than by the engine (`OpenValue.decimal`).
    case open
    case list(Guess)
    case object([String: Guess])
    case optional(Guess)

    init(_ value: DataValue) {
        switch value {
        case .null: self = .unknown
        case .flag: self = .flag
        case .integer: self = .number
        case .decimal: self = .open
        case .text: self = .text
        case .list(let items):
            let guesses = items.map(Guess.init)
            self = .list(guesses.dropFirst().reduce(guesses.first ?? .unknown, Guess.merge))
        case .map(let map): self = .object(map.mapValues(Guess.init))
        }
    }

    static func merge(_ a: Guess, _ b: Guess) -> Guess {
        switch (a, b) {
        case (.unknown, .unknown): return .unknown
        case (.unknown, let other), (let other, .unknown): return .optional(other.required)
        case (.optional(let a), let b), (let b, .optional(let a)): return .optional(merge(a, b).required)
        case (.text, .text): return .text
        case (.number, .number): return .number
        case (.flag, .flag): return .flag
        case (.list(let a), .list(let b)): return .list(merge(a, b))
        case (.object(let a), .object(let b)):
            var fields: [String: Guess] = [:]
            for key in Set(a.keys).union(b.keys) {
                switch (a[key], b[key]) {
                case (let x?, let y?): fields[key] = merge(x, y)
                case (let x?, nil), (nil, let x?): fields[key] = merge(x, .unknown)
                case (nil, nil): break
                }
            }
            return .object(fields)
        default: return .open
        }
    }

    var required: Guess {
        if case .optional(let inner) = self { return inner }
        return self
    }

    func type(name: String) -> DataType {
        switch self {
        // Never present, so any kind would do; text is the one a section or a tag accepts.
        case .unknown: return .optional(.text)
        case .text: return .text
        case .number: return .number
        case .flag: return .flag
        case .open: return .open
        case .list(let item): return .list(item.type(name: name + "[]"))
        case .optional(let inner): return .optional(inner.type(name: name).required)
        case .object(let fields):
            return .object(DataShape(name: name, fields: fields.keys.sorted().map { ($0, fields[$0]!.type(name: name + "." + $0)) }))
        }
    }
}
