internal import CLibXML2

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// Streams a worksheet part: its cells row by row in batches of raw cells (typed later by a
/// ``CellTyper``), then the merged ranges and validations that follow the rows in the XML.
///
/// Holds one batch at a time. Rows and cells without `r` attributes take the next position, as
/// Excel does when it reads them.
final class WorksheetReader: XMLEventHandler {
    private enum Capture: UInt8 {
        case none, value, formula, inlineText, validationFormula1, validationFormula2, sqref
    }

    /// Rows per batch; a batch is also handed over once its texts pass ``batchBytes``.
    static let batchRows = 256
    static let batchBytes = 1 << 18

    private let path: String
    private let part: String
    private let maxCellSize: Int
    /// Receives each full batch, and the last one when ``finish()`` is called.
    var onBatch: ((RawRows) throws -> Void)?

    @exclusivity(unchecked) private(set) var metadata = SheetMetadata()
    @exclusivity(unchecked) private var batch = RawRows()
    private var deliveryFailed = false

    // Position.
    @exclusivity(unchecked) private var inSheetData = false
    @exclusivity(unchecked) private var rowIndex = 0
    @exclusivity(unchecked) private var columnIndex = 0
    @exclusivity(unchecked) private var rowFirstCell = 0

    // The cell being read.
    @exclusivity(unchecked) private var cellAddress = CellAddress(row: 1, column: 1)
    @exclusivity(unchecked) private var cellType = RawCellType.number
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

    // Validations.
    private var validation: DataValidation?
    private var inExtensionList = 0
    /// The range of the sheet's AutoFilter, while its filter columns are read.
    private var autoFilterRange: CellRange?
    private let validationText = ByteBuffer()

    /// Whether each cell format unlocks its cells, by style index (for `<col style=…>`).
    private let unlockedFormats: [Bool]
    private let filledFormats: [Int32]
    /// Whether each cell format hides typed text (`;;;`), by index.
    private let concealingFormats: [Bool]
    /// Whether the current row's own format unlocks it; nil when it has none.
    private var rowUnlocked: Bool?

    init(
        path: String,
        part: String,
        maxCellSize: Int,
        unlockedFormats: [Bool] = [],
        filledFormats: [Int32] = [],
        concealingFormats: [Bool] = []
    ) {
        self.concealingFormats = concealingFormats
        self.maxCellSize = maxCellSize
        self.path = path
        self.part = part
        self.unlockedFormats = unlockedFormats
        self.filledFormats = filledFormats
        super.init()
    }

    /// Hands over the last batch: once the part has been parsed, or when parsing failed, so
    /// that the rows before the damage still arrive (unless handing over was what failed).
    func finish() throws {
        if !batch.isEmpty, !deliveryFailed { try onBatch?(batch) }
        batch.removeAll()
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
            let what: String
            switch capture {
            case .validationFormula1, .validationFormula2, .sqref: what = "a data validation (its list or range)"
            default: what = "cell \(cellAddress.a1)"
            }
            capture = .none
            fail(textTooLong(path: path, part: part, what: what, limit: maxCellSize))
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
        // A row number beyond the grid, or none past its last row, is refused: read on, its cells
        // would land in another row.
        if let text = attributes.string("r") {
            guard let number = Int(text), number >= 1, number <= CellAddress.maxRow else {
                return beyondGrid("row r=\"\(text.prefix(40))\"", "a row number runs from 1 to 1,048,576")
            }
            rowIndex = number
        } else {
            guard rowIndex < CellAddress.maxRow else {
                return beyondGrid("the row after row 1,048,576", "a sheet has at most 1,048,576 rows")
            }
            rowIndex += 1
        }
        columnIndex = 0
        rowFirstCell = batch.cells.count
        if attributes.bool("hidden", default: false) {
            metadata.hiddenRows.append(rowIndex)
            if let level = attributes.int("outlineLevel"), level > 0 { metadata.foldedRows.append(rowIndex) }
        }
        // A row with a format of its own (`customFormat`) gives it to the cells the file leaves out.
        rowUnlocked = nil
        if attributes.bool("customFormat", default: false), let style = attributes.int("s"), style >= 0,
            style < unlockedFormats.count
        {
            rowUnlocked = unlockedFormats[style]
            if unlockedFormats[style] {
                metadata.unlockedRows.append(rowIndex)
            } else if !metadata.unlockedColumns.isEmpty {
                metadata.lockedRows.append(rowIndex)
            }
        }
    }

    private func endRow() {
        let count = batch.cells.count - rowFirstCell
        guard count > 0 else { return }
        batch.rows.append((Int32(rowFirstCell), Int32(count)))
        guard batch.rows.count >= Self.batchRows || batch.bytes.count >= Self.batchBytes else { return }
        do {
            try onBatch?(batch)
        } catch {
            deliveryFailed = true
            fail(error)
        }
        batch.removeAll()
    }

