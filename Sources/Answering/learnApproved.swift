public import ControlModel

/// An answer a reviewer approved, or one imported from a filled questionnaire still to be
/// approved, with where it came from: what the library learns.
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
    /// Who approved it; nil for an import that still needs approval.
    public var approvedBy: String?
    /// When.
    public var approvedOn: Day?
    /// The entry's tags: `learned` for a reviewed answer; `imported`, and `needs-approval` until a
    /// person approves it, for an import.
    public var tags: [String]
    /// The products it was given for; empty for the whole organisation.
    public var products: [String]

    /// Whether a person approved it.
    public var isApproved: Bool { approvedBy != nil && !tags.contains(Answerer.unapprovedTag) }

    /// An approved answer.
    public init(
        question: String,
        answer: String,
        comment: String?,
        controls: [String],
        evidence: [String],
        source: String,
        approvedBy: String?,
        approvedOn: Day?,
        tags: [String] = ["learned"],
        products: [String] = []
    ) {
        self.question = question
        self.answer = answer
        self.comment = comment
        self.controls = controls
        self.evidence = evidence
        self.source = source
        self.approvedBy = approvedBy
        self.approvedOn = approvedOn
        self.tags = tags
        self.products = products
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
        /// Whether the entry now says it; false when an answer still to be approved met an
        /// approved entry, which it never replaces.
        public var replaced: Bool = true
    }
}

/// Learns approved answers into an answer library's entries.
///
/// An approved answer to a question an entry already asks (the same words, or near enough: nine
/// in ten of their terms shared) for the same products (or both for the whole organisation)
/// updates that entry (answer, comment, controls, evidence,
/// provenance) instead of adding a copy; if its answer differs, the change is reported. An answer
/// still to be approved never replaces an approved entry: the same answer is merged into it
/// unchanged, a different one is reported as a contradiction and left out. Any other becomes a
/// new entry, with the answer's tags (`learned`, or `imported`), with the next free id
/// (`ANS-0188` after `ANS-0187`).
///
/// `elsewhere` holds the entries of the library's other files, which cannot be edited here: new
/// ids follow theirs too, and an answer to a question one of them asks is not added again (a
/// different answer is reported, never added beside it).
public func learn(
    _ approved: [ApprovedAnswer],
    into library: [AnswerLibraryEntry],
    elsewhere: [AnswerLibraryEntry] = []
) -> LearnedEntries {
    let analyzer = TextAnalyzer.standard
    var entries = library
    var result = LearnedEntries()
    var next = ((library + elsewhere).compactMap { Int($0.id.drop { !$0.isNumber }) }.max() ?? 0) + 1
    func scope(_ products: [String]) -> Set<String> { Set(products.map(AnswerLibraryEntry.productKey)) }
    func asks(_ terms: Set<String>, for products: [String]) -> (AnswerLibraryEntry) -> Bool {
        { entry in
            // An answer for one product neither updates nor contradicts one for another product
            // or for the whole organisation: each holds where it was given.
            guard scope(entry.products) == scope(products) else { return false }
            let other = Set(analyzer.terms(entry.question))
            let union = terms.union(other).count
            return union > 0 && Double(terms.intersection(other).count) / Double(union) >= 0.9
        }
    }
    for answer in approved {
        let terms = Set(analyzer.terms(answer.question))
        if let other = elsewhere.first(where: asks(terms, for: answer.products)) {
            if other.answer.lowercased() != answer.answer.lowercased() {
                result.contradictions.append(
                    .init(entry: other.id, was: other.answer, now: answer.answer, replaced: false)
                )
            }
            continue
        }
        let same = entries.firstIndex(where: asks(terms, for: answer.products))
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
            tags: answer.tags,
            products: answer.products
        )
        if let same {
            let old = entries[same]
            let oldApproved = old.approvedBy != nil && !old.tags.contains(Answerer.unapprovedTag)
            if !answer.isApproved, oldApproved {
                if old.answer.lowercased() != answer.answer.lowercased() {
                    result.contradictions.append(
                        .init(entry: old.id, was: old.answer, now: answer.answer, replaced: false)
                    )
                }
                continue
            }
            entry.id = old.id
            entry.question = old.question
            entry.products = old.products
            entry.tags = old.tags.filter { $0 != Answerer.unapprovedTag || !answer.isApproved }
            for tag in answer.tags where !entry.tags.contains(tag) { entry.tags.append(tag) }
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
