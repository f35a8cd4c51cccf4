import Foundation
@testable import ThiDuaKit

/// Every file thidua renders from a site, and every piece it renders into a context, against
/// swift-mustache over the same values: pages, cards, fragments and the pictures of bodies.
struct ThemeDifferential: Sendable {
    struct Report {
        var pages = 0
        var cards = 0
        var fragments = 0
        var pictures = 0
        /// Each difference: what was rendered, and where the two outputs part.
        var failures: [String] = []
        var bytes = 0
    }

    let loaded: DifferentialSite
    let renderer: SiteRenderer
    let reference: ReferenceTheme
    let common: TemplateType
    let chrome: TemplateType

    init(_ loaded: DifferentialSite) throws {
        self.loaded = loaded
        renderer = SiteRenderer(theme: loaded.theme, site: loaded.site, images: loaded.images)
        reference = try ReferenceTheme(loaded.source)
        let theme = loaded.theme
        common = .object(CommonFrame.shape(strings: theme.stringsRecord.shape, assets: theme.assetsRecord.shape))
        chrome = .object(ChromeFrame.shape(fragments: theme.fragmentsShape))
    }

    /// `parallel`: swift-mustache and thidua render pages on every core, in batches.
    func run(parallel: Bool) async -> Report {
        var report = Report()
        let pages = await Parallel.map(renderer.jobs, batch: 32, enabled: parallel) { job in page(job) }
        var chromes: [[Bool]: ChromeFrame] = [:]
        for outcome in pages {
            report.pages += 1
            report.bytes += outcome.bytes
            report.failures += outcome.failures
            if let frame = outcome.chrome { chromes[frame.menu.map(\.current)] = frame }
        }
        for frame in chromes.values {
            report.fragments += loaded.theme.fragmentsShape.fields.count
            report.failures += fragments(of: frame)
        }
        for kind in PartKind.allCases {
            let cards = await Parallel.map(items(kind), batch: 64, enabled: parallel) { item in card(kind, item) }
            report.cards += cards.count
            report.failures += cards.compactMap { $0 }
        }
        let pictures = bodyPictures()
        report.pictures = pictures.count
        report.failures += pictures.compactMap { $0 }
        return report
    }

    struct PageOutcome: Sendable {
        let bytes: Int
        let failures: [String]
        let chrome: ChromeFrame?
    }

    private func page(_ job: PageJob) -> PageOutcome {
        let site = loaded.site
        let frames = renderer.frames(of: job, url: job.url(in: site))
        let file = renderer.render(job)
        let name = job.kind.template
        let data: [String: Any]
        do {
            data = try MustacheValues.merged(frames, [common, chrome, .object(job.kind.frame)])
        } catch {
            return PageOutcome(bytes: 0, failures: ["page \(file.path) (\(name)): \(error)"], chrome: nil)
        }
        var failures: [String] = []
        let rendered = reference.render(name, data)
        // thidua folds iCalendar's content lines after rendering; so must the reference.
        let expected = name == "calendar.ics" ? ICalendarText.lines(rendered) : rendered
        if let failure = Self.compare("page \(file.path) (\(name))", file.bytes, expected) { failures.append(failure) }
        if let asHTML = reference.renderWithHTMLPragma(name, data),
           let plain = reference.library.render(data, withTemplate: name), asHTML != plain {
            failures.append("the content-type line changes \(name) beyond its escaping:\n" + FirstDifference.describe(Array(asHTML.utf8), Array(plain.utf8)))
        }
        var chromeFrame: ChromeFrame?
        if frames.count > 1, case .object(let object) = frames[1] { chromeFrame = object as? ChromeFrame }
        return PageOutcome(bytes: file.bytes.count, failures: failures, chrome: chromeFrame)
    }

    /// The theme's `fragments/` for one state of the menu, as thidua placed them in the chrome.
    private func fragments(of frame: ChromeFrame) -> [String] {
        let frames: [TemplateValue] = [.object(renderer.builder.common), .object(MenuFrame(menu: frame.menu))]
        let current = frame.menu.filter(\.current).map(\.url)
        return loaded.theme.fragmentsShape.fields.enumerated().compactMap { index, field in
            let name = "fragments/\(field.name)"
            let label = "\(name) with current menu item \(current)"
            guard case .text(let thidua) = frame.fragments.field(index) else { return "\(label): thidua has no text for it" }
            do {
                let data = try MustacheValues.merged(frames, [common, .object(MenuFrame.shape)])
                return Self.compare(label, Array(thidua.utf8), reference.render(name, data))
            } catch {
                return "\(label): \(error)"
            }
        }
    }

    struct Item: Sendable {
        let url: String
        let object: any TemplateObject
        let card: String?
    }

    private func items(_ kind: PartKind) -> [Item] {
        let builder = renderer.builder
        let site = loaded.site
        switch kind {
        case .storyCard: return site.stories.indices.map { let c = builder.story(at: $0); return Item(url: c.entry.url, object: c, card: c.card) }
        case .personCard: return site.people.indices.map { let c = builder.person(at: $0); return Item(url: c.entry.url, object: c, card: c.card) }
        case .milestoneCard:
            return site.milestones.indices.map { let c = builder.milestone(at: $0); return Item(url: c.entry.url, object: c, card: c.card) }
        }
    }

    /// The card thidua rendered into the item, over the common frame and the item without a card.
    private func card(_ kind: PartKind, _ item: Item) -> String? {
        let label = "\(kind.rawValue) of \(item.url)"
        guard let card = item.card else { return "\(label): thidua rendered no card" }
        do {
            let data = try MustacheValues.merged([.object(renderer.builder.common), .object(item.object)], [common, .object(kind.item)],
                                                 leaving: ["card"])
            return Self.compare(label, Array(card.utf8), reference.render(kind.rawValue, data))
        } catch {
            return "\(label): \(error)"
        }
    }

    /// Each picture of a Markdown body that the Images stage processed, made into its context
    /// as `bodyWithPictures` makes it, through `picture` alone.
    private func bodyPictures() -> [String?] {
        guard let template = loaded.theme.picture else { return [] }
        let site = loaded.site
        let builder = renderer.builder
        let entries = site.pages.map(\.entry) + site.stories.map(\.entry) + site.people.map(\.entry) + site.milestones.map(\.entry)
        var results: [String?] = []
        for entry in entries where entry.references.contains(where: \.isImage) {
            var rest = Substring(entry.body)
            var first = true
            while let tag = CmarkImageTag.next(in: rest) {
                rest = rest[tag.range.upperBound...]
                guard let source = MediaPath.fromMarkdown(tag.src, in: entry.path) else { continue }
                let key = ImageKey(source: source, role: .lead, crop: .none)
                guard loaded.images[key] != nil else { continue }
                var context = builder.picture(key, written: tag.src, alt: tag.alt, eager: first)
                context.tooltip = tag.title
                first = false
                let label = "picture \(tag.src) in \(entry.path)"
                do {
                    let data = try MustacheValues.merged([.object(context)], [.object(PictureContext.shape)])
                    results.append(Self.compare(label, Array(builder.text(template, [.object(context)]).utf8), reference.render("picture", data)))
                } catch {
                    results.append("\(label): \(error)")
                }
            }
        }
        return results
    }

    /// nil when both wrote the same bytes.
    static func compare(_ label: String, _ thidua: [UInt8], _ reference: String) -> String? {
        let expected = Array(reference.utf8)
        guard thidua != expected else { return nil }
        return "\(label) differs at " + FirstDifference.describe(thidua, expected)
    }
}
