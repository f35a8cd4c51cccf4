/// Maps over items on every core in batches, returning results in input order, so parallel
/// stages stay byte-for-byte deterministic.
enum Parallel {
    static func map<Input: Sendable, Output: Sendable>(
        _ items: [Input], batch: Int, enabled: Bool = true,
        _ transform: @escaping @Sendable (Input) -> Output
    ) async -> [Output] {
        guard enabled, items.count > batch else { return items.map(transform) }
        return await withTaskGroup(of: (Int, [Output]).self) { group in
            for start in stride(from: 0, to: items.count, by: batch) {
                let slice = items[start..<min(start + batch, items.count)]
                group.addTask { (start, slice.map(transform)) }
            }
            var batches: [Int: [Output]] = [:]
            for await (start, results) in group { batches[start] = results }
            return batches.keys.sorted().flatMap { batches[$0] ?? [] }
        }
    }
}
