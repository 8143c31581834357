/// Writes one worksheet part (`xl/worksheets/sheetN.xml`) and its relationships, adding its text to
/// the workbook's shared strings.
///
/// The part is built a cell at a time, from precomputed pieces (column letters, style attributes,
/// the row number's digits), so a cell costs a few appends and one shared-string lookup; each
/// megabyte built goes to the deflater, which compresses it on another core while the next is
/// built, so a sheet of any size is never held whole.
struct XLSXWorksheetWriter {
    /// The sheet's cells and settings.
    let sheet: XLSXSheet
    /// The 0-based position of the sheet in the workbook.
    let position: Int
    /// The number of columns the sheet spans: its header, or its widest row if wider.
    let width: Int
    /// The first-row formula of each list rule, by 0-based column.
    let listFormulas: [Int: String]

    /// The row of the first data row: 2 below a header, 1 when the sheet has no columns.
    var firstDataRow: Int { sheet.columns.isEmpty ? 1 : 2 }
    /// The last row the sheet spans (the header row when there are no data rows).
    var lastRow: Int { max(firstDataRow + sheet.rowCount - 1, 1) }
    /// Whether row 1 holds the column headers.
    var hasHeader: Bool { !sheet.columns.isEmpty }

    /// Excel's limits on links: the text of one, and the number in a sheet.
    private static let longestLink = 2_079
    private static let mostLinks = 65_530
    /// Excel's limit on the text of one cell, in UTF-16 code units.
    private static let longestText = 32_767

    /// What the part links to: a cell's reference and the URL, in cell order.
    struct Link {
        var cell: String
        var url: String
    }

    /// Writes the worksheet part into `deflater` as it is built; returns the links it holds.
    func writePart(strings: inout SharedStringsBuilder, into deflater: EntryDeflater) throws -> [Link] {
        var xml = XMLByteWriter(capacity: XMLByteWriter.flushSize + 64 * 1_024)
        xml.declaration()
        xml.literal(
            """
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
            """
        )
        let lastColumn = Array(CellAddress.columnName(max(width, 1)).utf8)
        if sheet.printSetup != nil { xml.literal("<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>") }
        xml.literal("<dimension ref=\"")
        if width == 0 {
            xml.literal("A1")
        } else {
            xml.literal("A1:")
            xml.cellReference(lastColumn, lastRow)
        }
        xml.literal("\"/>")
        writeSheetView(&xml)
        xml.literal("<sheetFormatPr defaultRowHeight=\"15\"/>")
        writeColumnWidths(&xml)
        xml.literal("<sheetData>")
        let links = try writeRows(&xml, strings: &strings, deflater: deflater)
        xml.literal("</sheetData>")
        if sheet.autoFilter, hasHeader {
            xml.literal("<autoFilter ref=\"A1:")
            xml.cellReference(lastColumn, lastRow)
            xml.literal("\"/>")
        }
        writeValidations(&xml)
        if !links.isEmpty {
            xml.literal("<hyperlinks>")
            for (number, link) in links.enumerated() {
                xml.literal("<hyperlink ref=\"")
                xml.text(link.cell, .attribute)
                xml.literal("\" r:id=\"rId")
                xml.integer(number + 1)
                xml.literal("\"/>")
            }
            xml.literal("</hyperlinks>")
        }
        if let setup = sheet.printSetup {
            // One page wide, as many down as it takes; the footer's codes are &L (left part),
            // &R (right), &P (page) and &N (pages), so a literal & is written &&.
            xml.literal(
                """
                <printOptions gridLines="1"/>\
                <pageMargins left="0.4" right="0.4" top="0.6" bottom="0.75" header="0.3" footer="0.3"/>\
                <pageSetup orientation="
                """
            )
            xml.literal(setup.landscape ? "landscape" : "portrait")
            xml.literal("\" fitToWidth=\"1\" fitToHeight=\"0\"/><headerFooter><oddFooter>")
            let left =
                setup.footer.isEmpty
                ? ""
                : "&L" + setup.footer.split(separator: "&", omittingEmptySubsequences: false).joined(separator: "&&")
            xml.text(left + "&RPage &P of &N", .content)
            xml.literal("</oddFooter></headerFooter></worksheet>")
        } else {
            xml.literal(
                """
                <pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>\
                </worksheet>
                """
            )
        }
        xml.flush(to: deflater)
        return links
    }

