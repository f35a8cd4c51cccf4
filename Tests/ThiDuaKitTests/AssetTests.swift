import Foundation
import Testing
@testable import ThiDuaKit

/// Theme assets published a second time under a name holding a hash of their bytes, and
/// linked by that name through `{{assets.…}}`.
@Suite struct AssetFingerprintTests {
    /// The published FNV-1a 64 test vectors, cut to the name's ten digits.
    @Test(arguments: [("", "cbf29ce484"), ("a", "af63dc4c86"), ("foobar", "85944171f7")])
    func theNameHoldsTheFNV1aHashOfTheBytes(_ text: String, _ digits: String) {
        #expect(AssetFingerprint.path("assets/x.css", bytes: Array(text.utf8)) == "assets/x.\(digits).css")
    }

    @Test(arguments: [
        ("assets/style.css", "assets/style.af63dc4c86.css"),
        ("assets/fonts/be-vietnam.woff2", "assets/fonts/be-vietnam.af63dc4c86.woff2"),
        ("assets/archive.tar.gz", "assets/archive.tar.af63dc4c86.gz"),
        ("assets/LICENSE", "assets/LICENSE.af63dc4c86"),
        ("assets/v1.2/README", "assets/v1.2/README.af63dc4c86"),
    ])
    func theHashGoesBeforeTheLastExtensionOfTheFileName(_ path: String, _ expected: String) {
        #expect(AssetFingerprint.path(path, bytes: Array("a".utf8)) == expected)
    }

    @Test func otherBytesGiveAnotherName() {
        let first = AssetFingerprint.path("assets/style.css", bytes: Array("h1{color:red}".utf8))
        #expect(first == AssetFingerprint.path("assets/style.css", bytes: Array("h1{color:red}".utf8)))
        #expect(first != AssetFingerprint.path("assets/style.css", bytes: Array("h1{color:blue}".utf8)))
    }
}

@Suite struct AssetLinksTests {
    private func asset(_ path: String) -> ThemeAsset {
        ThemeAsset(path: path, bytes: Array(path.utf8))
    }

    /// `app.js` and `app.js.map` (or `style.css` and `style.css.gz`) are both reachable:
    /// a step of a name can be a URL and lead further.
    @Test func templatesReachEveryAssetByItsDottedPath() throws {
        let paths = ["assets/style.css", "assets/fonts/be-vietnam.woff2", "assets/app.js", "assets/app.js.map", "assets/LICENSE"]
        let assets = paths.map(asset)
        let record = ThemeRecords.assets(AssetLinks.tree(assets))
        let frame = TemplateType.object(TemplateShape(name: "Root", doc: "", fields: [TemplateField(name: "assets", type: .object(record.shape), doc: "")]))
        let root = TemplateValue.object(TemplateRecord(shape: TemplateShape(name: "Root", doc: "", fields: []), values: [.object(record)]))
        func render(_ text: String) throws -> (String?, [String]) {
            var compiler = TemplateCompiler(templates: ["t": try TemplateParser.parse(text, template: "t")])
            let block = compiler.compile("t", frames: [frame])
            return (block.map { String(decoding: TemplateRenderer.render($0, [root]), as: UTF8.self) }, compiler.errors.map(\.message))
        }
        let all = try render("{{assets.style.css}} {{assets.fonts.be-vietnam.woff2}} {{assets.app.js}} {{{assets.app.js.map}}} {{assets.LICENSE}}")
        #expect(all.1.isEmpty)
        #expect(all.0 == assets.map { "/" + $0.fingerprintedPath }.joined(separator: " "))
        #expect(try render("{{assets.fonts}}").1.first?.contains("has no text of its own") == true, "a folder is no file")
        #expect(try render("{{assets.style.cs}}").1 == ["template 't' links {{assets.style.cs}}, which names no file of the theme's assets/"])
        #expect(try render("{{assets.logo.svg}}").1 == ["template 't' links {{assets.logo.svg}}, which names no file of the theme's assets/"])
    }

    /// The assets a page can show: named by a tag, or below a section that names a folder.
    @Test func linkedAssetsAreThoseATemplateNames() throws {
        let assets = ["assets/style.css", "assets/fonts/a.woff2", "assets/fonts/b.woff2", "assets/photo.png"].map(asset)
        let byPath = Dictionary(uniqueKeysWithValues: assets.map { ($0.path, $0.fingerprintedPath) })
        let syntax = try TemplateParser.parse("{{assets.style.css}}{{#assets.fonts}}{{a.woff2}}{{/assets.fonts}}{{! assets.photo.png }}", template: "t")
        let names = ThemeRecords.assetNames(syntax)
        #expect(names == ["assets.style.css", "assets.fonts"])
        #expect(AssetLinks.linked(assets, byNames: names)
            == Set(["assets/style.css", "assets/fonts/a.woff2", "assets/fonts/b.woff2"].compactMap { byPath[$0] }))
        #expect(AssetLinks.linked(assets, byNames: ["assets"]) == Set(byPath.values), "a section over all of them")
    }
}

