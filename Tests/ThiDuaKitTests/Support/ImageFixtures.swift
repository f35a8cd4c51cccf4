import Foundation
import Testing

/// Source images made at test time with the tools `make deps` installs (libvips-tools,
/// libheif-examples, libimage-exiftool-perl), so no binary fixture sits in the repository.
struct ImageFixtures: Sendable {
    let folder: URL

    /// Made once per test run; every test reads the same files.
    static let shared: Result<ImageFixtures, ToolFailure> = {
        do { return .success(try ImageFixtures()) } catch let failure as ToolFailure {
            return .failure(failure)
        } catch {
            return .failure(ToolFailure(description: "making the image fixtures failed: \(error)"))
        }
    }()

    static func get() throws -> ImageFixtures { try shared.get() }

    func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    func url(_ name: String) -> URL { folder.appendingPathComponent(name) }

    /// Tags a reporter's camera writes, and that must never be published.
    static let privateTags = [
        "-GPSLatitude=21.0285", "-GPSLatitudeRef=N", "-GPSLongitude=105.8542", "-GPSLongitudeRef=E",
        "-Artist=Nguyễn Văn An", "-Make=Canon", "-Model=EOS R6", "-XMP-dc:Creator=Nguyễn Văn An",
        "-XMP-dc:Description=Hội nghị công đoàn",
    ]

    private init() throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("thidua-images-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)

        // A 400×300 picture with the fine, uneven texture of a photo (fractal surfaces, one
        // per band), not a flat gradient that any encoder squeezes to nothing.
        for (band, dimension) in [("r", "2.2"), ("g", "2.4"), ("b", "2.6")] {
            try vips("fractsurf", "\(band).v", "400", "300", dimension)
            try vips("scale", "\(band).v", "\(band)8.v")
        }
        try vips("bandjoin", "r8.v g8.v b8.v", "rgb.v")
        try vips("copy", "rgb.v", "plain.v", "--interpretation", "srgb")
        try vips("icc_transform", "plain.v", "photo.jpg", "srgb", "--input-profile", "srgb", "--embedded")

        try copy("photo.jpg", "tagged.jpg")
        try exiftool(Self.privateTags + ["-IPTC:By-line=Nguyễn Văn An", "-IPTC:Keywords=thidua", "tagged.jpg"])

        // Orientation 6: stored 400×300, shown 300×400.
        try copy("photo.jpg", "rotated.jpg")
        try exiftool(["-Orientation#=6", "rotated.jpg"])

        try vips("icc_transform", "plain.v", "cmyk.jpg", "cmyk", "--input-profile", "srgb")
        try vips("copy", "cmyk.jpg", "cmyk-bare.jpg[strip]")

        try vips("bandjoin_const", "plain.v", "alpha.v", "128")
        try vips("copy", "alpha.v", "alpha.png")
        try exiftool(Self.privateTags + ["alpha.png"])

        try vips("copy", "tagged.jpg", "photo.webp")
        try exiftool(Self.privateTags + ["photo.webp"])
        try vips("copy", "tagged.jpg", "photo.tif")
        try exiftool(Self.privateTags + ["photo.tif"])
        try vips("copy", "plain.v", "photo.gif")
        try vips("copy", "tagged.jpg", "photo.avif[compression=av1,effort=0]")
        try run("heif-enc", ["-q", "60", "tagged.jpg", "-o", "photo.heic"])

        // Left half white, right half black: where a focus crop was cut is visible in its mean.
        try vips("xyz", "xy.v", "400", "300")
        try vips("extract_band", "xy.v", "x.v", "0")
        try vips("relational_const", "x.v", "halves.png", "less", "200")

        // Two frames, white then black: only the first is published.
        try vips("black", "black.v", "400", "300")
        try vips("invert", "black.v", "white.v")
        try vips("join", "white.v", "black.v", "frames.v", "vertical")
        try vips("copy", "frames.v", "animated.gif[page-height=300]")

        try Data(##"<svg xmlns="http://www.w3.org/2000/svg" width="640" height="480"><rect width="640" height="480" fill="#c00"/></svg>"##.utf8)
            .write(to: url("logo.svg"))

        // Large enough that a third of it still holds the whole header: the cut falls in
        // the pixel data, which libvips only reads when the pixels are asked for.
        for (band, dimension) in [("r", "2.2"), ("g", "2.4"), ("b", "2.6")] {
            try vips("fractsurf", "\(band)-large.v", "1200", "900", dimension)
            try vips("scale", "\(band)-large.v", "\(band)8-large.v")
        }
        try vips("bandjoin", "r8-large.v g8-large.v b8-large.v", "large.v")
        try vips("copy", "large.v", "large.jpg[Q=90]", "--interpretation", "srgb")
        let whole = try Data(contentsOf: url("large.jpg"))
        try whole.prefix(whole.count / 3).write(to: url("truncated.jpg"))

        try Data("# Not a photo\n\nJust a note saved with the wrong name.\n".utf8)
            .write(to: url("note.jpg"))
    }

    private func copy(_ from: String, _ to: String) throws {
        try FileManager.default.copyItem(at: url(from), to: url(to))
    }

    private func vips(_ arguments: String...) throws { try run("vips", arguments) }

    private func exiftool(_ arguments: [String]) throws {
        try run("exiftool", ["-q", "-overwrite_original"] + arguments)
    }

    @discardableResult
    func run(_ tool: String, _ arguments: [String]) throws -> String {
        try Tool.run(tool, arguments, in: folder)
    }
}

struct ToolFailure: Error, CustomStringConvertible, Sendable {
    let description: String
}

/// Runs a command-line tool found on PATH. A missing tool is a failure that says how to get
/// it, never a skipped test.
enum Tool {
    static func run(_ tool: String, _ arguments: [String], in folder: URL) throws -> String {
        guard let path = find(tool) else {
            throw ToolFailure(description: "'\(tool)' is not installed: run `make deps` "
                + "(libvips-tools, libheif-examples, libimage-exiftool-perl)")
        }
        let run = try CLI.run(URL(fileURLWithPath: path), arguments, in: folder)
        guard run.status == 0 else {
            throw ToolFailure(description: "\(tool) \(arguments.joined(separator: " ")) failed: \(run.stderr)")
        }
        return run.stdout
    }

    private static func find(_ tool: String) -> String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/\(tool)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
