/// Renders compiled templates. Frames are an array indexed by the positions the compiler
/// chose, so the hot path follows integers: no names, no dictionaries, no casts.
struct TemplateRenderer {
    private(set) var output: [UInt8] = []
    /// Variables and sections rendered so far.
    private(set) var tags = 0
    private var frames: [TemplateValue]

    init(frames: [TemplateValue], capacity: Int = 16_384) {
        self.frames = frames
        // Room for the sections' frames: the caller's array is copied once here, not on the
        // first section's push.
        self.frames.reserveCapacity(frames.count + 8)
        output.reserveCapacity(capacity)
    }

    /// `block` rendered with `frames` (outermost first), as UTF-8.
    static func render(_ block: TemplateBlock, _ frames: [TemplateValue], capacity: Int = 16_384) -> [UInt8] {
        var renderer = TemplateRenderer(frames: frames, capacity: capacity)
        renderer.render(block)
        return renderer.output
    }

    mutating func render(_ block: TemplateBlock) {
        guard let indent = block.indent else {
            for node in block.nodes { render(node) }
            return
        }
        // A node that starts a line of this block's own output gets the indentation of
        // the standalone partial it is in.
        let start = output.count
        for node in block.nodes {
            let before = output.count
            render(node)
            if output.count > before, before > start, output[before - 1] == UInt8(ascii: "\n") {
                output.insert(contentsOf: indent, at: before)
            }
        }
    }

    private mutating func render(_ node: TemplateNode) {
        switch node {
        case .text(let bytes):
            output.append(contentsOf: bytes)
        case .value(let lookup, let escaping):
            tags += 1
            write(value(lookup), escaping)
        case .section(let lookup, let block):
            tags += 1
            section(value(lookup), block)
        case .inverted(let lookup, let block):
            tags += 1
            if !Self.truthy(value(lookup)) { render(block) }
        case .group(let block):
            render(block)
        }
    }

    private mutating func section(_ value: TemplateValue, _ block: TemplateBlock) {
        switch value {
        case .absent, .flag(false), .open(.flag(false)):
            return
        case .list(let items):
            for item in items { pushed(item, block) }
        case .open(.list(let items)):
            for item in items { pushed(.open(item), block) }
        default:
            pushed(value, block)
        }
    }

    private mutating func pushed(_ value: TemplateValue, _ block: TemplateBlock) {
        frames.append(value)
        render(block)
        frames.removeLast()
    }

    /// Sections skip absent values, false and empty lists; everything else, even empty
    /// text, is shown, as swift-mustache does.
    private static func truthy(_ value: TemplateValue) -> Bool {
        switch value {
        case .absent, .flag(false), .open(.flag(false)): return false
        case .list(let items): return !items.isEmpty
        case .open(.list(let items)): return !items.isEmpty
        default: return true
        }
    }

    private func value(_ lookup: TemplateLookup) -> TemplateValue {
        var value = TemplateValue.absent
        for (start, steps) in lookup.starts {
            switch start {
            case .frame(let frame): value = frames[frame]
            case .field(let frame, let index): value = Self.field(index, of: frames[frame])
            case .named(let frame, let name): value = Self.named(name, of: frames[frame])
            }
            if case .absent = value { continue }
            for step in steps {
                switch step {
                case .field(let index): value = Self.field(index, of: value)
                case .named(let name): value = Self.named(name, of: value)
                }
            }
            break
        }
        for transform in lookup.transforms {
            value = TemplateTransforms.apply(transform, to: value)
        }
        return value
    }

    private static func field(_ index: Int, of value: TemplateValue) -> TemplateValue {
        guard case .object(let object) = value else { return .absent }
        return object.field(index)
    }

    private static func named(_ name: String, of value: TemplateValue) -> TemplateValue {
        guard case .open(.map(let map)) = value, let found = map[name] else { return .absent }
        return .open(found)
    }

    private mutating func write(_ value: TemplateValue, _ escaping: TemplateEscaping) {
        switch value {
        case .absent: return
        case .text(let text): TemplateEscapes.append(text, escaping, to: &output)
        case .number(let number): output.append(contentsOf: String(number).utf8)
        case .flag(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .object(let object): object.text.map { TemplateEscapes.append($0, escaping, to: &output) }
        case .list: return
        case .open(let open): open.scalarText.map { TemplateEscapes.append($0, escaping, to: &output) }
        }
    }
}

extension OpenValue {
    /// What `{{page.params.x}}` shows: scalars as swift-mustache prints them; nothing for
    /// a list or a mapping.
    var scalarText: String? {
        switch self {
        case .text(let text): return text
        case .number(let number): return String(number)
        case .decimal(let number): return String(number)
        case .flag(let flag): return flag ? "true" : "false"
        case .list, .map: return nil
        }
    }
}
