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
    /// The question as it was reviewed.
    public var question: String
    /// The product it was answered for (empty: the organisation, or a list written before the
    /// column).
    public var product: String = ""
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
    /// The reviewer's comment, replacing the proposed one (empty: keep it on Accept, none on Change).
    public var finalComment: String = ""
    /// What the answer cell held when the list was made.
    public var cellValue: String
    /// Where the row is in the review list, for messages (`review.csv:7`, `review.xlsx: Review!L7`).
    public var place: String

    /// The answer and comment the decision sends.
    ///
    /// On Accept the proposal, with the final comment if given; on Change the final answer, with
    /// the final comment or none (the proposed one argued for another answer). Empty for a
    /// rejected or undecided row.
    public var decided: (value: String, comment: String?) {
        switch choice {
        case .accept?:
            let comment = finalComment.isEmpty ? proposedComment : finalComment
            return (proposedValue, comment.isEmpty ? nil : comment)
        case .change?: return (finalAnswer, finalComment.isEmpty ? nil : finalComment)
        case .reject?, nil: return ("", nil)
        }
    }

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
    /// A final answer or comment on a row with no decision: the reviewer's text would be lost.
    case finalWithoutDecision(place: String, id: String)
    /// A final answer on a row marked Accept (and not the proposal) or Reject: which is meant?
    case finalAnswerNotChange(place: String, id: String, choice: ReviewDecision.Choice)
    /// A workbook with no "Review" sheet and not exactly one sheet holding the list's columns.
    case noReviewSheet(path: String, sheets: [String], matching: [String])

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
        case .finalWithoutDecision(let place, let id):
            "\(place): item \(id) has a final answer or comment but no decision; choose Change to write the final "
                + "answer, Accept to write the proposal (with the final comment), or clear them"
        case .finalAnswerNotChange(let place, let id, let choice):
            "\(place): item \(id) is marked \(choice.label) but has a final answer"
                + (choice == .accept ? " that is not the proposal" : "")
                + "; choose Change to write the final answer, or clear it"
        case .noReviewSheet(let path, let sheets, let matching) where matching.isEmpty:
            "\(path): no sheet named \"Review\" and no sheet whose first row holds the review list's columns "
                + "(\(ReviewDecision.requiredColumns.joined(separator: ", "))); the sheets are: "
                + sheets.map { "\"\($0)\"" }.joined(separator: ", ")
        case .noReviewSheet(let path, _, let matching):
            "\(path): no sheet named \"Review\", and \(matching.count) sheets hold the review list's columns ("
                + matching.map { "\"\($0)\"" }.joined(separator: ", ") + "); name the one to apply \"Review\""
        }
    }
}

extension ReviewDecision {
    /// Reads the decisions of a review list Quire wrote, as CSV or as a workbook.
    ///
    /// In a workbook the list is its "Review" sheet or, when the reviewer renamed it or saved the
    /// CSV list as a workbook, the one sheet whose first row holds the list's columns. Columns are
    /// found by their names, in any order; "final_comment" may be missing (lists written before
    /// it). A decision is `Accept`, `Change` or `Reject` (any case; `A`, `C`, `R` too), or empty
    /// for undecided. Text a spreadsheet would run as a formula was written after an apostrophe,
    /// which is taken off again.
    /// - Throws: ``ReviewListError`` for a missing column, an unknown decision, a change without a
    ///   final answer, a final answer or comment without a decision, or a final answer on a row
    ///   marked Reject or Accept (unless it repeats the proposal); `SpreadsheetError` when the file
    ///   cannot be read.
    public static func read(path: String) throws -> [ReviewDecision] {
        let workbook = try Workbook(path: path)
        let (sheet, table) = try listSheet(of: workbook, path: path)
        guard let sheet, let table else { return [] }
        let place: (Int) -> String =
            workbook.format == .csv
            ? { "\(path):\($0)" } : { "\(path): \(CellAddress.sheetPrefix(sheet.name))!row \($0)" }
        return try decisions(from: table, path: path, place: place)
    }

