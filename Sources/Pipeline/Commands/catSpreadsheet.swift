import Reports
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

/// `quire cat`: prints a spreadsheet's cells in one of the ``CatFormat``s.
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
        let lines = try spoolCSVRows(workbook, sheet)
        try destination.write { descriptor, name in try lines.deliver(to: descriptor, name: name) }
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
    let formats = try workbook.numberFormats()
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
                if let shown = shownText(cell, formats) {
                    output.append(",\"shown\":")
                    output.appendJSONString(shown)
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
    let formats = try workbook.numberFormats()
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
                if let shown = shownText(cell, formats) {
                    output.append("\tshown ")
                    output.append(escapedForText(shown))
                }
                output.append(byte: 0x0A)
            }
            try output.flushIfLarge()
        }
    }
}

/// What a spreadsheet program shows for a cell under its number format, when that differs from
/// the value's own text.
private func shownText(_ cell: Cell, _ formats: [Int: NumberFormat]) -> String? {
    guard let format = formats[cell.styleIndex], let shown = format.display(cell.value), shown != cell.value.text
    else { return nil }
    return shown
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

/// Spools a sheet as CSV lines from A1 to the last row and column that hold a value.
private func spoolCSVRows(_ workbook: Workbook, _ sheet: SheetInfo) throws -> CSVSheetSpool {
    let lines = CSVSheetSpool(path: workbook.path, sheet: sheet.name)
    try workbook.readRows(of: sheet) { row in try lines.add(row) }
    return lines
}

/// The largest CSV text `cat` writes; a sheet with one cell at A1 and one at XFD1048576 would
/// otherwise pad out to 17 GB of commas.
let maxCSVOutputSize: Int64 = 1 << 30

/// One sheet's CSV lines, spooled as the rows arrive and padded to the widest row so far.
///
/// The width of the finished table is known only after the last row. Lines are therefore padded
/// to the widest row seen when they are written, and empty lines stand for rows without values.
/// Most sheets reach their full width at the header, so at the end only the lines before it need
/// more commas; everything after is copied out as it is, by the kernel where it can.
final class CSVSheetSpool {
    private let spool = Spool()
    private let writer = CSVWriter()
    private let path: String
    private let sheet: String
    /// Per line: the field count it was padded to, and its bytes with CRLF.
    @exclusivity(unchecked) private var paddedWidths: [Int32] = []
    @exclusivity(unchecked) private var lengths: [Int32] = []
    /// The widest row so far, in fields.
    @exclusivity(unchecked) private(set) var width = 0
    @exclusivity(unchecked) private var lastRow = 0
    /// The size of the final text if no wider row came.
    @exclusivity(unchecked) private var projectedSize: Int64 = 0
    @exclusivity(unchecked) private var line: [UInt8] = []

    init(path: String, sheet: String) {
        self.path = path
        self.sheet = sheet
        line.reserveCapacity(4096)
    }

    /// Adds a row's line, and empty lines for the rows skipped before it.
    func add(_ row: Row) throws {
        let rowWidth = row.lastValueColumn
        guard rowWidth > 0 else { return }
        if rowWidth > width {
            projectedSize += Int64(rowWidth - width) * Int64(lengths.count)
            width = rowWidth
        }
        if row.index > lastRow + 1 {
            let gaps = row.index - lastRow - 1
            try checkSize(adding: Int64(gaps) * Int64(width + 1))
            line.removeAll(keepingCapacity: true)
            line.append(contentsOf: repeatElement(writer.delimiter, count: width - 1))
            line.append(contentsOf: [0x0D, 0x0A])
            for _ in 0..<gaps { try append(line) }
        }
        lastRow = max(lastRow, row.index)
        line.removeAll(keepingCapacity: true)
        var column = 1
        for cell in row.cells where cell.address.column <= rowWidth {
            while column < cell.address.column {
                line.append(writer.delimiter)
                column += 1
            }
            if case .string(let text) = cell.value {
                // A text cell a spreadsheet program would run as a formula is defused.
                writer.appendField(CSVWriter.defused(text), to: &line)
            } else {
                // Numbers, dates, booleans and error codes never need quotes.
                cell.value.appendText(to: &line)
                line.append(writer.delimiter)
            }
            column += 1
        }
        line.removeLast()  // the delimiter after the last field
        line.append(contentsOf: repeatElement(writer.delimiter, count: width - rowWidth))
        line.append(contentsOf: [0x0D, 0x0A])
        try checkSize(adding: Int64(line.count))
        try append(line)
    }

    private func append(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try spool.append($0) }
        paddedWidths.append(Int32(width))
        lengths.append(Int32(bytes.count))
        projectedSize += Int64(bytes.count)
    }

    private func checkSize(adding bytes: Int64) throws {
        let size = projectedSize + bytes
        guard size <= maxCSVOutputSize else {
            throw SpreadsheetError.limitExceeded(
                path: path,
                entry: sheet,
                reason:
                    "as CSV the sheet would take more than \(maxCSVOutputSize) bytes (\(max(lastRow, lengths.count)) "
                    + "rows padded to \(width) columns); print it with --format json or text"
            )
        }
    }

    /// Writes the finished table: the lines written before the table reached its full width get
    /// the commas they lack; the rest is copied as it is.
    func deliver(to descriptor: Int32, name: String) throws {
        var settled = paddedWidths.count
        while settled > 0, paddedWidths[settled - 1] == Int32(width) { settled -= 1 }
        let prefixBytes = lengths[0..<settled].reduce(Int64(0)) { $0 + Int64($1) }
        var output = OutputBuffer { try writeAll(descriptor, $0, path: name) }
        var record = 0
        var pending: [UInt8] = []
        try spool.readBack(from: 0, to: prefixBytes) { chunk in
            pending.append(contentsOf: chunk)
            var consumed = 0
            while record < settled, pending.count - consumed >= Int(lengths[record]) {
                let length = Int(lengths[record])
                output.bytes.append(contentsOf: pending[consumed..<(consumed + length - 2)])
                output.bytes.append(
                    contentsOf: repeatElement(writer.delimiter, count: width - Int(paddedWidths[record]))
                )
                output.bytes.append(contentsOf: [0x0D, 0x0A])
                consumed += length
                record += 1
                try output.flushIfLarge()
            }
            pending.removeFirst(consumed)
        }
        try output.flush()
        try spool.copy(to: descriptor, path: name, from: prefixBytes)
    }
}
