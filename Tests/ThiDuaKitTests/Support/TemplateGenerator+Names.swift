/// The names a generated template may use where it is, with the type each finds.
extension TemplateGenerator {
    struct Name {
        let text: String
        /// For names below open front matter, the kind of value the generated data holds
        /// there (`GeneratedData.openFields`); the compiler sees `.open`.
        let type: DataType
        /// Below open front matter: looked up by name when rendering.
        var open = false

        /// Open front matter or a value in it.
        var dynamic: Bool {
            if case .open = type { return true }
            return open
        }
    }

    /// The names that resolve at one place, by kind: `.` and `.name`, plain names, dotted
    /// paths, transforms. Drawing a kind first keeps each common: paths and transforms
    /// outnumber plain names many times over.
    struct Names {
        let kinds: [[Name]]
        let printable: [[Name]]

        init(_ kinds: [[Name]]) {
            self.kinds = kinds.filter { !$0.isEmpty }
            printable = kinds.map { kind in
                kind.filter { switch $0.type { case .text, .number, .flag: return true; default: return false } }
            }.filter { !$0.isEmpty }
        }
    }

    /// Every name that resolves where `frames` are: names of any object frame (each means one
    /// type everywhere), dotted paths below them, `.name` in the innermost object, `.` for
    /// the innermost value, and transforms of those that have them.
    func names(_ frames: [Frame]) -> Names {
        var innermost: [Name] = []
        var plain: [Name] = []
        var dotted: [Name] = []
        var seen: Set<String> = []
        for case .object(let shape) in frames.reversed() {
            for field in shape.fields where seen.insert(field.name).inserted {
                plain.append(Name(text: field.name, type: field.type.required))
                dotted += Self.paths(below: field.name, field.type.required, depth: 0)
            }
        }
        switch frames.last {
        case .object(let shape)?:
            for field in shape.fields {
                innermost.append(Name(text: "." + field.name, type: field.type.required))
                dotted += Self.paths(below: "." + field.name, field.type.required, depth: 0)
            }
        case .value(let type)?:
            innermost.append(Name(text: ".", type: type))
        default:
            break
        }
        var transformed: [Name] = []
        for name in innermost + plain + dotted {
            let open = name.open
            switch name.type {
            case .text:
                transformed += [Name(text: "empty(\(name.text))", type: .flag, open: open), Name(text: "uppercased(\(name.text))", type: .text, open: open),
                                Name(text: "reversed(\(name.text))", type: .text, open: open)]
            case .list:
                transformed += [Name(text: "empty(\(name.text))", type: .flag, open: open), Name(text: "count(\(name.text))", type: .number, open: open),
                                Name(text: "reversed(\(name.text))", type: name.type, open: open)]
            default: break
            }
        }
        return Names([innermost, plain, dotted, transformed])
    }

    private static func paths(below path: String, _ type: DataType, depth: Int) -> [Name] {
        switch type {
        case .object(let shape) where depth < 2:
            return shape.fields.flatMap { field in
                [Name(text: path + "." + field.name, type: field.type.required)]
                    + paths(below: path + "." + field.name, field.type.required, depth: depth + 1)
            }
        // Only below a name of the frames (`params.a`, `.params.a`), not below a dotted
        // path: the engine reads front matter the same way wherever it is, and each path
        // more slows the generator down.
        case .open where depth == 0:
            // A key the data never has is absent in both engines, not an error.
            return (GeneratedData.openFields + [("thieu", .text)]).map { Name(text: path + "." + $0.name, type: $0.type, open: true) }
        default:
            return []
        }
    }
}
