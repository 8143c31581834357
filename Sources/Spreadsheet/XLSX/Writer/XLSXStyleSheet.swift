/// The cell formats of the fixed style sheet that new workbooks get, by their index in `cellXfs`.
///
/// Every workbook Quire writes has the same `xl/styles.xml`: Calibri 11; a bold header on a light
/// blue fill with a thin bottom border; wrapped text; dates as `yyyy-mm-dd`; links in blue,
/// underlined. Fonts, fills and borders are not themed, so the workbook needs no theme part.
enum XLSXCellStyle: Int, CaseIterable {
    case normal = 0
    case header
    case wrap
    case date
    case headerWrap
    case hyperlink
    case hyperlinkWrap

    /// The style of a data cell holding text in a column that wraps or links.
    static func text(wrap: Bool, link: Bool) -> XLSXCellStyle {
        switch (wrap, link) {
        case (false, false): .normal
        case (true, false): .wrap
        case (false, true): .hyperlink
        case (true, true): .hyperlinkWrap
        }
    }

    /// The ` s="N"` attribute for a cell of this style, empty for ``normal``.
    var attribute: [UInt8] {
        self == .normal ? [] : Array(" s=\"\(rawValue)\"".utf8)
    }

    /// The number format id of dates (the first id free for custom formats).
    static let dateFormatID = 164

    /// The text of `xl/styles.xml`.
    static let part: [UInt8] = {
        var xml = XMLByteWriter()
        xml.declaration()
        xml.literal(
            """
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>\
            <fonts count="3">\
            <font><sz val="11"/><name val="Calibri"/><family val="2"/></font>\
            <font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>\
            <font><u/><sz val="11"/><color rgb="FF0563C1"/><name val="Calibri"/><family val="2"/></font>\
            </fonts>\
            <fills count="3">\
            <fill><patternFill patternType="none"/></fill>\
            <fill><patternFill patternType="gray125"/></fill>\
            <fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill>\
            </fills>\
            <borders count="2">\
            <border><left/><right/><top/><bottom/><diagonal/></border>\
            <border><left/><right/><top/><bottom style="thin"><color indexed="64"/></bottom><diagonal/></border>\
            </borders>\
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
            <cellXfs count="7">\
            <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
            <xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" \
            applyBorder="1"/>\
            <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">\
            <alignment wrapText="1"/></xf>\
            <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
            <xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" \
            applyBorder="1" applyAlignment="1"><alignment wrapText="1"/></xf>\
            <xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
            <xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1">\
            <alignment wrapText="1"/></xf>\
            </cellXfs>\
            <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
            <dxfs count="0"/>\
            <tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>\
            </styleSheet>
            """
        )
        return xml.bytes
    }()
}
