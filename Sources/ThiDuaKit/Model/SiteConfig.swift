/// `content/site.yml`.
public struct SiteConfig: Sendable {
    public struct MenuItem: Sendable, Hashable {
        public let title: String
        public let url: String
        public let weight: Int
    }

    public let title: String
    public let baseURL: String
    public let description: String?
    public let language: String
    public let organisation: String?
    public let menu: [MenuItem]
    /// Per collection, a URL pattern with `:slug` (and `:year` for dated items).
    public let permalinks: [ContentKind: String]
    public let paginate: Int
    public let params: [String: Param]
}
