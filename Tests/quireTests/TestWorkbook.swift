/// A small workbook written by the test itself, as a ZIP of stored entries, so that the CLI tests
/// need nothing but the `quire` binary.
struct TestWorkbook {
    struct Sheet {
        var name: String
        /// The content of `<sheetData>`.
        var rows: String
        /// Elements after `<sheetData>`: `<mergeCells>`, `<dataValidations>`, `<extLst>`.
        var after: String = ""
        var state: String?
    }

    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    var sheets: [Sheet]
    var sharedStrings: [String] = []
    var definedNames: [(name: String, formula: String)] = []
    /// Cell formats by number-format id; index 0 is the default format.
    var cellFormats: [Int] = [0]

    /// The workbook's parts, in archive order.
    func parts() -> [(name: String, text: String)] {
        var overrides = ""
        for number in sheets.indices {
            overrides += """
                <Override PartName="/xl/worksheets/sheet\(number + 1).xml" \
                ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                """
        }
        let contentTypes = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            \(overrides)</Types>
            """
        let rootRelationships = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="\(Self.officeRelationships)/officeDocument" Target="xl/workbook.xml"/>\
            </Relationships>
            """
        var sheetElements = ""
        var relationships = """
            <Relationship Id="rIdStrings" Type="\(Self.officeRelationships)/sharedStrings" \
            Target="sharedStrings.xml"/><Relationship Id="rIdStyles" Type="\(Self.officeRelationships)/styles" \
            Target="styles.xml"/>
            """
        for (number, sheet) in sheets.enumerated() {
            let state = sheet.state.map { " state=\"\($0)\"" } ?? ""
            sheetElements +=
                "<sheet name=\"\(escaped(sheet.name))\" sheetId=\"\(number + 1)\"\(state) r:id=\"rId\(number + 1)\"/>"
            relationships += """
                <Relationship Id="rId\(number + 1)" Type="\(Self.officeRelationships)/worksheet" \
                Target="worksheets/sheet\(number + 1).xml"/>
                """
        }
        let names =
            definedNames.isEmpty
            ? ""
            : "<definedNames>"
                + definedNames.map { "<definedName name=\"\($0.name)\">\(escaped($0.formula))</definedName>" }.joined()
                + "</definedNames>"
        let workbook = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="\(Self.main)" xmlns:r="\(Self.officeRelationships)">\
            <sheets>\(sheetElements)</sheets>\(names)</workbook>
            """
        let workbookRelationships = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            \(relationships)</Relationships>
            """
        let strings = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <sst xmlns="\(Self.main)" count="\(sharedStrings.count)" uniqueCount="\(sharedStrings.count)">\
            \(sharedStrings.map { "<si><t xml:space=\"preserve\">\(escaped($0))</t></si>" }.joined())</sst>
            """
        let styles = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="\(Self.main)"><cellXfs count="\(cellFormats.count)">\
            \(cellFormats.map { "<xf numFmtId=\"\($0)\"/>" }.joined())</cellXfs></styleSheet>
            """
        var parts: [(name: String, text: String)] = [
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", rootRelationships),
            ("xl/workbook.xml", workbook),
            ("xl/_rels/workbook.xml.rels", workbookRelationships),
            ("xl/sharedStrings.xml", strings),
            ("xl/styles.xml", styles),
        ]
        for (number, sheet) in sheets.enumerated() {
            parts.append(
                (
                    "xl/worksheets/sheet\(number + 1).xml",
                    """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <worksheet xmlns="\(Self.main)" xmlns:r="\(Self.officeRelationships)" \
                    xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" \
                    xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">\
                    <sheetData>\(sheet.rows)</sheetData>\(sheet.after)</worksheet>
                    """
                )
            )
        }
        return parts
    }

    /// The workbook as XLSX bytes.
    func bytes() -> [UInt8] {
        storedZip(parts().map { ($0.name, Array($0.text.utf8)) })
    }
}

/// Escapes text for XML content and attribute values.
func escaped(_ text: String) -> String {
    text.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;")
        .replacing("\"", with: "&quot;")
}

