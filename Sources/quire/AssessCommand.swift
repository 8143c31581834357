import ArgumentParser
import Pipeline

struct Assess: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Judge vendors from the questionnaires they filled in: coverage per requirement, follow-ups, scores.",
        discussion: """
            Every answer is read whatever words or marks the file uses (Y, TRUE, "1) Yes", \
            Compliant, a mark under a choice, "Yes, all data is encrypted…", "No. We do not…") and \
            kept with its raw value and how sure the reading is; text that says neither yes nor no is \
            "unclear", never guessed. Each item is mapped onto controls and requirements as quire map \
            does, and a Yes to a question where Yes is the bad answer ("Have you had a breach?") counts \
            against the vendor. Follow-ups: No, partial and unclear answers, bad answers to risk \
            questions, and unanswered items on requirements nothing else in the files answers. The \
            score of a framework is (supported + 0.5 × partial) / (supported + partial + contradicted \
            + unclear + unanswered) over its requirements; the workbook computes it in its cells. The \
            output's extension chooses the form: .xlsx (summary, scores, comparison, follow-ups with \
            the cell in the vendor's file, one sheet per vendor), .csv (every item), .json \
            (Schemas/assessment.schema.json; the default on standard output).
            """
    )

    @Argument(help: "The vendors' filled questionnaires (XLSX, XLSM, CSV).") var files: [String]
    @Option(
        help: ArgumentHelp(
            "The vendor's name: once per file in their order, or once for all (default: each file's name).",
            valueName: "name"
        )
    )
    var vendor: [String] = []
    @Option(
        help: ArgumentHelp(
            "Frameworks to assess against, comma-separated (default: every framework of the library).",
            valueName: "ids"
        )
    )
    var frameworks: String?
    @OptionGroup var library: LibraryOptions
    @OptionGroup var reading: ReadingOptionsGroup
    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file (.xlsx, .csv, .json).", valueName: "file"))
    var output: String?

    var request: AssessRequest {
        AssessRequest(
            files: files,
            vendors: vendor,
            frameworks: frameworks.map(OptionCheck.frameworkNames) ?? [],
            libraryFiles: library.files,
            reading: reading.reading,
            output: output
        )
    }

    func validate() throws {
        if let frameworks, OptionCheck.frameworkNames(frameworks).contains(where: \.isEmpty) {
            throw ValidationError(
                "--frameworks \"\(frameworks)\" has an empty name; separate framework ids with single commas"
            )
        }
        if let problem = request.problem { throw ValidationError(problem) }
    }

    func run() throws {
        try runReportingErrors { diagnostics in try assessVendors(request, diagnostics: diagnostics) }
    }
}
