/// What a cell holds once read and typed.
///
/// Formulas are not a kind of value: a formula cell carries its cached result here and its text in
/// ``Cell/formula``.
public enum CellValue: Hashable, Sendable {
    /// No value (an empty or style-only cell, an empty CSV field).
    case empty
    /// Text, with rich-text runs joined and escapes such as `_x000D_` decoded.
    case string(String)
    /// A number that is not shown as a date.
    case number(Double)
    /// `TRUE` or `FALSE`.
    case boolean(Bool)
    /// A number shown with a date or time format, or an ISO date cell (`t="d"`).
    case date(SpreadsheetDate)
    /// An error value such as `#N/A` or `#REF!`.
    case error(String)

    /// The value's type name as `quire cat` prints it.
    public var typeName: String {
        switch self {
        case .empty: "empty"
        case .string: "string"
        case .number: "number"
        case .boolean: "boolean"
        case .date: "date"
        case .error: "error"
        }
    }

    /// Whether the cell has nothing in it.
    public var isEmpty: Bool {
        if case .empty = self { return true }
        return false
    }

    /// The value as plain text: strings as they are, numbers in shortest round-trip form,
    /// booleans `TRUE`/`FALSE`, dates in ISO 8601, errors as their code, empty as "".
    public var text: String {
        switch self {
        case .empty: ""
        case .string(let string): string
        case .number(let number): formatNumber(number)
        case .boolean(let flag): flag ? "TRUE" : "FALSE"
        case .date(let date): date.iso8601
        case .error(let code): code
        }
    }
}

extension CellValue {
    /// Appends ``text`` as UTF-8 without making a `String` for numbers, dates and booleans.
    public func appendText(to output: inout [UInt8]) {
        switch self {
        case .empty: break
        case .string(let string): output.append(contentsOf: string.utf8)
        case .number(let number): appendNumber(number, to: &output)
        case .boolean(let flag): output.append(contentsOf: flag ? "TRUE".utf8 : "FALSE".utf8)
        case .date(let date): date.appendISO8601(to: &output)
        case .error(let code): output.append(contentsOf: code.utf8)
        }
    }
}

/// Appends ``formatNumber(_:)``'s text for a number as UTF-8.
public func appendNumber(_ number: Double, to output: inout [UInt8]) {
    guard number == number.rounded(.towardZero), abs(number) < 1e15 else {
        output.append(contentsOf: number.description.utf8)
        return
    }
    var magnitude = Int64(number)
    if magnitude < 0 {
        output.append(UInt8(ascii: "-"))
        magnitude = -magnitude
    }
    appendDigits(UInt64(magnitude), minimumWidth: 1, to: &output)
}

/// Appends a non-negative integer's decimal digits, padded with zeros to `minimumWidth`.
func appendDigits(_ value: UInt64, minimumWidth: Int, to output: inout [UInt8]) {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
        var remaining = value
        var count = 0
        repeat {
            digits[19 - count] = UInt8(ascii: "0") + UInt8(remaining % 10)
            remaining /= 10
            count += 1
        } while remaining > 0 || count < minimumWidth
        output.append(contentsOf: UnsafeBufferPointer(rebasing: digits[(20 - count)...]))
    }
}

/// Formats a number in its shortest round-trip form, without a trailing `.0` for whole numbers.
///
/// `1` rather than `1.0`, `0.1` rather than `0.10000000000000001`, `1e+20` for large magnitudes.
public func formatNumber(_ number: Double) -> String {
    if number == number.rounded(.towardZero), abs(number) < 1e15 {
        if number == 0 { return "0" }  // also turns -0 into 0
        return String(Int64(number))
    }
    return number.description
}

/// One cell as read: where it is, its value, its formula if any, and its style.
public struct Cell: Hashable, Sendable {
    /// The cell's position.
    public var address: CellAddress
    /// The value, or for a formula cell the cached result.
    public var value: CellValue
    /// The formula text without the leading `=`, when the cell has one.
    ///
    /// For cells that share a formula written once for a range, this is the formula of the cell
    /// that defines it, as the file stores it.
    public var formula: String?
    /// The index into the workbook's cell formats (`s` in XLSX); 0 for CSV.
    public var styleIndex: Int

    /// An empty cell at A1, to be filled in place.
    static let blank = Cell(address: CellAddress(row: 1, column: 1), value: .empty)

    /// Makes a cell.
    public init(address: CellAddress, value: CellValue, formula: String? = nil, styleIndex: Int = 0) {
        self.address = address
        self.value = value
        self.formula = formula
        self.styleIndex = styleIndex
    }
}

