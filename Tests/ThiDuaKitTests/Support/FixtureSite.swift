import Foundation
import ThiDuaKit

/// A site written inline in a test: relative path → file text (or bytes), in a fresh
/// temporary folder that is removed when the test ends.
struct FixtureSite: ~Copyable {
    let root: URL

    init(_ files: [String: String], bytes: [String: [UInt8]] = [:]) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("thidua-test-\(UUID().uuidString)")
        for (path, text) in files {
            try write(path, Data(text.utf8))
        }
        for (path, data) in bytes {
            try write(path, Data(data))
        }
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    func write(_ path: String, _ data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    var output: URL { root.appendingPathComponent("public") }

    /// Builds through the library, as the CLI does.
    func build(now: String = "2024-05-10", drafts: Bool = false, future: Bool = false,
               parallel: Bool = true, out: URL? = nil) async throws(BuildFailure) -> Builder.Summary {
        let options = BuildOptions(now: CalendarDate(iso: now)!, drafts: drafts, future: future)
        return try await Builder(.init(source: root, output: out ?? output, options: options, parallel: parallel)).build()
    }

    /// Every file of the output folder, path → bytes.
    func outputTree(_ folder: URL? = nil) throws -> [String: Data] {
        try Tree.read(folder ?? output)
    }
}

enum Tree {
    static func read(_ folder: URL) throws -> [String: Data] {
        var tree: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return tree
        }
        let prefix = folder.standardizedFileURL.path + "/"
        for case let url as URL in walker where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            tree[String(url.standardizedFileURL.path.dropFirst(prefix.count))] = try Data(contentsOf: url)
        }
        return tree
    }
}

/// Runs the built `thidua` executable, which sits beside the test bundle in the build folder.
enum CLI {
    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("thidua")
    }

    static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> Run {
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env.removeValue(forKey: "SOURCE_DATE_EPOCH")
        for (key, value) in environment { env[key] = value }
        return try run(executable, arguments, in: directory, environment: env)
    }

    /// Runs any program to its end, with what it printed.
    static func run(_ program: URL, _ arguments: [String], in directory: URL,
                    environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Run {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = environment
        // stderr goes to a file: with two pipes read one after the other, a program that fills
        // the second pipe while the first is read waits for ever, and so does the test.
        let errFile = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-stderr-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: errFile.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
        defer { try? FileManager.default.removeItem(at: errFile) }
        let err = try FileHandle(forWritingTo: errFile)
        let out = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try err.close()
        return Run(status: process.terminationStatus,
                   stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: try Data(contentsOf: errFile), as: UTF8.self))
    }
}
