/// libcmark keeps a node in memory for nearly every character of Markdown structure: a line
/// break, an emphasis mark, a bracket, an entity. A body under the size limit made of such
/// characters alone made libcmark take 1.5 GB and a build 8 s (7.9 MB of `[[[…{`, found by the
/// fuzzer). A story of a few pages has a few thousand; a body with more than `limit` is an
/// error at the line where the count passes it, before libcmark sees it.
enum MarkdownSize {
    static let limit = 200_000

    /// The line of the body, from 1, at which its structure characters pass `limit`; nil
    /// while they stay within it.
    static func excess(in body: String, limit: Int = limit) -> Int? {
        // Each counted character is a byte, so a shorter body cannot pass the limit.
        guard body.utf8.count > limit else { return nil }
        var count = 0, line = 1, previous: UInt8 = 0
        for byte in body.utf8 {
            // `.` and `)` only after a digit: they open a numbered list there, and end
            // sentences everywhere else.
            if structure[Int(byte)] || ((byte == UInt8(ascii: ".") || byte == UInt8(ascii: ")")) && (0x30...0x39).contains(previous)) {
                count += 1
                if count > limit { return line }
            }
            if byte == UInt8(ascii: "\n") { line += 1 }
            previous = byte
        }
        return nil
    }

    private static let structure: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for character in "\n>&\\`<*_[]!#".utf8 { table[Int(character)] = true }
        return table
    }()
}
