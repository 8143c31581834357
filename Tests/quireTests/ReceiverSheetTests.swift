import Foundation
import Testing

/// A sheet the receiving organisation fills is passed over; named with --sheet it is read, but
/// `quire answer` refuses to write into it and names it.
@Suite("Receiver sheets")
struct ReceiverSheetTests {
    @Test("answering a named scoring sheet exits 65, names the sheet, and writes nothing")
    func namedScoringSheet() throws {
        let folder = try CLIScratchFolder()
        var rows =
            "<row r=\"1\">" + CopiedQuestionsTests.inline("A1", "ID")
            + CopiedQuestionsTests.inline("B1", "Question") + CopiedQuestionsTests.inline("C1", "Answer") + "</row>"
        for (offset, question) in CopiedQuestionsTests.questions.enumerated() {
            let row = offset + 2
            rows +=
                "<row r=\"\(row)\">" + CopiedQuestionsTests.inline("A\(row)", "S-\(offset + 1)")
                + CopiedQuestionsTests.inline("B\(row)", question) + "</row>"
        }
        let workbook = TestWorkbook(sheets: [TestWorkbook.Sheet(name: "Assessor Scoring", rows: rows)])
        _ = try folder.write(workbook.bytes(), named: "book.xlsx")

        let inspected = try QuireProcess.run(["inspect", "book.xlsx"], in: folder.path)
        #expect(inspected.exitCode == 0, "\(inspected)")
        #expect(inspected.standardOutput.contains("Assessor Scoring: ignored, filled by the receiving organisation"))

        let answered = try QuireProcess.run(
            ["answer", "book.xlsx", "--sheet", "Assessor Scoring", "--as-of", "2026-11-29", "-o", "out.xlsx"],
            in: folder.path
        )
        #expect(answered.exitCode == 65, "\(answered)")
        #expect(answered.standardError.contains("sheet \"Assessor Scoring\" is filled by the receiving organisation"))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/out.xlsx"))
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/out.review.csv"))
    }
}
