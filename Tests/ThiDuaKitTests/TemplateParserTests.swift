import Testing
@testable import ThiDuaKit

/// Whitespace rules where the spec leaves room and the parser must do as swift-mustache.
@Suite struct TemplateParserTests {
    static let noData = DataValue.map([:])

    static func both(_ template: String, _ partials: [String: String] = [:]) throws -> (thidua: String?, reference: String) {
        let reference = try TemplateHarness.reference(template, partials: partials, data: noData)
        guard case .rendered(let bytes) = TemplateHarness.render(template, partials: partials, data: noData, type: .inferred(from: noData)) else {
            return (nil, reference)
        }
        return (String(decoding: bytes, as: UTF8.self), reference)
    }

    /// Blanks before a comment or a delimiter tag that is not standalone are the
    /// indentation of a block or parent later on that line, as if the tag were not there.
    @Test(arguments: [
        ("\t{{!}}{{$b}}\nc{{/b}}", [:], "\t\n\tc"),
        (" {{=[[ ]]=}}[[<p]][[/p]]", ["p": "a\nb"], " a\n b"),
        ("  {{!x}}{{=<% %>=}}<%$b%>1\n2<%/b%>|", [:], "  1\n  2|"),
        // Not standalone: written where they stand, before what follows on the line.
        ("\t{{!}}{{!}}x\n", [:], "\tx\n"),
    ] as [(String, [String: String], String)])
    func blanksBeforeACommentIndentWhatFollows(_ template: String, _ partials: [String: String], _ expected: String) throws {
        let (thidua, reference) = try Self.both(template, partials)
        #expect(reference == expected)
        #expect(thidua == expected)
    }
}
