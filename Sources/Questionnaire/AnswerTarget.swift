public import Spreadsheet

/// The kind of a VSAQ item, as its template's `type` says; it decides how VSAQ stores the answer.
public enum VSAQItemKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// One of several choices; VSAQ stores `"checked"` under the chosen choice's id.
    case radiogroup
    /// Any number of choices; `"checked"` under each chosen check's id.
    case checkgroup
    /// Two answers; `"yes"` or `"no"` under the item's id.
    case yesno
    /// A lone check box; `"checked"` under its id, nothing when unchecked.
    case check
    /// A lone radio button; as ``check``.
    case radio
    /// One line of text under the item's id.
    case line
    /// A text box under the item's id.
    case box
    /// A file upload, which Quire cannot give.
    case upload
}

/// Where an item's answer goes back to.
public enum AnswerTarget: Sendable, Hashable, CustomStringConvertible {
    /// One cell of a worksheet or of a CSV file's one sheet.
    case cell(SheetCell)
    /// The answer keys of a VSAQ item: the item's id, or for a radio or check group the ids of its
    /// choices in the order of the item's allowed answers.
    case vsaqKeys([String], kind: VSAQItemKind)
    /// One cell per choice, in the item's row: the answer is a mark under one choice's column,
    /// written as `mark` (the symbol the sheet already uses, else `X`).
    case marks([MarkCell], mark: String)

    /// The cell, when the answer goes into one.
    public var cell: SheetCell? {
        if case .cell(let cell) = self { return cell }
        return nil
    }

    /// The mark cells by choice, for an answer marked across columns.
    public var markReferences: [String: String]? {
        guard case .marks(let cells, _) = self else { return nil }
        return Dictionary(cells.map { ($0.choice, $0.cell.reference) }, uniquingKeysWith: { first, _ in first })
    }

    /// As the JSON outputs write it: an absolute reference (`'HECVAT - Full'!$C$26`), the VSAQ
    /// keys joined with commas (`std_iso,std_soc2`), or the mark cells joined with commas.
    public var description: String {
        switch self {
        case .cell(let cell): cell.reference
        case .vsaqKeys(let keys, _): keys.joined(separator: ",")
        case .marks(let cells, _): cells.map(\.cell.reference).joined(separator: ",")
        }
    }
}

/// The cell an answer is marked in when it is one choice among columns.
public struct MarkCell: Sendable, Hashable {
    /// The choice the column stands for (its header: `Yes`, `Partially compliant`).
    public var choice: String
    /// The cell in the item's row under that header.
    public var cell: SheetCell
    /// Whether the cell held a mark when the questionnaire was read.
    public var marked: Bool

    /// A choice's cell.
    public init(choice: String, cell: SheetCell, marked: Bool = false) {
        self.choice = choice
        self.cell = cell
        self.marked = marked
    }
}

/// What kind of file a questionnaire came from.
public enum QuestionnaireFormat: String, Sendable, Hashable, Codable, CaseIterable {
    /// An Excel workbook.
    case xlsx
    /// An Excel workbook with macros (they are never run).
    case xlsm
    /// A CSV file: one sheet named after the file.
    case csv
    /// A Google VSAQ questionnaire template or template extension.
    case vsaq

    /// The format of a workbook as the spreadsheet reader opened it.
    public init(_ format: Workbook.Format) {
        switch format {
        case .xlsx: self = .xlsx
        case .xlsm: self = .xlsm
        case .csv: self = .csv
        }
    }
}
