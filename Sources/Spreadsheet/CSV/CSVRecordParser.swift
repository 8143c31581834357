/// Splits validated UTF-8 text into records and fields and delivers them as rows.
///
/// The parser works on raw bytes and keeps no state inside a record: when the text ends before a
/// record does, it reports where that record began and parses it again from there once more text
/// has arrived. The cost is one record parsed twice per chunk.
///
/// Lenient rules, as Excel reads CSV:
/// - A quote inside a field that did not start with one is an ordinary character (`ab"c`).
/// - Text between a closing quote and the next delimiter is kept, appended to the quoted text
///   (`"ab"c,` is `abc`; `"ab" ,` is `ab `).
/// - Line breaks inside quotes are kept as they are (CR, LF or CRLF).
struct CSVRecordParser {
    /// How much of the text ``parse(_:from:isFinal:_:)`` used.
    struct Progress {
        /// Where the first record that was not delivered begins: all of the text if every record was.
        var recordStart: Int
        /// Where the field being read when the text ran out begins, if one was.
        var fieldStart: Int? = nil
        /// How many bytes of the unfinished record are read, not counting a CR at the very end.
        var recordLength = 0
    }

    let path: String
    let delimiter: UInt8
    let limits: ReadLimits

    /// The number of records read, blank ones included; the next record's number is one more.
    private(set) var recordCount = 0
    /// The line (counting every line break, quoted ones too) on which the next record begins.
    private(set) var line = 1
    /// The rows delivered, the cells in them, and the furthest column used.
    private(set) var rowCount = 0
    private(set) var cellCount = 0
    private(set) var lastRow = 0
    private(set) var lastColumn = 0

    private var row = Row(index: 0, cells: [])
    /// What each new cell starts as before its address and value are set in place: going through
    /// `Cell.init` per cell makes the optimizer copy the new cell, string and all, into the array.
    private let blankCell = Cell(address: CellAddress(row: 1, column: 1), value: .empty)
    private var scratch: [UInt8] = []

    /// Makes a parser for text split at `delimiter`.
    init(path: String, delimiter: UInt8, limits: ReadLimits) {
        self.path = path
        self.delimiter = delimiter
        self.limits = limits
    }

