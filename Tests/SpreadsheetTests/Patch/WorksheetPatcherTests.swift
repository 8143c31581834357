import Testing

@testable import Spreadsheet

/// Cell patching on worksheet XML: only the target cells change, in column order, styles kept,
/// formulas left alone.
@Suite struct WorksheetPatcherTests {
    func patch(_ xml: String, _ edits: [String: String]) throws -> (String, WorksheetPatcher) {
        var cells: [CellAddress: String] = [:]
        for (reference, text) in edits { cells[try #require(CellAddress(a1: reference))] = text }
        // The whole part in one piece; `theOutputDoesNotDependOnHowTheInputIsCut` feeds it in chunks.
        var patcher = WorksheetPatcher(edits: cells)
        var output: [UInt8] = []
        try Array(xml.utf8).withUnsafeBytes { try patcher.feed($0, output: &output) }
        try patcher.finish(output: &output)
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

    @Test func aCheckboxKeepsBeingABoolean() throws {
        // Google Sheets stores a checkbox as a boolean, LibreOffice as the constant formula FALSE();
        // a tick written as text would stop being a box. A text cell stays text.
        let xml =
            head
            + #"<row r="4"><c r="B4" s="3" t="b"><v>0</v></c><c r="C4" s="3" t="b"><f aca="false">FALSE()</f><v>0</v></c>"#
            + #"<c r="D4" t="s"><v>2</v></c><c r="E4" s="1"/></row>"# + tail
        let (output, patcher) = try patch(
            xml,
            ["B4": "TRUE", "C4": "FALSE", "D4": "TRUE", "E4": "TRUE", "F4": "FALSE"]
        )
        #expect(
            output == head
                + #"<row r="4"><c r="B4" s="3" t="b"><v>1</v></c><c r="C4" s="3" t="b"><v>0</v></c>"#
                + #"<c r="D4" t="inlineStr"><is><t xml:space="preserve">TRUE</t></is></c><c r="E4" s="1" t="b"><v>1</v></c>"#
                + #"<c r="F4" t="b"><v>0</v></c></row>"# + tail
        )
        #expect(patcher.skippedFormulas.isEmpty)
    }

    @Test func onlyAConstantFormulaIsReplaced() throws {
        let cells = [
            #"<c r="A1" t="b"><f>TRUE()</f><v>1</v></c>"#, #"<c r="B1" t="b"><f>A1=TRUE()</f><v>1</v></c>"#,
            #"<c r="C1" t="b"><f t="shared" si="0"/><v>1</v></c>"#,
            #"<c r="D1" t="b"><f t="array" ref="D1">FALSE</f><v>0</v></c>"#,
            #"<c r="E1" t="str"><f>&quot;Not answered&quot;</f><v>Not answered</v></c>"#,
            #"<c r="F1" t="str"><f>IF(E1=&quot;Yes&quot;,&quot;Open&quot;,&quot;&quot;)</f><v></v></c>"#,
        ]
        let xml = head + #"<row r="1">"# + cells.joined() + "</row>" + tail
        let (output, patcher) = try patch(
            xml,
            ["A1": "FALSE", "B1": "FALSE", "C1": "FALSE", "D1": "TRUE", "E1": "Yes", "F1": "x"]
        )
        let replaced = #"<c r="E1" t="inlineStr"><is><t xml:space="preserve">Yes</t></is></c>"#
        #expect(
            output
                == head + #"<row r="1"><c r="A1" t="b"><v>0</v></c>"# + cells[1...3].joined() + replaced + cells[5]
                + "</row>" + tail
        )
        #expect(patcher.skippedFormulas.map(\.a1) == ["B1", "C1", "D1", "F1"])
    }

    @Test(arguments: [
        " true ( ) ", "=FALSE", "NOT(FALSE())", "TRUE()+0", #"="Not answered""#, #"=IF(TRUE,"Select","")"#,
        #"="Say ""Yes"" now""#, #"=REPT("-", 1.5E+1)"#, #"=CONCATENATE("a", "b")"#, #"=_xlfn.CONCAT("a")"#,
        "={TRUE,FALSE}",
    ])
    func aFormulaComputingNothingIsConstant(formula: String) {
        #expect(isConstantFormula(formula))
    }

    @Test(arguments: [
        "=C7", "=$C$7", "=Points", "=Sheet2!A1", "='Q 1'!A1", "=TODAY()", "=ROW()", #"=INDIRECT("A1")"#,
        "=SUM(1:1)", "=#REF!", "=Table1[Answer]", #"="open"&B2"#, #"="unclosed"#, "=", "", "=_xlfn.RANDARRAY(2)",
        "=1+1", "=2*5",
    ])
    func aFormulaReadingTheWorkbookIsNot(formula: String) {
        #expect(!isConstantFormula(formula))
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

    @Test func insertedCellsTakeTheirRowsOrColumnsStyle() throws {
        let xml =
            #"<worksheet xmlns="m"><cols><col min="1" max="2" width="9"/><col min="3" max="4" style="5"/></cols>"#
            + #"<sheetData><row r="2" s="8" customFormat="1"><c r="A2"><v>1</v></c></row>"#
            + #"<row r="3" s="9"><c r="A3"><v>1</v></c></row></sheetData></worksheet>"#
        let (output, _) = try patch(xml, ["C2": "a", "C3": "b", "D7": "c", "B7": "d"])
        // Row 2 has a style of its own; row 3's `s` is not applied without customFormat.
        #expect(output.contains(#"<c r="C2" s="8" t="inlineStr">"#))
        #expect(output.contains(#"<c r="C3" s="5" t="inlineStr">"#))
        #expect(output.contains(#"<row r="7"><c r="B7" t="inlineStr">"#))
        #expect(output.contains(#"<c r="D7" s="5" t="inlineStr">"#))
    }

    /// A sheet with every kind of thing the scanner must step over, and edits of every kind.
    let streamed =
        #"<?xml version="1.0"?><x:worksheet xmlns:x="m"><x:cols><x:col min="2" max="2" style="3"/></x:cols>"#
        + #"<x:sheetData><!-- <x:row r="1"> --><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>"#
        + #"<![CDATA[</x:row>]]></x:t></x:is></x:c></x:row><x:row r="3"/><x:row r="4" spans="1:3">"#
        + #"<x:c r="A4" s="2"><x:f>1+1</x:f><x:v>2</x:v></x:c><x:c r="C4" s="4"/></x:row>"#
        + #"<x:row r="6"><x:c r="B6"><x:v>7</x:v></x:c></x:row></x:sheetData>"#
        + #"<x:mergeCells count="2"><x:mergeCell ref="D8:E9"/><x:mergeCell ref="A12:A13"/></x:mergeCells>"#
        + #"<x:pageMargins left="0.7"/></x:worksheet>"#

    @Test(arguments: [1, 2, 3, 5, 8, 13, 64, 1_000])
    func theOutputDoesNotDependOnHowTheInputIsCut(chunk: Int) throws {
        let edits = ["B1": "a", "A2": "b", "B3": "c", "A4": "d", "C4": "e", "B5": "f", "C6": "g", "A9": "h"]
        let (whole, wholePatcher) = try patch(streamed, edits)
        var cells: [CellAddress: String] = [:]
        for (reference, text) in edits { cells[try #require(CellAddress(a1: reference))] = text }
        var patcher = WorksheetPatcher(edits: cells, batch: 1)
        var output: [UInt8] = []
        let bytes = Array(streamed.utf8)
        for start in stride(from: 0, to: bytes.count, by: chunk) {
            try bytes[start..<min(start + chunk, bytes.count)].withUnsafeBytes { try patcher.feed($0, output: &output) }
        }
        try patcher.finish(output: &output)
        #expect(String(decoding: output, as: UTF8.self) == whole)
        #expect(patcher.written == wholePatcher.written)
        #expect(patcher.skippedFormulas == [CellAddress(row: 4, column: 1)])
        #expect(patcher.mergedRanges.map(\.description) == ["D8:E9", "A12:A13"])
        #expect(patcher.mergedRanges == wholePatcher.mergedRanges)
        #expect(whole.contains(#"<x:row r="3"><x:c r="B3" s="3" t="inlineStr">"#))
        #expect(whole.contains(#"<x:c r="C4" s="4" t="inlineStr"><x:is><x:t xml:space="preserve">e</x:t>"#))
    }

    @Test func aTruncatedSheetIsAnErrorNotAPartialOutput() throws {
        let bytes = Array(streamed.utf8)
        // 20 bytes before </x:sheetData>: inside row 6.
        let end = try #require(streamed.split(separator: "</x:sheetData>").first?.utf8.count)
        let cut = end - 20
        var patcher = WorksheetPatcher(edits: [CellAddress(row: 6, column: 2): "x"], batch: 1)
        var output: [UInt8] = []
        try bytes[..<cut].withUnsafeBytes { try patcher.feed($0, output: &output) }
        #expect(throws: PatchFailure.self) { try patcher.finish(output: &output) }
    }

    @Test func theDimensionAndRowSpansGrowToTakeInWrittenCells() throws {
        let xml =
            #"<worksheet xmlns="m"><dimension ref="A1:C3"/><sheetData><row r="2" spans="1:3"><c r="A2"><v>1</v></c>"#
            + #"</row><row r="3" spans="1:3"/></sheetData></worksheet>"#
        let (output, _) = try patch(xml, ["E2": "a", "B3": "b", "F5": "c"])
        #expect(output.contains(#"<dimension ref="A1:F5"/>"#))
        #expect(output.contains(#"<row r="2" spans="1:5">"#))
        #expect(output.contains(#"<row r="3" spans="1:3"><c r="B3""#), "B3 is inside the row's spans")
        // Cells inside the dimension leave it as it was, byte for byte.
        let (inside, _) = try patch(xml, ["B2": "x"])
        #expect(inside.contains(#"<dimension ref="A1:C3"/>"#))
        // A dimension that cannot be read is left alone.
        let odd = xml.replacing("A1:C3", with: "nonsense")
        let (kept, _) = try patch(odd, ["E2": "a"])
        #expect(kept.contains(#"<dimension ref="nonsense"/>"#))
    }

    @Test func cellsAnArrayFormulaFillsAreLeftAlone() throws {
        let xml =
            head + #"<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="array" ref="B1:D1">A1:A3</f><v>1</v></c>"#
            + #"<c r="C1"><v>2</v></c></row><row r="2"><c r="B2"><f t="array" ref="B2:B3">A1</f><v>1</v></c></row>"#
            + #"<row r="3"><c r="B3"><v>1</v></c></row>"# + tail
        // C1 (filled, present), D1 (filled, absent), B3 (filled, in a row of its own) are refused;
        // E1 and C3 are outside every array.
        let (output, patcher) = try patch(xml, ["C1": "a", "D1": "b", "E1": "c", "B3": "d", "C3": "e"])
        #expect(
            Set(patcher.skippedFormulas) == [
                CellAddress(row: 1, column: 3), CellAddress(row: 1, column: 4), CellAddress(row: 3, column: 2),
            ]
        )
        #expect(patcher.written == [CellAddress(row: 1, column: 5), CellAddress(row: 3, column: 3)])
        #expect(output.contains(#"<c r="C1"><v>2</v></c><c r="E1" t="inlineStr">"#))
        #expect(output.contains(#"<c r="B3"><v>1</v></c><c r="C3" t="inlineStr">"#))
    }

    @Test func cellsHiddenUnderAMergeAreKnownOnceThePartIsRead() throws {
        let xml =
            head + #"<row r="1"><c r="A1"><v>1</v></c></row>"# + "</sheetData>"
            + #"<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells></worksheet>"#
        let (_, patcher) = try patch(xml, ["A1": "top-left", "B2": "hidden", "C1": "outside"])
        #expect(patcher.mergedRanges == [try #require(CellRange(a1: "A1:B2"))])
        #expect(patcher.written.filter(patcher.coveredByMerge) == [CellAddress(row: 2, column: 2)])
    }

    @Test(arguments: [
        #"<row r="5"/><row r="3"/>"#, #"<row r="3"/><row r="3"/>"#,
        #"<row r="3"><c r="C3"/><c r="B3"/></row>"#, #"<row r="3"><c r="A3"/><c r="A3"/></row>"#,
    ])
    func rowsOutOfOrderAreRefusedNotDuplicated(rows: String) throws {
        #expect(throws: PatchFailure.self) { try patch(head + rows + tail, ["A3": "x"]) }
    }
}
