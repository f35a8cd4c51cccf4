import Foundation
import Mustache
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
        ThemeAsset(file: StaticFile(sourcePath: "/t/\(path)", outputPath: path),
                   fingerprintedPath: AssetFingerprint.path(path, bytes: Array(path.utf8)))
    }

    @Test func templatesReachEveryAssetByItsDottedPath() throws {
        let assets = ["assets/style.css", "assets/fonts/be-vietnam.woff2", "assets/search.js"].map(asset)
        let tree = try AssetLinks.tree(assets).get()
        let template = try MustacheTemplate(string: "{{assets.style.css}} {{assets.fonts.be-vietnam.woff2}} {{assets.search.js}}")
        let expected = assets.map { "/" + $0.fingerprintedPath }.joined(separator: " ")
        #expect(template.render(["assets": tree]) == expected)
    }

    @Test func aNameThatIsAlsoAFolderOfAnotherIsReported() {
        let result = AssetLinks.tree(["assets/logo", "assets/logo.svg", "assets/style.css"].map(asset))
        guard case .failure(let failure) = result else {
            Issue.record("assets/logo and assets/logo.svg must clash")
            return
        }
        #expect(failure.diagnostics.map(\.description) == [
            "theme/assets/logo.svg:1:1: error: this file and 'theme/assets/logo' cannot both be linked from templates ({{assets.…}} splits names at '/' and '.'); rename one of them",
        ])
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

    @Test func clashingAssetNamesFailTheBuild() async throws {
        var files = Fixtures.site.merging(MiniTheme.files) { $1 }
        files["theme/assets/logo"] = "x"
        files["theme/assets/logo.svg"] = "<svg/>"
        let site = try FixtureSite(files)
        await #expect {
            try await site.build()
        } throws: { error in
            "\(error)".contains("theme/assets/logo.svg:1:1: error: this file and 'theme/assets/logo' cannot both be linked from templates")
        }
    }
}
