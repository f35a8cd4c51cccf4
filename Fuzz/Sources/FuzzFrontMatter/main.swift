import CFuzzDriver
import Foundation
@testable import ThiDuaKit

/// The input is the YAML between a file's fences: it is fenced and read as the front matter of
/// each collection, with an empty body, so every byte goes to libyaml, the alias bound and the
/// key readers rather than to Markdown.
private func fuzzFrontMatter(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array("---\n".utf8) + Array(UnsafeBufferPointer(start: data, count: size)) + Array("\n---\n".utf8)
    for kind in ContentKind.allCases {
        _ = ItemParser.parse(SourceFile(path: "content/\(kind.rawValue)/fuzz.md", bytes: bytes), as: kind)
    }
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { fuzzFrontMatter($0, $1) })
