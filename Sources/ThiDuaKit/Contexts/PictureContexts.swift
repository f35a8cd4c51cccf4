/// What templates get to write a picture with: the data of each size and format, never the
/// markup, which is the theme's (`picture.mustache`).
struct PictureContext: TemplateContext {
    var alt: String
    var eager: Bool
    var lazy: Bool
    var src: String?
    var width: Int?
    var height: Int?
    var srcset: String?
    var avif: String?
    var webp: String?
    var tooltip: String?

    init(alt: String, eager: Bool, lazy: Bool) {
        self.alt = alt
        self.eager = eager
        self.lazy = lazy
    }

    static let fields = TemplateFields<Self>("Picture", "A processed picture, for `picture.mustache`.", [
        .text("alt", "Its description: `imageAlt:`, the Markdown alt text, or a person's name.") { $0.alt },
        .flag("eager", "The page's lead picture, fetched first (`fetchpriority=\"high\"`).") { $0.eager },
        .flag("lazy", "May wait until it is scrolled to (`loading=\"lazy\"`).") { $0.lazy },
        .optionalText("src", "The fallback file for browsers that take neither AVIF nor WebP.") { $0.src },
        .flag("sized", "`width` and `height` are known.") { $0.width.map { $0 > 0 } ?? false },
        .number("width", "The fallback file's width in pixels (0 when not `sized`).") { $0.width ?? 0 },
        .number("height", "Its height in pixels (0 when not `sized`).") { $0.height ?? 0 },
        .optionalText("srcset", "Every size of the fallback format, for `srcset`; absent with one size.") { $0.srcset },
        .optionalText("avif", "Every AVIF size, for a `<source type=\"image/avif\">`.") { $0.avif },
        .optionalText("webp", "Every WebP size.") { $0.webp },
        .optionalText("tooltip", "A Markdown picture's title.") { $0.tooltip },
    ])
}

/// `og:image` with its size.
struct SocialImageContext: TemplateContext {
    let url: String
    let size: (width: Int, height: Int, type: String)?

    static let fields = TemplateFields<Self>("SocialImage", "The picture a page is shared with (1200×630).", [
        .text("url", "Its absolute URL.") { $0.url },
        .flag("sized", "`width`, `height` and `type` are known (not for an SVG or a picture on another site).") { $0.size != nil },
        .number("width", "Its width in pixels.") { $0.size?.width ?? 0 },
        .number("height", "Its height in pixels.") { $0.size?.height ?? 0 },
        .text("type", "Its MIME type.") { $0.size?.type ?? "" },
    ])
}

/// The initials avatar of a person without a photo, drawn by the theme as inline SVG.
struct AvatarContext: TemplateContext {
    let initial: String
    let colour: String
    let label: String

    static let fields = TemplateFields<Self>("Avatar", "A person without a photo, drawn as an initial.", [
        .text("initial", "The first letter of the given name, without its tone mark (`Ư`).") { $0.initial },
        .text("colour", "A colour from the name, dark enough for white text.") { $0.colour },
        .text("label", "The full name, for screen readers.") { $0.label },
    ])
}
