import Testing

@testable import Spreadsheet

@Suite struct CellAddressTests {
    @Test(arguments: [
        ("A1", 1, 1), ("B12", 12, 2), ("$AA$3", 3, 27), ("xfd1048576", 1_048_576, 16_384), ("AZ10", 10, 52),
    ])
    func parsesA1(text: String, row: Int, column: Int) throws {
        let address = try #require(CellAddress(a1: text))
        #expect(address == CellAddress(row: row, column: column))
    }

    @Test(arguments: ["", "A", "1", "A0", "XFE1", "A1048577", "1A", "A1B", "A-1"])
    func rejects(text: String) {
        #expect(CellAddress(a1: text) == nil)
    }

    @Test func columnNamesRoundTrip() throws {
        for column in [1, 26, 27, 52, 53, 702, 703, 16_384] {
            let name = CellAddress.columnName(column)
            #expect(try #require(CellAddress(a1: name + "7")).column == column)
        }
        #expect(CellAddress.columnName(16_384) == "XFD")
        #expect(CellAddress(row: 3, column: 28).a1 == "AB3")
    }

    @Test func rangesKeepCornersAndNeverExpand() throws {
        let whole = try #require(CellRange(a1: "N1:XFD1048576"))
        #expect(whole.cellCount == 16_371 * 1_048_576)
        #expect(whole.contains(CellAddress(row: 900_000, column: 16_000)))
        #expect(!whole.contains(CellAddress(row: 5, column: 13)))
        let reversed = try #require(CellRange(a1: "C3:A1"))
        #expect(reversed.a1 == "A1:C3")
        let columns = try #require(CellRange(a1: "$B:$C"))
        #expect(columns.a1 == "B1:C1048576")
        let rows = try #require(CellRange(a1: "2:5"))
        #expect(rows.a1 == "A2:XFD5")
        #expect(CellRange(a1: "A1:B2:C3") == nil)
    }

    @Test func sqrefListsSeveralRanges() {
        let ranges = [CellRange](sqref: "A1:A3 C5  D7:E9")
        #expect(ranges.map(\.a1) == ["A1:A3", "C5", "D7:E9"])
    }

    @Test(
        arguments: [
            ("Questions", "Questions"), ("Sheet_2", "Sheet_2"), ("HECVAT - Full", "'HECVAT - Full'"),
            ("Vendor's answers", "'Vendor''s answers'"), ("Q&A", "'Q&A'"), ("A1", "'A1'"), ("xfd12", "'xfd12'"),
            ("R2C3", "'R2C3'"), ("rc", "'rc'"), ("2024", "'2024'"), ("1st", "'1st'"), ("Résumé", "'Résumé'"),
            ("R", "'R'"), ("R1C", "'R1C'"), ("rC12", "'rC12'"), ("R2C3x", "R2C3x"), ("Rates", "Rates"),
            ("CR1", "'CR1'"), ("RCX", "RCX"),
            ("_", "_"), ("", "''"),
        ]
    )
    func sheetNamesAreQuotedWhenAFormulaNeedsIt(name: String, prefix: String) {
        #expect(CellAddress.sheetPrefix(name) == prefix)
    }
}
