import CCmark
import Foundation

/// Markdown through libcmark in its safe default: raw HTML is dropped and `javascript:`
/// links are emptied, so an editor's paste cannot put a script on the site.
enum MarkdownRenderer {
    struct Output: Sendable, Equatable {
        let html: String
        /// The first paragraph as plain text, the default summary of an item.
        let firstParagraph: String
        /// Links and images, for `thidua check`; lines count from the Markdown's first line.
        var references: [Reference] = []
    }

    static func render(_ markdown: String) -> Output {
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_SMART
        let document: OpaquePointer? = markdown.withCString { pointer in
            cmark_parse_document(pointer, strlen(pointer), options)
        }
        guard let document else { return Output(html: "", firstParagraph: "") }
        var references: [Reference] = []
        defer { cmark_node_free(document) }

        var firstParagraph: String?
        var headings: [OpaquePointer] = []
        if let iterator = cmark_iter_new(document) {
            defer { cmark_iter_free(iterator) }
            while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
                guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER,
                      let node = cmark_iter_get_node(iterator) else { continue }
                switch cmark_node_get_type(node) {
                case CMARK_NODE_HEADING: headings.append(node)
                case CMARK_NODE_PARAGRAPH where firstParagraph == nil: firstParagraph = plainText(of: node)
                case CMARK_NODE_LINK, CMARK_NODE_IMAGE: references.append(reference(node))
                default: break
                }
            }
        }
        // Rewriting the tree while iterating it is undefined in cmark, so headings are
        // collected first and given their ids afterwards.
        var ids = HeadingIDs()
        for heading in headings {
            addID(to: heading, ids: &ids)
        }
        guard let rendered = cmark_render_html(document, options) else {
            return Output(html: "", firstParagraph: firstParagraph ?? "", references: references)
        }
        defer { free(rendered) }
        return Output(html: String(cString: rendered), firstParagraph: firstParagraph ?? "", references: references)
    }

    private static func reference(_ node: OpaquePointer) -> Reference {
        let isImage = cmark_node_get_type(node) == CMARK_NODE_IMAGE
        return Reference(
            url: cmark_node_get_url(node).map { String(cString: $0) } ?? "",
            position: SourcePosition(line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node))),
            isImage: isImage,
            hasText: !plainText(of: node).isEmpty)
    }

    /// Replaces `<hN>` by custom nodes that print the same tag with an id taken from the
    /// heading's text, so readers can link to a section (`#muc-dich`). cmark has no attributes
    /// on nodes; custom nodes are its supported way to add markup. The tag goes on an inline
    /// node inside an empty block, because a custom block puts line breaks around its content.
    private static func addID(to heading: OpaquePointer, ids: inout HeadingIDs) {
        let level = cmark_node_get_heading_level(heading)
        let id = ids.make(from: plainText(of: heading))
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK),
              let tag = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { return }
        cmark_node_set_on_enter(block, "")
        cmark_node_set_on_exit(block, "")
        cmark_node_set_on_enter(tag, "<h\(level) id=\"\(id)\">")
        cmark_node_set_on_exit(tag, "</h\(level)>")
        while let child = cmark_node_first_child(heading) {
            cmark_node_unlink(child)
            cmark_node_append_child(tag, child)
        }
        cmark_node_append_child(block, tag)
        cmark_node_replace(heading, block)
        cmark_node_free(heading)
    }

    /// The text a reader sees in a node: literals joined, line breaks as spaces.
    private static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        guard let iterator = cmark_iter_new(node) else { return text }
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER,
                  let child = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(child) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        return text.trimmingWhitespace()
    }
}

/// The ids of a body's headings: the heading's slug, then `-1`, `-2`… for the next ones of
/// the same text. Each text remembers the number it reached, so a body of many headings of
/// one text costs one step each: counting again from 1 took a body of 99,500 headings `# a`
/// 613 s.
struct HeadingIDs {
    private var used: Set<String> = []
    private var next: [String: Int] = [:]

    mutating func make(from text: String) -> String {
        let base = Slug.make(text)
        let stem = base.isEmpty ? "muc" : base
        var id = stem
        var counter = next[stem] ?? 1
        // A heading may itself read like a numbered one (`a-1`), so the number is checked.
        while used.contains(id) {
            id = "\(stem)-\(counter)"
            counter += 1
        }
        next[stem] = counter
        used.insert(id)
        return id
    }
}
