import ControlModel
public import Questionnaire

/// Chooses answers for questionnaire items from the organisation's library.
///
/// Bases are tried in a fixed order, and each answer says what it rests on. Same inputs, same answers: there is no randomness and no
/// model service.
public struct Answerer: Sendable {
    /// The matcher over the library.
    public let matcher: Matcher
    /// The run's settings.
    public let options: AnsweringOptions

    /// A past answer counts as the same question from this similarity up.
    static let sameQuestion = 0.75
    /// Below this confidence an answer goes to review.
    static let reviewBelow = 0.6
    /// A control match weaker than this is no basis at all.
    static let weakestMatch = 0.15

    /// Creates an answerer.
    public init(matcher: Matcher, options: AnsweringOptions) {
        self.matcher = matcher
        self.options = options
    }

    var library: Library { matcher.index.library }

    /// Answers every item of a questionnaire, in order.
    public func answer(_ questionnaire: Questionnaire) -> [Answer] {
        questionnaire.items.map { answer($0, match: matcher.match($0)) }
    }

    /// Answers one item.
    public func answer(_ item: QuestionnaireItem, match: ItemMatch) -> Answer {
        var answer = Answer(item: item)
        if let existing = item.existingAnswer, !options.overwrite {
            answer.value = existing
            answer.comment = item.existingComment
            answer.basis = .existing
            answer.confidence = 1
            return answer
        }
        var proposed =
            libraryAnswer(item, match: match, base: answer) ?? derivedAnswer(item, match: match, base: answer)
        // A row not surely a question, or a sheet not surely the vendor's, is answered for review only.
        if item.answerTarget != nil, !item.writable, proposed.value != nil || proposed.comment != nil {
            proposed.reviewReasons.append(.layoutUncertain(reasons: item.confidenceReasons))
        }
        if item.isField, proposed.value == nil, !proposed.reviewReasons.contains(.freeTextField) {
            proposed.reviewReasons.append(.freeTextField)
        }
        if let value = proposed.value, item.writable, proposed.basis != .existing {
            let allowed =
                item.allowedAnswers.isEmpty || item.allowedAnswers.contains { $0.lowercased() == value.lowercased() }
            let riskYes = match.riskPhrased && Verdict(reading: value) == .yes
            proposed.proposalWritable = allowed && !riskYes
        }
        return proposed
    }

    // MARK: 1. The answer library

    private func libraryAnswer(_ item: QuestionnaireItem, match: ItemMatch, base: Answer) -> Answer? {
        // Among past answers to the same question, one whose value fits the item's allowed answers
        // comes before one whose free text fits none; otherwise the most similar first.
        let same = match.library.filter { $0.similarity >= Self.sameQuestion }
        let fitting = same.filter { candidate in
            item.allowedAnswers.isEmpty || pastValue(library.answers[candidate.entry], for: item) != nil
        }
        for candidate in fitting + same.filter({ candidate in !fitting.contains { $0.entry == candidate.entry } }) {
            let entry = library.answers[candidate.entry]
            // A past answer to a question of the other polarity is no answer to this one.
            guard matcher.analyzer.isRiskPhrased(entry.question) == match.riskPhrased else { continue }
            var answer = base
            let previous = entry.tags.contains(Self.previousTag)
            answer.basis = previous ? .previousAnswer : .library
            answer.libraryEntry = entry.id
            answer.controls = entry.controls
            answer.comment = entry.comment
            answer.confidence = (previous ? 0.6 : 0.7) + 0.3 * candidate.similarity
            let cited = entry.evidence.compactMap { id in library.evidence.first { $0.id == id } }
            answer.evidence = cited.map(CitedEvidence.init)
            var reasons: [ReviewReason] = []
            answer.value = pastValue(entry, for: item)
            if answer.value == nil {
                let field = item.isField && Verdict(reading: entry.answer) != nil
                reasons.append(field ? .freeTextField : .pastAnswerDoesNotFit(answer: entry.answer))
            }
            let stale = cited.filter { !$0.isLive(asOf: options.asOf) }
            if !stale.isEmpty { reasons.append(.staleEvidence(ids: stale.map(\.id))) }
            if previous { reasons.append(.notApproved) }
            if reasons.isEmpty, answer.confidence < Self.reviewBelow { reasons.append(lowConfidence(answer)) }
            answer.reviewReasons = reasons
            return answer
        }
        return nil
    }

