import ControlModel
import Questionnaire
import Spreadsheet
import Testing

@testable import Answering

/// Reading the answers of filled questionnaires: every variant a file uses, never a guess.
@Suite struct AnswerNormaliserTests {
    static func item(
        _ answer: String?,
        question: String = "Do you encrypt customer data at rest?",
        comment: String? = nil,
        allowed: [String] = []
    ) -> QuestionnaireItem {
        QuestionnaireItem(
            id: "Q1",
            question: question,
            sheet: "Answers",
            row: 4,
            answerTarget: .cell(SheetCell(sheet: "Answers", row: 4, column: 3)),
            answerType: allowed.isEmpty ? .text : .choice,
            allowedAnswers: allowed,
            existingAnswer: answer,
            existingComment: comment
        )
    }

    static func read(
        _ answer: String?,
        question: String = "Do you encrypt customer data at rest?",
        comment: String? = nil
    )
        -> AnswerClass
    {
        AnswerNormaliser().normalise(item(answer, question: question, comment: comment)).value
    }

    @Test(arguments: [
        ("Yes", AnswerClass.yes), ("YES", .yes), ("y", .yes), ("TRUE", .yes), ("1", .yes), ("1) Yes", .yes),
        ("Compliant", .yes), ("In place", .yes), ("[x] Yes", .yes), ("Yes ✓", .yes), ("No", .no), ("N", .no),
        ("FALSE", .no), ("Non-compliant", .no), ("Not in place", .no), ("N/A", .notApplicable), ("NA", .notApplicable),
        ("Not Applicable", .notApplicable), ("does not apply", .notApplicable), ("Partially", .partial),
        ("Partially compliant", .partial), ("In progress", .partial),
    ])
    func answerWordsInEveryVariant(raw: String, expected: AnswerClass) {
        #expect(Self.read(raw) == expected, "\(raw)")
    }

    @Test(arguments: [
        ("Yes, all customer data is encrypted with AES-256.", AnswerClass.yes),
        ("Yes - quarterly.", .yes), ("Y, via Okta", .yes), ("No. We do not currently encrypt backups.", .no),
        ("No, not yet.", .no), ("No we do not", .no), ("N/A – we do not process card data.", .notApplicable),
        ("Not applicable: no card data.", .notApplicable), ("Non-compliant – logs are kept for 180 days.", .no),
        ("Yes, except for legacy systems.", .partial), ("Partially: production only, staging planned.", .partial),
        ("We do not permit personal devices.", .no), ("Not at this time; planned for Q3 2027.", .no),
        ("All customer data is encrypted at rest with AES-256.", .yes),
        ("See attached SOC 2 report.", .unclear), ("Please refer to our Trust Center.", .unclear),
        ("Depends on the customer's plan.", .unclear), ("Yes and no", .unclear), ("TBD", .unclear),
        ("Our offices are in Leeds.", .unclear),
    ])
    func freeTextIsReadOnlyWhenItSaysSo(raw: String, expected: AnswerClass) {
        #expect(Self.read(raw) == expected, "\(raw)")
    }

    @Test func aSentenceStartingWithNoIsNotAnAnswerWord() {
        // "No customer data leaves the EU" states a fact; it is not "No" to the question.
        let reading = AnswerNormaliser().normalise(
            Self.item("No customer data leaves the EU.", question: "Is customer data kept in the EU?")
        )
        #expect(reading.value != .no)
    }

    @Test func emptyCellsAndPlaceholdersAreUnanswered() {
        for raw in [nil, "", "   ", "-", "Select...", "Please select"] {
            #expect(Self.read(raw) == .unanswered, "\(String(describing: raw))")
        }
        let withComment = AnswerNormaliser().normalise(Self.item(nil, comment: "To be confirmed."))
        #expect(withComment.value == .unanswered && withComment.comment == "To be confirmed.")
    }

