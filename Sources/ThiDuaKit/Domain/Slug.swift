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
}

extension Unicode.Scalar {
    var isASCIIAlphanumeric: Bool {
        ("a"..."z").contains(self) || ("0"..."9").contains(self)
    }
}
