import Testing

@testable import Spreadsheet

/// What Excel shows for a value under a number format code.
///
/// LibreOffice, as an independent reader, is compared on a larger grid by Tests/interop/libreoffice_check.py; the cases where
/// the two programs differ are settled here the way Excel shows them.
@Suite struct NumberFormatTests {
    private func shown(_ code: String, _ value: Double) -> String? {
        NumberFormat(code: code)?.display(.number(value))
    }

    @Test(arguments: [
        ("0.00", 1.1, "1.10"),
        ("0.00", 1.005, "1.01"),
        ("0.00", -3.5, "-3.50"),
        ("0.00", -0.001, "0.00"),
        ("0", 2.5, "3"),
        ("0", -2.5, "-3"),
        ("#,##0", 1_234_567.891, "1,234,568"),
        ("#,##0.00", 1_234.5, "1,234.50"),
        ("#,##0,", 1_234_567, "1,235"),
        ("0%", 0.97, "97%"),
        ("0.0%", 0.1234, "12.3%"),
        ("0.00E+00", 1_234_567.891, "1.23E+06"),
        ("0.00E+00", 0.00097, "9.70E-04"),
        ("##0.0E+0", 12_345, "12.3E+3"),
        ("00000", 42, "00042"),
        ("\"Q-\"000", 7, "Q-007"),
        ("\"AC-\"00", 123, "AC-123"),
        ("000-00-0000", 123_456_789, "123-45-6789"),
        ("#.##", 1, "1."),
        (".00", 12.5, "12.50"),
        ("\"Yes\";;\"No\"", 1, "Yes"),
        ("\"Yes\";;\"No\"", 0, "No"),
        ("#,##0 ;(#,##0)", -1_500, "(1,500)"),
        ("#,##0.00_);[Red](#,##0.00)", 12, "12.00 "),
        ("[$€-407] #,##0.00", 9.5, "€ 9.50"),
        ("$#,##0.00", 1_000, "$1,000.00"),
        ("[>=1000]#,##0;0.0", 2_500, "2,500"),
        ("[>=1000]#,##0;0.0", 12, "12.0"),
        ("0 \"days\"", 30, "30 days"),
        ("0.0 \\h", 1.25, "1.3 h"),
        ("0.0", 1.200_000_000_000_000_2, "1.2"),
        ("0.00", 0.1 + 0.2, "0.30"),
        ("0.00E+00", 9.999, "1.00E+01"),
        ("0.000", 1e-7, "0.000"),
        ("0", 1e20, "100000000000000000000"),
        ("0.00", 0.999, "1.00"),
    ])
    func showsNumbers(code: String, value: Double, expected: String) {
        #expect(shown(code, value) == expected)
    }

    @Test(arguments: [
        ("dd/mm/yyyy", 45_979.0, "18/11/2025"),
        ("mm/dd/yyyy", 45_979.0, "11/18/2025"),
        ("d-mmm-yy", 45_979.0, "18-Nov-25"),
        ("dddd, d mmmm yyyy", 45_979.0, "Tuesday, 18 November 2025"),
        ("yyyy-mm-dd hh:mm", 45_979.75, "2025-11-18 18:00"),
        ("h:mm AM/PM", 45_979.75, "6:00 PM"),
        ("h:mm:ss a/p", 0.25, "6:00:00 a"),
        ("mmm yyyy", 45_979.0, "Nov 2025"),
        ("[$-809]DD/MM/YYYY", 45_979.0, "18/11/2025"),
        ("mm:ss.0", 0.000_123, "00:10.6"),
        ("mmmmm", 45_979.0, "N"),
    ])
    func showsDates(code: String, serial: Double, expected: String) throws {
        let date = try #require(SpreadsheetDate(serial: serial, system: .from1900))
        #expect(NumberFormat(code: code)?.display(.date(date)) == expected)
    }

    @Test func showsElapsedTimeWithItsSign() throws {
        let long = try #require(SpreadsheetDate(serial: 1.5, system: .from1900, duration: true))
        #expect(NumberFormat(code: "[h]:mm:ss")?.display(.date(long)) == "36:00:00")
        let negative = try #require(SpreadsheetDate(serial: -0.001, system: .from1900, duration: true))
        #expect(NumberFormat(code: "[h]:mm")?.display(.date(negative)) == "-0:01")
    }

