/// Turns a file's bytes into text the parsers can trust: UTF-8 only, no byte-order mark,
/// `\n` line endings (files saved on Windows arrive with a BOM and CRLF).
enum TextDecoding {
    static func decode(_ file: SourceFile) -> Result<String, Diagnostic> {
        var bytes = file.bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return .failure(Diagnostic(
                path: file.path, position: firstInvalidByte(in: bytes),
                message: "file is not UTF-8 text; save it as UTF-8 (Unicode)"))
        }
        // Looked for in the bytes: `contains` on the string's UTF-8 view is far slower.
        return .success(bytes.contains(UInt8(ascii: "\r")) ? normaliseLineEndings(text) : text)
    }

    private static func normaliseLineEndings(_ text: String) -> String {
        // "\r\n" is one Character in Swift, so this replaces whole CRLF pairs, then lone CRs.
        String(text.map { $0 == "\r\n" || $0 == "\r" ? "\n" : $0 })
    }

    /// Where decoding fails, so the editor can find the stray byte.
    private static func firstInvalidByte(in bytes: ArraySlice<UInt8>) -> SourcePosition {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var line = 1, column = 1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput, .error:
                return SourcePosition(line: line, column: column)
            }
        }
    }
}
