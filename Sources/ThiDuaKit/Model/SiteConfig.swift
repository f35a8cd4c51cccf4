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

    /// What a feed entry carries: the whole article or its summary.
    public enum FeedContent: String, Sendable { case full, summary }
    /// Entries in each feed, newest first.
    public let feedLimit: Int
    public let feedContent: FeedContent
    /// The picture shared with a link when a page has none of its own.
    public let image: String?
    public let params: [String: Param]
}