    /// The value a past answer gives an item: its verdict fitted to the item, its text for a
    /// free-text item, or the allowed value it names; nil when it fits none.
    private func pastValue(_ entry: AnswerLibraryEntry, for item: QuestionnaireItem) -> String? {
        if let verdict = Verdict(reading: entry.answer) { return fit(verdict, to: item, comment: entry.comment) }
        if item.allowedAnswers.isEmpty { return entry.answer }
        return item.allowedAnswers.first { $0.lowercased() == entry.answer.lowercased() }
    }

    // MARK: 2–5. Controls, their status and evidence

    private func derivedAnswer(_ item: QuestionnaireItem, match: ItemMatch, base: Answer) -> Answer {
        var answer = base
        let strong = match.controls.filter { $0.cited || $0.score >= 0.8 }.prefix(2)
        guard !strong.isEmpty, match.strength >= Self.weakestMatch else {
            answer.controls = match.controls.prefix(3).map(\.control)
            answer.reviewReasons = [match.controls.isEmpty ? .noMatch : .weakMatch(controls: answer.controls)]
            if let near = match.library.first, near.similarity >= 0.5 {
                answer.reviewReasons.append(
                    .closestPastAnswer(entry: library.answers[near.entry].id, percent: Int(near.similarity * 100))
                )
            }
            return answer
        }
        answer.controls = strong.map(\.control)
        if match.riskPhrased {
            answer.reviewReasons = [.riskPhrased]
            return answer
        }
        // Tier: through a cited requirement the control equals or contains, or a strong text
        // match, an answer may be written; anything looser is only proposed.
        let direct = strong.contains { $0.cited && $0.score >= 1 } || match.strength >= 0.6
        let tierConfidence = direct ? 0.5 + 0.35 * min(1, match.strength) : 0.45 * min(1, match.strength)

        var records: [(control: Control, status: ImplementationStatus?, implementation: Implementation?)] = []
        for score in strong {
            guard let control = matcher.index.control(score.control) else { continue }
            let implementation = matcher.index.implementation(of: control.id)
            records.append((control, implementation?.status, implementation))
        }
        let statuses = records.map(\.status)
        if statuses.contains(where: { $0 == nil }) {
            answer.reviewReasons = [.noStatus(controls: records.filter { $0.status == nil }.map(\.control.id))]
            return answer
        }
        answer.confidence = tierConfidence

        if statuses.allSatisfy({ $0 == .notApplicable }) {
            let reasons = records.compactMap { $0.implementation?.justification }
            answer.basis = .notApplicable
            answer.comment = reasons.joined(separator: " ")
            answer.value = fit(.notApplicable, to: item, comment: answer.comment)
            return finish(answer, direct: direct, unfitted: answer.value == nil)
        }
        if statuses.allSatisfy({ $0 == .implemented }) {
            var cited: [CitedEvidence] = []
            var problems: [ReviewReason] = []
            var weakened = false
            var supporting: [CitedEvidence] = []
            let questionTerms = Set(matcher.analyzer.terms(item.question))
            for record in records {
                let all = matcher.index.evidence(for: record.control.id)
                // The items that bear on what is asked: those sharing a term the question has and
                // the control's own text does not (a failing laptop-encryption check bears on "are
                // laptops encrypted?", not on "is customer data encrypted at rest?"). A failing item
                // that bears on it blocks a plain Yes; one that does not, only when none passes.
                let controlTerms = Set(
                    matcher.analyzer.terms(
                        ([record.control.title, record.control.description] + record.control.keywords).joined(
                            separator: " "
                        )
                    )
                )
                let specific = questionTerms.subtracting(controlTerms)
                let bearing = all.filter { evidence in
                    !specific.isDisjoint(
                        with: matcher.analyzer.terms(evidence.title + " " + (evidence.description ?? ""))
                    )
                }
                let items = all
                let good = all.filter { $0.isLive(asOf: options.asOf) }
                let failing = bearing.filter { !$0.isLive(asOf: options.asOf) }
                if let best = good.max(by: {
                    ($0.collectedOn?.daysSinceEpoch ?? .min) < ($1.collectedOn?.daysSinceEpoch ?? .min)
                }) {
                    cited.append(CitedEvidence(best))
                    supporting.append(CitedEvidence(best))
                    if !failing.isEmpty {
                        problems.append(.failingEvidence(control: record.control.id, ids: failing.map(\.id)))
                        cited += failing.map(CitedEvidence.init)
                        weakened = true
                    }
                } else if items.isEmpty {
                    problems.append(.noEvidence(control: record.control.id))
                } else {
                    problems.append(.staleControlEvidence(control: record.control.id))
                    cited += items.map(CitedEvidence.init)
                }
            }
            answer.basis = .controlsImplemented
            answer.evidence = cited
            answer.comment = compose(records.map(\.control), evidence: supporting)
            answer.value = fit(weakened ? .partial : .yes, to: item, comment: answer.comment)
            if !problems.isEmpty {
                answer.confidence = min(answer.confidence, 0.5)
                answer.reviewReasons = problems
                return answer
            }
            return finish(answer, direct: direct, unfitted: answer.value == nil)
        }
        // Partial, planned, or a mix.
        answer.basis = .controlsIncomplete
        let planned = records.filter { $0.status == .planned }
        let notes = records.compactMap { record -> String? in
            switch record.status {
            case .partial:
                return "\(record.control.title) is in place for part of its scope"
                    + (record.implementation?.notes.map { " (\($0))" } ?? "") + "."
            case .planned:
                return "\(record.control.title) is planned"
                    + (record.implementation?.targetDate.map { " for \($0)" } ?? "") + "."
            default:
                return nil
            }
        }
        answer.comment = notes.joined(separator: " ")
        let verdict: Verdict = planned.count == records.count ? .no : .partial
        answer.value = fit(verdict, to: item, comment: answer.comment)
        answer.confidence = min(answer.confidence, 0.65)
        return finish(answer, direct: direct, unfitted: answer.value == nil)
    }

