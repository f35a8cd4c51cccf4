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
    /// A picture for the header; without one the theme shows its own.
    public let logo: String?
    public let images: Images
    public let limits: Limits
    /// Where `image` and `logo` sit in `site.yml`, for messages about the files they name.
    let positions: [String: SourcePosition]
    public let params: [String: Param]

    /// `images:` of `site.yml`.
    public struct Images: Sendable {
        /// Where processed pictures are kept between builds, from the site folder. Outside
        /// `public/`, so a build that replaces the site keeps them.
        public static let defaultCache = ".thidua-cache"

        public let cache: String
        /// Publish each photo as the editor added it too; off, because a phone's file carries
        /// the place it was taken and the owner's name.
        public let originals: Bool
    }

    /// `limits:` of `site.yml`, in megabytes there: the largest file a build reads. A 220 MB
    /// Markdown file took a build 2.5 GB and was published; a mistaken copy should stop it.
    public struct Limits: Sendable {
        public static let defaultText = 8 * 1_000_000
        public static let defaultMedia = 200 * 1_000_000

        /// Markdown and YAML.
        public let text: Int
        /// Files of `content/media/`.
        public let media: Int

        public init(text: Int = defaultText, media: Int = defaultMedia) {
            self.text = text
            self.media = media
        }
    }

    public func position(of key: String) -> SourcePosition {
        positions[key] ?? .start
    }
}
