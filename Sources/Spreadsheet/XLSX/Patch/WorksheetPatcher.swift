/// Writes text into cells of a worksheet's XML and leaves every other byte as it was.
///
/// The XML is scanned, not parsed into a tree: rows and cells are found by their tags, the cells
/// to change are replaced (keeping their style) or inserted in column order (creating rows
/// where missing), and everything between them is copied unchanged. Formula cells are never
/// overwritten. Text is written as an inline string, so the shared-string table is untouched. A
/// cell inserted where none was takes the style the spreadsheet showed there: its row's, when the
/// row has one, or else its column's.
///
/// The part is streamed: `feed` takes it in chunks of any size and appends what is done to the
/// output, holding back only an unfinished tag, or a row being patched until its end arrives;
/// `finish` ends it. The output does not depend on how the input was cut.
struct WorksheetPatcher {
    /// The rows to write, in order, each with its cells and their text in column order.
    let rows: [(row: Int, cells: [(column: Int, text: String)])]
    /// Cells left alone because they hold a formula.
    private(set) var skippedFormulas: [CellAddress] = []
    /// Cells written.
    private(set) var written: [CellAddress] = []

    private enum Phase {
        /// Before `<sheetData>`: column styles are noted.
        case prefix
        /// Inside `<sheetData>`.
        case rows
        /// After `</sheetData>`: copied as it is.
        case suffix
    }

    private var phase = Phase.prefix
    /// The namespace prefix of the sheet's elements (`x:`), or empty.
    private var prefix = ""
    /// The next entry of `rows` to write.
    private var next = 0
    /// The last row number seen, for rows without an `r` attribute.
    private var lastRow = 0
    /// The styles `<col>` elements give, as column ranges.
    private var columnStyles: [(columns: ClosedRange<Int>, style: String)] = []
    /// Bytes received but not yet done with.
    private var pending: [UInt8] = []
    /// How many bytes must be pending before trying again after a try that needed more.
    private var retryAt = 0

    /// How many bytes are gathered before the pending bytes are scanned.
    private let batch: Int

    /// Makes a patcher for cells and their text; `batch` is how many bytes `feed` gathers before
    /// it scans (small values are for tests).
    init(edits: [CellAddress: String], batch: Int = 256 * 1_024) {
        self.batch = max(batch, 1)
        // One sort instead of a dictionary per row: a 200,000-row patch makes no small tables.
        var rows: [(row: Int, cells: [(column: Int, text: String)])] = []
        for (address, text) in edits.sorted(by: { $0.key < $1.key }) {
            if rows.last?.row == address.row {
                rows[rows.count - 1].cells.append((address.column, text))
            } else {
                rows.append((address.row, [(address.column, text)]))
            }
        }
        self.rows = rows
    }

