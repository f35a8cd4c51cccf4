/// The formats thidua publishes photos in.
public enum ImageFormat: String, Sendable, Hashable, CaseIterable {
    case avif, webp, jpeg, png

    /// The `type` of a `<source>` element.
    public var mimeType: String { "image/\(rawValue)" }

    public var fileExtension: String { self == .jpeg ? "jpg" : rawValue }
}

/// What a source image is, read from its header without decoding its pixels.
struct ImageHeader: Sendable, Equatable {
    /// As shown: after the EXIF orientation is applied (a portrait shot sideways is tall).
    let width: Int
    let height: Int
    let hasAlpha: Bool
    /// SVG: published as it is, never rasterised.
    let isVector: Bool

    var pixels: Int { width * height }
}

/// How the renditions of one image are cut from it.
enum CropMode: Sendable, Hashable {
    /// The whole picture, scaled.
    case none
    /// libvips' attention crop, which keeps what draws the eye (faces, skin, strong colour).
    case attention
    /// A point the editor chose, as fractions of the width and height from the top left.
    case focus(x: Double, y: Double)
}

/// The pixel size of one rendition.
struct ImageSize: Sendable, Hashable {
    let width: Int
    let height: Int
}

/// Everything the codec needs to make the renditions of one source.
struct EncodeJob: Sendable, Hashable {
    /// Largest first. With `.none` each keeps the source's aspect; otherwise each is cut to
    /// exactly this size.
    let sizes: [ImageSize]
    let crop: CropMode
    let formats: [ImageFormat]
}

/// One encoded file, with no metadata left in it.
struct EncodedImage: Sendable {
    let size: ImageSize
    let format: ImageFormat
    let bytes: [UInt8]
}

/// Why an image could not be read or encoded, in words an editor can act on.
struct ImageFailure: Error, Sendable, Equatable {
    let message: String
}
