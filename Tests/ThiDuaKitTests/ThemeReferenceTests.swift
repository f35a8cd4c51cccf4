import Foundation
import Testing
@testable import ThiDuaKit

/// `docs/theme.md` is made from the context types; it must say what the code does.
@Suite struct ThemeReferenceTests {
    private static let file = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/theme.md")

    /// `make docs` rewrites it (THIDUA_UPDATE_DOCS=1); otherwise a stale file fails.
    @Test func theReferenceIsUpToDate() throws {
        let made = ThemeReference.markdown() + "\n"
        if ProcessInfo.processInfo.environment["THIDUA_UPDATE_DOCS"] == "1" {
            try Data(made.utf8).write(to: Self.file)
        }
        let written = try String(contentsOf: Self.file, encoding: .utf8)
        #expect(written == made, "docs/theme.md is stale: run `make docs`")
    }

    /// Every value the default theme's templates read is documented, under its kind.
    @Test func everyFieldOfEveryPageIsListed() {
        let text = ThemeReference.markdown()
        for kind in PageKind.allCases {
            #expect(text.contains("### \(kind.frame.name)\n"), "\(kind)")
            for field in kind.frame.fields {
                #expect(text.contains("| `\(field.name)` |"), "\(kind).\(field.name)")
            }
        }
        #expect(text.contains("| `permalink` | text |"))
        #expect(text.contains("| `tags` | list of [Link](#link) |"))
        #expect(text.contains("### Story\n"))
    }
}
