import ControlModel
import Testing

/// Requirement references written loosely, through aliases, and wrongly.
@Suite struct ResolutionTests {
    let index = LibraryIndex.builtIn

    func resolve(_ text: String) -> [String]? {
        guard let reference = RequirementReference(parsing: text) else { return nil }
        return try? index.resolve(reference).get().map(\.description)
    }

    @Test(arguments: [
        ("iso27001-2022:A.8.5", "iso27001-2022:A.8.5"),
        ("iso27001-2022:a.8.5", "iso27001-2022:A.8.5"),
        ("ISO 27001:A.5.1", "iso27001-2022:A.5.1"),
        ("iso27001-2022:6.1.2", "iso27001-2022:6.1.2"),
        ("iso27001-2022:A.9.4.2", "iso27001-2022:A.8.5"),
        ("iso27001-2013:A.12.6.1", "iso27001-2022:A.8.8"),
        ("soc2:cc6.1", "soc2-2017:CC6.1"),
        ("SOC 2:PI1.3", "soc2-2017:PI1.3"),
        ("gdpr:Art. 32", "gdpr:Art.32"),
        ("GDPR:Article 32", "gdpr:Art.32"),
        ("gdpr:art 32(1)(b)", "gdpr:Art.32"),
        ("nist-csf-2.0:PR.AA-01", "nist-csf-2.0:PR.AA-01"),
        ("csf:pr.aa-1", "nist-csf-2.0:PR.AA-01"),
    ])
    func looseReferencesResolve(text: String, expected: String) {
        #expect(resolve(text) == [expected])
    }

    @Test func oneOldIdMayStandForTwoNewOnes() {
        #expect(resolve("iso27001-2022:A.18.2.3") == ["iso27001-2022:A.5.36", "iso27001-2022:A.8.8"])
    }

    @Test func anUnknownIdSaysWhatTheRangeIsAndWhatWasMeant() throws {
        let reference = try #require(RequirementReference(parsing: "iso27001-2022:A.5.99"))
        guard case .failure(let failure) = index.resolve(reference) else {
            Issue.record("A.5.99 resolved")
            return
        }
        #expect(failure.message == "unknown requirement A.5.99 in iso27001-2022")
        let hint = try #require(failure.hint)
        #expect(hint.contains("A.5.1 to A.5.37"))
        #expect(hint.contains("did you mean A.5.9"))
    }

    @Test func anUnknownFrameworkSuggestsTheNearOnes() throws {
        let reference = try #require(RequirementReference(parsing: "iso2700:A.5.1"))
        guard case .failure(let failure) = index.resolve(reference) else {
            Issue.record("iso2700 resolved")
            return
        }
        #expect(failure.message.contains("unknown framework"))
        #expect(failure.hint?.contains("iso27001-2022") == true)
    }

    @Test func referenceTextSplitsRelationships() {
        let plain = ReferenceText("A.5.15")
        #expect(plain.id == "A.5.15" && plain.relationship == nil && plain.framework == nil)
        let withRelationship = ReferenceText("soc2-2017:CC6.1 (subset)")
        #expect(withRelationship.framework == "soc2-2017")
        #expect(withRelationship.id == "CC6.1")
        #expect(withRelationship.relationship == .subset)
        let paragraph = ReferenceText("Art. 32(1)(b)")
        #expect(paragraph.id == "Art. 32(1)(b)" && paragraph.relationship == nil)
        let wrong = ReferenceText("A.5.15 (sometimes)")
        #expect(wrong.unknownRelationship == "sometimes")
        #expect(ReferenceText.list("A.5.1 (equal); A.5.2,\nA.8.3").map(\.id) == ["A.5.1", "A.5.2", "A.8.3"])
        // One item a line, the lines broken as Windows breaks them (CR LF is one Character).
        #expect(ReferenceText.list("A.5.1\r\nA.5.2\r\n\r\nA.8.3\r\n").map(\.id) == ["A.5.1", "A.5.2", "A.8.3"])
    }
}
