import Spreadsheet

/// How `quire cat` prints what it read.
public enum CatFormat: String, Sendable, CaseIterable {
    /// One line per cell: reference, type, value (and formula), under a heading per sheet.
    case text
    /// One JSON document with every sheet and typed cell (Schemas/cat.schema.json).
    case json
    /// One sheet as RFC 4180 CSV: every row and column from A1 to the last used cell.
    case csv
    /// Reads and types every cell and prints only counts per sheet and type.
    case count
}

/// Prints a spreadsheet's cells in one of the ``CatFormat``s.
///
/// Output is spooled and delivered only when the whole file has been read, so an error part-way
/// never leaves half an output behind.
/// - Parameters:
///   - path: The XLSX, XLSM or CSV file.
///   - sheetName: The one sheet to print; all sheets when `nil` (CSV output needs one sheet,
///     unless the file has only one).
///   - format: The output format.
///   - destination: Standard output, or a file written atomically.
/// - Throws: ``SpreadsheetError`` for unreadable input, ``PipelineError`` for usage and output
///   problems.
public func catSpreadsheet(
    path: String,
    sheetName: String?,
    format: CatFormat,
    destination: OutputDestination = .standardOutput
) throws {
    let workbook = try Workbook(path: path)
    var sheets = workbook.sheets
    if let sheetName { sheets = [try workbook.sheet(named: sheetName)] }
    let spool = Spool()
    var output = OutputBuffer(spool: spool)
    switch format {
    case .csv:
        guard sheets.count == 1, let sheet = sheets.first else {
            throw PipelineError.usage(
                "\(path): CSV output prints one sheet; name it with --sheet (the sheets are: "
                    + workbook.sheets.map { "\"\($0.name)\"" }.joined(separator: ", ") + ")"
            )
        }
        // The rows are spooled already (the width is known only at the end); they are padded
        // on their way to the destination rather than spooled a second time.
        let (rowSpool, index) = try spoolCSVRows(workbook, sheet)
        try destination.write { descriptor, name in
            var direct = OutputBuffer { try writeAll(descriptor, $0, path: name) }
            try rowSpool.flushRecords(index, into: &direct)
            try direct.flush()
        }
        return
    case .json:
        try writeJSON(workbook, sheets, &output)
    case .text:
        try writeText(workbook, sheets, &output)
    case .count:
        try writeCounts(workbook, sheets, &output)
    }
    try output.flush()
    try spool.deliver(to: destination)
}

private func writeJSON(_ workbook: Workbook, _ sheets: [SheetInfo], _ output: inout OutputBuffer) throws {
    output.append("{\"file\":")
    output.appendJSONString(workbook.path)
    output.append(",\"format\":\"\(workbook.format.rawValue)\",\"sheets\":[")
    for (number, sheet) in sheets.enumerated() {
        if number > 0 { output.append(byte: UInt8(ascii: ",")) }
        output.append("\n{\"name\":")
        output.appendJSONString(sheet.name)
        output.append(",\"index\":\(sheet.index),\"visibility\":\"\(sheet.visibility.rawValue)\",\"cells\":[")
        var first = true
        try workbook.readRows(of: sheet) { row in
            for cell in row.cells {
                output.append(first ? "\n{\"ref\":\"" : ",\n{\"ref\":\"")
                first = false
                output.append(cell.address.a1)
                output.append("\",\"type\":\"\(cell.value.typeName)\"")
                switch cell.value {
                case .empty:
                    break
                case .number(let number):
                    output.append(",\"value\":")
                    output.append(formatNumber(number))
                case .boolean(let flag):
                    output.append(flag ? ",\"value\":true" : ",\"value\":false")
                case .string, .date, .error:
                    output.append(",\"value\":")
                    output.appendJSONString(cell.value.text)
                }
                if let formula = cell.formula {
                    output.append(",\"formula\":")
                    output.appendJSONString(formula)
                }
                output.append(byte: UInt8(ascii: "}"))
            }
            try output.flushIfLarge()
        }
        output.append("]}")
    }
    output.append("\n]}\n")
}

private func writeText(_ workbook: Workbook, _ sheets: [SheetInfo], _ output: inout OutputBuffer) throws {
    for sheet in sheets {
        output.append("# \(sheet.name) (\(sheet.visibility.rawValue))\n")
        try workbook.readRows(of: sheet) { row in
            for cell in row.cells {
                output.append(cell.address.a1)
                output.append("\t\(cell.value.typeName)\t")
                output.append(escapedForText(cell.value.text))
                if let formula = cell.formula {
                    output.append("\t=")
                    output.append(escapedForText(formula))
                }
                output.append(byte: 0x0A)
            }
            try output.flushIfLarge()
        }
    }
}

/// Escapes backslashes, tabs and line breaks so that each cell stays on one line.
private func escapedForText(_ text: String) -> String {
    guard text.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return text }
    var result = ""
    for character in text.unicodeScalars {
        switch character {
        case "\\": result += "\\\\"
        case "\t": result += "\\t"
        case "\n": result += "\\n"
        case "\r": result += "\\r"
        default: result.unicodeScalars.append(character)
        }
    }
    return result
}

