import Testing

@testable import Spreadsheet

@Suite struct NumberParsingTests {
    private func parse(_ text: String) -> Double? {
        Array(text.utf8).withUnsafeBufferPointer { parseDouble($0) }
    }

    @Test(arguments: [
        ("12", 12.0), ("-3.5", -3.5), ("0.1", 0.1), ("1E-3", 0.001), ("1.5e+20", 1.5e20), (" 7 ", 7.0),
        ("123456789012345", 123_456_789_012_345.0), ("0.30000000000000004", 0.30000000000000004), (".5", 0.5),
        ("-0.000001", -0.000_001), ("9007199254740993", 9_007_199_254_740_992.0),
    ])
    func parsesXMLNumbers(text: String, expected: Double) {
        #expect(parse(text) == expected)
    }

    @Test(arguments: ["", "abc", "1.2.3", "--1", "inf", "nan", "0x10", "1e", "1,5"])
    func rejectsNonNumbers(text: String) {
        #expect(parse(text) == nil)
    }

    /// The fast decimal path must round exactly as the full parser does.
    @Test func fastPathAgreesWithTheStandardLibrary() {
        var generator = SplitMix64(seed: 0x5EED)
        for _ in 0..<20_000 {
            let digits = Int(generator.next() % 15) + 1
            var text = String(generator.next() % 2 == 0 ? "" : "-")
            let point = Int(generator.next() % UInt64(digits + 1))
            for position in 0..<digits {
                if position == point, position > 0 { text += "." }
                text += String(generator.next() % 10)
            }
            #expect(parse(text) == Double(text), "\(text)")
        }
    }
}
