public import ControlModel
public import Spreadsheet

/// A framework's requirements that no implemented control covers with live evidence: those not
/// covered at all and those only partly, in the framework's order.
public struct GapList: Sendable, Hashable {
    /// One requirement that is not covered, or only partly.
    public struct Gap: Sendable, Hashable, Encodable {
        /// The framework's id.
        public var framework: String
        /// The requirement's id.
        public var requirement: String
        /// Its title.
        public var title: String
        /// How far it is covered.
        public var coverage: CoverageState
        /// The controls that map to it.
        public var controls: [String]
        /// Why it is not covered.
        public var why: String

        enum CodingKeys: String, CodingKey { case requirement, coverage, title, controls, why }

        /// Writes the requirement, coverage, title, controls and reason (the framework is the document's).
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(requirement, forKey: .requirement)
            try container.encode(coverage.rawValue, forKey: .coverage)
            try container.encode(title, forKey: .title)
            try container.encode(controls, forKey: .controls)
            try container.encode(why, forKey: .why)
        }
    }

    /// The framework's id.
    public var framework: String
    /// The day evidence was judged on.
    public var asOf: Day
    /// The gaps, in the framework's order.
    public var gaps: [Gap]

    /// The gaps of a framework's coverage.
    public init(_ coverage: FrameworkCoverage) {
        framework = coverage.framework.id
        asOf = coverage.asOf
        gaps = coverage.gapRows
    }

    /// As a listing: requirement, coverage, title, controls, why.
    public var listing: Listing {
        Listing(
            columns: ["requirement", "coverage", "title", "controls", "why"],
            rows: gaps.map {
                [$0.requirement, $0.coverage.rawValue, $0.title, $0.controls.joined(separator: ", "), $0.why]
            }
        )
    }

    /// As one JSON document: the framework, the day, and the gaps.
    public func json() -> [UInt8] {
        Array(canonicalJSON(Document(framework: framework, asOf: asOf.description, gaps: gaps)).utf8)
    }

    private struct Document: Encodable {
        var framework: String
        var asOf: String
        var gaps: [Gap]

        enum CodingKeys: String, CodingKey {
            case framework, gaps
            case asOf = "as_of"
        }
    }

    /// The gap list as a workbook that prints: the ``sheet(_:asOf:)`` of its gaps.
    public func workbook() throws -> [UInt8] {
        var writer = XLSXWorkbookWriter()
        writer.addSheet(Self.sheet(gaps, asOf: asOf))
        return try writer.data()
    }

    /// The Gaps sheet of the crosswalk workbook: every gap of every framework given, printing
    /// landscape one page wide with the as-of day in its footer.
    public static func sheet(_ gaps: [Gap], asOf: Day) -> XLSXSheet {
        var sheet = XLSXSheet(
            name: "Gaps",
            columns: [
                XLSXColumn("Framework", width: 16), XLSXColumn("Requirement", width: 12),
                XLSXColumn("Title", width: 40, wrap: true),
                XLSXColumn(
                    "Coverage",
                    width: 16,
                    allowedValues: [CoverageState.partly.rawValue, CoverageState.notCovered.rawValue]
                ),
                XLSXColumn("Controls", width: 20), XLSXColumn("Why", width: 50, wrap: true),
            ],
            rows: gaps.map { gap in
                [
                    .text(gap.framework), .text(gap.requirement), .text(gap.title), .text(gap.coverage.rawValue),
                    .text(gap.controls.joined(separator: ", ")), .text(gap.why),
                ]
            }
        )
        sheet.printSetup = XLSXPrintSetup(footer: "Gaps, as of \(asOf)")
        return sheet
    }
}

extension FrameworkCoverage {
    /// The gaps, as rows of a gap list.
    var gapRows: [GapList.Gap] {
        gaps.map { record in
            GapList.Gap(
                framework: framework.id,
                requirement: record.requirement.id,
                title: record.requirement.title,
                coverage: record.state,
                controls: record.controls,
                why: record.reason
            )
        }
    }
}
