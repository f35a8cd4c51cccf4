/// A front matter value thidua has no field for, kept so that a theme can use it as
/// `page.params.<key>`.
public indirect enum Param: Hashable, Sendable {
    case string(String)
    case bool(Bool)
    case int(Int)
    case double(Double)
    case list([Param])
    case map([String: Param])
    case null

    /// The value in the shape swift-mustache walks: dictionaries, arrays and scalars.
    var templateValue: any Sendable {
        switch self {
        case .string(let value): return value
        case .bool(let value): return value
        case .int(let value): return value
        case .double(let value): return value
        case .list(let values): return values.map(\.templateValue)
        case .map(let values): return values.mapValues(\.templateValue)
        case .null: return false
        }
    }
}
