public import Answering
import Foundation
public import Questionnaire
import Spreadsheet

/// One row of a review list as the reviewer left it: the proposal and the decision on it.
public struct ReviewDecision: Sendable, Hashable {
    /// What the reviewer decided.
    public enum Choice: String, Sendable, Hashable, CaseIterable {
        /// Send the proposal as it is.
        case accept
        /// Send the final answer instead.
        case change
        /// Send nothing.
        case reject

        /// As the review workbook's drop-down shows it.
        public var label: String {
            switch self {
            case .accept: "Accept"
            case .change: "Change"
            case .reject: "Reject"
            }
        }
    }

    /// The item's id.
    public var id: String
    /// The answer cell (or mark cells, or VSAQ keys) the list was made for.
    public var target: String
    /// The proposal.
    public var proposedValue: String
    /// The proposed comment.
    public var proposedComment: String
    /// What the proposal cites (`control IAM-03; answer ANS-12; evidence EV-7`).
    public var cites: String
    /// The decision; nil when the reviewer left the row undecided.
    public var choice: Choice?
    /// The reviewer's answer, for a change.
    public var finalAnswer: String
    /// What the answer cell held when the list was made.
    public var cellValue: String
    /// Where the row is in the review list, for messages (`review.csv:7`, `review.xlsx: Review!L7`).
    public var place: String

    /// The controls the proposal cites.
    public var controls: [String] { cited("control") }
    /// The evidence the proposal cites.
    public var evidence: [String] { cited("evidence") }

    private func cited(_ kind: String) -> [String] {
        cites.split(separator: ";").compactMap { part in
            let words = part.split(separator: " ", maxSplits: 1).map { String($0).trimmingCharacters(in: .whitespaces) }
            return words.count == 2 && words[0] == kind ? words[1] : nil
        }
    }
}

/// Why a review list cannot be read.
public enum ReviewListError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A column `quire apply` needs is missing (the list was not written by Quire, or was edited).
    case missingColumn(path: String, column: String)
    /// A decision that is none of Accept, Change, Reject.
    case unknownDecision(place: String, text: String)
    /// A change without a final answer.
    case changeWithoutAnswer(place: String, id: String)

    /// The message, naming the file and row, and what to do.
    public var description: String {
        switch self {
        case .missingColumn(let path, let column):
            "\(path): no \"\(column)\" column; apply a review list that quire answer wrote (the columns may be "
                + "moved, not removed)"
        case .unknownDecision(let place, let text):
            "\(place): decision \"\(text)\" is none of Accept, Change, Reject; correct it or leave it empty"
        case .changeWithoutAnswer(let place, let id):
            "\(place): item \(id) is marked Change but has no final answer; write the answer or choose Accept or Reject"
        }
    }
}

extension ReviewDecision {
    /// Reads the decisions of a review list Quire wrote, as CSV or as a workbook (its "Review" sheet).
    ///
    /// Columns are found by their names, in any order. A decision is `Accept`, `Change` or
    /// `Reject` (any case; `A`, `C`, `R` too), or empty for undecided. Text a spreadsheet would
    /// run as a formula was written after an apostrophe, which is taken off again.
    /// - Throws: ``ReviewListError`` for a missing column, an unknown decision, or a change
    ///   without a final answer; `SpreadsheetError` when the file cannot be read.
    public static func read(path: String) throws -> [ReviewDecision] {
        let workbook = try Workbook(path: path)
        let sheet = workbook.format == .csv ? workbook.sheets.first : try workbook.sheet(named: "Review")
        guard let sheet else { return [] }
        var header: [Int: String] = [:]
        var rows: [(index: Int, values: [String: String])] = []
        try workbook.readRows(of: sheet) { row in
            if row.index == 1 {
                for cell in row.cells { header[cell.address.column] = Self.key(cell.value.text) }
                return
            }
            var values: [String: String] = [:]
            for cell in row.cells {
                guard let name = header[cell.address.column] else { continue }
                values[name] = Self.undefused(cell.value.text)
            }
            if !(values["id"] ?? "").isEmpty { rows.append((row.index, values)) }
        }
        for column in ["id", "answer_cell", "proposed_value", "decision", "final_answer", "cell_value"]
        where !header.values.contains(column) {
            throw ReviewListError.missingColumn(path: path, column: column)
        }
        return try rows.map { index, values in
            let place =
                workbook.format == .csv
                ? "\(path):\(index)" : "\(path): \(CellAddress.sheetPrefix(sheet.name))!row \(index)"
            let text = (values["decision"] ?? "").trimmingCharacters(in: .whitespaces)
            var choice: Choice?
            switch text.lowercased() {
            case "": choice = nil
            case "accept", "accepted", "a": choice = .accept
            case "change", "changed", "c": choice = .change
            case "reject", "rejected", "r": choice = .reject
            default: throw ReviewListError.unknownDecision(place: place, text: text)
            }
            let id = values["id"] ?? ""
            let finalAnswer = (values["final_answer"] ?? "").trimmingCharacters(in: .whitespaces)
            if choice == .change, finalAnswer.isEmpty {
                throw ReviewListError.changeWithoutAnswer(place: place, id: id)
            }
            return ReviewDecision(
                id: id,
                target: values["answer_cell"] ?? "",
                proposedValue: values["proposed_value"] ?? "",
                proposedComment: values["proposed_comment"] ?? "",
                cites: values["cites"] ?? "",
                choice: choice,
                finalAnswer: finalAnswer,
                cellValue: values["cell_value"] ?? "",
                place: place
            )
        }
    }

