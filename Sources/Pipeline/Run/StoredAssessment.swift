import Answering
import Foundation
import Questionnaire
import Reports

/// A vendor's file as a shard assessed it, kept in the history for the assembly: each item read
/// and mapped but not judged (judging needs all of a vendor's files), with what the vendors'
/// report uses of it.
struct StoredAssessedItem: Codable, Sendable {
    var id: String
    var question: String
    var sheet: String?
    var row: Int?
    var location: String
    var raw: String?
    var comment: String?
    var value: String
    var confidence: Double
    var because: String
    var riskPhrased: Bool
    var outcome: String
    var controls: [String]
    var requirements: [String: [String]]

    init(_ item: AssessedItem) {
        id = item.item.id
        question = item.item.question
        sheet = item.item.sheet
        row = item.item.row
        location = item.location
        raw = item.answer.raw
        comment = item.answer.comment
        value = item.answer.value.rawValue
        confidence = item.answer.confidence
        because = item.answer.because
        riskPhrased = item.riskPhrased
        outcome = item.outcome.rawValue
        controls = item.controls
        requirements = item.requirements
    }

    /// The item again, in `file`; nil when the history holds a value this build does not know.
    func assessed(file: String) -> AssessedItem? {
        guard let value = AnswerClass(rawValue: value), let outcome = ItemOutcome(rawValue: outcome) else { return nil }
        return AssessedItem(
            file: file,
            item: QuestionnaireItem(id: id, question: question, sheet: sheet, row: row),
            location: location,
            answer: NormalisedAnswer(
                raw: raw,
                comment: comment,
                value: value,
                confidence: confidence,
                because: because
            ),
            riskPhrased: riskPhrased,
            outcome: outcome,
            controls: controls,
            requirements: requirements
        )
    }

    /// A file's items as the history keeps them: JSON, keys sorted.
    static func encode(_ items: [AssessedItem]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(items.map(StoredAssessedItem.init)), as: UTF8.self)
    }

    /// A file's items from the history.
    static func decode(_ text: String, file: String) throws -> [AssessedItem] {
        let stored = try JSONDecoder().decode([StoredAssessedItem].self, from: Data(text.utf8))
        return try stored.map { item in
            guard let assessed = item.assessed(file: file) else {
                throw PipelineError.usage(
                    "\(file): its assessment was recorded by another version of quire; run its shard again"
                )
            }
            return assessed
        }
    }
}
