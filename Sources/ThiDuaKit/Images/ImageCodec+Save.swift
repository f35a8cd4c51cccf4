import CVipsShim

extension ImageCodec {
    // Placeholder settings until measured.
    static let avifQuality: Int32 = 50
    static let avifEffort: Int32 = 2
    static let webpQuality: Int32 = 75
    static let webpEffort: Int32 = 4
    static let jpegQuality: Int32 = 80
    static let pngCompression: Int32 = 6

    /// A copy of the image with every metadata field removed. Savers' `strip` is not enough:
    /// libvips 8.14's WebP saver keeps GPS and Artist even with it, and a reporter's location
    /// must never leave the newsroom.
    static func withoutMetadata(_ image: VipsImageRef) -> Result<VipsImageRef, ImageFailure> {
        VipsImageRef.make("copying the image") { thidua_copy(image.pointer, $0) }.map { copy in
            if let fields = vips_image_get_fields(copy.pointer) {
                var index = 0
                while let field = fields[index] {
                    // Width, bands and the like are not in the metadata table: removing them
                    // is a no-op, so every listed name can be passed.
                    vips_image_remove(copy.pointer, field)
                    index += 1
                }
                g_strfreev(fields)
            }
            return copy
        }
    }

    static func save(_ image: VipsImageRef, as format: ImageFormat) -> Result<[UInt8], ImageFailure> {
        switch format {
        case .avif:
            return image.save("saving AVIF") { thidua_avifsave($0, $1, $2, avifQuality, avifEffort) }
        case .webp:
            return image.save("saving WebP") { thidua_webpsave($0, $1, $2, webpQuality, webpEffort) }
        case .png:
            return image.save("saving PNG") { thidua_pngsave($0, $1, $2, pngCompression) }
        case .jpeg:
            guard image.hasAlpha else {
                return image.save("saving JPEG") { thidua_jpegsave($0, $1, $2, jpegQuality) }
            }
            // JPEG has no transparency: dropping the alpha band would show whatever colour
            // the transparent pixels hold (often black), so compose them over white.
            return VipsImageRef.make("flattening transparency") { thidua_flatten_white(image.pointer, $0) }
                .flatMap { flat in flat.save("saving JPEG") { thidua_jpegsave($0, $1, $2, jpegQuality) } }
        }
    }
}
