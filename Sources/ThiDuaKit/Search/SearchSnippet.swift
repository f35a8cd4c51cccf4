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
            var oneScalarEach = true
            for scalar in text.unicodeScalars {
                let v = scalar.value
                if v < 0x80 ? (v == 0x20 || (v >= 0x09 && v <= 0x0D)) : scalar.properties.isWhitespace {
                    pendingSpace = !flat.isEmpty
                    continue
                }
                if pendingSpace {
                    flat.append(0x20)
                    pendingSpace = false
                }
                flat.append(contentsOf: UTF8.encode(scalar)!)
                oneScalarEach = oneScalarEach && isWholeCharacter(v)
                characters += 1
                // Scalars outnumber characters only with combining marks: stop well past, or
                // just past when every scalar so far is a character.
                if characters > (oneScalarEach ? limit : limit * 4) { break }
            }
            let whole = String(decoding: flat, as: UTF8.self)
            if oneScalarEach {
                // Each scalar is a character: counted and cut without the grapheme rules,
                // which were most of the time of a snippet.
                let scalars = whole.unicodeScalars
                guard scalars.count > limit else { return whole }
                var cut = scalars.prefix(limit - 1)
                if let space = cut.lastIndex(of: " ") { cut = cut[..<space] }
                while let last = cut.last, last == " " || ",;:.-–—".unicodeScalars.contains(last) { cut = cut.dropLast() }
                return String(cut) + "…"
            }
            guard whole.count > limit else { return whole }
            let head = whole.prefix(limit - 1)
            var cut = head.lastIndex(of: " ").map { head[..<$0] } ?? head
            // "…" after a comma or colon reads as a typo.
            while let last = cut.last, last == " " || ",;:.-–—".contains(last) { cut = cut.dropLast() }
            return cut + "…"
        }

        /// Whether `v` is a character by itself whatever stands around it: Latin and Vietnamese
        /// letters and the common punctuation, never a combining mark, joiner or line break.
        private static func isWholeCharacter(_ v: UInt32) -> Bool {
            (v >= 0x20 && v < 0x300) || (v >= 0x1E00 && v < 0x1F00) || (v >= 0x2010 && v < 0x2028) || (v >= 0x2030 && v < 0x205F)
        }

        /// White space outside ASCII and Latin-1 controls.
        private static func isOtherSpace(_ v: UInt32) -> Bool {
            v == 0x1680 || (v >= 0x2000 && v <= 0x200A) || v == 0x2028 || v == 0x2029 || v == 0x202F
                || v == 0x205F || v == 0x3000
        }
    }
}
