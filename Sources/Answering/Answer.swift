public import ControlModel

/// What an answer rests on.
public enum AnswerBasis: String, Sendable, Hashable, Codable, CaseIterable {
    /// The answer already in the file, kept.
    case existing
    /// An approved past answer to the same or a near-identical question.
    case library
    /// An answer given in a previously filled questionnaire to a near-identical question.
    case previousAnswer = "previous-answer"
    /// The matched controls are implemented, with passing, unexpired evidence.
    case controlsImplemented = "controls-implemented"
    /// The matched controls are partial, planned or failing.
    case controlsIncomplete = "controls-incomplete"
    /// The matched controls do not apply to the organisation, with a justification.
    case notApplicable = "not-applicable"
    /// Nothing to rest an answer on.
    case none
}

/// One evidence item an answer cites, with its dates.
public struct CitedEvidence: Sendable, Hashable, Codable {
    /// The evidence id.
    public var id: String
    /// Its title.
    public var title: String
    /// When it was collected.
    public var collectedOn: String?
    /// Until when it holds.
    public var validUntil: String?
    /// Its result (`pass`, `fail`, `not-tested`).
    public var result: String?

    enum CodingKeys: String, CodingKey {
        case id, title, result
        case collectedOn = "collected_on"
        case validUntil = "valid_until"
    }

    /// Writes every key, absent values as null.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(collectedOn, forKey: .collectedOn)
        try container.encode(validUntil, forKey: .validUntil)
        try container.encode(result, forKey: .result)
    }
}

/// The answer to one questionnaire item, with what it rests on and whether a person must look.
public struct Answer: Sendable, Hashable, Codable {
    /// The item's id.
    public var id: String
    /// The item's sheet, if any.
    public var sheet: String?
    /// The item's row, if any.
    public var row: Int?
    /// The question.
    public var question: String
    /// Where the value goes.
    public var answerCell: String?
    /// Where the comment goes.
    public var commentCell: String?
    /// The value to write (one of the item's allowed answers, or text), or nil when nothing
    /// should be written in the answer cell.
    public var value: String?
    /// The comment or explanation to write.
    public var comment: String?
    /// How sure Quire is, 0–1 (see README, "How answers are chosen").
    public var confidence: Double
    /// What the answer rests on.
    public var basis: AnswerBasis
    /// The controls it rests on.
    public var controls: [String]
    /// The answer library entry it rests on.
    public var libraryEntry: String?
    /// The evidence it cites.
    public var evidence: [CitedEvidence]
    /// Whether a person must review it before it is sent.
    public var review: Bool
    /// Why it needs review.
    public var reviewReason: String?

    enum CodingKeys: String, CodingKey {
        case id, sheet, row, question, value, comment, confidence, basis, controls, evidence, review
        case answerCell = "answer_cell"
        case commentCell = "comment_cell"
        case libraryEntry = "library_entry"
        case reviewReason = "review_reason"
    }

    /// Writes every key, absent values as null.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(sheet, forKey: .sheet)
        try container.encode(row, forKey: .row)
        try container.encode(question, forKey: .question)
        try container.encode(answerCell, forKey: .answerCell)
        try container.encode(commentCell, forKey: .commentCell)
        try container.encode(value, forKey: .value)
        try container.encode(comment, forKey: .comment)
        try container.encode((confidence * 100).rounded() / 100, forKey: .confidence)
        try container.encode(basis, forKey: .basis)
        try container.encode(controls, forKey: .controls)
        try container.encode(libraryEntry, forKey: .libraryEntry)
        try container.encode(evidence, forKey: .evidence)
        try container.encode(review, forKey: .review)
        try container.encode(reviewReason, forKey: .reviewReason)
    }
}

/// Settings of an answering run.
public struct AnsweringOptions: Sendable, Hashable {
    /// The day evidence is judged against (expired before it).
    public var asOf: Day
    /// Whether answers already in the file are replaced.
    public var overwrite: Bool

    /// Creates options.
    public init(asOf: Day, overwrite: Bool = false) {
        self.asOf = asOf
        self.overwrite = overwrite
    }
}
