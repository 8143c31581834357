import Foundation

/// A BM25 inverted index: each document is a bag of weighted terms; a query touches only the
/// postings of its own terms, so its cost grows with those postings, not with the collection.
struct SearchIndex: Sendable {
    /// One scored document.
    struct Hit: Sendable, Hashable {
        /// The document's position, as added.
        var document: Int
        /// Its BM25 score for the query.
        var score: Double
    }

    private var postings: [String: [(document: Int, frequency: Double)]] = [:]
    private var lengths: [Double] = []
    private var totalLength = 0.0
    private var averageLength = 0.0
    private let k1 = 1.2
    private let b = 0.9

    /// The number of documents.
    var count: Int { lengths.count }

    /// Adds a document made of fields, each with a weight (a title counts more than a description).
    mutating func add(_ fields: [(terms: [String], weight: Double)]) {
        let document = lengths.count
        var frequencies: [String: Double] = [:]
        var length = 0.0
        for (terms, weight) in fields {
            for term in terms {
                frequencies[term, default: 0] += weight
                length += weight
            }
        }
        for (term, frequency) in frequencies {
            postings[term, default: []].append((document, frequency))
        }
        lengths.append(length)
        totalLength += length
        averageLength = totalLength / Double(lengths.count)
    }

    /// How rare a term is: BM25's inverse document frequency, never negative.
    func idf(_ term: String) -> Double {
        let holding = Double(postings[term]?.count ?? 0)
        let total = Double(lengths.count)
        return log(1 + (total - holding + 0.5) / (holding + 0.5))
    }

    /// The weight of a term no document has: the highest ``idf(_:)`` can be.
    var highestIDF: Double {
        let total = Double(lengths.count)
        return log(1 + (total + 0.5) / 0.5)
    }

    /// The documents that share a term with the query, best first (ties by the order added).
    func search(_ terms: [String], limit: Int) -> [Hit] {
        // Scores in an array by document, and the documents touched in a list: a dictionary's
        // hashing was most of the cost of a search.
        var scores = [Double](repeating: 0, count: lengths.count)
        var seen = [Bool](repeating: false, count: lengths.count)
        var touched: [Int] = []
        // Terms in sorted order: a Set's order changes from run to run, and so would the last
        // bits of the sums, and with them the order of tied documents.
        for term in Set(terms).sorted() {
            guard let list = postings[term] else { continue }
            let weight = idf(term)
            for (document, frequency) in list {
                let norm =
                    frequency * (k1 + 1)
                    / (frequency + k1 * (1 - b + b * lengths[document] / max(averageLength, 1)))
                if !seen[document] {
                    seen[document] = true
                    touched.append(document)
                }
                scores[document] += weight * norm
            }
        }
        // The best `limit` hits by insertion into a short sorted list: most queries touch
        // hundreds of documents and keep a dozen.
        var best: [Hit] = []
        best.reserveCapacity(limit + 1)
        for document in touched {
            let hit = Hit(document: document, score: scores[document])
            if best.count == limit, let last = best.last, !Self.ranks(hit, before: last) { continue }
            let position = best.firstIndex { Self.ranks(hit, before: $0) } ?? best.count
            best.insert(hit, at: position)
            if best.count > limit { best.removeLast() }
        }
        return best
    }

    /// Higher scores first; equal scores in the order the documents were added.
    static func ranks(_ lhs: Hit, before rhs: Hit) -> Bool {
        lhs.score != rhs.score ? lhs.score > rhs.score : lhs.document < rhs.document
    }

    /// The best score any document could get for the query: each term's weight at saturation.
    func ceiling(_ terms: [String]) -> Double {
        Set(terms).sorted().reduce(0) { $0 + idf($1) * (k1 + 1) }
    }
}
