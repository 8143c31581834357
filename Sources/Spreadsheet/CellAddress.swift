/// A cell position, 1-based, as spreadsheets count: `A1` is row 1, column 1.
///
/// Columns run from 1 (`A`) to 16,384 (`XFD`) and rows from 1 to 1,048,576, the limits of the
/// XLSX format; CSV tables use the same model and the same limits.
public struct CellAddress: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    /// The largest row number an XLSX worksheet can hold.
    public static let maxRow = 1_048_576
    /// The largest column number an XLSX worksheet can hold (`XFD`).
    public static let maxColumn = 16_384

    /// The 1-based row number.
    public var row: Int
    /// The 1-based column number (`A` is 1).
    public var column: Int

    /// Makes an address from 1-based row and column numbers.
    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// Parses an A1-style reference such as `B12` or `$AA$3`; `nil` if it is not one.
    public init?(a1 text: some StringProtocol) {
        var bytes = Array(text.utf8)
        bytes.removeAll { $0 == UInt8(ascii: "$") }
        guard let parsed = bytes.withUnsafeBufferPointer({ Self.parse($0) }) else { return nil }
        self = parsed
    }

    /// Parses an A1 reference from raw ASCII bytes without `$` signs.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> CellAddress? {
        // At most 3 letters and 7 digits; longer text cannot be a cell, and the bound keeps the
        // unchecked arithmetic below from overflowing.
        guard let base = bytes.baseAddress, bytes.count >= 2, bytes.count <= 10 else { return nil }
        let count = bytes.count
        var index = 0
        var column = 0
        while index < count {
            let letter = (base[index] | 0x20) &- UInt8(ascii: "a")  // ASCII lower case, then 0...25
            guard letter < 26 else { break }
            column = column &* 26 &+ Int(letter) &+ 1
            index &+= 1
        }
        guard column > 0, column <= maxColumn, index < count, index <= 3 else { return nil }
        var row = 0
        while index < count {
            let digit = base[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            row = row &* 10 &+ Int(digit)
            index &+= 1
        }
        guard row > 0, row <= maxRow else { return nil }
        return CellAddress(row: row, column: column)
    }

    /// The column's letters: 1 is `A`, 27 is `AA`, 16,384 is `XFD`.
    public static func columnName(_ column: Int) -> String {
        var letters: [UInt8] = []
        var remaining = column
        while remaining > 0 {
            let digit = (remaining - 1) % 26
            letters.append(UInt8(ascii: "A") + UInt8(digit))
            remaining = (remaining - 1) / 26
        }
        return String(decoding: letters.reversed(), as: UTF8.self)
    }

    /// The reference in A1 style, such as `C7`.
    public var a1: String { Self.columnName(column) + String(row) }

    /// A sheet's name as a formula writes it before `!`: as it is when it is a plain name
    /// (`Questions`), quoted with apostrophes doubled otherwise (`'HECVAT - Full'`, `'Q&A'`), and
    /// quoted too when it could be read as a cell (`'A1'`, `'R2C3'`) or starts with a digit.
    public static func sheetPrefix(_ sheet: String) -> String {
        let simple =
            !sheet.isEmpty
            && sheet.utf8.allSatisfy { byte in
                let letter = (byte | 0x20) &- UInt8(ascii: "a")
                return letter < 26 || byte &- UInt8(ascii: "0") < 10 || byte == UInt8(ascii: "_")
            } && sheet.utf8.first.map { $0 &- UInt8(ascii: "0") >= 10 } ?? false
        guard !simple || CellAddress(a1: sheet) != nil || looksLikeR1C1(sheet) else { return sheet }
        return "'" + sheet.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
    }

    /// Whether a name reads as an R1C1 reference, in either case: `R`, then digits, then an
    /// optional `C`, then digits (`R2C3`, `RC`, `r7`).
    static func looksLikeR1C1(_ name: String) -> Bool {
        var bytes = name.utf8[...]
        guard bytes.popFirst().map({ $0 | 0x20 == UInt8(ascii: "r") }) ?? false else { return false }
        bytes = bytes.drop { $0 &- UInt8(ascii: "0") < 10 }
        if let next = bytes.first, next | 0x20 == UInt8(ascii: "c") { bytes = bytes.dropFirst() }
        return bytes.allSatisfy { $0 &- UInt8(ascii: "0") < 10 }
    }

    public var description: String { a1 }

    public static func < (lhs: CellAddress, rhs: CellAddress) -> Bool {
        (lhs.row, lhs.column) < (rhs.row, rhs.column)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let address = CellAddress(a1: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not an A1 cell reference: \(text)")
            )
        }
        self = address
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(a1)
    }
}

