import ControlModel
import Foundation
import Testing

@testable import Exchange

/// The sample register workbook (samples/make_library_workbook.py): framework columns headed by
/// names, ids on several lines of one cell, real date cells, and a sheet that is no table.
@Suite struct LibraryWorkbookTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("samples/library")

    @Test func theRegisterWorkbookReads() throws {
        let loaded = loadLibrary(files: [Self.samples.appendingPathComponent("register.xlsx").path])
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        #expect(loaded.user.controls.map(\.id) == ["LA-10", "LA-11"])
        let drill = try #require(loaded.index.control("LA-10"))
        #expect(
            drill.mappings.map { "\($0.requirement) \($0.relationship.rawValue)" } == [
                "iso27001-2022:A.8.13 subset", "iso27001-2022:A.5.30 intersects", "soc2-2017:A1.3 subset",
                "nist-csf-2.0:RC.RP-03 intersects",
            ]
        )
        #expect(
            loaded.index.control("LA-11")?.mappings.map(\.requirement.id) == [
                "A.8.15", "CC7.2", "CC4.1", "Art.30", "DE.CM-03",
            ]
        )
        // Dates come from date cells formatted dd/mm/yyyy, not from text.
        let evidence = try #require(loaded.user.evidence.first { $0.id == "EV-901" })
        #expect(evidence.collectedOn == Day(year: 2026, month: 9, day: 18))
        #expect(evidence.validUntil == Day(year: 2026, month: 12, day: 31))
        #expect(evidence.controls == ["LA-10", "BCM-03"])
        #expect(evidence.origin?.path == "Evidence!A2")
    }

    /// The whole sample folder is one consistent library: every control has a status, every
    /// reference resolves, and the counts the issue asks for hold.
    @Test func theSampleLibraryIsCompleteAndConsistent() throws {
        let loaded = loadLibrary(files: [Self.samples.path])
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.prefix(5))")
        #expect(loaded.user.evidence.count >= 80)
        #expect(loaded.user.answers.count >= 150)
        let statuses = Set(loaded.user.implementation.map(\.status))
        #expect(statuses == Set(ImplementationStatus.allCases))
        let asOf = try #require(Day(parsing: "2026-11-29"))
        #expect(loaded.user.evidence.contains { $0.isExpired(asOf: asOf) })
        #expect(loaded.user.evidence.contains { $0.result == .fail })
        let kinds = Set(loaded.user.evidence.map(\.kind))
        #expect(kinds.isSuperset(of: [.policy, .report, .automatedTest, .ticket]))
        let builtInIDs = Set(Library.builtIn.controls.map(\.id))
        let withStatus = Set(loaded.user.implementation.map(\.control))
        #expect(builtInIDs.subtracting(withStatus).isEmpty, "\(builtInIDs.subtracting(withStatus).sorted())")
        for record in loaded.user.implementation where record.status == .notApplicable {
            #expect((record.justification ?? "").count > 20, "\(record.control)")
        }
    }
}
