import Foundation
import Testing

/// `quire cat` on a workbook the test writes: every format, exact output.
@Suite("quire cat")
struct CatCommandTests {
    let folder: CLIScratchFolder

    init() throws {
        folder = try CLIScratchFolder()
        try folder.write(TestWorkbook.answers.bytes(), named: "book.xlsx")
    }

    /// Runs quire in the scratch folder, so that paths in messages are the short names given.
    private func quire(_ arguments: String...) throws -> QuireResult {
        try QuireProcess.run(arguments, in: folder.path)
    }

    static let answersCSV =
        "Question,Answer,Notes,\r\n"
        + "\"Has a, comma\",\"He said \"\"yes\"\"\",3.5,\r\n"
        + ",,,\r\n"
        + "\"line\nbreak\",,,TRUE\r\n"
        + ",7,2023-03-15,\r\n"

    @Test("csv: CRLF line ends, padded to the widest row, an empty row for the gap, RFC 4180 quoting")
    func csv() throws {
        let result = try quire("cat", "book.xlsx", "--sheet", "Answers", "--format", "csv")
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.standardError == "")
        #expect(result.standardOutput == Self.answersCSV)
    }

    /// A narrow title row, a gap, then a wide table of several megabytes: the output is spooled to
    /// a file, the early lines get the commas they lack, and the rest is copied as it is.
    @Test("csv: a large sheet that widens after its first rows, to stdout and to a file")
    func csvLargeWidening() throws {
        var rows = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Title</t></is></c></row>"
        rows += "<row r=\"2\"><c r=\"B2\"><v>2</v></c></row>"
        var expected = "Title,,,\r\n,2,,\r\n,,,\r\n"
        for row in 4...60_000 {
            let text = row % 7 == 0 ? "text, with a comma \(row)" : "plain text \(row)"
            rows += "<row r=\"\(row)\"><c r=\"A\(row)\"><v>\(row)</v></c>"
            rows += "<c r=\"B\(row)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>"
            if row % 5 != 0 { rows += "<c r=\"D\(row)\"><v>\(row).25</v></c>" }
            rows += "</row>"
            let quoted = row % 7 == 0 ? "\"\(text)\"" : text
            expected += "\(row),\(quoted),," + (row % 5 != 0 ? "\(row).25" : "") + "\r\n"
        }
        let book = TestWorkbook(sheets: [TestWorkbook.Sheet(name: "Big", rows: rows)])
        try folder.write(book.bytes(), named: "big.xlsx")
        let result = try quire("cat", "big.xlsx", "--format", "csv")
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(result.standardOutput.utf8.count > 1 << 20, "the test must make the spool spill to a file")
        #expect(result.standardOutput == expected)
        let written = try quire("cat", "big.xlsx", "--format", "csv", "-o", "big.csv")
        #expect(written.exitCode == 0, "\(written.standardError)")
        #expect(try String(contentsOfFile: folder.path + "/big.csv", encoding: .utf8) == expected)
    }

    @Test("csv: a one-cell sheet, and the sheet name matched without regard to case")
    func csvOtherSheet() throws {
        let result = try quire("cat", "book.xlsx", "--sheet", "lists", "--format", "csv")
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.standardOutput == "Yes\r\n")
    }

    @Test("text: one line per cell, escapes for line breaks, formulas after the value")
    func text() throws {
        let result = try quire("cat", "book.xlsx")
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.standardError == "")
        #expect(
            result.standardOutput == """
                # Answers (visible)
                A1\tstring\tQuestion
                B1\tstring\tAnswer
                C1\tstring\tNotes
                A2\tstring\tHas a, comma
                B2\tstring\tHe said "yes"
                C2\tnumber\t3.5
                A4\tstring\tline\\nbreak
                D4\tboolean\tTRUE
                B5\tnumber\t7\t=SUM(1,6)
                C5\tdate\t2023-03-15
                # Lists (visible)
                A1\tstring\tYes

                """
        )
    }

    @Test("count: rows, cells by type, formulas and used range per sheet")
    func count() throws {
        let result = try quire("cat", "book.xlsx", "--format", "count")
        #expect(result.exitCode == 0, "\(result)")
        #expect(
            result.standardOutput == """
                Answers: 4 rows, 10 cells (1 boolean, 1 date, 2 number, 6 string, 1 formula), used range A1:D5
                Lists: 1 row, 1 cell (1 string), used range A1

                """
        )
    }

    @Test("json: parses, and holds every typed cell with its formula")
    func json() throws {
        let result = try quire("cat", "book.xlsx", "--format", "json")
        #expect(result.exitCode == 0, "\(result)")
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        )
        #expect(document["file"] as? String == "book.xlsx")
        #expect(document["format"] as? String == "xlsx")
        let sheets = try #require(document["sheets"] as? [[String: Any]])
        #expect(sheets.map { $0["name"] as? String } == ["Answers", "Lists"])
        #expect(sheets.map { $0["index"] as? Int } == [0, 1])
        #expect(sheets.map { $0["visibility"] as? String } == ["visible", "visible"])
        let cells = try #require(sheets[0]["cells"] as? [[String: Any]])
        // Values are read as the type the cell's "type" says they are, so a JSON type mix-up fails.
        let rendered = cells.map { cell -> String in
            let type = cell["type"] as? String ?? "?"
            let value: String =
                switch type {
                case "boolean": (cell["value"] as? Bool).map { $0 ? "true" : "false" } ?? "not a boolean"
                case "number": (cell["value"] as? Double).map { "\($0)" } ?? "not a number"
                default: cell["value"] as? String ?? "not a string"
                }
            return "\(cell["ref"] as? String ?? "?") \(type) \(value)"
                + ((cell["formula"] as? String).map { " =\($0)" } ?? "")
        }
        #expect(
            rendered == [
                "A1 string Question", "B1 string Answer", "C1 string Notes", "A2 string Has a, comma",
                "B2 string He said \"yes\"", "C2 number 3.5", "A4 string line\nbreak", "D4 boolean true",
                "B5 number 7.0 =SUM(1,6)", "C5 date 2023-03-15",
            ]
        )
    }

    @Test("-o writes the output to the file, and nothing to stdout")
    func outputFile() throws {
        let result = try quire("cat", "book.xlsx", "--sheet", "Answers", "--format", "csv", "-o", "out.csv")
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.standardOutput == "")
        #expect(result.standardError == "")
        let written = try String(contentsOfFile: folder.path + "/out.csv", encoding: .utf8)
        #expect(written == Self.answersCSV)
        #expect(try folder.listing() == ["book.xlsx", "out.csv"])
    }

    @Test("a CSV file reads through the same command")
    func csvInput() throws {
        try folder.write(Array("q,a\r\n\"x, y\",1\r\n".utf8), named: "answers.csv")
        let result = try quire("cat", "answers.csv", "--format", "csv")
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.standardOutput == "q,a\r\n\"x, y\",1\r\n")
    }
}
