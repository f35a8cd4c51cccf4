/// What a template can read, known when the theme is compiled: every name a tag uses is
/// resolved against these shapes once, so rendering follows indexes, never names.
public indirect enum TemplateType: Sendable {
    /// Text, escaped by `{{name}}`.
    case text
    /// HTML made by thidua (a story's body, a rendered card): placed with `{{{name}}}`.
    case html
    case number
    case flag
    case object(TemplateShape)
    case list(TemplateType)
    /// May be absent. An absent value is looked up further out, as a key missing from a
    /// Mustache hash is.
    case optional(TemplateType)
    /// Front matter the site's own keys do not cover (`page.params`): the one part whose
    /// names are looked up when a page is rendered.
    case open

    var required: TemplateType {
        if case .optional(let inner) = self { return inner.required }
        return self
    }

    var isOptional: Bool {
        if case .optional = self { return true }
        return false
    }
}

/// The fields of one kind of value, in the order they are documented.
public final class TemplateShape: Sendable {
    public let name: String
    public let doc: String
    public let fields: [TemplateField]
    /// Its own value shows as text (`{{assets.style.css}}`), beside the fields below it.
    let showsAsText: Bool
    /// Made from the theme's own files (`t`, `assets`, `fragments`), not from thidua's types.
    let themeDefined: Bool
    /// Says what a name missing below this shape means (`which names no file of the theme's assets/`).
    let missing: String?
    private let positions: [String: Int]

    init(name: String, doc: String, fields: [TemplateField], showsAsText: Bool = false, themeDefined: Bool = false,
         missing: String? = nil) {
        self.name = name
        self.doc = doc
        self.fields = fields
        self.showsAsText = showsAsText
        self.themeDefined = themeDefined
        self.missing = missing
        var positions: [String: Int] = [:]
        for (index, field) in fields.enumerated() where positions[field.name] == nil {
            positions[field.name] = index
        }
        self.positions = positions
    }

    func index(of name: String) -> Int? {
        positions[name]
    }
}

public struct TemplateField: Sendable {
    public let name: String
    public let type: TemplateType
    public let doc: String
}

/// A value while a page renders. Objects are read by the index the compiler found.
public enum TemplateValue: Sendable {
    case absent
    case text(String)
    case number(Int)
    case flag(Bool)
    case object(any TemplateObject)
    case list([TemplateValue])
    case open(OpenValue)
}

/// Front matter kept as it was written, read by name (`page.params.<key>`).
public indirect enum OpenValue: Sendable {
    case text(String)
    case number(Int)
    case decimal(Double)
    case flag(Bool)
    case list([OpenValue])
    case map([String: OpenValue])
}

public protocol TemplateObject: Sendable {
    func field(_ index: Int) -> TemplateValue
    /// What `{{name}}` shows when the value is an object of a shape that `showsAsText`.
    var text: String? { get }
}

extension TemplateObject {
    public var text: String? { nil }
}

/// A type of thidua's own that templates read: its shape and how to read each field.
public protocol TemplateContext: TemplateObject {
    static var fields: TemplateFields<Self> { get }
}

extension TemplateContext {
    public func field(_ index: Int) -> TemplateValue {
        Self.fields.readers[index](self)
    }

    static var shape: TemplateShape { fields.shape }
}

/// The shape of `Root` with a reader per field, declared once beside the type.
public struct TemplateFields<Root: Sendable>: Sendable {
    let shape: TemplateShape
    let readers: [@Sendable (Root) -> TemplateValue]

    init(_ name: String, _ doc: String, _ specs: [FieldSpec<Root>]) {
        shape = TemplateShape(name: name, doc: doc, fields: specs.map(\.field))
        readers = specs.map(\.read)
    }
}

/// One field of a `TemplateFields`, built by the functions below so that the declared
/// type and the value read always agree.
public struct FieldSpec<Root: Sendable>: Sendable {
    let field: TemplateField
    let read: @Sendable (Root) -> TemplateValue

    private init(_ name: String, _ type: TemplateType, _ doc: String, _ read: @escaping @Sendable (Root) -> TemplateValue) {
        field = TemplateField(name: name, type: type, doc: doc)
        self.read = read
    }

    /// Every field of `Inner`, read from the `Inner` a `Root` holds: a story's page is the
    /// story with what sharing adds.
    static func all<Inner>(of inner: TemplateFields<Inner>, _ get: @escaping @Sendable (Root) -> Inner) -> [Self] {
        zip(inner.shape.fields, inner.readers).map { field, read in
            Self(field.name, field.type, field.doc) { read(get($0)) }
        }
    }

    static func text(_ name: String, _ doc: String, _ read: @escaping @Sendable (Root) -> String) -> Self {
        Self(name, .text, doc) { .text(read($0)) }
    }

    static func optionalText(_ name: String, _ doc: String, _ read: @escaping @Sendable (Root) -> String?) -> Self {
        Self(name, .optional(.text), doc) { read($0).map(TemplateValue.text) ?? .absent }
    }

    static func html(_ name: String, _ doc: String, _ read: @escaping @Sendable (Root) -> String) -> Self {
        Self(name, .html, doc) { .text(read($0)) }
    }

    static func optionalHTML(_ name: String, _ doc: String, _ read: @escaping @Sendable (Root) -> String?) -> Self {
        Self(name, .optional(.html), doc) { read($0).map(TemplateValue.text) ?? .absent }
    }

    static func number(_ name: String, _ doc: String, _ read: @escaping @Sendable (Root) -> Int) -> Self {
        Self(name, .number, doc) { .number(read($0)) }
    }

    static func flag(_ name: String, _ doc: String, _ read: @escaping @Sendable (Root) -> Bool) -> Self {
        Self(name, .flag, doc) { .flag(read($0)) }
    }

    static func object<T: TemplateContext>(_ name: String, _ doc: String, _ read: @escaping @Sendable (Root) -> T) -> Self {
        Self(name, .object(T.shape), doc) { .object(read($0)) }
    }

    static func optionalObject<T: TemplateContext>(_ name: String, _ doc: String, _ read: @escaping @Sendable (Root) -> T?) -> Self {
        Self(name, .optional(.object(T.shape)), doc) { read($0).map { .object($0) } ?? .absent }
    }

    static func list<T: TemplateContext>(_ name: String, _ doc: String, _ read: @escaping @Sendable (Root) -> [T]) -> Self {
        Self(name, .list(.object(T.shape)), doc) { .list(read($0).map { .object($0) }) }
    }

    static func optionalList<T: TemplateContext>(_ name: String, _ doc: String, _ read: @escaping @Sendable (Root) -> [T]?) -> Self {
        Self(name, .optional(.list(.object(T.shape))), doc) { read($0).map { .list($0.map { .object($0) }) } ?? .absent }
    }


    static func open(_ name: String, _ doc: String, _ read: @escaping @Sendable (Root) -> [String: OpenValue]) -> Self {
        Self(name, .open, doc) { .open(.map(read($0))) }
    }

}

/// An object whose shape is known only at run time: the theme's UI strings, its assets,
/// its fragments, and the data of the specification's tests.
public struct TemplateRecord: TemplateObject {
    let shape: TemplateShape
    let values: [TemplateValue]
    public let text: String?

    init(shape: TemplateShape, values: [TemplateValue], text: String? = nil) {
        self.shape = shape
        self.values = values
        self.text = text
    }

    public func field(_ index: Int) -> TemplateValue {
        values[index]
    }
}
