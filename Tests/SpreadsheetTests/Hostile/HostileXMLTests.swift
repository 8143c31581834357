import Foundation
import Testing

@testable import Spreadsheet

/// Hostile XML and content inside a valid container, each refused naming the part and the line.
///
/// DOCTYPEs, entity expansion, external entities, malformed and deeply nested markup, bad
/// shared-string references, missing parts.
@Suite("Hostile XML")
struct HostileXMLTests {
    let folder: ScratchFolder
    let sheetPart = "xl/worksheets/sheet1.xml"

    init() throws {
        folder = try ScratchFolder()
    }

    static let billionLaughs = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE worksheet [
          <!ENTITY lol "lol">
          <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
          <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
          <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
          <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
          <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
          <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
          <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>
        <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
        <row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>
        </sheetData></worksheet>
        """

    static let doctypeReason = "the XML declares a DOCTYPE (possible entity expansion or external entity attack)"
    static let refusedAdvice = "; workbooks never need this, so the file is refused"

    /// Reads a minimal workbook with one part replaced.
    private func read(replacing part: String, with xml: String) throws -> (path: String, outcome: ReadOutcome) {
        var workbook = MinimalWorkbook()
        workbook.replacedParts[part] = Array(xml.utf8)
        let path = try folder.write(try workbook.archive())
        return (path, readEverything(path))
    }

    // MARK: - DOCTYPEs and entities

    @Test("billion laughs in a sheet is refused at its DOCTYPE, before any expansion")
    func billionLaughsInSheet() throws {
        let started = ContinuousClock.now
        let (path, outcome) = try read(replacing: sheetPart, with: Self.billionLaughs)
        #expect(outcome.rows.isEmpty)
        #expect(outcome.error == "\(path): \(sheetPart) line 2: \(Self.doctypeReason)\(Self.refusedAdvice)")
        #expect(ContinuousClock.now - started < .seconds(1))
    }

    /// Each part the reader parses, and whether it is parsed when the workbook is opened.
    struct PartCase: CustomTestStringConvertible, Sendable {
        var part: String
        var atOpen: Bool
        var testDescription: String { part }
    }

    static let parsedParts = [
        PartCase(part: "[Content_Types].xml", atOpen: true),
        PartCase(part: "_rels/.rels", atOpen: true),
        PartCase(part: "xl/_rels/workbook.xml.rels", atOpen: true),
        PartCase(part: "xl/workbook.xml", atOpen: true),
        PartCase(part: "xl/sharedStrings.xml", atOpen: false),
        PartCase(part: "xl/worksheets/sheet1.xml", atOpen: false),
    ]

    @Test("a DOCTYPE is refused in every part the reader parses", arguments: parsedParts)
    func doctypeInEveryPart(_ partCase: PartCase) throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE root [<!ENTITY x "y">]>
            <root>&x;</root>
            """
        let (path, outcome) = try read(replacing: partCase.part, with: xml)
        #expect(outcome.failedAtOpen == partCase.atOpen)
        #expect(outcome.rows.isEmpty)
        #expect(outcome.error == "\(path): \(partCase.part) line 2: \(Self.doctypeReason)\(Self.refusedAdvice)")
    }

