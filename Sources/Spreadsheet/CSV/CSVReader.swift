/// Reads a CSV file as rows of text cells, streaming it in chunks.
///
/// - Format: RFC 4180 with quoted delimiters, doubled quotes and line breaks inside quotes; records
///   end with CRLF, LF or a lone CR, mixed freely; the last record needs no line break; records
///   may have different numbers of fields. The lenient rules for stray quotes are on
///   ``CSVRecordParser``.
/// - Delimiter: comma, semicolon, tab or pipe, sniffed from the first 64 KiB
///   (``sniffCSVDelimiter(in:isWholeFile:)``).
/// - Encoding: UTF-8 with or without a byte-order mark; UTF-16 with a byte-order mark (Excel's
///   "Unicode text"); Windows-1252 when the file is not UTF-8 and nothing in it reads as UTF-8.
///   Anything else is refused with the line and column of the first byte that does not fit.
/// - Memory: one chunk (1 MiB) plus the record being read, never the whole file.
struct CSVReader {
    /// How many bytes are read from the file at a time.
    static let chunkSize = 1 << 20
    /// How many bytes at the start of the file the delimiter is sniffed from.
    static let sniffSampleSize = 64 << 10

    /// Streams the CSV file's records as rows.
    ///
    /// Cells are `.string(text)` for non-empty fields; empty fields are left out, so rows are
    /// sparse, and records with no non-empty field are not delivered. A row's index is its 1-based
    /// record number (a line break inside quotes does not start a record; blank lines count); a
    /// cell's column is its 1-based field number. Errors name the line (counting every line break,
    /// quoted ones too) and the column (counting characters).
    /// - Parameters:
    ///   - path: The file to read.
    ///   - limits: ``ReadLimits/maxCSVFieldSize`` and ``ReadLimits/maxCSVRecordSize`` apply, as do
    ///     the sheet's bounds (1,048,576 rows, 16,384 columns).
    ///   - body: Called with each row in file order. Keeping the row is safe (it is a value); when it
    ///     is not kept, its cell storage is reused for the next row.
    /// - Returns: The used range (A1 to the last row and column delivered) and the row and cell
    ///   counts.
    /// - Throws: ``SpreadsheetError`` (`fileNotFound`, `io`, `malformedCSV`, `unsupportedFormat`,
    ///   `limitExceeded`), or what `body` throws.
    static func readRows(path: String, limits: ReadLimits, _ body: (Row) throws -> Void) throws -> SheetMetadata {
        try readRows(path: path, limits: limits, chunkSize: chunkSize, body)
    }

    /// Streams rows as ``readRows(path:limits:_:)`` does, reading `chunkSize` bytes at a time; tests
    /// use small chunks to put chunk boundaries everywhere.
    static func readRows(
        path: String,
        limits: ReadLimits,
        chunkSize: Int,
        _ body: (Row) throws -> Void
    ) throws -> SheetMetadata {
        precondition(chunkSize > 0, "chunk size must be positive")
        let file = try CSVFile(path: path)
        let sample = try file.bytes(at: 0, upTo: sniffSampleSize)
        let (encoding, byteOrderMarkLength) = CSVEncoding.detect(prefix: sample)
        let delimiter = sniffCSVDelimiter(
            in: encoding.asciiProjection(of: sample[byteOrderMarkLength...]),
            isWholeFile: sample.count < sniffSampleSize
        )
        var text = CSVText(file: file, encoding: encoding, offset: Int64(byteOrderMarkLength), chunkSize: chunkSize)
        var parser = CSVRecordParser(path: path, delimiter: delimiter, limits: limits)

        while true {
            let isFinal = text.isComplete
            let ready = text.ready
            let start = text.start
            let progress = try text.bytes.withUnsafeBufferPointer { buffer in
                try parser.parse(UnsafeBufferPointer(rebasing: buffer[..<ready]), from: start, isFinal: isFinal, body)
            }
            text.start = progress.recordStart
            if isFinal { break }
            if let stop = text.stop {
                var verdict = Windows1252.Verdict.holdsUTF8
                if case .invalidUTF8 = stop {
                    verdict = try text.fallBackToWindows1252()
                    if verdict == .plausible { continue }
                }
                let (line, column) = location(of: ready, in: text, parser: parser)
                throw decodingError(stop, verdict: verdict, path: path, line: line, column: column)
            }
            // The record still open must stay within the limits before more of it is read.
            try text.bytes.withUnsafeBufferPointer { (buffer) throws(SpreadsheetError) in
                guard let base = buffer.baseAddress else { return }
                try parser.checkLimits(
                    recordStart: base + progress.recordStart,
                    fieldStart: progress.fieldStart.map { base + $0 },
                    end: base + progress.recordStart + progress.recordLength
                )
            }
            try text.refill()
        }

        var metadata = SheetMetadata(rowCount: parser.rowCount, cellCount: parser.cellCount)
        if parser.rowCount > 0 {
            metadata.usedRange = CellRange(
                CellAddress(row: 1, column: 1),
                CellAddress(row: parser.lastRow, column: parser.lastColumn)
            )
        }
        return metadata
    }

    /// The line and column of an offset in the unfinished record at the start of `text`.
    private static func location(of offset: Int, in text: CSVText, parser: CSVRecordParser) -> (line: Int, column: Int)
    {
        text.bytes.withUnsafeBufferPointer { buffer in
            parser.location(ofOffset: offset, recordStart: text.start, in: buffer)
        }
    }

    /// The error for text that could not be decoded, with advice that fits the cause.
    static func decodingError(
        _ stop: CSVDecodingStop,
        verdict: Windows1252.Verdict,
        path: String,
        line: Int,
        column: Int
    ) -> SpreadsheetError {
        let resave = "re-save the file as UTF-8 (in Excel: File > Save As > CSV UTF-8)"
        switch stop {
        case .nul:
            return .unsupportedFormat(
                path: path,
                reason: "line \(line), column \(column): NUL byte: this looks like a binary file, not CSV text "
                    + "(or UTF-16 text without a byte-order mark); save it from your spreadsheet program as "
                    + "CSV UTF-8, or if it is an .xlsx workbook, give it the .xlsx extension"
            )
        case .invalidUTF8(let byte):
            let why =
                verdict == .holdsUndefinedByte
                ? "and the file is not Windows-1252 text either (it has bytes that encoding leaves undefined)"
                : "yet other text in the file is UTF-8, so the file mixes encodings"
            return .malformedCSV(
                path: path,
                line: line,
                column: column,
                reason: "byte \(hex(byte)) is not valid UTF-8 (the column counts characters), \(why); \(resave)"
            )
        case .unpairedSurrogate(let unit):
            return .malformedCSV(
                path: path,
                line: line,
                column: column,
                reason: "UTF-16 surrogate \(hex(unit)) has no partner (the column counts characters); "
                    + "the text is damaged: \(resave)"
            )
        case .truncatedUTF16:
            return .malformedCSV(
                path: path,
                line: line,
                column: column,
                reason: "the file ends in the middle of a UTF-16 character (it has an odd number of bytes); "
                    + "it may be cut short: \(resave)"
            )
        }
    }

    private static func hex(_ value: some FixedWidthInteger) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        let width = value.bitWidth / 4
        return "0x" + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
