import ControlModel
import Foundation
import Spreadsheet
import Testing

@testable import Reports

/// The crosswalk, the Statement of Applicability and the gap list, built from libraries as
/// values and checked against the library they come from.
@Suite struct LibraryReportTests {
    static let asOf = Day(parsing: "2026-11-29") ?? .epoch

    /// A small library: three controls over ISO 27001 and SOC 2, one implemented with live
    /// evidence, one implemented with expired evidence, one not applicable.
    static func smallLibrary() -> LibraryIndex {
        var library = Library.builtIn
        library.controls = [
            Control(
                id: "IAM-01",
                title: "Multi-factor authentication",
                domain: "Identity",
                mappings: [
                    Mapping(requirement: RequirementReference(framework: "iso27001-2022", id: "A.8.5")),
                    Mapping(requirement: RequirementReference(framework: "soc2-2017", id: "CC6.1")),
                    Mapping(requirement: RequirementReference(framework: "gdpr", id: "Art.32")),
                ]
            ),
            Control(
                id: "LOG-01",
                title: "Central logging",
                domain: "Operations",
                mappings: [
                    Mapping(requirement: RequirementReference(framework: "iso27001-2022", id: "A.8.15")),
                    Mapping(requirement: RequirementReference(framework: "soc2-2017", id: "CC7.2")),
                ]
            ),
            Control(
                id: "PHY-01",
                title: "Office access",
                domain: "Physical",
                mappings: [Mapping(requirement: RequirementReference(framework: "iso27001-2022", id: "A.7.1"))]
            ),
        ]
        library.implementation = [
            Implementation(control: "IAM-01", status: .implemented, reasons: [.riskTreatment]),
            Implementation(control: "LOG-01", status: .implemented),
            Implementation(control: "PHY-01", status: .notApplicable, justification: "No offices; fully remote."),
        ]
        library.evidence = [
            Evidence(
                id: "EV-1",
                title: "MFA report",
                controls: ["IAM-01"],
                collectedOn: Day(parsing: "2026-06-01"),
                validUntil: Day(parsing: "2027-06-01"),
                result: .pass
            ),
            Evidence(
                id: "EV-2",
                title: "Log review",
                controls: ["LOG-01"],
                collectedOn: Day(parsing: "2025-01-01"),
                validUntil: Day(parsing: "2025-12-31"),
                result: .pass
            ),
        ]
        return LibraryIndex(library)
    }

    static func framework(_ id: String, in index: LibraryIndex) throws -> Framework {
        try #require(index.framework(named: id))
    }

    @Test func theCrosswalkMatrixAndItsListAgree() throws {
        let index = Self.smallLibrary()
        let soc2 = try Self.framework("soc2-2017", in: index)
        let iso = try Self.framework("iso27001-2022", in: index)
        let crosswalk = try Crosswalk(index: index, frameworks: [soc2, iso], asOf: Self.asOf)
        #expect(crosswalk.controls.map(\.control.id) == ["IAM-01", "LOG-01", "PHY-01"])
        #expect(crosswalk.controls[0].mappings == ["CC6.1", "A.8.5"])
        try #require(crosswalk.pairs.count == 1)
        let pair = crosswalk.pairs[0]
        #expect(pair.sheetName == "soc2-2017 x iso27001-2022")
        #expect(pair.cells.count == soc2.assessable.count)
        #expect(pair.cells.allSatisfy { $0.count == iso.assessable.count })
        let filled = pair.cells.flatMap { $0 }.filter { !$0.isEmpty }
        #expect(filled.count == crosswalk.links.count)
        #expect(Set(crosswalk.links.map { "\($0.from.id)>\($0.to.id)" }) == ["CC6.1>A.8.5", "CC7.2>A.8.15"])
        let row = try #require(soc2.assessable.firstIndex { $0.id == "CC6.1" })
        let column = try #require(iso.assessable.firstIndex { $0.id == "A.8.5" })
        #expect(pair.cells[row][column] == "intersects: IAM-01")
        let bytes = try crosswalk.workbook()
        let workbook = try Workbook(path: try ReportsFixtures.write(bytes, named: "crosswalk.xlsx"))
        #expect(workbook.sheets.map(\.name) == ["Controls", pair.sheetName, "Correspondences", "Coverage", "Gaps"])
    }

