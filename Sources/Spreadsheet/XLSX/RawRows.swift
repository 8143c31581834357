/// A cell's type attribute (`t`) as the worksheet writes it.
enum RawCellType: UInt8, Sendable {
    case number, sharedString, formulaString, inlineString, boolean, error, isoDate
}

/// One cell as the worksheet XML gives it, before typing: where it is, its type and style, and
/// where its value and formula texts lie in the batch's bytes.
struct RawCell: Sendable {
    var row: Int32
    var column: Int32
    var type: RawCellType
    var hasValue: Bool
    var hasFormula: Bool
    /// `t="shared"` with a `ref`: the cell that defines a shared formula.
    var definesSharedFormula: Bool
    /// The shared formula's `si`, or -1.
    var sharedIndex: Int32
    var style: Int32
    var valueStart: Int32
    var valueLength: Int32
    var formulaStart: Int32
    var formulaLength: Int32
}

/// Rows of raw cells with their texts in one byte buffer: the compact form in which a worksheet
/// crosses from the parsing thread to the thread that types the cells and reads the rows.
struct RawRows: Sendable {
    /// The texts of all the cells, back to back.
    var bytes: [UInt8] = []
    var cells: [RawCell] = []
    /// Each row's first cell and cell count in ``cells``.
    var rows: [(first: Int32, count: Int32)] = []

    init() {
        bytes.reserveCapacity(1 << 16)
        cells.reserveCapacity(2048)
        rows.reserveCapacity(256)
    }

    var isEmpty: Bool { rows.isEmpty }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        cells.removeAll(keepingCapacity: true)
        rows.removeAll(keepingCapacity: true)
    }
}
