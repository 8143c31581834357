import Answering
import Foundation
import Questionnaire
import Spreadsheet
import Testing

@testable import Reports

/// The fills take the questionnaire as read and the answers, and say of every text whether it
/// was written, already there, or refused and why; the same rule decides what is written.
@Suite struct FillTests {
    static let sample = ReportsFixtures.path("samples/questionnaire.xlsx")

    @Test func aWorkbookGetsOnlyTheAnswersThatNeedNoReview() throws {
        let questionnaire = try readQuestionnaire(path: Self.sample)
        let items = questionnaire.items
        let answers = [
            Answer.approved(items[0], value: "Yes", comment: "MFA everywhere."),
            Answer.flagged(items[1], value: "No", reasons: [.looseMatch]),
            Answer.approved(items[2], value: ""),
        ]
        let (bytes, report) = try fillWorkbook(questionnaire, answers: answers)
        #expect(report.format == .xlsx)
        #expect(report.written.map(\.target) == ["Questions!$C$8", "Questions!$D$8"])
        #expect(report.written.map(\.part) == [.answer, .comment])
        #expect(report.answersWritten == 1 && report.commentsWritten == 1)
        #expect(report.refused.isEmpty)
        let cells = try ReportsFixtures.cells(of: bytes, sheet: "Questions")
        #expect(cells["C8"] == "Yes")
        #expect(cells["D8"] == "MFA everywhere.")
        #expect(cells["C9"] == nil, "an answer in review is never written")
        #expect(cells["C10"] == nil, "an empty value is never written")
    }

    @Test func aCellTakenTwiceOrMergedOverOrMissingIsRefusedWithItsReason() throws {
        let questionnaire = try readQuestionnaire(path: Self.sample)
        let first = questionnaire.items[0]
        var second = questionnaire.items[1]
        second.answerTarget = first.answerTarget
        var merged = questionnaire.items[2]
        merged.answerTarget = .cell(SheetCell(sheet: "Questions", row: 1, column: 2))  // inside A1:D1
        var nowhere = questionnaire.items[3]
        nowhere.answerTarget = nil
        let answers = [first, second, merged, nowhere].map { Answer.approved($0, value: "Yes") }
        let (_, report) = try fillWorkbook(questionnaire, answers: answers)
        #expect(report.written.map(\.item) == [first.id])
        let reasons = Dictionary(uniqueKeysWithValues: report.refused.map { ($0.item, $0.reason) })
        #expect(reasons[second.id] == .alreadyWritten(byItem: first.id))
        #expect(reasons[merged.id] == .mergedOver)
        #expect(reasons[nowhere.id] == .noTarget)
        #expect(report.refused.first { $0.item == merged.id }?.description.contains("Questions!$B$1") == true)
    }

    @Test func aFormulaCellIsLeftAlone() throws {
        let path = ReportsFixtures.path("Tests/Fixtures/xlsx/sheetjs-formulae_test_simple.xlsx")
        let item = QuestionnaireItem(
            id: "F1",
            question: "Formula?",
            sheet: "Sheet1",
            row: 1,
            answerTarget: .cell(SheetCell(sheet: "Sheet1", row: 1, column: 3))
        )
        let questionnaire = Questionnaire(file: path, format: .xlsx, sheets: [], items: [item])
        let (bytes, report) = try fillWorkbook(questionnaire, answers: [.approved(item, value: "Yes")])
        #expect(report.refused.map(\.reason) == [.formula])
        #expect(try ReportsFixtures.cells(of: bytes, sheet: "Sheet1")["C1"] == "1")
    }

    @Test func aCSVFileKeepsItsEncodingAndRefusesWhatItCannotHold() throws {
        // Windows-1252: "é" is one byte, and "≥" has no byte at all.
        let text = "ID;Question;Answer;Comment\r\nQ1;Is données encryption on?;;\r\nQ2;Are logs kept?;;\r\n"
        let bytes = text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
        let path = try ReportsFixtures.write(bytes, named: "legacy.csv")
        let questionnaire = try readQuestionnaire(path: path)
        #expect(questionnaire.format == .csv)
        try #require(questionnaire.items.count == 2)
        var outside = questionnaire.items[1]
        outside.answerTarget = .cell(SheetCell(sheet: "legacy", row: 40, column: 3))
        outside.id = "Q40"
        let answers = [
            Answer.approved(questionnaire.items[0], value: "Yes", comment: "AES-256 à repos"),
            Answer.approved(questionnaire.items[1], value: "≥ 90 days"),
            Answer.approved(outside, value: "Yes"),
        ]
        let (copy, report) = try fill(questionnaire, answers: answers)
        #expect(report.written.map(\.target) == ["legacy!$C$2", "legacy!$D$2"])
        let reasons = report.refused.map(\.reason)
        #expect(reasons.count == 2)
        #expect(reasons.contains(.csv(.unencodable(characters: ["≥"], encoding: .windows1252))))
        #expect(reasons.contains(.csv(.pastLastRecord(records: 3))))
        let expected =
            "ID;Question;Answer;Comment\r\nQ1;Is données encryption on?;Yes;AES-256 à repos\r\n"
            + "Q2;Are logs kept?;;\r\n"
        #expect(copy == expected.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })
    }

