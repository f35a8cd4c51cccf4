import Foundation
import Testing
@testable import ThiDuaKit

/// A site with a photo, built whole: the markup the theme writes from the pictures' data, the
/// files published, and the cache that spares an unchanged photo any work.
@Suite struct ImagePipelineTests {
    /// A committed 1700×1275 JPEG, so the hashed names in the expected markup stay the same
    /// (they also hold libvips' version: Debian 12's 8.14.1, which `make deps` installs).
    static var sample: [UInt8] {
        get throws {
            let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("fixtures/anh-mau.jpg")
            return [UInt8](try Data(contentsOf: url))
        }
    }

    static let story = """
    ---
    title: "Chăm lo Tết"
    date: 2024-02-01
    image: media/anh-mau.jpg
    imageAlt: "Trao quà Tết cho đoàn viên"
    ---
    Công đoàn xã tặng quà.

    ![Đoàn viên nhận quà](../media/anh-mau.jpg "Ảnh: CĐCS")

    """

    static var files: [String: String] {
        Fixtures.site(with: [
            "content/stories/cham-lo-tet.md": story,
            "content/people/lo-thi-mai.md": "---\ntitle: \"Lò Thị Mai\"\nunit: \"CĐCS Dào San\"\nphoto: media/anh-mau.jpg\nfocus: left\n---\nHồ sơ.\n",
            "content/people/nguyen-van-uoc.md": "---\ntitle: \"Nguyễn Văn Ước\"\nunit: \"CĐCS Dào San\"\n---\nHồ sơ.\n",
        ])
    }

    private static func lead(_ name: String, alt: String, loading: String, title: String = "") -> String {
        let sizes = "(min-width: 46rem) 44rem, calc(100vw - 2rem)"
        func srcset(_ ext: String) -> String {
            ["480", "960", "1600"].map { "/media/anh-mau.\(name)-\($0).\(ext) \($0)w" }.joined(separator: ", ")
        }
        return "<picture><source type=\"image/avif\" srcset=\"\(srcset("avif"))\" sizes=\"\(sizes)\">"
            + "<source type=\"image/webp\" srcset=\"\(srcset("webp"))\" sizes=\"\(sizes)\">"
            + "<img src=\"/media/anh-mau.\(name)-960.jpg\" srcset=\"\(srcset("jpg"))\" sizes=\"\(sizes)\" width=\"960\" height=\"720\""
            + " alt=\"\(alt)\"\(title)\(loading) decoding=\"async\"></picture>"
    }

