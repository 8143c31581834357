extension XLSXWorkbookWriter {
    /// `_rels/.rels`: the workbook and the document properties.
    static let packageRelationships: [UInt8] = {
        var xml = XMLByteWriter()
        xml.declaration()
        xml.literal(
            """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" \
            Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
            Target="xl/workbook.xml"/>\
            <Relationship Id="rId2" \
            Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" \
            Target="docProps/core.xml"/>\
            <Relationship Id="rId3" \
            Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" \
            Target="docProps/app.xml"/>\
            </Relationships>
            """
        )
        return xml.bytes
    }()

    /// `docProps/app.xml`: the application that wrote the file, and nothing that changes.
    static let appProperties: [UInt8] = {
        var xml = XMLByteWriter()
        xml.declaration()
        xml.literal(
            """
            <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" \
            xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">\
            <Application>Quire</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>\
            <LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>\
            <HyperlinksChanged>false</HyperlinksChanged><AppVersion>1.0</AppVersion>\
            </Properties>
            """
        )
        return xml.bytes
    }()

    /// `docProps/core.xml`: a fixed creation time, so the same sheets give the same bytes.
    static let coreProperties: [UInt8] = {
        var xml = XMLByteWriter()
        xml.declaration()
        xml.literal(
            """
            <cp:coreProperties \
            xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
            xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
            xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
            <dc:creator>Quire</dc:creator>\
            <dcterms:created xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z</dcterms:created>\
            <dcterms:modified xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z</dcterms:modified>\
            </cp:coreProperties>
            """
        )
        return xml.bytes
    }()

    /// `[Content_Types].xml`: the type of every part.
    func contentTypes(_ layout: Layout) -> [UInt8] {
        var xml = XMLByteWriter()
        xml.declaration()
        xml.literal(
            """
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
            """
        )
        for index in layout.writers.indices {
            xml.literal("<Override PartName=\"/xl/worksheets/sheet")
            xml.integer(index + 1)
            xml.literal(
                ".xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            )
        }
        xml.literal(
            """
            <Override PartName="/xl/styles.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
            <Override PartName="/xl/sharedStrings.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
            <Override PartName="/docProps/core.xml" \
            ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
            <Override PartName="/docProps/app.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>\
            </Types>
            """
        )
        return xml.bytes
    }

    /// `xl/workbook.xml`: the sheets in tab order (the list sheet last and hidden) and the
    /// hidden `_xlnm._FilterDatabase` name that Excel keeps for each auto-filter, and the
    /// `_xlnm.Print_Titles` of each sheet that prints its header row on every page.
    func workbook(_ layout: Layout) -> [UInt8] {
        var xml = XMLByteWriter()
        xml.declaration()
        xml.literal(
            """
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets>
            """
        )
        for (index, writer) in layout.writers.enumerated() {
            xml.literal("<sheet name=\"")
            xml.text(writer.sheet.name, .attribute)
            xml.literal("\" sheetId=\"")
            xml.integer(index + 1)
            xml.literal(index == layout.listSheet ? "\" state=\"hidden\" r:id=\"rId" : "\" r:id=\"rId")
            xml.integer(index + 1)
            xml.literal("\"/>")
        }
        xml.literal("</sheets>")
        let filtered = layout.writers.filter { $0.sheet.autoFilter && $0.hasHeader }
        let printed = layout.writers.filter { $0.sheet.printSetup != nil && $0.hasHeader }
        if !filtered.isEmpty || !printed.isEmpty {
            xml.literal("<definedNames>")
            // The header row printed at the top of every page.
            for writer in printed {
                xml.literal("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"")
                xml.integer(writer.position)
                xml.literal("\">")
                xml.text("\(Self.quotedSheetName(writer.sheet.name))!$1:$1", .content)
                xml.literal("</definedName>")
            }
            for writer in filtered {
                let lastColumn = CellAddress.columnName(writer.width)
                xml.literal("<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"")
                xml.integer(writer.position)
                xml.literal("\" hidden=\"1\">")
                xml.text("\(Self.quotedSheetName(writer.sheet.name))!$A$1:$\(lastColumn)$\(writer.lastRow)", .content)
                xml.literal("</definedName>")
            }
            xml.literal("</definedNames>")
        }
        xml.literal("<calcPr calcId=\"191029\"/></workbook>")
        return xml.bytes
    }

    /// `xl/_rels/workbook.xml.rels`: the sheets as `rId1`…`rIdN`, then styles and shared strings.
    func workbookRelationships(_ layout: Layout) -> [UInt8] {
        var xml = XMLByteWriter()
        xml.declaration()
        xml.literal("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">")
        for index in layout.writers.indices {
            xml.literal("<Relationship Id=\"rId")
            xml.integer(index + 1)
            xml.literal(
                """
                " Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" \
                Target="worksheets/sheet
                """
            )
            xml.integer(index + 1)
            xml.literal(".xml\"/>")
        }
        let count = layout.writers.count
        xml.literal("<Relationship Id=\"rId")
        xml.integer(count + 1)
        xml.literal(
            """
            " Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" \
            Target="styles.xml"/><Relationship Id="rId
            """
        )
        xml.integer(count + 2)
        xml.literal(
            """
            " Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" \
            Target="sharedStrings.xml"/></Relationships>
            """
        )
        return xml.bytes
    }
}
