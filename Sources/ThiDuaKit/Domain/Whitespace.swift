extension String {
    /// The text without the white space (line breaks included) at either end. Foundation's
    /// `trimmingCharacters(in:)` goes through NSString on Linux and copied every heading and
    /// link text of a site twice: 4 % of a build.
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return self }
        return String(Substring(scalars[first...last]))
    }
}

extension Unicode.Scalar {
    /// Unicode's White_Space, answered without the property tables for ASCII, which is
    /// nearly every space of a site's text.
    var isWhitespace: Bool {
        value < 0x80 ? value == 0x20 || (value >= 0x09 && value <= 0x0D) : properties.isWhitespace
    }
}
