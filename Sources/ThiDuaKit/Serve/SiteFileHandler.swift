import FlyingFox
import Foundation

/// Serves the built site the way a static host does: `/dir/` is `dir/index.html`, `/dir`
/// redirects to `/dir/`, and a missing page answers 404 with the site's own 404 page.
/// (FlyingFox's directory handler does not map folders to index.html.)
struct SiteFileHandler: HTTPHandler {
    let root: URL

    static let types: [String: String] = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8",
        "json": "application/json", "xml": "application/xml; charset=utf-8", "ics": "text/calendar; charset=utf-8",
        "txt": "text/plain; charset=utf-8", "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg",
        "jpeg": "image/jpeg", "webp": "image/webp", "gif": "image/gif", "pdf": "application/pdf",
    ]

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        // The raw target keeps a trailing slash, which `request.path` normalises away.
        let path = request.target.path(percentEncoded: false)
        guard !path.contains("..") else { return HTTPResponse(statusCode: .badRequest) }
        var target = root.appendingPathComponent(String(path.dropFirst()))
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: target.path, isDirectory: &isFolder), isFolder.boolValue {
            guard path.hasSuffix("/") else {
                let headers: HTTPHeaders = [.location: path + "/"]
                return HTTPResponse(statusCode: .movedPermanently, headers: headers)
            }
            target = target.appendingPathComponent("index.html")
        }
        if let data = FileManager.default.contents(atPath: target.path) {
            return HTTPResponse(statusCode: .ok, headers: headers(for: target), body: data)
        }
        let notFound = FileManager.default.contents(atPath: root.appendingPathComponent("404.html").path) ?? Data()
        let headers: HTTPHeaders = [.contentType: "text/html; charset=utf-8"]
        return HTTPResponse(statusCode: .notFound, headers: headers, body: notFound)
    }

    private func headers(for file: URL) -> HTTPHeaders {
        // Pages change on every save: the browser must ask again each time.
        [.contentType: Self.types[file.pathExtension.lowercased()] ?? "application/octet-stream",
         HTTPHeader("Cache-Control"): "no-store"]
    }
}