    @Test func aCrosswalkNeedsTwoDistinctFrameworks() throws {
        let index = Self.smallLibrary()
        let soc2 = try Self.framework("soc2-2017", in: index)
        #expect(throws: ReportError.tooFewFrameworks(count: 1)) {
            _ = try Crosswalk(index: index, frameworks: [soc2], asOf: Self.asOf)
        }
        #expect(throws: ReportError.frameworkNamedTwice(id: "soc2-2017")) {
            _ = try Crosswalk(index: index, frameworks: [soc2, soc2], asOf: Self.asOf)
        }
    }

    @Test func coverageAndGapsFollowStatusAndEvidence() throws {
        let index = Self.smallLibrary()
        let iso = try Self.framework("iso27001-2022", in: index)
        let coverage = index.coverage(of: iso, asOf: Self.asOf)
        func state(_ id: String) -> RequirementCoverage? { coverage.requirements.first { $0.requirement.id == id } }
        #expect(state("A.8.5")?.state == .covered)
        #expect(state("A.8.15")?.state == .partly)
        #expect(state("A.8.15")?.reason == "LOG-01's evidence has expired or failed")
        #expect(state("A.7.1")?.state == .partly)
        #expect(state("A.5.1")?.state == .notCovered)
        #expect(
            coverage.count(.covered) + coverage.count(.partly) + coverage.count(.notCovered) == iso.assessable.count
        )
        let gaps = GapList(coverage)
        #expect(gaps.gaps.count == iso.assessable.count - coverage.count(.covered))
        #expect(!gaps.gaps.contains { $0.requirement == "A.8.5" })
        #expect(gaps.listing.columns == ["requirement", "coverage", "title", "controls", "why"])
        let document = try JSONSerialization.jsonObject(with: Data(gaps.json())) as? [String: Any]
        #expect(document?["framework"] as? String == "iso27001-2022")
        #expect(document?["as_of"] as? String == "2026-11-29")
        #expect((document?["gaps"] as? [Any])?.count == gaps.gaps.count)
    }

    @Test func theStatementOfApplicabilityDecidesEachAnnexAControl() throws {
        let index = Self.smallLibrary()
        let iso = try Self.framework("iso27001-2022", in: index)
        let statement = StatementOfApplicability(index: index, framework: iso, asOf: Self.asOf)
        #expect(statement.rows.count == 93)
        let rows = Dictionary(uniqueKeysWithValues: statement.rows.map { ($0.requirement.id, $0) })
        #expect(rows["A.7.1"]?.excluded == true)
        #expect(rows["A.7.1"]?.justification == "Excluded: No offices; fully remote.")
        #expect(rows["A.8.5"]?.reasons == "risk treatment; legal (GDPR Art.32)")
        #expect(rows["A.8.5"]?.level == .implemented)
        #expect(rows["A.8.15"]?.hasWeakEvidence == true)
        #expect(rows["A.8.15"]?.justification.hasPrefix("Included: reason for inclusion not recorded.") == true)
        #expect(rows["A.5.1"]?.level == .notImplemented)
        let summary = Dictionary(uniqueKeysWithValues: statement.summary.map { ($0.measure, $0.value) })
        #expect(summary["Annex A controls"] == 93)
        #expect(summary["Excluded"] == 1)
        #expect(summary["Applicable"] == 92)
        let levels = [
            "Applicable and implemented", "Applicable and partly implemented", "Applicable and not yet implemented",
        ]
        #expect(levels.compactMap { summary[$0] }.reduce(0, +) == 92)
        #expect(summary["With expired or failing evidence"] == 1)
        let cells = try ReportsFixtures.cells(of: try statement.workbook(), sheet: "Summary")
        #expect(cells["B3"] == "2026-11-29")
    }
}
