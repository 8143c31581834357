/// Writes text into cells of a worksheet's XML and leaves every other byte as it was.
///
/// The XML is scanned, not parsed into a tree: rows and cells are found by their tags, the cells
/// to change are replaced (keeping their style) or inserted in column order (creating rows
/// where missing), and everything between them is copied unchanged. Formula cells are never
/// overwritten. Text is written as an inline string, so the shared-string table is untouched.
struct WorksheetPatcher {
    /// The rows to write, in order, each with its cells and their text in column order.
    let rows: [(row: Int, cells: [(column: Int, text: String)])]
    /// Cells left alone because they hold a formula.
    private(set) var skippedFormulas: [CellAddress] = []
    /// Cells written.
    private(set) var written: [CellAddress] = []

    init(edits: [CellAddress: String]) {
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

    /// The patched XML.
    mutating func patch(_ xml: [UInt8]) throws -> [UInt8] {
        var scanner = XMLScanner(bytes: xml)
        var output: [UInt8] = []
        output.reserveCapacity(xml.count + rows.count * 96)
        guard let sheetData = scanner.findStartTag("sheetData") else {
            throw PatchFailure(reason: "the worksheet has no sheetData element")
        }
        let prefix = scanner.prefix(of: sheetData)
        // Rows to write, in order, with a cursor: rows before the next existing row are
        // inserted, a row that exists is patched, the rest go before </sheetData>.
        var next = 0
        output.append(contentsOf: xml[0..<sheetData.end])
        if sheetData.selfClosing {
            // <sheetData/> becomes <sheetData>…</sheetData>.
            output.removeLast(2)
            output.append(UInt8(ascii: ">"))
            for row in rows { appendNewRow(row.row, row.cells, prefix: prefix, to: &output) }
            output.append(contentsOf: Array("</\(prefix)sheetData>".utf8))
            output.append(contentsOf: xml[sheetData.end...])
            return output
        }
        scanner.position = sheetData.end
        scanner.copiedUpTo = sheetData.end
        var lastRow = 0
        while true {
            guard let tag = scanner.nextTag() else {
                throw PatchFailure(reason: "sheetData is not closed")
            }
            if tag.isEnd && scanner.named(tag, "sheetData") {
                output.append(contentsOf: xml[scanner.copiedUpTo..<tag.start])
                while next < rows.count {
                    appendNewRow(rows[next].row, rows[next].cells, prefix: prefix, to: &output)
                    next += 1
                }
                output.append(contentsOf: xml[tag.start...])
                return output
            }
            guard !tag.isEnd, scanner.named(tag, "row") else { continue }
            let rowNumber = scanner.attribute(tag, "r").flatMap { Int($0) } ?? lastRow + 1
            lastRow = rowNumber
            output.append(contentsOf: xml[scanner.copiedUpTo..<tag.start])
            while next < rows.count, rows[next].row < rowNumber {
                appendNewRow(rows[next].row, rows[next].cells, prefix: prefix, to: &output)
                next += 1
            }
            guard next < rows.count, rows[next].row == rowNumber else {
                scanner.copiedUpTo = tag.start
                continue
            }
            let rowEdits = rows[next].cells
            next += 1
            try patchRow(tag, number: rowNumber, edits: rowEdits, scanner: &scanner, prefix: prefix, output: &output)
        }
    }

    private mutating func patchRow(
        _ rowTag: XMLScanner.Tag,
        number: Int,
        edits: [(column: Int, text: String)],
        scanner: inout XMLScanner,
        prefix: String,
        output: inout [UInt8]
    ) throws {
        let xml = scanner.bytes
        var pending = edits[...]
        if rowTag.selfClosing {
            // <row …/> becomes <row …>cells</row>.
            output.append(contentsOf: xml[rowTag.start..<(rowTag.end - 2)])
            output.append(UInt8(ascii: ">"))
            for edit in pending {
                appendCell(number, edit.column, edit.text, style: nil, prefix: prefix, to: &output)
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
                throw PatchFailure(reason: "row \(number) is not closed")
            }
            if tag.isEnd && scanner.named(tag, "row") {
                output.append(contentsOf: xml[scanner.copiedUpTo..<tag.start])
                for edit in pending {
                    appendCell(number, edit.column, edit.text, style: nil, prefix: prefix, to: &output)
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
                appendCell(number, next.column, next.text, style: nil, prefix: prefix, to: &output)
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
                    appendCell(number, column, text, style: scanner.attribute(tag, "s"), prefix: prefix, to: &output)
                }
            } else {
                output.append(contentsOf: xml[tag.start..<cellEnd])
            }
            scanner.position = cellEnd
            scanner.copiedUpTo = cellEnd
        }
    }

    private mutating func appendNewRow(
        _ row: Int,
        _ cells: [(column: Int, text: String)],
        prefix: String,
        to output: inout [UInt8]
    ) {
        output.append(contentsOf: Array("<\(prefix)row r=\"\(row)\">".utf8))
        for cell in cells { appendCell(row, cell.column, cell.text, style: nil, prefix: prefix, to: &output) }
        output.append(contentsOf: Array("</\(prefix)row>".utf8))
    }

    private mutating func appendCell(
        _ row: Int,
        _ column: Int,
        _ text: String,
        style: String?,
        prefix: String,
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
