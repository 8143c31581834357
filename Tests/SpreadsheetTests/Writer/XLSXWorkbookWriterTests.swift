import Foundation
import Testing

@testable import Spreadsheet

/// New workbooks from ``XLSXWorkbookWriter``, read back with Quire's own reader.
@Suite("XLSXWorkbookWriter")
struct XLSXWorkbookWriterTests {
    let folder: ScratchFolder

    init() throws {
        folder = try ScratchFolder()
    }

    /// Writes the sample workbook and opens it.
    private func sample() throws -> Workbook {
        try Workbook(path: folder.write(try sampleWorkbookBytes(), named: "sample.xlsx"))
    }

    /// The text of one part of a written workbook.
    private func part(_ name: String, of bytes: [UInt8]) throws -> String {
        let archive = try ZipArchive(path: folder.write(bytes, named: "parts.xlsx"))
        let entry = try #require(archive.entry(named: name), "no part \(name)")
        return String(decoding: try archive.data(entry), as: UTF8.self)
    }

    /// What the reader should give for a value written.
    private func expected(_ value: XLSXValue) -> CellValue? {
        switch value {
        case .text(let text): text.isEmpty ? nil : .string(text)
        case .number(let number): .number(number)
        case .formula(_, let cached): .number(cached)
        case .boolean(let flag): .boolean(flag)
        case .date(let year, let month, let day):
            SpreadsheetDate(iso8601: String(format: "%04d-%02d-%02d", year, month, day)).map(CellValue.date)
        case .empty: nil
        }
    }

    @Test("every cell of the sample reads back with its value and type")
    func valuesReadBack() throws {
        let workbook = try sample()
        #expect(workbook.sheets.map(\.name) == ["Controls & Gaps", "SoA 'A' list", "_lists"])
        #expect(workbook.sheets.map(\.visibility) == [.visible, .visible, .hidden])
        for sheet in sampleSheets() {
            let table = try workbook.table(try workbook.sheet(named: sheet.name))
            var want: [CellAddress: CellValue] = [:]
            for (index, column) in sheet.columns.enumerated() where !column.header.isEmpty {
                want[CellAddress(row: 1, column: index + 1)] = .string(column.header)
            }
            for (offset, row) in sheet.rows.enumerated() {
                for (index, value) in row.enumerated() {
                    want[CellAddress(row: offset + 2, column: index + 1)] = expected(value)
                }
            }
            var got: [CellAddress: CellValue] = [:]
            for row in table.rows {
                for cell in row.cells {
                    got[cell.address] = cell.value
                    #expect(cell.formula == nil, "\(sheet.name)!\(cell.address) has a formula")
                }
            }
            #expect(got.count == want.count, "\(sheet.name)")
            for (address, value) in want.sorted(by: { $0.key < $1.key }) {
                #expect(got[address] == value, "\(sheet.name)!\(address)")
            }
        }
    }

    @Test("text that looks like a formula or an escape stays the text it was")
    func awkwardText() throws {
        let workbook = try sample()
        let table = try workbook.table(try workbook.sheet(named: "Controls & Gaps"))
        #expect(table.cell("I2")?.value == .string("=SUM(A1:A2)"))
        #expect(table.cell("I2")?.formula == nil)
        #expect(table.cell("I3")?.value == .string("  padded on both sides  "))
        #expect(table.cell("I4")?.value == .string("tab\there, quote \"q\", bell \u{7}, CR\r\nLF"))
        #expect(table.cell("I6")?.value == .string("_x000D_ is literal text, not an escape"))
        // String equality would take the two spellings of é as the same; compare the bytes.
        let mixed = table.cell("B7").map { Array($0.value.text.utf8) }
        #expect(mixed == Array("R\u{E9}sum\u{E9}: e\u{301} and \u{E9} stay distinct; \u{1F510}".utf8))
        #expect(table.row(5) == nil, "a row of empty values is left out")
    }

