import ControlModel
import Spreadsheet

/// Everything that differs between a questionnaire and a copy of it, such as the filled copy
/// Quire wrote: the proof that only the answer cells changed.
///
/// For XLSX and XLSM workbooks: every ZIP part that differs in content (by the CRC-32 and size its
/// central directory records, however it was compressed), added or removed; every sheet added or
/// removed; and on the sheets both have (matched by name), every cell whose value, formula or style
/// differs (styles only where both files list the cell). For CSV files: a change of encoding,
/// byte-order mark, delimiter or line ends; every cell that differs (by row and column); and every
/// record whose values are the same but whose bytes are not (quoting, line end). The summary line
/// reads `2 cells differ in 1 part; everything else is identical` (for CSV, `in 1 row`).
public struct WorkbookDiff: Sendable {
    private var differences: WorkbookDifferences

    /// Compares a file with a copy of it.
    /// - Throws: ``SpreadsheetError`` when a file cannot be read; ``ReportError/cannotCompare(original:originalFormat:filled:filledFormat:)``
    ///   when one is a workbook and the other CSV.
    public init(original: String, filled: String) throws {
        let before = try Workbook(path: original)
        let after = try Workbook(path: filled)
        guard (before.format == .csv) == (after.format == .csv) else {
            throw ReportError.cannotCompare(
                original: original,
                originalFormat: before.format.rawValue.uppercased(),
                filled: filled,
                filledFormat: after.format.rawValue.uppercased()
            )
        }
        differences = WorkbookDifferences(original: original, filled: filled, format: before.format.rawValue)
        if before.format == .csv {
            try differences.compareCSV(before, after)
        } else {
            try differences.compareParts()
            try differences.compareSheets(before, after)
        }
    }

    /// Whether anything differs.
    public var differ: Bool { differences.differ }

    /// How many cells differ.
    public var changedCells: Int { differences.cells.count }

    /// The summary line, without a line end.
    public var summary: String { differences.summary }

    /// One line per difference, then the summary line; every line ends with a line break.
    public func text() -> String { differences.text() }

    /// One JSON document with every difference, whether the files are identical, and the summary.
    public func json() -> [UInt8] { Array(canonicalJSON(differences).utf8) }
}

/// A cell as the diff sees it; a cell the sheet does not have is empty, without formula, style 0.
private struct CellState: Hashable, Sendable, Encodable {
    var value: CellValue = .empty
    var formula: String?
    var style = 0
    /// Whether the sheet lists the cell.
    var exists = false

    init() {}

    init(_ cell: Cell) {
        value = cell.value
        formula = cell.formula
        style = cell.styleIndex
        exists = true
    }

    /// Whether the cell holds nothing: no value, no formula, the default style.
    var isBlank: Bool { value.isEmpty && formula == nil && style == 0 }

    /// Whether two states of a cell differ in value, formula, or style.
    ///
    /// Styles are compared only when both files list the cell: a cell a sheet leaves out shows in
    /// its row's or column's style, which the sheet data alone does not tell.
    func differs(from other: CellState) -> Bool {
        value != other.value || formula != other.formula || stylesDiffer(from: other)
    }

    func stylesDiffer(from other: CellState) -> Bool {
        exists && other.exists && style != other.style
    }

    enum CodingKeys: String, CodingKey { case type, value, formula, style }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(value.typeName, forKey: .type)
        try container.encode(value.isEmpty ? nil : value.text, forKey: .value)
        try container.encode(formula, forKey: .formula)
        try container.encode(style, forKey: .style)
    }

    /// `(empty)`, `"text"` with escapes, `12`, `TRUE`, `2024-05-01`, then ` =FORMULA` if any.
    var summary: String {
        var text: String
        switch value {
        case .empty: text = "(empty)"
        case .string(let string): text = doubleQuoted(string)
        default: text = value.text
        }
        if let formula { text += " =\(formula)" }
        return text
    }
}

/// Everything that differs between two files, in the order it is listed.
private struct WorkbookDifferences: Sendable, Encodable {
    struct Digest: Sendable, Encodable {
        var crc32: String
        var size: Int64
    }
    struct Part: Sendable, Encodable {
        var name: String
        var change: String
        var original: Digest?
        var filled: Digest?

