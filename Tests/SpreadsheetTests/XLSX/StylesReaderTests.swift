import Testing

@testable import Spreadsheet

/// The styles part as the readers need it: which formats fill their cells with one colour.
struct StylesReaderTests {
    private func reader(_ styles: String) throws -> StylesReader {
        let reader = StylesReader()
        try parseXML(Array(styles.utf8), handler: reader, path: "t.xlsx", part: "xl/styles.xml")
        return reader
    }

    @Test func formatsFilledWithTheSameColourShareANumber() throws {
        let styles = """
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <fills count="6"><fill><patternFill patternType="none"/></fill>\
            <fill><patternFill patternType="gray125"/></fill>\
            <fill><patternFill patternType="solid"><fgColor rgb="FFFFFF00"/><bgColor indexed="64"/></patternFill></fill>\
            <fill><patternFill patternType="solid"><fgColor theme="4" tint="0.59"/></patternFill></fill>\
            <fill><patternFill patternType="solid"><fgColor rgb="ffffff00"/></patternFill></fill>\
            <fill><gradientFill degree="90"><stop position="0"><color rgb="FF0000FF"/></stop></gradientFill></fill>\
            </fills><cellXfs count="7"><xf numFmtId="0" fillId="0"/><xf fillId="2"/><xf fillId="3"/>\
            <xf fillId="4"/><xf fillId="1"/><xf fillId="5"/><xf numFmtId="0"/></cellXfs></styleSheet>
            """
        // Yellow twice (rgb written in either case), a theme colour; no fill, a pattern, a
        // gradient and a format without fillId are none.
        #expect(try reader(styles).filledFormats() == [-1, 0, 1, 0, -1, -1, -1])
    }

    @Test func aStylesPartWithoutFillsFillsNothing() throws {
        let styles = """
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" fillId="3"/></cellXfs></styleSheet>
            """
        #expect(try reader(styles).filledFormats() == [-1, -1])
    }
}
