import Foundation
import Testing
@testable import ThiDuaKit

/// The libvips codec against real files of every kind an editor may drop into a story.
@Suite struct ImageCodecTests {
    /// Every source format, with the size it is shown at.
    static let sources: [(name: String, width: Int, height: Int)] = [
        ("photo.jpg", 400, 300), ("tagged.jpg", 400, 300), ("rotated.jpg", 300, 400),
        ("cmyk.jpg", 400, 300), ("cmyk-bare.jpg", 400, 300), ("alpha.png", 400, 300),
        ("photo.webp", 400, 300), ("photo.gif", 400, 300), ("photo.tif", 400, 300),
        ("photo.heic", 400, 300), ("photo.avif", 400, 300),
    ]

    /// Sources exiftool wrote GPS, Artist, Make and XMP into (directly or through a copy).
    static let tagged = ["tagged.jpg", "alpha.png", "photo.webp", "photo.tif", "photo.heic", "photo.avif"]

    @Test(arguments: sources)
    func theHeaderGivesTheSizeAsShown(_ source: (name: String, width: Int, height: Int)) throws {
        let header = try ImageCodec.header(ImageFixtures.get().bytes(source.name)).get()
        #expect(header.width == source.width)
        #expect(header.height == source.height)
        #expect(header.hasAlpha == (source.name == "alpha.png"))
        #expect(!header.isVector)
    }