private func writeCounts(_ workbook: Workbook, _ sheets: [SheetInfo], _ output: inout OutputBuffer) throws {
    for sheet in sheets {
        // Counted by position rather than in a dictionary: this loop runs once per cell.
        let typeNames = ["boolean", "date", "empty", "error", "number", "string"]
        var counts = [Int](repeating: 0, count: typeNames.count)
        var formulas = 0
        let metadata = try workbook.readRows(of: sheet) { row in
            for cell in row.cells {
                switch cell.value {
                case .boolean: counts[0] += 1
                case .date: counts[1] += 1
                case .empty: counts[2] += 1
                case .error: counts[3] += 1
                case .number: counts[4] += 1
                case .string: counts[5] += 1
                }
                if cell.formula != nil { formulas += 1 }
            }
        }
        let byType = Dictionary(uniqueKeysWithValues: zip(typeNames, counts)).filter { $0.value > 0 }
        var detail = byType.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
        if formulas > 0 { detail.append(counted(formulas, "formula")) }
        output.append(
            "\(sheet.name): \(counted(metadata.rowCount, "row")), \(counted(metadata.cellCount, "cell"))"
                + (detail.isEmpty ? "" : " (\(detail.joined(separator: ", ")))")
                + ", used range \(metadata.usedRange?.a1 ?? "none")\n"
        )
    }
}

/// "1 row", "2 rows".
func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}

/// Prints a sheet as CSV from A1 to the last row and column that hold a value.
///
/// The width is known only at the end, so each row is written without its trailing empty
/// fields and padded when the spooled rows are copied out.
private func spoolCSVRows(_ workbook: Workbook, _ sheet: SheetInfo) throws -> (Spool, RowSpoolIndex) {
    let writer = CSVWriter()
    let rowSpool = Spool()
    var rows = RowSpoolIndex()
    var line: [UInt8] = []
    line.reserveCapacity(4096)
    try workbook.readRows(of: sheet) { row in
        let width = row.lastValueColumn
        guard width > 0 else { return }
        line.removeAll(keepingCapacity: true)
        var column = 1
        for cell in row.cells where cell.address.column <= width {
            while column < cell.address.column {
                line.append(writer.delimiter)
                column += 1
            }
            if case .string(let text) = cell.value {
                writer.appendField(text, to: &line)
            } else {
                // Numbers, dates, booleans and error codes never need quotes.
                cell.value.appendText(to: &line)
                line.append(writer.delimiter)
            }
            column += 1
        }
        line.removeLast()  // the delimiter appendField put after the last field
        try line.withUnsafeBytes { try rowSpool.append($0) }
        rows.append(row: row.index, width: width, length: line.count)
    }
    let size = rows.paddedSize
    guard size <= maxCSVOutputSize else {
        throw SpreadsheetError.limitExceeded(
            path: workbook.path,
            entry: sheet.name,
            reason: "as CSV the sheet would take \(size) bytes (\(rows.lastRow) rows padded to \(rows.maxWidth) "
                + "columns), more than the limit of \(maxCSVOutputSize); print it with --format json or text"
        )
    }
    return (rowSpool, rows)
}

/// The largest CSV text `cat` writes; a sheet with one cell at A1 and one at XFD1048576 would
/// otherwise pad out to 17 GB of commas.
let maxCSVOutputSize: Int64 = 1 << 30

/// Where each spooled CSV row starts and how wide it is.
private struct RowSpoolIndex {
    var rowNumbers: [Int32] = []
    var widths: [Int32] = []
    var lengths: [Int32] = []
    var maxWidth = 0
    var lastRow = 0
    var totalLength: Int64 = 0

    mutating func append(row: Int, width: Int, length: Int) {
        rowNumbers.append(Int32(row))
        widths.append(Int32(width))
        lengths.append(Int32(length))
        maxWidth = max(maxWidth, width)
        lastRow = max(lastRow, row)
        totalLength += Int64(length)
    }

    /// The bytes the padded CSV will take: every row from 1 to the last, each padded to the
    /// widest row's field count, with CRLF line ends.
    var paddedSize: Int64 {
        let rowsWithValues = Int64(widths.count)
        let padding = widths.reduce(Int64(0)) { $0 + Int64(maxWidth) - Int64($1) }
        let gapRows = max(Int64(lastRow) - rowsWithValues, 0)
        return totalLength + padding + 2 * rowsWithValues + gapRows * Int64(maxWidth + 1)
    }
}

extension Spool {
    /// Copies the rows back out, padded to the widest row, with empty rows for gaps.
    fileprivate func flushRecords(_ index: RowSpoolIndex, into output: inout OutputBuffer) throws {
        let width = index.maxWidth
        let emptyRow = [UInt8](repeating: UInt8(ascii: ","), count: max(width - 1, 0)) + [0x0D, 0x0A]
        var previousRow = 0
        var record = 0
        var pending: [UInt8] = []
        try readBack { chunk in
            pending.append(contentsOf: chunk)
            var consumed = 0
            while record < index.rowNumbers.count, pending.count - consumed >= Int(index.lengths[record]) {
                let rowNumber = Int(index.rowNumbers[record])
                if rowNumber > previousRow + 1 {
                    for _ in (previousRow + 1)..<rowNumber {
                        output.bytes.append(contentsOf: emptyRow)
                        try output.flushIfLarge()
                    }
                }
                previousRow = max(previousRow, rowNumber)
                let length = Int(index.lengths[record])
                output.bytes.append(contentsOf: pending[consumed..<(consumed + length)])
                for _ in 0..<(width - Int(index.widths[record])) { output.bytes.append(UInt8(ascii: ",")) }
                output.bytes.append(contentsOf: [0x0D, 0x0A])
                consumed += length
                record += 1
                try output.flushIfLarge()
            }
            pending.removeFirst(consumed)
        }
    }
}
