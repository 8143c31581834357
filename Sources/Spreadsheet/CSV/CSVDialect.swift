/// How a CSV file is written: its encoding, byte-order mark, delimiter and line ends.
///
/// Found the way ``Workbook`` reads CSV (the same delimiter sniffing, the same Windows-1252
/// fallback), so a writer that keeps the dialect writes a file that reads back as the original did.
/// Read one with ``CSVDocument/init(path:limits:)``.
public struct CSVDialect: Sendable, Hashable, CustomStringConvertible {
    /// The text encodings Quire reads CSV in.
    public enum Encoding: String, Sendable, Hashable, Codable, CaseIterable {
        /// UTF-8, with or without a byte-order mark.
        case utf8 = "utf-8"
        /// UTF-16 little-endian, always with a byte-order mark (Excel's "Unicode text").
        case utf16LittleEndian = "utf-16le"
        /// UTF-16 big-endian, always with a byte-order mark.
        case utf16BigEndian = "utf-16be"
        /// Windows-1252 ("ANSI"), as Excel on Windows saves plain CSV.
        case windows1252 = "windows-1252"
    }

    /// How records end.
    public enum LineEnding: String, Sendable, Hashable, Codable, CaseIterable {
        /// CR LF, as Windows and RFC 4180 write.
        case crlf = "CRLF"
        /// LF alone.
        case lf = "LF"
        /// CR alone (classic Mac OS).
        case cr = "CR"

        /// The line end's characters.
        public var text: String {
            switch self {
            case .crlf: "\r\n"
            case .lf: "\n"
            case .cr: "\r"
            }
        }
    }

    /// The text encoding.
    public var encoding: Encoding
    /// Whether the file starts with a byte-order mark (always, for UTF-16).
    public var hasByteOrderMark: Bool
    /// The byte between fields: comma, semicolon, tab or pipe.
    public var delimiter: UInt8
    /// The line end after the first record (CRLF when no record ends with one).
    ///
    /// Files may mix line ends; a writer that copies records whole keeps each record's own.
    public var lineEnding: LineEnding
    /// Whether the last record ends with a line end.
    public var endsWithLineBreak: Bool

    /// Makes a dialect.
    public init(
        encoding: Encoding,
        hasByteOrderMark: Bool,
        delimiter: UInt8,
        lineEnding: LineEnding,
        endsWithLineBreak: Bool
    ) {
        self.encoding = encoding
        self.hasByteOrderMark = hasByteOrderMark
        self.delimiter = delimiter
        self.lineEnding = lineEnding
        self.endsWithLineBreak = endsWithLineBreak
    }

    /// The delimiter as people name it: `,`, `;`, `tab` or `|`.
    public var delimiterName: String {
        delimiter == 0x09 ? "tab" : String(decoding: [delimiter], as: UTF8.self)
    }

    /// The dialect in a phrase: `windows-1252, no byte-order mark, ";"-delimited, CRLF line ends`.
    public var description: String {
        let delimiterText = delimiter == 0x09 ? "tab" : "\"\(delimiterName)\""
        return "\(encoding.rawValue), \(hasByteOrderMark ? "with" : "no") byte-order mark, "
            + "\(delimiterText)-delimited, \(lineEnding.rawValue) line ends"
            + (endsWithLineBreak ? "" : ", no line end after the last record")
    }

    /// Whether every character of `text` can be written in the dialect's encoding.
    ///
    /// Always true for UTF-8 and UTF-16; for Windows-1252, true when the text keeps to the
    /// characters that encoding defines (ASCII, Latin-1 and the typographic characters at 0x80–0x9F).
    public func canEncode(_ text: String) -> Bool {
        guard encoding == .windows1252 else { return true }
        return text.unicodeScalars.allSatisfy { Self.windows1252Byte(for: $0) != nil }
    }

    /// A file's bytes from its text: the byte-order mark if the dialect has one, then `text`
    /// (UTF-8) in the dialect's encoding; `nil` when a character cannot be encoded (see
    /// ``canEncode(_:)``).
    ///
    /// Text that was decoded from a file in this dialect encodes back to the same bytes.
    public func encode(_ text: some Collection<UInt8>) -> [UInt8]? {
        switch encoding {
        case .utf8:
            return (hasByteOrderMark ? [0xEF, 0xBB, 0xBF] : []) + Array(text)
        case .utf16LittleEndian, .utf16BigEndian:
            let isBigEndian = encoding == .utf16BigEndian
            var output: [UInt8] = []
            output.reserveCapacity(text.count * 2 + 2)
            let units = hasByteOrderMark ? [UInt16(0xFEFF)] : []
            for unit in units + String(decoding: text, as: UTF8.self).utf16 {
                let (high, low) = (UInt8(unit >> 8), UInt8(unit & 0xFF))
                output.append(contentsOf: isBigEndian ? [high, low] : [low, high])
            }
            return output
        case .windows1252:
            var output: [UInt8] = []
            output.reserveCapacity(text.count)
            for scalar in String(decoding: text, as: UTF8.self).unicodeScalars {
                guard let byte = Self.windows1252Byte(for: scalar) else { return nil }
                output.append(byte)
            }
            return output
        }
    }