    @Test(arguments: sources)
    func everySourceGivesEverySizeInEveryFormatInOrder(_ source: (name: String, width: Int, height: Int)) throws {
        let job = EncodeJob(sizes: [ImageSize(width: 200, height: 150), ImageSize(width: 100, height: 75)],
                            crop: .none, formats: ImageFormat.allCases)
        let images = try ImageCodec.encode(ImageFixtures.get().bytes(source.name), job).get()
        #expect(images.map(\.format) == ImageFormat.allCases + ImageFormat.allCases)
        #expect(images.map(\.size.width) == [200, 200, 200, 200, 100, 100, 100, 100])
        for image in images {
            let expectedHeight = Int((Double(image.size.width) * Double(source.height) / Double(source.width)).rounded())
            #expect(abs(image.size.height - expectedHeight) <= 1, "\(image.size) keeps the aspect of \(source.width)×\(source.height)")
            #expect(Self.format(of: image.bytes) == image.format)
            let written = try ImageCodec.header(image.bytes).get()
            #expect(written.width == image.size.width && written.height == image.size.height,
                    "\(source.name) → \(image.format): the file is \(written.width)×\(written.height), reported \(image.size)")
        }
    }

    /// The real check: what a published file holds, read by a tool that did not write it.
    /// libvips 8.14's WebP saver keeps GPS and Artist even with `strip`.
    @Test(arguments: sources.map(\.name))
    func noPrivateMetadataSurvivesInAnyFormat(_ name: String) throws {
        let fixtures = try ImageFixtures.get()
        if Self.tagged.contains(name) {
            let input = try Self.exiftool([fixtures.url(name)], in: fixtures).flatMap(\.keys)
            #expect(input.contains { $0.hasSuffix(":GPSLatitude") }, "the fixture \(name) must carry GPS to prove anything")
            #expect(input.contains { $0.hasSuffix(":Artist") })
        }
        let job = EncodeJob(sizes: [ImageSize(width: 200, height: 150), ImageSize(width: 120, height: 90)],
                            crop: .none, formats: ImageFormat.allCases)
        let images = try ImageCodec.encode(fixtures.bytes(name), job).get()
        let files = try Self.write(images, named: name, in: fixtures)
        let reports = try Self.exiftool(files, in: fixtures)
        #expect(reports.count == ImageFormat.allCases.count * 2)
        for report in reports {
            let file = report["SourceFile"] as? String ?? "?"
            let leaked = report.keys.filter(Self.isPrivate).sorted()
            #expect(leaked.isEmpty, "\(file) still holds \(leaked)")
        }
    }

    @Test func anEXIFRotatedPhotoComesOutUpright() throws {
        let bytes = try ImageFixtures.get().bytes("rotated.jpg")
        let images = try ImageCodec.encode(bytes, EncodeJob(sizes: [ImageSize(width: 300, height: 400)],
                                                            crop: .none, formats: [.jpeg, .webp])).get()
        #expect(images.map(\.size) == [ImageSize(width: 300, height: 400), ImageSize(width: 300, height: 400)])
        for image in images {
            let header = try ImageCodec.header(image.bytes).get()
            #expect(header.width == 300 && header.height == 400, "no orientation tag is left to turn it again")
        }
    }

    @Test func transparencyIsKeptWhereTheFormatHasIt() throws {
        let bytes = try ImageFixtures.get().bytes("alpha.png")
        let images = try ImageCodec.encode(bytes, EncodeJob(sizes: [ImageSize(width: 200, height: 150)],
                                                            crop: .none, formats: ImageFormat.allCases)).get()
        for image in images {
            #expect(try ImageCodec.header(image.bytes).get().hasAlpha == (image.format != .jpeg), "\(image.format)")
        }
    }

    /// CMYK print files, with and without their profile, come out as the same sRGB colours
    /// as the photo they were made from (a naive conversion is far off).
    @Test(arguments: ["cmyk.jpg", "cmyk-bare.jpg"])
    func cmykBecomesSRGB(_ name: String) throws {
        let fixtures = try ImageFixtures.get()
        #expect(try Self.vipsheader("bands", fixtures.url(name), in: fixtures) == "4")
        let job = EncodeJob(sizes: [ImageSize(width: 200, height: 150)], crop: .none, formats: [.png])
        let cmyk = try Self.write(ImageCodec.encode(fixtures.bytes(name), job).get(), named: name, in: fixtures)
        let rgb = try Self.write(ImageCodec.encode(fixtures.bytes("photo.jpg"), job).get(), named: "photo-\(name)", in: fixtures)
        #expect(try Self.vipsheader("bands", cmyk[0], in: fixtures) == "3")
        let difference = try Self.mean(cmyk[0], in: fixtures) - Self.mean(rgb[0], in: fixtures)
        #expect(abs(difference) < 8, "mean level differs by \(difference)")
    }

    @Test func anAttentionCropHasExactlyTheSizesAsked() throws {
        let sizes = [ImageSize(width: 240, height: 240), ImageSize(width: 90, height: 160)]
        for name in ["photo.jpg", "rotated.jpg"] {
            let images = try ImageCodec.encode(ImageFixtures.get().bytes(name),
                                               EncodeJob(sizes: sizes, crop: .attention, formats: [.webp])).get()
            #expect(images.map(\.size) == sizes, "\(name)")
            for image in images {
                let header = try ImageCodec.header(image.bytes).get()
                #expect(ImageSize(width: header.width, height: header.height) == image.size)
            }
        }
    }

    @Test func aFocusCropHasExactlyTheSizesAsked() throws {
        // Odd sizes and aspects, where rounding would show; all fit the 300 px side of rotated.jpg.
        let sizes = [ImageSize(width: 299, height: 111), ImageSize(width: 97, height: 89), ImageSize(width: 40, height: 90)]
        for name in ["photo.jpg", "rotated.jpg", "photo.heic"] {
            let images = try ImageCodec.encode(ImageFixtures.get().bytes(name),
                                               EncodeJob(sizes: sizes, crop: .focus(x: 0.3, y: 0.7), formats: [.jpeg])).get()
            #expect(images.map(\.size) == sizes, "\(name)")
            for image in images {
                let header = try ImageCodec.header(image.bytes).get()
                #expect(ImageSize(width: header.width, height: header.height) == image.size)
            }
        }
    }

    /// `halves.png` is white on the left, black on the right.
    @Test(arguments: [(0.1, true), (0.0, true), (0.9, false), (1.0, false)])
    func aFocusCropIsCutAroundThePoint(_ x: Double, _ white: Bool) throws {
        let fixtures = try ImageFixtures.get()
        let sizes = [ImageSize(width: 100, height: 300), ImageSize(width: 50, height: 150)]
        let images = try ImageCodec.encode(fixtures.bytes("halves.png"),
                                           EncodeJob(sizes: sizes, crop: .focus(x: x, y: 0.5), formats: [.png])).get()
        #expect(images.map(\.size) == sizes)
        for file in try Self.write(images, named: "halves-\(x)", in: fixtures) {
            let mean = try Self.mean(file, in: fixtures)
            #expect(white ? mean > 250 : mean < 5, "focus x \(x): mean \(mean)")
        }
    }

    @Test func theCutAroundAFocusPointStaysInsideTheImage() {
        #expect(CropGeometry.cover(width: 400, height: 300, box: ImageSize(width: 100, height: 300)) == ImageSize(width: 400, height: 300))
        #expect(CropGeometry.cover(width: 4000, height: 3000, box: ImageSize(width: 300, height: 300)) == ImageSize(width: 400, height: 300))
        let box = ImageSize(width: 100, height: 100)
        #expect(CropGeometry.area(width: 400, height: 300, box: box, focusX: 0, focusY: 0) == (0, 0, 100, 100))
        #expect(CropGeometry.area(width: 400, height: 300, box: box, focusX: 1, focusY: 1) == (300, 200, 100, 100))
        #expect(CropGeometry.area(width: 400, height: 300, box: box, focusX: 0.5, focusY: 0.5) == (150, 100, 100, 100))
        #expect(CropGeometry.area(width: 400, height: 300, box: box, focusX: .nan, focusY: 7) == (150, 200, 100, 100))
        #expect(CropGeometry.area(width: 80, height: 60, box: box, focusX: 0.5, focusY: 0.5) == (0, 0, 80, 60))
    }

    @Test func anAnimatedGIFGivesItsFirstFrame() throws {
        let fixtures = try ImageFixtures.get()
        let bytes = try fixtures.bytes("animated.gif")
        let header = try ImageCodec.header(bytes).get()
        #expect(header.width == 400 && header.height == 300)
        let images = try ImageCodec.encode(bytes, EncodeJob(sizes: [ImageSize(width: 200, height: 150)],
                                                            crop: .none, formats: [.png])).get()
        #expect(images.map(\.size) == [ImageSize(width: 200, height: 150)])
        let file = try Self.write(images, named: "animated", in: fixtures)[0]
        #expect(try Self.mean(file, in: fixtures) > 250, "the first frame is the white one")
    }

    @Test func anSVGIsMeasuredNotRasterised() throws {
        let bytes = try ImageFixtures.get().bytes("logo.svg")
        let header = try ImageCodec.header(bytes).get()
        #expect(header == ImageHeader(width: 640, height: 480, hasAlpha: true, isVector: true))
        let counter = ImageCodec.DecodeCounter()
        let result = ImageCodec.$decodes.withValue(counter) {
            ImageCodec.encode(bytes, EncodeJob(sizes: [ImageSize(width: 100, height: 75)], crop: .none, formats: [.png]))
        }
        #expect(result.failure?.message.contains("SVG") == true)
        #expect(counter.value == 0)
    }

    @Test func aTextFileNamedJPGFailsAtTheHeader() throws {
        let bytes = try ImageFixtures.get().bytes("note.jpg")
        let failure = ImageCodec.header(bytes).failure
        #expect(failure?.message.hasPrefix("not an image libvips can read (") == true, "\(String(describing: failure))")
        #expect(failure?.message.contains("\n") == false)
        let counter = ImageCodec.DecodeCounter()
        ImageCodec.$decodes.withValue(counter) {
            #expect(ImageCodec.encode(bytes, EncodeJob(sizes: [ImageSize(width: 10, height: 10)], crop: .none, formats: [.jpeg])).failure != nil)
        }
        #expect(counter.value == 0)
        #expect(ImageCodec.header([]).failure?.message == "the file is empty")
    }

    /// By default libvips fills a cut-off JPEG with grey and calls it a success; and libvips
    /// 8.14's `vips_thumbnail_buffer` does not pass its `fail_on` on to the loader, so this
    /// passed until the shim gave it in the loader's option string too.
    @Test(arguments: [CropMode.none, .attention, .focus(x: 0.5, y: 0.5)])
    func aTruncatedJPEGFailsToEncode(_ crop: CropMode) throws {
        let bytes = try ImageFixtures.get().bytes("truncated.jpg")
        let header = try ImageCodec.header(bytes).get()
        #expect(header.width == 1200 && header.height == 900, "the header is whole; only pixels are missing")
        let job = EncodeJob(sizes: [ImageSize(width: 300, height: 200), ImageSize(width: 100, height: 100)],
                            crop: crop, formats: ImageFormat.allCases)
        let failure = ImageCodec.encode(bytes, job).failure
        #expect(failure?.message.hasPrefix("the image could not be decoded; is the file damaged or cut short? (") == true,
                "\(String(describing: failure))")
        #expect(failure?.message.contains("\n") == false)
        // libvips keeps one error buffer for the whole process: another test failing on another
        // thread at the same moment can take these words with its own. The words must come
        // through in one of a few tries; code that dropped them would fail every one.
        let words = (0..<5).contains { _ in ImageCodec.encode(bytes, job).failure?.message.contains("Premature end") == true }
        #expect(words, "libvips' own words are kept")
    }

    /// libvips reports the damaged tiles as GLib warnings: they are counted, not printed.
    @Test func libvipsWarningsGoToTheCounterNotTheTerminal() throws {
        let bytes = try ImageFixtures.get().bytes("truncated.jpg")
        let before = Vips.warnings
        let job = EncodeJob(sizes: [ImageSize(width: 300, height: 200)], crop: .none, formats: [.jpeg])
        #expect(ImageCodec.encode(bytes, job).failure != nil)
        #expect(Vips.warnings > before)
    }

    @Test func eachEncodeDecodesTheSourceOnceWhateverTheSizesAndFormats() throws {
        let bytes = try ImageFixtures.get().bytes("photo.jpg")
        let job = EncodeJob(sizes: [ImageSize(width: 300, height: 200), ImageSize(width: 200, height: 100), ImageSize(width: 100, height: 50)],
                            crop: .attention, formats: ImageFormat.allCases)
        let counter = ImageCodec.DecodeCounter()
        try ImageCodec.$decodes.withValue(counter) {
            #expect(try ImageCodec.encode(bytes, job).get().count == 12)
            #expect(counter.value == 1)
            _ = try ImageCodec.header(bytes).get()
            #expect(counter.value == 1, "reading a header decodes no pixels")
            _ = try ImageCodec.encode(bytes, EncodeJob(sizes: [ImageSize(width: 50, height: 50)], crop: .none, formats: [.jpeg])).get()
            #expect(counter.value == 2)
            // A lead, a card and a sharing cut of one photo: one decoding for the three.
            let jobs = [
                EncodeJob(sizes: [ImageSize(width: 400, height: 300), ImageSize(width: 200, height: 150)], crop: .none, formats: [.avif, .jpeg]),
                EncodeJob(sizes: [ImageSize(width: 240, height: 180)], crop: .attention, formats: [.webp]),
                EncodeJob(sizes: [ImageSize(width: 400, height: 210)], crop: .focus(x: 0.5, y: 0), formats: [.jpeg]),
            ]
            let made = try ImageCodec.encode(bytes, jobs).get()
            #expect(made.map { $0.map(\.size) } == [
                [ImageSize(width: 400, height: 300), ImageSize(width: 400, height: 300), ImageSize(width: 200, height: 150), ImageSize(width: 200, height: 150)],
                [ImageSize(width: 240, height: 180)],
                [ImageSize(width: 400, height: 210)],
            ])
            #expect(made.map { $0.map(\.format) } == [[.avif, .jpeg, .avif, .jpeg], [.webp], [.jpeg]])
            #expect(counter.value == 3)
        }
    }
}

