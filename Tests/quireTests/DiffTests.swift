import Foundation
import Testing

/// `quire diff ORIGINAL FILLED` on workbooks and CSV files the tests write: exact output.
@Suite("quire diff")
struct DiffTests {
    let folder: CLIScratchFolder

    init() throws {
        folder = try CLIScratchFolder()
        try folder.write(TestWorkbook.answers.bytes(), named: "book.xlsx")
    }

    /// Runs quire in the scratch folder, so that paths in messages are the short names given.
    private func quire(_ arguments: String...) throws -> QuireResult {
        try QuireProcess.run(arguments, in: folder.path)
    }

    /// ``TestWorkbook/answers`` with B2 changed, D2 added and B5's formula and value changed.
    static let filled: TestWorkbook = {
        var book = TestWorkbook.answers
        book.sheets[0].rows = book.sheets[0].rows
            .replacing("<is><t>He said \"yes\"</t></is></c>", with: "<is><t>No</t></is></c>")
            .replacing(
                "<c r=\"C2\"><v>3.5</v></c></row>",
                with: "<c r=\"C2\"><v>3.5</v></c><c r=\"D2\" t=\"inlineStr\"><is><t>Filled</t></is></c></row>"
            )
            .replacing("<f>SUM(1,6)</f><v>7</v>", with: "<f>SUM(1,7)</f><v>8</v>")
        return book
    }()

    /// The size and CRC-32 of a part of a test workbook, as `quire diff` prints them.
    private static func digest(_ book: TestWorkbook, _ part: String) -> (size: Int, crc: String) {
        let bytes = Array((book.parts().first { $0.name == part }?.text ?? "").utf8)
        let digits = String(crc32(bytes), radix: 16)
        return (bytes.count, "0x" + String(repeating: "0", count: 8 - digits.count) + digits)
    }

    @Test("a workbook compared with itself: nothing differs, exit 0")
    func identical() throws {
        try folder.write(TestWorkbook.answers.bytes(), named: "copy.xlsx")
        let result = try quire("diff", "book.xlsx", "copy.xlsx")
        #expect(result.exitCode == 0, "\(result)")
        #expect(result.standardError == "")
        #expect(result.standardOutput == "0 cells differ in 0 parts; everything else is identical\n")
    }

