internal import CLibXML2

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// Streams a worksheet part: typed cells row by row, then the merged ranges and validations that
/// follow the rows in the XML.
///
/// Holds one row at a time. Rows and cells without `r` attributes take the next position, as
/// Excel does when it reads them.
final class WorksheetReader: XMLEventHandler {
    private enum CellType: UInt8 {
        case number, sharedString, formulaString, inlineString, boolean, error, isoDate
    }

    private enum Capture: UInt8 {
        case none, value, formula, inlineText, validationFormula1, validationFormula2, sqref
    }

    private let path: String
    private let part: String
    let sharedStrings: SharedStringTable
    private let numberKinds: [NumberKind]
    private let dateSystem: DateSystem
    private let maxCellSize: Int
    var onRow: ((Row) throws -> Void)?

    @exclusivity(unchecked) private(set) var metadata = SheetMetadata()
    @exclusivity(unchecked) private var minRow = Int.max
    @exclusivity(unchecked) private var minColumn = Int.max
    @exclusivity(unchecked) private var maxRow = 0
    @exclusivity(unchecked) private var maxColumn = 0

    // Position.
    @exclusivity(unchecked) private var inSheetData = false
    @exclusivity(unchecked) private var rowIndex = 0
    @exclusivity(unchecked) private var columnIndex = 0
    @exclusivity(unchecked) private var cells: [Cell] = []
    @exclusivity(unchecked) private var rowHasValue = false

    // The cell being read.
    @exclusivity(unchecked) private var cellAddress = CellAddress(row: 1, column: 1)
    @exclusivity(unchecked) private var cellType = CellType.number
    @exclusivity(unchecked) private var cellStyle = 0
    @exclusivity(unchecked) private var hasValue = false
    @exclusivity(unchecked) private var hasFormula = false
    @exclusivity(unchecked) private var sharedFormulaIndex: Int?
    @exclusivity(unchecked) private var sharedFormulaRange = false
    @exclusivity(unchecked) private var capture = Capture.none
    private let value = ByteBuffer()
    private let formula = ByteBuffer()
    @exclusivity(unchecked) private var inInlineString = false
    @exclusivity(unchecked) private var phoneticDepth = 0
    private var sharedFormulas: [Int: (anchor: CellAddress, text: String)] = [:]

    // Validations.
    private var validation: DataValidation?
    private var inExtensionList = 0
    private let validationText = ByteBuffer()

    init(
        path: String,
        part: String,
        sharedStrings: SharedStringTable,
        numberKinds: [NumberKind],
        dateSystem: DateSystem,
        maxCellSize: Int
    ) {
        self.maxCellSize = maxCellSize
        self.path = path
        self.part = part
        self.sharedStrings = sharedStrings
        self.numberKinds = numberKinds
        self.dateSystem = dateSystem
        super.init()
        cells.reserveCapacity(64)
    }

    /// Closes the metadata once the part has been parsed.
    func finishMetadata() {
        if maxRow > 0 {
            metadata.usedRange = CellRange(
                CellAddress(row: minRow, column: minColumn),
                CellAddress(row: maxRow, column: maxColumn)
            )
        }
    }

    // MARK: Events

    override func startElement(_ name: UnsafePointer<xmlChar>, _ attributes: XMLAttributes) {
        // Cell elements count only inside sheetData: `f`, `c` and `t` also appear in extensions.
        guard inSheetData else {
            if xmlNameEquals(name, "sheetData") { inSheetData = true } else { startOtherElement(name, attributes) }
            return
        }
        switch name[0] {
        case UInt8(ascii: "c") where name[1] == 0:
            startCell(attributes)
        case UInt8(ascii: "v") where name[1] == 0:
            capture = .value
            value.removeAll()
            hasValue = true
        case UInt8(ascii: "f") where name[1] == 0:
            startFormula(attributes)
        case UInt8(ascii: "t") where name[1] == 0:
            if inInlineString && phoneticDepth == 0 { capture = .inlineText }
        case UInt8(ascii: "r"):
            if xmlNameEquals(name, "row") {
                startRow(attributes)
            } else if xmlNameEquals(name, "rPh") {
                phoneticDepth += 1
            }
        case UInt8(ascii: "i"):
            if xmlNameEquals(name, "is") {
                inInlineString = true
                hasValue = true
                value.removeAll()
            }
        default:
            break
        }
    }