    @Test func vsaqAnswersAreKeyedAsVSAQStoresThem() throws {
        let template = """
            {"questionnaire": [{"type": "block", "text": "B", "items": [
              {"type": "yesno", "id": "mfa", "text": "MFA?", "yes": "Yes", "no": "No"},
              {"type": "radiogroup", "id": "freq", "text": "How often?",
               "choices": [{"freq_often": "Often"}, {"freq_rare": "Rarely"}]},
              {"type": "checkgroup", "text": "Standards?",
               "items": [{"type": "check", "id": "std_iso", "text": "ISO 27001"},
                         {"type": "check", "id": "std_soc2", "text": "SOC 2"}]},
              {"type": "check", "id": "agree", "text": "I agree."},
              {"type": "line", "id": "name", "text": "Your name:"},
              {"type": "upload", "id": "report", "text": "Upload the report."}
            ]}]}
            """
        let path = try ReportsFixtures.write(Array(template.utf8), named: "mini.json")
        let questionnaire = try readQuestionnaire(path: path)
        #expect(questionnaire.format == .vsaq)
        let values = ["No", "Rarely", "ISO 27001; SOC 2", "No", "Ada", "report.pdf"]
        let answers = zip(questionnaire.items, values).map { Answer.approved($0, value: $1) }
        let (bytes, report) = try fillVSAQ(questionnaire, answers: answers)
        let written = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: String]
        #expect(
            written == [
                "mfa": "no", "freq_rare": "checked", "std_iso": "checked", "std_soc2": "checked", "name": "Ada",
            ]
        )
        // A check group's choices one a line, the lines broken with CR LF (a reviewer's cell).
        let lines = answers.map { answer in
            var answer = answer
            if answer.value == "ISO 27001; SOC 2" { answer.value = "ISO 27001\r\nSOC 2" }
            return answer
        }
        let (linesBytes, _) = try fillVSAQ(questionnaire, answers: lines)
        let fromLines = try JSONSerialization.jsonObject(with: Data(linesBytes)) as? [String: String]
        #expect(fromLines?["std_iso"] == "checked" && fromLines?["std_soc2"] == "checked")
        #expect(report.unchanged.map(\.item) == ["agree"], "an unchecked box writes nothing")
        #expect(report.refused.map(\.item) == ["report"])
        if case .vsaq(let reason) = report.refused.first?.reason {
            #expect(reason.contains("upload"))
        } else {
            Issue.record("the upload is refused for VSAQ's own reason")
        }
    }

    @Test func aFillOfTheWrongFormatIsRefused() throws {
        let questionnaire = try readQuestionnaire(path: Self.sample)
        #expect(throws: FillError.formatMismatch(path: Self.sample, format: .xlsx, wanted: .csv)) {
            _ = try fillCSV(questionnaire, answers: [])
        }
    }
}

/// Answers marked across columns: the chosen column gets the sheet's mark, and only when the item
/// has no mark yet.
@Suite struct MarkFillTests {
    static let sample = ReportsFixtures.path("samples/questionnaire.xlsx")

    static func item(row: Int, marked: Int? = nil) -> QuestionnaireItem {
        let choices = ["Yes", "No", "N/A"]
        let cells = choices.enumerated().map { offset, choice in
            MarkCell(
                choice: choice,
                cell: SheetCell(sheet: "Questions", row: row, column: 5 + offset),
                marked: offset == marked
            )
        }
        return QuestionnaireItem(
            id: "M\(row)",
            question: "Is data encrypted at rest?",
            sheet: "Questions",
            row: row,
            answerTarget: .marks(cells, mark: "x"),
            answerType: .choice,
            allowedAnswers: choices,
            allowedAnswersSource: .marks
        )
    }

    @Test func theChosenColumnIsMarkedAndNoOther() throws {
        let questionnaire = try readQuestionnaire(path: Self.sample)
        let answers = [
            Answer.approved(Self.item(row: 8), value: "no"),
            Answer.approved(Self.item(row: 9, marked: 0), value: "No"),
            Answer.approved(Self.item(row: 10), value: "Partially"),
        ]
        let (bytes, report) = try fillWorkbook(questionnaire, answers: answers)
        #expect(report.written.map(\.target) == ["Questions!$F$8"])
        #expect(report.refused.map(\.reason) == [.alreadyMarked, .notAChoice("Partially")])
        let cells = try ReportsFixtures.cells(of: bytes, sheet: "Questions")
        #expect(cells["F8"] == "x")
        #expect(cells["E8"] == nil && cells["G8"] == nil)
        #expect(cells["F9"] == nil && cells["E10"] == nil && cells["F10"] == nil && cells["G10"] == nil)
    }

    @Test func aSheetTheReceivingOrganisationFillsIsNeverFilled() throws {
        var questionnaire = try readQuestionnaire(path: Self.sample)
        questionnaire.sheets[0].filledByReceiver = "the name says \"scoring\""
        let answers = [Answer.approved(questionnaire.items[0], value: "Yes")]
        #expect(
            throws: FillError.receiverSheet(
                path: Self.sample,
                sheet: questionnaire.sheets[0].sheet,
                reason: "the name says \"scoring\""
            )
        ) {
            _ = try fill(questionnaire, answers: answers)
        }
    }
}
