/// Names resolved against the frames' types.
extension TemplateCompiler {
    /// The lookup of `name` where `scope`'s frames are, and the type it finds; nil after
    /// recording why there is none.
    mutating func lookup(_ name: TemplateName, in scope: Scope, at: SourcePosition) -> (TemplateLookup, TemplateType)? {
        let top = scope.frames.count - 1
        var starts: [TemplateLookup.Start] = []
        var found: [TemplateType] = []
        var type: TemplateType
        if let first = name.path.first {
            let frames = name.innermostOnly ? [top] : Array((0...top).reversed())
            for frame in frames {
                switch scope.frames[frame] {
                case .object(let shape):
                    guard let index = shape.index(of: first) else { continue }
                    starts.append(.field(frame: frame, index: index))
                    found.append(shape.fields[index].type)
                case .open:
                    starts.append(.named(frame: frame, name: first))
                    found.append(.optional(.open))
                default:
                    continue
                }
                // A value that is always there ends the walk outwards.
                if let last = found.last, !last.isOptional { break }
            }
            // Front matter met on the way may not hold the name; thidua's own value further
            // out gives the type, as it does the value whenever the front matter lacks it.
            guard let chosen = found.first(where: { !Self.isOpen($0) }) ?? found.first else {
                fail(scope, at, "'\(name.text)' is not a name \(scope.template) can use here; it can use \(names(in: scope))")
                return nil
            }
            guard found.allSatisfy({ Self.sameKind($0, chosen) }) else {
                fail(scope, at, "'\(first)' means values of different kinds here (\(found.map(describe).joined(separator: ", "))); name the one you mean with a dotted name")
                return nil
            }
            // Absent in every frame it may come from: absent, like a missing key.
            type = found.allSatisfy(\.isOptional) ? .optional(chosen.required) : chosen.required
        } else {
            starts = [.frame(top)]
            found = [scope.frames[top]]
            type = scope.frames[top]
        }
        var steps: [TemplateLookup.Step] = []
        var optional = type.isOptional
        for (offset, part) in name.path.enumerated().dropFirst() {
            switch type.required {
            case .object(let shape):
                guard let index = shape.index(of: part) else {
                    if let missing = shape.missing {
                        fail(scope, at, "template '\(scope.template)' links {{\(name.text)}}, \(missing)")
                        return nil
                    }
                    let so = name.path.prefix(offset).joined(separator: ".")
                    fail(scope, at, "'\(so)' has no '\(part)'; it has \(shape.fields.map(\.name).joined(separator: ", "))")
                    return nil
                }
                steps.append(.field(index))
                type = shape.fields[index].type
            case .open:
                steps.append(.named(part))
                type = .optional(.open)
            default:
                let so = name.path.prefix(offset).joined(separator: ".")
                fail(scope, at, "'\(so)' is \(describe(type)), which has no '\(part)'")
                return nil
            }
            optional = optional || type.isOptional
        }
        type = optional ? .optional(type.required) : type.required
        var transforms: [TemplateTransform] = []
        for word in name.transforms.reversed() {
            guard let transform = TemplateTransform(rawValue: word) else {
                fail(scope, at, "'\(word)' is not a transform thidua knows; it knows \(TemplateTransform.allCases.map(\.rawValue).joined(separator: ", "))")
                return nil
            }
            guard let result = Self.apply(transform, to: type.required) else {
                fail(scope, at, "\(word)(…) cannot be applied to \(describe(type))")
                return nil
            }
            transforms.append(transform)
            type = type.isOptional ? .optional(result) : result
        }
        // From front matter the rest of the name is read by name too: the indexes above are
        // those of thidua's own value.
        let named = name.path.dropFirst().map(TemplateLookup.Step.named)
        let paths = zip(starts, found).map { start, type in (start: start, steps: Self.isOpen(type) ? named : steps) }
        return (TemplateLookup(starts: paths, transforms: transforms), type)
    }

    private static func apply(_ transform: TemplateTransform, to type: TemplateType) -> TemplateType? {
        switch (transform, type) {
        case (_, .open): return .open
        case (.empty, .list), (.empty, .text), (.empty, .html): return .flag
        case (.count, .list): return .number
        case (.reversed, .list), (.reversed, .text), (.uppercased, .text), (.lowercased, .text): return type
        default: return nil
        }
    }

    private static func isOpen(_ type: TemplateType) -> Bool {
        if case .open = type.required { return true }
        return false
    }

    private static func sameKind(_ a: TemplateType, _ b: TemplateType) -> Bool {
        switch (a.required, b.required) {
        case (.text, .text), (.html, .html), (.text, .html), (.html, .text), (.number, .number), (.flag, .flag), (.open, .open):
            return true
        case (.object(let x), .object(let y)): return x === y
        case (.list(let x), .list(let y)): return sameKind(x, y)
        case (.open, _), (_, .open): return true
        default: return false
        }
    }

    /// Every name the frames offer, innermost first, for a message.
    private func names(in scope: Scope) -> String {
        var seen: Set<String> = []
        var names: [String] = []
        for frame in scope.frames.reversed() {
            guard case .object(let shape) = frame else { continue }
            for field in shape.fields where seen.insert(field.name).inserted { names.append(field.name) }
        }
        return names.isEmpty ? "no names" : names.joined(separator: ", ")
    }

    func describe(_ type: TemplateType) -> String {
        switch type {
        case .text: return "text"
        case .html: return "HTML"
        case .number: return "a number"
        case .flag: return "true or false"
        case .object(let shape): return "a \(shape.name)"
        case .list(let item): return "a list of \(describe(item).replacingOccurrences(of: "a ", with: ""))"
        case .optional(let inner): return describe(inner)
        case .open: return "front matter"
        }
    }
}
