import Foundation

/// Parses one Markdown file of a collection into a typed item. Pure: bytes in, item or
/// diagnostics out, so files can be parsed on any thread in any order.
enum ItemParser {
    /// `bodies`: where to keep the HTML body; nil keeps it in memory.
    static func parse(_ file: SourceFile, as kind: ContentKind, bodies: BodyStore? = nil) -> Result<Item, BuildFailure> {
        let text: String
        switch TextDecoding.decode(file) {
        case .success(let decoded): text = decoded
        case .failure(let problem): return .failure(BuildFailure([problem]))
        }
        let split: FrontMatterSplit
        switch FrontMatterSplit.split(text, path: file.path) {
        case .success(let value): split = value
        case .failure(let problem): return .failure(BuildFailure([problem]))
        }
        let yaml: YAMLDocument
        switch YAMLDocument.compose(split.yaml, path: file.path, lineOffset: split.yamlLineOffset) {
        case .success(let document): yaml = document
        case .failure(let problem): return .failure(BuildFailure([problem]))
        }
        let parser = Parser(file: file, yaml: yaml, body: split.body, bodyLineOffset: split.bodyLineOffset, bodies: bodies)
        do {
            switch kind {
            case .pages: return .success(.page(try parser.page()))
            case .stories: return .success(.story(try parser.story()))
            case .people: return .success(.person(try parser.person()))
            case .milestones: return .success(.milestone(try parser.milestone()))
            }
        } catch {
            return .failure(error)
        }
    }

    /// The collection a file belongs to, from its folder under `content/`.
    static func kind(of path: String) -> ContentKind? {
        let parts = path.split(separator: "/")
        guard parts.count >= 3, parts[0] == "content" else { return nil }
        return ContentKind(rawValue: String(parts[1]))
    }

    private struct Parser {
        let file: SourceFile
        let yaml: YAMLDocument
        let body: String
        let bodyLineOffset: Int
        let bodies: BodyStore?

        func story() throws(BuildFailure) -> Story {
            let (keys, common, fm) = try decode(StoryFrontMatter.self)
            let entry = try makeEntry(common, keys, kind: .stories, known: StoryFrontMatter.knownKeys)
            return Story(entry: entry, date: fm.date, tags: fm.tags ?? [], movement: fm.movement, phase: fm.phase,
                         unit: fm.unit, author: fm.author, image: fm.picture.picture)
        }

        func person() throws(BuildFailure) -> Person {
            let (keys, common, fm) = try decode(PersonFrontMatter.self)
            if fm.unit.allSatisfy(\.isWhitespace) {
                throw BuildFailure([Diagnostic(path: file.path, position: keys.valuePositions["unit"] ?? .start,
                                               message: "'unit' is empty; name the person's union unit")])
            }
            let entry = try makeEntry(common, keys, kind: .people, known: PersonFrontMatter.knownKeys)
            return Person(entry: entry, unit: fm.unit, kind: fm.kind ?? .individual, role: fm.role, photo: fm.picture.picture,
                          movement: fm.movement, phase: fm.phase, award: fm.award, date: fm.date,
                          featured: fm.featured ?? false)
        }

        func milestone() throws(BuildFailure) -> Milestone {
            let (keys, common, fm) = try decode(MilestoneFrontMatter.self)
            let entry = try makeEntry(common, keys, kind: .milestones, known: MilestoneFrontMatter.knownKeys)
            return Milestone(entry: entry, date: fm.date, since: fm.since, phase: fm.phase, image: fm.picture.picture)
        }

        func page() throws(BuildFailure) -> Page {
            let (keys, common, fm) = try decode(PageFrontMatter.self)
            let entry = try makeEntry(common, keys, kind: .pages, known: PageFrontMatter.knownKeys)
            return Page(entry: entry, weight: fm.weight)
        }

