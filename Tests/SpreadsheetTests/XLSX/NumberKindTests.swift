import Testing

@testable import Spreadsheet

@Suite struct NumberKindTests {
    @Test(arguments: [
        ("General", NumberKind.plain), ("0.00", .plain), ("#,##0_);[Red](#,##0)", .plain), ("0.00E+00", .plain),
        ("yyyy-mm-dd", .date), ("m/d/yy h:mm", .date), ("[$-409]mmmm d, yyyy;@", .date), ("h:mm AM/PM", .date),
        ("\"days: \"0", .plain), ("\\d0", .plain), ("[h]:mm:ss", .duration), ("[mm]:ss", .duration),
        ("[Red]0.00", .plain), ("dd/mm/yyyy;\"neg\"", .date), ("@", .plain), ("_(* #,##0_)", .plain),
        ("[ss].0", .duration), ("mm:ss", .date),
    ])
    func classifiesFormatCodes(code: String, kind: NumberKind) {
        #expect(classifyNumberFormat(code) == kind)
    }

    @Test func builtInIDs() {
        #expect(builtinNumberKind(0) == .plain)
        #expect(builtinNumberKind(14) == .date)
        #expect(builtinNumberKind(22) == .date)
        #expect(builtinNumberKind(46) == .duration)
        #expect(builtinNumberKind(49) == .plain)
        #expect(builtinNumberKind(57) == .date)
    }

    @Test(arguments: [
        ("a_x000D_b", "a\rb"), ("_x005F_x000D_", "_x000D_"), ("no escapes", "no escapes"),
        ("_x0041__x0042_", "AB"), ("_x00zz_", "_x00zz_"), ("_x000A", "_x000A"),
    ])
    func decodesOOXMLEscapes(raw: String, expected: String) {
        #expect(decodeEscapes(Array(raw.utf8)) == expected)
    }

    @Test func plainFixedFormatsShowTheirDecimals() {
        let shown = ["0", "0.0", "0.00", "00.000", "0.000000"].map { NumberFormat(code: $0)?.display(.number(1.1)) }
        #expect(shown == ["1", "1.1", "1.10", "01.100", "1.100000"])
    }
}