    @Test func showsTextThroughItsSection() {
        #expect(NumberFormat(code: "0;-0;0;\"Ref: \"@")?.display(.string("A-1")) == "Ref: A-1")
        #expect(NumberFormat(code: "@")?.display(.string("001")) == "001")
        // Without a text section, text shows as it is.
        #expect(NumberFormat(code: "0.00")?.display(.string("Yes")) == nil)
    }

    /// Nil means the caller shows the value as it is: General, the locale's formats, fractions.
    @Test func leavesValuesAsTheyAreWhereItCannotSayOrWouldHideThem() {
        #expect(NumberFormat(code: "General") == nil)
        #expect(NumberFormat(code: "") == nil)
        #expect(NumberFormat(builtin: 0) == nil)
        #expect(NumberFormat(builtin: 14) == nil)
        #expect(NumberFormat(builtin: 22) == nil)
        #expect(NumberFormat(code: "[$-F800]dddd, mmmm dd, yyyy") == nil)
        #expect(shown("# ?/?", 0.5) == nil)
        #expect(NumberFormat(code: "0.00")?.display(.boolean(true)) == nil)
        #expect(NumberFormat(code: "0.00")?.display(.empty) == nil)
    }

    /// A section that shows nothing hides the value the cell holds; `hidesText` says whether typed
    /// text would be hidden too.
    @Test func hidesWhatAnEmptySectionShows() {
        #expect(shown(";;;", 12) == "")
        #expect(shown("\"Yes\";;\"No\"", -1) == "")
        #expect(NumberFormat(code: ";;;")?.display(.string("Yes")) == "")
        #expect(NumberFormat(code: ";;;")?.hidesText == true)
        #expect(NumberFormat(code: "0;-0;0;@")?.hidesText == false)
        #expect(NumberFormat(code: "\"Yes\";;\"No\"")?.hidesText == false)
        #expect(NumberFormat(code: "0;-0;0;\"n/a\"")?.display(.string("Yes")) == "n/a")
        #expect(NumberFormat(code: "0;-0;0;\"n/a\"")?.hidesText == true)
        #expect(NumberFormat(code: "0;-0;0;\"Answer: \"@")?.hidesText == false)
    }

    @Test func readsTheBuiltInFormatsThatDoNotDependOnTheLocale() {
        #expect(NumberFormat(builtin: 2)?.display(.number(7)) == "7.00")
        #expect(NumberFormat(builtin: 9)?.display(.number(0.5)) == "50%")
        #expect(NumberFormat(builtin: 3)?.display(.number(12_345)) == "12,345")
        #expect(NumberFormat(builtin: 49)?.display(.number(12)) == nil)
    }

    /// Damaged and hostile codes from a styles part neither crash nor hang: each value gets a text
    /// or nil.
    @Test func survivesDamagedCodes() throws {
        let codes = [
            "\"", "\\", "_", "*", "[", "[<>]0", "[>=x]0", "0.0.0", "E+", "0E+", "0E+0E+0", "#,,,,,,", ",0,",
            "%%%%0", "0;", ";", ";;;;;;", "[h", "[$", "[$-]", "@@@", "\"unterminated", "0/", "/0",
            "y" + String(repeating: "m", count: 50),
            String(repeating: "0", count: 400) + "." + String(repeating: "0", count: 400), "[Red][Blue][>1]0;[<-1]0;0",
            "AM/PM", "a/p", "mmmmmmmmmm", "[mmm]:ss", "ss.000000", "General;General;General;General", "0 ?/?",
        ]
        let date = try #require(SpreadsheetDate(serial: 45_979.75, system: .from1900))
        let duration = try #require(SpreadsheetDate(serial: -1e6, system: .from1900, duration: true))
        let values: [CellValue] = [
            .number(0), .number(-0.0), .number(1e308), .number(-1e308), .number(.leastNonzeroMagnitude), .number(.nan),
            .number(.infinity), .number(123_456.789), .date(date), .date(duration), .string("x"), .boolean(true),
            .error("#N/A"), .empty,
        ]
        var shown = 0
        for code in codes {
            let format = NumberFormat(code: code)
            for value in values where format?.display(value) != nil { shown += 1 }
        }
        #expect(shown > 0)
    }
}
