/// How a picture is shown, which decides its sizes, its shape and its formats.
enum ImageRole: String, Sendable, Hashable {
    /// The picture at the top of a story or milestone, and pictures inside Markdown bodies:
    /// the whole picture, as wide as the text column on a large screen.
    case lead
    /// Lists and the home page: a 4:3 cut, a third of a screen wide.
    case card
    /// The hall of honour and a person's page: a 4:5 cut around the face.
    case portrait
    /// What chat apps and social networks show with a shared link (`og:image`).
    case social
    /// The site's logo in the header.
    case logo

    /// Widths to publish, largest first. Lead widths cover a phone at 1× to a desktop text
    /// column at 2×; the others are twice what the default theme shows, for sharp screens.
    var widths: [Int] {
        switch self {
        case .lead: return [1600, 960, 480]
        case .card: return [960, 480]
        case .portrait: return [640, 320]
        case .social: return [1200]
        case .logo: return [192, 96]
        }
    }

    /// Width to height of the cut, or nil to keep the picture's own shape.
    var aspect: (width: Int, height: Int)? {
        switch self {
        case .lead, .logo: return nil
        case .card: return (4, 3)
        case .portrait: return (4, 5)
        // The size Facebook, Zalo and X ask for: 1200×630.
        case .social: return (1200, 630)
        }
    }

    /// How the picture is cut in this role: a shape of its own around the editor's focus or,
    /// without one, what libvips' attention finds; the whole picture needs no cut.
    func crop(focus: CropMode?) -> CropMode {
        aspect == nil ? .none : focus ?? .attention
    }

    /// AVIF first (a third of WebP's bytes), then WebP, then a fallback every browser shows.
    /// The sharing picture is one file: link previews read JPEG or PNG, rarely AVIF.
    func formats(hasAlpha: Bool) -> [ImageFormat] {
        let fallback: ImageFormat = hasAlpha ? .png : .jpeg
        return self == .social ? [fallback] : [.avif, .webp, fallback]
    }

    /// The sizes of the renditions of a `width`×`height` picture (as shown, after its EXIF
    /// orientation), never larger than the picture: a small photo gives one size, its own
    /// (or its largest cut of the role's shape).
    func sizes(width: Int, height: Int) -> [ImageSize] {
        guard width > 0, height > 0 else { return [] }
        guard let aspect else {
            let fitting = widths.filter { $0 <= width }
            return (fitting.isEmpty ? [width] : fitting).map { w in
                ImageSize(width: w, height: max(1, Int((Double(w) * Double(height) / Double(width)).rounded())))
            }
        }
        // The largest cut of this shape the picture holds.
        let widest = min(width, height * aspect.width / aspect.height)
        let fitting = widths.filter { $0 <= widest }
        return (fitting.isEmpty ? [max(1, widest)] : fitting).map { w in
            ImageSize(width: w, height: max(1, w * aspect.height / aspect.width))
        }
    }
}

extension CropMode {
    /// `focus:` of front matter: a side (`left`, `right`, `top`, `bottom`, `center`) or a
    /// point as fractions of the width and height from the top left (`0.3,0.4`); nil when
    /// the text is neither.
    init?(focus text: String) {
        let word = text.trimmingWhitespace().lowercased()
        switch word {
        case "left": self = .focus(x: 0, y: 0.5)
        case "right": self = .focus(x: 1, y: 0.5)
        case "top": self = .focus(x: 0.5, y: 0)
        case "bottom": self = .focus(x: 0.5, y: 1)
        case "center", "centre", "giữa": self = .focus(x: 0.5, y: 0.5)
        default:
            let parts = word.split(separator: ",").map { Double(String($0).trimmingWhitespace()) }
            guard parts.count == 2, let x = parts[0], let y = parts[1], (0...1).contains(x), (0...1).contains(y) else {
                return nil
            }
            self = .focus(x: x, y: y)
        }
    }

    /// What goes into a cache key: the same cut gives the same text on every machine.
    var keyText: String {
        switch self {
        case .none: return "none"
        case .attention: return "attention"
        case .focus(let x, let y): return "focus:\(x),\(y)"
        }
    }
}
