public import ArgumentParser
public import Pipeline
import Questionnaire

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show how a questionnaire was read: the layout of each sheet, then its items.",
        discussion: """
            Questions, answer cells and allowed answers are found without hints; when detection is \
            wrong, name the sheet, rows and columns with the options below, or give a layout profile.
            """
    )

    @Argument(help: "The questionnaire (XLSX, XLSM, CSV, or a VSAQ template).") var file: String
    @Option(help: "Read only this sheet.") var sheet: String?
    @Option(help: "The header row (1-based).") var headerRow: Int?
    @Option(help: ArgumentHelp("The column holding the questions.", valueName: "letter")) var questionColumn: String?
    @Option(help: ArgumentHelp("The column the answers go in.", valueName: "letter")) var answerColumn: String?
    @Option(help: ArgumentHelp("The column comments or explanations go in.", valueName: "letter")) var commentColumn:
        String?
    @Option(help: ArgumentHelp("The column holding the question ids.", valueName: "letter")) var idColumn: String?
    @Option(help: ArgumentHelp("Use this layout profile (a name, or a YAML file).", valueName: "profile"))
    var profile: String?
    @Flag(help: "List every item in the table output.") var verbose = false
    @Option(help: "Output format.") var format: InspectFormat = .table
    @OptionGroup var outputOptions: OutputOptions

    func run() throws {
        try runReportingErrors {
            var options = DetectionOptions(
                sheet: sheet,
                headerRow: headerRow,
                questionColumn: questionColumn,
                answerColumn: answerColumn,
                commentColumn: commentColumn,
                idColumn: idColumn
            )
            if let profile { try options.useProfile(profile) }
            try inspectQuestionnaire(
                path: file,
                options: options,
                format: format,
                verbose: verbose,
                destination: outputOptions.destination
            )
        }
    }
}

extension InspectFormat: ExpressibleByArgument {}
