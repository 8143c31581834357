public import ControlModel
import Foundation
public import Questionnaire

/// The answers a filled questionnaire already holds, as answer library entries that count as
/// past answers (basis `previous-answer`: proposed, never written without review).
///
/// Each item whose answer reads as yes, no, partial, not applicable or a description
/// (``AnswerNormaliser``) gives one entry: its question, the answer's word (`Yes` for "Yes, all
/// data is encrypted…") or text, the comment (or the free text the word came from), the id
/// `FILE#ITEM` (the file's name without its folder), the file as its source, and the tag
/// ``Answerer/previousTag``. Unanswered and unclear items give none.
public func previousAnswers(in questionnaire: Questionnaire) -> [AnswerLibraryEntry] {
    let name = URL(fileURLWithPath: questionnaire.file).lastPathComponent
    let normaliser = AnswerNormaliser()
    return questionnaire.items.compactMap { item in
        guard let (answer, comment) = libraryAnswer(normaliser.normalise(item)) else { return nil }
        return AnswerLibraryEntry(
            id: "\(name)#\(item.id)",
            question: item.question,
            answer: answer,
            comment: comment,
            source: questionnaire.file,
            tags: [Answerer.previousTag],
            products: item.product.map { [$0] } ?? []
        )
    }
}

/// What an answer library keeps of a read answer: the word and the comment (the free text the
/// word was read from, when the file has no comment), or the text of a description; nil for an
/// answer that is none (unanswered, unclear).
func libraryAnswer(_ normalised: NormalisedAnswer) -> (answer: String, comment: String?)? {
    guard let raw = normalised.raw else { return nil }
    if normalised.value == .text { return (raw, normalised.comment) }
    guard let word = normalised.value.word else { return nil }
    let spoken = AnswerNormaliser.word(raw) == nil ? raw : nil
    return (word, [normalised.comment, spoken].compactMap { $0 }.joined(separator: " ").nilIfEmpty)
}

/// One's own filled questionnaires as answers to add to the library (`quire library import`).
public struct ImportedAnswers: Sendable {
    /// The answers, in file order.
    public var answers: [ApprovedAnswer] = []
    /// The items left out, with why (`unanswered`, `unclear: …`).
    public var skipped: [(item: String, reason: String)] = []
}

/// Reads a filled questionnaire's answers as library entries: each answered item with its
/// question, normalised answer and comment, the controls it matches, and its source
/// (`SOURCE item ID`, so that the same item asked again is answered exactly); approved by
/// `approvedBy` on `approvedOn` when given, else tagged ``Answerer/unapprovedTag``.
public func importAnswers(
    from questionnaire: Questionnaire,
    matcher: Matcher,
    source: String,
    approvedBy: String?,
    approvedOn: Day
) -> ImportedAnswers {
    let normaliser = AnswerNormaliser()
    var result = ImportedAnswers()
    for item in questionnaire.items {
        let normalised = normaliser.normalise(item)
        guard let (answer, comment) = libraryAnswer(normalised) else {
            let reason =
                normalised.value == .unclear ? "unclear: \(normalised.because)" : normalised.value.rawValue
            result.skipped.append((item.id, reason))
            continue
        }
        let match = matcher.match(item)
        let controls =
            match.strength >= Answerer.weakestMatch
            ? match.controls.filter { $0.cited || $0.score >= 0.8 }.prefix(2).map(\.control) : []
        result.answers.append(
            ApprovedAnswer(
                question: item.question,
                answer: answer,
                comment: comment,
                controls: controls,
                evidence: [],
                source: "\(source) item \(item.id)",
                approvedBy: approvedBy,
                approvedOn: approvedBy == nil ? nil : approvedOn,
                tags: approvedBy == nil ? ["imported", Answerer.unapprovedTag] : ["imported"],
                products: item.product.map { [$0] } ?? []
            )
        )
    }
    return result
}

extension String {
    fileprivate var nilIfEmpty: String? { isEmpty ? nil : self }
}
