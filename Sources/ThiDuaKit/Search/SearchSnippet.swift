extension SearchIndex {
    enum Snippet {
        /// At most `limit` characters, cut at a space with an ellipsis when the text is longer.
        static func make(_ text: String, limit: Int) -> String {
            // Most summaries are one short line already; checking that is cheaper than
            // collapsing and counting characters for every document of the site.
            var scalars = 0
            var previousSpace = true
            let clean = text.unicodeScalars.allSatisfy { scalar in
                scalars += 1
                let v = scalar.value
                if v == 0x20 {
                    defer { previousSpace = true }
                    return !previousSpace
                }
                previousSpace = false
                return v > 0x20 && !(v >= 0x7F && v <= 0xA0) && !isOtherSpace(v)
            }
            if clean && !previousSpace && scalars <= limit { return text }
            // White space collapsed scalar by scalar into UTF-8 bytes: summaries are short, but
            // a body without one is not, and Character-wise work on all of it showed in profiles.
            var flat: [UInt8] = []
            flat.reserveCapacity(min(text.utf8.count, limit * 16))
            var pendingSpace = false
            var characters = 0
            for scalar in text.unicodeScalars {
                if scalar.isWhitespace {
                    pendingSpace = !flat.isEmpty
                    continue
                }
                if pendingSpace {
                    flat.append(0x20)
                    pendingSpace = false
                }
                flat.append(contentsOf: UTF8.encode(scalar)!)
                characters += 1
                // Scalars outnumber characters only with combining marks: stop well past.
                if characters > limit * 4 { break }
            }
            let whole = String(decoding: flat, as: UTF8.self)
            guard whole.count > limit else { return whole }
            let head = whole.prefix(limit - 1)
            var cut = head.lastIndex(of: " ").map { head[..<$0] } ?? head
            // "…" after a comma or colon reads as a typo.
            while let last = cut.last, last == " " || ",;:.-–—".contains(last) { cut = cut.dropLast() }
            return cut + "…"
        }

        /// White space outside ASCII and Latin-1 controls.
        private static func isOtherSpace(_ v: UInt32) -> Bool {
            v == 0x1680 || (v >= 0x2000 && v <= 0x200A) || v == 0x2028 || v == 0x2029 || v == 0x202F
                || v == 0x205F || v == 0x3000
        }
    }
}
