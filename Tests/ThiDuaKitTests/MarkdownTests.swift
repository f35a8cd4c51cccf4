import Testing
@testable import ThiDuaKit

@Suite struct MarkdownTests {
    @Test func rawHTMLAndJavascriptLinksDoNotReachTheOutput() {
        let output = MarkdownRenderer.render("""
        <script>alert(1)</script>

        [bấm](javascript:alert(1)) <img src=x onerror=alert(1)>
        """)
        #expect(!output.html.contains("<script"))
        #expect(!output.html.contains("onerror"))
        #expect(!output.html.contains("javascript:"))
        #expect(output.html.contains("<!-- raw HTML omitted -->"))
    }

    @Test func headingsGetIDsFromTheirText() {
        let output = MarkdownRenderer.render("## Mục đích, yêu cầu\n\nA\n\n### Mục đích, yêu cầu\n\n## `code` và *nhấn*\n")
        #expect(output.html == """
        <h2 id="muc-dich-yeu-cau">Mục đích, yêu cầu</h2>
        <p>A</p>
        <h3 id="muc-dich-yeu-cau-1">Mục đích, yêu cầu</h3>
        <h2 id="code-va-nhan"><code>code</code> và <em>nhấn</em></h2>

        """)
    }

    @Test func headingsOfOneTextAreNumberedAroundOnesThatReadNumbered() {
        var ids = HeadingIDs()
        let made = ["Kết quả", "Kết quả", "Kết quả 1", "Kết quả", "", "Kết quả 3", "Kết quả", ""].map { ids.make(from: $0) }
        #expect(made == ["ket-qua", "ket-qua-1", "ket-qua-1-1", "ket-qua-2", "muc", "ket-qua-3", "ket-qua-4", "muc-1"])
    }

    /// The fuzzer's neighbourhood: a body of headings of one text is refused by its size or
    /// numbered in one pass (the benchmark's hostile inputs time it).
    @Test func manyHeadingsOfOneTextGetDistinctIDs() {
        let output = MarkdownRenderer.render(String(repeating: "# a\n", count: 5_000))
        #expect(output.html.hasSuffix("<h1 id=\"a-4999\">a</h1>\n"))
        #expect(Set(output.html.split(separator: "\n")).count == 5_000)
    }

    @Test func summaryIsTheFirstParagraphAsPlainText() {
        let output = MarkdownRenderer.render("# Tiêu đề\n\nCông đoàn **xã** tặng\nquà [Tết](/tet/).\n\nĐoạn hai.\n")
        #expect(output.firstParagraph == "Công đoàn xã tặng quà Tết.")
    }
}