    override func characters(_ text: UnsafeBufferPointer<UInt8>) {
        let buffer: ByteBuffer
        switch capture {
        case .none: return
        case .value, .inlineText: buffer = value
        case .formula: buffer = formula
        case .validationFormula1, .validationFormula2, .sqref: buffer = validationText
        }
        guard buffer.count + text.count <= maxCellSize else {
            capture = .none
            fail(textTooLong(path: path, part: part, what: "cell \(cellAddress.a1)", limit: maxCellSize))
            return
        }
        buffer.append(text)
    }

    override func endElement(_ name: UnsafePointer<xmlChar>) {
        guard inSheetData else {
            endOtherElement(name)
            return
        }
        switch name[0] {
        case UInt8(ascii: "c") where name[1] == 0:
            endCell()
        case UInt8(ascii: "v") where name[1] == 0, UInt8(ascii: "t") where name[1] == 0:
            if capture == .value || capture == .inlineText { capture = .none }
        case UInt8(ascii: "f") where name[1] == 0:
            if capture == .formula { capture = .none }
        case UInt8(ascii: "r"):
            if xmlNameEquals(name, "row") { endRow() } else if xmlNameEquals(name, "rPh") { phoneticDepth -= 1 }
        case UInt8(ascii: "i"):
            if xmlNameEquals(name, "is") { inInlineString = false }
        case UInt8(ascii: "s"):
            if xmlNameEquals(name, "sheetData") { inSheetData = false }
        default:
            break
        }
    }

    // MARK: Rows and cells

    private func startRow(_ attributes: XMLAttributes) {
        if let number = attributes.int("r"), number >= 1, number <= CellAddress.maxRow {
            rowIndex = number
        } else {
            rowIndex += 1
        }
        columnIndex = 0
        cells.removeAll(keepingCapacity: true)
        rowHasValue = false
    }

    private func endRow() {
        guard !cells.isEmpty else { return }
        // Writers put cells in column order; a file that does not is put right here, so that
        // rows are always in column order for their readers.
        if !cells.indices.dropFirst().allSatisfy({ cells[$0 - 1].address.column < cells[$0].address.column }) {
            cells.sort { $0.address.column < $1.address.column }
        }
        if rowHasValue { metadata.rowCount += 1 }
        guard let onRow else {
            cells.removeAll(keepingCapacity: true)
            return
        }
        do {
            // The row is released right after the call, so the buffer is reused, not copied.
            try onRow(Row(index: cells[0].address.row, cells: cells))
        } catch {
            fail(error)
        }
        cells.removeAll(keepingCapacity: true)
    }

    private func startCell(_ attributes: XMLAttributes) {
        var address: CellAddress?
        var type = CellType.number
        var style = 0
        attributes.forEach { name, value in
            guard name[1] == 0 else { return }
            switch name[0] {
            case UInt8(ascii: "r"):
                address = CellAddress.parse(value)
            case UInt8(ascii: "s"):
                style = parseInt(value) ?? 0
            case UInt8(ascii: "t"):
                guard let first = value.first else { return }
                switch first {
                case UInt8(ascii: "s"): type = value.count == 1 ? .sharedString : .formulaString
                case UInt8(ascii: "i"): type = .inlineString
                case UInt8(ascii: "b"): type = .boolean
                case UInt8(ascii: "e"): type = .error
                case UInt8(ascii: "d"): type = .isoDate
                default: type = .number
                }
            default:
                return
            }
        }
        if let address {
            cellAddress = address
            columnIndex = address.column
            if rowIndex == 0 { rowIndex = address.row }
        } else {
            columnIndex += 1
            if rowIndex == 0 { rowIndex = 1 }
            cellAddress = CellAddress(row: rowIndex, column: min(columnIndex, CellAddress.maxColumn))
        }
        cellType = type
        cellStyle = style
        hasValue = false
        hasFormula = false
        sharedFormulaIndex = nil
        sharedFormulaRange = false
    }

    private func startFormula(_ attributes: XMLAttributes) {
        hasFormula = true
        capture = .formula
        formula.removeAll()
        if let type = attributes.bytes("t"), type.count == 6, type[0] == UInt8(ascii: "s") {
            sharedFormulaIndex = attributes.int("si")
            sharedFormulaRange = attributes.bytes("ref") != nil
        }
    }

