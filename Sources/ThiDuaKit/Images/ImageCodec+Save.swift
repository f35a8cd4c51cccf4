import CVipsShim

/// Quality and effort of each saver.
struct EncoderSettings: Sendable, Hashable {
    var avifQuality: Int32
    var avifEffort: Int32
    var webpQuality: Int32
    var webpEffort: Int32
    var jpegQuality: Int32
    var pngCompression: Int32

    // Measured with `ImageCodec.encode` (one format per call, best of 5, 2 cores under a
    // load of ~7 from another build) on a made-up 4000×3000 phone-like photo (fractal
    // textures, sensor-like noise and a line of text; 3.26 MB as JPEG Q92) at 1600 px wide.
    // Decoding and shrinking alone cost ~0.23 s (JPEG at Q1). PSNR against the unencoded
    // 1600 px rendition in brackets.
    //   AVIF Q45 e0  27.6 KB        33.27 dB
    //   AVIF Q50 e0  35.1 KB 0.25 s 33.57 dB  <- chosen
    //   AVIF Q50 e1  35.5 KB 0.35 s 33.65 dB
    //   AVIF Q50 e2  38.6 KB ~0.9 s 33.54 dB
    //   AVIF Q50 e4  36.3 KB 2.0 s  33.74 dB  (8× the time for 0.2 dB)
    //   AVIF Q55 e0  48.7 KB 0.37 s 33.90 dB
    //   AVIF Q60 e1  63.1 KB 0.29 s 34.15 dB
    //   WebP Q75 e2  91.2 KB 0.26 s 33.69 dB
    //   WebP Q75 e4  81.1 KB 0.38 s 33.81 dB  <- chosen: 11% smaller for ~0.1 s
    //   WebP Q80 e4 103.2 KB 0.39 s 34.09 dB
    //   JPEG Q75    176.3 KB 0.31 s 34.32 dB
    //   JPEG Q80    206.9 KB 0.26 s 34.46 dB  <- chosen
    //   JPEG Q85    249.1 KB 0.24 s 34.59 dB  (at the 250 KB budget)
    //   PNG  c3    3862 KB   0.49 s; c6 4185 KB 0.58 s
    // AVIF Q50 matches WebP Q75 and comes near JPEG Q80 at a sixth of its bytes; a real
    // photo with more detail than this one has room to grow 5× before the 250 KB budget.
    // Effort 0 is the fastest and was no larger; higher efforts buy a fraction of a dB.
    // PNG is only chosen for sources with transparency (logos, graphics, not photos), so it
    // keeps libvips' default level 6 rather than the level that won on photo noise.
    static let published = EncoderSettings(
        avifQuality: 50, avifEffort: 0, webpQuality: 75, webpEffort: 4, jpegQuality: 80, pngCompression: 6)
}

extension ImageCodec {
    /// A copy of the image with every metadata field removed. Savers' `strip` is not enough:
    /// libvips 8.14's WebP saver keeps GPS and Artist even with it, and a reporter's location
    /// must never leave the newsroom. (What the WebP saver still adds is cut out of its file
    /// by `WebPMetadata`.)
    static func withoutMetadata(_ image: VipsImageRef) -> Result<VipsImageRef, ImageFailure> {
        VipsImageRef.make("copying the image failed") { thidua_copy(image.pointer, $0) }.map { copy in
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

    static func save(_ image: VipsImageRef, as format: ImageFormat, _ settings: EncoderSettings) -> Result<[UInt8], ImageFailure> {
        switch format {
        case .avif:
            return image.save("saving AVIF") { thidua_avifsave($0, $1, $2, settings.avifQuality, settings.avifEffort) }
        case .webp:
            return image.save("saving WebP") { thidua_webpsave($0, $1, $2, settings.webpQuality, settings.webpEffort) }
                .flatMap(WebPMetadata.strip)
        case .png:
            return image.save("saving PNG") { thidua_pngsave($0, $1, $2, settings.pngCompression) }
        case .jpeg:
            guard image.hasAlpha else {
                return image.save("saving JPEG") { thidua_jpegsave($0, $1, $2, settings.jpegQuality) }
            }
            // JPEG has no transparency: dropping the alpha band would show whatever colour
            // the transparent pixels hold (often black), so compose them over white.
            return VipsImageRef.make("flattening transparency failed") { thidua_flatten_white(image.pointer, $0) }
                .flatMap { flat in flat.save("saving JPEG") { thidua_jpegsave($0, $1, $2, settings.jpegQuality) } }
        }
    }
}