@Suite struct AssetBuildTests {
    @Test func bothNamesArePublishedAndPagesLinkTheHashedOne() async throws {
        var files = Fixtures.site.merging(MiniTheme.files) { $1 }
        files["theme/templates/404.mustache"] = "{{<base}}{{$main}}{{assets.site.css}}{{/main}}{{/base}}"
        let site = try FixtureSite(files)
        _ = try await site.build()
        let tree = try site.outputTree()
        let hashed = AssetFingerprint.path("assets/site.css", bytes: Array("body{}\n".utf8))
        #expect(tree["assets/site.css"] == Data("body{}\n".utf8))
        #expect(tree[hashed] == Data("body{}\n".utf8))
        #expect(String(decoding: try #require(tree["404.html"]), as: UTF8.self).contains(">/\(hashed)</html>"))

        // A changed stylesheet gets a new name, and the page its new link; the old name is gone.
        try site.write("theme/assets/site.css", "body{color:#123}\n")
        _ = try await site.build()
        let after = try site.outputTree()
        let rehashed = AssetFingerprint.path("assets/site.css", bytes: Array("body{color:#123}\n".utf8))
        #expect(rehashed != hashed)
        #expect(after[hashed] == nil)
        #expect(after[rehashed] == Data("body{color:#123}\n".utf8))
        #expect(String(decoding: try #require(after["404.html"]), as: UTF8.self).contains(">/\(rehashed)</html>"))
    }

    /// A link to an asset the theme does not have would be an empty href.
    @Test func aTemplateLinkingAMissingAssetFailsTheBuild() async throws {
        var files = Fixtures.site.merging(MiniTheme.files) { $1 }
        files["theme/templates/404.mustache"] = "{{<base}}{{$main}}\n<link href=\"{{assets.site.cs}}\">{{/main}}{{/base}}"
        let site = try FixtureSite(files)
        await #expect {
            try await site.build()
        } throws: { error in
            "\(error)".contains("theme/templates/404.mustache:2:13: error: template '404' links {{assets.site.cs}}, which names no file of the theme's assets/")
        }
    }

    /// `thidua serve`: a saved asset gets its new name in the output and in every page, the
    /// old name is removed, and bytes that change back bring the first name back.
    @Test func serveRelinksPagesWhenAnAssetChanges() async throws {
        let site = try FixtureSite(Fixtures.site.merging(MiniTheme.files) { $1 })
        var live = LiveSite(root: site.root, output: site.output,
                            options: BuildOptions(now: CalendarDate(iso: "2024-05-10")!, drafts: false, future: false))
        _ = try await live.rebuild(changed: nil)
        let first = AssetFingerprint.path("assets/site.css", bytes: Array("body{}\n".utf8))
        let second = AssetFingerprint.path("assets/site.css", bytes: Array("body{color:#123}\n".utf8))
        func search() throws -> String {
            String(decoding: try #require(try site.outputTree()["search/index.html"]), as: UTF8.self)
        }
        #expect(try search().contains("/\(first)"))

        // An asset no template names is published, and no page is rendered again for it.
        try site.write("theme/assets/photo.png", "png")
        let added = try await live.rebuild(changed: ["theme/assets/photo.png"])
        #expect(added.rendered == 0)
        #expect(try site.outputTree()[AssetFingerprint.path("assets/photo.png", bytes: Array("png".utf8))] == Data("png".utf8))

        try site.write("theme/assets/site.css", "body{color:#123}\n")
        let saved = try await live.rebuild(changed: ["theme/assets/site.css"])
        #expect(saved.rendered > 0)
        var tree = try site.outputTree()
        #expect(tree[first] == nil)
        #expect(tree[second] == Data("body{color:#123}\n".utf8))
        #expect(tree["assets/site.css"] == Data("body{color:#123}\n".utf8))
        #expect(try search().contains("/\(second)"))

        try site.write("theme/assets/site.css", "body{}\n")
        _ = try await live.rebuild(changed: ["theme/assets/site.css"])
        tree = try site.outputTree()
        #expect(tree[second] == nil)
        #expect(tree[first] == Data("body{}\n".utf8))
        #expect(try search().contains("/\(first)"))
    }
}
