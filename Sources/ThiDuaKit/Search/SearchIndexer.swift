import Foundation

extension SearchIndex {
    /// Word number → field → ascending document numbers, and the same for pairs of words.
    /// Documents are visited in order, so every list is sorted as it is built; memory is one
    /// number per distinct word and pair of each document. Words are numbered rather than
    /// hashed as strings at each occurrence: a 10,000-story site has millions of occurrences
    /// of a few thousand words.
    struct Indexer: TokenSink {
        var table = TokenTable()
        /// Word number × 3 + field.
        var postings: [[Int32]] = []
        var pairs: [(first: Int32, second: Int32)] = []
        var pairPostings: [[Int32]] = []
        private var pairNumbers = PairTable()
        /// The best field of each word in the current document, -1 when absent.
        private var best: [Int8] = []
        private var touched: [Int32] = []

        var document: Int32 = 0
        private var field = Field.body
        private var previous: Int32 = -1

        mutating func word(_ bytes: UnsafeBufferPointer<UInt8>, joined: Bool) {
            let id = table.id(of: bytes)
            let index = Int(id)
            if index == best.count {
                best.append(-1)
                postings += [[], [], []]
            }
            if best[index] < Int8(field.rawValue) {
                if best[index] < 0 { touched.append(id) }
                best[index] = Int8(field.rawValue)
            }
            if joined && previous >= 0 {
                let next = Int32(pairs.count)
                let (pair, seen) = pairNumbers.note(UInt64(UInt32(previous)) << 32 | UInt64(UInt32(id)), next: next, in: document)
                if pair == next {
                    pairs.append((previous, id))
                    pairPostings.append([])
                }
                if !seen { pairPostings[Int(pair)].append(document) }
            }
            previous = id
        }

        /// Indexes `text` as a part of the current document.
        mutating func scan(_ text: String, as field: Field) {
            var text = text
            text.withUTF8 { scan(utf8: $0, as: field) }
        }

        mutating func scan(utf8 text: UnsafeBufferPointer<UInt8>, as field: Field) {
            self.field = field
            previous = -1
            Tokenizer.scan(utf8: text, into: &self)
        }

        mutating func breakPhrase() {
            previous = -1
        }

        /// Appends what `other` found in the documents after this one's.
        mutating func merge(_ other: Indexer) {
            var numbers: [Int32] = []
            numbers.reserveCapacity(other.table.tokens.count)
            for token in other.table.tokens {
                var token = token
                let id = token.withUTF8 { table.id(of: $0) }
                while postings.count <= Int(id) * 3 { postings += [[], [], []] }
                numbers.append(id)
            }
            for (local, id) in numbers.enumerated() {
                for field in 0..<3 {
                    postings[Int(id) * 3 + field] += other.postings[local * 3 + field]
                }
            }
            for (local, pair) in other.pairs.enumerated() {
                let first = numbers[Int(pair.first)], second = numbers[Int(pair.second)]
                let next = Int32(pairs.count)
                let number = pairNumbers.note(UInt64(UInt32(first)) << 32 | UInt64(UInt32(second)), next: next, in: -1).number
                if number == next {
                    pairs.append((first, second))
                    pairPostings.append([])
                }
                pairPostings[Int(number)] += other.pairPostings[local]
            }
        }

        mutating func endDocument() {
            for id in touched {
                postings[Int(id) * 3 + Int(best[Int(id)])].append(document)
                best[Int(id)] = -1
            }
            touched.removeAll(keepingCapacity: true)
        }
    }

    /// The indexers of the runs and the snippets of their documents, handed from the threads
    /// that make them.
    final class Partials: @unchecked Sendable {
        private var runs: [(Indexer, [String])?]
        private let lock = NSLock()

        init(count: Int) {
            runs = Array(repeating: nil, count: count)
        }

        func set(_ run: Int, _ indexer: Indexer, snippets: [String]) {
            lock.withLock { runs[run] = (indexer, snippets) }
        }

        func take(_ run: Int) -> (Indexer, [String]) {
            lock.withLock {
                defer { runs[run] = nil }
                return runs[run] ?? (Indexer(), [])
            }
        }
    }
}

/// Receives the words of a text from `SearchIndex.Tokenizer`.
protocol TokenSink {
    /// A word's UTF-8 bytes, lower case and composed, and whether only spaces separate it
    /// from the word before (then the two make a phrase).
    mutating func word(_ bytes: UnsafeBufferPointer<UInt8>, joined: Bool)
    /// A word too long to index stood here: the words around it are no phrase.
    mutating func breakPhrase()
}