    /// Parses the records in `text[start...]`, calling `body` with each one that holds a value.
    ///
    /// - Parameters:
    ///   - text: Valid UTF-8 text.
    ///   - start: Where in `text` a record begins.
    ///   - isFinal: Whether the text runs to the end of the file; if not, a record is complete only
    ///     when its line break is in the text and, for CR, the byte after it too.
    ///   - body: Called with each row that holds a value.
    /// - Returns: Where the unfinished record begins, for the next call.
    /// - Throws: ``SpreadsheetError`` for an unterminated quote or a limit, or what `body` throws.
    mutating func parse(
        _ text: UnsafeBufferPointer<UInt8>,
        from start: Int,
        isFinal: Bool,
        _ body: (Row) throws -> Void
    ) throws -> Progress {
        guard let base = text.baseAddress else { return Progress(recordStart: start) }
        let end = base + text.count
        let delimiter = self.delimiter
        let quote = UInt8(ascii: "\"")
        let cr = UInt8(ascii: "\r")
        let lf = UInt8(ascii: "\n")
        let maxFieldSize = limits.maxCSVFieldSize
        let maxRecordSize = limits.maxCSVRecordSize
        var cursor = base + start
        let fieldEndSearch = CSVByteSearch(delimiter, cr, lf)
        let quotedSearch = CSVByteSearch(quote, cr, lf)

        while cursor < end {
            let recordStart = cursor
            let recordNumber = recordCount + 1
            var column = 0
            var quotedLineBreaks = 0
            row.cells.removeAll(keepingCapacity: true)

            fields: while true {
                column += 1
                let fieldStart = cursor
                // The field's text: `content` bytes of the file, or when joined, the scratch buffer.
                var content = cursor
                var contentCount = 0
                var isJoined = false
                if cursor < end && cursor.pointee == quote {
                    // Quoted field: find the closing quote, joining the pieces around doubled quotes.
                    var scan = cursor + 1
                    var piece = scan
                    while true {
                        while true {
                            scan = quotedSearch.firstMatch(from: scan, to: end)
                            if scan == end || scan.pointee == quote { break }
                            // A line break: CR counts unless LF follows, which then counts.
                            if scan.pointee == lf || scan + 1 == end || scan[1] != lf { quotedLineBreaks += 1 }
                            scan += 1
                        }
                        if scan == end {
                            guard isFinal else { return unfinished(recordStart, fieldStart, end, base) }
                            // The limits first, as they are when the file is read in smaller chunks.
                            try checkLimits(recordStart: recordStart, fieldStart: fieldStart, end: end)
                            throw unterminatedQuote(at: fieldStart, recordStart: recordStart)
                        }
                        if scan + 1 == end && !isFinal { return unfinished(recordStart, fieldStart, end, base) }
                        guard scan + 1 < end && scan[1] == quote else { break }
                        if !isJoined {
                            scratch.removeAll(keepingCapacity: true)
                            isJoined = true
                        }
                        scratch.append(contentsOf: UnsafeBufferPointer(start: piece, count: scan + 1 - piece))
                        scan += 2
                        piece = scan
                    }
                    let closingQuote = scan
                    scan += 1
                    // Lenient: text after the closing quote, up to the delimiter, is kept.
                    let trailing = scan
                    scan = fieldEndSearch.firstMatch(from: scan, to: end)
                    if isJoined || scan > trailing {
                        if !isJoined { scratch.removeAll(keepingCapacity: true) }
                        scratch.append(contentsOf: UnsafeBufferPointer(start: piece, count: closingQuote - piece))
                        scratch.append(contentsOf: UnsafeBufferPointer(start: trailing, count: scan - trailing))
                        isJoined = true
                        contentCount = scratch.count
                    } else {
                        content = piece
                        contentCount = closingQuote - piece
                    }
                    cursor = scan
                } else {
                    // Unquoted field: the common case.
                    cursor = fieldEndSearch.firstMatch(from: cursor, to: end)
                    contentCount = cursor - fieldStart
                }
                // Checked after each field, in the order the reader checks an unfinished record, so
                // the error does not depend on where chunks end.
                if cursor - recordStart > maxRecordSize || cursor - fieldStart > maxFieldSize {
                    try checkLimits(recordStart: recordStart, fieldStart: fieldStart, end: cursor)
                }
                if contentCount > 0 {
                    if column > CellAddress.maxColumn {
                        throw tooManyColumns(column, at: fieldStart, recordStart: recordStart)
                    }
                    // One String per field, straight from the bytes; they are valid UTF-8 already, so
                    // the decoder's own check (fast for ASCII) never repairs anything.
                    let text =
                        isJoined
                        ? String(decoding: scratch, as: UTF8.self)
                        : String(decoding: UnsafeBufferPointer(start: content, count: contentCount), as: UTF8.self)
                    row.cells.append(blankCell)
                    let last = row.cells.count - 1
                    row.cells[last].address = CellAddress(row: recordNumber, column: column)
                    row.cells[last].value = .string(text)
                }
                if cursor == end {
                    if isFinal { break fields }
                    return unfinished(recordStart, fieldStart, end, base)
                }
                let byte = cursor.pointee
                cursor += 1
                if byte == delimiter { continue fields }
                if byte == cr {
                    if cursor == end {
                        if !isFinal { return unfinished(recordStart, nil, cursor - 1, base) }
                    } else if cursor.pointee == lf {
                        cursor += 1
                    }
                }
                break fields
            }

            let cellsInRow = row.cells.count
            if cellsInRow > 0 && recordNumber > CellAddress.maxRow { throw tooManyRows() }
            recordCount = recordNumber
            line += 1 + quotedLineBreaks
            if cellsInRow > 0 {
                row.index = recordNumber
                rowCount += 1
                cellCount += cellsInRow
                lastRow = recordNumber
                lastColumn = max(lastColumn, row.cells[cellsInRow - 1].address.column)
                try body(row)
            }
        }
        row.cells.removeAll(keepingCapacity: true)
        return Progress(recordStart: cursor - base)
    }

