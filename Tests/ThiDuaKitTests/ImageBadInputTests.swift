import Foundation
import Testing

/// Each kind of broken picture: its message at the place that names it, exit status 1, and
/// the previous site left byte for byte as it was.
@Suite struct ImageBadInputTests {
    static let photoStory = "---\ntitle: \"Chăm lo Tết\"\ndate: 2024-02-01\nimage: media/anh.jpg\nimageAlt: \"Quà Tết\"\n---\nBody\n"
    static let photoPerson = "---\ntitle: \"Lò Thị Mai\"\nunit: \"CĐCS\"\nphoto: /media/anh.jpg\n---\nBody\n"

    @Test func missingPictureIsNamedWhereItIsWritten() throws {
        let stderr = try BrokenSite.failingBuild([
            "content/stories/cham-lo-tet.md": Self.photoStory.replacingOccurrences(of: "Body", with: "Body\n\n![Quà](../media/khong-co.png)"),
        ])
        #expect(stderr.contains("content/stories/cham-lo-tet.md:4:8: error: 'image' names media/anh.jpg, which is not in content/media"))
        #expect(stderr.contains("content/stories/cham-lo-tet.md:9:1: error: image to ../media/khong-co.png leads nowhere: no file of the site is at content/media/khong-co.png"))
    }

    @Test func aTextFileNamedJPGIsReportedOnEveryPageThatShowsIt() throws {
        let stderr = try BrokenSite.failingBuild(["content/stories/cham-lo-tet.md": Self.photoStory, "content/people/lo-thi-mai.md": Self.photoPerson],
                                      bytes: ["content/media/anh.jpg": try ImageFixtures.get().bytes("note.jpg")])
        #expect(stderr.contains("content/people/lo-thi-mai.md:4:8: error: /media/anh.jpg cannot be published: "))
        #expect(stderr.contains("content/stories/cham-lo-tet.md:4:8: error: media/anh.jpg cannot be published: "))
    }

    @Test func aTruncatedPhotoIsAnError() throws {
        let stderr = try BrokenSite.failingBuild(["content/stories/cham-lo-tet.md": Self.photoStory],
                                      bytes: ["content/media/anh.jpg": try ImageFixtures.get().bytes("truncated.jpg")])
        #expect(stderr.contains("content/stories/cham-lo-tet.md:4:8: error: media/anh.jpg cannot be published: the image could not be decoded; is the file damaged or cut short?"))
        #expect(!stderr.contains("VIPS"), "libvips' own warnings never reach the editor")
    }

    /// Processed side by side, each broken picture is still reported in its own words.
    @Test func twoBrokenPhotosAreEachReportedInTheirOwnWords() throws {
        let fixtures = try ImageFixtures.get()
        let stderr = try BrokenSite.failingBuild(
            ["content/stories/cham-lo-tet.md": Self.photoStory,
             "content/people/lo-thi-mai.md": Self.photoPerson.replacingOccurrences(of: "anh.jpg", with: "mai.jpg")],
            bytes: ["content/media/anh.jpg": try fixtures.bytes("truncated.jpg"), "content/media/mai.jpg": try fixtures.bytes("note.jpg")])
        #expect(stderr.contains("content/stories/cham-lo-tet.md:4:8: error: media/anh.jpg cannot be published: the image could not be decoded"))
        #expect(stderr.contains("content/people/lo-thi-mai.md:4:8: error: /media/mai.jpg cannot be published: not an image libvips can read"))
    }

    @Test func aLinkedFolderIsNotFollowed() throws {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-outside-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data(try ImageFixtures.get().bytes("photo.jpg")).write(to: outside.appendingPathComponent("anh.jpg"))
        defer { try? FileManager.default.removeItem(at: outside) }
        let site = try FixtureSite(Fixtures.site(with: ["content/stories/cham-lo-tet.md": Self.photoStory.replacingOccurrences(of: "media/anh.jpg", with: "media/ngoai/anh.jpg")]))
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("content/media"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: site.root.appendingPathComponent("content/media/ngoai"), withDestinationURL: outside)
        let run = try CLI.run(["build", "--now", "2024-05-10"], in: site.root)
        #expect(run.status == 1)
        #expect(run.stderr.contains("content/stories/cham-lo-tet.md:4:8: error: media/ngoai/anh.jpg is a link or a special file, not a picture"))
    }

    @Test func checkFindsMissingAndUnreadablePicturesWithoutEncoding() throws {
        let site = try FixtureSite(Fixtures.site(with: [
            "content/stories/cham-lo-tet.md": Self.photoStory,
            "content/people/lo-thi-mai.md": Self.photoPerson.replacingOccurrences(of: "anh.jpg", with: "khong-co.jpg"),
        ]), bytes: ["content/media/anh.jpg": try ImageFixtures.get().bytes("note.jpg")])
        let run = try CLI.run(["check", "--now", "2024-05-10"], in: site.root)
        #expect(run.status == 1)
        #expect(run.stderr.contains("content/stories/cham-lo-tet.md:4:8: error: media/anh.jpg cannot be published: not an image libvips can read"))
        #expect(run.stderr.contains("content/people/lo-thi-mai.md:4:8: error: 'photo' names /media/khong-co.jpg, which is not in content/media"))
        #expect(!FileManager.default.fileExists(atPath: site.root.appendingPathComponent(".thidua-cache").path), "check stores nothing")
    }

