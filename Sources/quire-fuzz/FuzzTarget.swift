import ControlModel
import Exchange
import Foundation
import Questionnaire
import Spreadsheet

/// One reader driven by arbitrary bytes, as a stranger's file would drive it.
///
/// Every target reads the bytes the way Quire reads a file of that kind, through the same public
/// entry points the commands use (most take a path, so the bytes go to a file first). An error
/// is an answer; a crash, a hang, a leak or unbounded memory is a bug.
enum FuzzTarget: String, CaseIterable {
    /// The CSV reader: encoding, dialect, records.
    case csv
    /// The ZIP reader and the workbook's directory parts (opening an XLSX file).
    case zip
    /// A whole workbook: opened, then every sheet's rows read.
    case xlsx
    /// A lone worksheet part, inside an otherwise sound workbook.
    case sheet
    /// The layout detector, over a CSV grid: which rows are questions and where answers go.
    case layout
    /// The VSAQ template parser.
    case vsaq
    /// The library reader, JSON.
    case libraryJSON = "library-json"
    /// The library reader, YAML.
    case libraryYAML = "library-yaml"
    /// The OSCAL readers (format detected: catalog, profile, component definition, mapping collection).
    case oscal
    /// The CISO Assistant library reader.
    case ciso

    /// The file name the bytes are written to: the extension decides how Quire reads it.
    var fileName: String {
        switch self {
        case .csv, .layout: "input.csv"
        case .zip, .xlsx, .sheet: "input.xlsx"
        case .vsaq, .libraryJSON, .oscal: "input.json"
        case .libraryYAML, .ciso: "input.yaml"
        }
    }

    /// Reads `bytes` as this target's kind of file; errors are expected and ignored.
    func run(_ bytes: [UInt8], in folder: String) {
        let path = folder + "/" + fileName
        let content = self == .sheet ? Self.workbook(around: bytes) : bytes
        guard FileManager.default.createFile(atPath: path, contents: Data(content)) else {
            fatalError("cannot write \(path)")
        }
        switch self {
        case .csv:
            _ = try? CSVDocument(path: path)
        case .zip:
            _ = try? Workbook(path: path)
        case .xlsx, .sheet:
            guard let workbook = try? Workbook(path: path) else { return }
            for sheet in workbook.sheets {
                _ = try? workbook.readRows(of: sheet) { _ in }
            }
        case .layout:
            _ = try? readQuestionnaire(path: path)
        case .vsaq:
            _ = try? readVSAQTemplate(path: path)
        case .libraryJSON, .libraryYAML:
            _ = loadLibrary(files: [path])
        case .oscal, .ciso:
            var log = MigrationLog()
            _ = try? readExchange(
                files: [path],
                options: ConvertOptions(from: self == .ciso ? .cisoAssistant : nil),
                log: &log
            )
        }
    }

    /// A sound one-sheet workbook whose worksheet part is `sheet`, stored (not deflated) so that
    /// every byte reaches the XML reader.
    static func workbook(around sheet: [UInt8]) -> [UInt8] {
        var zip = ZipWriter()
        let parts: [(String, String)] = [
            (
                "[Content_Types].xml",
                """
                <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                <Default Extension="xml" ContentType="application/xml"/>\
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
                </Types>
                """
            ),
            (
                "_rels/.rels",
                """
                <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
                </Relationships>
                """
            ),
            (
                "xl/workbook.xml",
                """
                <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
                <sheets><sheet name="Questions" sheetId="1" r:id="rId1"/></sheets></workbook>
                """
            ),
            (
                "xl/_rels/workbook.xml.rels",
                """
                <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
                <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>\
                </Relationships>
                """
            ),
            (
                "xl/sharedStrings.xml",
                """
                <?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3">\
                <si><t>Question</t></si><si><t>Answer</t></si><si><t>Do you encrypt data at rest?</t></si></sst>
                """
            ),
        ]
        do {
            for (name, text) in parts { try zip.add(name, Array(text.utf8), method: .stored) }
            try zip.add("xl/worksheets/sheet1.xml", sheet, method: .stored)
        } catch {
            fatalError("cannot build the workbook around a sheet: \(error)")
        }
        return zip.finish()
    }
}