// MARK: - Helpers

extension ImageCodecTests {
    static func format(of bytes: [UInt8]) -> ImageFormat? {
        let head = Array(bytes.prefix(12))
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return .png }
        if head.starts(with: Array("RIFF".utf8)) && head.count == 12 && Array(head[8..<12]) == Array("WEBP".utf8) { return .webp }
        if head.count == 12 && Array(head[4..<12]) == Array("ftypavif".utf8) { return .avif }
        return nil
    }

    /// What the brief for published photos forbids: where, who and with what it was taken.
    static func isPrivate(_ key: String) -> Bool {
        let parts = key.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return false }
        let (group, tag) = (parts[0], parts[1])
        if group.hasPrefix("XMP") || group.hasPrefix("IPTC") || group == "ICC_Profile" { return true }
        return tag.hasPrefix("GPS") || ["Artist", "Make", "Model", "Orientation", "Creator", "By-line"].contains(tag)
    }

    static func write(_ images: [EncodedImage], named name: String, in fixtures: ImageFixtures) throws -> [URL] {
        let folder = fixtures.folder.appendingPathComponent("out-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return try images.map { image in
            let file = folder.appendingPathComponent("\(image.size.width)x\(image.size.height).\(image.format.fileExtension)")
            try Data(image.bytes).write(to: file)
            return file
        }
    }

    static func exiftool(_ files: [URL], in fixtures: ImageFixtures) throws -> [[String: Any]] {
        let json = try fixtures.run("exiftool", ["-j", "-G"] + files.map(\.path))
        guard let reports = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]] else {
            throw ToolFailure(description: "exiftool gave no JSON array: \(json.prefix(200))")
        }
        return reports
    }

    static func vipsheader(_ field: String, _ file: URL, in fixtures: ImageFixtures) throws -> String {
        try fixtures.run("vipsheader", ["-f", field, file.path]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func mean(_ file: URL, in fixtures: ImageFixtures) throws -> Double {
        let text = try fixtures.run("vips", ["avg", file.path]).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let value = Double(text) else { throw ToolFailure(description: "vips avg gave '\(text)'") }
        return value
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let failure) = self { return failure }
        return nil
    }
}