    @Test func theThemeWritesEveryPictureFromItsData() async throws {
        let site = try FixtureSite(Self.files, bytes: ["content/media/anh-mau.jpg": try Self.sample])
        _ = try await site.build()
        let tree = try site.outputTree()
        func page(_ path: String) throws -> String { String(decoding: try #require(tree[path]), as: UTF8.self) }

        let story = try page("stories/cham-lo-tet/index.html")
        // The lead: fetched first, described by imageAlt.
        #expect(story.contains("<div class=\"lead\">" + Self.lead("d482e866f6", alt: "Trao quà Tết cho đoàn viên",
                                                                    loading: " loading=\"eager\" fetchpriority=\"high\"") + "</div>"))
        // The Markdown picture: the same renditions, its own alt text and title, fetched lazily.
        #expect(story.contains("<p>" + Self.lead("d482e866f6", alt: "Đoàn viên nhận quà", loading: " loading=\"lazy\"",
                                                 title: " title=\"Ảnh: CĐCS\"") + "</p>"))
        #expect(story.contains("<meta property=\"og:image\" content=\"https://example.org/media/anh-mau.77b58f61ea-1200.jpg\">\n"
            + "<meta property=\"og:image:width\" content=\"1200\">\n<meta property=\"og:image:height\" content=\"630\">"))
        #expect(!story.contains("src=\"../media/"))

        // The card: a 4:3 cut, a third of a screen wide.
        let list = try page("stories/index.html")
        #expect(list.contains("<div class=\"thumb\"><picture><source type=\"image/avif\" srcset=\"/media/anh-mau.5072443d2e-480.avif 480w, "
            + "/media/anh-mau.5072443d2e-960.avif 960w\" sizes=\"(min-width: 40rem) 20rem, calc(100vw - 2rem)\">"))
        #expect(list.contains("<img src=\"/media/anh-mau.5072443d2e-960.jpg\" srcset=\"/media/anh-mau.5072443d2e-480.jpg 480w, "
            + "/media/anh-mau.5072443d2e-960.jpg 960w\" sizes=\"(min-width: 40rem) 20rem, calc(100vw - 2rem)\" width=\"960\" height=\"720\" "
            + "alt=\"Trao quà Tết cho đoàn viên\" loading=\"lazy\" decoding=\"async\"></picture></div>"))

        // The portrait (4:5, cut from the left as focus: asks), described by the name.
        let person = try page("people/lo-thi-mai/index.html")
        #expect(person.contains("<img src=\"/media/anh-mau.e0ab57f82a-640.jpg\" srcset=\"/media/anh-mau.e0ab57f82a-320.jpg 320w, "
            + "/media/anh-mau.e0ab57f82a-640.jpg 640w\" sizes=\"16rem\" width=\"640\" height=\"800\" alt=\"Lò Thị Mai\" "
            + "loading=\"eager\" fetchpriority=\"high\" decoding=\"async\">"))
        // No photo: the initial of the given name, drawn inline, named for screen readers.
        let avatar = "<svg class=\"avatar\" viewBox=\"0 0 100 100\" role=\"img\" aria-label=\"Nguyễn Văn Ước\">"
            + "<circle cx=\"50\" cy=\"50\" r=\"50\" fill=\"\(Avatar.colour(for: "Nguyễn Văn Ước"))\"/>"
            + "<text x=\"50\" y=\"50\" dy=\"0.35em\" text-anchor=\"middle\" font-size=\"48\" font-family=\"system-ui, sans-serif\" fill=\"#fff\">Ư</text></svg>"
        #expect(try page("people/nguyen-van-uoc/index.html").contains("<div class=\"portrait\">\(avatar)</div>"))
        // On a card, beside the name in its heading, the avatar is decoration.
        #expect(try page("people/index.html").contains("<div class=\"thumb\" aria-hidden=\"true\">\(avatar)</div>"))

        // Every <img> of every page has its size, so nothing moves while pictures arrive.
        for (path, bytes) in tree where path.hasSuffix(".html") {
            let html = String(decoding: bytes, as: UTF8.self)
            for tag in html.components(separatedBy: "<img ").dropFirst() {
                let attributes = tag.prefix { $0 != ">" }
                #expect(attributes.contains("width=\"") && attributes.contains("height=\""), "\(path): <img \(attributes)>")
            }
        }
    }

    @Test func renditionsArePublishedAndTheOriginalIsNot() async throws {
        let site = try FixtureSite(Self.files, bytes: ["content/media/anh-mau.jpg": try Self.sample])
        _ = try await site.build()
        let media = try site.outputTree().keys.filter { $0.hasPrefix("media/") }.sorted()
        #expect(!media.contains("media/anh-mau.jpg"))
        // Lead 3 widths, card 2, portrait 2, each in three formats; two sharing pictures (the
        // story's and the person's, cut differently).
        let expected = 9 + 6 + 6 + 2
        #expect(media.count == expected)
        #expect(media.filter { $0.hasSuffix(".avif") }.count == 7)
        #expect(media.allSatisfy { $0.range(of: #"^media/anh-mau\.[0-9a-f]{10}-\d+\.(avif|webp|jpg)$"#, options: .regularExpression) != nil })
    }

    @Test func originalsArePublishedOnlyWhenAsked() async throws {
        var files = Self.files
        files["content/site.yml"] = Fixtures.siteYML + "images:\n  originals: true\n"
        let site = try FixtureSite(files, bytes: ["content/media/anh-mau.jpg": try Self.sample])
        _ = try await site.build()
        #expect(try site.outputTree()["media/anh-mau.jpg"] == Data(try Self.sample))
    }

    @Test func anUnchangedRebuildDoesNoImageWork() async throws {
        let fixtures = try ImageFixtures.get()
        var files = Self.files
        files["content/people/lo-thi-mai.md"] = "---\ntitle: \"Lò Thị Mai\"\nunit: \"CĐCS\"\nphoto: media/mai.jpg\n---\nHồ sơ.\n"
        let site = try FixtureSite(files, bytes: ["content/media/anh-mau.jpg": try Self.sample,
                                                  "content/media/mai.jpg": try fixtures.bytes("photo.jpg")])
        let counter = ImageCodec.DecodeCounter()
        let first = try await ImageCodec.$decodes.withValue(counter) { try await site.build() }
        // Lead, card and sharing cut of the story's photo; portrait and sharing cut of Mai's;
        // each photo decoded once for all its cuts.
        #expect(first.imagesEncoded == 5)
        #expect(first.imagesInspected == 2)
        #expect(counter.value == 2)
        let second = try await site.build()
        #expect(second.imagesEncoded == 0)
        #expect(second.imagesInspected == 0, "an unchanged photo is not even read again")
        #expect(second.written == 0)

        // Another photo saved under Mai's name: only its two recipes are made again.
        try site.write("content/media/mai.jpg", Data(try fixtures.bytes("rotated.jpg")))
        let third = try await site.build()
        #expect(third.imagesEncoded == 2)
        #expect(third.imagesInspected == 1)

        // A folder set in site.yml keeps the cache instead.
        let elsewhere = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        try site.write("content/site.yml", Fixtures.siteYML + "images:\n  cache: \(elsewhere.path)\n")
        #expect(try await site.build().imagesEncoded == 5)
        #expect(FileManager.default.fileExists(atPath: elsewhere.appendingPathComponent("images/sources").path))
    }

    @Test func serveProcessesOnlyASavedPhoto() async throws {
        let fixtures = try ImageFixtures.get()
        let site = try FixtureSite(Self.files, bytes: ["content/media/anh-mau.jpg": try Self.sample])
        var live = LiveSite(root: site.root, output: site.output, options: BuildOptions(now: CalendarDate(iso: "2024-05-10")!))
        #expect(try await live.rebuild(changed: nil).imagesEncoded == 5)
        try site.write("content/stories/cham-lo-tet.md", Self.story + "\nThêm một đoạn.\n")
        #expect(try await live.rebuild(changed: ["content/stories/cham-lo-tet.md"]).imagesEncoded == 0)
        try site.write("content/media/anh-mau.jpg", Data(try fixtures.bytes("photo.jpg")))
        let saved = try await live.rebuild(changed: ["content/media/anh-mau.jpg"])
        #expect(saved.imagesEncoded == 5)
        let story = String(decoding: try Data(contentsOf: site.output.appendingPathComponent("stories/cham-lo-tet/index.html")), as: UTF8.self)
        #expect(!story.contains("anh-mau.d482e866f6"), "the page links the new renditions")
        let media = try FileManager.default.contentsOfDirectory(atPath: site.output.appendingPathComponent("media").path)
        // The new photo is 400×300: one size for each of its five recipes, lead, card and
        // portrait in three formats, the two sharing cuts in one.
        let old = ["d482e866f6", "5072443d2e", "e0ab57f82a", "77b58f61ea", "87fb4f9774"]
        let expected = 3 + 3 + 3 + 2
        #expect(media.count == expected, "\(media.sorted())")
        #expect(!media.contains { name in old.contains { name.contains($0) } }, "the old renditions are gone: \(media.sorted())")
    }

    @Test func anSVGIsPublishedAsItIsAndSharedWithoutASize() async throws {
        let svg = try ImageFixtures.get().bytes("logo.svg")
        let site = try FixtureSite(Fixtures.site(with: ["content/stories/cham-lo-tet.md": Self.story.replacingOccurrences(of: "anh-mau.jpg", with: "hinh.svg")]),
                                   bytes: ["content/media/hinh.svg": svg])
        let summary = try await site.build()
        #expect(summary.imagesEncoded == 0)
        let tree = try site.outputTree()
        #expect(tree["media/hinh.svg"] == Data(svg))
        let story = String(decoding: try #require(tree["stories/cham-lo-tet/index.html"]), as: UTF8.self)
        #expect(story.contains("<div class=\"lead\"><picture><img src=\"/media/hinh.svg\" width=\"640\" height=\"480\" alt=\"Trao quà Tết cho đoàn viên\" loading=\"eager\" fetchpriority=\"high\" decoding=\"async\"></picture></div>"))
        #expect(story.contains("<meta property=\"og:image\" content=\"https://example.org/media/hinh.svg\">\n<meta name=\"twitter:card\""))
    }

    @Test func aCacheWithAFileRemovedIsMadeGood() async throws {
        let site = try FixtureSite(Self.files, bytes: ["content/media/anh-mau.jpg": try Self.sample])
        _ = try await site.build()
        let cache = site.root.appendingPathComponent(".thidua-cache/images")
        let folder = try #require(try FileManager.default.contentsOfDirectory(atPath: cache.path).first { !$0.hasPrefix(".") && $0 != "sources" })
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: cache.appendingPathComponent(folder).path).first { $0 != "manifest" })
        try FileManager.default.removeItem(at: cache.appendingPathComponent(folder).appendingPathComponent(file))
        let again = try await site.build()
        #expect(again.imagesEncoded == 1, "the recipe that lost a file is made again, and only it")
    }

    @Test func noPublishedFileCarriesMetadata() async throws {
        let fixtures = try ImageFixtures.get()
        let inputs = ["tagged.jpg", "alpha.png", "photo.webp", "photo.tif", "photo.heic", "photo.avif", "rotated.jpg", "cmyk.jpg"]
        var files = Fixtures.site
        var bytes: [String: [UInt8]] = [:]
        for (index, name) in inputs.enumerated() {
            files["content/stories/anh-\(index).md"] = "---\ntitle: \"Ảnh \(index)\"\ndate: 2024-03-0\(index + 1)\nimage: media/\(name)\nimageAlt: \"Ảnh\"\n---\nẢnh.\n"
            bytes["content/media/\(name)"] = try fixtures.bytes(name)
        }
        let site = try FixtureSite(files, bytes: bytes)
        _ = try await site.build()
        let published = try site.outputTree().keys.filter { $0.hasPrefix("media/") }.sorted()
        // Each 400×300 fixture is smaller than every width: one size per role, lead and card in
        // three formats, the sharing cut in one.
        #expect(published.count == inputs.count * 7, "\(published)")
        let report = try Tool.run("exiftool", ["-j", "-G", "-a"] + published, in: site.output)
        for tag in ["GPS", "Artist", "Make", "Model", "XMP", "IPTC", "ICC_Profile", "Orientation", "Creator"] {
            #expect(!report.contains(tag), "\(tag) is left in a published file")
        }
        // The photo shot upright, stored sideways (400×300 with Orientation 6), is published
        // upright: its lead is 300 wide and 400 high.
        let rotated = published.filter { $0.hasPrefix("media/rotated.") && $0.hasSuffix(".jpg") }
        let sizes = try Tool.run("exiftool", ["-s3", "-p", "$ImageWidth×$ImageHeight"] + rotated, in: site.output)
        #expect(sizes.split(separator: "\n").sorted() == ["300×157", "300×225", "300×400"], "\(rotated): \(sizes)")
    }
}
