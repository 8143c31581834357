public import ControlModel
import Foundation
public import Questionnaire

/// The answers a filled questionnaire already holds, as answer library entries that count as
/// past answers (basis `previous-answer`: proposed, never written without review).
///
/// Each item with a non-empty answer gives one entry: its question, answer and comment, the id
/// `FILE#ITEM` (the file's name without its folder), the file as its source, and the tag
/// ``Answerer/previousTag``. Items without an answer give none.
public func previousAnswers(in questionnaire: Questionnaire) -> [AnswerLibraryEntry] {
    let name = URL(fileURLWithPath: questionnaire.file).lastPathComponent
    return questionnaire.items.compactMap { item in
        guard let value = item.existingAnswer, !value.isEmpty else { return nil }
        return AnswerLibraryEntry(
            id: "\(name)#\(item.id)",
            question: item.question,
            answer: value,
            comment: item.existingComment,
            source: questionnaire.file,
            tags: [Answerer.previousTag]
        )
    }
}
