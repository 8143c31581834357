import Testing

@testable import Spreadsheet

@Suite struct PackagePartsTests {
    @Test(arguments: [
        ("worksheets/sheet1.xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"),
        ("/xl/worksheets/sheet1.xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"),
        ("../sheet1.xml", "xl/workbook.xml", "sheet1.xml"),
        ("sheet1.xml", "workbook.xml", "sheet1.xml"),
        ("worksheets\\sheet26.xml", "xl/workbook.xml", "xl/worksheets/sheet26.xml"),
        ("./worksheets/my%20sheet.xml", "xl/workbook.xml", "xl/worksheets/my sheet.xml"),
        ("xl/workbook.xml", "", "xl/workbook.xml"),
    ])
    func resolvesTargets(target: String, source: String, expected: String) {
        #expect(resolvePartName(target, from: source) == expected)
    }

    @Test func relationshipsPartNames() {
        #expect(relationshipsPartName(for: "xl/workbook.xml") == "xl/_rels/workbook.xml.rels")
        #expect(relationshipsPartName(for: "workbook.xml") == "_rels/workbook.xml.rels")
    }

    @Test func listSourcesParse() {
        #expect(parseQuotedList("\"Yes,No,N/A\"") == ["Yes", "No", "N/A"])
        #expect(parseQuotedList("\"Say \"\"hi\"\",Bye\"") == ["Say \"hi\"", "Bye"])
        #expect(parseConstantArray("{\"Yes\",\"No\";1,2}") == ["Yes", "No", "1", "2"])
        #expect(parseConstantArray("{\"a\"\"b\",\"c\"}") == ["a\"b", "c"])
        let (sheet, reference) = splitSheetReference("'Bob''s list'!$A$1:$A$4")
        #expect(sheet == "Bob's list")
        #expect(reference == "$A$1:$A$4")
        let (noSheet, local) = splitSheetReference("$B$2:$B$9")
        #expect(noSheet == nil)
        #expect(local == "$B$2:$B$9")
    }

    @Test func definedNamesFollowExcelsScopeRules() {
        let names = [
            DefinedName(name: "Choices", sheetIndex: nil, formula: "Lists!$A$1:$A$3"),
            DefinedName(name: "choices", sheetIndex: 2, formula: "Local!$B$1:$B$2"),
        ]
        #expect(names.resolve("CHOICES", fromSheet: 2)?.formula == "Local!$B$1:$B$2")
        #expect(names.resolve("Choices", fromSheet: 0)?.formula == "Lists!$A$1:$A$3")
        #expect(names.resolve("Missing", fromSheet: 0) == nil)
    }
}
