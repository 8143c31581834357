import ControlModel
import Questionnaire

/// A problem in the answer library.
public struct LibraryFinding: Sendable, Hashable, Codable {
    /// What kind of problem.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Two entries answer near-identical questions the same way: one is enough.
        case duplicate
        /// Two entries answer near-identical questions differently: which is right?
        case conflict
        /// An entry points at a control or evidence item the library does not have.
        case unknownReference = "unknown-reference"
    }

    /// What kind of problem.
    public var kind: Kind
    /// The entries concerned.
    public var entries: [String]
    /// What is wrong, in a sentence.
    public var message: String
    /// How alike the questions are (duplicates and conflicts).
    public var similarity: Double?

    /// Creates a finding.
    public init(kind: Kind, entries: [String], message: String, similarity: Double?) {
        self.kind = kind
        self.entries = entries
        self.message = message
        self.similarity = similarity
    }
}

/// Checks an answer library: entries that repeat or contradict each other, and entries that
/// point at controls or evidence that do not exist.
///
/// Entries for different products (or one for a product, one for the whole organisation) may
/// answer the same question differently: only entries with the same products are compared.
public func auditAnswerLibrary(_ matcher: Matcher) -> [LibraryFinding] {
    let answers = matcher.index.library.answers
    var findings: [LibraryFinding] = []
    var seenPairs: Set<[Int]> = []
    for (position, entry) in answers.enumerated() {
        let scope = Set(entry.products.map(AnswerLibraryEntry.productKey))
        let match = matcher.match(QuestionnaireItem(id: entry.id, question: entry.question)) {
            Set($0.products.map(AnswerLibraryEntry.productKey)) == scope
        }
        for candidate in match.library
        where candidate.entry != position && candidate.similarity >= Answerer.sameQuestion {
            let pair = [min(position, candidate.entry), max(position, candidate.entry)]
            guard seenPairs.insert(pair).inserted else { continue }
            let other = answers[candidate.entry]
            let first = answers[pair[0]]
            let second = answers[pair[1]]
            let same =
                Verdict(reading: entry.answer).map { $0 == Verdict(reading: other.answer) }
                ?? (entry.answer.lowercased() == other.answer.lowercased())
            let percent = Int((candidate.similarity * 100).rounded())
            findings.append(
                LibraryFinding(
                    kind: same ? .duplicate : .conflict,
                    entries: [first.id, second.id],
                    message: same
                        ? "\(first.id) and \(second.id) answer near-identical questions (\(percent)% alike) the same way; keep one"
                        : "\(first.id) answers \"\(first.answer)\" and \(second.id) answers \"\(second.answer)\" to near-identical questions (\(percent)% alike); decide which holds",
                    similarity: candidate.similarity
                )
            )
        }
    }
    let controls = Set(matcher.index.library.controls.map(\.id))
    let evidence = Set(matcher.index.library.evidence.map(\.id))
    for entry in answers {
        let missing =
            entry.controls.filter { !controls.contains($0) }.map { "control \($0)" }
            + entry.evidence.filter { !evidence.contains($0) }.map { "evidence \($0)" }
        if !missing.isEmpty {
            findings.append(
                LibraryFinding(
                    kind: .unknownReference,
                    entries: [entry.id],
                    message: "\(entry.id) points at \(missing.joined(separator: ", ")), not in the library",
                    similarity: nil
                )
            )
        }
    }
    return findings
}
