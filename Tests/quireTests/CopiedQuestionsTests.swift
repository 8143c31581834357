import Foundation
import Testing

/// Questions copied by formula from another sheet that is read too are not new items; a sheet
/// made of them is a summary, and nothing is written into it.
@Suite("Rows copied by formula")
struct CopiedQuestionsTests {
    static let questions = [
        "Do you enforce multi-factor authentication for administrators?",
        "Are backups encrypted and tested every quarter?",
        "Is there a documented incident response plan?",
        "Are user access rights reviewed at least twice a year?",
    ]

    static func inline(_ reference: String, _ text: String) -> String {
        "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(escaped(text))</t></is></c>"
    }

    /// A header row, then one row per question; `copy` puts the question in B as a formula with
    /// its cached value (as Excel saves it) instead of as text.
    static func rows(copy: ((Int) -> String)?) -> String {
        var rows = "<row r=\"1\">" + inline("A1", "ID") + inline("B1", "Question") + inline("C1", "Answer") + "</row>"
        for (offset, question) in questions.enumerated() {
            let row = offset + 2
            let cell =
                copy.map { "<c r=\"B\(row)\" t=\"str\"><f>\(escaped($0(row)))</f><v>\(escaped(question))</v></c>" }
                ?? inline("B\(row)", question)
            rows += "<row r=\"\(row)\">" + inline("A\(row)", "Q-\(offset + 1)") + cell + "</row>"
        }
        return rows
    }

    @Test("a summary sheet of copies is passed over, and only the source's items are answered")
    func summaryOfCopies() throws {
        let folder = try CLIScratchFolder()
        let workbook = TestWorkbook(
            sheets: [
                TestWorkbook.Sheet(name: "Questions", rows: Self.rows(copy: nil)),
                TestWorkbook.Sheet(name: "Print view", rows: Self.rows(copy: { "Questions!B\($0)" })),
                TestWorkbook.Sheet(
                    name: "Board copy",
                    rows: Self.rows(copy: { "VLOOKUP(A\($0),'Questions'!A:C,2,FALSE)" })
                ),
            ]
        )
        _ = try folder.write(workbook.bytes(), named: "book.xlsx")
        let result = try QuireProcess.run(["inspect", "book.xlsx", "--format", "json"], in: folder.path)
        #expect(result.exitCode == 0, "\(result)")
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        )
        let sheets = try #require(document["sheets"] as? [[String: Any]])
        let status = Dictionary(uniqueKeysWithValues: sheets.map { ($0["sheet"] as? String ?? "", $0) })
        #expect(status["Questions"]?["status"] as? String == "questionnaire")
        for copy in ["Print view", "Board copy"] {
            #expect(status[copy]?["status"] as? String == "ignored", "\(copy)")
            #expect(
                (status[copy]?["reason"] as? String)?.contains("copied by formula from sheet \"Questions\"") == true
            )
        }
        let items = try #require(document["items"] as? [[String: Any]])
        #expect(items.map { $0["sheet"] as? String } == Array(repeating: "Questions", count: Self.questions.count))
    }

    @Test("a copied row among the sheet's own questions is dropped")
    func oneCopiedRow() throws {
        let folder = try CLIScratchFolder()
        var own = Self.rows(copy: nil)
        own = own.replacing(
            Self.inline("B3", Self.questions[1]),
            with: "<c r=\"B3\" t=\"str\"><f>Questions!B2</f><v>\(escaped(Self.questions[0]))</v></c>"
        )
        let other = Self.rows(copy: nil).replacing("Q-", with: "R-")
        let workbook = TestWorkbook(
            sheets: [
                TestWorkbook.Sheet(name: "Questions", rows: other),
                TestWorkbook.Sheet(name: "Follow-up", rows: own),
            ]
        )
        _ = try folder.write(workbook.bytes(), named: "book.xlsx")
        let result = try QuireProcess.run(["inspect", "book.xlsx", "--format", "json"], in: folder.path)
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        )
        let items = try #require(document["items"] as? [[String: Any]])
        let followUp = items.filter { $0["sheet"] as? String == "Follow-up" }.compactMap { $0["row"] as? Int }
        #expect(followUp == [2, 4, 5], "row 3 copies Questions!B2")
    }
}
