import Foundation
import Mustache
@testable import ThiDuaKit

/// A theme's templates in swift-mustache, as written, for the differential tests: every
/// template under its thidua name, so partials and parents resolve as thidua resolves them.
struct ReferenceTheme: Sendable {
    /// iCalendar TEXT values, as thidua escapes `calendar.ics`.
    struct ICalendarContent: MustacheContentType {
        func escapeText(_ text: String) -> String { ICalendarText.escape(text) }
    }

    static let icalendar = "THIDUA_ICALENDAR"

    /// The files whose variables are not HTML-escaped, by template, and the content type of
    /// each. Decided here by the file's name, not by thidua's rule, so that the rule is tested.
    /// `robots.txt` is escaped by nothing: swift-mustache's own `TEXT`.
    static let contentTypes = ["calendar.ics": icalendar, "robots.txt": "TEXT"]

    let library: MustacheLibrary
    let names: [String]

    init(_ source: ThemeSource) throws {
        MustacheContentTypes.register(ICalendarContent(), named: Self.icalendar)
        var library = MustacheLibrary()
        var names: [String] = []
        for file in source.templates {
            guard let range = file.path.range(of: "templates/"), file.path.hasSuffix(".mustache") else { continue }
            let name = String(file.path[range.upperBound...].dropLast(".mustache".count))
            // The text thidua's parser reads: UTF-8 without a byte-order mark, `\n` line ends.
            let text = try TextDecoding.decode(file).get()
            try library.register(text, named: name)
            if let type = Self.contentTypes[name] {
                try library.register(Self.withContentType(type, text), named: Self.typed(name))
                // The same line with HTML's content type must change nothing at all: this
                // shows that the line adds the content type and no other difference.
                try library.register(Self.withContentType("HTML", text), named: Self.typed(name) + " HTML")
            }
            names.append(name)
        }
        self.library = library
        self.names = names.sorted()
    }

    /// swift-mustache starts every template (and every partial) as HTML, and takes another
    /// content type only from a pragma. Set on a line of its own before the template, the
    /// pragma is a standalone tag: its parser drops the line with its newline and is then in
    /// the state it starts a template in (at the start of a line, default delimiters, no
    /// indentation carried), so the template's own first line, standalone tags included, is
    /// read exactly as without it. A pragma on the template's first line would instead make
    /// a first standalone tag (`{{#events}}`) share its line, and keep its newline.
    static func withContentType(_ type: String, _ text: String) -> String {
        "{{% CONTENT_TYPE: \(type) }}\n" + text
    }

    private static func typed(_ name: String) -> String { "\(name) (content type)" }

    /// `name` rendered over `data` with the content type of its file.
    func render(_ name: String, _ data: [String: Any]) -> String {
        let chosen = Self.contentTypes[name] == nil ? name : Self.typed(name)
        return library.render(data, withTemplate: chosen) ?? "(swift-mustache has no template \(name))"
    }

    /// `name` with the pragma line giving HTML's content type, which is swift-mustache's
    /// default; only for the names in `contentTypes`.
    func renderWithHTMLPragma(_ name: String, _ data: [String: Any]) -> String? {
        guard Self.contentTypes[name] != nil else { return nil }
        return library.render(data, withTemplate: Self.typed(name) + " HTML")
    }
}

/// Where two renderings part, for a failure message.
enum FirstDifference {
    static func describe(_ thidua: [UInt8], _ reference: [UInt8]) -> String {
        let ours = thidua.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let theirs = reference.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for index in 0..<max(ours.count, theirs.count) {
            let a = index < ours.count ? line(ours[index]) : "(no line: thidua's output ends)"
            let b = index < theirs.count ? line(theirs[index]) : "(no line: swift-mustache's output ends)"
            guard a != b else { continue }
            return "line \(index + 1) of \(ours.count) / \(theirs.count) (\(thidua.count) / \(reference.count) bytes)\n  thidua:         \(a)\n  swift-mustache: \(b)"
        }
        return "the same lines, different bytes"
    }

    private static func line(_ bytes: ArraySlice<UInt8>) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        let shown = text.count > 400 ? String(text.prefix(400)) + "…" : text
        return shown.debugDescription
    }
}
