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
    @Flag(
        help: ArgumentHelp(
            "Also write the proposals that need review into the filled copy (allowed values only, never a Yes to a risk question); the review list marks them."
        )
    )
    var writeProposals = false
    @Option(
        help: ArgumentHelp(
            "Write answers derived from controls without review from this confidence (0 to 1) up, on your own judgement; by default only from the calibrated threshold, and there is none yet (see the README).",
            valueName: "confidence"
        )
    )
    var writeFrom: Double?

    func validate() throws {
        if let writeFrom, !(0...1).contains(writeFrom) {
            throw ValidationError("--write-from is a confidence from 0 to 1, not \(writeFrom)")
        }
    }

    func run() throws {
        try runReportingErrors { diagnostics in
            try answerQuestionnaire(
                input.request,
                asOf: asOf.asOf,
                overwrite: overwrite,
                writeFrom: writeFrom,
                format: format,
                outputs: AnswerOutputs(
                    output: output,
                    answersDocument: answers,
                    reviewList: review,
                    writeProposals: writeProposals
                ),
                diagnostics: diagnostics
            )
        }
    }
}

struct Apply: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a reviewer's accepted and changed answers into the filled copy, and learn them.",
        discussion: """
            Reads the Decision (Accept, Change, Reject), Final answer and Final comment columns of \
            the review list quire answer wrote, and writes the accepted proposals and the changed \
            answers into the filled copy with the same in-place patcher (only those cells change; \
            drop-down values only). A Final comment replaces the proposed one. A decision whose \
            answer cell changed since the list was made is refused, and so are an item's decisions \
            on two rows that differ. For VSAQ, --to is VSAQ's answer JSON and --template the \
            template it answers. With \
            --learn, the answers are added to a YAML answer library as approved entries, or update \
            the entry that asks the same question; the file's other lines are kept.
            """
    )

    @Argument(help: ArgumentHelp("The review list with the decisions (.csv or .xlsx).", valueName: "review"))
    var review: String
    @Option(help: ArgumentHelp("The filled copy the review list was made for.", valueName: "file"))
    var to: String
    @Option(
        help: ArgumentHelp(
            "For VSAQ: the template the answers in --to (VSAQ's answer JSON) are for.",
            valueName: "template"
        )
    )
    var template: String?
    @Option(
        name: .shortAndLong,
        help: ArgumentHelp("Write the result here instead of over the filled copy.", valueName: "file")
    )
    var output: String?
    @OptionGroup var reading: ReadingOptionsGroup
    @Option(help: ArgumentHelp("Add the accepted and changed answers to this YAML answer library.", valueName: "file"))
    var learn: String?
    @Option(help: ArgumentHelp("Who approved them (required with --learn).", valueName: "name"))
    var approvedBy: String?
    @OptionGroup var library: LibraryOptions
    @OptionGroup var asOf: AsOfOption

    func validate() throws {
        if learn != nil, (approvedBy ?? "").isEmpty {
            throw ValidationError("--learn needs --approved-by NAME: learned answers say who approved them")
        }
    }

    func run() throws {
        try runReportingErrors { diagnostics in
            try applyReview(
                ApplyRequest(
                    reviewList: review,
                    filledCopy: to,
                    output: output,
                    reading: reading.reading,
                    learn: learn,
                    approvedBy: approvedBy,
                    libraryFiles: library.files,
                    asOf: asOf.asOf,
                    template: template
                ),
                diagnostics: diagnostics
            )
        }
    }
}