    @Test("text: the changed part with sizes and CRC-32s, then each changed cell in row order, then the summary")
    func changedCells() throws {
        try folder.write(Self.filled.bytes(), named: "filled.xlsx")
        let result = try quire("diff", "book.xlsx", "filled.xlsx")
        #expect(result.exitCode == 0, "\(result)")
        let before = Self.digest(TestWorkbook.answers, "xl/worksheets/sheet1.xml")
        let after = Self.digest(Self.filled, "xl/worksheets/sheet1.xml")
        #expect(
            result.standardOutput == """
                part xl/worksheets/sheet1.xml: changed (\(before.size) → \(after.size) bytes, \
                CRC-32 \(before.crc) → \(after.crc))
                cell Answers!B2: "He said \\"yes\\"" → "No"
                cell Answers!D2: (empty) → "Filled"
                cell Answers!B5: 7 =SUM(1,6) → 8 =SUM(1,7)
                3 cells differ in 1 part; everything else is identical

                """
        )
    }

    @Test("--exit-code: status 1 when the files differ, 0 when they do not")
    func exitCode() throws {
        try folder.write(Self.filled.bytes(), named: "filled.xlsx")
        #expect(try quire("diff", "book.xlsx", "filled.xlsx", "--exit-code").exitCode == 1)
        #expect(try quire("diff", "book.xlsx", "book.xlsx", "--exit-code").exitCode == 0)
    }

    @Test("json: parts, an added sheet and cells with type, value, formula and style")
    func json() throws {
        var book = Self.filled
        book.sheets.append(TestWorkbook.Sheet(name: "Extra", rows: "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"))
        try folder.write(book.bytes(), named: "extra.xlsx")
        let result = try quire("diff", "book.xlsx", "extra.xlsx", "--format", "json")
        #expect(result.exitCode == 0, "\(result)")
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        )
        let parts = try #require(document["parts"] as? [[String: Any]])
        #expect(
            parts.map { "\($0["name"] ?? "") \($0["change"] ?? "")" } == [
                "[Content_Types].xml changed", "xl/workbook.xml changed", "xl/_rels/workbook.xml.rels changed",
                "xl/worksheets/sheet1.xml changed", "xl/worksheets/sheet3.xml added",
            ]
        )
        let sheets = try #require(document["sheets"] as? [[String: Any]])
        #expect(sheets.count == 1)
        #expect(sheets.first?["name"] as? String == "Extra")
        #expect(sheets.first?["change"] as? String == "added")
        #expect(sheets.first?["cells"] as? Int == 1)
        let cells = try #require(document["cells"] as? [[String: Any]])
        #expect(cells.map { $0["cell"] as? String } == ["B2", "D2", "B5"])
        let formula = try #require(cells.last)
        let original = try #require(formula["original"] as? [String: Any])
        let filled = try #require(formula["filled"] as? [String: Any])
        #expect(original["type"] as? String == "number")
        #expect(original["value"] as? String == "7")
        #expect(original["formula"] as? String == "SUM(1,6)")
        #expect(filled["formula"] as? String == "SUM(1,7)")
        #expect(document["identical"] as? Bool == false)
        #expect(
            document["summary"] as? String
                == "3 cells differ in 5 parts; 1 sheet is only in one workbook; everything else is identical"
        )
    }

    /// A Windows-1252, semicolon-delimited CSV file with CRLF line ends, as French Excel saves it.
    static let questionnaireCSV: [UInt8] = Array(
        "ID;Question;Answer;Comment\r\n1;Chiffrement des donn\u{E9}es ?;;\r\n2;\"Acc\u{E8}s; revues\";;\r\n"
            .unicodeScalars.map { UInt8($0.value) }
    )

    @Test("csv: changed cells by row and column, and a record whose bytes changed but whose values did not")
    func csvCells() throws {
        try folder.write(Self.questionnaireCSV, named: "q.csv")
        let filled =
            "ID;Question;Answer;Comment\r\n1;Chiffrement des donn\u{E9}es ?;Yes;\"'=1; no\"\r\n"
            + "\"2\";\"Acc\u{E8}s; revues\";;\r\n"
        try folder.write(Array(filled.unicodeScalars.map { UInt8($0.value) }), named: "q-filled.csv")
        let result = try quire("diff", "q.csv", "q-filled.csv")
        #expect(result.exitCode == 0, "\(result)")
        #expect(
            result.standardOutput == """
                cell q!C2: (empty) → "Yes"
                cell q!D2: (empty) → "'=1; no"
                record 3: the same values, written differently
                2 cells differ in 1 row; 1 record with the same values is written differently; \
                everything else is identical

                """
        )
    }

    @Test("csv: the same values in another encoding, with a byte-order mark and LF line ends")
    func csvDialect() throws {
        try folder.write(Self.questionnaireCSV, named: "q.csv")
        // Every character of the file is Latin-1, so each byte is its code point.
        let text = String(Self.questionnaireCSV.map { Character(Unicode.Scalar($0)) }).replacing("\r\n", with: "\n")
        try folder.write([0xEF, 0xBB, 0xBF] + Array(text.utf8), named: "q-utf8.csv")
        let result = try quire("diff", "q.csv", "q-utf8.csv")
        #expect(result.exitCode == 0, "\(result)")
        #expect(
            result.standardOutput == """
                encoding: windows-1252 → utf-8
                byte-order mark: no → yes
                line ends: CRLF → LF
                0 cells differ in 0 rows; the encoding, byte-order mark, line ends differ; everything else is identical

                """
        )
    }

    @Test("a workbook and a CSV file cannot be compared: usage error")
    func mixedFormats() throws {
        try folder.write(Self.questionnaireCSV, named: "q.csv")
        let result = try quire("diff", "book.xlsx", "q.csv")
        #expect(result.exitCode == 64, "\(result)")
        #expect(result.standardOutput == "")
        #expect(
            result.standardError
                == "error: book.xlsx is XLSX and q.csv is CSV; quire diff compares two workbooks or two CSV files\n"
        )
    }

    @Test("a missing file: exit 66")
    func missingFile() throws {
        let result = try quire("diff", "book.xlsx", "nowhere.xlsx")
        #expect(result.exitCode == 66, "\(result)")
        #expect(result.standardError == "error: nowhere.xlsx: no such file; check the path\n")
    }
}