    @Test("header, wrap, date and link cells get their styles")
    func styles() throws {
        let workbook = try sample()
        let table = try workbook.table(try workbook.sheet(named: "Controls & Gaps"))
        func style(_ a1: String) -> Int? { CellAddress(a1: a1).flatMap { table[$0]?.styleIndex } }
        #expect(style("A1") == XLSXCellStyle.header.rawValue)
        #expect(style("B1") == XLSXCellStyle.headerWrap.rawValue)
        #expect(style("A2") == XLSXCellStyle.normal.rawValue)
        #expect(style("B2") == XLSXCellStyle.wrap.rawValue)
        #expect(style("F2") == XLSXCellStyle.date.rawValue)
        #expect(style("H2") == XLSXCellStyle.hyperlink.rawValue)
        #expect(style("H3") == XLSXCellStyle.normal.rawValue, "text that is not a URL is not styled as a link")
        let styles = try part("xl/styles.xml", of: try sampleWorkbookBytes())
        #expect(styles.contains("<numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd\"/>"))
        #expect(styles.contains("<cellXfs count=\"\(XLSXCellStyle.allCases.count)\">"))
    }

    @Test("drop-downs: inline lists, long lists and lists with commas in the hidden sheet")
    func validations() throws {
        let workbook = try sample()
        let first = try workbook.metadata(of: try workbook.sheet(named: "Controls & Gaps"))
        #expect(first.declaredDimension?.a1 == "A1:I7")
        #expect(first.validations.map(\.kind) == [.list, .list])
        #expect(first.validations.map { $0.ranges.map(\.a1) } == [["C2:C7"], ["D2:D7"]])
        #expect(first.validations[0].formula1 == "\"Implemented,Partial,Planned,Not applicable\"")
        #expect(first.validations[0].listValues == ["Implemented", "Partial", "Planned", "Not applicable"])
        #expect(first.validations[1].formula1 == "'_lists'!$A$1:$A$40")
        #expect(first.validations[1].listValues == (1...40).map { "Owner team \($0)" })
        let second = try workbook.metadata(of: try workbook.sheet(named: "SoA 'A' list"))
        #expect(second.validations.map { $0.ranges.map(\.a1) } == [["B2:B4"], ["E2:E4"]])
        #expect(second.validations[0].listValues == ["Yes", "No", "Yes, with exceptions"])
        #expect(second.validations[1].formula1 == "'_lists'!$A$1:$A$40", "the same list is stored once")
    }