    @Test func linksToUnpublishedOriginalsLeadNowhere() throws {
        let site = try FixtureSite(Fixtures.site(with: [
            "content/stories/cham-lo-tet.md": "---\ntitle: \"Tin\"\ndate: 2024-02-01\nmovement: lao-dong-gioi\n---\nTải [ảnh gốc](/media/anh.jpg).\n",
        ]), bytes: ["content/media/anh.jpg": try ImageFixtures.get().bytes("photo.jpg")])
        let run = try CLI.run(["check", "--now", "2024-05-10"], in: site.root)
        #expect(run.status == 1)
        #expect(run.stderr.contains("content/stories/cham-lo-tet.md:6:5: error: link to /media/anh.jpg leads nowhere"))
    }

    @Test func aPictureOverAHundredMegapixelsIsRefusedFromItsHeader() throws {
        // 12000×9000 black pixels compress to 100 KB: what a decompression bomb looks like.
        let fixtures = try ImageFixtures.get()
        try fixtures.run("vips", ["black", "bomb.png[compression=9]", "12000", "9000"])
        let stderr = try BrokenSite.failingBuild(["content/stories/cham-lo-tet.md": Self.photoStory.replacingOccurrences(of: "anh.jpg", with: "bom.png")],
                                      bytes: ["content/media/bom.png": try fixtures.bytes("bomb.png")])
        #expect(stderr.contains("content/stories/cham-lo-tet.md:4:8: error: media/bom.png is 12000×9000 pixels (108 megapixels); pictures over 100 megapixels are refused: export a smaller copy"))
    }

    @Test func aDocumentIsNotAPicture() throws {
        let stderr = try BrokenSite.failingBuild(["content/stories/cham-lo-tet.md": Self.photoStory.replacingOccurrences(of: "anh.jpg", with: "ke-hoach.pdf")],
                                      bytes: ["content/media/ke-hoach.pdf": Array("%PDF-1.4\n".utf8)])
        #expect(stderr.contains("content/stories/cham-lo-tet.md:4:8: error: media/ke-hoach.pdf is not a picture; use a JPEG, PNG, WebP, GIF, TIFF, HEIC, AVIF or SVG file"))
    }

    @Test func aPictureOutsideTheMediaFolderIsAnError() throws {
        // Reported together with a missing picture of another file: one error hides no other.
        let stderr = try BrokenSite.failingBuild([
            "content/stories/cham-lo-tet.md": Self.photoStory.replacingOccurrences(of: "media/anh.jpg", with: "stories/anh.jpg"),
            "content/people/lo-thi-mai.md": Self.photoPerson,
        ])
        #expect(stderr.contains("content/stories/cham-lo-tet.md:4:8: error: the picture stories/anh.jpg is not in content/media; put it there and name it media/…"))
        #expect(stderr.contains("content/people/lo-thi-mai.md:4:8: error: 'photo' names /media/anh.jpg, which is not in content/media"))
    }

    @Test func aLinkedPictureIsNotFollowed() throws {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-outside-\(UUID().uuidString).jpg")
        try Data(try ImageFixtures.get().bytes("photo.jpg")).write(to: outside)
        defer { try? FileManager.default.removeItem(at: outside) }
        let site = try FixtureSite(Fixtures.site(with: ["content/stories/cham-lo-tet.md": Self.photoStory]))
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("content/media"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: site.root.appendingPathComponent("content/media/anh.jpg"), withDestinationURL: outside)
        let run = try CLI.run(["build", "--now", "2024-05-10"], in: site.root)
        #expect(run.status == 1)
        #expect(run.stderr.contains("content/stories/cham-lo-tet.md:4:8: error: media/anh.jpg is a link or a special file, not a picture"))
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test func aWrongFocusIsAnError() throws {
        let stderr = try BrokenSite.failingBuild(["content/stories/cham-lo-tet.md": Self.photoStory.replacingOccurrences(of: "---\nBody", with: "focus: mặt\n---\nBody")])
        #expect(stderr.contains("content/stories/cham-lo-tet.md:6:8: error: 'focus': 'mặt' is neither a side (left, right, top, bottom, center) nor a point"))
    }

    @Test func checkWarnsAboutAPictureWithoutDescription() throws {
        let site = try FixtureSite(Fixtures.site(with: ["content/stories/cham-lo-tet.md": Self.photoStory.replacingOccurrences(of: "imageAlt: \"Quà Tết\"\n", with: "")]),
                                   bytes: ["content/media/anh.jpg": try ImageFixtures.get().bytes("photo.jpg")])
        let run = try CLI.run(["check", "--now", "2024-05-10"], in: site.root)
        #expect(run.status == 0)
        #expect(run.stderr.contains("content/stories/cham-lo-tet.md:4:8: warning: the picture has no description; add 'imageAlt:'"))
    }
}
