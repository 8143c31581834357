import Testing

@testable import Spreadsheet

@Suite struct ValidationTests {
    private func metadata(_ file: String, sheet: String) throws -> SheetMetadata {
        let workbook = try Workbook(path: Fixtures.path("xlsx/\(file)"))
        return try workbook.metadata(of: try workbook.sheet(named: sheet))
    }

    /// Hidden rows as Google Sheets (`hidden="1"`) and LibreOffice (`hidden="true"`, and
    /// `hidden="false"` on the others) write them; openpyxl reads row 2 hidden in both.
    @Test(arguments: [
        "exceljs-hidden-test-google-sheets.xlsx", "exceljs-hidden-test-libre-calc-as-excel-2007-365.xlsx",
    ])
    func hiddenRowsAreRead(file: String) throws {
        #expect(try metadata(file, sheet: "Sheet1").hiddenRows == [2])
    }

    @Test func inlineListIsSplit() throws {
        let rules = try metadata("rust_xlsxwriter-data_validation02.xlsx", sheet: "Sheet1").validations
        #expect(rules.count == 1)
        #expect(rules[0].kind == .list)
        #expect(rules[0].ranges.map(\.a1) == ["C2"])
        #expect(rules[0].listValues == ["Foo", "Bar", "Baz"])
    }

    @Test func extensionListsPointingAtAnotherSheetAreResolved() throws {
        let rules = try metadata("poi-56644.xlsx", sheet: "samplelist").validations
        #expect(rules.count == 5)
        #expect(rules.allSatisfy { $0.isExtension && $0.kind == .list })
        let first = try #require(rules.first)
        #expect(first.formula1 == "lists!$A$2:$A$22")
        #expect(first.ranges.map(\.a1) == ["E22:E223"])
        let values = try #require(first.listValues)
        #expect(values.count == 21)
        #expect(values.prefix(3) == ["Select from menu", "undefined", "not listed"])
        #expect(rules[1].ranges.map(\.a1) == ["I33:J223", "J22:K32"])
        #expect(rules[1].covers(CellAddress(row: 22, column: 11)))
        #expect(!rules[1].covers(CellAddress(row: 22, column: 9)))
    }

    @Test func helperRangeOnTheSameSheet() throws {
        let rules = try metadata("corexlsx-jewelershealthcare.com-census.1.xlsx", sheet: "Sheet1").validations
        let gender = try #require(rules.first { $0.ranges.map(\.a1) == ["B5:B200"] })
        #expect(gender.listValues == ["Male", "Female"])
        let custom = try #require(rules.first { $0.kind == .custom })
        #expect(custom.listValues == nil)
        #expect(custom.unresolvedReason == nil)
    }

    @Test func definedNamesLeadToHiddenSheets() throws {
        let workbook = try Workbook(path: Fixtures.path("questionnaires/owasp-samm/SAMM_spreadsheet.xlsx"))
        let table = try workbook.table(try workbook.sheet(named: "Interview"))
        let rule = try #require(table.validation(at: CellAddress(row: 18, column: 6)))
        #expect(rule.formula1 == "G_SM_A_1_1")
        #expect(
            rule.listValues == [
                "No", "Yes, it covers general risks", "Yes, it covers organization-specific risks",
                "Yes, it covers risks and opportunities",
            ]
        )
        let undefined = try #require(table.validation(at: CellAddress(row: 18, column: 13)))
        #expect(undefined.unresolvedReason == "the list refers to the name AnswerA, which the workbook does not define")
    }

    @Test func listRuleOnAMissingSheetSaysSo() throws {
        let rules = try metadata("calamine-issue_530.xlsx", sheet: "出勤分类组织汇总表").validations
        #expect(
            rules.first?.unresolvedReason
                == "the list points at sheet \"基础\", which the workbook does not have"
        )
    }

    @Test func listSourcesOfEveryShape() throws {
        let workbook = try Workbook(path: Fixtures.path("xlsx/poi-56644.xlsx"))
        let sheet = try workbook.sheet(named: "samplelist")
        #expect(workbook.listSource("=\"A,B\"", on: sheet, depth: 0) == .values(["A", "B"]))
        #expect(workbook.listSource("{\"x\",\"y\"}", on: sheet, depth: 0) == .values(["x", "y"]))
        guard case .unresolved(let reason) = workbook.listSource("INDIRECT(A1)", on: sheet, depth: 0) else {
            Issue.record("INDIRECT should not resolve")
            return
        }
        #expect(reason.hasPrefix("the list is computed by a formula"))
        guard case .unresolved = workbook.listSource("[1]Other!A1:A3", on: sheet, depth: 0) else {
            Issue.record("external references should not resolve")
            return
        }
    }
}

/// Custom validation rules that only let a few texts through list the answers a cell takes.
struct CustomRuleValueTests {
    static let cell = CellAddress(row: 7, column: 3)

    @Test(arguments: [
        (#"OR(C7="Yes",C7="No",C7="N/A")"#, ["Yes", "No", "N/A"]),
        (#"=or( $C$7 = "Yes" , "No"=C7 )"#, ["Yes", "No"]),
        (#"C7="Compliant""#, ["Compliant"]),
        (#"OR(C7={"Yes","No"},C7="Partly")"#, ["Yes", "No", "Partly"]),
        (#"ISNUMBER(MATCH(C7,{"Yes","No","Not applicable"},0))"#, ["Yes", "No", "Not applicable"]),
        (#"OR(C7="Say ""yes""",C7="No, never")"#, [#"Say "yes""#, "No, never"]),
    ])
    func aRuleOfTextTestsListsThem(formula: String, values: [String]) {
        #expect(customRuleValues(formula, cell: Self.cell) == values)
    }

    @Test(arguments: [
        #"OR(C8="Yes",C8="No")"#, #"OR(C7="Yes",D7="No")"#, #"OR(C7="Yes",LEN(C7)>3)"#, "C7>0", #"C7<>"""#,
        #"ISNUMBER(MATCH(C7,Lists!A:A,0))"#, #"ISNUMBER(MATCH(C7,{"Yes"},1))"#, "LEN(C7)<=100", "",
    ])
    func anyOtherRuleListsNothing(formula: String) {
        #expect(customRuleValues(formula, cell: Self.cell) == nil)
    }
}

/// Structured references a drop-down may point at: one column's data of a table.
struct StructuredReferenceTests {
    @Test(arguments: [
        ("tblChoices[Choice]", "tblChoices", "Choice"), ("T_1[[#Data],[Answer Value]]", "T_1", "Answer Value"),
        ("Lists.Answers['#Code]", "Lists.Answers", "#Code"),
    ])
    func oneColumnsData(text: String, table: String, column: String) throws {
        let found = try #require(structuredReference(Substring(text)))
        #expect(found.table == table && found.column == column)
    }

    @Test(arguments: [
        "tblChoices[#Headers]", "tblChoices[[#All],[Choice]]", "tblChoices[[Choice]:[Meaning]]", "[Book2]Sheet1!A1",
        "Sheet1!A1:A4", "tblChoices", "[Choice]",
    ])
    func anythingElseIsNot(text: String) {
        #expect(structuredReference(Substring(text)) == nil)
    }
}
