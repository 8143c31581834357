import Foundation
import Testing

/// `quire sheets`: extents, merged ranges and list validations resolved to their values.
@Suite("quire sheets")
struct SheetsCommandTests {
    let folder: CLIScratchFolder

    init() throws {
        folder = try CLIScratchFolder()
        try folder.write(TestWorkbook.form.bytes(), named: "form.xlsx")
    }

    private func quire(_ arguments: String...) throws -> QuireResult {
        try QuireProcess.run(arguments, in: folder.path)
    }

    @Test("text: merged ranges, and list validations resolved inline, across sheets, through names")
    func text() throws {
        let result = try quire("sheets", "form.xlsx")
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.standardError == "")
        #expect(
            result.standardOutput == """
                form.xlsx: xlsx, 3 sheets

                1. Form [visible]
                   used range: A1:A2; 2 rows, 2 cells
                   merged (2): A1:C1 A6:B7
                   validations (6):
                   - list on B2:B3 from "Yes,No,N/A": "Yes", "No", "N/A"
                   - list on C2 from Lists!$A$1:$A$3: "Low", "Medium", "High"
                   - list on C3 C4 from Choices: "Pass", "Fail"
                   - whole on D2 from 1 to 10
                   - list on E2 from Missing (unresolved: the list refers to the name Missing, which the workbook does not define)
                   - list on F2:F5 from 'My Lists'!$B$1:$B$2: "1", "2"

                2. Lists [hidden]
                   used range: A1:B3; 3 rows, 5 cells

                3. My Lists [visible]
                   used range: B1:B2; 2 rows, 2 cells

                """
        )
    }

    @Test("json: parses, with the same resolved values and the defined names")
    func json() throws {
        let result = try quire("sheets", "form.xlsx", "--format", "json")
        #expect(result.exitCode == 0, "\(result)")
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        )
        #expect(document["file"] as? String == "form.xlsx")
        #expect(document["format"] as? String == "xlsx")
        #expect(document["dateSystem"] as? String == "1900")
        let names = try #require(document["definedNames"] as? [[String: Any]])
        #expect(names.map { $0["name"] as? String } == ["Choices"])
        #expect(names.map { $0["formula"] as? String } == ["Lists!$B$1:$B$2"])
        let sheets = try #require(document["sheets"] as? [[String: Any]])
        #expect(sheets.map { $0["name"] as? String } == ["Form", "Lists", "My Lists"])
        #expect(sheets.map { $0["visibility"] as? String } == ["visible", "hidden", "visible"])
        #expect(sheets[0]["merged"] as? [String] == ["A1:C1", "A6:B7"])
        #expect(sheets[0]["usedRange"] as? String == "A1:A2")
        let rules = try #require(sheets[0]["validations"] as? [[String: Any]])
        #expect(rules.map { $0["type"] as? String } == ["list", "list", "list", "whole", "list", "list"])
        #expect(
            rules.map { $0["ranges"] as? [String] ?? [] } == [
                ["B2:B3"], ["C2"], ["C3", "C4"], ["D2"], ["E2"], ["F2:F5"],
            ]
        )
        #expect(
            rules.map { $0["values"] as? [String] } == [
                ["Yes", "No", "N/A"], ["Low", "Medium", "High"], ["Pass", "Fail"], nil, nil, ["1", "2"],
            ]
        )
        #expect(rules[3]["formula2"] as? String == "10")
        #expect(rules[3]["operator"] as? String == "between")
        #expect(
            rules[4]["unresolved"] as? String
                == "the list refers to the name Missing, which the workbook does not define"
        )
        #expect(rules.map { $0["extension"] as? Bool } == [false, false, false, false, false, true])
        #expect(rules[0]["allowBlank"] as? Bool == true)
    }

    @Test("x14 list validations on another sheet resolve (poi-56644.xlsx)")
    func poiFixture() throws {
        let fixture = try #require(Self.fixture("poi-56644.xlsx"))
        let result = try QuireProcess.run(["sheets", fixture, "--format", "json"])
        #expect(result.exitCode == 0, "\(result)")
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        )
        let sheets = try #require(document["sheets"] as? [[String: Any]])
        #expect(sheets.map { $0["name"] as? String } == ["samplelist", "lists"])
        let rules = try #require(sheets[0]["validations"] as? [[String: Any]])
        #expect(rules.count == 5)
        let first = try #require(rules.first)
        #expect(first["formula1"] as? String == "lists!$A$2:$A$22")
        #expect(first["ranges"] as? [String] == ["E22:E223"])
        let values = try #require(first["values"] as? [String])
        #expect(values.count == 21)
        #expect(values.prefix(4) == ["Select from menu", "undefined", "not listed", "sample"])
        #expect(values.last == "IAEA-C8")
        #expect(rules.allSatisfy { ($0["values"] as? [String])?.isEmpty == false })
    }

    @Test("list validations on a helper range of the same sheet resolve (jewelershealthcare census)")
    func censusFixture() throws {
        let fixture = try #require(Self.fixture("corexlsx-jewelershealthcare.com-census.1.xlsx"))
        let result = try QuireProcess.run(["sheets", fixture])
        #expect(result.exitCode == 0, "\(result)")
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.contains("   merged (1): A2:J2"))
        #expect(lines.contains("   - list on B5:B200 from $L$5:$L$6 to 0: \"Male\", \"Female\""))
        #expect(lines.contains("   - list on I5:I200 from $L$15:$L$16: \"Full Time\", \"Part Time\""))
        #expect(
            lines.contains(
                "   - list on E5:E200 from $L$11:$L$14: \"Employee\", \"Employee+Spouse\", \"Employee+Child(ren)\", \"Family\""
            )
        )
    }

    /// The path of a fixture in `Tests/Fixtures/xlsx/`, or `nil` (with an issue) if it is missing.
    static func fixture(_ name: String) -> String? {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/xlsx/\(name)").path
        guard FileManager.default.fileExists(atPath: path) else {
            Issue.record("fixture \(name) is missing from Tests/Fixtures/xlsx")
            return nil
        }
        return path
    }
}
