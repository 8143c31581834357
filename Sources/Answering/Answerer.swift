import ControlModel
import Foundation
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
    public static let weakestMatch = 0.15

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
        // Controls are the organisation's: an answer derived from them for one product is checked
        // by a person, even above a team's own write threshold, unless every control it rests on
        // has its status stated for that product.
        if let product = item.product, proposed.reviewReasons.isEmpty, proposed.value != nil,
            proposed.basis != .library, proposed.basis != .previousAnswer, proposed.basis != .existing,
            proposed.controls.isEmpty
                || !proposed.controls.allSatisfy({
                    matcher.index.implementation(of: $0, forProduct: product)?.names(product: product) == true
                })
        {
            proposed.reviewReasons.append(.organisationAnswerForProduct(entry: nil, product: product))
        }
        if item.isField, proposed.value == nil, !proposed.reviewReasons.contains(.freeTextField) {
            proposed.reviewReasons.append(.freeTextField)
        }
        if let value = proposed.value, item.writable, proposed.basis != .existing {
            let allowed =
                item.allowedAnswers.isEmpty || item.allowedAnswers.contains { $0.lowercased() == value.lowercased() }
            // On a risk question, only an approved answer may stand unreviewed in the file: never a
            // "Yes", nor a "No" inferred from the controls that prevent the risk.
            let riskYes = match.riskPhrased && Verdict(reading: value) == .yes
            let inferred = match.riskPhrased && proposed.basis != .library && proposed.basis != .previousAnswer
            proposed.proposalWritable = allowed && !riskYes && !inferred
        }
        return proposed
    }

    // MARK: 1. The answer library

    private func libraryAnswer(_ item: QuestionnaireItem, match: ItemMatch, base: Answer) -> Answer? {
        // Among past answers to the same question, one whose value fits the item's allowed answers
        // comes before one whose free text fits none; among those, an entry recorded for this very
        // item (the same id in a questionnaire of the same family, CAIQ's `A&A-01.1`, with the same
        // question text) answers it exactly; then one given for the item's product before one for
        // the whole organisation; otherwise the most similar first.
        let ranked = match.library.filter { $0.similarity >= Self.sameQuestion }.enumerated()
            .map { position, candidate in
                let entry = library.answers[candidate.entry]
                let fits = item.allowedAnswers.isEmpty || pastValue(entry, for: item) != nil
                let exact = Self.recordedFor(item, entry)
                let named = entry.names(product: item.product)
                let rank = (fits ? 0 : 4) + (exact ? 0 : 2) + (named ? 0 : 1)
                return (candidate: candidate, exact: exact, rank: rank, position: position)
            }
            .sorted { ($0.rank, $0.position) < ($1.rank, $1.position) }
        let askedInOtherLanguage = matcher.analyzer.readsAsOtherLanguage(item.question)
        for (candidate, exact, _, _) in ranked {
            let entry = library.answers[candidate.entry]
            // A past answer to a question of the other polarity is no answer to this one.
            guard matcher.analyzer.isRiskPhrased(entry.question) == match.riskPhrased else { continue }
            var answer = base
            let previous = entry.tags.contains(Self.previousTag) || entry.tags.contains(Self.unapprovedTag)
            answer.basis = previous ? .previousAnswer : .library
            answer.libraryEntry = entry.id
            answer.controls = entry.controls
            answer.comment = entry.comment
            answer.confidence =
                exact ? 1 : (previous ? 0.6 : 0.7) + 0.3 * candidate.similarity
            let cited = entry.evidence.compactMap { id in library.evidence.first { $0.id == id } }
            answer.evidence = cited.map(CitedEvidence.init)
            var reasons: [ReviewReason] = []
            answer.value = pastValue(entry, for: item, exact: exact)
            if answer.value == nil {
                let field = item.isField && Verdict(reading: entry.answer) != nil
                reasons.append(field ? .freeTextField : .pastAnswerDoesNotFit(answer: entry.answer))
            } else if !exact, item.asksForText, Verdict(reading: entry.answer) != nil,
                Self.asksForAFact(item.question)
            {
                // "Which algorithm is used?" answered from "Do you have a cryptography policy?":
                // the comment says a policy lists them, not which.
                reasons.append(.pastAnswerIsAVerdict(entry: entry.id, answer: entry.answer))
            }
            // Evidence that has lapsed or failed since the answer was approved: the answer may no
            // longer hold. Evidence already failing when a person approved it was known to them.
            answer.consultedEvidence.formUnion(cited.map(\.id))
            let stale = cited.filter { evidence in
                !evidence.isLive(asOf: options.asOf) && (entry.approvedOn.map { evidence.isLive(asOf: $0) } ?? true)
            }
            if !stale.isEmpty { reasons.append(.staleEvidence(ids: stale.map(\.id))) }
            if previous { reasons.append(.notApproved) }
            // A question asked of one product, answered for the organisation: the products may
            // differ, so a person confirms it once for the product (`apply --learn` then records it
            // for that product).
            if let product = item.product, entry.products.isEmpty {
                reasons.append(.organisationAnswerForProduct(entry: entry.id, product: product))
            }
            if !exact, askedInOtherLanguage != matcher.analyzer.readsAsOtherLanguage(entry.question) {
                reasons.append(.askedInAnotherLanguage(entry: entry.id))
            }
            if reasons.isEmpty, answer.confidence < Self.reviewBelow {
                reasons.append(
                    .lowConfidence(
                        percent: Int((answer.confidence * 100).rounded()),
                        threshold: Int(Self.reviewBelow * 100)
                    )
                )
            }
            answer.reviewReasons = reasons
            return answer
        }
        return nil
    }

    /// Whether a question opens by asking for a fact rather than a description: `Which …`,
    /// `What …`, `Who …`, `Where …`, `When …`, `How many / often / long …`.
    static func asksForAFact(_ question: String) -> Bool {
        let words = question.lowercased().split { !$0.isLetter }.prefix(2).map(String.init)
        guard let first = words.first else { return false }
        if ["which", "what", "who", "whom", "where", "when"].contains(first) { return true }
        return first == "how" && words.count > 1 && ["many", "often", "long", "much", "frequently"].contains(words[1])
    }

    /// Whether an entry was recorded for this item: learned from a review of a questionnaire item
    /// with the same id (`source: "acme.xlsx item A&A-01.1"`) or read from a filled questionnaire's
    /// item (`id: "acme.xlsx#A&A-01.1"`), and asking the same question, word for word.
    static func recordedFor(_ item: QuestionnaireItem, _ entry: AnswerLibraryEntry) -> Bool {
        let recorded =
            entry.source.flatMap { source in
                source.range(of: " item ", options: .backwards).map { source[$0.upperBound...] }
            }
            ?? entry.id.split(separator: "#", maxSplits: 1).dropFirst().first
        guard let recorded, recorded == item.id[...] else { return false }
        func words(_ text: String) -> [Substring] { text.lowercased().split { $0.isWhitespace } }
        return words(entry.question) == words(item.question)
    }

    /// The value a past answer gives an item, nil when it fits none.
    ///
    /// Its verdict fitted to the item, its text for a free-text item, or the allowed value it
    /// names. An answer a person approved for this very item (`exact`) is its own value on an item
    /// with no allowed values, even a bare "Yes" to "Describe whether …": that is what the reviewer
    /// decided.
    private func pastValue(_ entry: AnswerLibraryEntry, for item: QuestionnaireItem, exact: Bool = false) -> String? {
        if let verdict = Verdict(reading: entry.answer) {
            let fitted = fit(verdict, to: item, comment: entry.comment)
            return fitted ?? (exact && item.allowedAnswers.isEmpty && !item.isField ? entry.answer : nil)
        }
        if item.allowedAnswers.isEmpty { return entry.answer }
        return item.allowedAnswers.first { $0.lowercased() == entry.answer.lowercased() }
    }

    // MARK: 2–5. Controls, their status and evidence

    /// A deciding control with its implementation status and record.
    private typealias Record = (control: Control, status: ImplementationStatus?, implementation: Implementation?)

    private func derivedAnswer(_ item: QuestionnaireItem, match: ItemMatch, base: Answer) -> Answer {
        var answer = base
        let strong = match.controls.filter { $0.cited || $0.score >= 0.8 }.prefix(2)
        guard !strong.isEmpty, match.strength >= Self.weakestMatch else {
            answer.controls = match.controls.prefix(3).map(\.control)
            answer.reviewReasons = [match.controls.isEmpty ? .noMatch : .weakMatch(controls: answer.controls)]
            closestPastAnswer(match, into: &answer)
            return answer
        }
        // Whether a breach or an incident happened, controls cannot say.
        if match.riskPhrased, matcher.analyzer.asksAboutEvents(item.question) {
            answer.controls = strong.map(\.control)
            answer.reviewReasons = [.riskPhrased]
            return answer
        }
        // Only the controls that carry the question decide: a second control that speaks of much
        // less of the question's subject than the best one (it came with the boilerplate, or
        // through a loosely similar past answer) neither adds its evidence nor blocks a Yes.
        let subject = matcher.analyzer.subjectTerms(item.question)
        let tokens = TextAnalyzer.tokens(item.question)
        let covering = strong.map {
            (score: $0, share: matcher.subjectCoverage(of: subject, by: [$0.control]).share)
        }
        let best = covering.map(\.share).max() ?? 0
        let deciding = covering.filter { $0.share >= 0.6 * best && $0.share > 0 }.map(\.score)
        let chosen = deciding.isEmpty ? Array(strong.prefix(1)) : deciding
        answer.controls = chosen.map(\.control)

        var signals = AnswerSignals()
        signals.strength = match.strength
        signals.cited = chosen.contains { $0.cited }
        signals.deciding = chosen.count
        signals.margin = match.controls.count > 1 ? 1 - match.controls[1].score : 1
        let coverage = matcher.subjectCoverage(of: subject, by: answer.controls)
        signals.coverage = coverage.share
        signals.rareUncovered = coverage.uncovered.first.map(matcher.rarity) ?? 0
        signals.pastSupport =
            match.library.first { candidate in
                library.answers[candidate.entry].controls.contains { answer.controls.contains($0) }
            }?.similarity ?? 0
        // A name no control anywhere knows (a certification, a standard, a product the library
        // never mentions): the controls cannot answer for it.
        let unnamed = matcher.analyzer.namedTerms(item.question).filter { name in
            !name.terms.contains(where: matcher.knows)
        }
        let parts = Self.parts(of: item.question)
        var unsupported: String?
        if parts.count > 1 {
            for part in parts {
                let terms = matcher.analyzer.subjectTerms(part)
                guard terms.count >= 2 else { continue }
                let share = matcher.subjectCoverage(of: terms, by: answer.controls).share
                if share < signals.weakestPart { signals.weakestPart = share }
                if share < Self.supportedPart, unsupported == nil { unsupported = part }
            }
        }
        answer.signals = signals

        // When nothing covers the subject, say so: the controls came with the question's wording,
        // not its subject.
        if !signals.cited, signals.coverage < Self.coveredSubject {
            answer.reviewReasons = [.subjectNotCovered(terms: Array(coverage.uncovered.prefix(3)))]
            closestPastAnswer(match, into: &answer)
            return answer
        }
        // Nor can they answer for a certification or a standard they never mention: "Are you
        // certified to ISO 22301?" gets no value, only the reason (a name with four digits or
        // more, or a question about a certification). Other names ("HTTP", "SDKs") keep the value,
        // in review; a risk question keeps its proposed "No", which is never written.
        let certification =
            unnamed.contains { $0.name.filter(\.isNumber).count >= 4 }
            || tokens.contains(where: Self.certificationWords.contains)
        if !unnamed.isEmpty, certification, !match.riskPhrased {
            answer.reviewReasons = [.nameNotCovered(names: unnamed.map(\.name))]
            closestPastAnswer(match, into: &answer)
            return answer
        }
        var records: [Record] = []
        for score in chosen {
            guard let control = matcher.index.control(score.control) else { continue }
            let implementation = matcher.index.implementation(of: control.id, forProduct: item.product)
            records.append((control, implementation?.status, implementation))
        }
        if records.contains(where: { $0.status == nil }) {
            answer.reviewReasons = [.noStatus(controls: records.filter { $0.status == nil }.map(\.control.id))]
            return answer
        }
        // A control that does not apply is not one in place for part of its scope. Among controls in
        // place and controls not applicable, when one in place clearly carries more of the
        // question's subject (a control not applicable carries at most ``clearLead`` of its
        // share), those in place decide and the others' part goes to review; otherwise whether
        // the question applies is a person's call: no value.
        var mixed: [ReviewReason] = []
        if Set(records.compactMap(\.status)) == [.implemented, .notApplicable] {
            let share = Dictionary(covering.map { ($0.score.control, $0.share) }, uniquingKeysWith: max)
            func best(_ status: ImplementationStatus) -> Double {
                records.filter { $0.status == status }.map { share[$0.control.id] ?? 0 }.max() ?? 0
            }
            guard best(.notApplicable) <= Self.clearLead * best(.implemented) else {
                answer.reviewReasons = records.filter { $0.status == .implemented }
                    .map { .relatedInPlace(control: $0.control.id) }
                closestPastAnswer(match, into: &answer)
                return answer
            }
            mixed = records.filter { $0.status == .notApplicable }.map { record in
                .relatedNotApplicable(
                    control: record.control.id,
                    justification: record.implementation?.justification ?? ""
                )
            }
            records.removeAll { $0.status == .notApplicable }
            answer.controls = records.map(\.control.id)
        }
        signals.incomplete = records.contains { $0.status == .partial || $0.status == .planned }
        // A control in place for part of its scope: its notes say which part. Where what is asked
        // is in the part its notes say is missing, the control is not in place for this question.
        let subjectTerms = Set(subject)
        let missingAsked = Set(
            records.filter { record in
                record.status == .partial
                    && record.implementation?.notes.map {
                        asksForMissingPart(of: $0, question: tokens, subject: subjectTerms)
                    } == true
            }.map(\.control.id)
        )
        let statuses = records.map(\.status)
        // Written without review only when, besides the confidence, the best control's own text
        // carries most of the question's subject or the question cites a requirement it serves:
        // the confidence is fitted on a few hundred labelled questions, and cannot show 98% alone.
        let direct = signals.cited || signals.strength >= Self.directMatch
        signals.direct = direct
        answer.signals = signals
        answer.confidence = ConfidenceModel.probability(signals)
        var problems: [ReviewReason] = mixed
        if let unsupported { problems.append(.partNotSupported(part: unsupported)) }
        if !unnamed.isEmpty { problems.append(.nameNotCovered(names: unnamed.map(\.name))) }
        problems += notApplicableRemainder(
            match,
            subject: coverage.uncovered,
            deciding: answer.controls,
            product: item.product
        )

        if statuses.allSatisfy({ $0 == .notApplicable }) {
            let reasons = records.compactMap { $0.implementation?.justification }
            answer.basis = .notApplicable
            answer.comment = reasons.joined(separator: " ")
            answer.value = fit(.notApplicable, to: item, comment: answer.comment)
            problems += disagreeingPast(match, verdict: .notApplicable)
            return finish(answer, verdict: .notApplicable, problems: problems, risk: match.riskPhrased, direct: direct)
        }
        if statuses.allSatisfy({ $0 == .implemented }) {
            var cited: [CitedEvidence] = []
            var weakened = false
            var failed: [Evidence] = []
            var awaiting = false
            var supporting: [CitedEvidence] = []
            let questionTerms = Set(matcher.analyzer.terms(item.question))
            let asksReview = tokens.contains(where: Self.reviewWords.contains)
            for record in records {
                // Another product's evidence says nothing of this product's question.
                let all = matcher.index.evidence(for: record.control.id).filter { $0.bears(onProduct: item.product) }
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
                let specific = questionTerms.subtracting(controlTerms).subtracting(matcher.analyzer.boilerplate)
                    .subtracting(Self.unspecificTerms)
                let bearing = all.filter { evidence in
                    !specific.isDisjoint(
                        with: matcher.analyzer.terms(evidence.title + " " + (evidence.description ?? ""))
                    )
                }
                answer.consultedEvidence.formUnion(all.map(\.id))
                // A check not yet run ("not-tested") supports nothing. Named when it bears on what
                // is asked (a person must confirm) or when the control has nothing else.
                let live = Set(all.filter { $0.isLive(asOf: options.asOf) }.map(\.id))
                let notRun = Set(all.filter { live.contains($0.id) && $0.result == .notTested }.map(\.id))
                let good = all.filter { live.contains($0.id) && !notRun.contains($0.id) }
                // "Has your disciplinary policy been reviewed within the past year?": a policy or
                // procedure of the control, named by the question, whose review has lapsed bears on a
                // question about review or currency, though "reviewed" is lifecycle boilerplate.
                let lapsed =
                    asksReview
                    ? all.filter { item in
                        item.isDocument && !live.contains(item.id)
                            && !bearing.contains { $0.id == item.id }
                            && !subjectTerms.isDisjoint(with: matcher.analyzer.terms(item.title))
                    } : []
                let failing = bearing.filter { !live.contains($0.id) } + lapsed
                let untested = bearing.filter { notRun.contains($0.id) }
                awaiting = awaiting || !untested.isEmpty
                let named = untested.isEmpty && !all.isEmpty && notRun.count == all.count ? all : untested
                if !named.isEmpty {
                    problems.append(.untestedEvidence(control: record.control.id, ids: named.map(\.id)))
                    cited += named.map(CitedEvidence.init)
                }
                if let best = good.max(by: {
                    ($0.collectedOn?.daysSinceEpoch ?? .min) < ($1.collectedOn?.daysSinceEpoch ?? .min)
                }) {
                    // Two controls may rest on the same item: it is named once.
                    if !supporting.contains(where: { $0.id == best.id }) {
                        cited.append(CitedEvidence(best))
                        supporting.append(CitedEvidence(best))
                    }
                    if !failing.isEmpty {
                        problems.append(.failingEvidence(control: record.control.id, ids: failing.map(\.id)))
                        cited += failing.map(CitedEvidence.init)
                        failed += failing.filter { item in !failed.contains { $0.id == item.id } }
                        weakened = true
                    }
                } else if all.isEmpty {
                    problems.append(.noEvidence(control: record.control.id))
                } else if notRun.count < all.count {
                    problems.append(.staleControlEvidence(control: record.control.id))
                    cited += all.map(CitedEvidence.init)
                }
            }
            answer.basis = .controlsImplemented
            var seen: Set<String> = []
            answer.evidence = cited.filter { seen.insert($0.id).inserted }
            // "Can you show a current passing result …?", "are those tests passing today?": a check
            // that bears on it and has not run yet leaves nothing to propose.
            if awaiting, tokens.contains(where: Self.resultWords.contains) {
                answer.reviewReasons = problems.filter {
                    if case .untestedEvidence = $0 { true } else { false }
                }
                return answer
            }
            answer.comment = compose(records.map(\.control), evidence: supporting, failed: failed)
            // A question asking whether a risk exists ("Can staff copy data onto USB drives?"),
            // whose controls preventing it are in place, gets "No" proposed, never written. A
            // failing item that bears on what is asked makes it partly so; "No" when the question
            // asks about all of it or how things stand now ("are all keys rotated within 90 days?",
            // "is encryption currently on for every laptop?").
            // A question about what is required ("Must new hires …", "Does your standard require
            // …") is answered by the control that sets the requirement: a failing item shows it is
            // not always met, which the comment says and the review weighs. A document whose review
            // lapsed answers a question about its review: "No".
            let allOrNow = Self.asksAboutAllOrNow(item.question, tokens: tokens)
            let requirement = tokens.contains(where: Self.requirementWords.contains)
            let unmet = allOrNow || (asksReview && failed.contains(where: \.isDocument))
            var verdict: Verdict =
                if match.riskPhrased { .no } else if !weakened || (requirement && !allOrNow) {
                    .yes
                } else if unmet { .no } else { .partial }
            var periods: [ReviewReason] = []
            if verdict != .no {
                periods = unmetPeriod(
                    item.question,
                    subject: subjectTerms,
                    records: records,
                    match: match,
                    product: item.product
                )
                // What the answer rests on states periods, and none meets the one asked ("kept 13
                // months" to "seven years", "within 48 hours" to "within 24 hours"): No.
                if case .periodNotStated(_, let stated)? = periods.first, !stated.isEmpty { verdict = .no }
            }
            answer.value = fit(verdict, to: item, comment: answer.comment)
            problems += disagreeingPast(match, verdict: verdict) + periods
            if verdict != .no { problems += conditionalControls(subject: subjectTerms, records: records) }
            return finish(answer, verdict: verdict, problems: problems, risk: match.riskPhrased, direct: direct)
        }
        // Partial, planned, or a mix.
        answer.basis = .controlsIncomplete
        let notes = records.compactMap { record -> String? in
            switch record.status {
            case .partial:
                return "\(record.control.title) is in place for part of its scope"
                    + (missingAsked.contains(record.control.id) ? ", not for what is asked" : "")
                    + (record.implementation?.notes.map { " (\($0))" } ?? "") + "."
            case .planned:
                return "\(record.control.title) is planned"
                    + (record.implementation?.targetDate.map { " for \($0)" } ?? "") + "."
            default:
                return nil
            }
        }
        answer.comment = notes.joined(separator: " ")
        let missing = records.filter { $0.status == .planned || missingAsked.contains($0.control.id) }
        let verdict: Verdict = missing.count == records.count ? .no : .partial
        answer.value = match.riskPhrased ? nil : fit(verdict, to: item, comment: answer.comment)
        if !match.riskPhrased { problems += disagreeingPast(match, verdict: verdict) }
        return finish(answer, verdict: verdict, problems: problems, risk: match.riskPhrased, direct: direct)
    }

    /// A control in place leads a control not applicable when the latter carries at most this
    /// share of the subject the former carries (fitted on five cases: three tuning items and two
    /// sample questions, ties among them).
    static let clearLead = 0.85
    /// The share of the question's subject the best control's own text must carry for an answer
    /// from it to be written without review.
    static let directMatch = 0.6
    /// A part of a compound question no deciding control speaks of this much of is unsupported.
    static let supportedPart = 0.25
    /// Controls speaking of less than this share of the question's subject do not cover it.
    static let coveredSubject = 0.2

    /// The parts of a compound question: its sentences, and its clauses joined by "; ", ", and "
    /// or ", with"; one part when it has none.
    static func parts(of question: String) -> [String] {
        var parts = [question]
        for separator in ["? ", ". ", "; ", ", and ", ", with ", ", including "] {
            parts = parts.flatMap { $0.components(separatedBy: separator) }
        }
        return parts.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    /// A control matching the item, declared not applicable, that speaks of at least a quarter
    /// (``supportedPart``) of the subject the deciding controls leave uncovered: "cabling in
    /// your own equipment rooms" where there are none.
    private func notApplicableRemainder(
        _ match: ItemMatch,
        subject uncovered: [String],
        deciding: [String],
        product: String?
    ) -> [ReviewReason] {
        guard !uncovered.isEmpty else { return [] }
        for score in match.controls.prefix(4) where !deciding.contains(score.control) {
            guard let implementation = matcher.index.implementation(of: score.control, forProduct: product),
                implementation.status == .notApplicable,
                matcher.subjectCoverage(of: uncovered, by: [score.control]).share >= Self.supportedPart
            else { continue }
            return [.relatedNotApplicable(control: score.control, justification: implementation.justification ?? "")]
        }
        return []
    }

    /// The first period the question asks about that nothing the answer rests on meets.
    ///
    /// "Every 90 days", "for seven years"; what the answer rests on: the deciding controls' own text, their implementation
    /// notes, their evidence, and the approved past answers on them or to a similar question.
    /// Controls say that passwords are managed, not how often they change. A product's question
    /// rests on that product's and the organisation's evidence and past answers, not another
    /// product's.
    private func unmetPeriod(
        _ question: String,
        subject: Set<String>,
        records: [Record],
        match: ItemMatch,
        product: String?
    ) -> [ReviewReason] {
        let asked = StatedPeriod.find(in: question)
        guard !asked.isEmpty else { return [] }
        let controls = Set(records.map(\.control.id))
        var texts: [String] = []
        for record in records {
            texts += [record.control.title, record.control.description] + record.control.keywords
            texts += [record.implementation?.notes, record.implementation?.justification].compactMap { $0 }
            texts += matcher.index.evidence(for: record.control.id).filter { $0.bears(onProduct: product) }
                .flatMap { [$0.title, $0.description ?? ""] }
        }
        let similar = Set(match.library.filter { $0.similarity >= Self.nearPast }.map(\.entry))
        for (position, entry) in library.answers.enumerated()
        where !entry.tags.contains(Self.previousTag) && !entry.tags.contains(Self.unapprovedTag)
            && (similar.contains(position) || entry.controls.contains(where: controls.contains))
            && (product == nil || entry.holds(for: product))
        {
            texts += [entry.question, entry.answer, entry.comment ?? ""]
        }
        // A period counts where its sentence speaks of the question's subject (two of its terms, one
        // in a fragment of eight words or fewer):
        // "Vanta tests the configuration every day" says nothing of how often passwords change.
        let subject = subject.subtracting(Self.periodTerms)
        let sentences = texts.flatMap {
            $0.split(whereSeparator: \.isNewline).flatMap { Self.sentences(of: String($0)) }
        }
        let stated = sentences.flatMap { sentence -> [StatedPeriod] in
            let periods = StatedPeriod.find(in: sentence)
            // A short fragment of a list ("Critical: 14 days") needs one term; a sentence, two.
            let needed = TextAnalyzer.tokens(sentence).count <= 8 ? 1 : min(2, subject.count)
            guard !periods.isEmpty, subject.intersection(matcher.analyzer.terms(sentence)).count >= needed
            else { return [] }
            return periods
        }
        let keeping = StatedPeriod.asksHowLong(question)
        guard
            let unmet = asked.first(where: { period in
                !stated.contains { StatedPeriod.meets($0, period, keeping: keeping) }
            })
        else { return [] }
        var shown: [String] = []
        for period in stated where !shown.contains(period.words) && shown.count < 3 { shown.append(period.words) }
        return [.periodNotStated(asked: unmet.words, stated: shown)]
    }

    /// The terms of the words that state periods ("every", "days", "quarterly"), which say nothing
    /// of a question's subject.
    private static let periodTerms = Set(TextAnalyzer.standard.terms(StatedPeriod.vocabulary))

    /// A text's sentences, and the clauses of a sentence joined by "; ".
    static func sentences(of text: String) -> [String] {
        text.components(separatedBy: ". ").flatMap { $0.components(separatedBy: "; ") }
    }

    /// Words asking whether the organisation holds a certification, an attestation or a listing.
    static let certificationWords: Set<String> = [
        "certified", "certification", "certifications", "certificate", "accredited", "accreditation",
        "authorisation", "authorization", "attestation", "attested", "registry", "listed", "compliant",
        "compliance", "audited",
    ]

    /// Conditions under which a control's text says something: where it is the sentence that
    /// carries the question, the control does not say whether it is so here.
    static let conditions = [
        "where required", "where the law requires", "where practicable", "where possible", "if required",
        "when required", "where applicable", "if applicable", "where appropriate", "where feasible", "where needed",
    ]

    /// A deciding control whose sentence that speaks most of the question (two of its subject
    /// terms or more) holds only under a condition ("An EU representative is appointed where the
    /// law requires one"), when its implementation notes do not speak of the question (two terms).
    private func conditionalControls(subject: Set<String>, records: [Record]) -> [ReviewReason] {
        func shared(_ text: String) -> Int { subject.intersection(matcher.analyzer.terms(text)).count }
        for record in records {
            let sentences = record.control.description.components(separatedBy: ". ").map { ($0, shared($0)) }
            guard let (best, count) = sentences.max(by: { $0.1 < $1.1 }), count >= 2 else { continue }
            // A condition that opens the sentence governs all of it ("Where required, a DPO is
            // appointed …"); one inside it, only its clause, which must speak of the question ("a
            // board, independent of management where practicable, oversees …" still oversees).
            let clauses = best.components(separatedBy: ", ")
            var found: String?
            for (position, clause) in clauses.enumerated() {
                let folded = " " + TextAnalyzer.tokens(clause).joined(separator: " ") + " "
                guard let condition = Self.conditions.first(where: { folded.contains(" \($0) ") }) else { continue }
                let opening = position == 0 && folded.hasPrefix(" \(condition) ")
                if opening || shared(clause) >= 1 {
                    found = condition
                    break
                }
            }
            guard let condition = found else { continue }
            if let notes = record.implementation?.notes, shared(notes) >= 2 { continue }
            return [.conditionalControl(control: record.control.id, condition: condition)]
        }
        return []
    }

    /// Whether what a question asks is in the part of a partly implemented control that its notes
    /// say is missing.
    ///
    /// Sentences saying what is not done ("no documented process yet", "not covered yet", "still
    /// compiled by hand", "slipped to Q1") are the missing part, the others the part in place. It
    /// is when a sentence of the missing part shares two or more of the question's subject terms
    /// and no sentence of the part in place shares more than one, and the question does not ask
    /// about all of something (then it is partly met). The converse, a question wholly in the
    /// part in place, is not inferred: notes rarely say all that the missing part leaves out
    /// ("just-in-time elevation is live for the us-east-1 accounts").
    private func asksForMissingPart(of notes: String, question: [String], subject: Set<String>) -> Bool {
        guard !Self.containsWholeWord(question, Self.universalWords) else { return false }
        var inPlace = 0
        var missing = 0
        for sentence in Self.sentences(of: notes) {
            let shared = subject.intersection(matcher.analyzer.terms(sentence)).count
            if TextAnalyzer.tokens(sentence).contains(where: Self.gapWords.contains) {
                missing = max(missing, shared)
            } else {
                inPlace = max(inPlace, shared)
            }
        }
        return missing >= 2 && inPlace < 2
    }

    /// Terms that make no evidence item bear on a question: periods and counts ("every 90 days"),
    /// which the period rule weighs, and negations.
    static let unspecificTerms = periodTerms.union(TextAnalyzer.standard.terms("not no never none"))

    /// Whether the tokens hold one of the words, "every" and "each" only where they do not start a
    /// frequency ("every 90 days", "each quarter").
    static func containsWholeWord(_ tokens: [String], _ words: Set<String>) -> Bool {
        tokens.indices.contains { index in
            guard words.contains(tokens[index]) else { return false }
            guard tokens[index] == "every" || tokens[index] == "each", index + 1 < tokens.count else { return true }
            return !StatedPeriod.isUnitOrCount(tokens[index + 1])
        }
    }

    /// Words of a question asking for test results: "are those tests passing", "a current passing
    /// result", "is it tested".
    static let resultWords: Set<String> = [
        "tested", "test", "tests", "testing", "passing", "pass", "passes", "result", "results", "succeed",
        "succeeding", "green",
    ]

    /// Words of a question asking whether something is required ("must", "require", "mandatory").
    static let requirementWords: Set<String> = [
        "must", "require", "requires", "required", "mandatory", "mandate", "mandates", "obliged", "obligated",
    ]

    /// Words of a question about all of something or how things stand now.
    ///
    /// A failing item bearing on it answers "No", not "Partially". "Any" is left out: "is any
    /// data …?" asks whether there is some.
    static let allOrNowWords: Set<String> = [
        "all", "every", "each", "entire", "whole", "fully", "always", "currently", "today", "now", "presently",
    ]

    /// Whether a question asks about all of something or how things stand now: one of
    /// ``allOrNowWords``, "100%" ("100 percent"), or "up to date".
    static func asksAboutAllOrNow(_ question: String, tokens: [String]) -> Bool {
        if containsWholeWord(tokens, allOrNowWords) { return true }
        let text = question.lowercased()
        if text.contains("100%") || text.contains("100 %") || text.contains("100 percent") { return true }
        return TextAnalyzer.contains(tokens, ["up", "to", "date"])
    }

    /// Words of a question asking whether a document is reviewed or current.
    static let reviewWords: Set<String> = [
        "review", "reviewed", "reviews", "revised", "revision", "current", "updated", "reapproved",
    ]

    /// Words making a question about the whole of something.
    static let universalWords: Set<String> = [
        "all", "every", "each", "any", "entire", "whole", "fully", "always", "only", "never",
    ]

    /// Words of a note's sentence saying what is not (yet) done.
    static let gapWords: Set<String> = [
        "no", "not", "yet", "still", "pending", "planned", "missing", "lack", "lacks", "except",
        "excluding", "outside", "without", "hand", "manual", "manually", "slipped", "overdue", "lapsed", "behind",
        "until",
    ]

    /// A past answer to a question this alike, saying something else, sends a derived answer to review.
    static let nearPast = 0.5

    /// The closest approved past answer to a question of the same polarity, at least ``nearPast``
    /// alike, whose verdict differs from the one derived from the controls: the library knows
    /// something the controls do not say (a scope, an offering, an exception).
    private func disagreeingPast(_ match: ItemMatch, verdict: Verdict) -> [ReviewReason] {
        for candidate in match.library where candidate.similarity >= Self.nearPast {
            let entry = library.answers[candidate.entry]
            guard !entry.tags.contains(Self.previousTag), !entry.tags.contains(Self.unapprovedTag),
                matcher.analyzer.isRiskPhrased(entry.question) == match.riskPhrased,
                let past = Verdict(reading: entry.answer)
            else { continue }
            guard past != verdict else { return [] }
            let percent = Int((candidate.similarity * 100).rounded())
            return [.pastAnswerDisagrees(entry: entry.id, answer: entry.answer, percent: percent)]
        }
        return []
    }

    private func closestPastAnswer(_ match: ItemMatch, into answer: inout Answer) {
        if let near = match.library.first, near.similarity >= 0.5 {
            answer.reviewReasons.append(
                .closestPastAnswer(entry: library.answers[near.entry].id, percent: Int(near.similarity * 100))
            )
        }
    }

    /// The confidence of a derived answer, now that its verdict is known, and its review reasons:
    /// its problems, a risk question, no allowed value, an indirect match, or a confidence below
    /// the write threshold (or no threshold at all).
    private func finish(_ answer: Answer, verdict: Verdict, problems: [ReviewReason], risk: Bool, direct: Bool)
        -> Answer
    {
        var answer = answer
        if var signals = answer.signals {
            signals.verdict = verdict
            signals.flagged = !problems.isEmpty
            answer.signals = signals
            answer.confidence = ConfidenceModel.probability(signals)
        }
        var reasons = problems
        if risk { reasons.insert(.riskPhrased, at: 0) }
        if answer.value == nil { reasons.append(.noAllowedValue) }
        if reasons.isEmpty, !direct { reasons.append(.looseMatch) }
        switch options.writeFrom ?? ConfidenceModel.writeFrom {
        case _ where !reasons.isEmpty:
            break
        case nil:
            reasons.append(.noWriteThreshold)
        case let threshold? where answer.confidence < threshold:
            reasons.append(
                .lowConfidence(
                    percent: Int((answer.confidence * 100).rounded()),
                    threshold: Int((threshold * 100).rounded())
                )
            )
        default:
            break
        }
        answer.reviewReasons = reasons
        return answer
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

    /// A comment from the controls' descriptions, naming the evidence, and the failing items that
    /// bear on what is asked with what they found.
    private func compose(_ controls: [Control], evidence: [CitedEvidence], failed: [Evidence] = []) -> String {
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
        for item in failed {
            let state =
                item.result == .fail
                ? "failed" : item.reviewLapsed(asOf: options.asOf) ? "is past its review" : "has expired"
            let found = item.description.map { ": " + $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
            parts.append("Not met: \(item.title) (\(item.id)) \(state)\(found)" + (found.hasSuffix(".") ? "" : "."))
        }
        return parts.joined(separator: " ")
    }

    /// The tag on answer library entries made from an earlier filled questionnaire.
    public static let previousTag = "previous-questionnaire"
    /// The tag on entries imported from filled questionnaires that no person has approved yet:
    /// proposed like an earlier questionnaire's answers, never written without review.
    public static let unapprovedTag = "needs-approval"
}
