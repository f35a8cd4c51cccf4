import CCmark
import Foundation

/// Markdown through libcmark in its safe default: raw HTML is dropped and `javascript:`
/// links are emptied, so an editor's paste cannot put a script on the site.
enum MarkdownRenderer {
    struct Output: Sendable, Equatable {
        let html: String
        /// The first paragraph as plain text, the default summary of an item.
        let firstParagraph: String
    }

    static func render(_ markdown: String) -> Output {
        let options = CMARK_OPT_DEFAULT | CMARK_OPT_SMART
        let document: OpaquePointer? = markdown.withCString { pointer in
            cmark_parse_document(pointer, strlen(pointer), options)
        }
        guard let document else { return Output(html: "", firstParagraph: "") }
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
                default: break
                }
            }
        }
        // Rewriting the tree while iterating it is undefined in cmark, so headings are
        // collected first and given their ids afterwards.
        var usedIDs: Set<String> = []
        for heading in headings {
            addID(to: heading, used: &usedIDs)
        }
        guard let rendered = cmark_render_html(document, options) else {
            return Output(html: "", firstParagraph: firstParagraph ?? "")
        }
        defer { free(rendered) }
        return Output(html: String(cString: rendered), firstParagraph: firstParagraph ?? "")
    }

    /// Replaces `<hN>` by a custom block that prints the same tag with an id taken from the
    /// heading's text, so readers can link to a section (`#muc-dich`). cmark has no attribute
    /// on nodes; its custom blocks are the supported way to add markup around a node.
    private static func addID(to heading: OpaquePointer, used: inout Set<String>) {
        let level = cmark_node_get_heading_level(heading)
        let base = Slug.make(plainText(of: heading))
        var id = base.isEmpty ? "muc" : base
        var counter = 1
        while used.contains(id) {
            id = "\(base.isEmpty ? "muc" : base)-\(counter)"
            counter += 1
        }
        used.insert(id)
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return }
        cmark_node_set_on_enter(block, "<h\(level) id=\"\(id)\">")
        cmark_node_set_on_exit(block, "</h\(level)>")
        while let child = cmark_node_first_child(heading) {
            cmark_node_unlink(child)
            cmark_node_append_child(block, child)
        }
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
        return text.trimmingCharacters(in: .whitespaces)
    }
}
