import CVipsShim
import Synchronization

/// Reads and writes images through libvips. Everything here is a pure function of its
/// arguments; the pipeline around it decides which files to make, names and caches them.
enum ImageCodec {
    /// Counts the sources `encode` decodes within one task and its child tasks, so a test
    /// shows that work was spared without timing anything, and without seeing the decodes of
    /// other tests running beside it.
    @TaskLocal static var decodes: DecodeCounter?

    final class DecodeCounter: Sendable {
        private let count = Atomic<Int>(0)

        init() {}

        var value: Int { count.load(ordering: .relaxed) }

        func add() { count.add(1, ordering: .relaxed) }
    }

    /// What the source is, from its header alone: no pixel is decoded, so this is cheap enough
    /// to check sizes (and refuse pixel bombs) before any real work.
    static func header(_ bytes: [UInt8]) -> Result<ImageHeader, ImageFailure> {
        if case .failure(let failure) = Vips.ready { return .failure(failure) }
        guard !bytes.isEmpty else { return .failure(ImageFailure(message: "the file is empty")) }
        return bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress, let opened = thidua_new_from_buffer(base, raw.count) else {
                return .failure(ImageFailure(message: "not an image libvips can read (\(Vips.takeError()))"))
            }
            let image = VipsImageRef(opened)
            // Orientations 5–8 turn the picture a quarter: what is shown is tall where the
            // stored pixels are wide.
            let swap = vips_image_get_orientation_swap(image.pointer) != 0
            return .success(ImageHeader(
                width: swap ? image.height : image.width,
                height: swap ? image.width : image.height,
                hasAlpha: image.hasAlpha,
                isVector: loader(of: image).hasPrefix("svgload")))
        }
    }

    /// Every (size, format) rendition of one source, sizes-major, formats-minor, each with all
    /// metadata removed.
    static func encode(
        _ bytes: [UInt8], _ job: EncodeJob, settings: EncoderSettings = .published
    ) -> Result<[EncodedImage], ImageFailure> {
        encode(bytes, [job], settings: settings).map { $0.first ?? [] }
    }

    /// The renditions of several jobs on one source, in the order of `jobs`. The source is
    /// decoded once, shrunk on load to the smallest size every job of `recipes` (all the
    /// source's jobs, of which `jobs` may be the ones a cache lacks) can be cut from, so the
    /// same job gives the same bytes whichever others are made with it. Each job is cut from
    /// that master in memory (an attention cut once, on its largest box, then scaled). A photo
    /// shown as a lead, a card and a sharing picture was decoded three times before: a third
    /// of the CPU time of a build of 40 phone photos.
    static func encode(
        _ bytes: consuming [UInt8], _ jobs: [EncodeJob], recipes: [EncodeJob]? = nil, settings: EncoderSettings = .published
    ) -> Result<[[EncodedImage]], ImageFailure> {
        guard !jobs.isEmpty else { return .success([]) }
        guard jobs.allSatisfy({ !$0.sizes.isEmpty && $0.sizes.allSatisfy { $0.width > 0 && $0.height > 0 } }) else {
            return .failure(ImageFailure(message: "a rendition size is missing or not positive"))
        }
        let source: ImageHeader
        switch header(bytes) {
        case .success(let header): source = header
        case .failure(let failure): return .failure(failure)
        }
        guard !source.isVector else {
            return .failure(ImageFailure(message: "an SVG is published as it is, not encoded"))
        }
        let width = min(source.width, (recipes ?? jobs).map { masterWidth(for: $0, source: source) }.max() ?? source.width)
        let decoded = bytes.withUnsafeBytes { raw -> Result<VipsImageRef, ImageFailure> in
            // The lazy images of the decoding read `raw`: all of them are gone by the end of
            // this closure, and the master holds its own pixels.
            guard let base = raw.baseAddress else {
                return .failure(ImageFailure(message: "the file is empty"))
            }
            return decode(base, raw.count, width: width)
        }
        // The file's bytes (up to 10 MB for a phone photo) are not held while encoding, which
        // is when a picture needs the most memory.
        bytes = []
        let master: VipsImageRef
        switch decoded {
        case .success(let image): master = image
        case .failure(let failure): return .failure(failure)
        }
        var all: [[EncodedImage]] = []
        for job in jobs {
            switch encode(job, from: master, settings) {
            case .success(let results): all.append(results)
            case .failure(let failure): return .failure(failure)
            }
        }
        return .success(all)
    }

    /// How wide the master must be for `job`: its largest width, or the width of the cover
    /// of its largest box for a cut.
    private static func masterWidth(for job: EncodeJob, source: ImageHeader) -> Int {
        guard let largest = job.sizes.first else { return 1 }
        if case .none = job.crop { return largest.width }
        return CropGeometry.cover(width: source.width, height: source.height, box: largest).width
    }

    private static func encode(_ job: EncodeJob, from master: VipsImageRef, _ settings: EncoderSettings)
        -> Result<[EncodedImage], ImageFailure> {
        var base = master
        if case .attention = job.crop, let largest = job.sizes.first {
            // The attention cut is found once, on the largest box; smaller sizes scale it.
            let cut = VipsImageRef.make("cropping failed") {
                thidua_thumbnail_image(master.pointer, $0, Int32(largest.width), Int32(largest.height),
                                       VIPS_INTERESTING_ATTENTION)
            }.flatMap { image -> Result<VipsImageRef, ImageFailure> in
                guard let memory = vips_image_copy_memory(image.pointer) else {
                    return .failure(ImageFailure(message: "cropping failed (\(Vips.takeError()))"))
                }
                return .success(VipsImageRef(memory))
            }
            switch cut {
            case .success(let image): base = image
            case .failure(let failure): return .failure(failure)
            }
        }
        var results: [EncodedImage] = []
        results.reserveCapacity(job.sizes.count * job.formats.count)
        for size in job.sizes {
            let rendition: VipsImageRef
            switch render(base, size, job.crop).flatMap(withoutMetadata) {
            case .success(let image): rendition = image
            case .failure(let failure): return .failure(failure)
            }
            let made = ImageSize(width: rendition.width, height: rendition.height)
            for format in job.formats {
                switch save(rendition, as: format, settings) {
                case .success(let bytes): results.append(EncodedImage(size: made, format: format, bytes: bytes))
                case .failure(let failure): return .failure(failure)
                }
            }
        }
        return .success(results)
    }

    /// The source at `width`, decoded into memory: shrink-on-load, upright, sRGB, 8 bits.
    private static func decode(_ base: UnsafeRawPointer, _ count: Int, width: Int) -> Result<VipsImageRef, ImageFailure> {
        decodes?.add()
        // `fail_on` truncated: by default libvips pads a cut-off file with grey rows and
        // reports success, and a half-grey photo would be published.
        let thumbnail = VipsImageRef.make(undecodable) {
            thidua_thumbnail_buffer(base, count, $0, Int32(width), VIPS_MAX_COORD, VIPS_INTERESTING_NONE,
                                    VIPS_FAIL_ON_TRUNCATED)
        }
        return thumbnail.flatMap(eightBitSRGB).flatMap { image in
            // The pixels are computed here, so a truncated or corrupt file fails here.
            guard let memory = vips_image_copy_memory(image.pointer) else {
                return .failure(ImageFailure(message: "\(undecodable) (\(Vips.takeError()))"))
            }
            return .success(VipsImageRef(memory))
        }
    }

    private static let undecodable = "the image could not be decoded; is the file damaged or cut short?"

    /// 16-bit and other unusual band formats become 8-bit sRGB, which every saver takes.
    private static func eightBitSRGB(_ image: VipsImageRef) -> Result<VipsImageRef, ImageFailure> {
        guard vips_image_get_format(image.pointer) != VIPS_FORMAT_UCHAR else { return .success(image) }
        return VipsImageRef.make("converting to sRGB failed") { thidua_colourspace_srgb(image.pointer, $0) }
    }

    /// One size cut from the in-memory master.
    private static func render(_ master: VipsImageRef, _ size: ImageSize, _ crop: CropMode) -> Result<VipsImageRef, ImageFailure> {
        switch crop {
        case .none:
            guard size.width < master.width else { return .success(master) }
            let scale = Double(size.width) / Double(master.width)
            return VipsImageRef.make("resizing failed") { thidua_resize(master.pointer, $0, scale, scale) }
        case .attention:
            if master.width == size.width && master.height == size.height { return .success(master) }
            return VipsImageRef.make("cropping failed") {
                thidua_thumbnail_image(master.pointer, $0, Int32(size.width), Int32(size.height),
                                       VIPS_INTERESTING_ATTENTION)
            }
        case .focus(let x, let y):
            let cover = CropGeometry.cover(width: master.width, height: master.height, box: size)
            let hscale = Double(cover.width) / Double(master.width)
            let vscale = Double(cover.height) / Double(master.height)
            let scaled: Result<VipsImageRef, ImageFailure>
            if hscale == 1 && vscale == 1 {
                scaled = .success(master)
            } else if max(hscale, vscale) > CropGeometry.roundingSlack {
                // Smaller than the box: never scaled up, the cut below takes what there is.
                scaled = .success(master)
            } else {
                scaled = VipsImageRef.make("resizing failed") { thidua_resize(master.pointer, $0, hscale, vscale) }
            }
            return scaled.flatMap { image in
                let area = CropGeometry.area(width: image.width, height: image.height, box: size, focusX: x, focusY: y)
                if area.left == 0 && area.top == 0 && area.width == image.width && area.height == image.height {
                    return .success(image)
                }
                return VipsImageRef.make("cropping failed") {
                    thidua_extract_area(image.pointer, $0, Int32(area.left), Int32(area.top),
                                        Int32(area.width), Int32(area.height))
                }
            }
        }
    }

    private static func loader(of image: VipsImageRef) -> String {
        // Asked first: a missing field would leave an error in libvips' shared buffer.
        guard vips_image_get_typeof(image.pointer, "vips-loader") != 0 else { return "" }
        var name: UnsafePointer<CChar>?
        guard vips_image_get_string(image.pointer, "vips-loader", &name) == 0, let name else {
            _ = Vips.takeError()
            return ""
        }
        // Owned by the image: not freed here.
        return String(cString: name)
    }
}