/// One row as read: its 1-based number and its cells in column order.
///
/// Cells that the file does not contain are absent; cells present but empty may be there with
/// ``CellValue/empty`` (a styled blank cell).
public struct Row: Hashable, Sendable {
    /// The 1-based row number.
    public var index: Int
    /// The cells in column order.
    public var cells: [Cell]

    /// Makes a row.
    public init(index: Int, cells: [Cell]) {
        self.index = index
        self.cells = cells
    }

    /// The last column that holds a value (a formula's cached result counts; a formula with
    /// none does not), or 0 if none does.
    public var lastValueColumn: Int {
        cells.last(where: { !$0.value.isEmpty })?.address.column ?? 0
    }
}

/// Whether a formula's text (with or without its `=`) only states a text or a boolean: it refers
/// to no cell, range or name, calls no function whose result changes by itself, and holds a
/// string or `TRUE`/`FALSE`.
///
/// `TRUE()` (LibreOffice's checkbox), `="Not answered"`, `=IF(TRUE,"Select","")`: the cell shows a
/// value its sender typed as a formula, a default waiting to be replaced, so a reader may take it
/// for a value and a writer may replace it. `=C7`, `=Points`, `=Sheet2!A1`, `=TODAY()`, `=ROW()`,
/// anything this reading does not follow (`#REF!`, a table reference), and arithmetic (`=2*5`, a
/// sheet's own sum) are kept as formulas.
public func isConstantFormula(_ formula: String) -> Bool {
    let characters = Array(formula.unicodeScalars)
    var index = 0
    while index < characters.count, characters[index].properties.isWhitespace { index += 1 }
    if index < characters.count, characters[index] == "=" { index += 1 }
    var statesValue = false
    while index < characters.count {
        let character = characters[index]
        if character == "\"" {
            // A string literal; `""` inside it is one quote.
            index += 1
            while index < characters.count {
                if characters[index] == "\"" {
                    guard index + 1 < characters.count, characters[index + 1] == "\"" else { break }
                    index += 1
                }
                index += 1
            }
            guard index < characters.count else { return false }
            index += 1
            statesValue = true
        } else if character.properties.isAlphabetic || character == "_" {
            var name = ""
            while index < characters.count,
                characters[index].properties.isAlphabetic || characters[index] == "_" || characters[index] == "."
                    || ("0"..."9").contains(characters[index])
            {
                name.unicodeScalars.append(characters[index])
                index += 1
            }
            var next = index
            while next < characters.count, characters[next] == " " { next += 1 }
            let upper = name.uppercased()
            if next < characters.count, characters[next] == "(" {
                // A function: its arguments are read on; one whose result moves is no constant.
                let bare = upper.split(separator: ".").last.map(String.init) ?? upper
                guard !movingFunctions.contains(upper), !movingFunctions.contains(bare) else { return false }
                if upper == "TRUE" || upper == "FALSE" { statesValue = true }
            } else if upper == "TRUE" || upper == "FALSE" {
                statesValue = true
            } else {
                return false  // a cell reference (C7) or a defined name
            }
        } else if ("0"..."9").contains(character) || character == "." {
            while index < characters.count, ("0"..."9").contains(characters[index]) || characters[index] == "." {
                index += 1
            }
            if index + 1 < characters.count, characters[index] == "E" || characters[index] == "e",
                ("0"..."9").contains(characters[index + 1]) || characters[index + 1] == "+"
                    || characters[index + 1] == "-"
            {
                index += 2
                while index < characters.count, ("0"..."9").contains(characters[index]) { index += 1 }
            }
            // `1:1` (a row range) and `3A` are references or damage.
            if index < characters.count, characters[index] == ":" || characters[index].properties.isAlphabetic {
                return false
            }
        } else if "+-*/^&=<>(),;% {}".unicodeScalars.contains(character) || character.properties.isWhitespace {
            index += 1
            continue
        } else {
            return false  // `$`, `!`, `:`, `[`, `'`, `#`: a reference, a sheet, a table, an error
        }
    }
    return statesValue
}

/// Functions whose result depends on something besides their arguments: the time, chance, the
/// cell they are in, or a reference built from text.
private let movingFunctions: Set<String> = [
    "NOW", "TODAY", "RAND", "RANDBETWEEN", "RANDARRAY", "INDIRECT", "OFFSET", "INFO", "CELL", "ROW", "ROWS",
    "COLUMN", "COLUMNS", "SHEET", "SHEETS", "ISREF", "FORMULATEXT", "ISFORMULA", "WEBSERVICE", "RTD", "CALL",
    "REGISTER.ID", "GETPIVOTDATA", "CUBEVALUE", "CUBEMEMBER", "IMAGE", "STOCKHISTORY", "LAMBDA", "LET",
]
