public import ArgumentParser
import Foundation
public import Pipeline
import Questionnaire

/// The options that say how to read a questionnaire and which library to answer it from.
struct AnsweringOptionsGroup: ParsableArguments {
    @Argument(help: "The questionnaire (XLSX, XLSM, CSV, or a VSAQ template).") var file: String
    @Option(
        name: .customLong("library"),
        help: ArgumentHelp(
            "Library files: controls, answers (JSON, YAML, CSV, XLSX) or a folder of them; repeat for several.",
            valueName: "file"
        )
    )
    var libraries: [String] = []
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
    @Option(help: "Read only this sheet.") var sheet: String?

    var request: AnsweringRequest {
        AnsweringRequest(
            file: file,
            libraryFiles: libraries + statuses + evidence,
            previousQuestionnaires: previous,
            detection: DetectionOptions(sheet: sheet)
        )
    }
}

/// Prints a warning line on standard error.
func warnOnStandardError(_ line: String) {
    var standardError = StandardError()
    print(line, to: &standardError)
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

    @OptionGroup var input: AnsweringOptionsGroup
    @Option(help: "Output format.") var format: MapFormat = .table
    @OptionGroup var outputOptions: OutputOptions

    func run() throws {
        try runReportingErrors {
            try mapQuestionnaire(
                input.request,
                format: format,
                warn: warnOnStandardError,
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

    @OptionGroup var input: AnsweringOptionsGroup
    @Option(help: ArgumentHelp("Judge evidence expiry on this day (YYYY-MM-DD; default today).", valueName: "date"))
    var asOf: String?
    @Flag(help: "Replace answers already in the file.") var overwrite = false
    @Option(help: "Format of the answers document.") var format: AnswerFormat = .json
    @Option(
        name: .shortAndLong,
        help: ArgumentHelp(
            "Where to write: a copy of the questionnaire filled with the answers when the name has its extension (.xlsx, .xlsm), else the answers document.",
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
        try runReportingErrors {
            let inputExtension = (input.file as NSString).pathExtension.lowercased()
            let fills = output.map { ($0 as NSString).pathExtension.lowercased() == inputExtension } ?? false
            let destination: OutputDestination? =
                fills ? answers.map { .file($0) } : output.map { .file($0) } ?? .standardOutput
            let summary = try answerQuestionnaire(
                input.request,
                asOf: asOf,
                overwrite: overwrite,
                format: format,
                warn: warnOnStandardError,
                destination: destination,
                filledCopy: fills ? output : nil,
                reviewList: review
            )
            warnOnStandardError(summary)
        }
    }
}

struct LibraryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "library",
        abstract: "Work on the answer library.",
        subcommands: [Check.self]
    )

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report duplicate and conflicting answers, and answers pointing at unknown controls.",
            discussion: "Exit status 65 when there is a conflict or an unknown reference; duplicates alone exit 0."
        )

        @Argument(help: "The library files (or folders).") var files: [String]
        @Option(help: "Output format.") var format: ListingFormat = .table
        @OptionGroup var outputOptions: OutputOptions

        func run() throws {
            try runReportingErrors {
                guard try checkAnswerLibrary(files: files, format: format, destination: outputOptions.destination)
                else {
                    throw ExitCode(65)
                }
            }
        }
    }
}

extension MapFormat: ExpressibleByArgument {}
extension AnswerFormat: ExpressibleByArgument {}

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List every part and cell that differs between a questionnaire and a filled copy."
    )
    @Argument(help: "The original file.") var original: String
    @Argument(help: "The filled copy.") var filled: String
    @Option(help: "Output format.") var format: DiffFormat = .text
    @Flag(help: "Exit with status 1 when the files differ.") var exitCode = false
    @OptionGroup var outputOptions: OutputOptions

    func run() throws {
        var differ = false
        try runReportingErrors {
            differ = try diffWorkbooks(
                original: original,
                filled: filled,
                format: format,
                destination: outputOptions.destination
            )
        }
        if differ && exitCode { throw ExitCode(1) }
    }
}

extension DiffFormat: ExpressibleByArgument {}