    private func startCell(_ attributes: XMLAttributes) {
        var address: CellAddress?
        var badReference: String?
        var type = RawCellType.number
        var style = 0
        attributes.forEach { name, value in
            guard name[1] == 0 else { return }
            switch name[0] {
            case UInt8(ascii: "r"):
                address = CellAddress.parse(value)
                if address.map({ $0.row > CellAddress.maxRow || $0.column > CellAddress.maxColumn }) ?? true {
                    address = nil
                    badReference = String(decoding: value.prefix(40), as: UTF8.self)
                }
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
        if let badReference {
            return beyondGrid("cell r=\"\(badReference)\"", "a cell reference runs from A1 to XFD1048576")
        }
        if let address {
            cellAddress = address
            columnIndex = address.column
            if rowIndex == 0 { rowIndex = address.row }
        } else {
            guard columnIndex < CellAddress.maxColumn else {
                return beyondGrid(
                    "the cell after XFD\(rowIndex) (a cell without a reference)",
                    "a row has at most 16,384 cells"
                )
            }
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

    /// Stops the read: the part places a row or cell outside the sheet's grid.
    private func beyondGrid(_ what: String, _ rule: String) {
        fail(
            SpreadsheetError.invalidContent(
                path: path,
                part: part,
                location: what,
                reason:
                    "beyond the sheet's grid (\(rule)); the file is damaged or was not written by a spreadsheet program"
            )
        )
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
        // An empty cell counts here: a form's input cell is unlocked before anyone types in it.
        if cellStyle >= 0, cellStyle < unlockedFormats.count, unlockedFormats[cellStyle] {
            metadata.unlockedCells.append(cellAddress)
        } else if rowUnlocked == true
            || (!metadata.unlockedColumns.isEmpty
                && metadata.unlockedColumns.contains(where: { $0.contains(cellAddress.column) }))
        {
            // A cell's own format decides over its column's: a formula or a heading the sender
            // locked inside an open column stays locked.
            metadata.lockedCells.append(cellAddress)
        }
        // And one whose format hides what is typed into it.
        if cellStyle >= 0, cellStyle < concealingFormats.count, concealingFormats[cellStyle] {
            metadata.concealedCells.append(cellAddress)
        }
        // So is a filled one: a form may shade the cells it wants typed in.
        if cellStyle >= 0, cellStyle < filledFormats.count, filledFormats[cellStyle] >= 0 {
            let fill = filledFormats[cellStyle]
            let row = Int32(clamping: cellAddress.row)
            let column = Int32(clamping: cellAddress.column)
            if let last = metadata.filledRuns.last, last.row == row, last.last == column - 1, last.fill == fill {
                metadata.filledRuns[metadata.filledRuns.count - 1].last = column
            } else {
                metadata.filledRuns.append(
                    FillRun(row: cellAddress.row, first: cellAddress.column, last: cellAddress.column, fill: fill)
                )
            }
        }
        guard hasValue || hasFormula else { return }
        guard batch.bytes.count + value.count + formula.count < Int(Int32.max) else {
            fail(
                textTooLong(path: path, part: part, what: "row \(cellAddress.row)", limit: Int(Int32.max), setting: nil)
            )
            return
        }
        let valueStart = batch.bytes.count
        if hasValue { batch.bytes.append(contentsOf: value.bytes) }
        let formulaStart = batch.bytes.count
        if hasFormula { batch.bytes.append(contentsOf: formula.bytes) }
        batch.cells.append(
            RawCell(
                row: Int32(cellAddress.row),
                column: Int32(cellAddress.column),
                type: cellType,
                hasValue: hasValue,
                hasFormula: hasFormula,
                definesSharedFormula: sharedFormulaRange,
                sharedIndex: sharedFormulaIndex.map { Int32(clamping: $0) } ?? -1,
                style: Int32(clamping: cellStyle),
                valueStart: Int32(valueStart),
                valueLength: Int32(formulaStart - valueStart),
                formulaStart: Int32(formulaStart),
                formulaLength: Int32(batch.bytes.count - formulaStart)
            )
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
        } else if xmlNameEquals(name, "col") {
            if let style = attributes.int("style"), style >= 0, style < unlockedFormats.count, unlockedFormats[style],
                let first = attributes.int("min"), let last = attributes.int("max"), 1 <= first, first <= last
            {
                metadata.unlockedColumns.append(first...min(last, CellAddress.maxColumn))
            }
        } else if xmlNameEquals(name, "sheetProtection") {
            metadata.isProtected = attributes.bool("sheet", default: false)
        } else if inExtensionList == 0, xmlNameEquals(name, "autoFilter") {
            autoFilterRange = attributes.string("ref").flatMap(CellRange.init(a1:))
        } else if inExtensionList == 0, xmlNameEquals(name, "filterColumn"), let range = autoFilterRange {
            metadata.filteredRange = range
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

func trimmedSpaces(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
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
