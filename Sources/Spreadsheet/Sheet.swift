/// Whether a sheet shows in the spreadsheet program's tabs.
public enum SheetVisibility: String, Sendable, Hashable, Codable {
    /// Shown as a tab.
    case visible
    /// Hidden; the user can unhide it from the program's menu.
    case hidden
    /// Hidden so that only a macro or an editing tool can show it again.
    case veryHidden
}

/// A sheet as the workbook lists it, before its cells are read.
public struct SheetInfo: Hashable, Sendable {
    /// The tab name.
    public var name: String
    /// The 0-based position in the workbook's tab order, counting chart sheets (which have no
    /// cells and are not listed), so that it matches `localSheetId` in defined names.
    public var index: Int
    /// Whether the tab shows.
    public var visibility: SheetVisibility
    /// The package part that holds the sheet's cells (`xl/worksheets/sheet1.xml`), or the file
    /// name for a CSV table.
    public var part: String

    /// Makes a sheet description.
    public init(name: String, index: Int, visibility: SheetVisibility, part: String) {
        self.name = name
        self.index = index
        self.visibility = visibility
        self.part = part
    }
}

/// A name the workbook defines for a range, a constant or a formula (`<definedName>`).
public struct DefinedName: Hashable, Sendable {
    /// The name as written, such as `yes` or `_xlnm.Print_Area`.
    public var name: String
    /// The 0-based index of the sheet the name is local to, or `nil` for a workbook-wide name.
    public var sheetIndex: Int?
    /// What the name stands for, as a formula without `=` (`Values!$A$4:$A$5`).
    public var formula: String
    /// Whether the workbook hides the name from the user.
    public var isHidden: Bool

    /// Makes a defined name.
    public init(name: String, sheetIndex: Int?, formula: String, isHidden: Bool = false) {
        self.name = name
        self.sheetIndex = sheetIndex
        self.formula = formula
        self.isHidden = isHidden
    }
}

extension Array where Element == DefinedName {
    /// Finds a name with Excel's scope rules: a name local to the sheet wins over a workbook-wide
    /// name of the same spelling; names compare without regard to case.
    public func resolve(_ name: String, fromSheet sheetIndex: Int?) -> DefinedName? {
        let folded = name.lowercased()
        let matches = filter { $0.name.lowercased() == folded }
        if let sheetIndex, let local = matches.first(where: { $0.sheetIndex == sheetIndex }) {
            return local
        }
        return matches.first(where: { $0.sheetIndex == nil })
    }
}

/// A data-validation rule on a set of ranges: for `list` rules, the allowed answers.
public struct DataValidation: Hashable, Sendable {
    /// The kind of rule (`type` in XLSX).
    public enum Kind: String, Sendable, Hashable, Codable {
        case any, list, whole, decimal, date, time, textLength, custom
    }

    /// The kind of rule.
    public var kind: Kind
    /// The cells it covers, kept as ranges (never expanded).
    public var ranges: [CellRange]
    /// The first formula: for a list, a quoted literal (`"Yes,No"`), a range or a defined name.
    public var formula1: String?
    /// The second formula (upper bound of `between` rules).
    public var formula2: String?
    /// The comparison for numeric, date and length rules (`between`, `greaterThan`, …).
    public var comparison: String?
    /// Whether a blank cell passes.
    public var allowBlank: Bool
    /// Whether the program shows the in-cell drop-down arrow for a list.
    ///
    /// XLSX stores the inverse (`showDropDown="1"` hides the arrow); this is the meaning.
    public var showsDropDown: Bool
    /// The input prompt's title and text, if any.
    public var promptTitle: String?
    /// The input prompt's text, if any.
    public var prompt: String?
    /// The error message's title, if any.
    public var errorTitle: String?
    /// The error message shown on a rejected entry, if any.
    public var error: String?
    /// Whether the rule came from the `x14:dataValidation` form in the sheet's `extLst`.
    public var isExtension: Bool
    /// For list rules whose source could be followed, and custom rules that only let a few texts
    /// through: the allowed values, in order.
    public var listValues: [String]?
    /// For list rules whose source could not be followed: why not.
    public var unresolvedReason: String?

    /// Makes a rule with no resolved values.
    public init(
        kind: Kind,
        ranges: [CellRange],
        formula1: String? = nil,
        formula2: String? = nil,
        comparison: String? = nil,
        allowBlank: Bool = false,
        showsDropDown: Bool = true,
        isExtension: Bool = false
    ) {
        self.kind = kind
        self.ranges = ranges
        self.formula1 = formula1
        self.formula2 = formula2
        self.comparison = comparison
        self.allowBlank = allowBlank
        self.showsDropDown = showsDropDown
        self.isExtension = isExtension
    }

    /// Whether the rule says which answers a cell takes: a list, or a custom rule whose formula
    /// only lets a few texts through (its ``listValues`` then hold them).
    public var listsAnswers: Bool { kind == .list || (kind == .custom && listValues != nil) }

    /// Whether the rule covers the cell.
    public func covers(_ address: CellAddress) -> Bool {
        ranges.contains { $0.contains(address) }
    }
}

/// Cells side by side on one row filled with the same solid colour.
public struct FillRun: Hashable, Sendable {
    /// The row.
    public var row: Int32
    /// The first and last column of the run.
    public var first: Int32
    public var last: Int32
    /// The colour, as a number the workbook's cells filled alike share.
    public var fill: Int32

    /// Creates a run.
    public init(row: Int, first: Int, last: Int, fill: Int32) {
        self.row = Int32(clamping: row)
        self.first = Int32(clamping: first)
        self.last = Int32(clamping: last)
        self.fill = fill
    }
}