    private mutating func unfinished(
        _ recordStart: UnsafePointer<UInt8>,
        _ fieldStart: UnsafePointer<UInt8>?,
        _ readEnd: UnsafePointer<UInt8>,
        _ base: UnsafePointer<UInt8>
    ) -> Progress {
        row.cells.removeAll(keepingCapacity: true)
        return Progress(
            recordStart: recordStart - base,
            fieldStart: fieldStart.map { $0 - base },
            recordLength: readEnd - recordStart
        )
    }

    /// Throws if the record, read up to `end`, or its field that starts at `fieldStart` is larger
    /// than the limits allow; the record is checked first.
    func checkLimits(
        recordStart: UnsafePointer<UInt8>,
        fieldStart: UnsafePointer<UInt8>?,
        end: UnsafePointer<UInt8>
    ) throws(SpreadsheetError) {
        if end - recordStart > limits.maxCSVRecordSize {
            throw Self.recordTooLarge(path: path, line: line, limit: limits.maxCSVRecordSize)
        }
        if let fieldStart, end - fieldStart > limits.maxCSVFieldSize {
            let (line, column) = location(of: fieldStart, recordStart: recordStart)
            throw Self.fieldTooLarge(path: path, line: line, column: column, limit: limits.maxCSVFieldSize)
        }
    }
}

// MARK: - Errors

extension CSVRecordParser {
    /// The line and column (counted in characters) of `target`, in a record that begins at the
    /// start of line ``line``.
    ///
    /// Only the record's own bytes are scanned, so this is cheap enough for error paths.
    func location(of target: UnsafePointer<UInt8>, recordStart: UnsafePointer<UInt8>) -> (line: Int, column: Int) {
        var line = self.line
        var column = 1
        var cursor = recordStart
        while cursor < target {
            let byte = cursor.pointee
            cursor += 1
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                if byte == UInt8(ascii: "\r"), cursor < target, cursor.pointee == UInt8(ascii: "\n") { cursor += 1 }
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    /// The line and column of `offset` in `text`, for a record that begins at `recordStart`.
    func location(ofOffset offset: Int, recordStart: Int, in text: UnsafeBufferPointer<UInt8>) -> (
        line: Int, column: Int
    ) {
        guard let base = text.baseAddress else { return (line, 1) }
        return location(of: base + offset, recordStart: base + recordStart)
    }

    func unterminatedQuote(at quote: UnsafePointer<UInt8>, recordStart: UnsafePointer<UInt8>) -> SpreadsheetError {
        let (line, column) = location(of: quote, recordStart: recordStart)
        return .malformedCSV(
            path: path,
            line: line,
            column: column,
            reason: "unterminated quoted field: the quote opened here is never closed; close it, "
                + "or write each quote inside the field as two (\"\")"
        )
    }

    static func fieldTooLarge(path: String, line: Int, column: Int, limit: Int) -> SpreadsheetError {
        .limitExceeded(
            path: path,
            entry: "line \(line), column \(column)",
            reason: "the field starting here is larger than \(limit) bytes; "
                + "a quote that is never closed makes the rest of the file one field",
            setting: .maxCSVFieldSize
        )
    }

    static func recordTooLarge(path: String, line: Int, limit: Int) -> SpreadsheetError {
        .limitExceeded(
            path: path,
            entry: "line \(line)",
            reason: "the record starting here is larger than \(limit) bytes",
            setting: .maxCSVRecordSize
        )
    }

    func tooManyColumns(_ column: Int, at fieldStart: UnsafePointer<UInt8>, recordStart: UnsafePointer<UInt8>)
        -> SpreadsheetError
    {
        let (line, characterColumn) = location(of: fieldStart, recordStart: recordStart)
        return .limitExceeded(
            path: path,
            entry: "line \(line), column \(characterColumn)",
            reason: "field \(column) of this record is past the last column a sheet can hold "
                + "(\(CellAddress.maxColumn), \(CellAddress.columnName(CellAddress.maxColumn)))"
        )
    }

    func tooManyRows() -> SpreadsheetError {
        .limitExceeded(
            path: path,
            entry: "line \(line)",
            reason: "record \(recordCount + 1) is past the last row a sheet can hold (\(CellAddress.maxRow))"
        )
    }
}