/// A ZIP archive of stored (uncompressed) entries.
func storedZip(_ entries: [(name: String, data: [UInt8])]) -> [UInt8] {
    var archive: [UInt8] = []
    var directory: [UInt8] = []
    func append32(_ value: UInt32, to bytes: inout [UInt8]) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }
    func append16(_ value: UInt16, to bytes: inout [UInt8]) {
        bytes.append(UInt8(truncatingIfNeeded: value))
        bytes.append(UInt8(truncatingIfNeeded: value >> 8))
    }
    for (name, data) in entries {
        let nameBytes = Array(name.utf8)
        let crc = crc32(data)
        let offset = UInt32(archive.count)
        append32(0x0403_4B50, to: &archive)
        for value: UInt16 in [20, 0x0800, 0, 0, 0x21] { append16(value, to: &archive) }
        append32(crc, to: &archive)
        append32(UInt32(data.count), to: &archive)
        append32(UInt32(data.count), to: &archive)
        append16(UInt16(nameBytes.count), to: &archive)
        append16(0, to: &archive)
        archive += nameBytes + data

        append32(0x0201_4B50, to: &directory)
        for value: UInt16 in [20, 20, 0x0800, 0, 0, 0x21] { append16(value, to: &directory) }
        append32(crc, to: &directory)
        append32(UInt32(data.count), to: &directory)
        append32(UInt32(data.count), to: &directory)
        for value: UInt16 in [UInt16(nameBytes.count), 0, 0, 0, 0] { append16(value, to: &directory) }
        append32(0, to: &directory)
        append32(offset, to: &directory)
        directory += nameBytes
    }
    let directoryOffset = UInt32(archive.count)
    archive += directory
    append32(0x0605_4B50, to: &archive)
    for value: UInt16 in [0, 0, UInt16(entries.count), UInt16(entries.count)] { append16(value, to: &archive) }
    append32(UInt32(directory.count), to: &archive)
    append32(directoryOffset, to: &archive)
    append16(0, to: &archive)
    return archive
}

/// CRC-32 (IEEE 802.3, as ZIP uses it), bit by bit: the test files are small.
func crc32(_ data: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    for byte in data {
        crc ^= UInt32(byte)
        for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
    }
    return ~crc
}

extension TestWorkbook {
    /// Two sheets of answers and lists, with a value of every type.
    ///
    /// "Answers" has shared and inline strings, a number, a boolean, a formula with its
    /// cached value, a date, a quote, a comma and a line break, and an empty row 3; "Lists" has one cell.
    static let answers = TestWorkbook(
        sheets: [
            Sheet(
                name: "Answers",
                rows: """
                    <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>\
                    <row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" t="inlineStr"><is><t>He said "yes"</t></is></c>\
                    <c r="C2"><v>3.5</v></c></row>\
                    <row r="4"><c r="A4" t="inlineStr"><is><t>line&#10;break</t></is></c><c r="D4" t="b"><v>1</v></c></row>\
                    <row r="5"><c r="B5"><f>SUM(1,6)</f><v>7</v></c><c r="C5" s="1"><v>45000</v></c></row>
                    """
            ),
            Sheet(name: "Lists", rows: "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>4</v></c></row>"),
        ],
        sharedStrings: ["Question", "Answer", "Notes", "Has a, comma", "Yes"],
        cellFormats: [0, 14]
    )

    /// A form with merged cells and list validations of every source kind: an inline list, a range
    /// on a hidden sheet, a defined name, an x14 rule in the extension list, and a name that is
    /// not defined; plus a whole-number rule.
    static let form = TestWorkbook(
        sheets: [
            Sheet(
                name: "Form",
                rows: """
                    <row r="1"><c r="A1" t="s"><v>0</v></c></row>\
                    <row r="2"><c r="A2" t="s"><v>1</v></c></row>
                    """,
                after: """
                    <mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell ref="A6:B7"/></mergeCells>\
                    <dataValidations count="5">\
                    <dataValidation type="list" allowBlank="1" sqref="B2:B3"><formula1>"Yes,No,N/A"</formula1></dataValidation>\
                    <dataValidation type="list" sqref="C2"><formula1>Lists!$A$1:$A$3</formula1></dataValidation>\
                    <dataValidation type="list" sqref="C3 C4"><formula1>Choices</formula1></dataValidation>\
                    <dataValidation type="whole" operator="between" sqref="D2"><formula1>1</formula1><formula2>10</formula2></dataValidation>\
                    <dataValidation type="list" sqref="E2"><formula1>Missing</formula1></dataValidation>\
                    </dataValidations>\
                    <extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}"><x14:dataValidations count="1">\
                    <x14:dataValidation type="list"><x14:formula1><xm:f>'My Lists'!$B$1:$B$2</xm:f></x14:formula1>\
                    <xm:sqref>F2:F5</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>
                    """
            ),
            Sheet(
                name: "Lists",
                rows: """
                    <row r="1"><c r="A1" t="s"><v>2</v></c><c r="B1" t="s"><v>5</v></c></row>\
                    <row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" t="s"><v>6</v></c></row>\
                    <row r="3"><c r="A3" t="s"><v>4</v></c></row>
                    """,
                state: "hidden"
            ),
            Sheet(
                name: "My Lists",
                rows: "<row r=\"1\"><c r=\"B1\"><v>1</v></c></row><row r=\"2\"><c r=\"B2\"><v>2</v></c></row>"
            ),
        ],
        sharedStrings: [
            "Security questionnaire", "Do you encrypt data at rest?", "Low", "Medium", "High", "Pass", "Fail",
        ],
        definedNames: [("Choices", "Lists!$B$1:$B$2")]
    )
}