    @Test("URLs in link columns become external links; other text does not")
    func hyperlinks() throws {
        let bytes = try sampleWorkbookBytes()
        let sheet = try part("xl/worksheets/sheet1.xml", of: bytes)
        #expect(
            sheet.contains(
                "<hyperlinks><hyperlink ref=\"H2\" r:id=\"rId1\"/><hyperlink ref=\"H4\" r:id=\"rId2\"/>"
                    + "<hyperlink ref=\"H7\" r:id=\"rId3\"/></hyperlinks>"
            )
        )
        let relationships = try part("xl/worksheets/_rels/sheet1.xml.rels", of: bytes)
        let targets = relationships.split(separator: "Target=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(
            targets == [
                "https://example.com/evidence?id=1&amp;kind=report", "http://example.org/policy",
                "HTTPS://EXAMPLE.COM/UPPER",
            ]
        )
        #expect(relationships.components(separatedBy: "TargetMode=\"External\"").count == 4)
        let second = try part("xl/worksheets/_rels/sheet2.xml.rels", of: bytes)
        #expect(second.contains("Target=\"https://example.com/policies/infosec\""))
    }

    @Test("a wrapped cell's lines count every kind of line break")
    func wrappedLinesCountEveryLineBreak() {
        // Text from a CSV saved on Windows breaks its lines with CR LF inside a cell: each is a
        // line of the row's height, as "\n" is (before, CR LF counted as no break at all).
        #expect(XLSXWorksheetWriter.lines("one\ntwo\nthree", width: 30) == 3)
        #expect(XLSXWorksheetWriter.lines("one\r\ntwo\r\nthree", width: 30) == 3)
        #expect(XLSXWorksheetWriter.lines("one\r\n\r\nthree", width: 30) == 3)
    }

    @Test("frozen header, auto-filter and column widths")
    func sheetSettings() throws {
        let bytes = try sampleWorkbookBytes()
        let first = try part("xl/worksheets/sheet1.xml", of: bytes)
        #expect(first.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(first.contains("<autoFilter ref=\"A1:I7\"/>"))
        #expect(first.contains("<col min=\"2\" max=\"2\" width=\"40.7109375\" customWidth=\"1\"/>"))
        #expect(!first.contains("<col min=\"7\""), "a column without a width keeps the default")
        let second = try part("xl/worksheets/sheet2.xml", of: bytes)
        #expect(!second.contains("<pane"))
        #expect(!second.contains("<autoFilter"))
        let workbook = try part("xl/workbook.xml", of: bytes)
        #expect(
            workbook.contains(
                "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"0\" hidden=\"1\">"
                    + "'Controls &amp; Gaps'!$A$1:$I$7</definedName>"
            )
        )
    }

    @Test(
        "frozen columns, alone or with the header row",
        arguments: [
            (
                true, 2,
                "<pane xSplit=\"2\" ySplit=\"1\" topLeftCell=\"C2\" activePane=\"bottomRight\" state=\"frozen\"/>"
                    + "<selection pane=\"bottomRight\" activeCell=\"C2\" sqref=\"C2\"/>"
            ),
            (
                false, 1,
                "<pane xSplit=\"1\" topLeftCell=\"B1\" activePane=\"topRight\" state=\"frozen\"/>"
                    + "<selection pane=\"topRight\" activeCell=\"B1\" sqref=\"B1\"/>"
            ),
            (
                true, 0,
                "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
                    + "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/>"
            ),
            (false, -1, "</sheetView>"),
        ]
    )
    func frozenColumns(_ header: Bool, _ columns: Int, _ expected: String) throws {
        var writer = XLSXWorkbookWriter()
        writer.addSheet(
            XLSXSheet(
                name: "Grid",
                columns: [XLSXColumn("Id"), XLSXColumn("Title"), XLSXColumn("X")],
                rows: [[.text("1"), .text("One"), .text("x")]],
                freezeHeader: header,
                freezeColumns: columns
            )
        )
        let sheet = try part("xl/worksheets/sheet1.xml", of: try writer.data())
        #expect(sheet.contains("workbookViewId=\"0\">" + expected), "\(sheet)")
        #expect(sheet.components(separatedBy: "<pane").count == (expected.hasPrefix("<pane") ? 2 : 1))
    }

    @Test("shared strings: each text once, in first-use order, compared byte for byte")
    func sharedStrings() throws {
        var writer = XLSXWorkbookWriter()
        writer.addSheet(
            XLSXSheet(
                name: "S",
                columns: [XLSXColumn("b"), XLSXColumn("a")],
                rows: [[.text("a"), .text("b")], [.text("\u{E9}"), .text("e\u{301}")], [.text(" x"), .text("a")]]
            )
        )
        let strings = try part("xl/sharedStrings.xml", of: try writer.data())
        let expected = Array(
            ("count=\"8\" uniqueCount=\"5\"><si><t>b</t></si><si><t>a</t></si><si><t>\u{E9}</t></si>"
                + "<si><t>e\u{301}</t></si><si><t xml:space=\"preserve\"> x</t></si></sst>").utf8
        )
        #expect(Array(strings.utf8).suffix(expected.count) == expected[...])
    }

    @Test("the same sheets give the same bytes")
    func deterministic() throws {
        let first = try sampleWorkbookBytes()
        let second = try sampleWorkbookBytes()
        #expect(first == second)
        var writer = XLSXWorkbookWriter()
        for sheet in sampleSheets() { writer.addSheet(sheet) }
        #expect(try writer.data() == first)
    }

    @Test("rows made as they are written give the same bytes as rows given whole")
    func generatedRows() throws {
        var given = XLSXWorkbookWriter()
        var generated = XLSXWorkbookWriter()
        for sheet in sampleSheets() {
            let rows = sheet.rows
            let width = max(sheet.columns.count, rows.map(\.count).max() ?? 0)
            // Padded to the sheet's width: a generated row holds at most one cell a column.
            let columns = sheet.columns + (sheet.columns.count..<width).map { _ in XLSXColumn("") }
            let (freeze, filter) = (sheet.freezeHeader, sheet.autoFilter)
            given.addSheet(
                XLSXSheet(name: sheet.name, columns: columns, rows: rows, freezeHeader: freeze, autoFilter: filter)
            )
            generated.addSheet(
                XLSXSheet(
                    name: sheet.name,
                    columns: columns,
                    rowCount: rows.count,
                    freezeHeader: freeze,
                    autoFilter: filter
                ) { row, cells in cells.append(contentsOf: rows[row]) }
            )
        }
        let bytes = try generated.data()
        #expect(bytes == (try given.data()))
        let workbook = try Workbook(path: folder.write(bytes))
        let firstRow = try #require(sampleSheets().first?.rows.first)
        #expect(try workbook.table(workbook.sheets[0]).cell("A2")?.value == expected(firstRow[0]))
    }

    @Test("a generated row with more cells than columns is refused with the cell named")
    func generatedRowTooWide() throws {
        var writer = XLSXWorkbookWriter()
        writer.addSheet(
            XLSXSheet(name: "Wide", columns: [XLSXColumn("A")], rowCount: 3) { row, cells in
                cells.append(.number(Double(row)))
                if row == 2 { cells.append(.text("extra")) }
            }
        )
        #expect(throws: XLSXWriteError.self) { try writer.data() }
        do {
            _ = try writer.data()
        } catch {
            #expect("\(error)".contains("B4"))
        }
    }

    @Test("the list sheet takes another name when a sheet is called _lists")
    func listSheetNameClash() throws {
        var writer = XLSXWorkbookWriter()
        writer.addSheet(
            XLSXSheet(
                name: "_LISTS",
                columns: [XLSXColumn("Pick", allowedValues: ["a,b", "c"])],
                rows: [[.text("c")]]
            )
        )
        let workbook = try Workbook(path: folder.write(try writer.data()))
        #expect(workbook.sheets.map(\.name) == ["_LISTS", "_lists2"])
        let rule = try #require(try workbook.metadata(of: workbook.sheets[0]).validations.first)
        #expect(rule.formula1 == "'_lists2'!$A$1:$A$2")
        #expect(rule.listValues == ["a,b", "c"])
    }

    @Test("a sheet without data rows gets no drop-downs and no list sheet")
    func noRowsNoLists() throws {
        var writer = XLSXWorkbookWriter()
        writer.addSheet(
            XLSXSheet(name: "Template", columns: [XLSXColumn("Owner", allowedValues: (1...99).map { "Team \($0)" })])
        )
        let workbook = try Workbook(path: folder.write(try writer.data()))
        #expect(workbook.sheets.map(\.name) == ["Template"])
        #expect(try workbook.metadata(of: workbook.sheets[0]).validations.isEmpty)
    }

    @Test("a sheet without columns has no header row")
    func sheetWithoutColumns() throws {
        var writer = XLSXWorkbookWriter()
        writer.addSheet(XLSXSheet(name: "Raw", columns: [], rows: [[.number(1), .text("x")]]))
        writer.addSheet(XLSXSheet(name: "Empty", columns: []))
        let workbook = try Workbook(path: folder.write(try writer.data()))
        let table = try workbook.table(workbook.sheets[0])
        #expect(table.rows.map(\.index) == [1])
        #expect(table.rows.first?.cells.map(\.value) == [.number(1), .string("x")])
        #expect(try workbook.table(workbook.sheets[1]).rows.isEmpty)
    }

    @Test("the benchmark workbook holds the rows asked for")
    func benchmarkWorkbook() throws {
        let workbook = try Workbook(path: folder.write(try benchmarkWorkbookBytes(rows: 100)))
        let table = try workbook.table(workbook.sheets[0])
        #expect(table.rows.count == 101)
        #expect(table.cell("A101")?.value == .string("Q-000099"))
        #expect(table.cell("F101")?.value == .number(99.0 / 7))
        #expect(table.cell("I97") == nil, "every fifth comment is empty")
        #expect(table.cell("I101")?.value == .string("Reviewed in cycle 19; see ticket SEC-99"))
    }

    struct NameCase: CustomTestStringConvertible, Sendable {
        let id: String
        let names: [String]
        let message: String
        var testDescription: String { id }
    }

    static let nameCases: [NameCase] = [
        NameCase(
            id: "empty",
            names: [""],
            message: "sheet name \"\" is empty; spreadsheet programs refuse it, so choose another name"
        ),
        NameCase(
            id: "too long",
            names: [String(repeating: "x", count: 32)],
            message: "sheet name \"\(String(repeating: "x", count: 32))\" is 32 characters long, over the limit of "
                + "31; spreadsheet programs refuse it, so choose another name"
        ),
        NameCase(
            id: "slash",
            names: ["Q1/Q2"],
            message: "sheet name \"Q1/Q2\" contains the character /, and none of [ ] : * ? / \\ is allowed; "
                + "spreadsheet programs refuse it, so choose another name"
        ),
        NameCase(
            id: "bracket",
            names: ["[draft]"],
            message: "sheet name \"[draft]\" contains the character [, and none of [ ] : * ? / \\ is allowed; "
                + "spreadsheet programs refuse it, so choose another name"
        ),
        NameCase(
            id: "apostrophe",
            names: ["'Gaps"],
            message: "sheet name \"'Gaps\" starts or ends with an apostrophe; spreadsheet programs refuse it, "
                + "so choose another name"
        ),
        NameCase(
            id: "control",
            names: ["Tab\tName"],
            message: "sheet name \"Tab\tName\" contains a control character; spreadsheet programs refuse it, "
                + "so choose another name"
        ),
        NameCase(
            id: "reserved",
            names: ["history"],
            message: "sheet name \"history\" is reserved by Excel for change tracking; spreadsheet programs refuse "
                + "it, so choose another name"
        ),
        NameCase(
            id: "duplicate",
            names: ["Gaps", "GAPS"],
            message: "sheet name \"GAPS\" is already used by sheet \"Gaps\" (names are compared without regard to "
                + "case); give each sheet its own name"
        ),
        NameCase(
            id: "none",
            names: [],
            message: "the workbook has no sheets; add at least one sheet before writing it"
        ),
    ]

    @Test("sheet names that Excel refuses are refused", arguments: nameCases)
    func invalidNames(_ testCase: NameCase) throws {
        var writer = XLSXWorkbookWriter()
        for name in testCase.names { writer.addSheet(XLSXSheet(name: name, columns: [XLSXColumn("A")])) }
        let error = try #require(throws: XLSXWriteError.self) { try writer.data() }
        #expect(error.description == testCase.message)
    }

    @Test("names at the limits are accepted")
    func validNames() throws {
        var writer = XLSXWorkbookWriter()
        writer.addSheet(XLSXSheet(name: String(repeating: "é", count: 31), columns: []))
        writer.addSheet(XLSXSheet(name: "It's fine & <ok>", columns: []))
        let workbook = try Workbook(path: folder.write(try writer.data()))
        #expect(workbook.sheets.map(\.name) == [String(repeating: "é", count: 31), "It's fine & <ok>"])
    }

    struct CellCase: CustomTestStringConvertible, Sendable {
        let id: String
        let value: XLSXValue
        let message: String
        var testDescription: String { id }
    }

    static let cellCases: [CellCase] = [
        CellCase(
            id: "NaN",
            value: .number(.nan),
            message: "sheet \"S\" cell B2: the number nan cannot be stored; write it as text or leave it out"
        ),
        CellCase(
            id: "infinity",
            value: .number(-.infinity),
            message: "sheet \"S\" cell B2: the number -inf cannot be stored; write it as text or leave it out"
        ),
        CellCase(
            id: "no such day",
            value: .date(year: 2023, month: 2, day: 29),
            message: "sheet \"S\" cell B2: 2023-2-29 is not a date from 1900-01-01 to 9999-12-31; "
                + "write it as text or correct it"
        ),
        CellCase(
            id: "before 1900",
            value: .date(year: 1899, month: 12, day: 31),
            message: "sheet \"S\" cell B2: 1899-12-31 is not a date from 1900-01-01 to 9999-12-31; "
                + "write it as text or correct it"
        ),
        CellCase(
            id: "text too long",
            value: .text(String(repeating: "ab", count: 16_384)),
            message: "sheet \"S\" cell B2: the text is 32768 characters long and a cell holds at most 32,767; "
                + "shorten it"
        ),
    ]

    @Test("values a cell cannot hold are refused with the cell named", arguments: cellCases)
    func invalidCells(_ testCase: CellCase) throws {
        var writer = XLSXWorkbookWriter()
        writer.addSheet(
            XLSXSheet(name: "S", columns: [XLSXColumn("A"), XLSXColumn("B")], rows: [[.empty, testCase.value]])
        )
        let error = try #require(throws: XLSXWriteError.self) { try writer.data() }
        #expect(error.description == testCase.message)
    }

    @Test("text at the length limit is written")
    func longestText() throws {
        var writer = XLSXWorkbookWriter()
        let text = String(repeating: "é", count: 32_767)  // 65,534 UTF-8 bytes, 32,767 characters
        writer.addSheet(XLSXSheet(name: "S", columns: [XLSXColumn("A")], rows: [[.text(text)]]))
        let workbook = try Workbook(path: folder.write(try writer.data()))
        #expect(try workbook.table(workbook.sheets[0])[CellAddress(row: 2, column: 1)]?.value == .string(text))
    }
}