/// A rectangle of cells, such as `A1:C3`; a single cell is a range whose corners coincide.
///
/// Ranges are kept as two corners, never expanded: `N1:XFD1048576` costs the same as `A1`.
public struct CellRange: Hashable, Sendable, CustomStringConvertible, Codable {
    /// The top-left corner.
    public var start: CellAddress
    /// The bottom-right corner.
    public var end: CellAddress

    /// Makes a range from two corners, in any order.
    public init(_ first: CellAddress, _ second: CellAddress) {
        start = CellAddress(row: min(first.row, second.row), column: min(first.column, second.column))
        end = CellAddress(row: max(first.row, second.row), column: max(first.column, second.column))
    }

    /// Parses `A1:B2`, `$A$1:$B$2`, a single cell `C3`, whole columns `A:C` or whole rows `2:5`.
    public init?(a1 text: some StringProtocol) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        switch parts.count {
        case 1:
            guard let cell = CellAddress(a1: parts[0]) else { return nil }
            self.init(cell, cell)
        case 2:
            if let first = CellAddress(a1: parts[0]), let second = CellAddress(a1: parts[1]) {
                self.init(first, second)
            } else if let first = Self.wholeColumn(parts[0]), let second = Self.wholeColumn(parts[1]) {
                self.init(
                    CellAddress(row: 1, column: first),
                    CellAddress(row: CellAddress.maxRow, column: second)
                )
            } else if let first = Self.wholeRow(parts[0]), let second = Self.wholeRow(parts[1]) {
                self.init(
                    CellAddress(row: first, column: 1),
                    CellAddress(row: second, column: CellAddress.maxColumn)
                )
            } else {
                return nil
            }
        default:
            return nil
        }
    }

    private static func wholeColumn(_ text: some StringProtocol) -> Int? {
        let letters = text.filter { $0 != "$" }
        guard !letters.isEmpty, letters.allSatisfy({ $0.isASCII && $0.isLetter }),
            let cell = CellAddress(a1: String(letters) + "1")
        else { return nil }
        return cell.column
    }

    private static func wholeRow(_ text: some StringProtocol) -> Int? {
        let digits = text.filter { $0 != "$" }
        guard let row = Int(String(digits)), row >= 1, row <= CellAddress.maxRow else { return nil }
        return row
    }

    /// Whether the cell lies inside the range.
    public func contains(_ address: CellAddress) -> Bool {
        address.row >= start.row && address.row <= end.row && address.column >= start.column
            && address.column <= end.column
    }

    /// The number of rows the range spans.
    public var rowCount: Int { end.row - start.row + 1 }
    /// The number of columns the range spans.
    public var columnCount: Int { end.column - start.column + 1 }
    /// The number of cells, which may be as large as the whole sheet.
    public var cellCount: Int { rowCount * columnCount }

    /// The range in A1 style: `A1:C3`, or `A1` for a single cell.
    public var a1: String { start == end ? start.a1 : "\(start.a1):\(end.a1)" }

    public var description: String { a1 }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let range = CellRange(a1: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not an A1 range: \(text)")
            )
        }
        self = range
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(a1)
    }
}

extension Array where Element == CellRange {
    /// Parses a space-separated list of ranges as XLSX writes it in `sqref` attributes; ranges
    /// that do not parse are left out.
    public init(sqref: some StringProtocol) {
        self = sqref.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
            .compactMap { CellRange(a1: $0) }
    }
}
