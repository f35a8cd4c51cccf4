import FlyingFox
import Foundation

/// `thidua serve`: builds the site into a private folder, serves it on 127.0.0.1, rebuilds
/// what each save affects and tells every open page to reload (or to show the errors).
public struct DevServer: Sendable {
    public let root: URL
    public let port: UInt16
    public let options: BuildOptions
    public let log: @Sendable (String) -> Void
    public let report: @Sendable ([Diagnostic]) -> Void
    /// Counted during the first, whole build, for a terminal to show.
    public let progress: BuildProgress?

    public init(root: URL, port: UInt16, options: BuildOptions,
                log: @escaping @Sendable (String) -> Void, report: @escaping @Sendable ([Diagnostic]) -> Void,
                progress: BuildProgress? = nil) {
        self.root = root.standardizedFileURL
        self.port = port
        var options = options
        options.liveReload = true
        self.options = options
        self.log = log
        self.report = report
        self.progress = progress
    }

    public func run() async throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-serve-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.removeItem(at: output)
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: output) }
        // Ctrl+C or a stop from a test ends the process without unwinding: clean up first.
        let stops = [SIGINT, SIGTERM].map { signalNumber in
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                try? FileManager.default.removeItem(at: output)
                exit(0)
            }
            source.resume()
            return source
        }
        defer { stops.forEach { $0.cancel() } }

        let channel = ReloadChannel()
        let coordinator = RebuildCoordinator(site: LiveSite(root: root, output: output, options: options, progress: progress),
                                             channel: channel, log: log, report: report)
        await coordinator.rebuild(nil)

        // IPv4 127.0.0.1: FlyingFox's `.loopback` is ::1, which "127.0.0.1" in a browser does not reach.
        let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: port), logger: .disabled)
        await server.appendRoute("GET /__thidua/live", to: .webSocket(ReloadSocket(channel: channel)))
        let script = SourceLoader.defaultThemeLocation().flatMap {
            FileManager.default.contents(atPath: $0.appendingPathComponent("serve/live.js").path)
        } ?? Data()
        await server.appendRoute("GET /__thidua/live.js") { _ in
            HTTPResponse(statusCode: .ok, headers: [.contentType: "text/javascript; charset=utf-8"], body: script)
        }
        await server.appendRoute("GET *", to: SiteFileHandler(root: output))

        let watcher = FileWatcher(root: root)
        let watching = Task {
            for await changed in watcher.changes() {
                await coordinator.changed(changed)
            }
        }
        defer { watching.cancel() }
        log("Serving on http://127.0.0.1:\(port)/ — watching content/ and theme/; Ctrl+C stops.")
        try await server.run()
    }
}

/// One rebuild at a time; files saved while a rebuild runs are gathered into the next one.
actor RebuildCoordinator {
    private var site: LiveSite
    private let channel: ReloadChannel
    private let log: @Sendable (String) -> Void
    private let report: @Sendable ([Diagnostic]) -> Void
    private var pending: Set<String> = []
    private var running = false
    /// Files of a failed rebuild, read again next time until the build passes.
    private var failed: Set<String> = []
    /// Until a whole build has passed there is no site to update piece by piece.
    private var needsFullBuild = true

    init(site: LiveSite, channel: ReloadChannel, log: @escaping @Sendable (String) -> Void,
         report: @escaping @Sendable ([Diagnostic]) -> Void) {
        self.site = site
        self.channel = channel
        self.log = log
        self.report = report
    }

    func changed(_ paths: Set<String>) async {
        pending.formUnion(paths)
        guard !running else { return }
        running = true
        while !pending.isEmpty {
            let batch = pending
            pending = []
            await rebuild(batch)
        }
        running = false
    }

    private var indexGeneration = 0

    /// Rebuilds the search index away from the actor, so saves keep being served meanwhile;
    /// only the newest refresh writes.
    private func refreshSearchIndex(_ site: Site, with live: LiveSite) {
        indexGeneration += 1
        let generation = indexGeneration
        Task.detached { [log] in
            guard await self.isCurrent(generation) else { return }
            let start = DispatchTime.now().uptimeNanoseconds
            let written = (try? live.writeSearchIndex(of: site)) ?? 0
            log(String(format: "Search index refreshed in %.0f ms (%d files)",
                       Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6, written))
        }
    }

    private func isCurrent(_ generation: Int) -> Bool {
        generation == indexGeneration && pending.isEmpty
    }

    /// nil rebuilds everything.
    func rebuild(_ paths: Set<String>?) async {
        var working = site
        let changed = needsFullBuild ? nil : paths.map { $0.union(failed) }
        do {
            let result = try await working.rebuild(changed: changed)
            site = working
            failed = []
            needsFullBuild = false
            log(String(format: "Rebuilt in %.0f ms: %d pages rendered, %d files written%@",
                       result.seconds * 1000, result.rendered, result.written,
                       result.removed > 0 ? ", \(result.removed) removed" : ""))
            if paths == nil, let warnings = working.lastSite?.warnings, !warnings.isEmpty { report(warnings) }
            await channel.reload()
            if paths != nil, let site = working.lastSite { refreshSearchIndex(site, with: working) }
        } catch {
            failed.formUnion(changed ?? [])
            report(error.diagnostics)
            await channel.fail(error.diagnostics)
        }
    }
}
