/// Takes the metadata chunks out of a WebP file.
///
/// libvips 8.14's WebP saver ignores `strip`: with every field removed from the image it
/// still writes an EXIF chunk it builds itself (orientation, resolution, sizes), and with
/// the fields present it wrote GPS and Artist. The container is simple enough to clean
/// here: RIFF chunks, and a VP8X header whose flags say which optional chunks follow.
enum WebPMetadata {
    private static let removed: Set<String> = ["EXIF", "XMP ", "ICCP"]
    /// VP8X flag bits: ICC profile, EXIF, XMP.
    private static let metadataFlags: UInt8 = 0x20 | 0x08 | 0x04

    static func strip(_ bytes: [UInt8]) -> Result<[UInt8], ImageFailure> {
        let unexpected = ImageFailure(message: "the WebP encoder wrote a file thidua cannot read back")
        guard bytes.count >= 12, fourCC(bytes, 0) == "RIFF", fourCC(bytes, 8) == "WEBP" else {
            return .failure(unexpected)
        }
        var chunks: [[UInt8]] = []
        var offset = 12
        while offset < bytes.count {
            guard offset + 8 <= bytes.count else { return .failure(unexpected) }
            let size = Int(littleEndian32(bytes, offset + 4))
            let end = offset + 8 + size + (size & 1)
            guard end <= bytes.count || (end == bytes.count + 1 && size & 1 == 1) else { return .failure(unexpected) }
            let chunk = Array(bytes[offset..<min(end, bytes.count)])
            if !removed.contains(fourCC(bytes, offset)) { chunks.append(chunk) }
            offset = end
        }
        if let first = chunks.first, fourCC(first, 0) == "VP8X", first.count >= 9 {
            var header = first
            header[8] &= ~metadataFlags
            // With no flag left (no alpha, no animation) the simple format says the same.
            if header[8] == 0 && chunks.count == 2 { chunks.removeFirst() } else { chunks[0] = header }
        }
        let body = chunks.flatMap { $0 }
        let riffSize = UInt32(4 + body.count)
        var out = Array("RIFF".utf8)
        out += [UInt8(riffSize & 0xFF), UInt8(riffSize >> 8 & 0xFF), UInt8(riffSize >> 16 & 0xFF), UInt8(riffSize >> 24)]
        out += Array("WEBP".utf8)
        out += body
        return .success(out)
    }

    private static func fourCC(_ bytes: [UInt8], _ offset: Int) -> String {
        String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
    }

    private static func littleEndian32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
    }
}