/// The writer's pieces, one at a time.
@Suite("XLSX writer parts")
struct XLSXWriterPartTests {
    @Test("escaping of cell text, other content and attributes")
    func escaping() {
        let text = "a&b<c>d\"e\tf\ng\rh\u{1}i\u{1F}j_x000D_k_x12_l\u{FFFE}m\u{FFFF}n\u{FFFD}"
        func escaped(_ context: XMLByteWriter.Context) -> String {
            var xml = XMLByteWriter()
            xml.text(text, context)
            return String(decoding: xml.bytes, as: UTF8.self)
        }
        #expect(
            escaped(.cellText)
                == "a&amp;b&lt;c&gt;d&quot;e\tf\ng&#13;h_x0001_i_x001F_j_x005F_x000D_k_x12_l_xFFFE_m_xFFFF_n\u{FFFD}"
        )
        #expect(escaped(.content) == "a&amp;b&lt;c&gt;d&quot;e\tf\ng&#13;hij_x000D_k_x12_lmn\u{FFFD}")
        #expect(escaped(.attribute) == "a&amp;b&lt;c&gt;d&quot;e&#9;f&#10;g&#13;hij_x000D_k_x12_lmn\u{FFFD}")
    }

    @Test("characters XML cannot hold read back through the _xHHHH_ escapes")
    func controlCharactersRoundTrip() throws {
        let folder = try ScratchFolder()
        let text = "\u{0}\u{8}\u{B}\u{C}\u{E}\u{1F}\u{FFFE}\u{FFFF} _x0041_ ok"
        var writer = XLSXWorkbookWriter()
        writer.addSheet(XLSXSheet(name: "S", columns: [XLSXColumn(text)], rows: [[.text(text)]]))
        let workbook = try Workbook(path: folder.write(try writer.data()))
        let table = try workbook.table(workbook.sheets[0])
        #expect(table[CellAddress(row: 1, column: 1)]?.value == .string(text))
        #expect(table[CellAddress(row: 2, column: 1)]?.value == .string(text))
    }

    @Test(
        "inline lists up to 255 characters without commas",
        arguments: [
            (["Yes", "No"], "\"Yes,No\""),
            (["Say \"yes\"", "No"], "\"Say \"\"yes\"\",No\""),
            ([String(repeating: "x", count: 255)], "\"\(String(repeating: "x", count: 255))\""),
            ([String(repeating: "x", count: 256)], nil),
            (["a,b", "c"], nil),
            (["line\nbreak"], nil),
        ] as [([String], String?)]
    )
    func inlineLists(_ values: [String], _ formula: String?) {
        #expect(XLSXWorkbookWriter.inlineList(values) == formula)
    }

    @Test(
        "dates become 1900-system serials, with Excel's phantom leap day",
        arguments: [
            ((1900, 1, 1), 1), ((1900, 2, 28), 59), ((1900, 3, 1), 61), ((2024, 2, 29), 45_351),
            ((9999, 12, 31), 2_958_465),
        ] as [((Int, Int, Int), Int)]
    )
    func serials(_ date: (Int, Int, Int), _ serial: Int) {
        #expect(XLSXWorksheetWriter.serial(year: date.0, month: date.1, day: date.2) == serial)
    }

    @Test("invalid dates have no serial")
    func invalidSerials() {
        #expect(XLSXWorksheetWriter.serial(year: 1900, month: 2, day: 29) == nil)
        #expect(XLSXWorksheetWriter.serial(year: 2024, month: 13, day: 1) == nil)
        #expect(XLSXWorksheetWriter.serial(year: 2024, month: 4, day: 31) == nil)
        #expect(XLSXWorksheetWriter.serial(year: 10_000, month: 1, day: 1) == nil)
        #expect(XLSXWorksheetWriter.serial(year: 2024, month: 1, day: 0) == nil)
    }

    @Test(
        "which text becomes a link",
        arguments: [
            ("https://example.com", true), ("http://example.com/a?b=1&c=2#d", true), ("HTTP://EXAMPLE.COM", true),
            ("https://例え.jp/パス", true), ("https://", false), ("ftp://example.com", false),
            ("https://example.com/a b", false), ("https://example.com/\"x\"", false), ("see https://x.y", false),
            ("https://example.com/" + String(repeating: "a", count: 2_060), false),
        ]
    )
    func linkable(_ text: String, _ linked: Bool) {
        #expect(XLSXWorksheetWriter.isLinkable(text) == linked)
    }

    @Test("widths in characters are stored as Excel and xlsxwriter store them")
    func widths() {
        #expect(XLSXWorksheetWriter.storedWidth(10) == 10.7109375)
        #expect(XLSXWorksheetWriter.storedWidth(8.43) == 9.140625)
        #expect(XLSXWorksheetWriter.storedWidth(0.5) == 0.85546875)
        #expect(XLSXWorksheetWriter.storedWidth(1_000) == 255.7109375)
        #expect(XLSXWorksheetWriter.storedWidth(-3) == 0)
    }
}

extension Table {
    /// The cell at an A1 reference, if the sheet has one there.
    fileprivate func cell(_ a1: String) -> Cell? {
        CellAddress(a1: a1).flatMap { self[$0] }
    }
}
