/// Why a new workbook could not be written: each case names the sheet (and cell) and what to change.
public enum XLSXWriteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The workbook has no sheets; an XLSX file needs at least one.
    case noSheets
    /// A sheet name that spreadsheet programs refuse.
    case invalidSheetName(name: String, reason: String)
    /// Two sheets whose names differ only in case, or not at all.
    case duplicateSheetName(name: String, existing: String)
    /// A sheet with more rows or columns than a worksheet holds.
    case sheetTooLarge(sheet: String, reason: String)
    /// A value that a cell cannot hold.
    case invalidCell(sheet: String, cell: String, reason: String)

    public var description: String {
        switch self {
        case .noSheets:
            "the workbook has no sheets; add at least one sheet before writing it"
        case .invalidSheetName(let name, let reason):
            "sheet name \"\(name)\" \(reason); spreadsheet programs refuse it, so choose another name"
        case .duplicateSheetName(let name, let existing):
            "sheet name \"\(name)\" is already used by sheet \"\(existing)\" (names are compared without "
                + "regard to case); give each sheet its own name"
        case .sheetTooLarge(let sheet, let reason):
            "sheet \"\(sheet)\": \(reason); split the data over several sheets"
        case .invalidCell(let sheet, let cell, let reason):
            "sheet \"\(sheet)\" cell \(cell): \(reason)"
        }
    }
}
