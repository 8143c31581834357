/// Turns raw cells into typed ones, row by row: shared strings looked up, numbers parsed, dates
/// recognised from their formats, shared formulas moved to each cell.
///
/// Runs on the thread that reads the rows, so that the strings it hands out are made and used
/// on one core; keeps the extent and counts of what it delivered.
final class CellTyper {
    private let path: String
    private let part: String
    private let sharedStrings: SharedStringTable
    private let numberKinds: [NumberKind]
    private let struckFormats: [Bool]
    /// The cells delivered whose format strikes their text through, in order.
    @exclusivity(unchecked) private(set) var struckCells: [CellAddress] = []
    private let dateSystem: DateSystem
    @exclusivity(unchecked) private var cells: [Cell] = []
    @exclusivity(unchecked) private var sharedFormulas: [Int32: (anchor: CellAddress, text: String)] = [:]
    @exclusivity(unchecked) private(set) var rowCount = 0
    @exclusivity(unchecked) private(set) var cellCount = 0
    @exclusivity(unchecked) private var minRow = Int.max
    @exclusivity(unchecked) private var minColumn = Int.max
    @exclusivity(unchecked) private var maxRow = 0
    @exclusivity(unchecked) private var maxColumn = 0

    init(
        path: String,
        part: String,
        sharedStrings: SharedStringTable,
        numberKinds: [NumberKind],
        struckFormats: [Bool] = [],
        dateSystem: DateSystem
    ) {
        self.path = path
        self.part = part
        self.sharedStrings = sharedStrings
        self.numberKinds = numberKinds
        self.struckFormats = struckFormats
        self.dateSystem = dateSystem
        cells.reserveCapacity(64)
    }

    /// The smallest range holding every cell delivered, or `nil` if none was.
    var usedRange: CellRange? {
        guard maxRow > 0 else { return nil }
        return CellRange(CellAddress(row: minRow, column: minColumn), CellAddress(row: maxRow, column: maxColumn))
    }

    /// Types a batch and passes each row that has cells to `body`.
    func deliver(_ batch: RawRows, to body: (Row) throws -> Void) throws {
        try batch.bytes.withUnsafeBufferPointer { bytes in
            for (first, count) in batch.rows {
                cells.removeAll(keepingCapacity: true)
                for index in Int(first)..<Int(first + count) {
                    try add(batch.cells[index], bytes)
                }
                guard !cells.isEmpty else { continue }
                // Writers put cells in column order; a file that does not is put right here.
                if !cells.indices.dropFirst().allSatisfy({ cells[$0 - 1].address.column < cells[$0].address.column }) {
                    cells.sort { $0.address.column < $1.address.column }
                }
                rowCount += 1
                // The row is released right after the call, so the buffer is reused, not copied.
                try body(Row(index: cells[0].address.row, cells: cells))
            }
        }
    }

    private func add(_ raw: RawCell, _ bytes: UnsafeBufferPointer<UInt8>) throws {
        let address = CellAddress(row: Int(raw.row), column: Int(raw.column))
        let value =
            raw.hasValue
            ? try typedValue(
                raw,
                UnsafeBufferPointer(rebasing: bytes[Int(raw.valueStart)..<Int(raw.valueStart + raw.valueLength)]),
                address
            )
            : .empty
        let formula =
            raw.hasFormula
            ? resolveFormula(
                raw,
                UnsafeBufferPointer(rebasing: bytes[Int(raw.formulaStart)..<Int(raw.formulaStart + raw.formulaLength)]),
                address
            )
            : nil
        if formula == nil, case .empty = value { return }
        // Appending a blank cell and filling it in place spares a copy and a release per cell.
        cells.append(Cell.blank)
        cells.withUnsafeMutableBufferPointer { buffer in
            let last = buffer.count - 1
            buffer[last].address = address
            buffer[last].value = consume value
            buffer[last].formula = formula
            buffer[last].styleIndex = Int(raw.style)
        }
        cellCount += 1
        if Int(raw.style) < struckFormats.count, struckFormats[Int(raw.style)], formula == nil {
            struckCells.append(address)
        }
        if address.row < minRow { minRow = address.row }
        if address.row > maxRow { maxRow = address.row }
        if address.column < minColumn { minColumn = address.column }
        if address.column > maxColumn { maxColumn = address.column }
    }

    private func typedValue(_ raw: RawCell, _ text: UnsafeBufferPointer<UInt8>, _ address: CellAddress) throws
        -> CellValue
    {
        switch raw.type {
        case .sharedString:
            if let index = parseInt(trimmedSpaces(text)), let string = try sharedStrings.string(at: index) {
                return .string(string)
            }
            throw SpreadsheetError.invalidContent(
                path: path,
                part: part,
                location: "cell \(address.a1)",
                reason: "refers to shared string \(String(decoding: text, as: UTF8.self)), "
                    + "which the shared-string table does not have"
            )
        case .number:
            guard let number = parseDouble(text) else {
                if text.allSatisfy({ $0 == 0x20 }) { return .empty }
                throw SpreadsheetError.invalidContent(
                    path: path,
                    part: part,
                    location: "cell \(address.a1)",
                    reason: "the number \"\(String(decoding: text, as: UTF8.self))\" does not parse"
                )
            }
            let style = Int(raw.style)
            let kind = style < numberKinds.count ? numberKinds[style] : .plain
            if kind != .plain,
                let date = SpreadsheetDate(serial: number, system: dateSystem, duration: kind == .duration)
            {
                return .date(date)
            }
            return .number(number)
        case .formulaString:
            return text.isEmpty ? .empty : .string(decodeEscapes(text))
        case .inlineString:
            return .string(decodeEscapes(text))
        case .boolean:
            guard let first = text.first(where: { $0 != 0x20 }) else { return .empty }
            return .boolean(first == UInt8(ascii: "1") || first == UInt8(ascii: "t") || first == UInt8(ascii: "T"))
        case .error:
            return text.isEmpty ? .empty : .error(String(decoding: text, as: UTF8.self))
        case .isoDate:
            let string = String(decoding: text, as: UTF8.self)
            if string.isEmpty { return .empty }
            return SpreadsheetDate(iso8601: string).map(CellValue.date) ?? .string(string)
        }
    }

    private func resolveFormula(_ raw: RawCell, _ text: UnsafeBufferPointer<UInt8>, _ address: CellAddress) -> String? {
        let formula = String(decoding: text, as: UTF8.self)
        // An empty `<f/>` (a cell inside an array formula's range) still marks a formula cell.
        guard raw.sharedIndex >= 0 else { return formula }
        if raw.definesSharedFormula || sharedFormulas[raw.sharedIndex] == nil {
            if formula.isEmpty { return nil }
            sharedFormulas[raw.sharedIndex] = (address, formula)
            return formula
        }
        guard let (anchor, master) = sharedFormulas[raw.sharedIndex] else { return nil }
        return translateFormula(master, rows: address.row - anchor.row, columns: address.column - anchor.column)
    }
}
