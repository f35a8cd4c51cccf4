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
}
