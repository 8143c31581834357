import Answering
import Foundation
import Spreadsheet

/// A cell named by an absolute reference (`'HECVAT - Full'!$C$26`, `Questions!$C$5`).
struct SheetCell: Hashable {
    var sheet: String
    var address: CellAddress

    /// Reads `Sheet!$C$5` or `'Sheet name'!$C$5`; nil for anything else (a VSAQ field id).
    init?(reference: String) {
        let (sheet, cell) = splitSheetReference(reference[...])
        guard let sheet, let address = CellAddress(a1: cell.filter { $0 != "$" }) else { return nil }
        self.sheet = sheet
        self.address = address
    }
}

/// The cells to write for a set of answers: each answer's value in its answer cell and its
/// comment in its comment cell, for answers that need no review only.
func plannedEdits(_ answers: [Answer]) -> [String: [CellAddress: String]] {
    var edits: [String: [CellAddress: String]] = [:]
    for answer in answers where !answer.review && answer.basis != .existing {
        if let value = answer.value, let cell = answer.answerCell.flatMap(SheetCell.init(reference:)) {
            edits[cell.sheet, default: [:]][cell.address] = value
        }
        if let comment = answer.comment, !comment.isEmpty,
            let cell = answer.commentCell.flatMap(SheetCell.init(reference:))
        {
            edits[cell.sheet, default: [:]][cell.address] = comment
        }
    }
    return edits
}

/// Writes a copy of an XLSX or XLSM questionnaire with the answers in their cells, atomically;
/// returns the cells written and those left alone because they hold formulas.
func fillWorkbook(original: String, answers: [Answer], destination: String) throws -> PatchReport {
    let (bytes, report) = try patchWorkbook(path: original, edits: plannedEdits(answers))
    try deliver(bytes, to: .file(destination))
    return report
}

/// Whether two paths name the same file: the same text, or the same file reached another way
/// (links, `./`, a second hard link), so that an output never replaces its input.
func sameFile(_ first: String, _ second: String) -> Bool {
    var firstInfo = stat()
    var secondInfo = stat()
    return first == second
        || (stat(first, &firstInfo) == 0 && stat(second, &secondInfo) == 0
            && firstInfo.st_dev == secondInfo.st_dev && firstInfo.st_ino == secondInfo.st_ino)
}
