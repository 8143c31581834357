public import ArgumentParser
public import Pipeline

struct Sheets: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List each sheet with its extent, visibility, merged ranges and data validations.",
        discussion:
            "List validations are resolved to their allowed values, following ranges on other sheets and defined names."
    )

    @Argument(help: "The workbook or CSV file to describe.")
    var file: String

    @Option(help: "Output format.")
    var format: SheetsFormat = .text

    @OptionGroup var outputOptions: OutputOptions

    func run() throws {
        try runReportingErrors {
            try describeSheets(path: file, format: format, destination: outputOptions.destination)
        }
    }
}

extension SheetsFormat: ExpressibleByArgument {}
