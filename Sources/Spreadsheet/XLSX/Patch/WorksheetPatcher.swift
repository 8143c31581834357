/// Writes text into cells of a worksheet's XML and leaves every other byte as it was.
///
/// The XML is scanned, not parsed into a tree: rows and cells are found by their tags, the cells
/// to change are replaced (keeping their style) or inserted in column order (creating rows
/// where missing), and everything between them is copied unchanged. Formula cells are never
/// overwritten. Text is written as an inline string, so the shared-string table is untouched.
struct WorksheetPatcher {
    /// The text to write into each cell, by row, then column.
    let edits: [Int: [Int: String]]
    /// Cells left alone because they hold a formula.
    private(set) var skippedFormulas: [CellAddress] = []
    /// Cells written.
    private(set) var written: [CellAddress] = []

    init(edits: [CellAddress: String]) {
        var byRow: [Int: [Int: String]] = [:]
        for (address, text) in edits { byRow[address.row, default: [:]][address.column] = text }
        self.edits = byRow
    }

    /// The patched XML.
    mutating func patch(_ xml: [UInt8]) throws -> [UInt8] {
        var scanner = XMLScanner(bytes: xml)
        var output: [UInt8] = []
        output.reserveCapacity(xml.count + edits.count * 96)
        guard let sheetData = scanner.findStartTag("sheetData") else {
            throw PatchFailure(reason: "the worksheet has no sheetData element")
        }
        let prefix = scanner.prefix(of: sheetData)
        // Rows to write, in order, with a cursor: rows before the next existing row are
        // inserted, a row that exists is patched, the rest go before </sheetData>.
        let rows = edits.keys.sorted()
        var next = 0
        output.append(contentsOf: xml[0..<sheetData.end])
        if sheetData.selfClosing {
            // <sheetData/> becomes <sheetData>…</sheetData>.
            output.removeLast(2)
            output.append(UInt8(ascii: ">"))
            for row in rows { appendNewRow(row, prefix: prefix, to: &output) }
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
                    appendNewRow(rows[next], prefix: prefix, to: &output)
                    next += 1
                }
                output.append(contentsOf: xml[tag.start...])
                return output
            }
            guard !tag.isEnd, scanner.named(tag, "row") else { continue }
            let rowNumber = scanner.attribute(tag, "r").flatMap { Int($0) } ?? lastRow + 1
            lastRow = rowNumber
            output.append(contentsOf: xml[scanner.copiedUpTo..<tag.start])
            while next < rows.count, rows[next] < rowNumber {
                appendNewRow(rows[next], prefix: prefix, to: &output)
                next += 1
            }
            guard next < rows.count, rows[next] == rowNumber, let rowEdits = edits[rowNumber] else {
                scanner.copiedUpTo = tag.start
                continue
            }
            next += 1
            try patchRow(tag, number: rowNumber, edits: rowEdits, scanner: &scanner, prefix: prefix, output: &output)
        }
    }

    private mutating func patchRow(
        _ rowTag: XMLScanner.Tag,
        number: Int,
        edits: [Int: String],
        scanner: inout XMLScanner,
        prefix: String,
        output: inout [UInt8]
    ) throws {
        let xml = scanner.bytes
        var pending = edits.keys.sorted()
        if rowTag.selfClosing {
            // <row …/> becomes <row …>cells</row>.
            output.append(contentsOf: xml[rowTag.start..<(rowTag.end - 2)])
            output.append(UInt8(ascii: ">"))
            for column in pending {
                appendCell(number, column, edits[column] ?? "", style: nil, prefix: prefix, to: &output)
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
                for column in pending {
                    appendCell(number, column, edits[column] ?? "", style: nil, prefix: prefix, to: &output)
                }
                output.append(contentsOf: xml[tag.start..<tag.end])
                scanner.copiedUpTo = tag.end
                return
            }
            guard !tag.isEnd, scanner.named(tag, "c") else { continue }
            let column = scanner.attribute(tag, "r").flatMap { CellAddress(a1: $0)?.column } ?? lastColumn + 1
            lastColumn = column
            output.append(contentsOf: xml[scanner.copiedUpTo..<tag.start])
            while let next = pending.first, next < column {
                appendCell(number, next, edits[next] ?? "", style: nil, prefix: prefix, to: &output)
                pending.removeFirst()
            }
            // The cell's whole element: to its `/>` or its `</c>`.
            let cellEnd = tag.selfClosing ? tag.end : try scanner.skipElement("c", from: tag.end)
            if let text = edits[column], pending.first == column {
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

    private mutating func appendNewRow(_ row: Int, prefix: String, to output: inout [UInt8]) {
        output.append(contentsOf: Array("<\(prefix)row r=\"\(row)\">".utf8))
        for (column, text) in (edits[row] ?? [:]).sorted(by: { $0.key < $1.key }) {
            appendCell(row, column, text, style: nil, prefix: prefix, to: &output)
        }
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
