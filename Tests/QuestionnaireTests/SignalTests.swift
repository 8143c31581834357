import Testing

@testable import Questionnaire

/// The words that tell rows and sheets that are not the vendor's to answer.
@Suite struct SignalTests {
    @Test func choicesAndMarks() {
        for header in ["Yes", "N/A", "Partially compliant", "Not compliant", "NA"] {
            #expect(HeaderVocabulary.isChoice(header), "\(header)")
        }
        #expect(!HeaderVocabulary.isChoice("Response") && !HeaderVocabulary.isChoice("Comments"))
        for mark in ["x", "X", "✓", "1", " x "] { #expect(HeaderVocabulary.isMark(mark), "\(mark)") }
        #expect(!HeaderVocabulary.isMark("Yes, always") && !HeaderVocabulary.isMark("2"))
    }

    @Test func receiversAndVendors() {
        #expect(HeaderVocabulary.receiverPhrase(in: "To be completed by the institution") != nil)
        #expect(HeaderVocabulary.receiverPhrase(in: "FOR REVIEWER USE ONLY") != nil)
        #expect(HeaderVocabulary.receiverPhrase(in: "Internal use only") != nil)
        #expect(HeaderVocabulary.receiverPhrase(in: "To be completed by the vendor") == nil)
        #expect(HeaderVocabulary.receiverPhrase(in: "For customer use only") != nil)
        // A phrase is whole words: "for customer use" is not in "for customer users".
        #expect(HeaderVocabulary.receiverPhrase(in: "Is SSO supported for customer users?") == nil)
        #expect(HeaderVocabulary.receiverPhrase(in: "Tools for internal users") == nil)
        #expect(HeaderVocabulary.vendorPhrase(in: "Section B: to be completed by the supplier"))
        #expect(HeaderVocabulary.namesReceiverColumn("Assessor comments"))
        #expect(HeaderVocabulary.namesReceiverColumn("Score"))
        #expect(!HeaderVocabulary.namesReceiverColumn("Vendor response"))
        #expect(receiverSheetReason("Assessor Scoring") != nil && receiverSheetReason("Evaluation") != nil)
        #expect(receiverSheetReason("Vendor Self-Evaluation") == nil && receiverSheetReason("Security") == nil)
    }

    @Test func mappingColumnsLegendsFootersAndCodes() {
        #expect(HeaderVocabulary.role(of: "NIST 800-53 Ref")?.role == .other)
        #expect(HeaderVocabulary.role(of: "ISO 27001")?.role == .other)
        #expect(HeaderVocabulary.role(of: "ISO 27001 requirement")?.role == .question, "a question column stays one")
        #expect(
            HeaderVocabulary.isLegendHeading(["Symbol", "Meaning"]) && HeaderVocabulary.isLegendHeading(["Legend"])
        )
        #expect(!HeaderVocabulary.isLegendHeading(["ID", "Question", "Answer"]))
        #expect(HeaderVocabulary.isFooter("© 2026 Example Corp. All rights reserved."))
        #expect(HeaderVocabulary.isFooter("Page 3 of 12") && !HeaderVocabulary.isFooter("Pages are numbered"))
        for code in ["V1", "1.", "A", "II", "12"] { #expect(ItemBuilder.isSectionCode(code), "\(code)") }
        for id in ["AC-1.1", "IAM-02", "A.5.15", "1.2.3"] { #expect(!ItemBuilder.isSectionCode(id), "\(id)") }
    }

    @Test func formulasNameTheSheetsTheyCopy() {
        #expect(referencedSheets("='General'!B5") == ["General"])
        #expect(referencedSheets("VLOOKUP(A5,Questions!A:C,2,FALSE)") == ["Questions"])
        #expect(referencedSheets("'Vendor''s answers'!C3&Sheet2!A1") == ["Vendor's answers", "Sheet2"])
        #expect(referencedSheets("A1+B2").isEmpty)
    }
}
