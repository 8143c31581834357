import Answering
import Foundation
import Questionnaire
import Spreadsheet
import Testing

@testable import Reports

@Suite struct ReviewListTests {
    static let items = [
        QuestionnaireItem(
            id: "Q1",
            question: "MFA?",
            sheet: "Questions",
            row: 5,
            answerTarget: .cell(SheetCell(sheet: "Questions", row: 5, column: 3))
        ),
        QuestionnaireItem(id: "Q2", question: "=cmd|' /C calc'!A0", sheet: "Questions", row: 6),
    ]

    @Test func onlyAnswersInReviewAreListedWithTheirReasonsAndCitations() {
        var flagged = Answer.flagged(
            Self.items[0],
            value: "Yes",
            reasons: [.looseMatch, .noEvidence(control: "IAM-03")]
        )
        flagged.controls = ["IAM-03"]
        let list = ReviewList(answers: [flagged, .approved(Self.items[1], value: "No")])
        #expect(list.entries.map(\.id) == ["Q1"])
        let entry = list.entries[0]
        #expect(entry.target == "Questions!$C$5")
        #expect(entry.cites == "control IAM-03; answer ANS-1")
        #expect(entry.reason == ReviewReason.looseMatch.message + "; IAM-03 has no evidence")
        #expect(entry.confidence == 0.4)
    }

    @Test func theCSVHasAHeaderAlwaysAndDefusesFormulas() {
        let empty = String(decoding: ReviewList(answers: []).csv(), as: UTF8.self)
        #expect(empty == ReviewList.csvColumns.joined(separator: ",") + "\r\n")
        let risky = ReviewList(answers: [.flagged(Self.items[1], value: nil, reasons: [.noMatch])])
        let text = String(decoding: risky.csv(), as: UTF8.self)
        #expect(text.contains(",'=cmd|' /C calc'!A0,"))
        #expect(text.hasSuffix(",0.40,library,answer ANS-1,no control or past answer matches this question,,,,,,\r\n"))
    }

    @Test("an item's product is listed, and read back with the decision")
    func theProductIsListedAndReadBack() throws {
        var item = Self.items[0]
        item.product = "Harbor Mobile"
        let list = ReviewList(answers: [.flagged(item, value: "Yes", reasons: [.noAllowedValue])])
        let text = String(decoding: list.csv(), as: UTF8.self)
        let rows = text.components(separatedBy: "\r\n")
        #expect(rows[0].hasPrefix("id,question,product,sheet,"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quire-review-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["list.csv", "list.xlsx"] {
            let path = folder.appendingPathComponent(name).path
            try Data(try list.rendered(forPath: path)).write(to: URL(fileURLWithPath: path))
            #expect(try ReviewDecision.read(path: path).map(\.product) == ["Harbor Mobile"], "\(name)")
        }
    }

    @Test func theWorkbookHasADecisionDropDown() throws {
        let list = ReviewList(answers: [.flagged(Self.items[0], value: "Yes", reasons: [.noAllowedValue])])
        let sheet = list.sheet()
        #expect(
            sheet.columns.map(\.header).suffix(6) == [
                "Decision", "Final answer", "Final comment", "Comment cell", "Cell value when listed",
                "Proposal in file",
            ]
        )
        #expect(sheet.columns.first { $0.header == "Decision" }?.allowedValues == ["Accept", "Change", "Reject"])
        let bytes = try list.rendered(forPath: "x.REVIEW.XLSX")
        #expect(bytes.prefix(2) == [0x50, 0x4B], "a workbook for .xlsx")
        let cells = try ReportsFixtures.cells(of: bytes, sheet: "Review")
        #expect(cells["A2"] == "Q1" && cells["I2"] == "0.4" && cells["L2"] == ReviewReason.noAllowedValue.message)
        #expect(
            cells["C1"] == "Product" && (cells["C2"] ?? "") == "",
            "an item asked of the organisation names no product"
        )
        #expect(try list.rendered(forPath: "x.csv") == list.csv())
    }

    @Test func theDefaultPathSitsBesideTheFilledCopy() {
        #expect(reviewListPath(forOutput: "out/acme-filled.csv") == "out/acme-filled.review.csv")
        #expect(reviewListPath(forOutput: "out.d/acme") == "out.d/acme.review.csv")
    }
}
