import Testing

@testable import Spreadsheet

@Suite struct WorkbookPartTests {
    private let folder: ScratchFolder

    init() throws {
        folder = try ScratchFolder()
    }

    /// libxml2 hands `&amp;` inside attributes over as `&#38;` when entities are not substituted.
    @Test func escapedCharactersInSheetNamesAndValidationPrompts() throws {
        var book = MinimalWorkbook()
        book.sheets.append(
            MinimalWorkbook.Sheet(
                name: "Q&A \"quoted\"",
                xml: MinimalWorkbook.worksheet(
                    "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>R&amp;D &lt;ok&gt;</t></is></c></row>",
                    after: """
                        <dataValidations count="1"><dataValidation type="list" sqref="B1" \
                        prompt="Yes &amp; no &#38; maybe"><formula1>"A&amp;B,C"</formula1>\
                        </dataValidation></dataValidations>
                        """
                )
            )
        )
        let path = try folder.write(try book.archive())
        let workbook = try Workbook(path: path)
        #expect(workbook.sheets.map(\.name) == ["Sheet1", "Q&A \"quoted\""])
        let table = try workbook.table(try workbook.sheet(named: "Q&A \"quoted\""))
        #expect(table[CellAddress(row: 1, column: 1)]?.value == .string("R&D <ok>"))
        let rule = try #require(table.metadata.validations.first)
        #expect(rule.prompt == "Yes & no & maybe")
        #expect(rule.listValues == ["A&B", "C"])
    }
}

@Suite struct FormatDetectionTests {
    private let folder: ScratchFolder

    init() throws {
        folder = try ScratchFolder()
    }

    @Test func openDocumentSpreadsheetsAreRefusedWithAdvice() throws {
        var writer = ZipWriter()
        try writer.add("mimetype", Array("application/vnd.oasis.opendocument.spreadsheet".utf8), method: .stored)
        try writer.add("content.xml", Array("<office:document-content/>".utf8))
        let path = try folder.write(writer.finish(), named: "book.ods")
        #expect {
            try Workbook(path: path)
        } throws: { error in
            "\(error)" == "\(path): this is an OpenDocument file (LibreOffice's .ods); open it and save it as .xlsx"
        }
    }

    @Test(arguments: [("notes.json", "JSON"), ("data.yaml", "YAML"), ("scan.txt", "a PDF document")])
    func textThatIsNoTableIsRefused(name: String, kind: String) throws {
        let bytes = name.hasSuffix(".txt") ? Array("%PDF-1.7\n".utf8) : Array("{\"a\": 1}\n".utf8)
        let path = try folder.write(bytes, named: name)
        #expect {
            try Workbook(path: path)
        } throws: { error in
            "\(error)"
                == "\(path): this looks like \(kind), not a spreadsheet; quire reads XLSX, XLSM and CSV (any extension)"
        }
    }
}

@Suite struct OrderingTests {
    private let folder: ScratchFolder

    init() throws {
        folder = try ScratchFolder()
    }

    @Test func cellsAndRowsOutOfOrderAreSortedAndMerged() throws {
        let book = MinimalWorkbook(
            sheets: [
                MinimalWorkbook.Sheet(
                    name: "Odd",
                    xml: MinimalWorkbook.worksheet(
                        """
                        <row r="3"><c r="C3"><v>3</v></c><c r="A3"><v>1</v></c></row>\
                        <row r="1"><c r="B1"><v>2</v></c></row>\
                        <row r="3"><c r="B3"><v>2</v></c><c r="C3"><v>30</v></c></row>
                        """
                    )
                )
            ]
        )
        let workbook = try Workbook(path: try folder.write(try book.archive()))
        let table = try workbook.table(workbook.sheets[0])
        #expect(table.rows.map(\.index) == [1, 3])
        #expect(table.rows[1].cells.map(\.address.a1) == ["A3", "B3", "C3"])
        #expect(table[CellAddress(row: 3, column: 3)]?.value == .number(30))
        #expect(table[CellAddress(row: 1, column: 2)]?.value == .number(2))
    }
}