    private func finish(_ answer: Answer, direct: Bool, unfitted: Bool) -> Answer {
        var answer = answer
        var reasons: [ReviewReason] = []
        if !direct { reasons.append(.looseMatch) }
        if unfitted { reasons.append(.noAllowedValue) }
        if answer.confidence < Self.reviewBelow, reasons.isEmpty { reasons.append(lowConfidence(answer)) }
        answer.reviewReasons = reasons
        return answer
    }

    private func lowConfidence(_ answer: Answer) -> ReviewReason {
        .lowConfidence(percent: Int((answer.confidence * 100).rounded()), threshold: Int(Self.reviewBelow * 100))
    }

    /// The value to write for a verdict: an allowed value that says it; for a free-text item,
    /// the word, or the comment when the question asks for a description.
    ///
    /// An item that asks for text "Yes" or "No" cannot be (``QuestionnaireItem/asksForText``)
    /// never gets the bare word: a question that asks to describe gets the comment alone, and a
    /// field to fill in (a name, a date, an address) gets nothing: controls do not say what
    /// goes there.
    private func fit(_ verdict: Verdict, to item: QuestionnaireItem, comment: String?) -> String? {
        guard item.allowedAnswers.isEmpty else { return verdict.fitted(to: item.allowedAnswers) }
        if item.isField { return nil }
        if item.asksForText { return comment.flatMap { $0.isEmpty ? nil : $0 } }
        if item.commentCell == nil, let comment, !comment.isEmpty { return "\(verdict.word). \(comment)" }
        return verdict.word
    }

    /// A comment from the controls' descriptions, naming the evidence.
    private func compose(_ controls: [Control], evidence: [CitedEvidence]) -> String {
        var parts = controls.map { $0.description.isEmpty ? $0.title + "." : $0.description }
        if !evidence.isEmpty {
            parts.append(
                "Evidence: "
                    + evidence.map { item in
                        "\(item.title) (\(item.id)" + (item.collectedOn.map { ", collected \($0)" } ?? "")
                            + (item.validUntil.map { ", valid until \($0)" } ?? "") + ")"
                    }.joined(separator: "; ") + "."
            )
        }
        return parts.joined(separator: " ")
    }

    /// The tag on answer library entries made from an earlier filled questionnaire.
    public static let previousTag = "previous-questionnaire"
}
