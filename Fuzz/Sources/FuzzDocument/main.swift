import CFuzzDriver
import Foundation
@testable import ThiDuaKit

/// The input is a whole content file, fences, front matter and Markdown body, read as an item
/// of each collection: text decoding, the fence split, YAML, libcmark, heading ids, pictures
/// and references.
private func fuzzDocument(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    for kind in ContentKind.allCases {
        _ = ItemParser.parse(SourceFile(path: "content/\(kind.rawValue)/fuzz.md", bytes: bytes), as: kind)
    }
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { fuzzDocument($0, $1) })
