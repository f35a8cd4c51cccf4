import Foundation

/// URL-safe identifiers from Vietnamese text.
public enum Slug {
    /// "Mừng Đảng quang vinh" → "mung-dang-quang-vinh": diacritics dropped, đ/Đ read as d,
    /// every run of other characters one hyphen. Đ has no Unicode decomposition, so a generic
    /// "strip accents" pass would lose it; it is mapped before folding.
    public static func make(_ text: String) -> String {
        var slug = ""
        var pendingHyphen = false
        for scalar in Folding.fold(text).unicodeScalars {
            if scalar.isASCIIAlphanumeric {
                if pendingHyphen && !slug.isEmpty { slug.append("-") }
                pendingHyphen = false
                slug.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return slug
    }
}

/// Accent folding shared by slugs and search: lower case, no diacritics, đ → d.
public enum Folding {
    public static func fold(_ text: String) -> String {
        // Most slugs come from ASCII file names; they need no Unicode tables.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        // Precomposed Vietnamese (every heading, title and tag of a site) folds letter by
        // letter from a table; normalising each text took 4 % of a build. Anything else,
        // such as combining marks pasted from a word processor, takes the Unicode rules.
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 {
                let byte = UInt8(scalar.value)
                out.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
            } else if let folded = latinLetters[scalar] {
                out.append(contentsOf: folded)
            } else {
                return byUnicodeRules(text)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Lower case, canonical decomposition, combining marks dropped, đ → d.
    static func byUnicodeRules(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar {
            case "\u{0111}": out.append("d")
            case _ where scalar.properties.generalCategory == .nonspacingMark: continue
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// The folding of each Latin letter of Latin-1, Latin Extended-A and -B and Latin
    /// Extended Additional (where Vietnamese letters with two marks live), by the rules above.
    /// İ is left out: it lowers to two scalars.
    static let latinLetters: [Unicode.Scalar: [UInt8]] = {
        var table: [Unicode.Scalar: [UInt8]] = [:]
        for value in Array(0xC0...0x24F) + Array(0x1E00...0x1EFF) where value != 0x130 {
            guard let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic else { continue }
            table[scalar] = Array(byUnicodeRules(String(scalar)).utf8)
        }
        return table
    }()
}

extension Unicode.Scalar {
    var isASCIIAlphanumeric: Bool {
        ("a"..."z").contains(self) || ("0"..."9").contains(self)
    }
}