        enum CodingKeys: String, CodingKey { case name, change, original, filled }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encode(change, forKey: .change)
            try container.encode(original, forKey: .original)
            try container.encode(filled, forKey: .filled)
        }
    }
    struct SheetChange: Sendable, Encodable {
        var name: String
        var change: String
        var cells: Int
    }
    struct CellChange: Sendable, Encodable {
        var sheet: String
        var cell: String
        var row: Int
        var column: Int
        var original: CellState
        var filled: CellState
    }
    struct DialectChange: Sendable, Encodable {
        var property: String
        var original: String
        var filled: String
    }
    struct RecordChange: Sendable, Encodable {
        var record: Int
        var change: String
    }

    var original: String
    var filled: String
    var format: String
    var parts: [Part] = []
    var sheets: [SheetChange] = []
    var cells: [CellChange] = []
    var dialect: [DialectChange] = []
    var records: [RecordChange] = []

    enum CodingKeys: String, CodingKey {
        case original, filled, format, parts, sheets, cells, dialect, records, identical, summary
    }

    init(original: String, filled: String, format: String) {
        self.original = original
        self.filled = filled
        self.format = format
    }

    var differ: Bool {
        !parts.isEmpty || !sheets.isEmpty || !cells.isEmpty || !dialect.isEmpty || !records.isEmpty
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(original, forKey: .original)
        try container.encode(filled, forKey: .filled)
        try container.encode(format, forKey: .format)
        try container.encode(parts, forKey: .parts)
        try container.encode(sheets, forKey: .sheets)
        try container.encode(cells, forKey: .cells)
        try container.encode(dialect, forKey: .dialect)
        try container.encode(records, forKey: .records)
        try container.encode(!differ, forKey: .identical)
        try container.encode(summary, forKey: .summary)
    }

    // MARK: Workbooks

    /// Compares the ZIP parts by the CRC-32 and size of their content.
    mutating func compareParts() throws {
        let before = try zipPartDigests(path: original)
        let after = try zipPartDigests(path: filled)
        // OPC part names compare without regard to case.
        var afterByName: [String: (name: String, crc32: UInt32, size: Int64)] = [:]
        for part in after { afterByName[part.name.lowercased()] = part }
        var seen: Set<String> = []
        for part in before {
            let key = part.name.lowercased()
            seen.insert(key)
            let digest = Digest(crc32: hex(part.crc32), size: part.size)
            guard let other = afterByName[key] else {
                parts.append(Part(name: part.name, change: "removed", original: digest, filled: nil))
                continue
            }
            if other.crc32 != part.crc32 || other.size != part.size {
                let otherDigest = Digest(crc32: hex(other.crc32), size: other.size)
                parts.append(Part(name: part.name, change: "changed", original: digest, filled: otherDigest))
            }
        }
        for part in after where !seen.contains(part.name.lowercased()) {
            let digest = Digest(crc32: hex(part.crc32), size: part.size)
            parts.append(Part(name: part.name, change: "added", original: nil, filled: digest))
        }
    }

    /// Compares the cells of the sheets both workbooks have, and lists the sheets only one has.
    mutating func compareSheets(_ before: Workbook, _ after: Workbook) throws {
        let afterNames = Set(after.sheets.map(\.name))
        for sheet in before.sheets {
            let beforeCells = try cells(of: sheet, in: before)
            guard afterNames.contains(sheet.name) else {
                sheets.append(SheetChange(name: sheet.name, change: "removed", cells: beforeCells.count))
                continue
            }
            let afterCells = try cells(of: try after.sheet(named: sheet.name), in: after)
            compareCells(beforeCells, afterCells, sheet: sheet.name)
        }
        let beforeNames = Set(before.sheets.map(\.name))
        for sheet in after.sheets where !beforeNames.contains(sheet.name) {
            sheets.append(SheetChange(name: sheet.name, change: "added", cells: try cells(of: sheet, in: after).count))
        }
    }

    private func cells(of sheet: SheetInfo, in workbook: Workbook) throws -> [CellAddress: CellState] {
        var cells: [CellAddress: CellState] = [:]
        try workbook.readRows(of: sheet) { row in
            for cell in row.cells { cells[cell.address] = CellState(cell) }
        }
        // A cell the file lists with nothing in it and no style is no different from no cell.
        return cells.filter { !$0.value.isBlank }
    }

    private mutating func compareCells(
        _ before: [CellAddress: CellState],
        _ after: [CellAddress: CellState],
        sheet: String
    ) {
        let addresses = Set(before.keys).union(after.keys).sorted()
        for address in addresses {
            let old = before[address] ?? CellState()
            let new = after[address] ?? CellState()
            guard old.differs(from: new) else { continue }
            cells.append(
                CellChange(
                    sheet: sheet,
                    cell: CellAddress.columnName(address.column) + String(address.row),
                    row: address.row,
                    column: address.column,
                    original: old,
                    filled: new
                )
            )
        }
    }

    // MARK: CSV

    /// Compares two CSV files: dialect, cells, and the bytes of records whose values agree.
    mutating func compareCSV(_ before: Workbook, _ after: Workbook) throws {
        guard let beforeSheet = before.sheets.first, let afterSheet = after.sheets.first else { return }
        compareCells(
            try cells(of: beforeSheet, in: before),
            try cells(of: afterSheet, in: after),
            sheet: beforeSheet.name
        )

        let old = try CSVDocument(path: original)
        let new = try CSVDocument(path: filled)
        let properties: [(String, (CSVDialect) -> String)] = [
            ("encoding", { $0.encoding.rawValue }),
            ("byte-order mark", { $0.hasByteOrderMark ? "yes" : "no" }),
            ("delimiter", { $0.delimiterName }),
            ("line ends", { $0.lineEnding.rawValue }),
            ("line end after the last record", { $0.endsWithLineBreak ? "yes" : "no" }),
        ]
        for (name, property) in properties where property(old.dialect) != property(new.dialect) {
            dialect.append(
                DialectChange(property: name, original: property(old.dialect), filled: property(new.dialect))
            )
        }

        let rowsWithCellChanges = Set(cells.map(\.row))
        let oldRecords = old.records()
        let newRecords = new.records()
        let sameLineEnds = old.dialect.lineEnding == new.dialect.lineEnding
        for (index, (oldRecord, newRecord)) in zip(oldRecords, newRecords).enumerated()
        where !rowsWithCellChanges.contains(index + 1) {
            let oldFields = old.text[oldRecord.range.lowerBound..<oldRecord.lineBreak.lowerBound]
            let newFields = new.text[newRecord.range.lowerBound..<newRecord.lineBreak.lowerBound]
            let lineBreaksDiffer = !old.text[oldRecord.lineBreak].elementsEqual(new.text[newRecord.lineBreak])
            if !oldFields.elementsEqual(newFields) || (lineBreaksDiffer && sameLineEnds) {
                records.append(RecordChange(record: index + 1, change: "written differently"))
            }
        }
        for index in newRecords.count..<max(oldRecords.count, newRecords.count) {
            records.append(RecordChange(record: index + 1, change: "removed"))
        }
        for index in oldRecords.count..<max(oldRecords.count, newRecords.count) {
            records.append(RecordChange(record: index + 1, change: "added"))
        }
    }

    // MARK: Output

    var summary: String {
        let verb = cells.count == 1 ? "differs" : "differ"
        var clauses: [String] = []
        if format == "csv" {
            clauses.append("\(counted(cells.count, "cell")) \(verb) in \(counted(Set(cells.map(\.row)).count, "row"))")
            let rewritten = records.filter { $0.change == "written differently" }.count
            if rewritten > 0 {
                let verb = rewritten == 1 ? "is" : "are"
                clauses.append("\(counted(rewritten, "record")) with the same values \(verb) written differently")
            }
            let extra = records.count - rewritten
            if extra > 0 { clauses.append("\(counted(extra, "record")) \(extra == 1 ? "is" : "are") only in one file") }
            if !dialect.isEmpty {
                let properties = dialect.map(\.property).joined(separator: ", ")
                clauses.append("the \(properties) \(dialect.count == 1 ? "differs" : "differ")")
            }
        } else {
            clauses.append("\(counted(cells.count, "cell")) \(verb) in \(counted(parts.count, "part"))")
            if !sheets.isEmpty {
                clauses.append(
                    "\(counted(sheets.count, "sheet")) \(sheets.count == 1 ? "is" : "are") only in one workbook"
                )
            }
        }
        return (clauses + ["everything else is identical"]).joined(separator: "; ")
    }

    func text() -> String {
        var lines: [String] = []
        for change in dialect {
            lines.append("\(change.property): \(change.original) → \(change.filled)")
        }
        for part in parts {
            switch (part.original, part.filled) {
            case (let old?, let new?):
                let sizes = old.size == new.size ? "\(old.size) bytes" : "\(old.size) → \(new.size) bytes"
                lines.append("part \(part.name): changed (\(sizes), CRC-32 \(old.crc32) → \(new.crc32))")
            case (let old?, nil):
                lines.append("part \(part.name): only in \(original) (\(old.size) bytes)")
            case (nil, let new?):
                lines.append("part \(part.name): only in \(filled) (\(new.size) bytes)")
            case (nil, nil):
                break
            }
        }
        for sheet in sheets {
            let file = sheet.change == "added" ? filled : original
            let name = CellAddress.sheetPrefix(sheet.name)
            lines.append("sheet \(name): only in \(file) (\(counted(sheet.cells, "cell")))")
        }
        for change in cells {
            var line = "cell \(CellAddress.sheetPrefix(change.sheet))!\(change.cell): "
            line += "\(change.original.summary) → \(change.filled.summary)"
            if change.original.stylesDiffer(from: change.filled) {
                line += " [style \(change.original.style) → \(change.filled.style)]"
            }
            lines.append(line)
        }
        for record in records {
            switch record.change {
            case "removed": lines.append("record \(record.record): only in \(original)")
            case "added": lines.append("record \(record.record): only in \(filled)")
            default: lines.append("record \(record.record): the same values, written differently")
            }
        }
        lines.append(summary)
        return lines.joined(separator: "\n") + "\n"
    }
}

/// A CRC-32 as `0x` and eight hex digits.
private func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16)
    return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
}
