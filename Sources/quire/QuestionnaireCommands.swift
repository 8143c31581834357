import ArgumentParser
import Pipeline

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show how a questionnaire was read: the layout of each sheet, then its items.",
        discussion: """
            Questions, answer cells and allowed answers are found without hints; when detection is \
            wrong, name the sheet, rows and columns with the options below, or give a layout profile.
            """
    )

    @Argument(help: "The questionnaire (XLSX, XLSM, CSV, or a VSAQ template).") var file: String
    @OptionGroup var reading: ReadingOptionsGroup
    @Flag(help: "List every item in the table output.") var verbose = false
    @Option(help: "Output format.") var format: InspectFormat = .table
    @OptionGroup var outputOptions: OutputOptions

    func run() throws {
        try runReportingErrors { _ in
            try inspectQuestionnaire(
                path: file,
                reading: reading.reading,
                format: format,
                verbose: verbose,
                destination: outputOptions.destination
            )
        }
    }
}

struct Map: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what each questionnaire item is about: its controls and framework requirements.",
        discussion: """
            Items are matched to controls by their words (security synonyms, stems, BM25 weights) and \
            by any requirement they cite (CC6.1, A.8.5, Art. 32, PR.AA-01); the requirements are \
            those the matching controls map to, best first.
            """
    )

    @OptionGroup var input: AnsweringInput
    @Option(help: "Output format.") var format: MapFormat = .table
    @OptionGroup var outputOptions: OutputOptions

    func run() throws {
        try runReportingErrors { diagnostics in
            try mapQuestionnaire(
                input.request,
                format: format,
                diagnostics: diagnostics,
                destination: outputOptions.destination
            )
        }
    }
}

struct Answer: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Answer a questionnaire from the library, saying what each answer rests on.",
        discussion: """
            Bases, in order: an approved past answer to the same question; controls implemented \
            with passing, unexpired evidence; controls partial or planned; controls not applicable. \
            Anything weaker goes to review and nothing is written for it. Answers already in the \
            file are kept unless --overwrite. A summary goes to standard error.
            """
    )

    @OptionGroup var input: AnsweringInput
    @OptionGroup var asOf: AsOfOption
    @Flag(help: "Replace answers already in the file.") var overwrite = false
    @Option(help: "Format of the answers document.") var format: AnswerFormat = .json
    @Option(
        name: .shortAndLong,
        help: ArgumentHelp(
            "Where to write: a copy of the questionnaire filled with the answers when the name has its extension (.xlsx, .xlsm, .csv; .json for a VSAQ template), else the answers document.",
            valueName: "file"
        )
    )
    var output: String?
    @Option(help: ArgumentHelp("Also write the answers document here when -o names a filled copy.", valueName: "file"))
    var answers: String?
    @Option(
        help: ArgumentHelp(
            "Write the review list here (.csv, or .xlsx for a workbook with a Decision column); default FILLED.review.csv.",
            valueName: "file"
        )
    )
    var review: String?

    func run() throws {
        try runReportingErrors { diagnostics in
            try answerQuestionnaire(
                input.request,
                asOf: asOf.asOf,
                overwrite: overwrite,
                format: format,
                outputs: AnswerOutputs(output: output, answersDocument: answers, reviewList: review),
                diagnostics: diagnostics
            )
        }
    }
}