    /// The patched XML of a whole part.
    mutating func patch(_ xml: [UInt8]) throws -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(xml.count + rows.count * 96)
        xml.withUnsafeBytes { pending.append(contentsOf: $0) }
        try finish(output: &output)
        return output
    }

    /// Takes the next bytes of the part and appends to `output` what can be written so far.
    mutating func feed(_ chunk: UnsafeRawBufferPointer, output: inout [UInt8]) throws {
        pending.append(contentsOf: chunk)
        guard pending.count >= retryAt else { return }
        let used = try step(final: false, output: &output)
        pending.removeFirst(used)
        // After a try that needed more (a long row being patched), wait for twice as many bytes:
        // a row of any length is then scanned a bounded number of times, not once per chunk.
        retryAt = pending.count > batch ? pending.count * 2 : batch
    }

    /// Ends the part: writes the rest of it; throws if it is incomplete.
    mutating func finish(output: inout [UInt8]) throws {
        let used = try step(final: true, output: &output)
        guard used == pending.count, phase == .suffix else {
            throw PatchFailure(reason: "the worksheet ends before its sheetData does")
        }
        pending = []
    }

    /// Writes what it can of the pending bytes; returns how many it is done with.
    private mutating func step(final: Bool, output: inout [UInt8]) throws -> Int {
        var used = 0
        if phase == .prefix {
            guard let start = try scanPrefix(final: final, output: &output) else { return 0 }
            used = start
        }
        if phase == .rows { used = try scanRows(from: used, final: final, output: &output) }
        if phase == .suffix {
            output.append(contentsOf: pending[used...])
            used = pending.count
        }
        return used
    }

    /// Finds `<sheetData>`, noting column styles on the way; returns how many bytes it wrote, or
    /// nil when the start tag has not arrived yet.
    private mutating func scanPrefix(final: Bool, output: inout [UInt8]) throws -> Int? {
        var scanner = XMLScanner(bytes: pending)
        var styles: [(columns: ClosedRange<Int>, style: String)] = []
        var found: XMLScanner.Tag?
        while let tag = scanner.nextTag() {
            guard !tag.isEnd else { continue }
            if scanner.named(tag, "sheetData") {
                found = tag
                break
            }
            if scanner.named(tag, "col"), let style = scanner.attribute(tag, "style"),
                let low = scanner.attribute(tag, "min").flatMap({ Int($0) }),
                let high = scanner.attribute(tag, "max").flatMap({ Int($0) }), low >= 1, high >= low
            {
                styles.append((low...high, style))
            }
        }
        guard let sheetData = found else {
            if final { throw PatchFailure(reason: "the worksheet has no sheetData element") }
            return nil
        }
        columnStyles = styles
        prefix = scanner.prefix(of: sheetData)
        output.append(contentsOf: pending[0..<sheetData.end])
        if sheetData.selfClosing {
            // <sheetData/> becomes <sheetData>…</sheetData>.
            output.removeLast(2)
            output.append(UInt8(ascii: ">"))
            for row in rows { appendNewRow(row.row, row.cells, to: &output) }
            next = rows.count
            output.append(contentsOf: Array("</\(prefix)sheetData>".utf8))
            phase = .suffix
        } else {
            phase = .rows
        }
        return sheetData.end
    }

    /// Copies and patches rows from `start`; returns how far it got.
    private mutating func scanRows(from start: Int, final: Bool, output: inout [UInt8]) throws -> Int {
        var scanner = XMLScanner(bytes: pending)
        scanner.position = start
        scanner.copiedUpTo = start
        while true {
            let resume = scanner.position
            guard let tag = scanner.nextTag() else {
                if final { throw PatchFailure(reason: "sheetData is not closed") }
                // An unfinished tag (or comment) waits for the next bytes.
                output.append(contentsOf: pending[scanner.copiedUpTo..<resume])
                return resume
            }
            if tag.isEnd && scanner.named(tag, "sheetData") {
                output.append(contentsOf: pending[scanner.copiedUpTo..<tag.start])
                while next < rows.count {
                    appendNewRow(rows[next].row, rows[next].cells, to: &output)
                    next += 1
                }
                phase = .suffix
                return tag.start
            }
            guard !tag.isEnd, scanner.named(tag, "row") else { continue }
            let rowNumber = scanner.attribute(tag, "r").flatMap { Int($0) } ?? lastRow + 1
            output.append(contentsOf: pending[scanner.copiedUpTo..<tag.start])
            scanner.copiedUpTo = tag.start
            // What to restore when the row turns out not to have arrived whole.
            let mark = (output: output.count, next: next, written: written.count, skipped: skippedFormulas.count)
            while next < rows.count, rows[next].row < rowNumber {
                appendNewRow(rows[next].row, rows[next].cells, to: &output)
                next += 1
            }
            guard next < rows.count, rows[next].row == rowNumber else {
                lastRow = rowNumber
                continue
            }
            do {
                try patchRow(tag, number: rowNumber, edits: rows[next].cells, scanner: &scanner, output: &output)
            } catch let failure as PatchFailure where failure.incomplete && !final {
                output.removeSubrange(mark.output...)
                next = mark.next
                written.removeSubrange(mark.written...)
                skippedFormulas.removeSubrange(mark.skipped...)
                return tag.start
            }
            next += 1
            lastRow = rowNumber
        }
    }

    private mutating func patchRow(
        _ rowTag: XMLScanner.Tag,
        number: Int,
        edits: [(column: Int, text: String)],
        scanner: inout XMLScanner,
        output: inout [UInt8]
    ) throws {
        let xml = scanner.bytes
        var pending = edits[...]
        // A cell inserted in a row with a style of its own takes that style.
        let rowStyle =
            scanner.attribute(rowTag, "customFormat").map { $0 == "1" || $0 == "true" } == true
            ? scanner.attribute(rowTag, "s") : nil
        if rowTag.selfClosing {
            // <row …/> becomes <row …>cells</row>.
            output.append(contentsOf: xml[rowTag.start..<(rowTag.end - 2)])
            output.append(UInt8(ascii: ">"))
            for edit in pending {
                appendCell(number, edit.column, edit.text, style: rowStyle ?? columnStyle(edit.column), to: &output)
            }
            output.append(contentsOf: Array("</\(prefix)row>".utf8))
            scanner.copiedUpTo = rowTag.end
            return
        }
        output.append(contentsOf: xml[rowTag.start..<rowTag.end])
        scanner.copiedUpTo = rowTag.end
        var lastColumn = 0
        while true {
            guard let tag = scanner.nextTag() else {
                throw PatchFailure(reason: "row \(number) is not closed", incomplete: true)
            }
            if tag.isEnd && scanner.named(tag, "row") {
                output.append(contentsOf: xml[scanner.copiedUpTo..<tag.start])
                for edit in pending {
                    appendCell(number, edit.column, edit.text, style: rowStyle ?? columnStyle(edit.column), to: &output)
                }
                output.append(contentsOf: xml[tag.start..<tag.end])
                scanner.copiedUpTo = tag.end
                return
            }
            guard !tag.isEnd, scanner.named(tag, "c") else { continue }
            let column = scanner.cellColumn(tag) ?? lastColumn + 1
            lastColumn = column
            output.append(contentsOf: xml[scanner.copiedUpTo..<tag.start])
            while let next = pending.first, next.column < column {
                appendCell(number, next.column, next.text, style: rowStyle ?? columnStyle(next.column), to: &output)
                pending.removeFirst()
            }
            // The cell's whole element: to its `/>` or its `</c>`.
            let cellEnd = tag.selfClosing ? tag.end : try scanner.skipElement("c", from: tag.end)
            if let edit = pending.first, edit.column == column {
                let text = edit.text
                pending.removeFirst()
                if !tag.selfClosing && scanner.containsStartTag("f", from: tag.end, to: cellEnd) {
                    skippedFormulas.append(CellAddress(row: number, column: column))
                    output.append(contentsOf: xml[tag.start..<cellEnd])
                } else {
                    appendCell(number, column, text, style: scanner.attribute(tag, "s"), to: &output)
                }
            } else {
                output.append(contentsOf: xml[tag.start..<cellEnd])
            }
            scanner.position = cellEnd
            scanner.copiedUpTo = cellEnd
        }
    }

    /// The style a column's `<col>` element gives its empty cells, if any.
    private func columnStyle(_ column: Int) -> String? {
        columnStyles.first { $0.columns.contains(column) }?.style
    }

    private mutating func appendNewRow(_ row: Int, _ cells: [(column: Int, text: String)], to output: inout [UInt8]) {
        output.append(contentsOf: Array("<\(prefix)row r=\"\(row)\">".utf8))
        for cell in cells { appendCell(row, cell.column, cell.text, style: columnStyle(cell.column), to: &output) }
        output.append(contentsOf: Array("</\(prefix)row>".utf8))
    }

    private mutating func appendCell(
        _ row: Int,
        _ column: Int,
        _ text: String,
        style: String?,
        to output: inout [UInt8]
    ) {
        let address = CellAddress(row: row, column: column)
        written.append(address)
        // Pieces appended one by one: no string is built per cell.
        let name = Array(prefix.utf8)
        output.append(UInt8(ascii: "<"))
        output.append(contentsOf: name)
        output.append(contentsOf: "c r=\"".utf8)
        output.append(contentsOf: address.a1.utf8)
        output.append(UInt8(ascii: "\""))
        if let style {
            output.append(contentsOf: " s=\"".utf8)
            output.append(contentsOf: style.utf8)
            output.append(UInt8(ascii: "\""))
        }
        output.append(contentsOf: " t=\"inlineStr\"><".utf8)
        output.append(contentsOf: name)
        output.append(contentsOf: "is><".utf8)
        output.append(contentsOf: name)
        output.append(contentsOf: "t xml:space=\"preserve\">".utf8)
        appendEscaped(text, to: &output)
        output.append(contentsOf: "</".utf8)
        output.append(contentsOf: name)
        output.append(contentsOf: "t></".utf8)
        output.append(contentsOf: name)
        output.append(contentsOf: "is></".utf8)
        output.append(contentsOf: name)
        output.append(contentsOf: "c>".utf8)
    }
}

