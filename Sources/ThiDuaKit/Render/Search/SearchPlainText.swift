extension SearchIndex {
    /// Visible text of the HTML libcmark writes, read byte by byte rather than parsed: cmark
    /// escapes every `<` and `&` of the text itself, so a `<` always opens a tag.
    enum PlainText {
        /// Text of `html`, with a line break wherever a block starts or ends, so that
        /// phrases do not run from one paragraph or list item into the next. With `atLeast`,
        /// the text stops at the first break between words once it has that many bytes.
        static func fromHTML(_ html: String, atLeast: Int = .max) -> String {
            let space = UInt8(ascii: " "), newline = UInt8(ascii: "\n")
            var out: [UInt8] = []
            out.reserveCapacity(html.utf8.count)
            var inTag = false, inEntity = false
            var name: [UInt8] = []
            var nameDone = false
            func emit(_ byte: UInt8) {
                // Runs of white space become one character, a line break if any was one.
                if byte == space || byte == newline {
                    guard let last = out.last else { return }
                    if last == newline { return }
                    if last == space {
                        out[out.count - 1] = byte
                        return
                    }
                }
                out.append(byte)
            }
            bytes: for byte in html.utf8 {
                if inTag {
                    if byte == UInt8(ascii: ">") {
                        inTag = false
                        emit(blockTags.contains(name) ? newline : space)
                    } else if !nameDone {
                        if isNameByte(byte) {
                            name.append(byte | 0x20)
                        } else if !(byte == UInt8(ascii: "/") && name.isEmpty) {
                            nameDone = true
                        }
                    }
                    continue
                }
                if inEntity {
                    if byte == UInt8(ascii: ";") {
                        inEntity = false
                        if let text = entities[name] { out.append(text) } else { emit(newline) }
                    } else if isNameByte(byte) || byte == UInt8(ascii: "#") {
                        name.append(byte)
                    } else {
                        inEntity = false
                        out.append(UInt8(ascii: "&"))
                        out.append(contentsOf: name)
                        emit(byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") ? space : byte)
                    }
                    continue
                }
                switch byte {
                case UInt8(ascii: "<"):
                    inTag = true
                    nameDone = false
                    name.removeAll(keepingCapacity: true)
                case UInt8(ascii: "&"):
                    inEntity = true
                    name.removeAll(keepingCapacity: true)
                case UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                    if out.count >= atLeast { break bytes }
                    // libcmark writes a soft line break inside a paragraph as a newline.
                    emit(space)
                case UInt8(ascii: " ") where out.count >= atLeast:
                    break bytes
                default:
                    out.append(byte)
                }
            }
            while let last = out.last, last == space || last == newline { out.removeLast() }
            return String(decoding: out, as: UTF8.self)
        }

        /// The entities libcmark writes.
        private static let entities: [[UInt8]: UInt8] = [
            Array("amp".utf8): UInt8(ascii: "&"), Array("lt".utf8): UInt8(ascii: "<"),
            Array("gt".utf8): UInt8(ascii: ">"), Array("quot".utf8): UInt8(ascii: "\""),
            Array("#39".utf8): UInt8(ascii: "'"),
        ]

        private static let blockTags: Set<[UInt8]> = Set([
            "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote",
            "pre", "div", "table", "thead", "tbody", "tr", "td", "th", "dl", "dt", "dd", "figure",
            "figcaption", "section", "article", "aside", "header", "footer", "nav",
        ].map { Array($0.utf8) })

        private static func isNameByte(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
        }
    }
}
