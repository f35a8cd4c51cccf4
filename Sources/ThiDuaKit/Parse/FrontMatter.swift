/// A Markdown file cut into its YAML front matter and its body.
struct FrontMatterSplit: Equatable {
    let yaml: String
    /// Lines before the YAML's first line, to turn YAML positions into file positions.
    let yamlLineOffset: Int
    let body: String
    let bodyLineOffset: Int

    /// Front matter sits between a first line `---` and the next line that is `---` or `...`.
    /// A file without it has no metadata, which is an error for every collection (each
    /// requires a title), so it is reported here with a hint. Lines are found on the UTF-8
    /// view and only up to the closing line: the body is passed on as it is.
    static func split(_ text: String, path: String) -> Result<FrontMatterSplit, Diagnostic> {
        var reader = LineReader(text: text)
        guard let first = reader.next(), isFence(first, closing: false) else {
            return .failure(Diagnostic(path: path, message: "missing front matter: the file must start with a line '---', then the keys (title: …), then '---'"))
        }
        let yamlStart = reader.position
        var yamlEnd = yamlStart
        while let line = reader.next() {
            if isFence(line, closing: true) {
                return .success(FrontMatterSplit(
                    yaml: String(text[yamlStart..<yamlEnd]), yamlLineOffset: 1,
                    body: String(text[reader.position...]), bodyLineOffset: reader.lineNumber))
            }
            yamlEnd = line.endIndex
        }
        return .failure(Diagnostic(path: path, message: "front matter opened by '---' on line 1 is never closed; add a line '---' after the last key"))
    }

    private static func isFence(_ line: Substring, closing: Bool) -> Bool {
        let trimmed = line.trimmingTrailingSpaces()
        return trimmed == "---" || (closing && trimmed == "...")
    }
}

/// Lines of a text, one at a time, without splitting the rest of it.
private struct LineReader {
    let text: String
    private(set) var position: String.Index
    private(set) var lineNumber = 0

    init(text: String) {
        self.text = text
        self.position = text.startIndex
    }

    mutating func next() -> Substring? {
        guard position < text.endIndex else { return nil }
        let utf8 = text.utf8
        let end = utf8[position...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
        let line = text[position..<end]
        position = end < utf8.endIndex ? utf8.index(after: end) : end
        lineNumber += 1
        return line
    }
}

extension Substring {
    func trimmingTrailingSpaces() -> Substring {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == " " || self[index(before: end)] == "\t" {
            end = index(before: end)
        }
        return self[startIndex..<end]
    }
}
