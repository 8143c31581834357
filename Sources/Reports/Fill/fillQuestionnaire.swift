public import Answering
import Foundation
public import Questionnaire
import Spreadsheet

/// Why a questionnaire cannot be filled as asked.
public enum FillError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The fill was asked for a file of another format than the questionnaire's.
    case formatMismatch(path: String, format: QuestionnaireFormat, wanted: QuestionnaireFormat)
    /// The questionnaire holds a sheet the receiving organisation fills (read because it was
    /// named): nothing is written into such a file.
    case receiverSheet(path: String, sheet: String, reason: String)

    /// The message, naming the file and what to do.
    public var description: String {
        switch self {
        case .formatMismatch(let path, let format, let wanted):
            "\(path): is a \(format.rawValue.uppercased()) questionnaire, not \(wanted.rawValue.uppercased()); "
                + "a filled copy keeps the questionnaire's own format"
        case .receiverSheet(let path, let sheet, let reason):
            "\(path): sheet \"\(sheet)\" is filled by the receiving organisation (\(reason)); Quire never writes "
                + "answers there: answer the vendor's sheets, or leave out --sheet"
        }
    }
}

/// Writes answers into a copy of a questionnaire in its own format and returns the copy's bytes
/// and what was written: the workbook patched in place (XLSX, XLSM), the CSV file patched in place,
/// or VSAQ's answers file for a VSAQ template.
///
/// Which answers are written is ``Answer/isWritten``'s rule, the same for every format.
/// - Parameters:
///   - questionnaire: The questionnaire as read; its file is read again, never changed.
///   - answers: The answers, as ``Answerer`` gives them for it.
///   - proposals: Also write the proposals that need review where ``Answer/proposalWritable``
///     (XLSX and CSV; a VSAQ answers file takes reviewed answers only).
/// - Returns: The copy's bytes, and what was written, left as it was, or refused and why.
/// - Throws: ``FillError/receiverSheet(path:sheet:reason:)`` when a sheet read is the receiving
///   organisation's; ``SpreadsheetError`` when the file cannot be read again or patched.
public func fill(_ questionnaire: Questionnaire, answers: [Answer], proposals: Bool = false) throws -> (
    bytes: [UInt8], report: FillReport
) {
    if let sheet = questionnaire.sheets.first(where: { $0.status == .questionnaire && $0.filledByReceiver != nil }) {
        throw FillError.receiverSheet(
            path: questionnaire.file,
            sheet: sheet.sheet,
            reason: sheet.filledByReceiver ?? ""
        )
    }
    switch questionnaire.format {
    case .xlsx, .xlsm: return try fillWorkbook(questionnaire, answers: answers, proposals: proposals)
    case .csv: return try fillCSV(questionnaire, answers: answers, proposals: proposals)
    case .vsaq: return try fillVSAQ(questionnaire, answers: answers)
    }
}

/// Writes answers into a copy of an XLSX or XLSM questionnaire.
///
/// Only the answer and comment cells change (``patchWorkbook(path:edits:)``); cells holding
/// formulas or hidden under a merged range are left alone and reported as refused.
public func fillWorkbook(_ questionnaire: Questionnaire, answers: [Answer], proposals: Bool = false) throws -> (
    bytes: [UInt8], report: FillReport
) {
    guard questionnaire.format == .xlsx || questionnaire.format == .xlsm else {
        throw FillError.formatMismatch(path: questionnaire.file, format: questionnaire.format, wanted: .xlsx)
    }
    let plan = CellFillPlan(answers, proposals: proposals, held: CellFillPlan.heldComments(questionnaire))
    let (bytes, patched) = try patchWorkbook(path: questionnaire.file, edits: plan.edits)
    let written = Set(patched.written.flatMap { sheet, cells in cells.map { SheetCell(sheet: sheet, address: $0) } })
    let formulas = Set(
        patched.skippedFormulas.flatMap { sheet, cells in cells.map { SheetCell(sheet: sheet, address: $0) } }
    )
    let merged = Set(
        patched.skippedMerged.flatMap { sheet, cells in cells.map { SheetCell(sheet: sheet, address: $0) } }
    )
    let report = plan.report(format: questionnaire.format) { cell in
        if written.contains(cell) { return .written }
        if formulas.contains(cell) { return .refused(.formula) }
        if merged.contains(cell) { return .refused(.mergedOver) }
        return .unchanged
    }
    return (bytes, report)
}

/// Writes answers into a copy of a CSV questionnaire, keeping its dialect and every byte it need
/// not change (``patchCSV(path:edits:)``); cells past the last record and text the encoding cannot
/// hold are refused and reported.
public func fillCSV(_ questionnaire: Questionnaire, answers: [Answer], proposals: Bool = false) throws -> (
    bytes: [UInt8], report: FillReport
) {
    guard questionnaire.format == .csv else {
        throw FillError.formatMismatch(path: questionnaire.file, format: questionnaire.format, wanted: .csv)
    }
    let plan = CellFillPlan(answers, proposals: proposals, held: CellFillPlan.heldComments(questionnaire))
    let (bytes, patched) = try patchCSV(path: questionnaire.file, edits: plan.edits)
    let unchanged = Set(patched.unchanged)
    let report = plan.report(format: .csv) { cell in
        if let refusal = patched.refused[cell.address] { return .refused(.csv(refusal)) }
        return unchanged.contains(cell.address) ? .unchanged : .written
    }
    return (bytes, report)
}
