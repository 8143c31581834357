/// Writes text into cells of a worksheet's XML and leaves every other byte as it was.
///
/// The XML is scanned, not parsed into a tree: rows and cells are found by their tags, the cells
/// to change are replaced (keeping their style) or inserted in column order (creating rows
/// where missing), and everything between them is copied unchanged. Formula cells are never
/// overwritten, nor are the cells an array or data-table formula fills (`<f t="array"
/// ref="B1:B5">`). Text is written as an inline string, so the shared-string table is untouched.
/// A cell inserted where none was takes the style the spreadsheet showed there: its row's, when
/// the row has one, or else its column's. When cells are written outside the sheet's
/// `<dimension>` or a row's `spans`, those are widened to take them in (readers such as
/// openpyxl's read-only mode stop at the dimension). Merged ranges come after the rows, so the
/// caller checks `written` against them once the part is through (`coveredByMerge`).
///
/// The part is streamed: `feed` takes it in chunks of any size and appends what is done to the
/// output, holding back only an unfinished tag, or a row being patched until its end arrives;
/// `finish` ends it. The output does not depend on how the input was cut.
struct WorksheetPatcher {
    /// The rows to write, in order, each with its cells and their text in column order.
    let rows: [(row: Int, cells: [(column: Int, text: String)])]
    /// Cells left alone because they hold a formula or an array formula fills them.
    private(set) var skippedFormulas: [CellAddress] = []
    /// Cells written.
    private(set) var written: [CellAddress] = []
    /// The merged ranges the sheet declares (after its rows, so known once the part has been
    /// read): the caller must not leave text in a cell a merge covers (see `coveredByMerge`).
    private(set) var mergedRanges: [CellRange] = []
    /// The ranges of the array and data-table formulas seen so far.
    ///
    /// Their cells hold a formula's results. A formula's own cell comes first (it is the range's
    /// top-left), so a range is known before any cell it covers is reached.
    private var formulaRanges: [CellRange] = []

    private enum Phase {
        /// Before `<sheetData>`: column styles are noted.
        case prefix
        /// Inside `<sheetData>`.
        case rows
        /// After `</sheetData>`: copied as it is; merged ranges are noted.
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
        if phase == .suffix { used = scanSuffix(from: used, final: final, output: &output) }
        return used
    }

    /// Copies what follows the rows, noting merged ranges; returns how far it got.
    private mutating func scanSuffix(from start: Int, final: Bool, output: inout [UInt8]) -> Int {
        var scanner = XMLScanner(bytes: pending)
        scanner.position = start
        while true {
            let resume = scanner.position
            guard let tag = scanner.nextTag() else {
                // At the end of a chunk an unfinished tag waits for the next bytes.
                let end = final ? pending.count : resume
                output.append(contentsOf: pending[start..<end])
                return end
            }
            if !tag.isEnd, scanner.named(tag, "mergeCell"),
                let range = scanner.attribute(tag, "ref").flatMap({ CellRange(a1: $0) })
            {
                mergedRanges.append(range)
            }
        }
    }

    /// Whether a cell is covered by a merged range without being its top-left cell, where the
    /// merge's text is: text left there would be hidden.
    func coveredByMerge(_ address: CellAddress) -> Bool {
        mergedRanges.contains { $0.contains(address) && $0.start != address }
    }

    /// Notes the range an array or data-table formula fills.
    private mutating func note(formula tag: XMLScanner.Tag, scanner: XMLScanner) {
        guard let kind = scanner.attribute(tag, "t"), kind == "array" || kind == "dataTable",
            let range = scanner.attribute(tag, "ref").flatMap({ CellRange(a1: $0) })
        else { return }
        formulaRanges.append(range)
    }

    /// Writes text where no cell is yet, unless an array or data-table formula fills that cell.
    private mutating func insertCell(_ row: Int, _ column: Int, _ text: String, style: String?, to out: inout [UInt8]) {
        let address = CellAddress(row: row, column: column)
        if formulaRanges.contains(where: { $0.contains(address) }) {
            skippedFormulas.append(address)
        } else {
            appendCell(row, column, text, style: style, boolean: true, to: &out)
        }
    }

