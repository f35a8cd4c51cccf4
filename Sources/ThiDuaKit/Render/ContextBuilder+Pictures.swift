/// What templates get to write a picture with: the data of each size and format, never the
/// markup, which is the theme's (`picture.mustache`).
extension ContextBuilder {
    /// `src`, `width` and `height` of the fallback file a browser shows when it takes neither
    /// AVIF nor WebP (`sized` when its size is known); `srcset`, `avif` and `webp` list every
    /// size of each format; `alt`; `tooltip`, a Markdown picture's title;
    /// `eager` for the page's lead picture, which is fetched first; `lazy` for pictures that
    /// may wait until they are scrolled to (all but the lead and the header's logo).
    func picture(_ key: ImageKey?, written: String, alt: String, eager: Bool, lazy: Bool = true) -> PictureContext {
        Self.picture(key, in: images, written: written, alt: alt, eager: eager, lazy: lazy)
    }

    /// Static, for the values made before the builder is whole (the site's logo).
    static func picture(_ key: ImageKey?, in images: ImageSet, written: String, alt: String, eager: Bool,
                        lazy: Bool = true) -> PictureContext {
        var context = PictureContext(alt: alt, eager: eager, lazy: lazy && !eager)
        guard let key, let image = images[key] else {
            // A picture on another site: linked as written, since its size is not known here.
            context.src = written
            return context
        }
        let fallback = image.renditions.filter { $0.format == .jpeg || $0.format == .png }
        // The fallback's own size is the one closest to a phone's screen at 2×.
        guard let shown = fallback.min(by: { abs($0.width - 960) < abs($1.width - 960) }) ?? image.renditions.first else {
            return context
        }
        context.src = shown.url
        context.width = shown.width
        context.height = shown.height
        if fallback.count > 1 { context.srcset = srcset(fallback) }
        let avif = image.renditions.filter { $0.format == .avif }
        if !avif.isEmpty { context.avif = srcset(avif) }
        let webp = image.renditions.filter { $0.format == .webp }
        if !webp.isEmpty { context.webp = srcset(webp) }
        return context
    }

    /// A picture named in front matter, in the role the page shows it in.
    func picture(_ picture: Picture?, role: ImageRole, alt: String, eager: Bool = false, lazy: Bool = true) -> PictureContext? {
        guard let picture else { return nil }
        return self.picture(Self.imageKey(picture, role: role), written: picture.file, alt: alt, eager: eager, lazy: lazy)
    }

    static func imageKey(_ picture: Picture, role: ImageRole) -> ImageKey? {
        MediaPath.fromFrontMatter(picture.file).map {
            ImageKey(source: $0, role: role, crop: role.crop(focus: picture.focus))
        }
    }

    /// `og:image` with its size: the page's own picture cut to 1200×630, else the site's.
    func socialImage(_ picture: Picture?) -> SocialImageContext? {
        let site = self.site.config.image.map { Picture(file: $0, alt: nil, focus: nil) }
        guard let chosen = picture ?? site else { return nil }
        guard let key = Self.imageKey(chosen, role: .social), let image = images[key], let file = image.renditions.first else {
            return SocialImageContext(url: chosen.file.contains("://") ? chosen.file : absolute(chosen.file), size: nil)
        }
        // An SVG is linked as it is, without a size or type to claim.
        guard !image.isVector else { return SocialImageContext(url: absolute(file.url), size: nil) }
        return SocialImageContext(url: absolute(file.url), size: (file.width, file.height, file.format.mimeType))
    }

    /// The initials avatar of a person without a photo, drawn by the theme as inline SVG.
    func avatar(_ person: Person) -> AvatarContext {
        let name = person.entry.title
        return AvatarContext(initial: Avatar.initial(of: name, individual: person.kind == .individual),
                             colour: Avatar.colour(for: name), label: name)
    }

    private static func srcset(_ renditions: [ProcessedImage.Rendition]) -> String {
        renditions.reversed().map { "\($0.url) \($0.width)w" }.joined(separator: ", ")
    }
}
