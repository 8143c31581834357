import ControlModel
import Questionnaire
import Testing

@testable import Answering

/// Answers given for one product: used only for that product's questions, learned for it, and
/// never in conflict with another product's answer to the same question.
@Suite struct ProductScopeTests {
    static let question = "Is customer data encrypted at rest on the devices running the app?"

    static func entry(_ id: String, _ answer: String, products: [String] = [], question: String = question)
        -> AnswerLibraryEntry
    {
        AnswerLibraryEntry(
            id: id,
            question: question,
            answer: answer,
            comment: "\(answer) for \(products.isEmpty ? "everything" : products.joined(separator: ", ")).",
            approvedBy: "Head of Security",
            products: products
        )
    }

    static func answer(_ product: String?, with entries: [AnswerLibraryEntry]) throws -> Answer {
        let library = AnsweringTests.library(adding: entries)
        let answerer = Answerer(
            matcher: Matcher(index: LibraryIndex(library)),
            options: AnsweringOptions(asOf: try #require(Day(parsing: "2026-11-29")))
        )
        let item = QuestionnaireItem(
            id: "AS-3",
            question: Self.question,
            product: product,
            sheet: "Questions",
            row: 5,
            answerTarget: .cell(SheetCell(sheet: "Questions", row: 5, column: 3)),
            answerType: .choice,
            allowedAnswers: ["Yes", "No", "N/A"]
        )
        return answerer.answer(item, match: answerer.matcher.match(item))
    }

    @Test("a product's answer wins for that product; the organisation's is proposed for the others")
    func productAnswerFirst() throws {
        let entries = [Self.entry("ANS-ORG", "Yes"), Self.entry("ANS-MOB", "No", products: ["Harbor  mobile"])]
        let mobile = try Self.answer("Harbor Mobile", with: entries)
        #expect(mobile.libraryEntry == "ANS-MOB" && mobile.value == "No" && mobile.product == "Harbor Mobile")
        #expect(mobile.reviewReasons.isEmpty, "approved for this product: written")
        // The organisation's answer is proposed for another product, for a person to confirm.
        let web = try Self.answer("Harbor Web", with: entries)
        #expect(web.libraryEntry == "ANS-ORG" && web.value == "Yes")
        #expect(web.reviewReasons == [.organisationAnswerForProduct(entry: "ANS-ORG", product: "Harbor Web")])
        let organisation = try Self.answer(nil, with: entries)
        #expect(organisation.libraryEntry == "ANS-ORG" && organisation.value == "Yes")
        #expect(organisation.reviewReasons.isEmpty)
        // The order in the library does not decide it.
        let reversed = try Self.answer("Harbor Mobile", with: entries.reversed())
        #expect(reversed.libraryEntry == "ANS-MOB")
    }

    @Test("an answer for one product answers no other product and not the organisation")
    func otherProductsAnswerNothing() throws {
        let entries = [Self.entry("ANS-MOB", "No", products: ["Harbor Mobile"])]
        #expect(try Self.answer("Harbor Web", with: entries).libraryEntry == nil)
        #expect(try Self.answer(nil, with: entries).libraryEntry == nil)
        #expect(try Self.answer("harbor mobile", with: entries).libraryEntry == "ANS-MOB")
    }

    @Test("a product's answer is found among many other products' answers to the same question")
    func crowdedByOtherProducts() throws {
        let others = (1...20).map { Self.entry("ANS-P\($0)", "No", products: ["Product \($0)"]) }
        let found = try Self.answer(
            "Harbor Web",
            with: others + [Self.entry("ANS-WEB", "Yes", products: ["Harbor Web"])]
        )
        #expect(found.libraryEntry == "ANS-WEB" && found.value == "Yes")
    }

    @Test(
        "an answer derived from the organisation's controls for one product is checked, even above a team's threshold"
    )
    func derivedForAProduct() throws {
        let question = "Do staff sign in with multi-factor authentication (MFA)?"
        let matcher = Matcher(index: LibraryIndex(AnsweringTests.library()))
        let answerer = Answerer(
            matcher: matcher,
            options: AnsweringOptions(asOf: try #require(Day(parsing: "2026-11-29")), writeFrom: 0)
        )
        var item = FreeTextAndLayoutTests.item(question)
        let organisation = answerer.answer(item, match: matcher.match(item))
        #expect(organisation.basis == .controlsImplemented && organisation.reviewReasons.isEmpty)
        item.product = "Harbor Mobile"
        let mobile = answerer.answer(item, match: matcher.match(item))
        #expect(mobile.value == organisation.value && mobile.confidence == organisation.confidence)
        #expect(mobile.reviewReasons == [.organisationAnswerForProduct(entry: nil, product: "Harbor Mobile")])
        #expect(
            mobile.reviewReason
                == "the controls it rests on are the organisation's; check that they hold for Harbor Mobile"
        )
    }

    @Test("a product's question rests on its own and the organisation's evidence, not another product's")
    func evidenceForAProduct() throws {
        let question = "Do staff sign in to laptops with multi-factor authentication (MFA)?"
        func answer(_ product: String?, failingFor products: [String]) throws -> Answer {
            var library = AnsweringTests.libraryWithAFailingCheck()
            library.evidence[library.evidence.count - 1].products = products
            let matcher = Matcher(index: LibraryIndex(library))
            let answerer = Answerer(
                matcher: matcher,
                options: AnsweringOptions(asOf: try #require(Day(parsing: "2026-11-29")))
            )
            var item = FreeTextAndLayoutTests.item(question)
            item.allowedAnswers = ["Yes", "Partially", "No"]
            item.answerType = .choice
            item.product = product
            return answerer.answer(item, match: matcher.match(item))
        }
        let failing = ReviewReason.failingEvidence(control: "T-MFA", ids: ["EV-2"])
        // The laptop check failed for the mobile app's staff devices only.
        let web = try answer("Harbor Web", failingFor: ["Harbor Mobile"])
        #expect(web.value == "Yes" && !web.reviewReasons.contains(failing))
        #expect(!web.evidence.map(\.id).contains("EV-2"), "another product's check is not cited")
        let mobile = try answer("harbor  mobile", failingFor: ["Harbor Mobile"])
        #expect(mobile.value == "Partially" && mobile.reviewReasons.contains(failing))
        // The organisation's question rests on every product's evidence.
        let organisation = try answer(nil, failingFor: ["Harbor Mobile"])
        #expect(organisation.value == "Partially" && organisation.reviewReasons.contains(failing))
        // Evidence for the whole organisation bears on every product.
        let everywhere = try answer("Harbor Web", failingFor: [])
        #expect(everywhere.value == "Partially" && everywhere.reviewReasons.contains(failing))
    }

    @Test("a period asked of one product is met only by what that product's or the organisation's evidence states")
    func periodsForAProduct() throws {
        // T-BKP says "daily"; the mobile app's backup report says "hourly".
        var library = AnsweringTests.library()
        library.implementation[1] = Implementation(control: "T-BKP", status: .implemented)
        library.evidence.append(
            Evidence(
                id: "EV-H",
                title: "Backup job report",
                kind: .report,
                controls: ["T-BKP"],
                collectedOn: Day(parsing: "2026-11-01"),
                validUntil: Day(parsing: "2027-11-01"),
                result: .pass,
                description: "Production data is backed up hourly and restores are tested.",
                products: ["Harbor Mobile"]
            )
        )
        let matcher = Matcher(index: LibraryIndex(library))
        let answerer = Answerer(
            matcher: matcher,
            options: AnsweringOptions(asOf: try #require(Day(parsing: "2026-11-29")))
        )
        func answer(_ product: String?) -> Answer {
            var item = FreeTextAndLayoutTests.item("Is production data backed up hourly, with restores tested?")
            item.allowedAnswers = ["Yes", "No"]
            item.answerType = .choice
            item.product = product
            return answerer.answer(item, match: matcher.match(item))
        }
        let unmet = ReviewReason.periodNotStated(asked: "hourly", stated: ["daily"])
        let web = answer("Harbor Web")
        #expect(web.value == "No" && web.reviewReasons.contains(unmet), "\(web.reviewReasons)")
        #expect(!web.evidence.map(\.id).contains("EV-H"))
        let mobile = answer("Harbor Mobile")
        #expect(mobile.value == "Yes" && !mobile.reviewReasons.contains { $0.code == "period-not-stated" })
        #expect(mobile.evidence.map(\.id) == ["EV-H"], "\(mobile.reviewReasons)")
        // The organisation's question rests on every product's evidence, as before.
        #expect(answer(nil).value == "Yes")
    }

    @Test("a control's status stated for a product decides that product's answer, and is written unreviewed")
    func statusForAProduct() throws {
        // MFA is implemented for the organisation, planned in the mobile app, stated as
        // implemented for the web portal.
        var library = AnsweringTests.library()
        library.implementation += [
            Implementation(
                control: "T-MFA",
                status: .planned,
                targetDate: Day(parsing: "2027-06-30"),
                products: ["Harbor Mobile"]
            ),
            Implementation(control: "T-MFA", status: .implemented, products: ["Harbor Web"]),
        ]
        let matcher = Matcher(index: LibraryIndex(library))
        #expect(matcher.index.diagnostics.filter { $0.severity == .error }.isEmpty)
        let answerer = Answerer(
            matcher: matcher,
            options: AnsweringOptions(asOf: try #require(Day(parsing: "2026-11-29")), writeFrom: 0)
        )
        func answer(_ product: String?) -> Answer {
            var item = FreeTextAndLayoutTests.item("Do staff sign in with multi-factor authentication (MFA)?")
            item.allowedAnswers = ["Yes", "No", "N/A"]
            item.answerType = .choice
            item.product = product
            return answerer.answer(item, match: matcher.match(item))
        }
        let organisation = answer(nil)
        #expect(organisation.value == "Yes" && organisation.reviewReasons.isEmpty)
        let mobile = answer("harbor mobile")
        #expect(mobile.value != "Yes" && mobile.basis == .controlsIncomplete, "\(mobile)")
        let web = answer("Harbor Web")
        #expect(web.value == "Yes" && web.reviewReasons.isEmpty, "stated for the web portal: \(web.reviewReasons)")
        // A product with no record of its own rests on the organisation's, and is checked.
        let desktop = answer("Harbor Desktop")
        #expect(desktop.value == "Yes")
        #expect(desktop.reviewReasons == [.organisationAnswerForProduct(entry: nil, product: "Harbor Desktop")])
    }

    @Test("a past answer to an English question, matched to a German one, goes to review")
    func pastAnswerAcrossLanguages() throws {
        // Every term shared: "Sind MFA und SSO da?" reads as German (sind, und, da) and has the
        // terms of "MFA and SSO?", yet the match was made across languages.
        let english = "MFA and SSO?"
        let library = AnsweringTests.library(adding: [Self.entry("ANS-1", "Yes", question: english)])
        let matcher = Matcher(index: LibraryIndex(library))
        let answerer = Answerer(
            matcher: matcher,
            options: AnsweringOptions(asOf: try #require(Day(parsing: "2026-11-29")))
        )
        func answer(_ question: String) -> Answer {
            var item = FreeTextAndLayoutTests.item(question)
            item.allowedAnswers = ["Ja", "Nein"]
            item.answerType = .choice
            return answerer.answer(item, match: matcher.match(item))
        }
        #expect(TextAnalyzer.standard.readsAsOtherLanguage("Sind MFA und SSO da?"))
        #expect(!TextAnalyzer.standard.readsAsOtherLanguage("Are MFA and SSO in place for the data room?"))
        let german = answer("Sind MFA und SSO da?")
        #expect(german.libraryEntry == "ANS-1" && german.value == "Ja")
        #expect(german.review && german.reviewReasons.contains(.askedInAnotherLanguage(entry: "ANS-1")))
        let same = answer("MFA and SSO? ")
        #expect(same.libraryEntry == "ANS-1" && !same.reviewReasons.contains(.askedInAnotherLanguage(entry: "ANS-1")))
    }

    @Test("learning: each product's decision is its own entry; the same product's is updated")
    func learningKeepsProductsApart() {
        func approved(_ answer: String, _ products: [String]) -> ApprovedAnswer {
            ApprovedAnswer(
                question: Self.question,
                answer: answer,
                comment: nil,
                controls: [],
                evidence: [],
                source: "acme.xlsx item AS-3",
                approvedBy: "Dana",
                approvedOn: nil,
                products: products
            )
        }
        let first = learn(
            [approved("Yes", ["Harbor Web"]), approved("No", ["Harbor Mobile"]), approved("Yes", [])],
            into: [Self.entry("ANS-0001", "Yes")]
        )
        #expect(first.added.map(\.products) == [["Harbor Web"], ["Harbor Mobile"]])
        #expect(first.added.map(\.answer) == ["Yes", "No"])
        #expect(first.updated.map(\.id) == ["ANS-0001"] && first.updated.first?.products == [])
        #expect(first.contradictions.isEmpty)
        let library = [Self.entry("ANS-0001", "Yes")] + first.added
        let second = learn([approved("Yes", ["harbor mobile"])], into: library)
        #expect(second.added.isEmpty && second.updated.map(\.id) == [first.added[1].id])
        #expect(second.contradictions.map(\.was) == ["No"])
    }

    @Test("library check compares only entries for the same products")
    func auditByProduct() {
        var library = AnsweringTests.library(adding: [
            Self.entry("ANS-ORG", "Yes"), Self.entry("ANS-MOB", "No", products: ["Harbor Mobile"]),
            Self.entry("ANS-WEB", "Yes", products: ["Harbor Web"]),
        ])
        #expect(
            auditAnswerLibrary(Matcher(index: LibraryIndex(library))).filter { $0.kind != .unknownReference }.isEmpty
        )
        library.answers.append(Self.entry("ANS-MOB2", "Yes", products: ["Harbor Mobile"]))
        let findings = auditAnswerLibrary(Matcher(index: LibraryIndex(library))).filter { $0.kind == .conflict }
        #expect(findings.map(\.entries) == [["ANS-MOB", "ANS-MOB2"]])
    }
}
