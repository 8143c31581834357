import Answering
import Foundation
import Questionnaire
import Spreadsheet

/// The texts to place in a worksheet or CSV file for a set of answers, by cell, with the item each
/// belongs to: the one place that applies ``Answer/isWritten``.
///
/// An answer that is written places ``Answer/valueToWrite`` in its answer cell and
/// ``Answer/commentToWrite`` in its comment cell. A text whose cell is already taken by an earlier
/// answer, or whose item has no cell for it, is refused, and so is a comment whose cell holds
/// other text (the file's own note is never overwritten); later stages refuse more (formulas,
/// merges, CSV limits) and the report says so.
struct CellFillPlan {
    /// Text by sheet, then cell.
    private(set) var edits: [String: [CellAddress: String]] = [:]
    /// The item and part each planned cell is for.
    private(set) var owners: [SheetCell: (item: String, part: FillPart)] = [:]
    /// The planned cells in answer order.
    private(set) var order: [SheetCell] = []
    /// Texts refused while planning.
    private(set) var refused: [RefusedFill] = []

    /// - Parameters:
    ///   - answers: The answers, in order.
    ///   - proposals: Whether proposals that need review are written too.
    ///   - held: The text comment cells hold already, by cell.
    init(_ answers: [Answer], proposals: Bool = false, held: [SheetCell: String] = [:]) {
        for answer in answers {
            if let value = proposals ? answer.valueToWriteWithProposals : answer.valueToWrite {
                switch answer.target {
                case .cell(let cell): place(value, at: cell, item: answer.id, part: .answer)
                case .marks(let cells, let mark): placeMark(value, in: cells, mark: mark, item: answer.id)
                case .vsaqKeys: refuse(answer.id, .answer, answer.target?.description, .wrongKindOfTarget)
                case nil: refuse(answer.id, .answer, nil, .noTarget)
                }
            }
            if let comment = answer.commentToWrite, let cell = answer.commentCell {
                if let text = held[cell], text != comment {
                    refuse(answer.id, .comment, cell.reference, .holdsText)
                } else {
                    place(comment, at: cell, item: answer.id, part: .comment)
                }
            }
        }
    }

    /// The text each item's comment cell holds, from the questionnaire as read.
    static func heldComments(_ questionnaire: Questionnaire) -> [SheetCell: String] {
        var held: [SheetCell: String] = [:]
        for item in questionnaire.items {
            guard let cell = item.commentCell, let text = item.existingComment,
                !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            else { continue }
            held[cell] = text
        }
        return held
    }

    private mutating func place(_ text: String, at cell: SheetCell, item: String, part: FillPart) {
        if let owner = owners[cell] {
            refuse(item, part, cell.reference, .alreadyWritten(byItem: owner.item))
            return
        }
        owners[cell] = (item, part)
        order.append(cell)
        edits[cell.sheet, default: [:]][cell.address] = text
    }

    /// Marks the column of the choice the value names, when no choice of the item is marked yet.
    private mutating func placeMark(_ value: String, in cells: [MarkCell], mark: String, item: String) {
        let folded = value.lowercased().trimmingCharacters(in: .whitespacesAndNewlines)
        let targets = cells.map(\.cell.reference).joined(separator: ",")
        guard !cells.contains(where: \.marked) else {
            refuse(item, .answer, targets, .alreadyMarked)
            return
        }
        guard let chosen = cells.first(where: { $0.choice.lowercased() == folded }) else {
            refuse(item, .answer, targets, .notAChoice(value))
            return
        }
        place(mark, at: chosen.cell, item: item, part: .answer)
    }

    private mutating func refuse(_ item: String, _ part: FillPart, _ target: String?, _ reason: FillRefusal) {
        refused.append(RefusedFill(item: item, part: part, target: target, reason: reason))
    }

    /// A report of the planned cells: each in `written` unless `outcome` says otherwise.
    func report(
        format: QuestionnaireFormat,
        outcome: (SheetCell) -> CellOutcome
    ) -> FillReport {
        var report = FillReport(format: format)
        report.refused = refused
        for cell in order {
            guard let owner = owners[cell] else { continue }
            switch outcome(cell) {
            case .written:
                report.written.append(FilledCell(item: owner.item, part: owner.part, target: cell.reference))
            case .unchanged:
                report.unchanged.append(FilledCell(item: owner.item, part: owner.part, target: cell.reference))
            case .refused(let reason):
                report.refused.append(
                    RefusedFill(item: owner.item, part: owner.part, target: cell.reference, reason: reason)
                )
            }
        }
        return report
    }

    /// What became of one planned cell.
    enum CellOutcome {
        case written
        case unchanged
        case refused(FillRefusal)
    }
}
