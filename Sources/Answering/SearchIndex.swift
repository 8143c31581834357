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
    private var averageLength = 0.0
    private let k1 = 1.2
    private let b = 0.75

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
        averageLength = lengths.reduce(0, +) / Double(lengths.count)
    }

    /// How rare a term is: BM25's inverse document frequency, never negative.
    func idf(_ term: String) -> Double {
        let holding = Double(postings[term]?.count ?? 0)
        let total = Double(lengths.count)
        return log(1 + (total - holding + 0.5) / (holding + 0.5))
    }

    /// The documents that share a term with the query, best first (ties by the order added).
    func search(_ terms: [String], limit: Int) -> [Hit] {
        var scores: [Int: Double] = [:]
        for term in Set(terms) {
            guard let list = postings[term] else { continue }
            let weight = idf(term)
            for (document, frequency) in list {
                let norm =
                    frequency * (k1 + 1)
                    / (frequency + k1 * (1 - b + b * lengths[document] / max(averageLength, 1)))
                scores[document, default: 0] += weight * norm
            }
        }
        return scores.map { Hit(document: $0.key, score: $0.value) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.document < $1.document }
            .prefix(limit)
            .map { $0 }
    }

    /// The best score any document could get for the query: each term's weight at saturation.
    func ceiling(_ terms: [String]) -> Double {
        Set(terms).reduce(0) { $0 + idf($1) * (k1 + 1) }
    }
}
