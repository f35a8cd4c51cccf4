import Testing
@testable import ThiDuaKit

/// Bodies kept in a temporary file during a build come back byte for byte.
@Suite struct BodyStoreTests {
    @Test func longBodiesGoToTheFileAndComeBackWhole() throws {
        let store = try #require(BodyStore())
        let long = String(repeating: "<p>Đoàn viên công đoàn cơ sở 😀 & “thi đua”</p>\n", count: 60)
        let short = "<p>Ngắn</p>"
        let kept = [store.keep(long), store.keep(short), store.keep(long + "!")]
        guard case .stored(_, let offset, let count) = kept[0] else {
            Issue.record("a long body stays in memory")
            return
        }
        #expect(offset == 0 && count == long.utf8.count)
        guard case .inline = kept[1] else {
            Issue.record("a short body is written out")
            return
        }
        #expect(kept.map(\.html) == [long, short, long + "!"])
        #expect(kept[2].html == long + "!", "read again: the same")
        #expect(store.failed == 0)
    }

    @Test func aParsedItemKeepsItsBodyInTheStore() throws {
        let store = try #require(BodyStore())
        let paragraph = String(repeating: "Công nhân lao động sáng tạo. ", count: 60)
        let file = SourceFile(path: "content/stories/a.md", bytes: Array("---\ntitle: A\ndate: 2024-01-02\n---\n\(paragraph)\n".utf8))
        let item = try ItemParser.parse(file, as: .stories, bodies: store).get()
        guard case .stored = item.entry.storedBody else {
            Issue.record("the body stayed in memory")
            return
        }
        #expect(item.entry.body == "<p>\(paragraph.trimmingCharacters(in: .whitespaces))</p>\n")
    }
}
