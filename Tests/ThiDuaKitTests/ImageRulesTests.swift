import Foundation
import Testing
@testable import ThiDuaKit

/// The pure rules of the image pipeline: which sizes, which cut, which file, which initial.
@Suite struct ImageRulesTests {
    @Test func leadSizesAreNeverLargerThanThePhoto() {
        #expect(ImageRole.lead.sizes(width: 4000, height: 3000)
            == [ImageSize(width: 1600, height: 1200), ImageSize(width: 960, height: 720), ImageSize(width: 480, height: 360)])
        #expect(ImageRole.lead.sizes(width: 1000, height: 500) == [ImageSize(width: 960, height: 480), ImageSize(width: 480, height: 240)])
        // A small original gives one size: its own.
        #expect(ImageRole.lead.sizes(width: 300, height: 200) == [ImageSize(width: 300, height: 200)])
    }

    @Test func cutsKeepTheirShapeAndFitInsideThePhoto() {
        #expect(ImageRole.card.sizes(width: 4000, height: 3000) == [ImageSize(width: 960, height: 720), ImageSize(width: 480, height: 360)])
        // A wide panorama 2000×500 holds a 4:3 cut of at most 666×499.
        #expect(ImageRole.card.sizes(width: 2000, height: 500) == [ImageSize(width: 480, height: 360)])
        #expect(ImageRole.card.sizes(width: 400, height: 300) == [ImageSize(width: 400, height: 300)])
        #expect(ImageRole.portrait.sizes(width: 3024, height: 4032) == [ImageSize(width: 640, height: 800), ImageSize(width: 320, height: 400)])
        #expect(ImageRole.social.sizes(width: 4000, height: 3000) == [ImageSize(width: 1200, height: 630)])
        // Too small for 1200×630: the largest cut of that shape, never enlarged.
        #expect(ImageRole.social.sizes(width: 800, height: 600) == [ImageSize(width: 800, height: 420)])
    }

    @Test func formatsFollowTransparency() {
        #expect(ImageRole.lead.formats(hasAlpha: false) == [.avif, .webp, .jpeg])
        #expect(ImageRole.lead.formats(hasAlpha: true) == [.avif, .webp, .png])
        #expect(ImageRole.social.formats(hasAlpha: false) == [.jpeg])
    }

    @Test func focusIsASideOrAPoint() {
        #expect(CropMode(focus: "left") == .focus(x: 0, y: 0.5))
        #expect(CropMode(focus: " Top ") == .focus(x: 0.5, y: 0))
        #expect(CropMode(focus: "center") == .focus(x: 0.5, y: 0.5))
        #expect(CropMode(focus: "0.3,0.4") == .focus(x: 0.3, y: 0.4))
        #expect(CropMode(focus: "0.3, 0.4") == .focus(x: 0.3, y: 0.4))
        #expect(CropMode(focus: "1.5,0.2") == nil)
        #expect(CropMode(focus: "mặt") == nil)
        #expect(CropMode(focus: "0.3") == nil)
    }

    @Test func picturesAreFoundInTheMediaFolder() {
        #expect(MediaPath.fromFrontMatter("media/tet.jpg") == "content/media/tet.jpg")
        #expect(MediaPath.fromFrontMatter("/media/le/tet.jpg") == "content/media/le/tet.jpg")
        #expect(MediaPath.fromFrontMatter("https://example.org/a.jpg") == nil)
        #expect(MediaPath.fromMarkdown("../media/tet.jpg", in: "content/stories/a.md") == "content/media/tet.jpg")
        #expect(MediaPath.fromMarkdown("/media/t%E1%BA%BFt.jpg", in: "content/stories/a.md") == "content/media/tết.jpg")
        #expect(MediaPath.fromMarkdown("anh.jpg", in: "content/stories/a.md") == "content/stories/anh.jpg")
        #expect(MediaPath.fromMarkdown("//cdn.example.org/a.jpg", in: "content/stories/a.md") == nil)
        #expect(MediaPath.isRaster("media/a.HEIC"))
        #expect(MediaPath.isRaster("media/a.jpeg"))
        #expect(!MediaPath.isRaster("media/ke-hoach.pdf"))
        #expect(!MediaPath.isRaster("media/logo.svg"))
        #expect(ImagePipeline.stem("media/le/tet.2024.heic") == "media/le/tet.2024")
    }

    @Test func avatarsShowTheGivenNameInitialWithoutItsTone() {
        #expect(Avatar.initial(of: "Nguyễn Thị Mai") == "M")
        #expect(Avatar.initial(of: "Lò Văn Ước") == "Ư")
        #expect(Avatar.initial(of: "Hoàng Văn Đức") == "Đ")
        #expect(Avatar.initial(of: "Tẩn Văn Ổn") == "Ô")
        #expect(Avatar.initial(of: "Vàng Thị Ánh") == "A")
        #expect(Avatar.initial(of: "Tổ xét nghiệm", individual: false) == "T")
        #expect(Avatar.initial(of: "   ") == "?")
        #expect(Avatar.initial(of: "Nguyễn Văn An (Tổ trưởng)") == "A")
        #expect(Avatar.colour(for: "Lò Văn Ước") == Avatar.colour(for: "Lò Văn Ước".decomposedStringWithCanonicalMapping))
        // The same name always gets the same colour, from the palette.
        #expect(Avatar.colour(for: "Nguyễn Thị Mai") == Avatar.colour(for: "Nguyễn Thị Mai"))
        #expect(Avatar.colours.contains(Avatar.colour(for: "Lò Văn Ước")))
        let spread = Set(["Nguyễn Thị Mai", "Lò Văn Ước", "Hoàng Văn Đức", "Tẩn Văn Ổn", "Vàng Thị An", "Lê Văn Bình"].map(Avatar.colour(for:)))
        #expect(spread.count > 2)
    }

    @Test func imageTagsOfLibcmarkAreReadWithTheirAttributes() throws {
        let html = #"<p>Trước <img src="../media/t%E1%BA%BFt.jpg" alt="Trao quà &quot;Tết&quot; &amp; chúc" title="Ảnh" /> sau <img src="/media/b.png" alt="" /></p>"#
        let first = try #require(CmarkImageTag.next(in: html[...]))
        #expect(first.src == "../media/t%E1%BA%BFt.jpg")
        #expect(first.alt == #"Trao quà "Tết" & chúc"#)
        #expect(first.title == "Ảnh")
        let second = try #require(CmarkImageTag.next(in: html[first.range.upperBound...]))
        #expect(second.src == "/media/b.png")
        #expect(second.alt == "")
        #expect(second.title == nil)
        #expect(CmarkImageTag.next(in: html[second.range.upperBound...]) == nil)
    }

    @Test func cacheKeysChangeWithTheRecipe() {
        let job = EncodeJob(sizes: [ImageSize(width: 960, height: 720)], crop: .attention, formats: [.avif, .jpeg])
        let key = ImagePipeline.cacheKey(sourceHash: "abc", job: job)
        #expect(key == ImagePipeline.cacheKey(sourceHash: "abc", job: job))
        #expect(key != ImagePipeline.cacheKey(sourceHash: "abd", job: job))
        #expect(key != ImagePipeline.cacheKey(sourceHash: "abc", job: EncodeJob(sizes: job.sizes, crop: .focus(x: 0, y: 0.5), formats: job.formats)))
        #expect(key != ImagePipeline.cacheKey(sourceHash: "abc", job: EncodeJob(sizes: job.sizes, crop: .attention, formats: [.webp])))
        #expect(key != ImagePipeline.cacheKey(sourceHash: "abc", job: EncodeJob(sizes: [ImageSize(width: 480, height: 360)], crop: .attention, formats: job.formats)))
        var settings = EncoderSettings.published
        settings.avifQuality += 5
        #expect(key != ImagePipeline.cacheKey(sourceHash: "abc", job: job, settings: settings))
    }
}