    /// The delimiter ``Workbook`` would sniff from a CSV file's bytes (byte-order mark included),
    /// looking at the same first 64 KiB in the same way.
    ///
    /// A writer that changes fields can check with it that its output still reads with the
    /// delimiter of the input.
    public static func sniffDelimiter(fileBytes: [UInt8]) -> UInt8 {
        let sample = fileBytes.prefix(CSVReader.sniffSampleSize)
        let (encoding, byteOrderMarkLength) = CSVEncoding.detect(prefix: Array(sample.prefix(3)))
        return sniffCSVDelimiter(
            in: encoding.asciiProjection(of: sample.dropFirst(byteOrderMarkLength)),
            isWholeFile: sample.count < CSVReader.sniffSampleSize
        )
    }

    /// The Windows-1252 byte for a character, if the encoding has one; the five bytes it leaves
    /// undefined are never produced (Quire refuses files holding them).
    private static func windows1252Byte(for scalar: Unicode.Scalar) -> UInt8? {
        switch scalar.value {
        case 0x01..<0x80, 0xA0...0xFF:
            return UInt8(scalar.value)
        default:
            guard scalar.value <= 0xFFFF, let index = Windows1252.highControls.firstIndex(of: UInt16(scalar.value))
            else { return nil }
            let byte = UInt8(0x80 + index)
            return Windows1252.isUndefined(byte) ? nil : byte
        }
    }
}

/// One record of a ``CSVDocument``: where each field's text lies (quotes included) and the line
/// end that closes it.
public struct CSVRecordSpan: Sendable, Hashable {
    /// The fields in order, as ranges of ``CSVDocument/text``; an empty field is an empty range.
    public var fields: [Range<Int>]
    /// The line end (CR, LF or CRLF), or an empty range when the record ends the file without one.
    public var lineBreak: Range<Int>

    /// Makes a record span.
    public init(fields: [Range<Int>], lineBreak: Range<Int>) {
        self.fields = fields
        self.lineBreak = lineBreak
    }

    /// The whole record, line end included.
    public var range: Range<Int> {
        (fields.first?.lowerBound ?? lineBreak.lowerBound)..<lineBreak.upperBound
    }
}

/// A CSV file's whole text in memory, as UTF-8, with the dialect it is written in: for writers that
/// change a few fields and copy every other byte.
///
/// Records are split as ``Workbook`` splits them (RFC 4180, with its lenient rules for stray
/// quotes), so record *n* of ``records()`` is row *n* of the sheet, blank lines included. Reading
/// holds the whole text; questionnaires are kilobytes to a few megabytes.
public struct CSVDocument: Sendable, Hashable {
    /// How the file is written.
    public var dialect: CSVDialect
    /// The text as UTF-8, without the byte-order mark.
    public var text: [UInt8]

    /// Makes a document from text and a dialect.
    public init(dialect: CSVDialect, text: [UInt8]) {
        self.dialect = dialect
        self.text = text
    }