/// Appends text escaped for XML content; characters XML 1.0 cannot hold are written as
/// `_xHHHH_`, as Excel does, and a literal `_x` sequence is protected the same way.
func appendEscaped(_ text: String, to output: inout [UInt8]) {
    // Most answers need no escaping at all.
    let plain = text.utf8.allSatisfy { byte in
        byte >= 0x20 && byte < 0x80 && byte != UInt8(ascii: "&") && byte != UInt8(ascii: "<")
            && byte != UInt8(ascii: ">")
    }
    if plain {
        output.append(contentsOf: text.utf8)
        return
    }
    for scalar in text.unicodeScalars {
        switch scalar {
        case "&": output.append(contentsOf: Array("&amp;".utf8))
        case "<": output.append(contentsOf: Array("&lt;".utf8))
        case ">": output.append(contentsOf: Array("&gt;".utf8))
        case "\t", "\n": output.append(contentsOf: Array(String(scalar).utf8))
        // A literal CR reads back as LF; the character reference keeps it.
        case "\r": output.append(contentsOf: Array("&#13;".utf8))
        default:
            if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                let digits = String(scalar.value, radix: 16, uppercase: true)
                output.append(contentsOf: Array("_x\(String(repeating: "0", count: 4 - digits.count))\(digits)_".utf8))
            } else {
                output.append(contentsOf: Array(String(scalar).utf8))
            }
        }
    }
}
