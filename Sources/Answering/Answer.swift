public import ControlModel
public import Questionnaire

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
    /// A person decided it on the review list (accepted the proposal or gave the answer).
    case reviewed
    /// Nothing to rest an answer on.
    case none
}

/// One evidence item an answer cites, with its dates.
public struct CitedEvidence: Sendable, Hashable, Encodable {
    /// The evidence id.
    public var id: String
    /// Its title.
    public var title: String
    /// When it was collected.
    public var collectedOn: Day?
    /// Until when it holds.
    public var validUntil: Day?
    /// Its result.
    public var result: EvidenceResult?

    /// Cites an evidence item.
    public init(_ evidence: Evidence) {
        id = evidence.id
        title = evidence.title
        collectedOn = evidence.collectedOn
        validUntil = evidence.validUntil
        result = evidence.result
    }

    /// `EV-7 (2026-01-10–2027-01-10)`: the id and the period it holds for.
    public var period: String {
        "\(id) (\(collectedOn?.description ?? "?")\u{2013}\(validUntil?.description ?? "open"))"
    }

    enum CodingKeys: String, CodingKey {
        case id, title, result
        case collectedOn = "collected_on"
        case validUntil = "valid_until"
    }

    /// Writes every key, absent values as null, dates as `YYYY-MM-DD`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(title, forKey: .title)
        try container.encode(collectedOn?.description, forKey: .collectedOn)
        try container.encode(validUntil?.description, forKey: .validUntil)
        try container.encode(result?.rawValue, forKey: .result)
    }
}

/// Why an answer needs a person to look at it before it is sent.
public enum ReviewReason: Sendable, Hashable {
    /// Neither a past answer nor a control matches the question.
    case noMatch
    /// The closest controls match only weakly.
    case weakMatch(controls: [String])
    /// A past answer to a similar question, named to help the reviewer (similarity in percent).
    case closestPastAnswer(entry: String, percent: Int)
    /// The question is phrased so that "Yes" is the bad answer.
    case riskPhrased
    /// Controls the answer would rest on have no implementation status.
    case noStatus(controls: [String])
    /// An implemented control has no evidence at all.
    case noEvidence(control: String)
    /// An implemented control's evidence has all expired or failed.
    case staleControlEvidence(control: String)
    /// Evidence of an implemented control that bears on the question has failed or expired,
    /// though other evidence passes: no plain Yes.
    case failingEvidence(control: String, ids: [String])
    /// A past answer cites evidence that has expired or failed.
    case staleEvidence(ids: [String])
    /// The past answer's value is none of the item's allowed answers.
    case pastAnswerDoesNotFit(answer: String)
    /// The question asks for a fact (which, what, who, when, how often) and the past answer is a
    /// Yes or No to another question: its comment may not name the fact.
    case pastAnswerIsAVerdict(entry: String, answer: String)
    /// The question is asked of one product and the past answer was approved for the whole
    /// organisation (or, without `entry`, the controls are the organisation's): products may
    /// differ (one encrypts its data at rest, another not yet).
    case organisationAnswerForProduct(entry: String?, product: String)
    /// The question is in German or French and the past answer's in English (or the other way):
    /// they were matched through translated terms, coarser than words of one language.
    case askedInAnotherLanguage(entry: String)
    /// No allowed answer says what the controls say; only the comment could be written.
    case noAllowedValue
    /// The past answer comes from an earlier questionnaire, not from the approved library.
    case notApproved
    /// The best control's own text carries less than most of what the question asks about, and
    /// the question cites no requirement it serves: the controls were found indirectly.
    case looseMatch
    /// The confidence is below the threshold (both in percent).
    case lowConfidence(percent: Int, threshold: Int)
    /// The reader is not sure the row is a question, or its cell the answer's place (its reasons).
    case layoutUncertain(reasons: [String])
    /// A field to fill in with text (a name, a date, an address): no control says what goes there.
    case freeTextField
    /// The controls found speak of too little of what the question is about (its rarest terms
    /// that none of them has).
    case subjectNotCovered(terms: [String])
    /// A part of a compound question that none of the answer's controls speaks of.
    case partNotSupported(part: String)
    /// Names the question uses (a certification, a standard, a product) that no control of the
    /// library, its evidence or notes mention.
    case nameNotCovered(names: [String])
    /// Part of what is asked that the deciding controls do not speak of belongs to a control the
    /// organisation declared not applicable (its justification).
    case relatedNotApplicable(control: String, justification: String)
    /// The controls carrying most of what is asked are not applicable, and part of it belongs to a
    /// control in place: whether the question applies is a person's call.
    case relatedInPlace(control: String)
    /// Evidence of a deciding control that bears on what is asked has no result yet (a check not
    /// run): it supports nothing, and a question about results gets no value.
    case untestedEvidence(control: String, ids: [String])
    /// An approved past answer to a similar question says otherwise.
    case pastAnswerDisagrees(entry: String, answer: String, percent: Int)
    /// The question asks about a period ("every 90 days", "seven years") that nothing the answer
    /// rests on states, or states one that does not meet it.
    case periodNotStated(asked: String, stated: [String])
    /// The control speaks of what is asked only under a condition ("where the law requires one",
    /// "where possible"), and nothing recorded says whether it holds here.
    case conditionalControl(control: String, condition: String)
    /// The labelled answers cannot yet show any confidence at which answers derived from controls
    /// are right often enough to be written unreviewed (``ConfidenceModel/writeFrom``).
    case noWriteThreshold

