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

    @Test func summaryIsTheFirstParagraphAsPlainText() {
        let output = MarkdownRenderer.render("# Tiêu đề\n\nCông đoàn **xã** tặng\nquà [Tết](/tet/).\n\nĐoạn hai.\n")
        #expect(output.firstParagraph == "Công đoàn xã tặng quà Tết.")
    }
}
