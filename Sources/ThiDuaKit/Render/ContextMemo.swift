import Synchronization

/// Contexts made the first time a page asks for them and shared from then on, by any
/// thread. Filled lazily rather than up front, so that `serve`, which renders a dozen pages
/// after a save, makes only what those pages need.
final class ContextMemo<Key: Hashable & Sendable>: Sendable {
    typealias Context = [String: any Sendable]

    private let made = Mutex<[Key: Context]>([:])

    /// The remembered context, or `make()`'s. `make` runs outside the lock: two pages asking
    /// at once may both make it, and both get the same value.
    func context(_ key: Key, make: () -> Context) -> Context {
        if let known = made.withLock({ $0[key] }) { return known }
        let context = make()
        made.withLock { $0[key] = context }
        return context
    }
}

/// Which story, person or milestone. A story shows on its own page, a list page, its feeds,
/// the home page and a term page for each of its tags, unit, movement and phase: making its
/// context and rendering its card again for each of them was a fifth of a build.
struct ItemKey: Hashable, Sendable {
    let kind: ContentKind
    let index: Int
}