/// What a sheet holds besides its cells: read from the same part, after the rows.
public struct SheetMetadata: Hashable, Sendable {
    /// The range the file declares in `<dimension>`, which writers do not always get right.
    public var declaredDimension: CellRange?
    /// The smallest range holding every cell with a value or a formula, as read.
    public var usedRange: CellRange?
    /// The merged ranges, in file order.
    public var mergedRanges: [CellRange]
    /// The data validations, in file order (the `extLst` ones after the plain ones).
    public var validations: [DataValidation]
    /// The rows the file marks hidden (`<row hidden="1">`), in file order.
    public var hiddenRows: [Int]
    /// The hidden rows that belong to an outline group (`outlineLevel` 1 or more): folded away
    /// with their group, a view of the sheet rather than rows withdrawn, in file order.
    public var foldedRows: [Int] = []
    /// The cells with a value whose format strikes the text through (a withdrawn question, as
    /// questionnaires mark one), in file order.
    public var struckCells: [CellAddress]
    /// The range of the sheet's AutoFilter when it filters (names a column to filter on): the rows
    /// it hides are hidden by the filter, a view, not by hand.
    public var filteredRange: CellRange?
    /// The cells in the file (with or without a value) whose number format hides text typed into
    /// them (`;;;`), in file order.
    public var concealedCells: [CellAddress] = []
    /// The number formats of the cell formats (by style index) that show values otherwise than
    /// General does (`0.00`, `0%`, `dd/mm/yyyy`, `"Q-"000`).
    public var numberFormats: [Int: NumberFormat]
    /// Whether the sheet is protected (`<sheetProtection sheet="1">`): only its unlocked cells
    /// can be edited in a spreadsheet program.
    public var isProtected: Bool = false
    /// On a protected sheet, the cells in the file whose format unlocks them (with or without a
    /// value): where the sender lets the reader type, in file order; empty on other sheets.
    public var unlockedCells: [CellAddress] = []
    /// On a protected sheet, the columns whose default format (`<col style=…>`) unlocks them:
    /// their cells absent from the file are unlocked too.
    public var unlockedColumns: [ClosedRange<Int>] = []
    /// On a protected sheet, the cells in the file that lie in an unlocked column or row but whose
    /// own format locks them: a cell's format decides over its row's and column's.
    public var lockedCells: [CellAddress] = []
    /// On a protected sheet, the rows whose own format (`<row customFormat="1" s=…>`) unlocks the
    /// cells the file leaves out of them.
    public var unlockedRows: [Int] = []
    /// On a protected sheet with unlocked columns, the rows whose own format locks the cells the
    /// file leaves out of them: a row's format decides over its columns'.
    public var lockedRows: [Int] = []
    /// The cells in the file filled with a solid colour (with or without a value), as runs of
    /// neighbours filled alike, in file order.
    public var filledRuns: [FillRun] = []
    /// The number of rows that held at least one cell with a value.
    public var rowCount: Int
    /// The number of cells with a value or a formula.
    public var cellCount: Int

    /// Makes empty metadata.
    public init(
        declaredDimension: CellRange? = nil,
        usedRange: CellRange? = nil,
        mergedRanges: [CellRange] = [],
        validations: [DataValidation] = [],
        hiddenRows: [Int] = [],
        struckCells: [CellAddress] = [],
        filteredRange: CellRange? = nil,
        numberFormats: [Int: NumberFormat] = [:],
        rowCount: Int = 0,
        cellCount: Int = 0
    ) {
        self.declaredDimension = declaredDimension
        self.usedRange = usedRange
        self.mergedRanges = mergedRanges
        self.validations = validations
        self.hiddenRows = hiddenRows
        self.struckCells = struckCells
        self.filteredRange = filteredRange
        self.numberFormats = numberFormats
        self.rowCount = rowCount
        self.cellCount = cellCount
    }
}

/// A whole sheet in memory: its rows, merged ranges and validations.
///
/// For the questionnaires Quire reads (kilobytes to a few megabytes) a table is the convenient
/// form; large sheets are better streamed with ``Workbook/readRows(of:_:)``.
public struct Table: Hashable, Sendable {
    /// The sheet this table was read from.
    public var sheet: SheetInfo
    /// The rows that have cells, in row order.
    public var rows: [Row]
    /// The merged ranges, validations and extent.
    public var metadata: SheetMetadata

    /// Makes a table.
    public init(sheet: SheetInfo, rows: [Row], metadata: SheetMetadata) {
        self.sheet = sheet
        self.rows = rows
        self.metadata = metadata
    }

    /// The cell at an address, if the sheet has one there.
    public subscript(address: CellAddress) -> Cell? {
        guard let row = row(address.row) else { return nil }
        var low = 0
        var high = row.cells.count
        while low < high {
            let middle = (low + high) / 2
            if row.cells[middle].address.column < address.column { low = middle + 1 } else { high = middle }
        }
        return low < row.cells.count && row.cells[low].address.column == address.column ? row.cells[low] : nil
    }

    /// The row with a 1-based number, if the sheet has cells in it.
    public func row(_ index: Int) -> Row? {
        var low = 0
        var high = rows.count
        while low < high {
            let middle = (low + high) / 2
            if rows[middle].index < index { low = middle + 1 } else { high = middle }
        }
        return low < rows.count && rows[low].index == index ? rows[low] : nil
    }

    /// The list validation covering a cell, if any; later rules win, as in Excel.
    public func validation(at address: CellAddress) -> DataValidation? {
        metadata.validations.last { $0.covers(address) }
    }

    /// The merged range a cell belongs to, if any.
    public func mergedRange(containing address: CellAddress) -> CellRange? {
        metadata.mergedRanges.first { $0.contains(address) }
    }
}