    private func endCell() {
        capture = .none
        guard hasValue || hasFormula else { return }
        let cellValue = hasValue ? typedValue() : .empty
        let formulaText = hasFormula ? resolveFormula() : nil
        if formulaText == nil, case .empty = cellValue { return }
        let address = cellAddress
        // Appending a blank cell and filling it in place spares a copy and a release per cell.
        cells.append(Cell.blank)
        cells.withUnsafeMutableBufferPointer { buffer in
            let last = buffer.count - 1
            buffer[last].address = address
            buffer[last].value = consume cellValue
            buffer[last].formula = formulaText
            buffer[last].styleIndex = cellStyle
        }
        rowHasValue = true
        metadata.cellCount += 1
        if address.row < minRow { minRow = address.row }
        if address.row > maxRow { maxRow = address.row }
        if address.column < minColumn { minColumn = address.column }
        if address.column > maxColumn { maxColumn = address.column }
    }

    private func typedValue() -> CellValue {
        switch cellType {
        case .sharedString:
            do {
                if let index = parseInt(trimmedSpaces(value.bytes)), let string = try sharedStrings.string(at: index) {
                    return .string(string)
                }
            } catch {
                fail(error)
                return .empty
            }
            fail(
                SpreadsheetError.invalidContent(
                    path: path,
                    part: part,
                    location: "cell \(cellAddress.a1)",
                    reason: "refers to shared string \(value.string), which the shared-string table does not have"
                )
            )
            return .empty
        case .number:
            guard let number = parseDouble(value.bytes) else {
                if value.bytes.allSatisfy({ $0 == 0x20 }) { return .empty }
                fail(
                    SpreadsheetError.invalidContent(
                        path: path,
                        part: part,
                        location: "cell \(cellAddress.a1)",
                        reason: "the number \"\(value.string)\" does not parse"
                    )
                )
                return .empty
            }
            let kind = cellStyle < numberKinds.count ? numberKinds[cellStyle] : .plain
            if kind != .plain,
                let date = SpreadsheetDate(serial: number, system: dateSystem, duration: kind == .duration)
            {
                return .date(date)
            }
            return .number(number)
        case .formulaString:
            return value.isEmpty ? .empty : .string(decodeEscapes(value.bytes))
        case .inlineString:
            return .string(decodeEscapes(value.bytes))
        case .boolean:
            guard let first = value.bytes.first(where: { $0 != 0x20 }) else { return .empty }
            return .boolean(first == UInt8(ascii: "1") || first == UInt8(ascii: "t") || first == UInt8(ascii: "T"))
        case .error:
            return value.isEmpty ? .empty : .error(value.string)
        case .isoDate:
            let text = value.string
            if text.isEmpty { return .empty }
            return SpreadsheetDate(iso8601: text).map(CellValue.date) ?? .string(text)
        }
    }

    private func resolveFormula() -> String? {
        let text = formula.string
        // An empty `<f/>` (a cell inside an array formula's range) still marks a formula cell.
        guard let index = sharedFormulaIndex else { return text }
        if sharedFormulaRange || sharedFormulas[index] == nil {
            if text.isEmpty { return nil }
            sharedFormulas[index] = (cellAddress, text)
            return text
        }
        guard let (anchor, master) = sharedFormulas[index] else { return nil }
        return translateFormula(
            master,
            rows: cellAddress.row - anchor.row,
            columns: cellAddress.column - anchor.column
        )
    }

    // MARK: Merged ranges, dimension and validations

    private func startOtherElement(_ name: UnsafePointer<xmlChar>, _ attributes: XMLAttributes) {
        if xmlNameEquals(name, "mergeCell") {
            if let reference = attributes.string("ref"), let range = CellRange(a1: reference) {
                metadata.mergedRanges.append(range)
            }
        } else if xmlNameEquals(name, "dimension") {
            if let reference = attributes.string("ref") { metadata.declaredDimension = CellRange(a1: reference) }
        } else if xmlNameEquals(name, "dataValidation") {
            let kind = attributes.string("type").flatMap(DataValidation.Kind.init(rawValue:)) ?? .any
            var rule = DataValidation(
                kind: kind,
                ranges: attributes.string("sqref").map { [CellRange](sqref: $0) } ?? [],
                comparison: attributes.string("operator"),
                allowBlank: attributes.bool("allowBlank", default: false),
                showsDropDown: !attributes.bool("showDropDown", default: false),
                isExtension: inExtensionList > 0
            )
            rule.promptTitle = attributes.string("promptTitle")
            rule.prompt = attributes.string("prompt")
            rule.errorTitle = attributes.string("errorTitle")
            rule.error = attributes.string("error")
            validation = rule
        } else if validation != nil, xmlNameEquals(name, "formula1") {
            capture = .validationFormula1
            validationText.removeAll()
        } else if validation != nil, xmlNameEquals(name, "formula2") {
            capture = .validationFormula2
            validationText.removeAll()
        } else if validation != nil, xmlNameEquals(name, "sqref") {
            capture = .sqref
            validationText.removeAll()
        } else if xmlNameEquals(name, "extLst") {
            inExtensionList += 1
        }
    }

