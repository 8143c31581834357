import Testing

@testable import Reports

/// The tab names of the crosswalk's framework-pair sheets stay within Excel's rules for any ids.
@Suite struct PairSheetNameTests {
    /// Excel's rules, as the workbook writer checks them.
    func isValid(_ name: String) -> Bool {
        !name.isEmpty && name.utf16.count <= 31 && !name.contains(where: { "[]:*?/\\".contains($0) })
            && !name.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
            && !name.hasPrefix("'") && !name.hasSuffix("'")
    }

    @Test func shortIdsAreKeptWhole() {
        var taken: Set<String> = []
        #expect(pairSheetName("nist-csf-2.0", "iso27001-2022", taken: &taken) == "nist-csf-2.0 x iso27001-2022")
        #expect(taken == ["nist-csf-2.0 x iso27001-2022"])
    }

    @Test func longIdsAreCutInTheMiddleTheLongerFirst() {
        var taken: Set<String> = []
        let name = pairSheetName("gdpr", "acme-information-security-policy-2026", taken: &taken)
        #expect(name == "gdpr x acme-information\u{2026}cy-2026")
        #expect(name.utf16.count == 31)
        let both = pairSheetName(
            "acme-information-security-policy-2026",
            "acme-supplier-security-standard",
            taken: &taken
        )
        #expect(both == "acme-info\u{2026}2026 x acme-supp\u{2026}dard")
        #expect(isValid(both))
    }

    @Test func namesThatWouldClashAreNumbered() {
        var taken: Set<String> = ["controls", "coverage"]
        let first = pairSheetName("acme-policy-alpha-edition-2026", "soc2-2017", taken: &taken)
        let second = pairSheetName("acme-policy-bravo-edition-2026", "soc2-2017", taken: &taken)
        let third = pairSheetName("ACME-policy-charlie-edition-2026", "soc2-2017", taken: &taken)
        #expect(first == "acme-policy-\u{2026}n-2026 x soc2-2017")
        #expect(second == "acme-polic\u{2026}2026 x soc2-2017 (2)")
        #expect(third == "ACME-polic\u{2026}2026 x soc2-2017 (3)")
        #expect([first, second, third].allSatisfy(isValid))
        #expect(Set([first, second, third].map { $0.lowercased() }).count == 3)
    }

    @Test(arguments: ["a[1]", "x:y", "p*q?", "a/b\\c", "'quoted'", "tab\there", "\u{7F}del"])
    func forbiddenCharactersAreReplaced(_ id: String) {
        var taken: Set<String> = []
        let name = pairSheetName(id, id + "'", taken: &taken)
        #expect(isValid(name), "\(name)")
        #expect(name.contains(" x "))
    }

    @Test func wideCharactersCountAsExcelCountsThem() {
        var taken: Set<String> = []
        let name = pairSheetName(String(repeating: "\u{1F512}", count: 20), "iso27001-2022", taken: &taken)
        #expect(name.utf16.count <= 31)
        #expect(name.hasSuffix(" x iso27001-2022"))
    }
}