    /// Finds `<sheetData>`, noting column styles on the way; returns how many bytes it wrote, or
    /// nil when the start tag has not arrived yet.
    private mutating func scanPrefix(final: Bool, output: inout [UInt8]) throws -> Int? {
        var scanner = XMLScanner(bytes: pending)
        var styles: [(columns: ClosedRange<Int>, style: String)] = []
        var found: XMLScanner.Tag?
        var dimension: Range<Int>?
        while let tag = scanner.nextTag() {
            guard !tag.isEnd else { continue }
            if scanner.named(tag, "sheetData") {
                found = tag
                break
            }
            if scanner.named(tag, "dimension") { dimension = scanner.attributeValue(tag, "ref") }
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
        if let dimension, let widened = widenedDimension(pending[dimension]) {
            output.append(contentsOf: pending[0..<dimension.lowerBound])
            output.append(contentsOf: widened.utf8)
            output.append(contentsOf: pending[dimension.upperBound..<sheetData.end])
        } else {
            output.append(contentsOf: pending[0..<sheetData.end])
        }
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
            if !tag.isEnd, scanner.named(tag, "f") { note(formula: tag, scanner: scanner) }
            guard !tag.isEnd, scanner.named(tag, "row") else { continue }
            let rowNumber = scanner.attribute(tag, "r").flatMap { Int($0) } ?? lastRow + 1
            // Cells are inserted by walking the rows in order; rows out of order (which Excel
            // itself calls damage) could get a second element for one row.
            guard rowNumber > lastRow else {
                throw PatchFailure(
                    reason: "row \(rowNumber) comes after row \(lastRow), and rows out of order cannot be patched "
                        + "safely; save the file again from a spreadsheet program"
                )
            }
            output.append(contentsOf: pending[scanner.copiedUpTo..<tag.start])
            scanner.copiedUpTo = tag.start
            // What to restore when the row turns out not to have arrived whole.
            let mark = (
                output: output.count, next: next, written: written.count, skipped: skippedFormulas.count,
                formulas: formulaRanges.count
            )
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
                formulaRanges.removeSubrange(mark.formulas...)
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
            appendRowTag(rowTag, upTo: rowTag.end - 2, edits: edits, scanner: scanner, to: &output)
            output.append(UInt8(ascii: ">"))
            for edit in pending {
                insertCell(number, edit.column, edit.text, style: rowStyle ?? columnStyle(edit.column), to: &output)
            }
            output.append(contentsOf: Array("</\(prefix)row>".utf8))
            scanner.copiedUpTo = rowTag.end
            return
        }
        appendRowTag(rowTag, upTo: rowTag.end, edits: edits, scanner: scanner, to: &output)
        scanner.copiedUpTo = rowTag.end
        var lastColumn = 0
        while true {
            guard let tag = scanner.nextTag() else {
                throw PatchFailure(reason: "row \(number) is not closed", incomplete: true)
            }
            if tag.isEnd && scanner.named(tag, "row") {
                output.append(contentsOf: xml[scanner.copiedUpTo..<tag.start])
                for edit in pending {
                    insertCell(number, edit.column, edit.text, style: rowStyle ?? columnStyle(edit.column), to: &output)
                }
                output.append(contentsOf: xml[tag.start..<tag.end])
                scanner.copiedUpTo = tag.end
                return
            }
            guard !tag.isEnd, scanner.named(tag, "c") else { continue }
            let column = scanner.cellColumn(tag) ?? lastColumn + 1
            guard column > lastColumn else {
                throw PatchFailure(
                    reason: "in row \(number), cell \(CellAddress.columnName(column)) comes after column "
                        + "\(CellAddress.columnName(lastColumn)), and cells out of order cannot be patched safely; "
                        + "save the file again from a spreadsheet program"
                )
            }
            lastColumn = column
            output.append(contentsOf: xml[scanner.copiedUpTo..<tag.start])
            while let next = pending.first, next.column < column {
                insertCell(number, next.column, next.text, style: rowStyle ?? columnStyle(next.column), to: &output)
                pending.removeFirst()
            }
            // The cell's whole element: to its `/>` or its `</c>`.
            let (cellEnd, formula) = tag.selfClosing ? (tag.end, nil) : try scanner.skipCell(from: tag.end)
            if let formula { note(formula: formula, scanner: scanner) }
            if let edit = pending.first, edit.column == column {
                let text = edit.text
                pending.removeFirst()
                let address = CellAddress(row: number, column: column)
                let constant = formula.map { scanner.holdsConstantFormula($0, cellEnd: cellEnd) } ?? false
                if (formula != nil && !constant) || formulaRanges.contains(where: { $0.contains(address) }) {
                    skippedFormulas.append(address)
                    output.append(contentsOf: xml[tag.start..<cellEnd])
                } else {
                    let type = scanner.attribute(tag, "t")
                    let boolean = constant || type == "b" || (type == nil && tag.selfClosing)
                    appendCell(number, column, text, style: scanner.attribute(tag, "s"), boolean: boolean, to: &output)
                }
            } else {
                output.append(contentsOf: xml[tag.start..<cellEnd])
            }
            scanner.position = cellEnd
            scanner.copiedUpTo = cellEnd
        }
    }

