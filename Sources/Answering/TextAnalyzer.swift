import Foundation

/// Turns questionnaire and control text into the terms the index matches on: case and accent
/// folded, split at punctuation, security phrases mapped to one concept each (MFA, two-factor
/// and 2FA are one term), stop words dropped, the rest stemmed.
struct TextAnalyzer: Sendable {
    /// Phrases (as folded tokens) by their first token, longest first, with their concept.
    private let phrases: [String: [(tokens: [String], concept: String)]]
    /// Single words, by stem, that stand for a concept.
    private let wordConcepts: [String: String]
    private let stopWords: Set<String>
    /// Risk phrases as folded token runs.
    private let riskPhrases: [[String]]

    /// The analyser with Quire's security thesaurus.
    static let standard = TextAnalyzer(
        groups: SecurityThesaurus.groups,
        stopWords: SecurityThesaurus.stopWords,
        riskPhrases: SecurityThesaurus.riskPhrases
    )

    init(groups: [[String]], stopWords: Set<String>, riskPhrases: [String]) {
        self.stopWords = stopWords
        var phrases: [String: [(tokens: [String], concept: String)]] = [:]
        var wordConcepts: [String: String] = [:]
        for group in groups {
            guard let canonical = group.first else { continue }
            let concept = "~" + Self.tokens(canonical).joined(separator: "_")
            for entry in group {
                // Phrases are compared stem by stem, so "penetration tests" is "penetration test".
                let tokens = Self.tokens(entry).map(Stemmer.stem)
                guard let first = tokens.first else { continue }
                if tokens.count == 1 {
                    wordConcepts[first] = wordConcepts[first] ?? concept
                } else if !(phrases[first]?.contains { $0.tokens == tokens } ?? false) {
                    phrases[first, default: []].append((tokens, concept))
                }
            }
        }
        for key in phrases.keys {
            phrases[key]?.sort { $0.tokens.count > $1.tokens.count }
        }
        self.phrases = phrases
        self.wordConcepts = wordConcepts
        self.riskPhrases = riskPhrases.map(Self.tokens).filter { !$0.isEmpty }
    }

    /// Folded tokens: lower case, accents removed, split at anything but letters and digits.
    static func tokens(_ text: String) -> [String] {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var tokens: [String] = []
        var current = ""
        for scalar in folded.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                tokens.append(current)
                current = ""
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    /// The terms of a text, in order (a term may repeat).
    func terms(_ text: String) -> [String] {
        let tokens = Self.tokens(text)
        let stems = tokens.map(Stemmer.stem)
        var terms: [String] = []
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            if let candidates = phrases[stems[index]],
                let match = candidates.first(where: { candidate in
                    index + candidate.tokens.count <= stems.count
                        && Array(stems[index..<(index + candidate.tokens.count)]) == candidate.tokens
                })
            {
                // The phrase counts as its concept, and its words still count as themselves:
                // "encrypted at rest" and "encrypt … at rest" then share most of their terms.
                terms.append(match.concept)
            }
            index += 1
            // Numbers say little ("24 months", "TLS 1.2") unless they are names ("27001").
            if token.allSatisfy(\.isNumber), token.count < 4 { continue }
            if stopWords.contains(token) { continue }
            let stem = stems[index - 1]
            terms.append(wordConcepts[stem] ?? stem)
        }
        return terms
    }

    /// Whether a text is phrased so that "Yes" is the bad answer (`Have you had a breach …?`).
    func isRiskPhrased(_ text: String) -> Bool {
        let tokens = Self.tokens(text)
        guard !tokens.isEmpty else { return false }
        // "Can staff …?", "May employees …?", "Are users allowed to …?": a permission, where
        // "Yes" means a safeguard is missing.
        let people: Set<String> = [
            "staff", "employees", "employee", "users", "user", "administrators", "administrator", "admins", "admin",
            "developers", "developer", "engineers", "contractors", "support", "anyone", "person", "ordinary",
            "personnel", "workers", "interns",
        ]
        if ["can", "may"].contains(tokens[0]), tokens.dropFirst().prefix(4).contains(where: people.contains) {
            return true
        }
        if tokens.count > 3, ["are", "is"].contains(tokens[0]),
            tokens.contains("allowed") || tokens.contains("permitted"),
            tokens.prefix(5).contains(where: people.contains)
        {
            return true
        }
        return riskPhrases.contains { phrase in
            guard phrase.count <= tokens.count else { return false }
            for start in 0...(tokens.count - phrase.count) where tokens[start] == phrase[0] {
                if Array(tokens[start..<(start + phrase.count)]) == phrase { return true }
            }
            return false
        }
    }
}
