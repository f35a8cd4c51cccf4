import Foundation

/// Pictures in Markdown bodies, shown like every other picture: libcmark writes
/// `<img src="…" alt="…" />`, and each such tag whose picture was processed is replaced by the
/// theme's `picture` template over the picture's data.
extension ContextBuilder {
    /// `eagerFirst`: the body's first picture is the page's lead (the item has none above it).
    func bodyWithPictures(_ entry: Entry, eagerFirst: Bool) -> BodyText {
        guard entry.references.contains(where: \.isImage), let template = theme.picture else { return entry.storedBody }
        let html = entry.body
        var result = ""
        var rest = Substring(html)
        var first = eagerFirst
        while let tag = CmarkImageTag.next(in: rest) {
            result += rest[..<tag.range.lowerBound]
            rest = rest[tag.range.upperBound...]
            guard let source = MediaPath.fromMarkdown(tag.src, in: entry.path),
                  images[ImageKey(source: source, role: .lead, crop: .none)] != nil else {
                result += html[tag.range]
                continue
            }
            var context = picture(ImageKey(source: source, role: .lead, crop: .none), written: tag.src, alt: tag.alt, eager: first)
            context.tooltip = tag.title
            first = false
            result += text(template, [.object(context)], capacity: 1024)
        }
        result += rest
        return .inline(result)
    }
}

/// An image tag as libcmark writes it, its attributes unescaped.
struct CmarkImageTag {
    let range: Range<String.Index>
    let src: String
    let alt: String
    let title: String?

    /// The next `<img src="…" alt="…"( title="…")? />` of `html`. libcmark writes exactly this
    /// shape and escapes `"` inside values, so a value ends at the next quote.
    static func next(in html: Substring) -> CmarkImageTag? {
        var search = html
        while let start = search.range(of: "<img src=\"") {
            var rest = search[start.upperBound...]
            guard let src = value(&rest), rest.hasPrefix(" alt=\"") else {
                search = search[start.upperBound...]
                continue
            }
            rest = rest.dropFirst(" alt=\"".count)
            guard let alt = value(&rest) else { return nil }
            var title: Substring?
            if rest.hasPrefix(" title=\"") {
                rest = rest.dropFirst(" title=\"".count)
                title = value(&rest)
            }
            guard rest.hasPrefix(" />") else {
                search = rest
                continue
            }
            let end = rest.index(rest.startIndex, offsetBy: 3)
            return CmarkImageTag(range: start.lowerBound..<end, src: unescape(src), alt: unescape(alt), title: title.map { unescape($0) })
        }
        return nil
    }

    /// The text up to the closing quote, which is consumed.
    private static func value(_ rest: inout Substring) -> Substring? {
        guard let quote = rest.firstIndex(of: "\"") else { return nil }
        let value = rest[..<quote]
        rest = rest[rest.index(after: quote)...]
        return value
    }

    /// The four entities libcmark writes in attribute values; the theme escapes them again.
    private static func unescape(_ text: Substring) -> String {
        guard text.contains("&") else { return String(text) }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }
}
