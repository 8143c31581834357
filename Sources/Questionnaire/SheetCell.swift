public import Spreadsheet

/// A cell on a named sheet: where an answer, a comment or a piece of evidence goes.
///
/// For a CSV file the sheet is the file's base name, as the spreadsheet reader names its one sheet.
public struct SheetCell: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The sheet's name as the workbook gives it.
    public var sheet: String
    /// The cell on it.
    public var address: CellAddress

    /// A cell on a sheet.
    public init(sheet: String, address: CellAddress) {
        self.sheet = sheet
        self.address = address
    }

    /// A cell on a sheet by 1-based row and column.
    public init(sheet: String, row: Int, column: Int) {
        self.init(sheet: sheet, address: CellAddress(row: row, column: column))
    }

    /// Reads an absolute or relative reference with its sheet (`Questions!$C$5`,
    /// `'HECVAT - Full'!C26`); nil for anything else (no sheet, a range, a VSAQ key).
    public init?(reference: some StringProtocol) {
        let (sheet, cell) = splitSheetReference(Substring(reference))
        guard let sheet, let address = CellAddress(a1: cell) else { return nil }
        self.init(sheet: sheet, address: address)
    }

    /// The absolute reference a formula would use: `Questions!$C$5`, `'HECVAT - Full'!$C$26`.
    public var reference: String {
        "\(CellAddress.sheetPrefix(sheet))!$\(CellAddress.columnName(address.column))$\(address.row)"
    }

    public var description: String { reference }

    /// By sheet name, then row, then column.
    public static func < (lhs: SheetCell, rhs: SheetCell) -> Bool {
        (lhs.sheet, lhs.address) < (rhs.sheet, rhs.address)
    }
}
