import ArgumentParser
import Pipeline

struct Crosswalk: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the crosswalk workbook: controls, a matrix per framework pair, coverage and gaps.",
        discussion: """
            Correspondences are derived through shared controls (see quire xref). Each pair's matrix \
            has a row per requirement of the first framework and a column per requirement of the \
            second; a cell holds the relationship and the controls that carry it. The Correspondences \
            sheet lists the same links one per row. Coverage counts a requirement covered when an \
            implemented control with live evidence maps to it.
            """
    )

    @Option(
        help: ArgumentHelp("Frameworks, comma-separated (default: soc2-2017,iso27001-2022).", valueName: "ids")
    )
    var frameworks = "soc2-2017,iso27001-2022"
    @OptionGroup var library: LibraryOptions
    @OptionGroup var asOf: AsOfOption
    @Option(name: .shortAndLong, help: ArgumentHelp("The workbook to write.", valueName: "file")) var output: String

    func validate() throws {
        if let problem = OptionCheck.problem(withFrameworkList: frameworks) { throw ValidationError(problem) }
    }

    func run() throws {
        try runReportingErrors { diagnostics in
            try writeCrosswalk(
                try library.context(diagnostics),
                frameworks: OptionCheck.frameworkNames(frameworks),
                asOf: asOf.asOf,
                destination: output
            )
        }
    }
}

struct StatementOfApplicability: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "soa",
        abstract: "Write the ISO/IEC 27001:2022 Statement of Applicability for the library.",
        discussion: """
            All 93 Annex A controls: applicable or not (not applicable only when every implementing \
            control is, with its justification), the reason for inclusion (the reasons recorded for \
            the implementing controls, and legal where one maps to a GDPR article; left empty, and \
            said so, when none is recorded), the implementing controls, their status and evidence.
            """
    )

    @OptionGroup var library: LibraryOptions
    @OptionGroup var asOf: AsOfOption
    @Option(name: .shortAndLong, help: ArgumentHelp("The workbook to write.", valueName: "file")) var output: String

    func run() throws {
        try runReportingErrors { diagnostics in
            try writeStatementOfApplicability(try library.context(diagnostics), asOf: asOf.asOf, destination: output)
        }
    }
}

struct Gaps: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List a framework's requirements that no implemented control covers with live evidence."
    )

    @Option(help: "The framework.") var framework: String
    @OptionGroup var listing: ListingOptions
    @OptionGroup var asOf: AsOfOption

    func run() throws {
        try runReportingErrors { diagnostics in
            try listGaps(
                try listing.library.context(diagnostics),
                framework: framework,
                asOf: asOf.asOf,
                format: listing.format,
                destination: listing.output.destination
            )
        }
    }
}
