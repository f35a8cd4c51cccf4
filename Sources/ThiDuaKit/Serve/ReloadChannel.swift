import FlyingFox
import Foundation

/// The WebSocket every open page keeps to the development server: "reload" after a good
/// rebuild, the errors as JSON after a bad one. A page that connects while the content has
/// errors gets them at once.
actor ReloadChannel {
    private var clients: [UUID: AsyncStream<WSMessage>.Continuation] = [:]
    private var errors: String?

    func connect() -> AsyncStream<WSMessage> {
        let (stream, continuation) = AsyncStream<WSMessage>.makeStream()
        let id = UUID()
        clients[id] = continuation
        if let errors { continuation.yield(.text(errors)) }
        continuation.onTermination = { _ in Task { await self.disconnect(id) } }
        return stream
    }

    func disconnect(_ id: UUID) {
        clients.removeValue(forKey: id)
    }

    func reload() {
        errors = nil
        for client in clients.values { client.yield(.text("reload")) }
    }

    func fail(_ diagnostics: [Diagnostic]) {
        struct Payload: Encodable {
            struct Error: Encodable { let path: String; let line: Int; let column: Int; let message: String }
            let errors: [Error]
        }
        let payload = Payload(errors: diagnostics.map {
            .init(path: $0.path, line: $0.position.line, column: $0.position.column, message: $0.message)
        })
        let text = (try? JSONEncoder().encode(payload)).map { String(decoding: $0, as: UTF8.self) } ?? "{\"errors\":[]}"
        errors = text
        for client in clients.values { client.yield(.text(text)) }
    }
}

/// FlyingFox's side of the channel: one message stream per page.
struct ReloadSocket: WSMessageHandler {
    let channel: ReloadChannel

    func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
        let outgoing = await channel.connect()
        // Reading the page's side keeps the connection's lifetime visible to FlyingFox.
        Task { for await _ in client {} }
        return outgoing
    }
}
