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

    /// The CSV list with decisions filled in, as a reviewer would: decision, final answer and,
    /// optionally, final comment.
    static func decided(_ list: ReviewList, _ decisions: [(String, String)], comments: [String] = []) throws
        -> String
    {
        var text = String(decoding: list.csv(), as: UTF8.self)
        var lines = text.components(separatedBy: "\r\n")
        for (index, decision) in decisions.enumerated() {
            // The reviewer's three fields are the first three of the last six; the six hold no comma.
            let line = lines[index + 1]
            var start = line.endIndex
            for _ in 0..<6 { start = try #require(line[..<start].lastIndex(of: ",")) }
            let tail = line[line.index(after: start)...].split(separator: ",", omittingEmptySubsequences: false)
            let comment = index < comments.count ? comments[index] : ""
            lines[index + 1] =
                String(line[...start])
                + ([decision.0, decision.1, comment] + tail.dropFirst(3).map(String.init))
                .joined(separator: ",")
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
        // The reviewer's own text is never dropped in silence.
        let id = list.entries[0].id
        let undecided = try Self.decided(list, [("", "No")])
        #expect(throws: ReviewListError.finalWithoutDecision(place: "\(undecided):2", id: id)) {
            _ = try ReviewDecision.read(path: undecided)
        }
        let commentOnly = try Self.decided(list, [("", "")], comments: ["Only in the EU region."])
        #expect(throws: ReviewListError.finalWithoutDecision(place: "\(commentOnly):2", id: id)) {
            _ = try ReviewDecision.read(path: commentOnly)
        }
        let acceptedOther = try Self.decided(list, [("Accept", "No")])
        #expect(throws: ReviewListError.finalAnswerNotChange(place: "\(acceptedOther):2", id: id, choice: .accept)) {
            _ = try ReviewDecision.read(path: acceptedOther)
        }
        let rejected = try Self.decided(list, [("Reject", "No")])
        #expect(throws: ReviewListError.finalAnswerNotChange(place: "\(rejected):2", id: id, choice: .reject)) {
            _ = try ReviewDecision.read(path: rejected)
        }
        // Accept with the proposal repeated as the final answer, in any case, is Accept.
        let repeated = try Self.decided(list, [("Accept", "yes")], comments: ["Okta since 2024."])
        let decision = try #require(try ReviewDecision.read(path: repeated).first)
        #expect(decision.decided.value == "Yes" && decision.decided.comment == "Okta since 2024.")
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
        // A cell answered since the list was made: the decided answer itself (the list applied
        // before) stands without being written again; another answer refuses the decision.
        var answered = questionnaire
        let index = try #require(answered.items.firstIndex { $0.id == decisions[0].id })
        answered.items[index].existingAnswer = "yes"
        let again = Reports.answers(from: [decisions[0]], for: answered)
        #expect(again.outcomes.map(\.outcome) == [.present(value: "yes")] && again.outcomes[0].stands)
        #expect(again.answers.map(\.value) == ["Yes"])
        answered.items[index].existingAnswer = "No"
        guard case .refused(let since)? = Reports.answers(from: [decisions[0]], for: answered).outcomes.first?.outcome
        else {
            Issue.record("a decision on a cell answered otherwise since is refused")
            return
        }
        #expect(since.contains("holds \"No\" now, not \"\""))
        // The same id over another question (another edition of the template) is refused; the
        // same words in another case or spacing are the same question.
        var reworded = questionnaire
        let first = try #require(reworded.items.firstIndex { $0.id == decisions[0].id })
        reworded.items[first].question = "Do contractors sign in with MFA?"
        guard case .refused(let other)? = Reports.answers(from: [decisions[0]], for: reworded).outcomes.first?.outcome
        else {
            Issue.record("a decision on another question is refused")
            return
        }
        #expect(other.contains("not the one reviewed (\"Do contractors sign in with MFA?\")"))
        reworded.items[first].question =
            "  " + decisions[0].question.uppercased().replacingOccurrences(of: " ", with: "\n")
        #expect(Reports.answers(from: [decisions[0]], for: reworded).answers.count == 1)
        let (bytes, report) = try fill(questionnaire, answers: answers)
        #expect(report.written.count == 3, "two answers and one comment")
        let cells = try ReportsFixtures.cells(of: bytes, sheet: "Questions")
        #expect(cells["C8"] == "Yes" && cells["C9"] == "Partially" && cells["D8"] == "Okta enforces it.")
    }

    @Test func aFinalCommentReplacesTheProposedOne() throws {
        let (questionnaire, list) = try Self.list()
        let path = try Self.decided(
            list,
            [("Accept", ""), ("Change", "No"), ("Change", "Partially")],
            comments: ["Okta and Google enforce it.", "", "Only for staff."]
        )
        let decisions = try ReviewDecision.read(path: path)
        #expect(decisions.map(\.finalComment) == ["Okta and Google enforce it.", "", "Only for staff.", ""])
        let (answers, _) = Reports.answers(from: decisions, for: questionnaire)
        #expect(answers.map(\.value) == ["Yes", "No", "Partially"])
        // Accept keeps the proposal's value with the reviewer's comment; a change without a final
        // comment drops the proposed one, which argued for another answer.
        #expect(answers.map(\.comment) == ["Okta and Google enforce it.", nil, "Only for staff."])
    }

    /// Column titles a reviewer retyped in another case or spacing still name their columns, so
    /// the final comment is not dropped; a decision typed with a line break after it still counts.
    @Test func retypedTitlesAndADecisionWithALineBreakAreRead() throws {
        let (_, list) = try Self.list()
        let path = try Self.decided(
            list,
            [("Accept", ""), ("Change", "No")],
            comments: ["Okta and Google enforce it."]
        )
        var text = try String(contentsOfFile: path, encoding: .utf8)
        let header = try #require(text.range(of: "\r\n"))
        let retitled = text[..<header.lowerBound]
            .replacingOccurrences(of: "final_comment", with: "Final Comment")
            .replacingOccurrences(of: "final_answer", with: " FINAL ANSWER")
            .replacingOccurrences(of: ",decision,", with: ",Decision ,")
        text = retitled + text[header.lowerBound...].replacingOccurrences(of: ",Accept,", with: ",\"Accept\r\n\",")
        let retyped = try ReportsFixtures.write(Array(text.utf8), named: "retitled.csv")
        let decisions = try ReviewDecision.read(path: retyped)
        #expect(decisions.map(\.choice) == [.accept, .change, nil, nil])
        #expect(decisions.map(\.finalComment) == ["Okta and Google enforce it.", "", "", ""])
        #expect(decisions[1].finalAnswer == "No")
    }

    @Test func anItemDecidedTwiceIsWrittenOnceOrNotAtAll() throws {
        let (questionnaire, list) = try Self.list()
        let path = try Self.decided(list, [("Accept", ""), ("Accept", "")])
        var decisions = try ReviewDecision.read(path: path)
        decisions[1].id = decisions[0].id  // the reviewer copied the first row
        decisions[1].target = decisions[0].target
        let same = Reports.answers(from: Array(decisions.prefix(2)), for: questionnaire)
        #expect(same.answers.count == 1)
        #expect(same.outcomes[1].outcome == .repeated(of: decisions[0].place))
        decisions[1].choice = .change
        decisions[1].finalAnswer = "No"
        let differing = Reports.answers(from: Array(decisions.prefix(2)), for: questionnaire)
        #expect(differing.answers.isEmpty, "two answers for one item: the reviewer's intent is unclear")
        #expect(
            differing.outcomes.allSatisfy {
                if case .refused(let reason) = $0.outcome { reason.contains("decided differently at") } else { false }
            }
        )
        decisions[1].choice = .reject
        #expect(Reports.answers(from: Array(decisions.prefix(2)), for: questionnaire).answers.count == 1)
    }

    @Test func aWorkbookListIsFoundByItsColumnsWhenItsSheetWasRenamed() throws {
        let (_, list) = try Self.list()
        var renamed = list.sheet()
        renamed.name = "review list (2)"
        var writer = XLSXWorkbookWriter()
        writer.addSheet(XLSXSheet(name: "Notes", columns: [XLSXColumn("Note", width: 10)], rows: [[.text("x")]]))
        writer.addSheet(renamed)
        let path = try ReportsFixtures.write(try writer.data(), named: "renamed.xlsx")
        let decisions = try ReviewDecision.read(path: path)
        #expect(decisions.map(\.id) == list.entries.map(\.id))
        #expect(decisions.first?.place == "\(path): 'review list (2)'!row 2")
        writer.addSheet(XLSXSheet(name: "copy", columns: renamed.columns, rows: renamed.rows))
        let twice = try ReportsFixtures.write(try writer.data(), named: "twice.xlsx")
        #expect(
            throws: ReviewListError.noReviewSheet(
                path: twice,
                sheets: ["Notes", "review list (2)", "copy"],
                matching: ["review list (2)", "copy"]
            )
        ) {
            _ = try ReviewDecision.read(path: twice)
        }
    }

    @Test func aListMadeWithoutAnswerCellsAppliesOnlyWhereTheCopyNowHasOne() throws {
        let (questionnaire, list) = try Self.list()
        var decisions = try ReviewDecision.read(path: try Self.decided(list, [("Accept", ""), ("Accept", "")]))
        // The list was made when no answer column was found; apply was given one.
        decisions[0].target = ""
        decisions[1].target = ""
        var without = questionnaire
        without.items[1].answerTarget = nil
        let (answers, outcomes) = Reports.answers(from: Array(decisions.prefix(2)), for: without)
        #expect(answers.map(\.id) == [decisions[0].id], "the cell found now, still empty, takes the answer")
        guard case .refused(let reason) = outcomes[1].outcome else {
            Issue.record("an item with no answer cell is refused: \(outcomes)")
            return
        }
        #expect(reason.hasPrefix("the questionnaire has no answer cell for it"))
        #expect(reason.contains("--answer-column"))
    }

    @Test func aCommentCellHoldingTheFilesOwnTextIsKept() throws {
        let (questionnaire, list) = try Self.list()
        let decisions = try ReviewDecision.read(path: try Self.decided(list, [("Accept", ""), ("Accept", "")]))
        var noted = questionnaire
        let index = try #require(noted.items.firstIndex { $0.id == decisions[0].id })
        noted.items[index].existingComment = "See our SOC 2 report."
        let (answers, _) = Reports.answers(from: Array(decisions.prefix(2)), for: noted)
        let (bytes, report) = try fill(noted, answers: answers)
        #expect(report.written.count == 3, "two answers and the comment of the second")
        #expect(report.refused.map(\.reason) == [.holdsText])
        #expect(report.refused.first?.part == .comment && report.refused.first?.item == decisions[0].id)
        let cells = try ReportsFixtures.cells(of: bytes, sheet: "Questions")
        #expect(cells["C8"] == "Yes" && cells["D8"] == nil, "the answer is written, the note's cell untouched")
    }

    @Test func aFinalAnswerTypedShortNamesTheAllowedAnswer() throws {
        let (questionnaire, list) = try Self.list()
        let decisions = try ReviewDecision.read(
            path: try Self.decided(list, [("Change", "n"), ("Change", " PARTIALLY "), ("Change", "maybe")])
        )
        let (answers, outcomes) = Reports.answers(from: decisions, for: questionnaire)
        #expect(answers.map(\.value) == ["No", "Partially"], "the allowed answer's own spelling is written")
        #expect(
            outcomes.contains {
                if case .refused(let reason) = $0.outcome {
                    reason.contains("\"maybe\" is none of its allowed answers")
                } else {
                    false
                }
            }
        )
        #expect(allowedAnswer(naming: "NA", in: ["Yes", "No", "Not Applicable"]) == "Not Applicable")
        #expect(allowedAnswer(naming: "y", in: ["Compliant", "Not compliant"]) == "Compliant")
        #expect(allowedAnswer(naming: "perhaps", in: ["Yes", "No"]) == nil)
    }
}
