import Foundation
@testable import ThiDuaKit

/// A site folder made into what the renderer reads, by the stages a build runs (Builder's
/// `prepare` and `pictures`), without writing anything: the site model, the compiled theme
/// with its sources, and the processed pictures.
struct DifferentialSite: Sendable {
    let site: Site
    let theme: Theme
    let source: ThemeSource
    let images: ImageSet

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func load(_ root: URL, now: String) async throws -> DifferentialSite {
        let options = BuildOptions(now: CalendarDate(iso: now)!)
        let builder = Builder(.init(source: root, output: root.appendingPathComponent("public"), options: options))
        var clock = StageClock()
        let site: Site
        do {
            site = try await builder.assemble(clock: &clock)
        } catch {
            throw Failure(description: "\(root.path) does not assemble: \(error.diagnostics)")
        }
        let source: ThemeSource
        let theme: Theme
        do {
            source = try SourceLoader(root: root).loadTheme(fallback: SourceLoader.defaultThemeLocation())
            theme = try Theme.compile(source, language: site.config.language)
        } catch {
            throw Failure(description: "the theme of \(root.path) does not compile: \(error.diagnostics)")
        }
        // The Images stage as a build runs it, with the site's cache: only a first run encodes.
        switch await ImagePipeline(root: root, site: site, encode: true).run() {
        case .success(let images):
            return DifferentialSite(site: site, theme: theme, source: source, images: images)
        case .failure(let failure):
            throw Failure(description: "the pictures of \(root.path) fail: \(failure.diagnostics)")
        }
    }
}

/// The generated site of `Benchmarks/generate.py`, kept under `.build/theme-differential/`
/// while the generator's stamp (its version, its source and the sample data it reads) is
/// the same. A new one is generated beside it and renamed into place, so a run that stops
/// half-way never leaves a folder that looks complete.
enum GeneratedSite {
    static func folder(stories: Int) throws -> URL {
        let repository = DifferentialSite.repository
        let cache = repository.appendingPathComponent(".build/theme-differential")
        let folder = cache.appendingPathComponent(String(stories))
        let stamp = try python(["-c", "import sys; sys.path.insert(0, 'Benchmarks'); import generate; sys.stdout.write(generate.stamp_for(\(stories)))"])
        let existing = try? String(contentsOf: folder.appendingPathComponent(".generated"), encoding: .utf8)
        if existing == stamp { return folder }

        let fresh = cache.appendingPathComponent("\(stories).\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: fresh) }
        _ = try python(["Benchmarks/generate.py", String(stories), fresh.path])
        // Only `content/` is read here: Hugo's copy and the Markdown of the cmark baseline go.
        try? FileManager.default.removeItem(at: fresh.appendingPathComponent("hugo"))
        try? FileManager.default.removeItem(at: fresh.appendingPathComponent("all.md"))
        if FileManager.default.fileExists(atPath: folder.path) {
            let old = cache.appendingPathComponent("\(stories).old.\(UUID().uuidString)")
            try FileManager.default.moveItem(at: folder, to: old)
            try? FileManager.default.removeItem(at: old)
        }
        do {
            try FileManager.default.moveItem(at: fresh, to: folder)
        } catch {
            // Another run may have put the same site there first.
            guard (try? String(contentsOf: folder.appendingPathComponent(".generated"), encoding: .utf8)) == stamp else { throw error }
        }
        return folder
    }

    /// python3 run from the repository (`-B`: no `__pycache__` in the source tree); its output.
    private static func python(_ arguments: [String]) throws -> String {
        let run = try CLI.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-B"] + arguments, in: DifferentialSite.repository)
        guard run.status == 0 else {
            throw DifferentialSite.Failure(description: "python3 \(arguments.joined(separator: " ")) failed (\(run.status)): \(run.stderr)")
        }
        return run.stdout
    }
}
