import Synchronization

/// Values made the first time a page asks for them and shared from then on, by any thread.
/// Filled lazily rather than up front, so that `serve`, which renders a dozen pages after a
/// save, makes only what those pages need.
final class ContextMemo<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let made = Mutex<[Key: Value]>([:])

    /// The remembered value, or `make()`'s. `make` runs outside the lock: two pages asking
    /// at once may both make it, and both get the same value.
    func value(_ key: Key, make: () -> Value) -> Value {
        if let known = made.withLock({ $0[key] }) { return known }
        let value = make()
        made.withLock { $0[key] = value }
        return value
    }
}
