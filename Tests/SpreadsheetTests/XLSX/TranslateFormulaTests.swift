import Testing

@testable import Spreadsheet

@Suite struct TranslateFormulaTests {
    @Test(arguments: [
        ("B2*2", 1, 0, "B3*2"),
        ("B2*2", 0, 1, "C2*2"),
        ("$B$2+B$2+$B2", 2, 2, "$B$2+D$2+$B4"),
        ("SUM(A1:A10)", 1, 1, "SUM(B2:B11)"),
        ("LOG10(A1)", 1, 0, "LOG10(A2)"),
        ("Sheet2!A1+'My Sheet'!B2", 1, 0, "Sheet2!A2+'My Sheet'!B3"),
        ("\"A1\"&A1", 1, 0, "\"A1\"&A2"),
        ("Table1[Col A1]+A1", 0, 1, "Table1[Col A1]+B1"),
        ("VLOOKUP(A2,Data!$A:$C,3,FALSE)", 1, 0, "VLOOKUP(A3,Data!$A:$C,3,FALSE)"),
        ("SUM(A:A)", 0, 1, "SUM(B:B)"),
        ("A1", -1, 0, "#REF!"),
        ("TRUE+ABC", 3, 3, "TRUE+ABC"),
        ("my_name1+A1", 1, 0, "my_name1+A2"),
        ("1.5E3+A1", 0, 0, "1.5E3+A1"),
    ])
    func movesRelativeReferences(formula: String, rows: Int, columns: Int, expected: String) {
        #expect(translateFormula(formula, rows: rows, columns: columns) == expected)
    }
}