    /// The relationships part that points the sheet's links at their URLs.
    static func relationships(_ links: [Link]) -> [UInt8] {
        var xml = XMLByteWriter()
        xml.declaration()
        xml.literal("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">")
        for (number, link) in links.enumerated() {
            xml.literal("<Relationship Id=\"rId")
            xml.integer(number + 1)
            xml.literal(
                "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\""
            )
            xml.text(link.url, .attribute)
            xml.literal("\" TargetMode=\"External\"/>")
        }
        xml.literal("</Relationships>")
        return xml.bytes
    }

    private func writeSheetView(_ xml: inout XMLByteWriter) {
        xml.literal(position == 0 ? "<sheetViews><sheetView tabSelected=\"1\" " : "<sheetViews><sheetView ")
        xml.literal("workbookViewId=\"0\">")
        let rows = sheet.freezeHeader && hasHeader ? 1 : 0
        let columns = min(max(sheet.freezeColumns, 0), 16_383)
        if rows > 0 || columns > 0 {
            // The pane right of and below the split is the one that scrolls, as Excel writes it.
            let corner = CellAddress(row: rows + 1, column: columns + 1).a1
            let active = rows == 0 ? "topRight" : columns == 0 ? "bottomLeft" : "bottomRight"
            var pane = "<pane "
            if columns > 0 { pane += "xSplit=\"\(columns)\" " }
            if rows > 0 { pane += "ySplit=\"\(rows)\" " }
            pane += "topLeftCell=\"\(corner)\" activePane=\"\(active)\" state=\"frozen\"/>"
            pane += "<selection pane=\"\(active)\" activeCell=\"\(corner)\" sqref=\"\(corner)\"/>"
            xml.raw(Array(pane.utf8))
        }
        xml.literal("</sheetView></sheetViews>")
    }

    private func writeColumnWidths(_ xml: inout XMLByteWriter) {
        let widths = sheet.columns.enumerated().compactMap { index, column in
            column.width.map { (index + 1, Self.storedWidth($0)) }
        }
        guard !widths.isEmpty else { return }
        xml.literal("<cols>")
        for (column, width) in widths {
            xml.literal("<col min=\"")
            xml.integer(column)
            xml.literal("\" max=\"")
            xml.integer(column)
            xml.literal("\" width=\"")
            xml.number(width)
            xml.literal("\" customWidth=\"1\"/>")
        }
        xml.literal("</cols>")
    }

    /// The `width` attribute for a width in characters, as Excel stores it for Calibri 11 (7-pixel
    /// digits, 5 pixels of padding) and as xlsxwriter computes it: 10 characters is 10.7109375.
    static func storedWidth(_ characters: Double) -> Double {
        let clamped = min(max(characters.isFinite ? characters : 0, 0), 255)
        let digit = 7.0
        let padding = 5.0
        let pixels =
            clamped < 1
            ? (clamped * (digit + padding) + 0.5).rounded(.down) : (clamped * digit + 0.5).rounded(.down) + padding
        return ((pixels / digit * 256).rounded(.down)) / 256
    }

    private func writeValidations(_ xml: inout XMLByteWriter) {
        guard !listFormulas.isEmpty, sheet.rowCount > 0 else { return }
        xml.literal("<dataValidations count=\"")
        xml.integer(listFormulas.count)
        xml.literal("\">")
        for (column, formula) in listFormulas.sorted(by: { $0.key < $1.key }) {
            let letters = Array(CellAddress.columnName(column + 1).utf8)
            xml.literal(
                """
                <dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="
                """
            )
            xml.cellReference(letters, firstDataRow)
            xml.literal(":")
            xml.cellReference(letters, lastRow)
            xml.literal("\"><formula1>")
            xml.text(formula, .content)
            xml.literal("</formula1></dataValidation>")
        }
        xml.literal("</dataValidations>")
    }

    /// The markup around one column's cells, as ranges of one shared byte array.
    ///
    /// A cell is `open`, the row number, one of the suffixes, and for text, numbers and dates the
    /// value and `</v></c>`. Ranges hold no references, so reading them costs no reference counting.
    private struct CellMarkup {
        /// `<c r="AB`.
        var open: Range<Int>
        /// `" s="2" t="s"><v>` and the like, by kind of value.
        var text: Range<Int>
        var link: Range<Int>
        var number: Range<Int>
        /// `" s="2">`: a formula's `<f>` follows.
        var formula: Range<Int>
        var date: Range<Int>
        /// The whole rest of a boolean cell: `" t="b"><v>1</v></c>`.
        var isTrue: Range<Int>
        var isFalse: Range<Int>
        var links: Bool
    }

    private func cellMarkup() -> (bytes: [UInt8], columns: [CellMarkup]) {
        var bytes: [UInt8] = []
        func add(_ pieces: [UInt8]...) -> Range<Int> {
            let start = bytes.count
            for piece in pieces { bytes.append(contentsOf: piece) }
            return start..<bytes.count
        }
        let quote = Array("\"".utf8)
        let columns = (0..<width).map { index in
            let column = index < sheet.columns.count ? sheet.columns[index] : nil
            // A sheet that prints wraps every column, so that no text is cut off on paper.
            let wrap = (column?.wrap ?? false) || sheet.printSetup != nil
            let style = XLSXCellStyle.text(wrap: wrap, link: false).attribute
            return CellMarkup(
                open: add(Array("<c r=\"".utf8), Array(CellAddress.columnName(index + 1).utf8)),
                text: add(quote, style, Array(" t=\"s\"><v>".utf8)),
                link: add(quote, XLSXCellStyle.text(wrap: wrap, link: true).attribute, Array(" t=\"s\"><v>".utf8)),
                number: add(quote, style, Array("><v>".utf8)),
                formula: add(quote, style, Array(">".utf8)),
                date: add(quote, XLSXCellStyle.date.attribute, Array("><v>".utf8)),
                isTrue: add(quote, style, Array(" t=\"b\"><v>1</v></c>".utf8)),
                isFalse: add(quote, style, Array(" t=\"b\"><v>0</v></c>".utf8)),
                links: column?.hyperlink ?? false
            )
        }
        return (bytes, columns)
    }

    private func writeRows(
        _ xml: inout XMLByteWriter,
        strings: inout SharedStringsBuilder,
        deflater: EntryDeflater
    ) throws -> [Link] {
        let (markupBytes, columns) = cellMarkup()
        var links: [Link] = []
        // With a print setup, a row whose wrapped text takes more than one line gets the height
        // it needs, so that printed rows never overlap.
        let wrapWidths: [Double?] = (0..<width).map { index in
            guard sheet.printSetup != nil else { return nil }
            return index < sheet.columns.count ? sheet.columns[index].width ?? 8.43 : 8.43
        }
        func height(_ values: [XLSXValue]) -> Double? {
            var lines = 1
            for (index, value) in values.enumerated() where index < wrapWidths.count {
                guard let columnWidth = wrapWidths[index], case .text(let text) = value else { continue }
                lines = max(lines, Self.lines(text, width: columnWidth))
            }
            return lines > 1 ? min(Double(lines) * 15 + 3, 409) : nil
        }
        func openRow(_ digits: [UInt8], height: Double?) {
            xml.literal("<row r=\"")
            xml.raw(digits)
            if let height {
                xml.literal("\" ht=\"")
                xml.number(height)
                xml.literal("\" customHeight=\"1")
            }
            xml.literal("\">")
        }
        if hasHeader {
            // A printed header wraps in every column, so that a long header never runs into the next.
            var headerHeight: Double?
            if sheet.printSetup != nil {
                let lines = sheet.columns.map { Self.lines($0.header, width: $0.width ?? 8.43) }.max() ?? 1
                headerHeight = lines > 1 ? min(Double(lines) * 15 + 3, 409) : nil
            }
            openRow(Array("1".utf8), height: headerHeight)
            for (index, column) in sheet.columns.enumerated() where !column.header.isEmpty {
                try checkLength(column.header, row: 1, column: index)
                xml.literal("<c r=\"")
                xml.cellReference(Array(CellAddress.columnName(index + 1).utf8), 1)
                let wraps = column.wrap || sheet.printSetup != nil
                xml.literal(wraps ? "\" s=\"4\" t=\"s\"><v>" : "\" s=\"1\" t=\"s\"><v>")
                xml.integer(strings.index(of: column.header))
                xml.literal("</v></c>")
            }
            xml.literal("</row>")
        }
        var rowDigits: [UInt8] = []
        try markupBytes.withUnsafeBufferPointer { markup in
            var made: [XLSXValue] = []
            for offset in 0..<sheet.rowCount {
                let values: [XLSXValue]
                if let generated = sheet.generated {
                    made.removeAll(keepingCapacity: true)
                    generated.row(offset, &made)
                    guard made.count <= width else {
                        throw invalid(
                            firstDataRow + offset,
                            width,
                            "the row has \(made.count) cells and the sheet \(width) columns; a generated row "
                                + "holds at most one cell a column"
                        )
                    }
                    values = made
                } else {
                    values = sheet.rows[offset]
                }
                let row = firstDataRow + offset
                rowDigits.removeAll(keepingCapacity: true)
                appendDigits(UInt64(row), minimumWidth: 1, to: &rowDigits)
                let rowStart = xml.count
                openRow(rowDigits, height: sheet.printSetup == nil ? nil : height(values))
                let cellsStart = xml.count
                for (index, value) in values.enumerated() {
                    let cell = columns[index]
                    func start(_ suffix: Range<Int>) {
                        xml.raw(UnsafeBufferPointer(rebasing: markup[cell.open]))
                        xml.raw(rowDigits)
                        xml.raw(UnsafeBufferPointer(rebasing: markup[suffix]))
                    }
                    switch value {
                    case .empty:
                        continue
                    case .text(let text):
                        if text.isEmpty { continue }
                        try checkLength(text, row: row, column: index)
                        let isLink = cell.links && links.count < Self.mostLinks && Self.isLinkable(text)
                        start(isLink ? cell.link : cell.text)
                        xml.integer(strings.index(of: text))
                        xml.literal("</v></c>")
                        if isLink {
                            links.append(Link(cell: CellAddress(row: row, column: index + 1).a1, url: text))
                        }
                    case .number(let number):
                        guard number.isFinite else {
                            throw invalid(
                                row,
                                index,
                                "the number \(number) cannot be stored; write it as text or leave it out"
                            )
                        }
                        start(cell.number)
                        xml.number(number)
                        xml.literal("</v></c>")
                    case .formula(let formula, let cached):
                        guard cached.isFinite, !formula.isEmpty, !formula.hasPrefix("=") else {
                            throw invalid(row, index, "the formula \"\(formula)\" cannot be stored")
                        }
                        start(cell.formula)
                        xml.literal("<f>")
                        xml.text(formula, .content)
                        xml.literal("</f><v>")
                        xml.number(cached)
                        xml.literal("</v></c>")
                    case .boolean(let flag):
                        start(flag ? cell.isTrue : cell.isFalse)
                    case .date(let year, let month, let day):
                        guard let serial = Self.serial(year: year, month: month, day: day) else {
                            throw invalid(
                                row,
                                index,
                                "\(year)-\(month)-\(day) is not a date from 1900-01-01 to 9999-12-31; "
                                    + "write it as text or correct it"
                            )
                        }
                        start(cell.date)
                        xml.integer(serial)
                        xml.literal("</v></c>")
                    }
                }
                if xml.count == cellsStart {
                    xml.truncate(to: rowStart)  // a row with no cells is left out
                } else {
                    xml.literal("</row>")
                    xml.flushIfFull(to: deflater)
                }
            }
        }
        return links
    }

    /// The lines `text` takes in a wrapped column `width` characters wide, wrapped a word at a time.
    ///
    /// The width counts the default font's digits and text runs about a tenth narrower, so a line
    /// holds 1.1 × width characters; a word longer than a line is broken across lines. An
    /// over-estimate leaves white space; an under-estimate would cut text off.
    static func lines(_ text: String, width: Double) -> Int {
        let perLine = max(Int(width * 1.1), 1)
        var lines = 0
        for paragraph in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            var used = 0
            lines += 1
            for word in paragraph.split(separator: " ") {
                let length = word.count
                if used > 0, used + 1 + length <= perLine {
                    used += 1 + length
                } else {
                    if used > 0 { lines += 1 }
                    lines += (length - 1) / perLine
                    used = (length - 1) % perLine + 1
                }
            }
        }
        return lines
    }

