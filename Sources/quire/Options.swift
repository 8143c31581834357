public import ArgumentParser
public import Pipeline

/// `-o/--output`, which the listing commands share.
struct OutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    /// Where the command's result goes.
    var destination: OutputDestination { output.map { .file($0) } ?? .standardOutput }
}

/// `--library`, repeatable: library files laid over the built-in library.
struct LibraryOptions: ParsableArguments {
    @Option(
        name: .customLong("library"),
        help: ArgumentHelp(
            "Library files (JSON, YAML, CSV, XLSX: controls, answers, status, evidence) or folders of them, laid over the built-in library; repeat for several.",
            valueName: "file"
        )
    )
    var files: [String] = []

    /// Loads the library; its warnings go to `diagnostics`.
    func context(_ diagnostics: Diagnostics) throws -> LibraryContext {
        try LibraryContext(libraryFiles: files, diagnostics: diagnostics)
    }
}

/// `--library`, `--format` and `-o`: what every listing command takes.
struct ListingOptions: ParsableArguments {
    @OptionGroup var library: LibraryOptions
    @Option(help: "Output format (xlsx: a workbook that prints, to -o FILE or a pipe).") var format: ListingFormat =
        .table
    @OptionGroup var output: OutputOptions
}

/// `--as-of`: the day evidence expiry is judged on, checked before anything is read.
struct AsOfOption: ParsableArguments {
    @Option(help: ArgumentHelp("Judge evidence expiry on this day (YYYY-MM-DD; default today).", valueName: "date"))
    var asOf: String?

    func validate() throws {
        if let asOf, let problem = OptionCheck.problem(withDay: asOf) { throw ValidationError(problem) }
    }
}

/// The options that say where a questionnaire's questions and answer cells are, when detection
/// guesses wrong.
struct ReadingOptionsGroup: ParsableArguments {
    @Option(help: "Read only this sheet.") var sheet: String?
    @Option(help: "The header row (1-based).") var headerRow: Int?
    @Option(help: ArgumentHelp("The column holding the questions.", valueName: "letter")) var questionColumn: String?
    @Option(help: ArgumentHelp("The column the answers go in.", valueName: "letter")) var answerColumn: String?
    @Option(help: ArgumentHelp("The column comments or explanations go in.", valueName: "letter"))
    var commentColumn: String?
    @Option(help: ArgumentHelp("The column holding the question ids.", valueName: "letter")) var idColumn: String?
    @Option(help: ArgumentHelp("Use this layout profile (a name, or a YAML file).", valueName: "profile"))
    var profile: String?
    @Option(
        help: ArgumentHelp(
            "The product the questionnaire asks about: answered from library answers for that product or for the whole organisation, and learned for it by apply --learn.",
            valueName: "name"
        )
    )
    var product: String?

    func validate() throws {
        if let headerRow, headerRow < 1 { throw ValidationError("--header-row counts from 1, not \(headerRow)") }
        if let product, product.allSatisfy(\.isWhitespace) {
            throw ValidationError("--product needs a product's name")
        }
        let columns = [
            ("--question-column", questionColumn), ("--answer-column", answerColumn),
            ("--comment-column", commentColumn), ("--id-column", idColumn),
        ]
        for case (let option, let letter?) in columns where !OptionCheck.isColumnLetter(letter) {
            throw ValidationError("\(option) \"\(letter)\" is not a column letter (A to XFD)")
        }
    }

    var reading: ReadingOptions {
        ReadingOptions(
            sheet: sheet,
            headerRow: headerRow,
            questionColumn: questionColumn,
            answerColumn: answerColumn,
            commentColumn: commentColumn,
            idColumn: idColumn,
            profile: profile,
            product: product
        )
    }
}

/// The questionnaire and the library to answer it from: what `map` and `answer` share.
struct AnsweringInput: ParsableArguments {
    @Argument(help: "The questionnaire (XLSX, XLSM, CSV, or a VSAQ template).") var file: String
    @OptionGroup var library: LibraryOptions
    @Option(
        name: .customLong("status"),
        help: ArgumentHelp("Implementation status files (as --library).", valueName: "file")
    )
    var statuses: [String] = []
    @Option(
        name: .customLong("evidence"),
        help: ArgumentHelp("Evidence inventory files (as --library).", valueName: "file")
    )
    var evidence: [String] = []
    @Option(
        name: .customLong("previous"),
        help: ArgumentHelp("An earlier filled questionnaire whose answers count as past answers.", valueName: "file")
    )
    var previous: [String] = []
    @OptionGroup var reading: ReadingOptionsGroup

    var request: AnsweringRequest {
        AnsweringRequest(
            file: file,
            libraryFiles: library.files + statuses + evidence,
            previousQuestionnaires: previous,
            reading: reading.reading
        )
    }
}

/// Runs a command body with a diagnostics collector on standard error, and turns its errors into
/// a message on standard error and a sysexits code (``Failure``).
func runReportingErrors(_ body: (Diagnostics) throws -> Void) throws {
    do {
        try checkEnvironment()
        try body(Diagnostics.standardError())
    } catch let error as ExitCode {
        throw error
    } catch {
        let failure = Failure(error)
        var standardError = StandardError()
        print("error: \(failure.message)", to: &standardError)
        throw ExitCode(failure.exitCode)
    }
}

extension CatFormat: ExpressibleByArgument {}
extension SheetsFormat: ExpressibleByArgument {}
extension InspectFormat: ExpressibleByArgument {}
extension MapFormat: ExpressibleByArgument {}
extension AnswerFormat: ExpressibleByArgument {}
extension DiffFormat: ExpressibleByArgument {}
extension ListingFormat: ExpressibleByArgument {}
