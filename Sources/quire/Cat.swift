public import ArgumentParser
public import Pipeline

struct Cat: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print what was read from a spreadsheet, cell by cell and typed.",
        discussion: """
            Formats: text (reference, type, value per line), json (Schemas/cat.schema.json), \
            csv (one sheet as RFC 4180 CSV from A1 to the last used cell; formulas as cached values, \
            dates as ISO 8601), count (read and type every cell, print counts only).
            """
    )

    @Argument(help: "The XLSX, XLSM or CSV file to read.")
    var file: String

    @Option(help: "Print only this sheet (required for csv when the workbook has several).")
    var sheet: String?

    @Option(help: "Output format.")
    var format: CatFormat = .text

    @OptionGroup var outputOptions: OutputOptions

    func run() throws {
        try runReportingErrors {
            try catSpreadsheet(
                path: file,
                sheetName: sheet,
                format: format,
                destination: outputOptions.destination
            )
        }
    }
}

extension CatFormat: ExpressibleByArgument {}
