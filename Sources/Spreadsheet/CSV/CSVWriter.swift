#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// Writes RFC 4180 CSV: fields separated by a delimiter, records ended by CRLF.
///
/// A field is quoted when it holds the delimiter, a quote, CR or LF, or starts or ends with a
/// space (which some readers would otherwise trim); quotes inside it are doubled. Everything else is
/// written as it is.
///
/// The writer does **not** guard against CSV (formula) injection: a field such as `=1+1` is written
/// unchanged, because `quire cat` prints values exactly as the file holds them. Output meant to be
/// opened in a spreadsheet program passes its text through ``defused(_:)`` first.
///
/// Records can be written whole with ``appendRecord(_:to:)`` or field by field with
/// ``appendField(_:to:)`` and ``endRecord(to:)``, which lets a caller pad rows without building
/// arrays:
/// ```swift
/// let writer = CSVWriter()
/// var output: [UInt8] = []
/// for value in values { writer.appendField(value, to: &output) }
/// writer.endRecord(to: &output)
/// ```
public struct CSVWriter: Sendable, Hashable {
    /// The byte between fields.
    public let delimiter: UInt8

    /// Makes a writer; the delimiter must be an ASCII character other than a quote, CR or LF.
    public init(delimiter: UInt8 = UInt8(ascii: ",")) {
        precondition(
            delimiter < 0x80 && delimiter != UInt8(ascii: "\"") && delimiter != UInt8(ascii: "\r")
                && delimiter != UInt8(ascii: "\n"),
            "a CSV delimiter must be ASCII and not a quote or line break"
        )
        self.delimiter = delimiter
    }

    /// Text that a spreadsheet program would run as a formula (it starts with `=`, `+`, `-`, `@`,
    /// tab or CR) with an apostrophe before it, which spreadsheet programs and Quire's own readers
    /// take as "text follows"; other text as it is.
    public static func defused(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return text }
        return "'" + text
    }

    /// Appends one record (fields already text) with a CRLF line end to `output`.
    ///
    /// A record of no fields, like a record of one empty field, is an empty line.
    public func appendRecord(_ fields: some Sequence<String>, to output: inout [UInt8]) {
        for field in fields { appendField(field, to: &output) }
        endRecord(to: &output)
    }

    /// Appends one field and the delimiter after it; ``endRecord(to:)`` replaces the last delimiter
    /// with the line end.
    public func appendField(_ field: String, to output: inout [UInt8]) {
        var field = field
        field.withUTF8 { bytes in append(bytes, to: &output) }
        output.append(delimiter)
    }

    /// Ends the record that ``appendField(_:to:)`` calls began: replaces the delimiter that follows
    /// the last field with CRLF, or appends CRLF if no field was appended.
    ///
    /// Every field the writer appends ends with a character other than the delimiter (a field that
    /// holds the delimiter is quoted), so a trailing delimiter is always the one it appended.
    public func endRecord(to output: inout [UInt8]) {
        if output.last == delimiter { output.removeLast() }
        output.append(UInt8(ascii: "\r"))
        output.append(UInt8(ascii: "\n"))
    }

    private func append(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        let quote = UInt8(ascii: "\"")
        let space = UInt8(ascii: " ")
        guard let start = bytes.baseAddress else { return }
        let end = start + bytes.count
        // Most fields need no quotes: find that out eight bytes at a time.
        let special = CSVByteSearch(delimiter, quote, 0x0A)
        if bytes.first != space, bytes.last != space, special.firstMatch(from: start, to: end) == end,
            memchr(start, 0x0D, bytes.count) == nil
        {
            output.append(contentsOf: bytes)
            return
        }
        // Quoted, with any quote inside doubled; the runs between quotes go in as blocks.
        output.append(quote)
        var cursor = start
        while cursor < end, let found = memchr(cursor, Int32(quote), end - cursor) {
            let match = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self))
            output.append(contentsOf: UnsafeBufferPointer(start: cursor, count: match - cursor + 1))
            output.append(quote)
            cursor = match + 1
        }
        output.append(contentsOf: UnsafeBufferPointer(start: cursor, count: end - cursor))
        output.append(quote)
    }
}
