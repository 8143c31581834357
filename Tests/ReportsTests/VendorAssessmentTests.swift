import Answering
import ControlModel
import Questionnaire
import Spreadsheet
import Testing

@testable import Reports

/// A vendor's filled questionnaire judged: polarity, requirement status, follow-ups and scores.
@Suite struct VendorAssessmentTests {
    static func item(_ id: String, _ question: String, _ answer: String?, row: Int) -> QuestionnaireItem {
        QuestionnaireItem(
            id: id,
            question: question,
            sheet: "Vendor",
            row: row,
            answerTarget: .cell(SheetCell(sheet: "Vendor", row: row, column: 3)),
            answerType: .choice,
            allowedAnswers: ["Yes", "No", "N/A"],
            existingAnswer: answer
        )
    }

    static func report(_ items: [QuestionnaireItem], format: QuestionnaireFormat = .xlsx) -> AssessmentReport {
        let index = LibraryIndex.builtIn
        let frameworks = index.library.frameworks.filter { $0.id == "iso27001-2022" || $0.id == "soc2-2017" }
        return AssessmentReport(
            files: [
                (
                    vendor: "Acme",
                    questionnaire: Questionnaire(file: "acme.xlsx", format: format, sheets: [], items: items)
                )
            ],
            matcher: Matcher(index: index),
            frameworks: frameworks
        )
    }

    @Test func aYesToABreachQuestionCountsAgainstTheVendorAndComesFirst() throws {
        let report = Self.report([
            Self.item("1", "Is multi-factor authentication enforced for all remote access?", "No", row: 2),
            Self.item("2", "Have you suffered a data breach in the last three years?", "Yes", row: 3),
            Self.item("3", "Are backups encrypted?", "Yes", row: 4),
        ])
        let vendor = try #require(report.vendors.first)
        #expect(vendor.items.map(\.outcome) == [.bad, .bad, .good])
        #expect(vendor.items[1].riskPhrased && vendor.items[1].severity == 0)
        #expect(vendor.topGaps.map(\.item.id) == ["2", "1"])
        #expect(vendor.items[0].location == "Vendor!$C$2")
    }

    @Test func requirementStatusTakesTheWorstAnswerAndScoresFollowTheFormula() {
        #expect(RequirementStatus(outcomes: [.good, .bad]) == .contradicted)
        #expect(RequirementStatus(outcomes: [.good, .partial]) == .partial)
        #expect(RequirementStatus(outcomes: [.good, .unanswered]) == .supported)
        #expect(RequirementStatus(outcomes: [.unclear, .unanswered]) == .unclear)
        #expect(RequirementStatus(outcomes: [.notApplicable]) == .notApplicable)
        #expect(RequirementStatus(outcomes: []) == .notAsked)
        let score = FrameworkScore(
            framework: "x",
            name: "X",
            requirements: 10,
            counts: [.supported: 3, .partial: 2, .contradicted: 1, .unanswered: 2, .notAsked: 2]
        )
        #expect(score.judged == 8 && score.score == 0.5 && score.coverage == 0.8)
        let nothing = FrameworkScore(framework: "x", name: "X", requirements: 4, counts: [.notAsked: 4])
        #expect(nothing.score == nil && nothing.coverage == 0)
    }

    @Test func anUnansweredItemIsFollowedUpOnlyWhereNothingElseAnswers() throws {
        let report = Self.report([
            Self.item("1", "Is multi-factor authentication enforced for remote access?", "Yes", row: 2),
            Self.item("2", "Is multi-factor authentication enforced for remote access by administrators?", nil, row: 3),
            Self.item("3", "Do you have a documented business continuity plan tested every year?", nil, row: 4),
        ])
        let vendor = try #require(report.vendors.first)
        #expect(vendor.items[2].followUp?.hasPrefix("unanswered, and nothing else answers") == true)
        #expect(vendor.items[1].followUp == nil || vendor.items[1].followUp?.contains("iso27001-2022") == true)
        #expect(vendor.items[2].severity == 4)
    }

    @Test func csvLocationsNameLineAndColumn() throws {
        let report = Self.report([Self.item("1", "Are backups encrypted?", "Yes", row: 7)], format: .csv)
        #expect(report.vendors.first?.items.first?.location == "line 7, column C")
    }

    @Test func vendorSheetNamesAreValidAndUnique() {
        var used: Set<String> = ["summary"]
        #expect(AssessmentReport.sheetName(for: "Summary", avoiding: &used) == "Summary (2)")
        #expect(AssessmentReport.sheetName(for: "A/B [test]: *?", avoiding: &used) == "AB test")
        let long = AssessmentReport.sheetName(for: String(repeating: "x", count: 40), avoiding: &used)
        #expect(long.count == 31)
        #expect(AssessmentReport.sheetName(for: String(repeating: "x", count: 40), avoiding: &used).hasSuffix(" (2)"))
    }

    @Test func theWorkbookWritesTheScoreAsAFormulaWithItsValue() throws {
        let report = Self.report([
            Self.item("1", "Is multi-factor authentication enforced for remote access?", "Yes", row: 2),
            Self.item("2", "Are backups encrypted at rest?", "No", row: 3),
        ])
        let workbook = try Workbook(path: try ReportsFixtures.write(try report.workbook(), named: "assessment.xlsx"))
        #expect(workbook.sheets.map(\.name) == ["Summary", "Scores", "Comparison", "Follow-ups", "Acme"])
        var scoreCell: Cell?
        try workbook.readRows(of: try workbook.sheet(named: "Scores")) { row in
            if row.index == 2 { scoreCell = row.cells.first { $0.address.column == 12 } }
        }
        let score = try #require(report.vendors.first?.scores.first?.score)
        #expect(scoreCell?.value == .number(score))
        #expect(scoreCell?.formula == "(D2+0.5*E2)/SUM(D2:H2)")
    }
}
