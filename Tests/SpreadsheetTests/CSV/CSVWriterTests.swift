import Testing

@testable import Spreadsheet

@Suite("CSVWriter")
struct CSVWriterTests {
    struct FieldCase: CustomTestStringConvertible, Sendable {
        var id: String
        var field: String
        var written: String
        var testDescription: String { id }
    }

    static let fieldCases: [FieldCase] = [
        FieldCase(id: "plain", field: "Yes", written: "Yes"),
        FieldCase(id: "empty", field: "", written: ""),
        FieldCase(id: "delimiter", field: "a,b", written: "\"a,b\""),
        FieldCase(id: "quote", field: "say \"hi\"", written: "\"say \"\"hi\"\"\""),
        FieldCase(id: "lone quote", field: "\"", written: "\"\"\"\""),
        FieldCase(id: "LF", field: "one\ntwo", written: "\"one\ntwo\""),
        FieldCase(id: "CR", field: "one\rtwo", written: "\"one\rtwo\""),
        FieldCase(id: "leading space", field: " x", written: "\" x\""),
        FieldCase(id: "trailing space", field: "x ", written: "\"x \""),
        FieldCase(id: "inner space", field: "x y", written: "x y"),
        FieldCase(id: "other delimiters are plain", field: "a;b\tc|d", written: "a;b\tc|d"),
        FieldCase(id: "formulas are not escaped", field: "=SUM(A1:A2)", written: "=SUM(A1:A2)"),
        FieldCase(id: "non-ASCII", field: "Zoë 😀", written: "Zoë 😀"),
    ]

    @Test("a field is quoted only when it must be", arguments: fieldCases)
    func quoting(_ fieldCase: FieldCase) {
        var output: [UInt8] = []
        CSVWriter().appendRecord([fieldCase.field, "z"], to: &output)
        #expect(String(decoding: output, as: UTF8.self) == fieldCase.written + ",z\r\n")
    }

    @Test("records end with CRLF; empty fields keep their places")
    func records() {
        let writer = CSVWriter()
        var output: [UInt8] = []
        writer.appendRecord(["id", "text"], to: &output)
        writer.appendRecord(["", "a", ""], to: &output)
        writer.appendRecord([""], to: &output)
        writer.appendRecord([String](), to: &output)
        writer.appendRecord(["", ""], to: &output)
        #expect(String(decoding: output, as: UTF8.self) == "id,text\r\n,a,\r\n\r\n\r\n,\r\n")
    }

    @Test("fields appended one at a time, padded to a width, make the same records")
    func fieldByField() {
        let writer = CSVWriter(delimiter: UInt8(ascii: ";"))
        var output: [UInt8] = []
        for row in [["a"], ["b", "c;d"], []] {
            for column in 0..<3 { writer.appendField(column < row.count ? row[column] : "", to: &output) }
            writer.endRecord(to: &output)
        }
        writer.endRecord(to: &output)
        #expect(String(decoding: output, as: UTF8.self) == "a;;\r\nb;\"c;d\";\r\n;;\r\n\r\n")
    }

    @Test("a tab delimiter quotes tabs and nothing else new")
    func tabDelimiter() {
        var output: [UInt8] = []
        CSVWriter(delimiter: UInt8(ascii: "\t")).appendRecord(["a\tb", "c,d"], to: &output)
        #expect(String(decoding: output, as: UTF8.self) == "\"a\tb\"\tc,d\r\n")
    }
}
