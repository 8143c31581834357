import Foundation
import Testing

@testable import Spreadsheet

/// The parts of a small valid workbook, kept as editable text so that a test can break one part
/// and zip the rest as they are.
struct MinimalWorkbook {
    /// A sheet: its tab name and its part's XML.
    struct Sheet {
        var name: String
        var xml: String
    }

    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let worksheetType = relationshipNamespace + "/worksheet"

    var sheets: [Sheet]
    /// The shared-string table; no part when `nil`.
    var sharedStrings: [String]?
    /// `<definedName>` elements as name and formula.
    var definedNames: [(name: String, formula: String)] = []
    /// Parts added as they are, after the standard ones.
    var extraParts: [(name: String, bytes: [UInt8])] = []
    /// Parts left out of the archive.
    var omittedParts: Set<String> = []
    /// Replacement bytes for a part, by name.
    var replacedParts: [String: [UInt8]] = [:]

    /// One sheet, "Sheet1", with a shared string, a number and an inline string in row 1 and a
    /// boolean in row 3.
    init() {
        sheets = [
            Sheet(
                name: "Sheet1",
                xml: Self.worksheet(
                    """
                    <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>42</v></c>\
                    <c r="C1" t="inlineStr"><is><t>inline</t></is></c></row>\
                    <row r="3"><c r="B3" t="b"><v>1</v></c></row>
                    """
                )
            )
        ]
        sharedStrings = ["hello"]
    }

    init(sheets: [Sheet], sharedStrings: [String]? = nil) {
        self.sheets = sheets
        self.sharedStrings = sharedStrings
    }

