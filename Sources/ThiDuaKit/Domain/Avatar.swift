import Foundation

/// The stand-in for a person without a photo: the initial of the name a Vietnamese reader
/// calls them by, on a colour of their own.
enum Avatar {
    /// Dark enough for white letters (contrast above 4.5:1 on each), distinct from each other.
    static let colours = ["#8e2430", "#1f5f8b", "#2e6b3a", "#7a4a12", "#5b3f8c", "#0f6b6b", "#9c2f6e", "#4b5563"]

    /// A Vietnamese name is family name, middle names, then the given name, and people are
    /// called and filed by the given name: "Nguyễn Thị Mai" → "M", "Lò Văn Ước" → "Ư". A
    /// collective has no given name; its own first letter stands for it.
    static func initial(of name: String, individual: Bool = true) -> String {
        // "Nguyễn Văn An (Tổ trưởng)": what is in brackets is not the name.
        let bare = name.split(separator: "(").first.map(String.init) ?? name
        let words = bare.split(whereSeparator: { $0.isWhitespace })
        guard let word = individual ? words.last : words.first, let first = word.first(where: { $0.isLetter || $0.isNumber }) else {
            return "?"
        }
        // The letter without its tone mark: "Ước" → "Ư", "Ánh" → "A"; đ stays Đ.
        return String(first).uppercased().decomposedLetter
    }

    /// The same name gets the same colour on every page and in every build.
    static func colour(for name: String) -> String {
        var hash = FNV1a()
        // The same name typed with composed or decomposed marks is the same person.
        hash.add(name.precomposedStringWithCanonicalMapping)
        return colours[Int(hash.value % UInt64(colours.count))]
    }
}

private extension String {
    /// The base letter with the marks that make it a Vietnamese letter (ă â ê ô ơ ư), without
    /// the tone: the five tone marks are dropped, the letter's own marks kept.
    var decomposedLetter: String {
        let tones: Set<UInt32> = [0x0300, 0x0301, 0x0303, 0x0309, 0x0323]
        let scalars = decomposedStringWithCanonicalMapping.unicodeScalars.filter { !tones.contains($0.value) }
        return String(String.UnicodeScalarView(scalars)).precomposedStringWithCanonicalMapping
    }
}
