import Foundation
import Spreadsheet

/// One sheet's cells as text, with merged ranges and validations at hand: what the layout
/// detector looks at.
struct SheetGrid {
    let sheet: SheetInfo
    let metadata: SheetMetadata
    /// Non-empty cell texts by row, then column.
    private(set) var cells: [Int: [Int: String]] = [:]
    /// The rows that hold anything, in order.
    let rowNumbers: [Int]
    /// For each cell inside a merged range other than its top-left one, that top-left cell.
    private var mergedOrigin: [CellAddress: CellAddress] = [:]
    /// The merged ranges that start on each row.
    private var mergedByRow: [Int: [CellRange]] = [:]
    /// List validations, each with its resolved values.
    private let lists: [DataValidation]
    /// Validation lookups already made, by cell.
    private var listCache: [CellAddress: Int] = [:]
    /// The formula of every cell that has one, except the constants TRUE() and FALSE().
    private(set) var formulas: [CellAddress: String] = [:]
    /// The rows the workbook hides.
    let hiddenRows: Set<Int>
    /// The cells whose text is struck through.
    let struckCells: Set<CellAddress>
    /// Whether the sheet is protected and leaves some cells unlocked: the sender's sign of where
    /// the reader may type.
    let hasInputCells: Bool
    private let unlockedCells: Set<CellAddress>
    private let unlockedColumns: [ClosedRange<Int>]
    private let lockedCells: Set<CellAddress>
    private let unlockedRows: Set<Int>
    private let lockedRows: Set<Int>
    /// The runs of cells filled with a solid colour, by row.
    private let fills: [Int: [FillRun]]
    /// The notes (comments) on cells, their authors left out.
    private let notes: [CellAddress: String]
    /// The cells whose number format shows nothing of what they hold or of text typed into them
    /// (`;;;`): they look empty, and an answer written there would not be seen.
    private let concealedCells: Set<CellAddress>

    /// Reads a sheet's cells; `fromCSV` shows a CSV field written `="007"` (Excel's way of keeping
    /// a text's leading zeros) as the text it makes, `007`.
    init(table: Table, notes: [CellAddress: String] = [:], fromCSV: Bool = false) {
        self.notes = notes
        sheet = table.sheet
        metadata = table.metadata
        // Rows an AutoFilter hides (the customer's view of the sheet, left applied) are not
        // withdrawn, nor are rows folded away with a collapsed outline group (expanded to be
        // answered): only rows hidden by hand are.
        let filtered = table.metadata.filteredRange
        let folded = Set(table.metadata.foldedRows)
        hiddenRows = Set(
            table.metadata.hiddenRows.filter { row in
                filtered.map { row > $0.start.row && row <= $0.end.row } != true && !folded.contains(row)
            }
        )
        struckCells = Set(table.metadata.struckCells)
        unlockedCells = Set(table.metadata.unlockedCells)
        unlockedColumns = table.metadata.unlockedColumns
        lockedCells = Set(table.metadata.lockedCells)
        unlockedRows = Set(table.metadata.unlockedRows)
        lockedRows = Set(table.metadata.lockedRows)
        fills = Dictionary(grouping: table.metadata.filledRuns, by: { Int($0.row) })
        hasInputCells =
            table.metadata.isProtected && (!unlockedCells.isEmpty || !unlockedColumns.isEmpty || !unlockedRows.isEmpty)
        var cells: [Int: [Int: String]] = [:]
        var concealed = Set(table.metadata.concealedCells)
        for row in table.rows {
            var columns: [Int: String] = [:]
            for cell in row.cells {
                let format = table.metadata.numberFormats[cell.styleIndex]
                var text = Self.shown(cell.value, format: format).trimmingCharacters()
                if fromCSV, let inner = Self.textFormula(text) { text = inner }
                // A value a section shows nothing for (`"Yes";;"No"` on a negative) is hidden too.
                if format != nil, text.isEmpty, !cell.value.isEmpty { concealed.insert(cell.address) }
                if !text.isEmpty { columns[cell.address.column] = text }
                // A constant formula (LibreOffice's checkbox TRUE(), a default `="Not answered"`)
                // computes nothing: a value.
                if let formula = cell.formula, !isConstantFormula(formula) { formulas[cell.address] = formula }
            }
            if !columns.isEmpty { cells[row.index] = columns }
        }
        self.cells = cells
        concealedCells = concealed
        rowNumbers = cells.keys.sorted()
        for range in table.metadata.mergedRanges {
            mergedByRow[range.start.row, default: []].append(range)
            // Ranges of a sensible size only: a merge across a whole column says nothing here.
            guard range.cellCount <= 20_000 else { continue }
            for row in range.start.row...range.end.row {
                for column in range.start.column...range.end.column
                where row != range.start.row || column != range.start.column {
                    mergedOrigin[CellAddress(row: row, column: column)] = range.start
                }
            }
        }
        lists = table.metadata.validations.filter(\.listsAnswers)
    }

    /// The cell's own text.
    func text(_ row: Int, _ column: Int?) -> String? {
        guard let column else { return nil }
        return cells[row]?[column]
    }

    /// The cell's text, or the text of the merged range it lies in.
    func filled(_ row: Int, _ column: Int?) -> String? {
        guard let column else { return nil }
        if let own = cells[row]?[column] { return own }
        guard let origin = mergedOrigin[CellAddress(row: row, column: column)] else { return nil }
        return cells[origin.row]?[origin.column]
    }

