import Answering
import Foundation
import Questionnaire
import Spreadsheet
import Testing

@testable import Reports

/// Review lists read back with the reviewer's decisions, and decisions turned into answers.
@Suite struct ReviewDecisionTests {
    static let sample = ReportsFixtures.path("samples/questionnaire.xlsx")

    /// The review list of the sample's first three items, all proposed "Yes" for review.
    static func list() throws -> (Questionnaire, ReviewList) {
        let questionnaire = try readQuestionnaire(path: sample)
        let answers = questionnaire.items.prefix(4).map { item in
            var answer = Answer.flagged(item, value: "Yes", reasons: [.looseMatch])
            answer.comment = "Okta enforces it."
            answer.controls = ["IAM-03"]
            return answer
        }
        return (questionnaire, ReviewList(answers: Array(answers), questionnaire: questionnaire))
    }

    /// The CSV list with decisions filled in by column name, as a reviewer would.
    static func decided(_ list: ReviewList, _ decisions: [(String, String)]) throws -> String {
        var text = String(decoding: list.csv(), as: UTF8.self)
        var lines = text.components(separatedBy: "\r\n")
        for (index, decision) in decisions.enumerated() {
            // The decision and final answer are the 12th and 13th of 16 fields; both are empty.
            let line = lines[index + 1]
            let range = try #require(line.range(of: ",,,", options: .backwards))
            let tail = line[range.upperBound...]
            lines[index + 1] = String(line[..<range.lowerBound]) + ",\(decision.0),\(decision.1)," + tail
        }
        text = lines.joined(separator: "\r\n")
        return try ReportsFixtures.write(Array(text.utf8), named: "review.csv")
    }

    @Test func decisionsReadBackFromCSVAndWorkbook() throws {
        let (_, list) = try Self.list()
        let path = try Self.decided(list, [("Accept", ""), ("change", "No"), ("Reject", ""), ("", "")])
        let decisions = try ReviewDecision.read(path: path)
        #expect(decisions.map(\.choice) == [.accept, .change, .reject, nil])
        #expect(decisions[1].finalAnswer == "No")
        #expect(decisions[0].controls == ["IAM-03"] && decisions[0].target == "Questions!$C$8")
        #expect(decisions[0].cellValue.isEmpty)
        let workbook = try ReportsFixtures.write(try list.workbook(), named: "review.xlsx")
        let fromWorkbook = try ReviewDecision.read(path: workbook)
        #expect(fromWorkbook.map(\.id) == list.entries.map(\.id))
        #expect(fromWorkbook.allSatisfy { $0.choice == nil && $0.proposedValue == "Yes" })
    }

    @Test func badDecisionsAreErrorsWithTheirPlace() throws {
        let (_, list) = try Self.list()
        let unknown = try Self.decided(list, [("Maybe", "")])
        #expect(throws: ReviewListError.unknownDecision(place: "\(unknown):2", text: "Maybe")) {
            _ = try ReviewDecision.read(path: unknown)
        }
        let empty = try Self.decided(list, [("Change", "")])
        #expect(throws: ReviewListError.changeWithoutAnswer(place: "\(empty):2", id: list.entries[0].id)) {
            _ = try ReviewDecision.read(path: empty)
        }
        let foreign = try ReportsFixtures.write(Array("id,question\r\nQ1,x\r\n".utf8), named: "other.csv")
        #expect(throws: ReviewListError.missingColumn(path: foreign, column: "answer_cell")) {
            _ = try ReviewDecision.read(path: foreign)
        }
    }

    @Test func decisionsBecomeAnswersOrAreRefusedWithTheReason() throws {
        let (questionnaire, list) = try Self.list()
        let path = try Self.decided(
            list,
            [("Accept", ""), ("Change", "Partially"), ("Change", "Maybe"), ("Accept", "")]
        )
        var decisions = try ReviewDecision.read(path: path)
        decisions[3].cellValue = "No"  // someone answered it after the list was made
        let (answers, outcomes) = Reports.answers(from: decisions, for: questionnaire)
        #expect(answers.map(\.value) == ["Yes", "Partially"])
        #expect(answers.allSatisfy { $0.basis == .reviewed && $0.isWritten })
        #expect(answers.first?.comment == "Okta enforces it." && answers.last?.comment == nil)
        guard case .refused(let notAllowed) = outcomes[2].outcome, case .refused(let changed) = outcomes[3].outcome
        else {
            Issue.record("two decisions are refused: \(outcomes)")
            return
        }
        #expect(notAllowed.contains("\"Maybe\" is none of its allowed answers"))
        #expect(changed.contains("holds \"\" now, not \"No\""))
        var without = questionnaire
        without.items.removeAll { $0.id == decisions[0].id }
        #expect(
            Reports.answers(from: [decisions[0]], for: without).outcomes.first?.outcome
                == .refused("the filled copy has no such item")
        )
        let (bytes, report) = try fill(questionnaire, answers: answers)
        #expect(report.written.count == 3, "two answers and one comment")
        let cells = try ReportsFixtures.cells(of: bytes, sheet: "Questions")
        #expect(cells["C8"] == "Yes" && cells["C9"] == "Partially" && cells["D8"] == "Okta enforces it.")
    }
}
