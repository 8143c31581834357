/// Writes a new workbook (crosswalks, Statements of Applicability, review lists): sheets with a
/// styled, frozen, filterable header row, column widths, drop-downs and links.
///
/// The output is the same bytes for the same sheets: fixed ZIP timestamps, fixed document
/// properties (created 2000-01-01T00:00:00Z), parts in a fixed order, shared strings in
/// first-use order. All text goes through the shared-string table, so a value such as `=1+1`
/// stays text.
///
/// ```swift
/// var writer = XLSXWorkbookWriter()
/// writer.addSheet(XLSXSheet(name: "Gaps", columns: [XLSXColumn("Control", width: 12)], rows: [[.text("IAM-03")]]))
/// let bytes = try writer.data()
/// ```
///
/// Parts are deflated at zlib level 6 by default, the level other spreadsheet writers use. A
/// sheet is deflated in 1 MiB pieces on the other cores while its XML is still being built, so
/// on a machine with a few cores the level costs little: on 2 cores, 200,000 rows (78 MB of XML)
/// take about 1.0 s at level 6 against 0.5 s at level 1, for a file a fifth smaller (10.6 MB
/// against 13.5 MB); with more cores the deflating hides behind the XML building. Set
/// ``compressionLevel`` to 1 where every fraction of a second counts; see
/// `bench/xlsx_write_bench.py`.
public struct XLSXWorkbookWriter: Sendable {
    /// The sheets in tab order.
    public private(set) var sheets: [XLSXSheet] = []

    /// The zlib level parts are deflated at, from 1 (fastest) to 9 (smallest); 6 by default (see
    /// the type's documentation).
    public var compressionLevel: Int32 = 6
    /// The name of the hidden sheet that holds drop-down lists too long to write inline.
    static let listSheetName = "_lists"
    /// Excel's limit on an inline list's text, in characters.
    static let longestInlineList = 255

    /// Makes a writer with no sheets.
    public init() {}

    /// Adds a sheet after the ones already added; names are checked when the workbook is written.
    public mutating func addSheet(_ sheet: XLSXSheet) {
        sheets.append(sheet)
    }

    /// Writes the workbook and returns the bytes of the `.xlsx` file.
    ///
    /// - Throws: ``XLSXWriteError`` for no sheets, a sheet name that spreadsheet programs refuse,
    ///   a sheet over 1,048,576 rows or 16,384 columns, or a cell that cannot be stored (a number
    ///   that is not finite, a date outside 1900–9999, text over 32,767 characters).
    public func data() throws -> [UInt8] {
        guard !sheets.isEmpty else { throw XLSXWriteError.noSheets }
        try checkNames()
        let layout = try plan()
        var zip = ZipWriter()
        let level = ZipWriter.Method.deflated(level: compressionLevel)
        try zip.add("[Content_Types].xml", contentTypes(layout), method: level)
        try zip.add("_rels/.rels", Self.packageRelationships, method: level)
        try zip.add("docProps/app.xml", Self.appProperties, method: level)
        try zip.add("docProps/core.xml", Self.coreProperties, method: level)
        try zip.add("xl/workbook.xml", workbook(layout), method: level)
        try zip.add("xl/_rels/workbook.xml.rels", workbookRelationships(layout), method: level)
        try zip.add("xl/styles.xml", XLSXCellStyle.part, method: level)
        var strings = SharedStringsBuilder()
        for (index, writer) in layout.writers.enumerated() {
            let deflater = EntryDeflater(level: compressionLevel)
            let links = try writer.writePart(strings: &strings, into: deflater)
            try zip.add("xl/worksheets/sheet\(index + 1).xml", finishing: deflater)
            if !links.isEmpty {
                let relationships = XLSXWorksheetWriter.relationships(links)
                try zip.add("xl/worksheets/_rels/sheet\(index + 1).xml.rels", relationships, method: level)
            }
        }
        let deflater = EntryDeflater(level: compressionLevel)
        strings.writePart(into: deflater)
        try zip.add("xl/sharedStrings.xml", finishing: deflater)
        return zip.finish()
    }