    /// Whether the cell lies in a merged range and is not its top-left cell.
    func isMergedContinuation(_ row: Int, _ column: Int?) -> Bool {
        guard let column else { return false }
        return mergedOrigin[CellAddress(row: row, column: column)] != nil
    }

    /// Whether a protected sheet lets the reader type in the cell; false on other sheets.
    ///
    /// Its own format unlocks it; a cell the file leaves out goes by its row's format, if the row
    /// has one, else by its column's; a merged range goes by its top-left cell.
    func isUnlocked(_ row: Int, _ column: Int) -> Bool {
        guard hasInputCells else { return false }
        let address = CellAddress(row: row, column: column)
        let origin = mergedOrigin[address] ?? address
        if unlockedCells.contains(origin) { return true }
        if lockedCells.contains(origin) { return false }
        // A cell the file leaves out takes its row's format, if the row has one, else its column's.
        if unlockedRows.contains(origin.row) { return true }
        if lockedRows.contains(origin.row) { return false }
        return unlockedColumns.contains { $0.contains(origin.column) }
    }

    /// The solid colour a cell is filled with, as the workbook numbers its colours; nil for none.
    ///
    /// A merged range goes by its top-left cell.
    func fill(_ row: Int, _ column: Int) -> Int32? {
        let address = CellAddress(row: row, column: column)
        let origin = mergedOrigin[address] ?? address
        return fills[origin.row]?.first { $0.first <= origin.column && origin.column <= $0.last }?.fill
    }

    /// Whether a protected sheet locks the cell (nil on a sheet without input cells, where locks
    /// say nothing).
    func isLocked(_ row: Int, _ column: Int) -> Bool? {
        hasInputCells ? !isUnlocked(row, column) : nil
    }

    /// The merged ranges that start on a row.
    func mergedRanges(startingOn row: Int) -> [CellRange] { mergedByRow[row] ?? [] }

    /// The merged range containing a cell, if any.
    func mergedRange(containing row: Int, _ column: Int) -> CellRange? {
        let address = CellAddress(row: row, column: column)
        let origin = mergedOrigin[address] ?? address
        return mergedByRow[origin.row]?.first { $0.start == origin && $0.contains(address) }
    }

    /// The answers a cell's drop-down offers, its prompt (`-- Please select --`) left out; nil
    /// when the cell has no list, or an empty one.
    mutating func dropDownChoices(_ row: Int, _ column: Int?) -> [String]? {
        guard let values = listValidation(row, column)?.listValues, !values.isEmpty else { return nil }
        return values.filter { !HeaderVocabulary.isPlaceholder($0) }
    }

    /// The list validation on a cell, if any.
    mutating func listValidation(_ row: Int, _ column: Int?) -> DataValidation? {
        guard let column else { return nil }
        let address = CellAddress(row: row, column: column)
        if let cached = listCache[address] { return cached < 0 ? nil : lists[cached] }
        let found = lists.firstIndex { $0.covers(address) }
        listCache[address] = found ?? -1
        return found.map { lists[$0] }
    }

    /// The non-empty cells of a row, in column order.
    func cells(of row: Int) -> [(column: Int, text: String)] {
        (cells[row] ?? [:]).sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// A value's text as a spreadsheet shows it: as its number format shows it (1.1 as "1.10"
    /// under `0.00`, 0.97 as "97%" under `0%`, a date as "18/11/2025" under `dd/mm/yyyy`), else a
    /// number to 15 significant digits, as Excel keeps them, so a cached `=A7+0.1` of
    /// 1.2000000000000002 reads "1.2".
    static func shown(_ value: CellValue, format: NumberFormat? = nil) -> String {
        if let format, let shown = format.display(value) { return shown }
        guard case .number(let number) = value else { return value.text }
        let text = formatNumber(number)
        guard text.count > 16, number.isFinite, let rounded = Double(String(format: "%.15g", number)) else {
            return text
        }
        return formatNumber(rounded)
    }

    /// The text a CSV field of the form `="…"` makes when a spreadsheet program opens the file
    /// (a formula giving that text, doubled quotes inside standing for one); nil for any other field.
    static func textFormula(_ field: String) -> String? {
        guard field.count >= 3, field.hasPrefix("=\""), field.hasSuffix("\"") else { return nil }
        let inner = field.dropFirst(2).dropLast()
        var text = ""
        var characters = inner[...]
        while let character = characters.popFirst() {
            if character == "\"" {
                // Only a doubled quote stands inside; a lone one ends the string: not one text.
                guard characters.popFirst() == "\"" else { return nil }
            }
            text.append(character)
        }
        return text
    }

    /// Whether any cell's number format hides what it holds or what is typed into it.
    var hasConcealedCells: Bool { !concealedCells.isEmpty }

    /// Whether the cell's number format hides what it holds and what is typed into it (`;;;`); a
    /// merged range goes by its top-left cell.
    func isConcealed(_ row: Int, _ column: Int) -> Bool {
        let address = CellAddress(row: row, column: column)
        return concealedCells.contains(mergedOrigin[address] ?? address)
    }

    /// The note (comment) on a cell, if it has one.
    func note(_ row: Int, _ column: Int?) -> String? {
        guard let column else { return nil }
        return notes[CellAddress(row: row, column: column)]
    }

    /// The formula of a cell, if it has one.
    func formula(_ row: Int, _ column: Int?) -> String? {
        guard let column else { return nil }
        return formulas[CellAddress(row: row, column: column)]
    }

    /// The last row that holds anything.
    var lastRow: Int { rowNumbers.last ?? 0 }
}
