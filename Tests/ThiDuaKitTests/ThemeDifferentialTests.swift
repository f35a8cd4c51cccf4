import Foundation
import Testing
@testable import ThiDuaKit

/// Issue 13, point 5 (first half): the default theme through thidua's engine and through
/// swift-mustache, over the sample site and the generated 10,000-story site. Every page the
/// site has, every card, every fragment and every picture of a body must be byte-identical.
///
/// swift-mustache reads the same typed values, made into dictionaries (`MustacheValues`),
/// with the theme's templates as written (`ReferenceTheme`). A difference names the file
/// and the first line where the outputs part.
///
/// The generated site is made by `Benchmarks/generate.py` into `.build/theme-differential/`
/// once per version of the generator. THIDUA_THEME_DIFFERENTIAL_SERIAL=1 renders on one core,
/// to time the engines alone.
@Suite struct ThemeDifferentialTests {
    static let parallel = ProcessInfo.processInfo.environment["THIDUA_THEME_DIFFERENTIAL_SERIAL"] == nil
    /// A failure lists this many differences in full, and counts the rest.
    static let shown = 12

    /// Two build dates: in the middle of the campaign (a current phase, upcoming entries,
    /// stories still scheduled) and after it (everything out, the body picture included).
    @Test(arguments: ["2024-07-15", "2025-01-15"])
    func sampleSiteRendersAsSwiftMustacheDoes(now: String) async throws {
        let loaded = try await DifferentialSite.load(DifferentialSite.repository, now: now)
        let report = try await check(loaded, label: "sample site at \(now)")
        #expect(report.pages > 50, "the sample site has \(report.pages) pages")
        if now == "2025-01-15" {
            #expect(report.pictures > 0, "no picture of a Markdown body was compared")
        }
    }

    @Test func generatedSiteRendersAsSwiftMustacheDoes() async throws {
        let clock = ContinuousClock()
        let start = clock.now
        let folder = try GeneratedSite.folder(stories: 10_000)
        let generated = clock.now - start
        // The date `Benchmarks/` builds the generated sites at: every generated item is out.
        let loaded = try await DifferentialSite.load(folder, now: "2024-12-31")
        print("theme differential: the generated site ready in \(generated), its model, theme and pictures in \(clock.now - start - generated)")
        let report = try await check(loaded, label: "generated site (10,000 stories)")
        #expect(report.cards >= 11_000, "only \(report.cards) cards: is this the generated 10,000-story site?")
    }

    /// Runs the comparison, prints what it covered, and records the differences.
    private func check(_ loaded: DifferentialSite, label: String) async throws -> ThemeDifferential.Report {
        let clock = ContinuousClock()
        let start = clock.now
        let differential = try ThemeDifferential(loaded)
        let report = await differential.run(parallel: Self.parallel)
        let elapsed = clock.now - start
        print("theme differential, \(label): \(report.pages) pages (\(report.bytes) bytes), \(report.cards) cards, "
            + "\(report.fragments) fragments, \(report.pictures) body pictures compared in \(elapsed) "
            + "(\(Self.parallel ? "parallel" : "one core")); \(report.failures.count) differ")

        #expect(differential.reference.names == loaded.theme.names, "swift-mustache was given other templates than thidua compiled")
        #expect(report.pages == differential.renderer.jobs.count)
        #expect(report.cards == loaded.site.stories.count + loaded.site.people.count + loaded.site.milestones.count)
        #expect(report.fragments >= loaded.theme.fragmentsShape.fields.count && report.fragments > 0)
        for failure in report.failures.prefix(Self.shown) {
            Issue.record("\(label): \(failure)")
        }
        if report.failures.count > Self.shown {
            Issue.record("\(label): \(report.failures.count - Self.shown) more differences")
        }
        try expectChangedValueToDiffer(differential, label: label)
        return report
    }

    /// The comparison can fail: the home page over data with the site's title changed must
    /// come out different, or the values swift-mustache reads would not be the ones compared.
    private func expectChangedValueToDiffer(_ differential: ThemeDifferential, label: String) throws {
        let renderer = differential.renderer
        let site = differential.loaded.site
        let frames = renderer.frames(of: .home, url: PageJob.home.url(in: site))
        var data = try MustacheValues.merged(frames, [differential.common, differential.chrome, .object(PageKind.home.frame)])
        var siteValues = try #require(data["site"] as? [String: Any])
        siteValues["title"] = "(not the site's title)"
        data["site"] = siteValues
        let changed = differential.reference.render(PageKind.home.template, data)
        #expect(ThemeDifferential.compare("home", renderer.render(.home).bytes, changed) != nil,
                "\(label): the home page renders the same whatever the site's title")
    }
}
