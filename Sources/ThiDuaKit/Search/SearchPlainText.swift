extension SearchIndex {
    /// Visible text of the HTML libcmark writes, read byte by byte rather than parsed: cmark
    /// escapes every `<` and `&` of the text itself, so a `<` always opens a tag.
    enum PlainText {
        /// Text of `html`, with a line break wherever a block starts or ends, so that
        /// phrases do not run from one paragraph or list item into the next. With `atLeast`,
        /// the text stops at the first break between words once it has that many bytes.
        static func fromHTML(_ html: String, atLeast: Int = .max) -> String {
            var html = html
            // Written into the string's own storage: every byte out stands for at least one
            // byte in, so the input's length is room enough. (Appending to an array captured
            // by a nested function cost a heap box and a check per byte: 3 % of a build.)
            return html.withUTF8 { input in
                String(unsafeUninitializedCapacity: input.count) { out in
                    plainText(input, into: out, atLeast: atLeast)
                }
            }
        }

        /// The text of the whole of `html` as UTF-8 bytes, in a buffer that lives only for
        /// `body`: indexing reads the text once, and a String of it would be made and
        /// checked for nothing.
        static func withText<R>(of html: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
            var html = html
            return html.withUTF8 { input in
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: input.count) { out in
                    body(UnsafeBufferPointer(rebasing: out[..<plainText(input, into: out, atLeast: .max)]))
                }
            }
        }

        /// The bytes of the text of `input` written to `out`; their count.
        private static func plainText(_ input: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>,
                                      atLeast: Int) -> Int {
            let space = UInt8(ascii: " "), newline = UInt8(ascii: "\n")
            var count = 0
            var inTag = false, inEntity = false
            var name: [UInt8] = []
            var nameDone = false
            func emit(_ byte: UInt8) {
                // Runs of white space become one character, a line break if any was one.
                if byte == space || byte == newline {
                    guard count > 0 else { return }
                    let last = out[count - 1]
                    if last == newline { return }
                    if last == space {
                        out[count - 1] = byte
                        return
                    }
                }
                out[count] = byte
                count += 1
            }
            bytes: for byte in input {
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
                        if let text = entities[name] {
                            out[count] = text
                            count += 1
                        } else {
                            emit(newline)
                        }
                    } else if isNameByte(byte) || byte == UInt8(ascii: "#") {
                        name.append(byte)
                    } else {
                        inEntity = false
                        out[count] = UInt8(ascii: "&")
                        count += 1
                        for nameByte in name {
                            out[count] = nameByte
                            count += 1
                        }
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
                    if count >= atLeast { break bytes }
                    // libcmark writes a soft line break inside a paragraph as a newline.
                    emit(space)
                case UInt8(ascii: " ") where count >= atLeast:
                    break bytes
                default:
                    out[count] = byte
                    count += 1
                }
            }
            while count > 0, out[count - 1] == space || out[count - 1] == newline { count -= 1 }
            return count
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