    /// A stable name for the kind of reason, for filters and reports.
    public var code: String {
        switch self {
        case .noMatch: "no-match"
        case .weakMatch: "weak-match"
        case .closestPastAnswer: "closest-past-answer"
        case .riskPhrased: "risk-phrased"
        case .noStatus: "no-status"
        case .noEvidence: "no-evidence"
        case .staleControlEvidence, .staleEvidence, .failingEvidence: "stale-evidence"
        case .pastAnswerDoesNotFit, .noAllowedValue: "no-allowed-value"
        case .pastAnswerIsAVerdict: "past-answer-is-a-verdict"
        case .organisationAnswerForProduct: "organisation-answer-for-product"
        case .askedInAnotherLanguage: "asked-in-another-language"
        case .notApproved: "not-approved"
        case .looseMatch: "loose-match"
        case .lowConfidence: "low-confidence"
        case .layoutUncertain: "layout-uncertain"
        case .freeTextField: "free-text-field"
        case .subjectNotCovered: "subject-not-covered"
        case .partNotSupported: "part-not-supported"
        case .nameNotCovered: "name-not-covered"
        case .pastAnswerDisagrees: "past-answer-disagrees"
        case .periodNotStated: "period-not-stated"
        case .conditionalControl: "conditional-control"
        case .noWriteThreshold: "no-write-threshold"
        case .relatedNotApplicable: "related-not-applicable"
        case .relatedInPlace: "related-in-place"
        case .untestedEvidence: "untested-evidence"
        }
    }