    @Test("an external entity naming /etc/passwd is refused and nothing of the file leaks")
    func externalEntity() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\
            <row r="1"><c r="A1" t="inlineStr"><is><t>&e;</t></is></c></row></sheetData></worksheet>
            """
        let (path, outcome) = try read(replacing: sheetPart, with: xml)
        #expect(outcome.rows.isEmpty)
        #expect(outcome.error == "\(path): \(sheetPart) line 2: \(Self.doctypeReason)\(Self.refusedAdvice)")
        #expect(!(outcome.error ?? "").contains("root:"))
    }

    @Test("an external DTD and a parameter entity are refused at their DOCTYPE")
    func externalSubsets() throws {
        let external = """
            <?xml version="1.0"?>
            <!DOCTYPE worksheet SYSTEM "http://127.0.0.1:9/evil.dtd">
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>
            """
        let (path, outcome) = try read(replacing: sheetPart, with: external)
        #expect(outcome.error == "\(path): \(sheetPart) line 2: \(Self.doctypeReason)\(Self.refusedAdvice)")

        let parameter = """
            <?xml version="1.0"?>
            <!DOCTYPE x [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>
            """
        let (secondPath, second) = try read(replacing: sheetPart, with: parameter)
        #expect(second.error == "\(secondPath): \(sheetPart) line 2: \(Self.doctypeReason)\(Self.refusedAdvice)")
        #expect(!(second.error ?? "").contains("root:"))
    }

    @Test("an entity reference without a DOCTYPE is malformed, not expanded")
    func undeclaredEntity() throws {
        let xml = MinimalWorkbook.worksheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&e;</t></is></c></row>")
        let (path, outcome) = try read(replacing: sheetPart, with: xml)
        #expect(outcome.rows.isEmpty)
        #expect(
            outcome.error
                == "\(path): \(sheetPart) line 2: malformed XML: Entity 'e' not defined" + savedAgainAdvice
        )
    }

    // MARK: - Malformed XML

    @Test("an unclosed tag is malformed XML naming the part and the line")
    func unclosedTag() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
            <row r="1"><c r="A1"><v>1</v></c></row>
            <row r="2"><c r="A2"><v>2</v></c>
            </sheetData></worksheet>
            """
        let (path, outcome) = try read(replacing: sheetPart, with: xml)
        #expect(outcome.rows == ["A1=1"])
        #expect(
            outcome.error
                == "\(path): \(sheetPart) line 5: malformed XML: Opening and ending tag mismatch: row line 4 and sheetData"
                + savedAgainAdvice
        )
    }

    /// libxml2's push parser (2.9) reports a document cut short after a complete line as "Extra
    /// content at the end of the document", which reads oddly for missing content; the line is right.
    @Test("a part that ends in the middle of an element is malformed XML")
    func prematureEnd() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
            <row r="1"><c r="A1"><v>1</v></c></row>
            """
        let (path, outcome) = try read(replacing: sheetPart, with: xml)
        #expect(
            outcome.error
                == "\(path): \(sheetPart) line 3: malformed XML: the part ends before its elements are closed; the file is truncated"
                + savedAgainAdvice
        )
    }

    @Test("malformed XML in the workbook part stops the open")
    func malformedWorkbookPart() throws {
        let (path, outcome) = try read(replacing: "xl/workbook.xml", with: "<workbook><sheets></workbook>")
        #expect(outcome.failedAtOpen)
        #expect(
            outcome.error
                == "\(path): xl/workbook.xml line 1: malformed XML: Opening and ending tag mismatch: sheets line 1 and "
                + "workbook" + savedAgainAdvice
        )
    }

    @Test("an empty sheet part is malformed XML")
    func emptySheetPart() throws {
        let (path, outcome) = try read(replacing: sheetPart, with: "")
        #expect(outcome.error == "\(path): \(sheetPart) line 1: malformed XML: the part is empty" + savedAgainAdvice)
    }

    @Test("elements nested 100,000 deep are refused at the reader's depth limit, naming the part and line")
    func deepNesting() throws {
        let depth = 100_000
        let xml =
            "<?xml version=\"1.0\"?>\n<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"
            + String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
            + "</sheetData></worksheet>"
        let (path, outcome) = try read(replacing: sheetPart, with: xml)
        // The read throws: rows streamed before the error are the caller's to drop, as every command does.
        let refusal =
            "\(path): \(sheetPart) line 2: malformed XML: elements nested more than 1000 deep; no spreadsheet "
            + "program writes that: the file is damaged or hostile" + savedAgainAdvice
        #expect(outcome.error == refusal, "\(outcome)")
    }

    @Test("elements nested up to the limit are read")
    func nestingUpToTheLimit() throws {
        // worksheet, sheetData, row: three levels, then as many as the limit leaves.
        let depth = 1_000 - 3
        let xml =
            "<?xml version=\"1.0\"?>\n<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c>"
            + String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
            + "<c r=\"B1\"><v>2</v></c></row></sheetData></worksheet>"
        let (_, outcome) = try read(replacing: sheetPart, with: xml)
        #expect(outcome.error == nil, "\(outcome)")
        #expect(outcome.rows.count == 1)
    }

    @Test(
        "a row or cell outside the grid is refused, naming the part and the reference, never read into another cell",
        arguments: [
            (#"<row r="1"><c r="XFE1"><v>5</v></c></row>"#, #"cell r="XFE1""#),
            (#"<row r="1"><c r="A1048577"><v>5</v></c></row>"#, #"cell r="A1048577""#),
            (#"<row r="1048577"><c><v>5</v></c></row>"#, #"row r="1048577""#),
            (#"<row r="99999999999999999999"><c><v>5</v></c></row>"#, #"row r="99999999999999999999""#),
            (#"<row r="0"><c><v>5</v></c></row>"#, #"row r="0""#),
            (#"<row r="1"><c r="A-1"><v>5</v></c></row>"#, #"cell r="A-1""#),
        ]
    )
    func beyondTheGrid(row: String, place: String) throws {
        let xml = "<?xml version=\"1.0\"?>\n<worksheet><sheetData>\(row)</sheetData></worksheet>"
        let (path, outcome) = try read(replacing: sheetPart, with: xml)
        #expect(outcome.rows.isEmpty)
        #expect(
            outcome.error?.hasPrefix("\(path): \(sheetPart) \(place): beyond the sheet's grid") == true,
            "\(outcome)"
        )
    }

    @Test("a 16,385th cell without references is refused, not written over XFD")
    func oneCellTooMany() throws {
        let cells = String(repeating: "<c><v>1</v></c>", count: 16_385)
        let xml = "<?xml version=\"1.0\"?>\n<worksheet><sheetData><row r=\"1\">\(cells)</row></sheetData></worksheet>"
        let (_, outcome) = try read(replacing: sheetPart, with: xml)
        #expect(outcome.error?.contains("the cell after XFD1") == true, "\(String(describing: outcome.error))")
        let full = String(repeating: "<c><v>1</v></c>", count: 16_384)
        let (_, fine) = try read(
            replacing: sheetPart,
            with: "<?xml version=\"1.0\"?>\n<worksheet><sheetData><row r=\"1\">\(full)</row></sheetData></worksheet>"
        )
        #expect(fine.error == nil)
    }

    @Test("bytes that are not UTF-8 in a UTF-8 part are malformed XML")
    func invalidUTF8InPart() throws {
        var workbook = MinimalWorkbook()
        let xml = Array(
            MinimalWorkbook.worksheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>caf</t></is></c></row>").utf8
        )
        let position = try #require(xml.firstRange(of: Array("caf".utf8))).upperBound
        workbook.replacedParts[sheetPart] = Array(xml[..<position]) + [0xE9] + Array(xml[position...])
        let path = try folder.write(try workbook.archive())
        #expect(
            readEverything(path).error
                == "\(path): \(sheetPart) line 2: malformed XML: Input is not proper UTF-8, indicate encoding !\n"
                + "Bytes: 0xE9 0x3C 0x2F 0x74" + savedAgainAdvice
        )
    }

    // MARK: - Content

    @Test("a shared string index past the table's end names the cell")
    func sharedStringOutOfRange() throws {
        var workbook = MinimalWorkbook()
        workbook.sharedStrings = ["one", "two"]
        workbook.sheets[0].xml = MinimalWorkbook.worksheet(
            "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>1</v></c></row><row r=\"2\"><c r=\"B2\" t=\"s\"><v>5</v></c></row>"
        )
        let path = try folder.write(try workbook.archive())
        let outcome = readEverything(path)
        #expect(outcome.rows == ["A1=two"])
        #expect(
            outcome.error
                == "\(path): \(sheetPart) cell B2: refers to shared string 5, which the shared-string table does not have"
        )
    }

    @Test("a negative or non-numeric shared string index is refused too", arguments: ["-1", "x", ""])
    func sharedStringNotAnIndex(index: String) throws {
        var workbook = MinimalWorkbook()
        workbook.sheets[0].xml = MinimalWorkbook.worksheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>\(index)</v></c></row>")
        let path = try folder.write(try workbook.archive())
        #expect(
            readEverything(path).error
                == "\(path): \(sheetPart) cell A1: refers to shared string \(index), which the shared-string table does not have"
        )
    }

    @Test("a shared string reference with no shared-string part is refused")
    func sharedStringWithoutTable() throws {
        var workbook = MinimalWorkbook()
        workbook.sharedStrings = nil
        let path = try folder.write(try workbook.archive())
        #expect(
            readEverything(path).error
                == "\(path): \(sheetPart) cell A1: refers to shared string 0, which the shared-string table does not have"
        )
    }

    @Test("more shared strings than the limit are refused")
    func sharedStringLimit() throws {
        var workbook = MinimalWorkbook()
        workbook.sharedStrings = ["a", "b", "c"]
        let path = try folder.write(try workbook.archive())
        let outcome = readEverything(path, limits: ReadLimits(maxSharedStrings: 2))
        #expect(outcome.rows.isEmpty)
        #expect(
            outcome.error == "\(path): xl/sharedStrings.xml: more than 2 shared strings"
                + bombAdvice(raising: "max-shared-strings")
        )
    }

    // MARK: - Large shared-string tables, parsed on a second thread

    /// A workbook whose shared-string table is over 1 MiB (so it is parsed beside the sheet), with
    /// the sheet's cells referring to the given indexes, one row each.
    private func largeTableWorkbook(strings: Int = 20_000, references: [Int], doctype: Bool = false) throws -> String {
        var workbook = MinimalWorkbook()
        let table = (0..<strings).map { "string number \($0), padded so that the table passes one mebibyte" }
        workbook.sharedStrings = table
        let rows = references.enumerated().map { row, index in
            "<row r=\"\(row + 1)\"><c r=\"A\(row + 1)\" t=\"s\"><v>\(index)</v></c></row>"
        }
        workbook.sheets[0].xml = MinimalWorkbook.worksheet(rows.joined())
        var part = try #require(workbook.parts().first { $0.name == "xl/sharedStrings.xml" }).bytes
        #expect(part.count > 1 << 20)
        if doctype {
            let declarationEnd = try #require(part.firstIndex(of: UInt8(ascii: ">"))) + 1
            part.insert(contentsOf: Array("\n<!DOCTYPE sst [<!ENTITY x \"y\">]>".utf8), at: declarationEnd)
            workbook.replacedParts["xl/sharedStrings.xml"] = part
        }
        // Stored, so that the test spends no time deflating.
        return try folder.write(try workbook.archive(stored: ["xl/sharedStrings.xml"]))
    }

    @Test("a large shared-string table's DOCTYPE is refused though it is parsed on another thread")
    func largeTableDoctype() throws {
        let path = try largeTableWorkbook(references: [0], doctype: true)
        let outcome = readEverything(path)
        #expect(outcome.rows.isEmpty)
        #expect(
            outcome.error == "\(path): xl/sharedStrings.xml line 2: \(Self.doctypeReason)\(Self.refusedAdvice)"
        )
    }

    @Test("a large shared-string table's DOCTYPE is refused even when the sheet uses no shared string")
    func largeTableDoctypeUnused() throws {
        let path = try largeTableWorkbook(references: [], doctype: true)
        // The same refusal as for a small table, which is parsed before the sheet.
        #expect(
            readEverything(path).error
                == "\(path): xl/sharedStrings.xml line 2: \(Self.doctypeReason)\(Self.refusedAdvice)"
        )
    }

    @Test("an index past a large table's end is refused once the table is complete")
    func largeTableOutOfRange() throws {
        let path = try largeTableWorkbook(references: [19_999, 20_000])
        let outcome = readEverything(path)
        #expect(outcome.rows == ["A1=string number 19999, padded so that the table passes one mebibyte"])
        #expect(
            outcome.error
                == "\(path): \(sheetPart) cell A2: refers to shared string 20000, which the shared-string table does "
                + "not have"
        )
    }

    @Test("the shared-string limit holds exactly for a large table too")
    func largeTableLimit() throws {
        // 16,000 strings: fewer than the table's internal block of 16,384, so a limit rounded up to
        // whole blocks would let them all in.
        let path = try largeTableWorkbook(strings: 16_000, references: [12_000])
        let outcome = readEverything(path, limits: ReadLimits(maxSharedStrings: 10_000))
        #expect(
            outcome.error == "\(path): xl/sharedStrings.xml: more than 10000 shared strings"
                + bombAdvice(raising: "max-shared-strings")
        )
    }

    @Test("a number cell that does not parse names the cell")
    func unparsableNumber() throws {
        var workbook = MinimalWorkbook()
        workbook.sheets[0].xml = MinimalWorkbook.worksheet("<row r=\"1\"><c r=\"C7\"><v>12abc</v></c></row>")
        let path = try folder.write(try workbook.archive())
        #expect(readEverything(path).error == "\(path): \(sheetPart) cell C7: the number \"12abc\" does not parse")
    }

    // MARK: - Missing parts

    @Test("a sheet listed in the workbook whose part is missing is refused at open")
    func missingSheetPart() throws {
        var workbook = MinimalWorkbook()
        workbook.sheets.append(.init(name: "Second", xml: MinimalWorkbook.worksheet("")))
        workbook.omittedParts = ["xl/worksheets/sheet2.xml"]
        let path = try folder.write(try workbook.archive())
        let outcome = readEverything(path)
        #expect(outcome.failedAtOpen)
        #expect(
            outcome.error
                == "\(path): xl/worksheets/sheet2.xml: sheet \"Second\" is listed but its part is missing from the archive"
                + savedAgainAdvice
        )
    }

    @Test("a sheet whose relationship is not listed is refused at open")
    func missingRelationship() throws {
        var workbook = MinimalWorkbook()
        workbook.replacedParts["xl/_rels/workbook.xml.rels"] = Array(
            "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"/>".utf8
        )
        let path = try folder.write(try workbook.archive())
        #expect(
            readEverything(path).error
                == "\(path): xl/workbook.xml: sheet \"Sheet1\" points at relationship rId1, which is not listed"
                + savedAgainAdvice
        )
    }

    @Test(
        "a sheet relationship that points outside the package is never followed",
        arguments: [
            ("file:///etc/passwd", " TargetMode=\"External\"", "file:///etc/passwd"),
            ("../../../../etc/passwd", "", "etc/passwd"),
            ("/etc/passwd", "", "etc/passwd"),
        ]
    )
    func relationshipOutsidePackage(target: String, mode: String, part: String) throws {
        var workbook = MinimalWorkbook()
        workbook.replacedParts["xl/_rels/workbook.xml.rels"] = Array(
            """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="\(MinimalWorkbook.worksheetType)" Target="\(target)"\(mode)/>\
            </Relationships>
            """.utf8
        )
        let path = try folder.write(try workbook.archive())
        let outcome = readEverything(path)
        #expect(outcome.failedAtOpen)
        #expect(
            outcome.error
                == "\(path): \(part): sheet \"Sheet1\" is listed but its part is missing from the archive"
                + savedAgainAdvice
        )
        #expect(!(outcome.error ?? "").contains("root:"))
    }

    @Test("an archive without [Content_Types].xml is not an Office document")
    func noContentTypes() throws {
        var workbook = MinimalWorkbook()
        workbook.omittedParts = ["[Content_Types].xml"]
        let path = try folder.write(try workbook.archive())
        #expect(
            readEverything(path).error
                == "\(path): [Content_Types].xml: the ZIP archive has no content-type list, so it is not an Office "
                + "document" + savedAgainAdvice
        )
    }

    @Test("an archive with no workbook part is refused")
    func noWorkbookPart() throws {
        var workbook = MinimalWorkbook()
        workbook.omittedParts = ["xl/workbook.xml"]
        let path = try folder.write(try workbook.archive())
        #expect(
            readEverything(path).error
                == "\(path): xl/workbook.xml: the package names no spreadsheet workbook part (is it a Word or "
                + "PowerPoint file?)" + savedAgainAdvice
        )
    }

    @Test("a Word document renamed .xlsx is refused naming its main part's type")
    func wordDocument() throws {
        let contentTypes = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Override PartName="/word/document.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>
            """
        let rels = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="\(MinimalWorkbook.relationshipNamespace)/officeDocument" \
            Target="word/document.xml"/></Relationships>
            """
        var writer = ZipWriter()
        try writer.add("[Content_Types].xml", Array(contentTypes.utf8))
        try writer.add("_rels/.rels", Array(rels.utf8))
        try writer.add("word/document.xml", Array("<w:document xmlns:w=\"urn:w\"/>".utf8))
        let path = try folder.write(writer.finish(), named: "letter.xlsx")
        #expect(
            readEverything(path).error
                == "\(path): the package's main part is "
                + "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml, "
                + "not a spreadsheet workbook; save it as .xlsx"
        )
    }
}
