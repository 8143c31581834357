public import ControlModel

/// An answer a reviewer approved, with where it came from: what the library learns.
public struct ApprovedAnswer: Sendable, Hashable {
    /// The question as the questionnaire asked it.
    public var question: String
    /// The answer sent.
    public var answer: String
    /// The comment sent, if any.
    public var comment: String?
    /// The controls it rests on.
    public var controls: [String]
    /// The evidence it cites.
    public var evidence: [String]
    /// The questionnaire and item it was given in (`acme.xlsx item IAM-02`).
    public var source: String
    /// Who approved it.
    public var approvedBy: String
    /// When.
    public var approvedOn: Day

    /// An approved answer.
    public init(
        question: String,
        answer: String,
        comment: String?,
        controls: [String],
        evidence: [String],
        source: String,
        approvedBy: String,
        approvedOn: Day
    ) {
        self.question = question
        self.answer = answer
        self.comment = comment
        self.controls = controls
        self.evidence = evidence
        self.source = source
        self.approvedBy = approvedBy
        self.approvedOn = approvedOn
    }
}

/// What learning approved answers does to an answer library.
public struct LearnedEntries: Sendable, Hashable {
    /// New entries, with new ids.
    public var added: [AnswerLibraryEntry] = []
    /// Existing entries asking the same question, brought up to date (same id).
    public var updated: [AnswerLibraryEntry] = []
    /// Updates that change an entry's answer: reported, as `quire library check` reports conflicts.
    public var contradictions: [Contradiction] = []

    /// An entry whose answer an approved answer replaces.
    public struct Contradiction: Sendable, Hashable {
        /// The entry's id.
        public var entry: String
        /// Its answer before.
        public var was: String
        /// The approved answer.
        public var now: String
    }
}

/// Learns approved answers into an answer library's entries.
///
/// An approved answer to a question an entry already asks (the same words, or near enough: nine
/// in ten of their terms shared) updates that entry (answer, comment, controls, evidence,
/// provenance) instead of adding a copy; if its answer differs, the change is reported. Any
/// other becomes a new entry, tagged `learned`, with the next free id (`ANS-0188` after
/// `ANS-0187`).
public func learn(_ approved: [ApprovedAnswer], into library: [AnswerLibraryEntry]) -> LearnedEntries {
    let analyzer = TextAnalyzer.standard
    var entries = library
    var result = LearnedEntries()
    var next = (library.compactMap { Int($0.id.drop { !$0.isNumber }) }.max() ?? 0) + 1
    for answer in approved {
        let terms = Set(analyzer.terms(answer.question))
        let same = entries.firstIndex { entry in
            let other = Set(analyzer.terms(entry.question))
            let union = terms.union(other).count
            return union > 0 && Double(terms.intersection(other).count) / Double(union) >= 0.9
        }
        var entry = AnswerLibraryEntry(
            id: "ANS-" + String(repeating: "0", count: max(0, 4 - String(next).count)) + String(next),
            question: answer.question,
            answer: answer.answer,
            comment: answer.comment,
            controls: answer.controls,
            evidence: answer.evidence,
            source: answer.source,
            approvedBy: answer.approvedBy,
            approvedOn: answer.approvedOn,
            tags: ["learned"]
        )
        if let same {
            let old = entries[same]
            entry.id = old.id
            entry.question = old.question
            entry.tags = old.tags.contains("learned") ? old.tags : old.tags + ["learned"]
            if old.answer.lowercased() != answer.answer.lowercased() {
                result.contradictions.append(.init(entry: old.id, was: old.answer, now: answer.answer))
            }
            entries[same] = entry
            if let earlier = result.added.firstIndex(where: { $0.id == entry.id }) {
                result.added[earlier] = entry
            } else if let earlier = result.updated.firstIndex(where: { $0.id == entry.id }) {
                result.updated[earlier] = entry
            } else {
                result.updated.append(entry)
            }
        } else {
            next += 1
            entries.append(entry)
            result.added.append(entry)
        }
    }
    return result
}