    private func checkLength(_ text: String, row: Int, column: Int) throws {
        // UTF-8 is never shorter than UTF-16, so most texts are cleared without counting.
        guard text.utf8.count > Self.longestText, text.utf16.count > Self.longestText else { return }
        throw invalid(
            row,
            column,
            "the text is \(text.utf16.count) characters long and a cell holds at most 32,767; shorten it"
        )
    }

    private func invalid(_ row: Int, _ column: Int, _ reason: String) -> XLSXWriteError {
        .invalidCell(sheet: sheet.name, cell: CellAddress(row: row, column: column + 1).a1, reason: reason)
    }

    /// Whether text is an `http` or `https` URL that Excel accepts as a link target as it is: no
    /// spaces, control characters or characters a URL must escape (`"`, `<`, `>`, `\`, `^`, `` ` ``,
    /// `{`, `|`, `}`), and at most 2,079 characters.
    static func isLinkable(_ text: String) -> Bool {
        let bytes = text.utf8
        guard bytes.count <= longestLink || text.utf16.count <= longestLink else { return false }
        let lowered = bytes.prefix(8).map { $0 | 0x20 }
        let prefix: Int
        if lowered.starts(with: Array("https://".utf8)) {
            prefix = 8
        } else if lowered.starts(with: Array("http://".utf8)) {
            prefix = 7
        } else {
            return false
        }
        guard bytes.count > prefix else { return false }
        return bytes.allSatisfy { byte in
            switch byte {
            case 0...0x20, 0x7F, 0x22, 0x3C, 0x3E, 0x5C, 0x5E, 0x60, 0x7B, 0x7C, 0x7D: false
            default: true
            }
        }
    }

    /// The 1900-system serial number of a date, or `nil` outside 1900-01-01 to 9999-12-31.
    ///
    /// Excel counts a 1900-02-29 that never was, so dates before March 1900 are one lower than the
    /// day count from 1899-12-30.
    static func serial(year: Int, month: Int, day: Int) -> Int? {
        guard (1900...9999).contains(year), (1...12).contains(month), day >= 1 else { return nil }
        let isLeap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= lengths[month - 1] else { return nil }
        let days =
            SpreadsheetDate.daysFromCivil(year: Int64(year), month: Int64(month), day: Int64(day))
            - SpreadsheetDate.daysFromCivil(year: 1899, month: 12, day: 30)
        return days < 61 ? Int(days) - 1 : Int(days)
    }
}
