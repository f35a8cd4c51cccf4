/// A file as read from disk, named by its path relative to the site folder so that
/// messages point where the editor looks (`content/stories/tet.md`).
public struct SourceFile: Sendable {
    public let path: String
    public let bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }
}

/// A media file, published as it is: only its paths are kept, the bytes are copied by the
/// Write stage.
public struct StaticFile: Sendable, Hashable {
    public let sourcePath: String
    public let outputPath: String
}

/// Everything under `content/`.
public struct ContentSource: Sendable {
    public var siteConfig: SourceFile?
    public var timeline: SourceFile?
    public var movements: SourceFile?
    /// The Markdown files, by path from the site folder. Each is read by the task that parses
    /// it, so the bytes of the whole site are never held at once (450 MB at 100,000 stories,
    /// which also made every allocation of the parse slower).
    public var documents: [String]
    public var media: [StaticFile]
    /// What the build tells the editor without stopping: files no collection reads.
    public var warnings: [Diagnostic] = []

    public init(siteConfig: SourceFile? = nil, timeline: SourceFile? = nil, movements: SourceFile? = nil,
                documents: [String] = [], media: [StaticFile] = []) {
        self.siteConfig = siteConfig
        self.timeline = timeline
        self.movements = movements
        self.documents = documents
        self.media = media
    }
}

/// A file of the theme's `assets/`, published under its own name and under a name that
/// holds a hash of its bytes (`AssetFingerprint`), the one the default theme links. Its bytes
/// are kept from Load to Write, so that the bytes published under the hashed name are the
/// bytes hashed, even when the file is saved again during the build.
public struct ThemeAsset: Sendable, Hashable {
    /// `assets/style.css`.
    public let path: String
    /// `assets/style.6f28cf6ed6.css`.
    public let fingerprintedPath: String
    public let bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.fingerprintedPath = AssetFingerprint.path(path, bytes: bytes)
        self.bytes = bytes
    }

    public var paths: [String] { [path, fingerprintedPath] }
}

/// Everything of a theme: templates, UI strings per language, and assets.
public struct ThemeSource: Sendable {
    public var templates: [SourceFile]
    public var strings: [SourceFile]
    public var assets: [ThemeAsset]
}
