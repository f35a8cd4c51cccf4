import Foundation
import Testing
@testable import ThiDuaKit

/// The index files are written by hand; these hold them to the bytes JSONEncoder wrote, and
/// the snippets' quick path to the grapheme rules it stands in for.
@Suite struct SearchTextTests {
    @Test func jsonTextIsWhatJSONEncoderWrites() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let keys = ["10", "2", "A", "a", "a10", "a2", "đoàn", "đoán", "e\u{301}x", "é", "~", "_x", "Z", ""]
        let values = ["/stories/tết/", "a\"b\\c", "\r\n\t\u{8}\u{c}\u{0}\u{b}\u{1f}\u{7f}", "\u{2028}“Đoàn”…", ""]
        let nested = Dictionary(uniqueKeysWithValues: keys.enumerated().map { index, key in
            (key, Dictionary(uniqueKeysWithValues: keys.prefix(index % 5 + 1).map { ($0, values[index % values.count]) }))
        })
        var json = SearchIndex.JSONText()
        json.object(nested.map { (key: $0.key, value: $0.value) }) { json, inner in
            json.object(inner.map { (key: $0.key, value: $0.value) }) { $0.string($1) }
        }
        #expect(json.text == String(decoding: try encoder.encode(nested), as: UTF8.self))

        let rows = [values, [], ["x"]]
        var array = SearchIndex.JSONText()
        array.array(rows) { json, row in json.array(row) { $0.string($1) } }
        #expect(array.text == String(decoding: try encoder.encode(rows), as: UTF8.self))
    }

    @Test func snippetsCutCharactersNotScalars() {
        let text = String(repeating: "Đoàn viên người lao động được hưởng ứng, ", count: 12)
        let composed = SearchIndex.Snippet.make(text, limit: 160)
        let decomposed = SearchIndex.Snippet.make(text.decomposedStringWithCanonicalMapping, limit: 160)
        #expect(composed.count <= 160 && composed.hasSuffix("…"))
        #expect(decomposed.precomposedStringWithCanonicalMapping == composed)
        // Exactly at the limit: kept whole, without an ellipsis.
        let exact = String(repeating: "ạ", count: 160)
        #expect(SearchIndex.Snippet.make(exact, limit: 160) == exact)
        #expect(SearchIndex.Snippet.make(exact + "b", limit: 160) == String(repeating: "ạ", count: 159) + "…")
    }
}