        /// cmark counts lines from the body and columns in bytes; messages count lines in the
        /// file and columns in characters, as editors show them.
        private func references(_ found: [Reference]) -> [Reference] {
            guard !found.isEmpty else { return [] }
            // Line starts from a byte scan: splitting the body into Character lines cost 5 % of
            // a build, for positions that are read only when a link is reported.
            let bytes = Array(body.utf8)
            var lineStarts = [0]
            for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
                lineStarts.append(offset + 1)
            }
            return found.map { reference in
                let line = reference.position.line
                var column = reference.position.column
                if lineStarts.indices.contains(line - 1) {
                    let start = lineStarts[line - 1]
                    let lineEnd = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
                    let end = min(start + max(column - 1, 0), lineEnd)
                    column = String(decoding: bytes[start..<end], as: UTF8.self).count + 1
                }
                return Reference(url: reference.url, position: SourcePosition(line: line + bodyLineOffset, column: column),
                                 isImage: reference.isImage, hasText: reference.hasText)
            }
        }

        /// The common keys and the collection's own, with the problems of both reported, and
        /// the reader, which knows where each key is and which are the theme's params.
        private func decode<T: FrontMatter>(_ type: T.Type) throws(BuildFailure) -> (MappingReader, CommonFrontMatter, T) {
            var reader = MappingReader(yaml)
            let common = CommonFrontMatter(&reader)
            let own = T(&reader)
            guard reader.problems.isEmpty else { throw BuildFailure(reader.problems) }
            return (reader, common, own)
        }

        private func makeEntry(_ common: CommonFrontMatter, _ keys: MappingReader, kind: ContentKind,
                               known: Set<String>) throws(BuildFailure) -> Entry {
            let (title, slug, aliases) = (common.title, common.slug, common.aliases)
            let positions = keys.valuePositions
            var problems: [Diagnostic] = []
            let trimmedTitle = title.trimmingWhitespace()
            if trimmedTitle.isEmpty {
                problems.append(Diagnostic(path: file.path, position: positions["title"] ?? .start, message: "'title' is empty"))
            }
            // A slug from front matter is slugified too, so no value can leave its folder.
            let fileName = file.path.split(separator: "/").last.map { String($0.dropLast(3)) } ?? ""
            let finalSlug = Slug.make(slug ?? fileName)
            if finalSlug.isEmpty {
                problems.append(Diagnostic(path: file.path, position: positions["slug"] ?? .start,
                                           message: "cannot make a URL from '\(slug ?? fileName)'; set 'slug:' to a few words"))
            }
            var oldURLs: [String] = []
            for alias in aliases ?? [] {
                guard alias.hasPrefix("/"), !alias.contains(".."), !alias.contains("://") else {
                    problems.append(Diagnostic(path: file.path, position: positions["aliases"] ?? .start,
                                               message: "alias '\(alias)' must be a path on this site starting with '/', like /stories/ten-cu/"))
                    continue
                }
                oldURLs.append(alias.hasSuffix("/") || alias.hasSuffix(".html") ? alias : alias + "/")
            }
            if let line = MarkdownSize.excess(in: body) {
                problems.append(Diagnostic(path: file.path, position: SourcePosition(line: line + bodyLineOffset, column: 1),
                                           message: "the text has more than \(MarkdownSize.limit) characters of Markdown structure by here "
                                               + "(line breaks, * _ [ ] ` < & \\ > # !, list numbers), and thidua reads no more from one file; "
                                               + "a story this long should be split in several"))
            }
            guard problems.isEmpty else { throw BuildFailure(problems) }
            let markdown = MarkdownRenderer.render(body)
            return Entry(path: file.path, kind: kind, slug: finalSlug, title: trimmedTitle,
                         storedBody: bodies?.keep(markdown.html) ?? .inline(markdown.html),
                         summary: common.summary ?? markdown.firstParagraph, params: keys.params(excluding: known),
                         draft: common.draft ?? false, publishDate: common.publishDate, expiryDate: common.expiryDate,
                         aliases: oldURLs,
                         references: references(markdown.references),
                         positions: positions.map { (key: $0.key, position: $0.value) })
        }
    }
}
