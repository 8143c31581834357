import Testing

@testable import Spreadsheet

/// Cell patching on worksheet XML: only the target cells change, in column order, styles kept,
/// formulas left alone.
@Suite struct WorksheetPatcherTests {
    func patch(_ xml: String, _ edits: [String: String]) throws -> (String, WorksheetPatcher) {
        var cells: [CellAddress: String] = [:]
        for (reference, text) in edits { cells[try #require(CellAddress(a1: reference))] = text }
        var patcher = WorksheetPatcher(edits: cells)
        let output = try patcher.patch(Array(xml.utf8))
        return (String(decoding: output, as: UTF8.self), patcher)
    }

    let head = #"<?xml version="1.0"?><worksheet xmlns="m"><sheetData>"#
    let tail = #"</sheetData><dataValidations count="1"/></worksheet>"#

    @Test func anExistingCellIsReplacedAndKeepsItsStyle() throws {
        let xml =
            head + #"<row r="2"><c r="A2" t="s"><v>0</v></c><c r="C2" s="7"/><c r="D2" t="s"><v>1</v></c></row>"# + tail
        let (output, patcher) = try patch(xml, ["C2": "Yes"])
        #expect(
            output == head
                + #"<row r="2"><c r="A2" t="s"><v>0</v></c><c r="C2" s="7" t="inlineStr"><is><t xml:space="preserve">Yes</t></is></c><c r="D2" t="s"><v>1</v></c></row>"#
                + tail
        )
        #expect(patcher.written == [CellAddress(row: 2, column: 3)])
    }

    @Test func missingCellsAndRowsAreInsertedInOrder() throws {
        let xml = head + #"<row r="2"><c r="A2"><v>1</v></c><c r="E2"><v>2</v></c></row><row r="5"/>"# + tail
        let (output, _) = try patch(xml, ["C2": "a", "F2": "b", "A1": "c", "B5": "d", "A9": "e"])
        let cell = { (ref: String, text: String) in
            #"<c r="\#(ref)" t="inlineStr"><is><t xml:space="preserve">\#(text)</t></is></c>"#
        }
        let expected =
            head + #"<row r="1">"# + cell("A1", "c") + "</row>"
            + #"<row r="2"><c r="A2"><v>1</v></c>"# + cell("C2", "a") + #"<c r="E2"><v>2</v></c>"# + cell("F2", "b")
            + "</row>"
            + #"<row r="5">"# + cell("B5", "d") + "</row>"
            + #"<row r="9">"# + cell("A9", "e") + "</row>" + tail
        #expect(output == expected)
    }

    @Test func formulaCellsAreNeverOverwritten() throws {
        let xml = head + #"<row r="3"><c r="B3" s="2"><f>SUM(A1:A2)</f><v>3</v></c></row>"# + tail
        let (output, patcher) = try patch(xml, ["B3": "Yes"])
        #expect(output == xml)
        #expect(patcher.skippedFormulas == [CellAddress(row: 3, column: 2)])
        #expect(patcher.written.isEmpty)
    }

    @Test func anEmptySheetGetsItsRows() throws {
        let xml = #"<worksheet xmlns="m"><sheetData/></worksheet>"#
        let (output, _) = try patch(xml, ["B2": "x"])
        #expect(
            output
                == #"<worksheet xmlns="m"><sheetData><row r="2"><c r="B2" t="inlineStr"><is><t xml:space="preserve">x</t></is></c></row></sheetData></worksheet>"#
        )
    }

    @Test func prefixedElementsKeepTheirPrefix() throws {
        let xml =
            #"<x:worksheet xmlns:x="m"><x:sheetData><x:row r="1"><x:c r="A1"/></x:row></x:sheetData></x:worksheet>"#
        let (output, _) = try patch(xml, ["A1": "y"])
        #expect(output.contains(#"<x:c r="A1" t="inlineStr"><x:is><x:t xml:space="preserve">y</x:t></x:is></x:c>"#))
    }

    @Test func textIsEscapedAndNeverAFormula() throws {
        let xml = head + tail
        let (output, _) = try patch(xml, ["A1": "=1+1 <b> & \u{1}"])
        #expect(output.contains(#"<t xml:space="preserve">=1+1 &lt;b&gt; &amp; _x0001_</t>"#))
        #expect(!output.contains("<f>"))
    }

    @Test func rowsAndCellsWithoutReferencesAreCountedInOrder() throws {
        let xml = head + #"<row><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row>"# + tail
        let (output, _) = try patch(xml, ["B2": "z"])
        #expect(output.contains(#"<row><c><v>3</v></c><c r="B2" t="inlineStr">"#))
    }

    @Test func commentsAndCDATAAreStepped() throws {
        let xml =
            head + #"<!-- <row r="1"> --><row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[</c>]]></t></is></c></row>"#
            + tail
        let (output, _) = try patch(xml, ["B1": "ok"])
        #expect(output.contains(#"<![CDATA[</c>]]></t></is></c><c r="B1" t="inlineStr">"#))
    }
}
