import Foundation
import Spreadsheet
import Testing
import Yams

@testable import Questionnaire

/// Layout detection on small questionnaires written as CSV text, and the helpers it rests on.
@Suite struct DetectionTests {
    /// Writes CSV text to a temporary file and reads it as a questionnaire.
    func read(_ csv: String, name: String = "questions.csv", options: DetectionOptions = DetectionOptions()) throws
        -> Questionnaire
    {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("quire-q-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent(name)
        try csv.write(to: url, atomically: true, encoding: .utf8)
        return try readQuestionnaire(path: url.path, options: options)
    }

    @Test(arguments: [
        ("ID", ColumnRole.id), ("Question #", .id), ("Ref", .id), ("Control ID", .id), ("Question", .question),
        ("Assessment Question", .question), ("Requirement", .question), ("Vendor Response", .answer),
        ("Answer (Yes/No/N/A)", .answer), ("Compliant?", .answer), ("Comments", .comment),
        ("Additional Information", .comment), ("Answer comments", .comment), ("Evidence / Attachments", .evidence),
        ("Guidance", .guidance), ("Control Owner", .owner), ("Section", .section), ("Domain", .section),
        ("question_type", .other), ("Supplier Statement", .answer), ("Vendor's position", .answer),
        ("Control statement", .question), ("Requirement Statement", .question), ("Qstn", .question),
        ("Resp.", .answer), ("Cmnts", .comment), ("Evid.", .evidence), ("Supporting Statement", .comment),
        ("Answer detail", .comment), ("Reason", .comment), ("Reason for answer", .comment),
        ("Document reference", .evidence), ("Evidence reference", .evidence), ("What we look for", .guidance),
        ("Previous Comments", .other), ("Prior evidence", .other), ("Comments last year", .other),
        ("Expected evidence", .guidance), ("Why we ask", .guidance), ("Explanation of the question", .guidance),
        ("Current level", .answer), ("Maturity level", .answer), ("Basis for rating", .comment),
    ])
    func headerWordsNameRoles(header: String, role: ColumnRole) {
        #expect(HeaderVocabulary.role(of: header)?.role == role)
    }

    /// Questionnaires in German, French, Spanish, Dutch, Italian and Portuguese, and bilingual
    /// headers; a word holding an answer word in another role keeps that role.
    @Test(arguments: [
        ("Lfd. Nr.", ColumnRole.id), ("N°", .id), ("Nº", .id), ("Réf.", .id), ("Número", .id), ("Frage", .question),
        ("Prüffrage", .question), ("Anforderung", .question), ("Exigence", .question), ("Pregunta", .question),
        ("Vraag", .question), ("Domanda", .question), ("Pergunta", .question), ("Frage / Question", .question),
        ("Antwort", .answer), ("Antwort / Answer", .answer), ("Réponse du fournisseur", .answer),
        ("Respuesta", .answer),
        ("Antwoord", .answer), ("Risposta", .answer), ("Resposta (Sim/Não)", .answer), ("Cumple", .answer),
        ("Erläuterung", .comment), ("Bemerkung", .comment), ("Commentaire", .comment), ("Observaciones", .comment),
        ("Toelichting", .comment), ("Observações", .comment), ("Kommentar / Comment", .comment),
        ("Nachweis", .evidence),
        ("Justificatif", .evidence), ("Evidencia", .evidence), ("Bewijs", .evidence), ("Verantwortlich", .owner),
        ("Responsable", .owner), ("Kapitel", .section), ("Domaine", .section), ("Hoofdstuk", .section),
        ("Hinweis", .guidance), ("Toelichting bij de vraag", .guidance), ("Erläuterung zur Frage", .guidance),
        ("الرقم", .id), ("السؤال", .question), ("الإجابة", .answer), ("الملاحظات", .comment),
        ("الأدلة الداعمة", .evidence),
    ])
    func headerWordsOfOtherLanguages(header: String, role: ColumnRole) {
        #expect(HeaderVocabulary.role(of: header)?.role == role)
    }

    /// A row over the header that groups its columns (`Bank requirements` over id, question and
    /// criticality, `Supplier response` over answer and comments) names a question and an answer
    /// column too; the header is the row under it, with every column's own name.
    @Test func aGroupRowOverTheHeaderIsNotTheHeader() throws {
        let questionnaire = try read(
            """
            Supplier security assessment,,,,
            Bank requirements,,,Supplier response,
            No.,Question,Criticality,Answer,Comments
            1.1,Do you have a security officer?,High,,
            1.2,Is data encrypted at rest?,High,,
            1.3,Do you run annual penetration tests?,Medium,,

            """
        )
        #expect(questionnaire.items.map(\.id) == ["1.1", "1.2", "1.3"])
        #expect(questionnaire.items.first?.question == "Do you have a security officer?")
        #expect(questionnaire.items.first?.answerTarget?.cell?.address.column == 4)
        #expect(questionnaire.items.first?.commentCell?.address.column == 5)
    }

    /// A platform export's columns about the answer ("Response Type", "Response Options") beside
    /// its "Response": only "Response" is the answer column, and each row's options are its
    /// allowed answers.
    @Test func columnsAboutTheAnswerAreNotTheAnswer() throws {
        for header in ["Response Type", "Answer format", "Response date"] {
            #expect(HeaderVocabulary.role(of: header)?.role == .other, "\(header)")
        }
        for header in ["Response Options", "Answer choices", "Possible answers", "Options"] {
            #expect(HeaderVocabulary.role(of: header)?.role == .options, "\(header)")
        }
        let questionnaire = try read(
            """
            Question ID,Question Text,Response Type,Response Options,Response,Response Comment
            101,Do you have a security officer?,Single Select,Yes;No;N/A,,
            102,Describe your backup schedule.,Text,,,
            103,Is data encrypted at rest?,Single Select,Yes;No;N/A,,

            """
        )
        #expect(questionnaire.items.map { $0.answerTarget?.cell?.address.column } == [5, 5, 5])
        #expect(questionnaire.items.map { $0.commentCell?.address.column } == [6, 6, 6])
        #expect(questionnaire.items.map(\.allowedAnswers) == [["Yes", "No", "N/A"], [], ["Yes", "No", "N/A"]])
        #expect(questionnaire.items.map(\.allowedAnswersSource) == [.options, nil, .options])
        #expect(questionnaire.items.map(\.answerType) == [.choice, .text, .choice])
    }

    @Test func choicesWrittenInACell() {
        #expect(HeaderVocabulary.choices(inCell: "Yes;No;N/A") == ["Yes", "No", "N/A"])
        #expect(
            HeaderVocabulary.choices(inCell: "Fully | Partially | Not at all") == ["Fully", "Partially", "Not at all"]
        )
        #expect(HeaderVocabulary.choices(inCell: "Yes\nNo") == ["Yes", "No"])
        #expect(HeaderVocabulary.choices(inCell: "Yes/No/N/A") == ["Yes", "No", "N/A"])
        #expect(HeaderVocabulary.choices(inCell: "Free text").isEmpty)
        #expect(
            HeaderVocabulary.choices(inCell: "Yes; and describe how the keys are rotated and by whom, in detail please")
                .isEmpty
        )
    }

    @Test func choicesInAnotherLanguageInTheHeader() {
        #expect(HeaderVocabulary.allowedAnswers(inHeader: "Réponse (Oui/Non/N.A.)") == ["Oui", "Non", "N.A."])
        #expect(HeaderVocabulary.allowedAnswers(inHeader: "Ja/Nein") == ["Ja", "Nein"])
        #expect(HeaderVocabulary.allowedAnswers(inHeader: "Sim / Não") == ["Sim", "Não"])
    }

    @Test func textsThatAreNoHeaders() {
        #expect(HeaderVocabulary.role(of: "Vendor name") == nil)
        #expect(
            HeaderVocabulary.role(of: "Do you keep a documented and tested incident response plan for all services?")
                == nil
        )
    }

    @Test func aHeaderMadeOfChoicesGivesThem() {
        #expect(HeaderVocabulary.allowedAnswers(inHeader: "Yes/No") == ["Yes", "No"])
        #expect(HeaderVocabulary.allowedAnswers(inHeader: "Y / N") == ["Y", "N"])
        #expect(HeaderVocabulary.allowedAnswers(inHeader: "Yes/No/N/A?") == ["Yes", "No", "N/A"])
        #expect(HeaderVocabulary.allowedAnswers(inHeader: "Input/Output").isEmpty)
        #expect(HeaderVocabulary.allowedAnswers(inHeader: "Response").isEmpty)
    }

    @Test func allowedAnswersInAHeader() {
        #expect(HeaderVocabulary.allowedAnswers(inHeader: "Answer (Yes/No/N/A)") == ["Yes", "No", "N/A"])
        #expect(HeaderVocabulary.allowedAnswers(inHeader: "Response: Yes / No / Partial") == ["Yes", "No", "Partial"])
        #expect(HeaderVocabulary.allowedAnswers(inHeader: "Answer") == [])
        #expect(HeaderVocabulary.allowedAnswers(inHeader: "Comments (optional)") == [])
    }

    @Test func questionsAreRecognised() {
        #expect(HeaderVocabulary.readsAsQuestion("Do you encrypt data at rest?"))
        #expect(HeaderVocabulary.readsAsQuestion("Describe your incident response process."))
        #expect(HeaderVocabulary.readsAsQuestion("Is MFA enforced"))
        #expect(!HeaderVocabulary.readsAsQuestion("Access control"))
        #expect(!HeaderVocabulary.readsAsQuestion("The plan includes measurable milestones"))
    }

    @Test func absoluteReferencesQuoteSheetNamesThatNeedIt() {
        #expect(SheetCell(sheet: "Questions", row: 5, column: 3).reference == "Questions!$C$5")
        #expect(SheetCell(sheet: "HECVAT - Full", row: 26, column: 3).reference == "'HECVAT - Full'!$C$26")
        #expect(SheetCell(sheet: "Vendor's answers", row: 1, column: 28).reference == "'Vendor''s answers'!$AB$1")
        #expect(SheetCell(sheet: "2024", row: 1, column: 1).reference == "'2024'!$A$1")
        for cell in [
            SheetCell(sheet: "Vendor's answers", row: 1, column: 28), SheetCell(sheet: "A1", row: 9, column: 2),
        ] {
            #expect(SheetCell(reference: cell.reference) == cell, "\(cell.reference) reads back")
        }
    }

    @Test func sheetPatterns() {
        #expect(globMatches("CAIQ*", "CAIQv4.0.3"))
        #expect(globMatches("HECVAT - *", "HECVAT - Full"))
        #expect(globMatches("*answers*", "Vendor Answers 2026"))
        #expect(!globMatches("CAIQ*", "Introduction"))
        #expect(globMatches("Questions", "questions"))
        #expect(!globMatches("Questions", "Questions 2"))
    }

    /// A title block, a header in row 4, section rows, a wrapped question, an answered item and
    /// a totals row.
    @Test func aCustomerLayoutIsReadWithoutHints() throws {
        let csv = """
            Acme Corp vendor security review,,,
            Please answer every question and explain any No.,,,
            ,,,
            Ref,Question,Response (Yes/No/N/A),Comments
            Access control,,,
            AC-1,Do you enforce multi-factor authentication for all staff?,Yes,Okta with WebAuthn
            AC-2,Are access rights reviewed at least,,
            ,quarterly by the system owner?,,
            Encryption,,,
            EN-1,Describe how customer data is encrypted at rest.,,
            EN-2,Is TLS 1.2 or later enforced on public endpoints?,,
            Total answered,,2,

            """
        let questionnaire = try read(csv)
        let layout = try #require(questionnaire.sheets.first)
        #expect(layout.status == .questionnaire)
        #expect(layout.headerRow == 4)
        #expect(questionnaire.items.map(\.id) == ["AC-1", "AC-2", "EN-1", "EN-2"])
        #expect(questionnaire.items[1].question == "Are access rights reviewed at least quarterly by the system owner?")
        #expect(
            questionnaire.items.map(\.section) == [
                ["Access control"], ["Access control"], ["Encryption"], ["Encryption"],
            ]
        )
        #expect(questionnaire.items[0].existingAnswer == "Yes")
        #expect(questionnaire.items[0].existingComment == "Okta with WebAuthn")
        #expect(questionnaire.items[0].answerTarget?.description == "questions!$C$6")
        #expect(questionnaire.items[0].commentCell?.reference == "questions!$D$6")
        #expect(
            questionnaire.items.allSatisfy {
                $0.allowedAnswers == ["Yes", "No", "N/A"] && $0.allowedAnswersSource == .header
            }
        )
        let reasons = Dictionary(
            layout.skippedRows.map { ($0.first, $0.reason) },
            uniquingKeysWith: { first, _ in first }
        )
        #expect(reasons[1] == .title)
        #expect(reasons[5] == .section)
        #expect(reasons[8] == .continuation)
        #expect(reasons[12] == .marker)
    }

    @Test func withoutAnIdColumnIdsAreMadeFromTheRow() throws {
        let csv = """
            Question,Answer
            Do you run background checks on new hires?,
            Do you have a security awareness programme?,

            """
        let questionnaire = try read(csv)
        #expect(questionnaire.items.count == 2)
        #expect(questionnaire.items.allSatisfy { $0.idGenerated })
        #expect(questionnaire.items.map(\.id) == ["questions-2", "questions-3"])
        #expect(questionnaire.items.allSatisfy { $0.answerType == .text && $0.allowedAnswers.isEmpty })
    }

    @Test func overridesWinOverDetection() throws {
        let csv = """
            Topic,Details,Notes,Reply
            Backups,Are backups encrypted and tested every quarter?,,
            Logging,Are security logs kept for a year or more?,,

            """
        let detected = try read(csv)
        #expect(detected.items.first?.answerTarget?.description == "questions!$D$2")
        let overridden = try read(csv, options: DetectionOptions(questionColumn: "B", answerColumn: "C"))
        #expect(overridden.items.first?.answerTarget?.description == "questions!$C$2")
        #expect(overridden.sheets.first?.columns.first { $0.column == "C" }?.because == "given by hand")
    }

    @Test func aSheetWithNoQuestionsIsPassedOverWithAReason() throws {
        let questionnaire = try read("Name,Amount\nWidgets,3\nGadgets,4\n")
        #expect(questionnaire.items.isEmpty)
        #expect(questionnaire.sheets.first?.status == .ignored)
        #expect(questionnaire.sheets.first?.reason.isEmpty == false)
    }

    @Test func aQuestionThatMentionsTheCustomerOrTheVendorIsStillAnItem() throws {
        // Items whose words also open a receiver's or the vendor's block ("for customer use",
        // "completed by the customer", "completed by the vendor"), in a three-column table.
        let csv = """
            ID,Question,Answer
            Q1,Is single sign-on via SAML supported for customer users?,
            Q2,Is the onboarding form completed by the customer before access is granted?,
            Q3,Is the questionnaire completed by the vendor's security team?,
            Q4,Do you encrypt backups?,
            For reviewer use only,,
            Score,,
            Q5,Do you run annual penetration tests?,

            """
        let questionnaire = try read(csv)
        #expect(questionnaire.items.map(\.id) == ["Q1", "Q2", "Q3", "Q4", "Q5"])
        #expect(questionnaire.sheets.first?.skippedRows.contains { $0.reason == .forReceiver } == true)
    }

    @Test(
        arguments: [
            ("Instructions", "instruction"), ("Cover", "cover"), ("Cover Sheet", "cover"), ("CoverPage", "coverpage"),
            ("coversheet", "coversheet"), ("ReadMe", "readme"), ("Read me first", "read me"),
            ("DropDownLists", "dropdown"), ("Drop-down values", "drop down"),
            ("Lists", "lists"), ("ListValues", "list values"), ("Report", "report"), ("Summary of results", "summary"),
            ("Table of Contents", "contents"), ("Change Log", "change log"), ("Definitions", "definition"),
            ("Resilience & Recovery", nil), ("Incident Reporting", nil), ("Configuration Management", nil),
            ("Privacy Checklists", nil), ("Question List", nil), ("Helpdesk Security", nil),
            ("Insurance Coverage", nil),
            ("Charter and Governance", nil), ("Discovery", nil),
        ] as [(String, String?)]
    )
    func sheetNamesThatSayTheyHoldNoQuestions(name: String, word: String?) {
        #expect(LayoutDetector.nonQuestionSheetWord(name) == word)
    }

    @Test func aWorkedExampleRowIsNotAnItem() throws {
        let csv = """
            Item,Requirement,Answer,Comments
            e.g.,Example only: Do you appoint a representative in the Union?,Yes,How to fill a row
            ,Example: Do you keep a record of processing?,Yes,
            1,Do you process personal data only on documented instructions?,,
            2,"For example, do you keep logs of access to personal data?",,
            3,Are ex-employees' accounts removed on their last day?,,
            4,Sample sizes: how many records do you audit each quarter?,,

            """
        let questionnaire = try read(csv)
        #expect(questionnaire.items.map(\.id) == ["1", "2", "3", "4"])
        #expect(
            questionnaire.sheets.first?.skippedRows.contains { $0.first == 2 && $0.reason == .instructions } == true
        )
        #expect(ItemBuilder.isWorkedExample(id: "Sample", question: "Do you encrypt backups?"))
        #expect(ItemBuilder.isWorkedExample(id: nil, question: "EXAMPLE - Do you encrypt backups?"))
        #expect(ItemBuilder.isWorkedExample(id: nil, question: "Sample question: Do you encrypt backups?"))
        #expect(!ItemBuilder.isWorkedExample(id: "EX-1", question: "Do you encrypt backups?"))
        #expect(!ItemBuilder.isWorkedExample(id: nil, question: "Examples of evidence you keep?"))
    }

    @Test func aQuestionEndingInAColonIntroducesItsSubQuestions() {
        let items = [
            QuestionnaireItem(id: "3.1", section: ["Data"], question: "For customer data, state:"),
            QuestionnaireItem(id: "3.1.a", section: ["Data"], question: "where it is stored"),
            QuestionnaireItem(id: "3.1.b", section: ["Data"], question: "who can reach it"),
            QuestionnaireItem(id: "3.2", section: ["Data"], question: "Is it encrypted?"),
        ]
        let nested = LayoutDetector.nestSubQuestions(items)
        #expect(nested.map(\.id) == ["3.1.a", "3.1.b", "3.2"])
        #expect(nested[0].section == ["Data", "For customer data, state:"])
        #expect(nested[2].section == ["Data"])
    }

    @Test func aQuestionOfItsOwnWithADropDownKeepsItsParts() {
        var parent = QuestionnaireItem(
            id: "7.2",
            section: ["Keys"],
            question: "Are signing keys held in an HSM? If so:"
        )
        parent.allowedAnswers = ["Yes", "No"]
        parent.allowedAnswersSource = .validation
        let items = [
            parent, QuestionnaireItem(id: "7.2.a", section: ["Keys"], question: "Which HSM vendor is used?"),
        ]
        #expect(LayoutDetector.nestSubQuestions(items).map(\.id) == ["7.2", "7.2.a"])
    }

    @Test func lettersInTheIDColumnArePartsOfTheIDAbove() throws {
        #expect(
            ["(a)", "(iv)", "(B)", "c)", "d.", "ii)"].map(ItemBuilder.partLabel) == ["a", "iv", "B", "c", "d", "ii"]
        )
        #expect(["A.", "a", "(ab)", "1)", "A1", "(a) text"].allSatisfy { ItemBuilder.partLabel($0) == nil })
        let csv = """
            Ref,Question,Answer
            B,Backups,
            B7,How long are backups kept?,
            (a),Are they kept off site?,
            (b),Is a restore tested each quarter?,
            B8,Are backup jobs monitored for failure?,
            i),Who is alerted when one fails?,

            """
        let questionnaire = try read(csv)
        #expect(questionnaire.items.map(\.id) == ["B7", "B7.a", "B7.b", "B8", "B8.i"])
    }

    @Test func productsAnsweredSideBySideAreToldApartByTheirHeaders() {
        let names = { (headers: [String]) in LayoutDetector.productNames(headers, sharing: ["answer", "response"]) }
        #expect(names(["Response – Web", "Response – Mobile app"]) == ["Web", "Mobile app"])
        #expect(names(["Answer (EU region)", "Answer (US region)"]) == ["EU region", "US region"])
        #expect(names(["Platform response", "Desktop client response"]) == ["Platform", "Desktop client"])
        #expect(names(["Vendor Response", "Vendor Response Date"]) == nil)
        #expect(names(["Response", "Response"]) == nil)
        #expect(names(["Current answer", "Prior year's notes"]) == nil)
    }

    @Test func anAnswerColumnOutranksAStatusColumn() throws {
        // A requester's "Status" of each question (new, reworded) beside the "Response" column.
        let csv = """
            #,Question,Status,Response,Notes
            1,Do you run a bug bounty programme?,New,,
            2,Are pull requests reviewed by a second engineer?,Unchanged,,
            3,Is production access logged centrally?,Reworded,,

            """
        let sheet = try #require(try read(csv).sheets.first)
        #expect(sheet.columns.first { $0.role == .answer }?.column == "D")
        #expect(HeaderVocabulary.role(of: "Implementation status")?.role == .answer)
    }

    @Test func profilesReadFromYAML() throws {
        let yaml = """
            name: acme-vendor-review
            description: Acme's yearly review workbook
            match:
              sheets: ["Review*"]
              headers: [Ref, Question, Response]
            sheets:
              - name: "Review*"
                header_row: 4
                columns: {id: A, question: Question, answer: Response, comment: D}
                allowed_answers: ["Yes", "No"]
            """
        let profile = try YAMLDecoder().decode(LayoutProfile.self, from: yaml)
        #expect(profile.match.headers == ["Ref", "Question", "Response"])
        #expect(profile.sheets.first?.headerRow == 4)
        #expect(profile.sheets.first?.columns["answer"] == "Response")
        #expect(profile.sheets.first?.fits("Review 2026") == true)
        #expect(LayoutProfile.builtIn.map(\.name) == ["caiq-v4", "hecvat-3"])
    }

    /// A workbook laid out like CAIQ v4 is recognised by its sheet name and header texts, and
    /// the profile's columns and answers are used.
    @Test func theCAIQProfileIsChosenByItself() throws {
        let csv = """
            Consensus Assessments Initiative Questionnaire v4,,,,
            ,,,,
            Question ID,Question,CSP CAIQ Answer,SSRM Control Ownership,CSP Implementation Description (Optional/Recommended)
            A&A-01.1,Are audit and assurance policies established and maintained?,,,
            A&A-01.2,Are the policies reviewed at least annually?,Yes,CSP-owned,Reviewed each March.

            """
        let questionnaire = try read(csv, name: "CAIQv4.0.3.csv")
        #expect(questionnaire.profile == "caiq-v4")
        #expect(questionnaire.items.map(\.id) == ["A&A-01.1", "A&A-01.2"])
        #expect(
            questionnaire.items.allSatisfy {
                $0.allowedAnswers == ["Yes", "No", "NA"] && $0.allowedAnswersSource == .profile
            }
        )
        #expect(questionnaire.items[1].existingAnswer == "Yes")
        #expect(questionnaire.items[1].commentCell?.reference == "'CAIQv4.0.3'!$E$5")
        #expect(questionnaire.sheets.first?.columns.first { $0.column == "D" }?.role == .owner)
        // The same file under another name is detected, not profiled.
        let unnamed = try read(csv, name: "vendor.csv")
        #expect(unnamed.profile == nil)
        #expect(unnamed.items.count == 2)
    }
}
