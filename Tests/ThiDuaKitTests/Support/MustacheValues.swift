import Foundation
import Mustache
@testable import ThiDuaKit

/// thidua's typed template values as swift-mustache reads them: dictionaries, arrays and
/// Swift scalars. Each value is walked with its static type, so a value that does not fit
/// the type the theme was compiled against is reported rather than guessed at.
enum MustacheValues {
    struct Mismatch: Error, CustomStringConvertible {
        let description: String
    }

    /// The frames a template reads (outermost first) as one dictionary, inner frames
    /// overriding outer ones. For swift-mustache this is the same as a stack of the frames:
    /// it looks a name's first part up from the innermost value outwards and takes the first
    /// value that has it, then never goes back out; the merged dictionary holds, for each
    /// first part, exactly the innermost frame's value. Absent values are left out, so an
    /// outer value shows through them, as it does through a missing key. Only `{{.}}` at the
    /// top would tell the two apart, and no template of the theme writes it outside a section.
    static func merged(_ frames: [TemplateValue], _ types: [TemplateType], leaving left: Set<String> = []) throws -> [String: Any] {
        guard frames.count == types.count else {
            throw Mismatch(description: "\(frames.count) frames for \(types.count) types")
        }
        var merged: [String: Any] = [:]
        for (index, (frame, type)) in zip(frames, types).enumerated() {
            guard var object = try value(frame, type, at: "frame \(index)") as? [String: Any] else {
                throw Mismatch(description: "frame \(index) is not an object")
            }
            // Only the innermost frame loses keys: the item a card is rendered from has no card yet.
            if index == frames.count - 1 {
                for key in left { object[key] = nil }
            }
            merged.merge(object) { _, inner in inner }
        }
        return merged
    }

    /// nil for an absent value, which swift-mustache treats as a missing key.
    static func value(_ value: TemplateValue, _ type: TemplateType, at path: String) throws -> Any? {
        switch (value, type.required) {
        case (.absent, _):
            guard type.isOptional || isOpen(type) else { throw Mismatch(description: "\(path) is absent but not optional") }
            return nil
        case (.text(let text), .text), (.text(let text), .html):
            return text
        case (.number(let number), .number):
            return number
        case (.flag(let flag), .flag):
            return flag
        case (.list(let items), .list(let item)):
            return try items.enumerated().map { index, element in
                guard let converted = try self.value(element, item, at: "\(path)[\(index)]") else {
                    throw Mismatch(description: "\(path)[\(index)] is absent: a list holds no absent items")
                }
                return converted
            }
        case (.object(let object), .object(let shape)):
            var fields: [String: Any] = [:]
            for (index, field) in shape.fields.enumerated() {
                fields[field.name] = try self.value(object.field(index), field.type, at: "\(path).\(field.name)")
            }
            guard shape.showsAsText else { return fields }
            guard let text = object.text else { throw Mismatch(description: "\(path) shows as text but has none") }
            return ShownAsText(text: text, children: fields)
        case (.open(let open), .open):
            return self.open(open)
        default:
            throw Mismatch(description: "\(path) holds \(value), which does not fit its type \(type)")
        }
    }

    private static func isOpen(_ type: TemplateType) -> Bool {
        if case .open = type.required { return true }
        return false
    }

    /// Front matter as a YAML reader hands it to swift-mustache.
    static func open(_ value: OpenValue) -> Any {
        switch value {
        case .text(let text): return text
        case .number(let number): return number
        case .decimal(let number): return number
        case .flag(let flag): return flag
        case .list(let items): return items.map(open)
        case .map(let map): return map.mapValues(open)
        }
    }
}

/// A theme asset's step (`assets.style.css`): shows its URL, and has the steps below it.
struct ShownAsText: MustacheParent, MustacheCustomRenderable {
    let text: String
    let children: [String: Any]

    func child(named name: String) -> Any? { children[name] }
    var renderText: String { text }
    var isNull: Bool { false }
}