    @Test func aCommentThatTakesPartOfAYesBackMakesItPartial() {
        let reading = AnswerNormaliser().normalise(
            Self.item(
                "Yes",
                comment: "UK employees only; staff hired elsewhere are not yet screened.",
                allowed: ["Yes", "No"]
            )
        )
        #expect(reading.value == .partial)
        #expect(reading.confidence < 1 && reading.because.contains("not yet"))
        #expect(
            AnswerNormaliser().normalise(Self.item("Yes", comment: "AES-256.", allowed: ["Yes", "No"])).value == .yes
        )
    }

    @Test func descriptionsAndLabelsAreText() {
        #expect(Self.read("Daily snapshots kept 35 days.", question: "Describe your backup strategy.") == .text)
        #expect(Self.read("Jane Doe", question: "What is the name of your DPO?") == .text)
        #expect(Self.read("OpenDSA is a free textbook.", question: "Product Description") == .text)
        #expect(Self.read("N/A - no subcontractors.", question: "List your subcontractors.") == .notApplicable)
        #expect(Self.read("Tier I", question: "Do you have ISP redundancy?") == .unclear)
    }

    @Test func marksAreReadByTheirColumn() {
        func marked(_ choices: [String]) -> NormalisedAnswer {
            let cells = ["Yes", "No", "N/A"].enumerated().map { index, choice in
                MarkCell(
                    choice: choice,
                    cell: SheetCell(sheet: "S", row: 2, column: 3 + index),
                    marked: choices.contains(choice)
                )
            }
            var item = Self.item(choices.count == 1 ? choices[0] : nil)
            item.answerTarget = .marks(cells, mark: "X")
            return AnswerNormaliser().normalise(item)
        }
        #expect(marked(["No"]).value == .no && marked(["No"]).confidence == 1)
        #expect(marked(["N/A"]).value == .notApplicable)
        #expect(marked([]).value == .unanswered)
        let two = marked(["Yes", "No"])
        #expect(two.value == .unclear && two.raw == "Yes+No")
    }

    @Test func theReadingKeepsTheRawValueAndSaysHow() {
        let reading = AnswerNormaliser().normalise(Self.item("Y, via Okta", comment: "Since 2024."))
        #expect(reading.raw == "Y, via Okta" && reading.comment == "Since 2024.")
        #expect(reading.value == .yes && reading.confidence == 0.9 && reading.because.contains("\"Y\""))
    }

    @Test func previousAnswersKeepTheWordAndTheText() {
        let questionnaire = Questionnaire(
            file: "old.xlsx",
            format: .xlsx,
            sheets: [],
            items: [
                Self.item("Yes, all data is encrypted with AES-256."), Self.item("See attached."), Self.item(nil),
            ]
        )
        let entries = previousAnswers(in: questionnaire)
        #expect(entries.count == 1)
        #expect(entries.first?.answer == "Yes" && entries.first?.comment == "Yes, all data is encrypted with AES-256.")
    }
}

/// Importing one's own filled questionnaires: entries that need approval, merged and numbered with the rest.
@Suite struct ImportTests {
    static let day = Day(parsing: "2026-12-06") ?? .epoch

    static func imported(_ question: String, _ answer: String, approvedBy: String? = nil) -> ApprovedAnswer {
        ApprovedAnswer(
            question: question,
            answer: answer,
            comment: nil,
            controls: [],
            evidence: [],
            source: "old.xlsx item Q1",
            approvedBy: approvedBy,
            approvedOn: approvedBy == nil ? nil : day,
            tags: approvedBy == nil ? ["imported", Answerer.unapprovedTag] : ["imported"]
        )
    }

    @Test func anUnapprovedImportNeverReplacesAnApprovedEntry() {
        let library = [
            AnswerLibraryEntry(
                id: "ANS-0003",
                question: "Are backups encrypted at rest?",
                answer: "Yes",
                approvedBy: "Dana",
                approvedOn: Self.day
            )
        ]
        let result = learn(
            [
                Self.imported("Are backups encrypted at rest?", "No"),
                Self.imported("Are backups encrypted at rest?", "Yes"),
            ],
            into: library
        )
        #expect(result.added.isEmpty && result.updated.isEmpty)
        #expect(result.contradictions.map(\.replaced) == [false])
        let approved = learn([Self.imported("Are backups encrypted at rest?", "No", approvedBy: "Sam")], into: library)
        #expect(approved.updated.first?.answer == "No" && approved.contradictions.map(\.replaced) == [true])
    }

    @Test func importsAreNumberedAfterEveryFileAndNotRepeatedFromOtherFiles() {
        let elsewhere = [AnswerLibraryEntry(id: "ANS-0186", question: "Is MFA enforced for all staff?", answer: "Yes")]
        let result = learn(
            [Self.imported("Is MFA enforced for all staff?", "Yes"), Self.imported("Do you run a bug bounty?", "No")],
            into: [],
            elsewhere: elsewhere
        )
        #expect(result.added.map(\.id) == ["ANS-0187"])
        #expect(
            result.added.first?.tags == ["imported", Answerer.unapprovedTag] && result.added.first?.approvedBy == nil
        )
        #expect(result.contradictions.isEmpty)
    }
}