    /// Refuses names that Excel refuses: empty, over 31 characters, holding `[ ] : * ? / \` or a
    /// control character, starting or ending with `'`, the reserved `History`, or repeated.
    private func checkNames() throws {
        var seen: [String: String] = [:]
        for sheet in sheets {
            let name = sheet.name
            let reason: String? =
                if name.isEmpty {
                    "is empty"
                } else if name.utf16.count > 31 {
                    "is \(name.utf16.count) characters long, over the limit of 31"
                } else if let bad = name.first(where: { "[]:*?/\\".contains($0) }) {
                    "contains the character \(bad), and none of [ ] : * ? / \\ is allowed"
                } else if name.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
                    "contains a control character"
                } else if name.hasPrefix("'") || name.hasSuffix("'") {
                    "starts or ends with an apostrophe"
                } else if name.lowercased() == "history" {
                    "is reserved by Excel for change tracking"
                } else {
                    nil
                }
            if let reason { throw XLSXWriteError.invalidSheetName(name: name, reason: reason) }
            let folded = name.lowercased()
            if let existing = seen[folded] { throw XLSXWriteError.duplicateSheetName(name: name, existing: existing) }
            seen[folded] = name
        }
    }

    /// What is known before any cell is written: every sheet's size, where its drop-down lists
    /// live, and whether a hidden list sheet is needed.
    struct Layout {
        var writers: [XLSXWorksheetWriter]
        /// The position of the hidden list sheet among the writers, if there is one.
        var listSheet: Int?
    }

    private func plan() throws -> Layout {
        let listSheetName = uniqueListSheetName()
        let listReference = Self.quotedSheetName(listSheetName) + "!"
        var listColumns: [[String]] = []
        var listColumnByValues: [[[UInt8]]: Int] = [:]
        var writers: [XLSXWorksheetWriter] = []
        for (position, sheet) in sheets.enumerated() {
            var width = sheet.columns.count
            for row in sheet.rows where row.count > width { width = row.count }
            guard width <= CellAddress.maxColumn else {
                throw XLSXWriteError.sheetTooLarge(
                    sheet: sheet.name,
                    reason: "it has \(width) columns and a worksheet holds at most \(CellAddress.maxColumn)"
                )
            }
            let rowLimit = CellAddress.maxRow - (sheet.columns.isEmpty ? 0 : 1)
            guard sheet.rowCount <= rowLimit else {
                throw XLSXWriteError.sheetTooLarge(
                    sheet: sheet.name,
                    reason: "it has \(sheet.rowCount) data rows and a worksheet holds at most \(rowLimit) below "
                        + "its header"
                )
            }
            var formulas: [Int: String] = [:]
            // A drop-down covers the data rows; a sheet without any gets none.
            for (index, column) in sheet.columns.enumerated() where sheet.rowCount > 0 {
                guard let allowed = column.allowedValues?.filter({ !$0.isEmpty }), !allowed.isEmpty else { continue }
                if let inline = Self.inlineList(allowed) {
                    formulas[index] = inline
                    continue
                }
                let key = allowed.map { Array($0.utf8) }
                let listColumn: Int
                if let existing = listColumnByValues[key] {
                    listColumn = existing
                } else {
                    listColumn = listColumns.count
                    listColumns.append(allowed)
                    listColumnByValues[key] = listColumn
                }
                let letters = CellAddress.columnName(listColumn + 1)
                formulas[index] = "\(listReference)$\(letters)$1:$\(letters)$\(allowed.count)"
            }
            writers.append(XLSXWorksheetWriter(sheet: sheet, position: position, width: width, listFormulas: formulas))
        }
        guard !listColumns.isEmpty else { return Layout(writers: writers, listSheet: nil) }
        let height = listColumns.map(\.count).max() ?? 0
        let rows = (0..<height).map { row in
            listColumns.map { row < $0.count ? XLSXValue.text($0[row]) : .empty }
        }
        let listSheet = XLSXSheet(name: listSheetName, columns: [], rows: rows, freezeHeader: false, autoFilter: false)
        writers.append(
            XLSXWorksheetWriter(sheet: listSheet, position: writers.count, width: listColumns.count, listFormulas: [:])
        )
        return Layout(writers: writers, listSheet: writers.count - 1)
    }

    /// `_lists`, or `_lists2`, `_lists3`… when a sheet already has that name.
    private func uniqueListSheetName() -> String {
        let taken = Set(sheets.map { $0.name.lowercased() })
        var name = Self.listSheetName
        var number = 1
        while taken.contains(name.lowercased()) {
            number += 1
            name = "\(Self.listSheetName)\(number)"
        }
        return name
    }

    /// The inline form of a list (`"Yes,No"`, quotes doubled), or `nil` when it must go into the
    /// list sheet: an item holds a comma (the separator) or a character that a formula cannot
    /// hold, or the text between the outer quotes is over 255 characters.
    static func inlineList(_ values: [String]) -> String? {
        let unsafe = { (scalar: Unicode.Scalar) in
            scalar == "," || scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF
        }
        guard !values.contains(where: { $0.unicodeScalars.contains(where: unsafe) }) else { return nil }
        let body = values.joined(separator: ",").replacing("\"", with: "\"\"")
        guard body.utf16.count <= longestInlineList else { return nil }
        return "\"\(body)\""
    }

    /// A sheet name quoted for a formula: `'Name'`, with apostrophes doubled.
    static func quotedSheetName(_ name: String) -> String {
        "'" + name.replacing("'", with: "''") + "'"
    }
}