    /// The sheet holding the list, read: a CSV file's one sheet, a workbook's "Review" sheet, or
    /// else the one sheet whose first row holds the list's columns.
    private static func listSheet(of workbook: Workbook, path: String) throws -> (SheetInfo?, ListTable?) {
        if workbook.format == .csv {
            guard let sheet = workbook.sheets.first else { return (nil, nil) }
            return (sheet, try readTable(of: sheet, in: workbook))
        }
        if let named = workbook.sheets.first(where: { $0.name.lowercased() == "review" }) {
            return (named, try readTable(of: named, in: workbook))
        }
        // Only each sheet's first row is read to find the list; then the list's sheet, whole.
        let lists = try workbook.sheets.filter { sheet in
            let header = try readHeader(of: sheet, in: workbook)
            return Self.requiredColumns.allSatisfy(header.values.contains)
        }
        guard lists.count == 1, let sheet = lists.first else {
            throw ReviewListError.noReviewSheet(
                path: path,
                sheets: workbook.sheets.map(\.name),
                matching: lists.map(\.name)
            )
        }
        return (sheet, try readTable(of: sheet, in: workbook))
    }

    /// Thrown by a row handler to stop reading after the first row.
    private struct FirstRowRead: Error {}

    /// A sheet's header (column to key), read without the rows below it.
    private static func readHeader(of sheet: SheetInfo, in workbook: Workbook) throws -> [Int: String] {
        var header: [Int: String] = [:]
        do {
            _ = try workbook.readRows(of: sheet) { row in
                if row.index == 1 { header = keys(of: row) }
                throw FirstRowRead()
            }
        } catch is FirstRowRead {}
        return header
    }

    /// A header row's keys by column.
    private static func keys(of row: Row) -> [Int: String] {
        var keys: [Int: String] = [:]
        for cell in row.cells { keys[cell.address.column] = key(cell.value.text) }
        return keys
    }

    /// The columns `quire apply` needs.
    static let requiredColumns = ["id", "answer_cell", "proposed_value", "decision", "final_answer", "cell_value"]

    /// A sheet's header (column to key) and its rows with an id (row number and values by key).
    private typealias ListTable = (header: [Int: String], rows: [(index: Int, values: [String: String])])

    private static func readTable(of sheet: SheetInfo, in workbook: Workbook) throws -> ListTable {
        var header: [Int: String] = [:]
        var rows: [(index: Int, values: [String: String])] = []
        try workbook.readRows(of: sheet) { row in
            if row.index == 1 {
                header = keys(of: row)
                return
            }
            var values: [String: String] = [:]
            for cell in row.cells {
                guard let name = header[cell.address.column] else { continue }
                values[name] = Self.undefused(cell.value.text)
            }
            if !(values["id"] ?? "").isEmpty { rows.append((row.index, values)) }
        }
        return (header, rows)
    }