    /// The reason in a sentence for the reviewer.
    public var message: String {
        switch self {
        case .noMatch:
            "no control or past answer matches this question"
        case .weakMatch(let controls):
            "the closest controls (\(controls.joined(separator: ", "))) match only weakly"
        case .closestPastAnswer(let entry, let percent):
            "closest past answer: \(entry) (\(percent)% alike)"
        case .riskPhrased:
            "the question is phrased so that \"Yes\" is the bad answer; controls cannot say whether it happened"
        case .noStatus(let controls):
            "no implementation status is recorded for \(controls.joined(separator: ", "))"
        case .noEvidence(let control):
            "\(control) has no evidence"
        case .staleControlEvidence(let control):
            "\(control)'s evidence has expired or is failing"
        case .failingEvidence(let control, let ids):
            "\(control)'s evidence that bears on this has failed or expired (\(ids.joined(separator: ", "))): "
                + "at most partly in place"
        case .staleEvidence(let ids):
            "it cites evidence that has expired or failed: " + ids.joined(separator: ", ")
        case .pastAnswerDoesNotFit(let answer):
            "the past answer \"\(answer)\" fits none of the allowed values"
        case .pastAnswerIsAVerdict(let entry, let answer):
            "the question asks for a fact, and \(entry) answers another question \"\(answer)\": its comment may not "
                + "name what is asked"
        case .organisationAnswerForProduct(let entry?, let product):
            "\(entry) was approved for the whole organisation; check that it holds for \(product)"
        case .organisationAnswerForProduct(nil, let product):
            "the controls it rests on are the organisation's; check that they hold for \(product)"
        case .askedInAnotherLanguage(let entry):
            "the question and \(entry) are in different languages, matched through translated terms; check that they "
                + "ask the same"
        case .noAllowedValue:
            "no allowed value says this; only the comment can be written"
        case .notApproved:
            "it was given in an earlier questionnaire, not approved in the library"
        case .looseMatch:
            "the controls were found indirectly (their own text carries less than 60% of what is asked, "
                + "and no requirement is cited): a person must confirm"
        case .lowConfidence(let percent, let threshold):
            "confidence \(percent)% is below \(threshold)%"
        case .layoutUncertain(let reasons):
            "the layout is not certain, so nothing is written here: " + reasons.joined(separator: "; ")
        case .freeTextField:
            "a field to fill in with text; no control says what goes here: fill it by hand"
        case .subjectNotCovered(let terms):
            "no control speaks of what this asks about"
                + (terms.isEmpty
                    ? ""
                    : " ("
                        + terms.map { $0.hasPrefix("~") ? String($0.dropFirst()) : $0 }
                        .joined(separator: ", ") + ")")
        case .partNotSupported(let part):
            "no control the answer rests on speaks of this part of the question: \"\(part)\""
        case .nameNotCovered(let names):
            "the question names \(names.joined(separator: ", ")), which no control in the library mentions"
        case .relatedNotApplicable(let control, let justification):
            "part of what is asked belongs to \(control), which is not applicable"
                + (justification.isEmpty ? "" : ": \(justification)")
        case .untestedEvidence(let control, let ids):
            "\(control)'s evidence that bears on this has no result yet (\(ids.joined(separator: ", "))): "
                + "a person must confirm"
        case .relatedInPlace(let control):
            "part of what is asked belongs to \(control), which is in place: a person must say whether the question applies"
        case .pastAnswerDisagrees(let entry, let answer, let percent):
            "the approved past answer \(entry) to a similar question (\(percent)% alike) says \"\(answer)\""
        case .noWriteThreshold:
            "answers derived from controls are proposed, not written: the labelled answers cannot yet show "
                + "a confidence at which they are at least 98% right"
        case .conditionalControl(let control, let condition):
            "\(control) speaks of this only \"\(condition)\", and nothing recorded says whether that holds here"
        case .periodNotStated(let asked, let stated):
            "the question asks about \"\(asked)\"; "
                + (stated.isEmpty
                    ? "nothing the answer rests on states a period"
                    : "what the answer rests on states only " + stated.map { "\"\($0)\"" }.joined(separator: ", "))
        }
    }
}

/// What the confidence of an answer derived from controls is estimated from
/// (``ConfidenceModel``): how well the controls cover the question.
public struct AnswerSignals: Sendable, Hashable, Encodable {
    /// The share of the question's subject-term weight the best control's own text carries.
    public var strength = 0.0
    /// The share of it the deciding controls speak of anywhere (text, requirements, evidence, notes).
    public var coverage = 0.0
    /// The lowest such share over the parts of a compound question (1 for a simple question).
    public var weakestPart = 1.0
    /// How rare (0–1) the rarest subject term is that no deciding control has (0 when none).
    public var rareUncovered = 0.0
    /// How far the best control leads the next one (1 − the next one's relative score).
    public var margin = 1.0
    /// Whether the question names a requirement a deciding control maps to.
    public var cited = false
    /// The similarity of the closest past answer resting on a deciding control (0 when none).
    public var pastSupport = 0.0
    /// How many controls decide.
    public var deciding = 0
    /// Whether a deciding control is only partly in place or planned.
    public var incomplete = false
    /// Whether the best control's own text carries most of the question's subject, or the
    /// question cites a requirement a deciding control maps to (else the match is loose).
    public var direct = false
    /// Whether reading the controls found a problem to review (no evidence, failing evidence, a
    /// part of the question nothing speaks of, a past answer saying otherwise, …); a risk
    /// question, a loose match and a low confidence are not such problems.
    public var flagged = false
    /// What the controls were read to say, once decided (nil before, and for no value).
    var verdict: Verdict?

    /// Creates signals with nothing known.
    public init() {}

    enum CodingKeys: String, CodingKey {
        case strength, coverage, margin, cited, deciding, incomplete, direct, flagged, verdict
        case weakestPart = "weakest_part"
        case rareUncovered = "rare_uncovered"
        case pastSupport = "past_support"
    }
}