    /// Reads and decodes a CSV file, finding its dialect.
    ///
    /// - Parameters:
    ///   - path: The file.
    ///   - limits: The decoded text may hold at most ``ReadLimits/maxTotalSize`` bytes.
    /// - Throws: ``SpreadsheetError``: `fileNotFound`, `io`, `unsupportedFormat`, `malformedCSV`
    ///   (text that is not in an encoding Quire reads, with its line and column), `limitExceeded`.
    public init(path: String, limits: ReadLimits = .default) throws {
        let file = try CSVFile(path: path)
        let sample = try file.bytes(at: 0, upTo: CSVReader.sniffSampleSize)
        let (encoding, byteOrderMarkLength) = CSVEncoding.detect(prefix: sample)
        let delimiter = sniffCSVDelimiter(
            in: encoding.asciiProjection(of: sample[byteOrderMarkLength...]),
            isWholeFile: sample.count < CSVReader.sniffSampleSize
        )
        var source = CSVText(
            file: file,
            encoding: encoding,
            offset: Int64(byteOrderMarkLength),
            chunkSize: CSVReader.chunkSize
        )
        var text: [UInt8] = []
        while true {
            if source.ready > source.start {
                text.append(contentsOf: source.bytes[source.start..<source.ready])
                source.start = source.ready
            }
            if Int64(text.count) > limits.maxTotalSize {
                throw SpreadsheetError.limitExceeded(
                    path: path,
                    entry: nil,
                    reason: "its text is larger than \(limits.maxTotalSize) bytes",
                    setting: .maxTotalSize
                )
            }
            if source.isComplete { break }
            if let stop = source.stop {
                var verdict = Windows1252.Verdict.holdsUTF8
                if case .invalidUTF8 = stop {
                    verdict = try source.fallBackToWindows1252()
                    if verdict == .plausible { continue }
                }
                let (line, column) = Self.location(atEndOf: text)
                throw CSVReader.decodingError(stop, verdict: verdict, path: path, line: line, column: column)
            }
            try source.refill()
        }
        let finalEncoding: CSVDialect.Encoding =
            switch source.encoding {
            case .utf8: .utf8
            case .utf16LittleEndian: .utf16LittleEndian
            case .utf16BigEndian: .utf16BigEndian
            case .windows1252: .windows1252
            }
        self.text = text
        self.dialect = CSVDialect(
            encoding: finalEncoding,
            hasByteOrderMark: byteOrderMarkLength > 0,
            delimiter: delimiter,
            lineEnding: .crlf,
            endsWithLineBreak: false
        )
        let records = records()
        if let first = records.first(where: { !$0.lineBreak.isEmpty }) {
            let lineBreak = text[first.lineBreak]
            dialect.lineEnding = lineBreak.count == 2 ? .crlf : lineBreak.first == 0x0A ? .lf : .cr
        }
        dialect.endsWithLineBreak = records.last.map { !$0.lineBreak.isEmpty } ?? false
    }

    /// The records in file order, split as the CSV reader splits them.
    ///
    /// A quote opens a quoted field only at the start of the field; inside it, a doubled quote is a
    /// quote and line ends are text; text after the closing quote belongs to the field up to the
    /// next delimiter or line end. A blank line is a record of one empty field. A line end at the
    /// very end of the text closes the last record and does not start another.
    public func records() -> [CSVRecordSpan] {
        let quote = UInt8(ascii: "\"")
        let cr = UInt8(ascii: "\r")
        let lf = UInt8(ascii: "\n")
        let delimiter = dialect.delimiter
        let end = text.count
        var records: [CSVRecordSpan] = []
        var index = 0
        while index < end {
            var fields: [Range<Int>] = []
            while true {
                let fieldStart = index
                if index < end && text[index] == quote {
                    index += 1
                    while index < end {
                        if text[index] == quote {
                            guard index + 1 < end, text[index + 1] == quote else { break }
                            index += 1
                        }
                        index += 1
                    }
                    if index < end { index += 1 }  // the closing quote
                }
                while index < end, text[index] != delimiter, text[index] != cr, text[index] != lf { index += 1 }
                fields.append(fieldStart..<index)
                guard index < end, text[index] == delimiter else { break }
                index += 1
            }
            let lineBreakStart = index
            if index < end {
                index += text[index] == cr && index + 1 < end && text[index + 1] == lf ? 2 : 1
            }
            records.append(CSVRecordSpan(fields: fields, lineBreak: lineBreakStart..<index))
        }
        return records
    }

    /// A field's value as the CSV reader gives it: quotes removed, doubled quotes made single.
    public func value(of field: Range<Int>) -> String {
        let quote = UInt8(ascii: "\"")
        guard field.lowerBound < field.upperBound, text[field.lowerBound] == quote else {
            return String(decoding: text[field], as: UTF8.self)
        }
        var value: [UInt8] = []
        var index = field.lowerBound + 1
        while index < field.upperBound {
            let byte = text[index]
            if byte == quote {
                if index + 1 < field.upperBound, text[index + 1] == quote {
                    value.append(quote)
                    index += 2
                    continue
                }
                // The closing quote: any text after it is kept, as the reader does.
                value.append(contentsOf: text[(index + 1)..<field.upperBound])
                break
            }
            value.append(byte)
            index += 1
        }
        return String(decoding: value, as: UTF8.self)
    }

    /// The line and column (counted in characters) just past the end of `text`, counting every
    /// line end as the reader does.
    private static func location(atEndOf text: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var index = 0
        while index < text.count {
            let byte = text[index]
            index += 1
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                if byte == UInt8(ascii: "\r"), index < text.count, text[index] == UInt8(ascii: "\n") { index += 1 }
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}
