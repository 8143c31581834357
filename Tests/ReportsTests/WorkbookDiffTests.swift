import Answering
import Questionnaire
import Testing

@testable import Reports

@Suite struct WorkbookDiffTests {
    static let sample = ReportsFixtures.path("samples/questionnaire.xlsx")

    @Test func aFileComparedWithItselfIsIdentical() throws {
        let diff = try WorkbookDiff(original: Self.sample, filled: Self.sample)
        #expect(!diff.differ)
        #expect(diff.text() == "0 cells differ in 0 parts; everything else is identical\n")
    }

    @Test func aFilledCopyDiffersInExactlyTheWrittenCellsAndEveryLineEnds() throws {
        let questionnaire = try readQuestionnaire(path: Self.sample)
        let answers = questionnaire.items.prefix(2).map { Answer.approved($0, value: "Yes") }
        let (bytes, report) = try fillWorkbook(questionnaire, answers: answers)
        let copy = try ReportsFixtures.write(bytes, named: "filled.xlsx")
        let diff = try WorkbookDiff(original: Self.sample, filled: copy)
        #expect(diff.differ)
        #expect(diff.changedCells == report.written.count)
        let text = diff.text()
        #expect(text.hasSuffix("\n"))
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false).last == "")
        #expect(text.contains("cell Questions!C8: (empty) → \"Yes\""))
        #expect(diff.summary == "2 cells differ in 1 part; everything else is identical")
    }

    @Test func aWorkbookAndACSVFileAreNotCompared() throws {
        let csv = ReportsFixtures.path("samples/questionnaire.csv")
        #expect(
            throws: ReportError.cannotCompare(
                original: Self.sample,
                originalFormat: "XLSX",
                filled: csv,
                filledFormat: "CSV"
            )
        ) {
            _ = try WorkbookDiff(original: Self.sample, filled: csv)
        }
    }
}
