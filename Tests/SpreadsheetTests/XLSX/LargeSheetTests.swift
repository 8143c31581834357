import Foundation
import Testing

@testable import Spreadsheet

/// Sheets past ``ZipArchive/readAheadSize`` are parsed on a worker thread with inflation on
/// another; these tests drive that path, its hand-offs and its failures.
@Suite struct LargeSheetTests {
    private let folder: ScratchFolder
    private static let rowCount = 20_000

    init() throws {
        folder = try ScratchFolder()
    }

    /// A workbook whose one sheet holds well over a megabyte of XML and a shared-string table
    /// large enough to be read on its own thread.
    private func largeWorkbook(sheetSuffix: String = "") throws -> MinimalWorkbook {
        var rows = ""
        for row in 1...Self.rowCount {
            rows += "<row r=\"\(row)\"><c r=\"A\(row)\" t=\"s\"><v>\(row % 5_000)</v></c>"
            rows +=
                "<c r=\"B\(row)\"><v>\(row).5</v></c><c r=\"C\(row)\" t=\"inlineStr\"><is><t>row \(row)</t></is></c></row>"
        }
        var workbook = MinimalWorkbook(
            sheets: [MinimalWorkbook.Sheet(name: "Big", xml: MinimalWorkbook.worksheet(rows) + sheetSuffix)],
            sharedStrings: (0..<5_000).map { "shared string number \($0) with some padding to make it long enough" }
        )
        workbook.extraParts = []
        return workbook
    }

    @Test func everyRowArrivesInOrderWithItsValues() throws {
        let path = try folder.write(try largeWorkbook().archive())
        let workbook = try Workbook(path: path)
        let entry = try #require(
            try XLSXPackage(path: path, limits: .default).archive.entry(named: "xl/worksheets/sheet1.xml")
        )
        #expect(entry.uncompressedSize >= ZipArchive.readAheadSize, "the test must exercise the worker path")
        var expectedRow = 1
        var mismatches: [String] = []
        let metadata = try workbook.readRows(of: workbook.sheets[0]) { row in
            if row.index != expectedRow || row.cells.count != 3
                || row.cells[0].value
                    != .string("shared string number \(row.index % 5_000) with some padding to make it long enough")
                || row.cells[1].value != .number(Double(row.index) + 0.5)
                || row.cells[2].value != .string("row \(row.index)")
            {
                mismatches.append("row \(row.index): \(row.cells.map(\.value))")
            }
            expectedRow += 1
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(3))")
        #expect(expectedRow == Self.rowCount + 1)
        #expect(metadata.rowCount == Self.rowCount)
        #expect(metadata.cellCount == 3 * Self.rowCount)
        #expect(metadata.usedRange?.a1 == "A1:C\(Self.rowCount)")
    }

    @Test func anErrorInTheCallerStopsTheWorker() throws {
        struct Stop: Error, Equatable {}
        let path = try folder.write(try largeWorkbook().archive())
        let workbook = try Workbook(path: path)
        var seen = 0
        #expect(throws: Stop.self) {
            try workbook.readRows(of: workbook.sheets[0]) { _ in
                seen += 1
                if seen == 1_000 { throw Stop() }
            }
        }
        #expect(seen == 1_000)
        // The workbook is still usable: the worker has finished, nothing is left half done.
        var again = 0
        try workbook.readRows(of: workbook.sheets[0]) { _ in again += 1 }
        #expect(again == Self.rowCount)
    }

    @Test func malformedXMLLateInALargeSheetIsReported() throws {
        var workbook = try largeWorkbook()
        let sheet = MinimalWorkbook.sheetPartName(1)
        let good = workbook.parts().first { $0.name == sheet }?.bytes ?? []
        workbook.replacedParts[sheet] = Array(good.dropLast(20)) + Array("<oops></worksheet>".utf8)
        let path = try folder.write(try workbook.archive())
        let outcome = readEverything(path)
        #expect(outcome.rows.count > Self.rowCount / 2, "rows before the damage arrive")
        #expect(outcome.error?.contains("\(sheet) line") == true, "\(outcome.error ?? "no error")")
        #expect(outcome.error?.contains("malformed XML") == true)
    }

    @Test func aBadCRCInALargeSheetFailsAfterTheRows() throws {
        let sheet = MinimalWorkbook.sheetPartName(1)
        var zip = try largeWorkbook().handBuilt(stored: [sheet])
        let index = try #require(zip.entries.firstIndex { $0.name == sheet })
        zip.entries[index].crc32 ^= 0xFFFF
        let path = try folder.write(zip.bytes())
        let outcome = readEverything(path)
        #expect(outcome.error?.contains("\(sheet): CRC-32 mismatch") == true, "\(outcome.error ?? "no error")")
    }
}
