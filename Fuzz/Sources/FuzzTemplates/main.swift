import CFuzzDriver
import Foundation
@testable import ThiDuaKit

/// The theme of the folder the fuzzer runs in (`make fuzz` runs it at the repository's root),
/// read once: the fuzzed templates replace some of its files and the rest keep the theme whole,
/// so that compiling reaches the checks of names, partials, parents and blocks.
private enum Fixture {
    static let theme: ThemeSource? = try? SourceLoader(root: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        .loadTheme(fallback: nil)
}

/// Where the pieces of an input go, in order; a NUL byte ends a piece. The story page and
/// the base it extends are the theme's own names, the partials and the fragment are new.
private let names = ["story", "base", "partials/a", "partials/b", "fragments/fuzz"]

/// The input is up to five templates; the theme is compiled with them, against every frame.
private func fuzzTemplates(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    guard var source = Fixture.theme else {
        FileHandle.standardError.write(Data("FuzzTemplates: run it where theme/ is, at the repository's root\n".utf8))
        exit(2)
    }
    let pieces = UnsafeBufferPointer(start: data, count: size).split(separator: 0, omittingEmptySubsequences: false)
    let fuzzed = zip(names, pieces).map { SourceFile(path: "theme/templates/\($0).mustache", bytes: Array($1)) }
    let replaced = Set(fuzzed.map(\.path))
    source.templates = source.templates.filter { !replaced.contains($0.path) } + fuzzed
    _ = try? Theme.compile(source, language: "vi")
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { fuzzTemplates($0, $1) })