    private static func decisions(
        from table: ListTable,
        path: String,
        place placeOf: (Int) -> String
    ) throws -> [ReviewDecision] {
        for column in requiredColumns where !table.header.values.contains(column) {
            throw ReviewListError.missingColumn(path: path, column: column)
        }
        return try table.rows.map { index, values in
            let place = placeOf(index)
            let text = (values["decision"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            var choice: Choice?
            switch text.lowercased() {
            case "": choice = nil
            case "accept", "accepted", "a": choice = .accept
            case "change", "changed", "c": choice = .change
            case "reject", "rejected", "r": choice = .reject
            default: throw ReviewListError.unknownDecision(place: place, text: text)
            }
            let id = values["id"] ?? ""
            let finalAnswer = (values["final_answer"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            let finalComment = (values["final_comment"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            let proposedValue = values["proposed_value"] ?? ""
            // A reviewer's own text is never dropped in silence: a final answer or comment needs a
            // decision, and a final answer goes with Change (or repeats the proposal on Accept).
            switch choice {
            case .change? where finalAnswer.isEmpty:
                throw ReviewListError.changeWithoutAnswer(place: place, id: id)
            case nil where !finalAnswer.isEmpty || !finalComment.isEmpty:
                throw ReviewListError.finalWithoutDecision(place: place, id: id)
            case .accept?
            where !finalAnswer.isEmpty
                && finalAnswer.caseInsensitiveCompare(
                    proposedValue.trimmingCharacters(in: .whitespacesAndNewlines)
                ) != .orderedSame:
                throw ReviewListError.finalAnswerNotChange(place: place, id: id, choice: .accept)
            case .reject? where !finalAnswer.isEmpty:
                throw ReviewListError.finalAnswerNotChange(place: place, id: id, choice: .reject)
            default:
                break
            }
            return ReviewDecision(
                id: id,
                question: values["question"] ?? "",
                product: (values["product"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines),
                target: values["answer_cell"] ?? "",
                proposedValue: proposedValue,
                proposedComment: values["proposed_comment"] ?? "",
                cites: values["cites"] ?? "",
                choice: choice,
                finalAnswer: finalAnswer,
                finalComment: finalComment,
                cellValue: values["cell_value"] ?? "",
                place: place
            )
        }
    }

    /// A header as a key: the CSV's own names, or the workbook's titles mapped onto them.
    ///
    /// Case, spacing and underscores aside, so a title a reviewer retyped ("Final Comment",
    /// "final answer") still names its column rather than dropping what it holds.
    private static func key(_ header: String) -> String {
        let titles = [
            "id": "id", "question": "question", "sheet": "sheet", "row": "row", "cell": "answer_cell",
            "proposed answer": "proposed_value", "proposed comment": "proposed_comment", "confidence": "confidence",
            "basis": "basis", "cites": "cites", "reason": "reason", "decision": "decision",
            "final answer": "final_answer", "final comment": "final_comment", "comment cell": "comment_cell",
            "cell value when listed": "cell_value",
            "proposal in file": "proposal_in_file",
        ]
        let words = header.lowercased()
            .split(whereSeparator: { $0 == "_" || $0.isWhitespace })
            .joined(separator: " ")
        return titles[words] ?? words.replacingOccurrences(of: " ", with: "_")
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
        /// The same decision as an earlier row's for the same item (at this place): written once.
        case repeated(of: String)
        /// The answer cell already holds the decided answer (the list was applied before): nothing
        /// is written, and the answer is learned like an applied one.
        case present(value: String)
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
        case .repeated(let place):
            "\(decision.place): item \(decision.id): the same decision as at \(place); written once"
        case .present(let value):
            "\(decision.place): item \(decision.id): its answer cell already holds \"\(value)\"; not written again"
        }
    }

    /// Whether the decision's answer stands in the result: written now, or found there already.
    public var stands: Bool {
        switch outcome {
        case .applied, .present: true
        case .skipped, .refused, .repeated: false
        }
    }
}

/// Turns a reviewer's decisions into answers for the filled copy they were made for.
///
/// Accept writes the proposal (and its comment), Change the final answer. A decision is refused
/// when its item is not in the copy, asks another question there, or has no answer cell there,
/// its answer target differs from the list's (a list made when none was found takes the one
/// found now), the answer cell
/// no longer holds what it held when the list was made (someone answered it since), the value is
/// none of the item's allowed answers, or the item's sheet is the receiving organisation's.
/// A cell that already holds the decided answer (the list applied before) is not written again.
/// - Returns: The answers that stand (basis ``AnswerBasis/reviewed``), one for each outcome whose
///   ``AppliedDecision/stands``, in order; only those ``AppliedDecision/Outcome/applied(value:)``
///   are to be written. And what became of each decision.
public func answers(
    from decisions: [ReviewDecision],
    for questionnaire: Questionnaire
) -> (answers: [Answer], outcomes: [AppliedDecision]) {
    var items: [String: QuestionnaireItem] = [:]
    for item in questionnaire.items where items[item.id] == nil { items[item.id] = item }
    let receivers = Set(questionnaire.sheets.filter { $0.filledByReceiver != nil }.map(\.sheet))
    var answers: [Answer] = []
    var outcomes: [AppliedDecision] = []
    // An item decided on more than one row: the same answer is written once; different answers
    // leave the reviewer's intent unclear, so none is written.
    var decidedAt: [String: [ReviewDecision]] = [:]
    for decision in decisions where decision.choice == .accept || decision.choice == .change {
        decidedAt[decision.id, default: []].append(decision)
    }
    for decision in decisions {
        func refuse(_ reason: String) {
            outcomes.append(AppliedDecision(decision: decision, outcome: .refused(reason)))
        }
        guard let choice = decision.choice, choice != .reject else {
            outcomes.append(AppliedDecision(decision: decision, outcome: .skipped))
            continue
        }
        let others = (decidedAt[decision.id] ?? []).filter { $0.place != decision.place }
        let sends = { (row: ReviewDecision) in [row.decided.value.lowercased(), row.decided.comment ?? ""] }
        if let other = others.first(where: { sends($0) != sends(decision) }) {
            refuse("it is decided differently at \(other.place) (\(other.decided.value)); keep one decision")
            continue
        }
        if let first = decidedAt[decision.id]?.first, first.place != decision.place {
            outcomes.append(AppliedDecision(decision: decision, outcome: .repeated(of: first.place)))
            continue
        }
        guard let item = items[decision.id] else {
            refuse("the filled copy has no such item")
            continue
        }
        // The same id over another question (another customer's edition of a template, a
        // renumbered sheet): the answer was reviewed for the question the list shows.
        guard decision.question.isEmpty || sameWords(item.question, decision.question) else {
            refuse(
                "its question in the filled copy is not the one reviewed (\"\(item.question)\"); make a review "
                    + "list for this copy with quire answer"
            )
            continue
        }
        // A CSV file's one sheet is named after the file, so the filled copy's differs from the
        // questionnaire's the list was made from: for CSV, the cells alone must match.
        let sameCell: (String) -> Bool = { description in
            questionnaire.format == .csv
                ? withoutSheet(description) == withoutSheet(decision.target) : description == decision.target
        }
        guard let target = item.answerTarget else {
            refuse(
                decision.target.isEmpty
                    ? "the questionnaire has no answer cell for it (`quire inspect` says why): enter the answer "
                        + "where the questionnaire takes it, or name the answer column with --answer-column"
                    : "the filled copy has no answer cell for it, and the list names \(decision.target)"
            )
            continue
        }
        // A list made when no answer cell was found (the layout named at apply with
        // --answer-column): the cell must still hold what it held, which is checked below.
        guard decision.target.isEmpty || sameCell(target.description) else {
            refuse("its answer cell is \(target.description) in the filled copy, not \(decision.target)")
            continue
        }
        if let sheet = item.sheet, receivers.contains(sheet) {
            refuse("sheet \"\(sheet)\" is filled by the receiving organisation")
            continue
        }
        var value = decision.decided.value
        guard !value.isEmpty else {
            refuse("there is no proposal to accept; choose Change and give the final answer")
            continue
        }
        if !item.allowedAnswers.isEmpty {
            guard let allowed = allowedAnswer(naming: value, in: item.allowedAnswers) else {
                refuse("\"\(value)\" is none of its allowed answers (\(item.allowedAnswers.joined(separator: ", ")))")
                continue
            }
            value = allowed
        }
        // A cell that changed since the list was made is someone else's answer, unless it is the
        // very answer decided: the list applied before (apply run again, say to --learn).
        let now = (item.existingAnswer ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let outcome: AppliedDecision.Outcome
        if now == decision.cellValue.trimmingCharacters(in: .whitespacesAndNewlines) {
            outcome = .applied(value: value)
        } else if !now.isEmpty, now.caseInsensitiveCompare(value) == .orderedSame {
            outcome = .present(value: now)
        } else {
            refuse(
                "its answer cell holds \"\(now)\" now, not \"\(decision.cellValue)\" as when the review list was made"
            )
            continue
        }
        var answer = Answer(item: item)
        answer.value = value
        answer.comment = decision.decided.comment
        answer.basis = .reviewed
        answer.confidence = 1
        answer.controls = decision.controls
        answers.append(answer)
        outcomes.append(AppliedDecision(decision: decision, outcome: outcome))
    }
    return (answers, outcomes)
}

/// Whether two texts are the same words, whatever their case and spacing (a spreadsheet program
/// may turn a line break into a space or a CR LF pair).
private func sameWords(_ a: String, _ b: String) -> Bool {
    let words = { (text: String) in text.lowercased().split(whereSeparator: \.isWhitespace) }
    return words(a) == words(b)
}

/// A target's cells without their sheet: `$C$7` of `'Sheet 1'!$C$7`, `$D$5,$E$5` of
/// `data!$D$5,data!$E$5` (a CSV's targets all lie on its one sheet, named before the first `!$`).
private func withoutSheet(_ reference: String) -> String {
    guard let bang = reference.range(of: "!$") else { return reference }
    return reference.replacingOccurrences(of: reference[..<bang.lowerBound] + "!", with: "")
}
