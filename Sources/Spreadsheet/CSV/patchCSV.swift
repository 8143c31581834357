/// What patching a CSV file did, cell by cell.
public struct CSVPatchReport: Sendable, Hashable {
    /// The cells written.
    public var written: [CellAddress] = []
    /// Cells that already held exactly the text, so were left as they were.
    public var unchanged: [CellAddress] = []
    /// Cells not written, each with the reason.
    public var refused: [CellAddress: CSVCellRefusal] = [:]

    /// An empty report.
    public init() {}
}

/// Why a cell of a CSV file was not written.
public enum CSVCellRefusal: Sendable, Hashable, CustomStringConvertible {
    /// The cell's row is past the file's last record (the count of records).
    case pastLastRecord(records: Int)
    /// The text holds characters the file's encoding cannot hold (the first few of them).
    case unencodable(characters: [Character], encoding: CSVDialect.Encoding)

    /// The reason in a phrase, with what to do.
    public var description: String {
        switch self {
        case .pastLastRecord(let records):
            return "it is past the file's last record (\(records))"
        case .unencodable(let characters, let encoding):
            let shown = characters.map { "\"\($0)\"" }.joined(separator: ", ")
            return "the text holds characters \(encoding.rawValue) cannot encode (\(shown)): re-save the file as "
                + "CSV UTF-8 to allow them"
        }
    }
}

/// Writes text into cells of a copy of a CSV file and returns the copy's bytes, keeping the
/// file's dialect and every byte it does not have to change: the CSV counterpart of
/// ``patchWorkbook(path:edits:)``.
///
/// `edits` maps the sheet name (the file's base name, compared without regard to case) to cells
/// and their text. Records that get no text are copied byte for byte; in a record that does, the
/// other fields keep their exact text (quotes included) and only the written fields are quoted
/// as needed, so the line ends, delimiter, encoding (UTF-8 with or without a byte-order mark,
/// UTF-16, Windows-1252) and final line end stay as they were. A record shorter than a written
/// column gets empty fields up to it. Text is written as text: what a spreadsheet program would
/// run as a formula goes after an apostrophe (``CSVWriter/defused(_:)``). A cell that already
/// holds exactly the text is left alone.
///
/// A cell past the last record, or text the encoding cannot hold, is refused and reported; the
/// rest is written.
/// - Throws: ``SpreadsheetError`` when the file cannot be read (malformed rows are reported with
///   line and column) or a sheet other than the file's is named (`sheetNotFound`); `cannotPatch`
///   when the copy would no longer read with the original's delimiter (possible only in files
///   whose records have too few fields to tell) — nothing is returned then.
public func patchCSV(path: String, edits: [String: [CellAddress: String]]) throws -> (
    bytes: [UInt8], report: CSVPatchReport
) {
    // Reading every row first reports a malformed file with its line and column, as `quire cat` does.
    let workbook = try Workbook(path: path)
    guard workbook.format == .csv, let sheet = workbook.sheets.first else {
        throw SpreadsheetError.unsupportedFormat(
            path: path,
            reason: "is an \(workbook.format.rawValue.uppercased()) workbook, not CSV; it is filled by patching the "
                + "workbook"
        )
    }
    for name in edits.keys where !(edits[name]?.isEmpty ?? true) { _ = try workbook.sheet(named: name) }
    try workbook.readRows(of: sheet) { _ in }
    let document = try CSVDocument(path: path)
    let records = document.records()

    var report = CSVPatchReport()
    var changes: [Int: [Int: String]] = [:]
    let cells = edits.values.reduce(into: [CellAddress: String]()) { $0.merge($1) { first, _ in first } }
    for (address, text) in cells.sorted(by: { $0.key < $1.key }) {
        let text = CSVWriter.defused(text)
        guard address.row <= records.count else {
            report.refused[address] = .pastLastRecord(records: records.count)
            continue
        }
        guard document.dialect.canEncode(text) else {
            var seen: [Character] = []
            for character in text where !document.dialect.canEncode(String(character)) && !seen.contains(character) {
                seen.append(character)
            }
            report.refused[address] = .unencodable(
                characters: Array(seen.prefix(5)),
                encoding: document.dialect.encoding
            )
            continue
        }
        let record = records[address.row - 1]
        let current =
            address.column <= record.fields.count ? document.value(of: record.fields[address.column - 1]) : ""
        if current == text {
            report.unchanged.append(address)
            continue
        }
        changes[address.row - 1, default: [:]][address.column] = text
        report.written.append(address)
    }

    guard let bytes = document.dialect.encode(render(document, records: records, changes: changes)) else {
        // Every written field was checked; untouched text decodes and encodes back exactly.
        throw SpreadsheetError.cannotPatch(
            path: path,
            reason: "the text cannot be written in \(document.dialect.encoding.rawValue)"
        )
    }
    // The delimiter is sniffed from the text, so the copy must still read as the original does.
    guard CSVDialect.sniffDelimiter(fileBytes: bytes) == document.dialect.delimiter else {
        let name = document.dialect.delimiter == 0x09 ? "tab" : "\"\(document.dialect.delimiterName)\""
        throw SpreadsheetError.cannotPatch(
            path: path,
            reason: "with the answers written in, the copy would no longer read as \(name)-delimited (its records "
                + "have too few fields to tell); nothing was written: enter the answers by hand, or save the "
                + "questionnaire as XLSX and fill that"
        )
    }
    return (bytes, report)
}

/// The document's text (UTF-8) with the changed fields written in.
private func render(_ document: CSVDocument, records: [CSVRecordSpan], changes: [Int: [Int: String]]) -> [UInt8] {
    let text = document.text
    let delimiter = document.dialect.delimiter
    var output: [UInt8] = []
    output.reserveCapacity(text.count + changes.values.reduce(0) { $0 + $1.values.reduce(0) { $0 + $1.utf8.count } })
    var cursor = 0
    for index in changes.keys.sorted() {
        guard let fields = changes[index] else { continue }
        let record = records[index]
        output.append(contentsOf: text[cursor..<record.range.lowerBound])
        let lastColumn = max(record.fields.count, fields.keys.max() ?? 0)
        for column in 1...lastColumn {
            if column > 1 { output.append(delimiter) }
            if let change = fields[column] {
                appendField(change, delimiter: delimiter, to: &output)
            } else if column <= record.fields.count {
                output.append(contentsOf: text[record.fields[column - 1]])
            }
        }
        output.append(contentsOf: text[record.lineBreak])
        cursor = record.range.upperBound
    }
    output.append(contentsOf: text[cursor...])
    return output
}

/// Appends a field, in quotes when it holds the delimiter, a quote, a line break, a leading or
/// trailing space, or any other delimiter the reader might sniff (`,` `;` tab `|`): quoted text
/// never sways the sniffing, so the copy reads with the original's delimiter.
private func appendField(_ text: String, delimiter: UInt8, to output: inout [UInt8]) {
    let quote = UInt8(ascii: "\"")
    let special: [UInt8] = [
        delimiter, quote, 0x0D, 0x0A, UInt8(ascii: ","), UInt8(ascii: ";"), 0x09, UInt8(ascii: "|"),
    ]
    let bytes = Array(text.utf8)
    let space = UInt8(ascii: " ")
    guard bytes.contains(where: special.contains) || bytes.first == space || bytes.last == space else {
        output.append(contentsOf: bytes)
        return
    }
    output.append(quote)
    for byte in bytes {
        output.append(byte)
        if byte == quote { output.append(quote) }
    }
    output.append(quote)
}