    /// A worksheet part around the given `<sheetData>` content, followed by `after` (merged
    /// cells, validations).
    static func worksheet(_ rows: String, after: String = "") -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <worksheet xmlns="\(mainNamespace)" xmlns:r="\(relationshipNamespace)"><sheetData>\(rows)</sheetData>\(after)</worksheet>
        """
    }

    static func sheetPartName(_ number: Int) -> String { "xl/worksheets/sheet\(number).xml" }

    /// The parts in archive order: name and bytes.
    func parts() -> [(name: String, bytes: [UInt8])] {
        var overrides = """
            <Override PartName="/xl/workbook.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
            """
        for number in sheets.indices {
            overrides += """
                <Override PartName="/\(Self.sheetPartName(number + 1))" \
                ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                """
        }
        if sharedStrings != nil {
            overrides += """
                <Override PartName="/xl/sharedStrings.xml" \
                ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
                """
        }
        let contentTypes = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\(overrides)</Types>
            """
        let rootRelationships = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="\(Self.relationshipNamespace)/officeDocument" Target="xl/workbook.xml"/>\
            </Relationships>
            """
        var sheetElements = ""
        var workbookRelationships = ""
        for (number, sheet) in sheets.enumerated() {
            let name = sheet.name.replacing("&", with: "&amp;").replacing("\"", with: "&quot;")
            sheetElements += "<sheet name=\"\(name)\" sheetId=\"\(number + 1)\" r:id=\"rId\(number + 1)\"/>"
            workbookRelationships += """
                <Relationship Id="rId\(number + 1)" Type="\(Self.worksheetType)" \
                Target="worksheets/sheet\(number + 1).xml"/>
                """
        }
        if sharedStrings != nil {
            workbookRelationships += """
                <Relationship Id="rIdStrings" Type="\(Self.relationshipNamespace)/sharedStrings" \
                Target="sharedStrings.xml"/>
                """
        }
        var names = ""
        if !definedNames.isEmpty {
            names = "<definedNames>"
            for (name, formula) in definedNames {
                names += "<definedName name=\"\(name)\">\(formula)</definedName>"
            }
            names += "</definedNames>"
        }
        let workbook = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="\(Self.mainNamespace)" xmlns:r="\(Self.relationshipNamespace)">\
            <sheets>\(sheetElements)</sheets>\(names)</workbook>
            """
        let workbookRels = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            \(workbookRelationships)</Relationships>
            """
        var result: [(name: String, bytes: [UInt8])] = [
            ("[Content_Types].xml", Array(contentTypes.utf8)),
            ("_rels/.rels", Array(rootRelationships.utf8)),
            ("xl/workbook.xml", Array(workbook.utf8)),
            ("xl/_rels/workbook.xml.rels", Array(workbookRels.utf8)),
        ]
        for (number, sheet) in sheets.enumerated() {
            result.append((Self.sheetPartName(number + 1), Array(sheet.xml.utf8)))
        }
        if let sharedStrings {
            let items = sharedStrings.map { "<si><t xml:space=\"preserve\">\(escapedXML($0))</t></si>" }.joined()
            let xml = """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <sst xmlns="\(Self.mainNamespace)" count="\(sharedStrings.count)" \
                uniqueCount="\(sharedStrings.count)">\(items)</sst>
                """
            result.append(("xl/sharedStrings.xml", Array(xml.utf8)))
        }
        result += extraParts
        return result.filter { !omittedParts.contains($0.name) }.map { ($0.name, replacedParts[$0.name] ?? $0.bytes) }
    }

    /// The archive made with ``ZipWriter``; every part deflated unless `stored` names it.
    func archive(stored: Set<String> = []) throws -> [UInt8] {
        var writer = ZipWriter()
        for (name, bytes) in parts() {
            try writer.add(name, bytes, method: stored.contains(name) ? .stored : .deflated)
        }
        return writer.finish()
    }

    /// The parts as honest ``HandBuiltZip`` entries, ready to be made to lie.
    func handBuilt(stored: Set<String> = []) throws -> HandBuiltZip {
        HandBuiltZip(try parts().map { try .honest($0.name, $0.bytes, deflated: !stored.contains($0.name)) })
    }
}

/// Escapes text for XML content and attribute values.
func escapedXML(_ text: String) -> String {
    text.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;")
        .replacing("\"", with: "&quot;")
}

/// A fresh temporary directory for the files one test writes; removed with the value.
final class ScratchFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "quire-hostile-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes bytes to a file in the folder and returns its path.
    func write(_ bytes: [UInt8], named name: String = "book.xlsx") throws -> String {
        let file = path + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }
}

/// What reading every sheet of a file gave: rows as `A1=text` lines, or the error's description.
struct ReadOutcome: Equatable, CustomStringConvertible {
    /// The rows delivered before the end or the error, one line each.
    var rows: [String] = []
    /// The error's description, if reading failed.
    var error: String?
    /// Whether the error came from opening (before any sheet was read).
    var failedAtOpen = false

    var description: String { (rows + [error.map { "error: \($0)" } ?? "no error"]).joined(separator: "\n") }
}

/// Opens a file with ``Workbook/init(path:limits:)`` and streams every sheet, recording each row
/// delivered and the error that stopped it; any error that is not a ``SpreadsheetError`` is an issue.
func readEverything(
    _ path: String,
    limits: ReadLimits = .default,
    sourceLocation: SourceLocation = #_sourceLocation
) -> ReadOutcome {
    var outcome = ReadOutcome()
    let workbook: Workbook
    do {
        workbook = try Workbook(path: path, limits: limits)
    } catch {
        outcome.error = describe(error, sourceLocation: sourceLocation)
        outcome.failedAtOpen = true
        return outcome
    }
    do {
        for sheet in workbook.sheets {
            try workbook.readRows(of: sheet) { row in
                outcome.rows.append(row.cells.map { "\($0.address.a1)=\($0.value.text)" }.joined(separator: " "))
            }
        }
    } catch {
        outcome.error = describe(error, sourceLocation: sourceLocation)
    }
    return outcome
}

private func describe(_ error: any Error, sourceLocation: SourceLocation) -> String {
    guard let error = error as? SpreadsheetError else {
        Issue.record("not a SpreadsheetError: \(error)", sourceLocation: sourceLocation)
        return "\(error)"
    }
    return error.description
}

/// The suffix every `corruptArchive` message ends with.
let corruptAdvice =
    "; the file is damaged or not a real XLSX workbook: open it in your spreadsheet program and save it again as .xlsx"
/// The suffix every `limitExceeded` message ends with.
let bombAdvice = "; refusing the file as hostile or too large: if it is genuine, split it"

/// The advice ending a refusal on a limit that `QUIRE_READ_LIMITS` raises.
func bombAdvice(raising setting: String) -> String {
    bombAdvice + " or raise the limit (QUIRE_READ_LIMITS=\(setting)=…)"
}
/// The suffix every `missingPart` message ends with.
let savedAgainAdvice = "; save the file again from a spreadsheet program"