    /// The `<dimension>` reference grown to take in every cell to write, or nil when it already
    /// does (or cannot be read, in which case it is left as it was).
    private func widenedDimension(_ value: ArraySlice<UInt8>) -> String? {
        guard let first = rows.first, let last = rows.last,
            let range = CellRange(a1: String(decoding: value, as: UTF8.self))
        else { return nil }
        var low = range.start.column
        var high = range.end.column
        for row in rows {
            low = min(low, row.cells.first?.column ?? low)
            high = max(high, row.cells.last?.column ?? high)
        }
        let widened = CellRange(
            CellAddress(row: min(range.start.row, first.row), column: low),
            CellAddress(row: max(range.end.row, last.row), column: high)
        )
        guard widened != range else { return nil }
        return widened.start == widened.end ? widened.start.a1 : "\(widened.start.a1):\(widened.end.a1)"
    }

    /// Appends a row's start tag up to `end` (its `>` or `/>`), with `spans` widened when cells
    /// are written outside it.
    private func appendRowTag(
        _ tag: XMLScanner.Tag,
        upTo end: Int,
        edits: [(column: Int, text: String)],
        scanner: XMLScanner,
        to output: inout [UInt8]
    ) {
        let xml = scanner.bytes
        guard let spans = scanner.attributeValue(tag, "spans"), let first = edits.first, let last = edits.last else {
            output.append(contentsOf: xml[tag.start..<end])
            return
        }
        // `spans` is one or more `low:high` ranges of columns, such as `1:5` or `1:3 7:9`.
        let bounds = String(decoding: xml[spans], as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == ":" })
            .compactMap { Int($0) }
        guard bounds.count >= 2, bounds.count % 2 == 0, let low = bounds.min(), let high = bounds.max() else {
            output.append(contentsOf: xml[tag.start..<end])
            return
        }
        let covered = edits.allSatisfy { edit in
            stride(from: 0, to: bounds.count, by: 2).contains { (bounds[$0]...bounds[$0 + 1]).contains(edit.column) }
        }
        guard !covered else {
            output.append(contentsOf: xml[tag.start..<end])
            return
        }
        output.append(contentsOf: xml[tag.start..<spans.lowerBound])
        output.append(contentsOf: "\(min(low, first.column)):\(max(high, last.column))".utf8)
        output.append(contentsOf: xml[spans.upperBound..<end])
    }

    /// The style a column's `<col>` element gives its empty cells, if any.
    private func columnStyle(_ column: Int) -> String? {
        columnStyles.first { $0.columns.contains(column) }?.style
    }

    private mutating func appendNewRow(_ row: Int, _ cells: [(column: Int, text: String)], to output: inout [UInt8]) {
        output.append(contentsOf: Array("<\(prefix)row r=\"\(row)\">".utf8))
        for cell in cells { insertCell(row, cell.column, cell.text, style: columnStyle(cell.column), to: &output) }
        output.append(contentsOf: Array("</\(prefix)row>".utf8))
    }

    /// Appends a cell holding `text`: an inline string, or a boolean when `boolean` allows it and
    /// the text is `TRUE` or `FALSE` (a checkbox's tick, written as the spreadsheet program would
    /// store it when typed, so the box stays a box).
    private mutating func appendCell(
        _ row: Int,
        _ column: Int,
        _ text: String,
        style: String?,
        boolean: Bool = false,
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
        if boolean, text == "TRUE" || text == "FALSE" {
            output.append(contentsOf: " t=\"b\"><".utf8)
            output.append(contentsOf: name)
            output.append(contentsOf: (text == "TRUE" ? "v>1</" : "v>0</").utf8)
            output.append(contentsOf: name)
            output.append(contentsOf: "v></".utf8)
            output.append(contentsOf: name)
            output.append(contentsOf: "c>".utf8)
            return
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