    private func endOtherElement(_ name: UnsafePointer<xmlChar>) {
        if xmlNameEquals(name, "dataValidation") {
            if let rule = validation { metadata.validations.append(rule) }
            validation = nil
        } else if xmlNameEquals(name, "formula1") || xmlNameEquals(name, "formula2") || xmlNameEquals(name, "sqref") {
            guard validation != nil else { return }
            let text = validationText.string
            switch capture {
            case .validationFormula1: validation?.formula1 = text
            case .validationFormula2: validation?.formula2 = text
            case .sqref: validation?.ranges.append(contentsOf: [CellRange](sqref: text))
            default: break
            }
            capture = .none
        } else if xmlNameEquals(name, "extLst") {
            inExtensionList -= 1
        }
    }
}

private func trimmedSpaces(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    var start = 0
    var end = bytes.count
    while start < end, bytes[start] == 0x20 { start += 1 }
    while end > start, bytes[end - 1] == 0x20 { end -= 1 }
    return UnsafeBufferPointer(rebasing: bytes[start..<end])
}

private let powersOfTen: [Double] = (0...22).map { exponent in
    var value = 1.0
    for _ in 0..<exponent { value *= 10 }
    return value
}

/// Parses `-123.456`-style decimals exactly, or returns `nil` for `strtod` to do.
///
/// When the digits fit in 2^53 and the point is at most 22 places in, both numbers of the division
/// are exact doubles, so the quotient is correctly rounded (Clinger's fast path).
@inline(__always)
private func parseDecimalFast(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    guard let base = bytes.baseAddress, bytes.count <= 17 else { return nil }
    var index = 0
    let negative = base[0] == UInt8(ascii: "-")
    if negative { index = 1 }
    var mantissa: Int64 = 0
    var digits = 0
    var fractionDigits = -1
    while index < bytes.count {
        let byte = base[index]
        if byte == UInt8(ascii: ".") {
            guard fractionDigits < 0 else { return nil }
            fractionDigits = 0
        } else {
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            mantissa = mantissa &* 10 &+ Int64(digit)
            digits &+= 1
            if fractionDigits >= 0 { fractionDigits &+= 1 }
        }
        index &+= 1
    }
    guard digits > 0, digits <= 15, fractionDigits != 0 else { return nil }
    let value = Double(mantissa) / powersOfTen[max(fractionDigits, 0)]
    return negative ? -value : value
}

/// Parses an XML number (`12`, `-3.5`, `1E-3`); `nil` if the text is not one.
///
/// Plain integers take a fast path; the rest go to `strtod`, which needs a terminator, so the
/// buffer gains a NUL at its end for the call.
func parseDouble(_ buffer: UnsafeBufferPointer<UInt8>) -> Double? {
    let bytes = trimmedSpaces(buffer)
    guard !bytes.isEmpty else { return nil }
    var negative = false
    var index = 0
    if bytes[0] == UInt8(ascii: "-") {
        negative = true
        index = 1
    }
    if bytes.count - index > 0, bytes.count - index <= 15 {
        var integer: Int64 = 0
        var allDigits = true
        for position in index..<bytes.count {
            let digit = bytes[position] &- UInt8(ascii: "0")
            if digit >= 10 {
                allDigits = false
                break
            }
            integer = integer * 10 + Int64(digit)
        }
        if allDigits { return Double(negative ? -integer : integer) }
    }
    if let value = parseDecimalFast(bytes) { return value }
    guard bytes.count < 64 else { return nil }
    return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { scratch -> Double? in
        for (position, byte) in bytes.enumerated() {
            // Only the characters of a decimal number reach strtod: no "inf", "nan" or hex.
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "+"),
                UInt8(ascii: "e"), UInt8(ascii: "E"):
                scratch[position] = CChar(bitPattern: byte)
            default:
                return nil
            }
        }
        scratch[bytes.count] = 0
        guard let start = scratch.baseAddress else { return nil }
        var end: UnsafeMutablePointer<CChar>?
        let result = strtod(start, &end)
        guard let end, end - start == bytes.count, result.isFinite else { return nil }
        return result
    }
}