/// The answer to one questionnaire item, with what it rests on and whether a person must look.
public struct Answer: Sendable, Hashable, Encodable {
    /// The item's id.
    public var id: String
    /// The item's sheet, if any.
    public var sheet: String?
    /// The item's row, if any.
    public var row: Int?
    /// The question.
    public var question: String
    /// The product it is answered for, when the questionnaire asks per product.
    public var product: String?
    /// Where the value goes.
    public var target: AnswerTarget?
    /// Where the comment goes.
    public var commentCell: SheetCell?
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
    /// Why it needs review, in the order found; empty when it needs none.
    public var reviewReasons: [ReviewReason]
    /// Whether the proposal may stand in the customer's file before review (`quire answer
    /// --write-proposals`): it has a value, the item is surely a question with its answer cell,
    /// the value is one of the allowed answers (or the item takes text), and it is no "Yes" to a
    /// question phrased so that "Yes" is the bad answer.
    public var proposalWritable = false
    /// What a derived answer's confidence was estimated from; nil for other bases.
    public var signals: AnswerSignals?
    /// The evidence whose state on the as-of day the answer was decided with.
    ///
    /// Live, or expired, failing or lapsed: the only way the day bears on an answer. Not written out.
    public var consultedEvidence: Set<String> = []

    /// An answer that rests on nothing yet: no value, confidence 0, in review until a basis is found.
    public init(item: QuestionnaireItem) {
        id = item.id
        sheet = item.sheet
        row = item.row
        question = item.question
        product = item.product
        target = item.answerTarget
        commentCell = item.commentCell
        value = nil
        comment = nil
        confidence = 0
        basis = .none
        controls = []
        libraryEntry = nil
        evidence = []
        reviewReasons = []
        signals = nil
    }

    /// Whether a person must review it before it is sent: it has a review reason, or it rests on
    /// nothing.
    public var review: Bool { !reviewReasons.isEmpty || basis == .none }

    /// The review reasons in one line, `;`-separated; nil when there are none.
    public var reviewReason: String? {
        reviewReasons.isEmpty ? nil : reviewReasons.map(\.message).joined(separator: "; ")
    }

    /// Whether the answer goes into the customer's file: it needs no review and is not the
    /// file's own answer (basis `existing`, which is already there).
    ///
    /// The one rule every fill (XLSX, CSV, VSAQ) follows: what it writes of such an answer is
    /// ``valueToWrite`` into the answer target and ``commentToWrite`` into the comment cell.
    public var isWritten: Bool { !review && basis != .existing }

    /// The value a fill writes: set only when ``isWritten`` and the value is not empty.
    public var valueToWrite: String? {
        guard isWritten, let value, !value.isEmpty else { return nil }
        return value
    }

    /// The value a fill writes when proposals are written too: the reviewed value, or the
    /// proposal when ``proposalWritable``.
    public var valueToWriteWithProposals: String? {
        if let value = valueToWrite { return value }
        guard review, proposalWritable, basis != .existing, let value, !value.isEmpty else { return nil }
        return value
    }

    /// The comment a fill writes: set only when ``isWritten``, the comment is not empty and the
    /// item has a comment cell.
    public var commentToWrite: String? {
        guard isWritten, commentCell != nil, let comment, !comment.isEmpty else { return nil }
        return comment
    }

    enum CodingKeys: String, CodingKey {
        case id, sheet, row, question, product, value, comment, confidence, basis, controls, evidence, review
        case answerCell = "answer_cell"
        case commentCell = "comment_cell"
        case libraryEntry = "library_entry"
        case reviewReason = "review_reason"
    }

    /// Writes every key, absent values as null; the targets as references, the review reasons as
    /// one line.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(sheet, forKey: .sheet)
        try container.encode(row, forKey: .row)
        try container.encode(question, forKey: .question)
        try container.encode(product, forKey: .product)
        try container.encode(target?.description, forKey: .answerCell)
        try container.encode(commentCell?.reference, forKey: .commentCell)
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
    /// The confidence from which answers derived from controls are written without review, set
    /// by the user on their own judgement; nil for the calibrated one (``ConfidenceModel/writeFrom``,
    /// which may be none at all).
    public var writeFrom: Double?

    /// Creates options.
    public init(asOf: Day, overwrite: Bool = false, writeFrom: Double? = nil) {
        self.asOf = asOf
        self.overwrite = overwrite
        self.writeFrom = writeFrom
    }
}
