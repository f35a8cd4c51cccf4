/// Theme assets are published a second time under a name that holds a hash of their bytes
/// (`assets/style.1f0c93ab52.css`), which the default theme links. Such a name never shows
/// other bytes, so a server may let browsers keep the file for a year (see
/// `docs/nginx.conf`), and a changed stylesheet still reaches every reader with the next
/// build: its name changes, and so do the links of the pages.
enum AssetFingerprint {
    /// Hex digits of the hash in a name: 40 bits, so two versions of one file never share one.
    static let digits = 10

    /// `path` with the hash of `bytes` before its extension, or after its name when it has none.
    static func path(_ path: String, bytes: [UInt8]) -> String {
        var hash = FNV1a()
        bytes.withUnsafeBufferPointer { hash.add(bytes: $0) }
        let mark = String(hash.hex.prefix(digits))
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        let name = path[slash...]
        // A leading dot is part of the name, not an extension.
        guard let dot = name.dropFirst().lastIndex(of: ".") else { return "\(path).\(mark)" }
        return "\(path[..<dot]).\(mark)\(path[dot...])"
    }
}
