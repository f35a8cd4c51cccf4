import CFuzzDriver
import Foundation
@testable import ThiDuaKit

/// The input is read as each of the YAML files that are not Markdown: `site.yml`,
/// `timeline.yml` (with its validation), `movements.yml` and a theme's UI strings. One input
/// serves them all, since they share the reader and a mutation useful to one is often useful
/// to another.
private func fuzzDataFiles(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = DataFileParser.siteConfig(SourceFile(path: "content/site.yml", bytes: bytes))
    _ = DataFileParser.timeline(SourceFile(path: "content/timeline.yml", bytes: bytes))
    _ = DataFileParser.movements(SourceFile(path: "content/movements.yml", bytes: bytes))
    _ = UIStrings.load([SourceFile(path: "theme/i18n/vi.yml", bytes: bytes)], language: "vi")
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { fuzzDataFiles($0, $1) })