    /// A header as a key: the CSV's own names, or the workbook's titles mapped onto them.
    private static func key(_ header: String) -> String {
        let titles = [
            "ID": "id", "Question": "question", "Sheet": "sheet", "Row": "row", "Cell": "answer_cell",
            "Proposed answer": "proposed_value", "Proposed comment": "proposed_comment", "Confidence": "confidence",
            "Basis": "basis", "Cites": "cites", "Reason": "reason", "Decision": "decision",
            "Final answer": "final_answer", "Comment cell": "comment_cell", "Cell value when listed": "cell_value",
            "Proposal in file": "proposal_in_file",
        ]
        let trimmed = header.trimmingCharacters(in: .whitespaces)
        return titles[trimmed] ?? trimmed.lowercased()
    }

    /// Text without the apostrophe the list put before formula-like text.
    private static func undefused(_ text: String) -> String {
        guard text.hasPrefix("'"), let second = text.unicodeScalars.dropFirst().first,
            "=+-@\t\r".unicodeScalars.contains(second)
        else { return text }
        return String(text.dropFirst())
    }
}

/// What became of one decision.
public struct AppliedDecision: Sendable, Hashable, CustomStringConvertible {
    /// What happened.
    public enum Outcome: Sendable, Hashable {
        /// The answer will be written.
        case applied(value: String)
        /// Rejected or left undecided: nothing is written.
        case skipped
        /// Refused, with the reason.
        case refused(String)
    }

    /// The decision.
    public var decision: ReviewDecision
    /// What happened.
    public var outcome: Outcome

    /// `review.csv:7: item A.1: …`.
    public var description: String {
        switch outcome {
        case .applied(let value): "\(decision.place): item \(decision.id): \"\(value)\" written"
        case .skipped:
            "\(decision.place): item \(decision.id): not written (\(decision.choice?.rawValue ?? "undecided"))"
        case .refused(let reason): "\(decision.place): item \(decision.id): \(reason); not written"
        }
    }
}

/// Turns a reviewer's decisions into answers for the filled copy they were made for.
///
/// Accept writes the proposal (and its comment), Change the final answer. A decision is refused
/// when its item is not in the copy, its answer target differs from the list's, the answer cell
/// no longer holds what it held when the list was made (someone answered it since), the value is
/// none of the item's allowed answers, or the item's sheet is the receiving organisation's.
/// - Returns: The answers to write (basis ``AnswerBasis/reviewed``) and what became of each decision.
public func answers(
    from decisions: [ReviewDecision],
    for questionnaire: Questionnaire
) -> (answers: [Answer], outcomes: [AppliedDecision]) {
    var items: [String: QuestionnaireItem] = [:]
    for item in questionnaire.items where items[item.id] == nil { items[item.id] = item }
    let receivers = Set(questionnaire.sheets.filter { $0.filledByReceiver != nil }.map(\.sheet))
    var answers: [Answer] = []
    var outcomes: [AppliedDecision] = []
    for decision in decisions {
        func refuse(_ reason: String) {
            outcomes.append(AppliedDecision(decision: decision, outcome: .refused(reason)))
        }
        guard let choice = decision.choice, choice != .reject else {
            outcomes.append(AppliedDecision(decision: decision, outcome: .skipped))
            continue
        }
        guard let item = items[decision.id] else {
            refuse("the filled copy has no such item")
            continue
        }
        // A CSV file's one sheet is named after the file, so the filled copy's differs from the
        // questionnaire's the list was made from: for CSV, the cells alone must match.
        let sameCell: (String) -> Bool = { description in
            questionnaire.format == .csv
                ? withoutSheet(description) == withoutSheet(decision.target) : description == decision.target
        }
        guard let target = item.answerTarget, sameCell(target.description) else {
            refuse(
                "its answer cell is \(item.answerTarget?.description ?? "none") in the filled copy, not \(decision.target)"
            )
            continue
        }
        if let sheet = item.sheet, receivers.contains(sheet) {
            refuse("sheet \"\(sheet)\" is filled by the receiving organisation")
            continue
        }
        let now = (item.existingAnswer ?? "").trimmingCharacters(in: .whitespaces)
        guard now == decision.cellValue.trimmingCharacters(in: .whitespaces) else {
            refuse(
                "its answer cell holds \"\(now)\" now, not \"\(decision.cellValue)\" as when the review list was made"
            )
            continue
        }
        var value = choice == .accept ? decision.proposedValue : decision.finalAnswer
        guard !value.isEmpty else {
            refuse("there is no proposal to accept; choose Change and give the final answer")
            continue
        }
        if !item.allowedAnswers.isEmpty {
            guard let allowed = item.allowedAnswers.first(where: { $0.lowercased() == value.lowercased() }) else {
                refuse("\"\(value)\" is none of its allowed answers (\(item.allowedAnswers.joined(separator: ", ")))")
                continue
            }
            value = allowed
        }
        var answer = Answer(item: item)
        answer.value = value
        answer.comment = choice == .accept && !decision.proposedComment.isEmpty ? decision.proposedComment : nil
        answer.basis = .reviewed
        answer.confidence = 1
        answer.controls = decision.controls
        answers.append(answer)
        outcomes.append(AppliedDecision(decision: decision, outcome: .applied(value: value)))
    }
    return (answers, outcomes)
}

/// A target's cells without their sheet: `$C$7` of `'Sheet 1'!$C$7`, `$D$5,$E$5` of
/// `data!$D$5,data!$E$5` (a CSV's targets all lie on its one sheet, named before the first `!$`).
private func withoutSheet(_ reference: String) -> String {
    guard let bang = reference.range(of: "!$") else { return reference }
    return reference.replacingOccurrences(of: reference[..<bang.lowerBound] + "!", with: "")
}
