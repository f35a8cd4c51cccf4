/// A Markdown file cut into its YAML front matter and its body.
struct FrontMatterSplit: Equatable {
    let yaml: String
    /// Lines before the YAML's first line, to turn YAML positions into file positions.
    let yamlLineOffset: Int
    let body: String
    let bodyLineOffset: Int

    /// Front matter sits between a first line `---` and the next line that is `---` or `...`.
    /// A file without it has no metadata, which is an error for every collection (each
    /// requires a title), so it is reported here with a hint.
    static func split(_ text: String, path: String) -> Result<FrontMatterSplit, Diagnostic> {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmingTrailingSpaces() == "---" else {
            return .failure(Diagnostic(path: path, message: "missing front matter: the file must start with a line '---', then the keys (title: …), then '---'"))
        }
        lines.removeFirst()
        guard let close = lines.firstIndex(where: { let t = $0.trimmingTrailingSpaces(); return t == "---" || t == "..." }) else {
            return .failure(Diagnostic(path: path, message: "front matter opened by '---' on line 1 is never closed; add a line '---' after the last key"))
        }
        let yaml = lines[..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        return .success(FrontMatterSplit(yaml: yaml, yamlLineOffset: 1, body: body, bodyLineOffset: close + 2))
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
