import Foundation

/// Vietnamese alphabetical order: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y,
/// with tones compared only when the letters are equal (ngang, huyền, hỏi, ngã, sắc, nặng).
public enum VietnameseCollation {
    public struct Key: Comparable, Sendable {
        let letters: [Int]
        let tones: [Int]

        public static func < (a: Key, b: Key) -> Bool {
            if a.letters != b.letters { return a.letters.lexicographicallyPrecedes(b.letters) }
            return a.tones.lexicographicallyPrecedes(b.tones)
        }
    }

    /// Latin letters missing from the Vietnamese alphabet (f, j, w, z) keep their Latin place.
    private static let alphabet: [String] = [
        "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m", "n",
        "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
    ]
    private static let letterRank: [String: Int] = Dictionary(
        uniqueKeysWithValues: alphabet.enumerated().map { ($0.element, $0.offset + 100) })
    private static let toneRank: [Unicode.Scalar: Int] = [
        "\u{0300}": 1, "\u{0309}": 2, "\u{0303}": 3, "\u{0301}": 4, "\u{0323}": 5,
    ]
    private static let letterMarks: Set<Unicode.Scalar> = ["\u{0306}", "\u{0302}", "\u{031B}"]

    public static func key(_ text: String) -> Key {
        // One decomposition of the whole text, then one pass over its scalars: a base letter
        // opens a letter, a breve, circumflex or horn turns it into ă â ê ô ơ ư, a tone mark
        // sets its tone. (Decomposing character by character cost a fifth of a rebuild.)
        var letters: [Int] = []
        var tones: [Int] = []
        var base: Unicode.Scalar?
        var mark: Unicode.Scalar?
        var tone = 0
        func close() {
            guard let current = base else { return }
            var letter = String(current)
            if let mark { letter.unicodeScalars.append(mark) }
            let composed = mark == nil ? letter : letter.precomposedStringWithCanonicalMapping
            if let rank = letterRank[composed] {
                letters.append(rank)
            } else {
                // Digits, spaces and punctuation sort before letters, by code point.
                letters.append(Int(min(current.value, 99)))
            }
            tones.append(tone)
            base = nil
            mark = nil
            tone = 0
        }
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            if let rank = toneRank[scalar] {
                tone = rank
            } else if letterMarks.contains(scalar), base != nil {
                mark = scalar
            } else if scalar.properties.generalCategory == .nonspacingMark {
                continue
            } else {
                close()
                base = scalar
            }
        }
        close()
        return Key(letters: letters, tones: tones)
    }

    /// Orders a person's name the Vietnamese way: given name (the last word) first, then the
    /// family and middle names, so "Trần Thị Ánh" files under A.
    public static func personKey(_ name: String) -> (Key, Key) {
        let words = name.split(whereSeparator: \.isWhitespace)
        guard let given = words.last else { return (key(""), key("")) }
        return (key(String(given)), key(words.dropLast().joined(separator: " ")))
    }

    public static func isOrderedBefore(personNamed a: String, _ b: String) -> Bool {
        let ka = personKey(a), kb = personKey(b)
        if ka.0 != kb.0 { return ka.0 < kb.0 }
        return ka.1 < kb.1
    }
}
