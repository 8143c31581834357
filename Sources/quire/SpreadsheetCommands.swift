import ArgumentParser
import Pipeline

struct Sheets: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List each sheet with its extent, visibility, merged ranges and data validations.",
        discussion:
            "List validations are resolved to their allowed values, following ranges on other sheets and defined names."
    )

    @Argument(help: "The workbook or CSV file to describe.") var file: String
    @Option(help: "Output format.") var format: SheetsFormat = .text
    @OptionGroup var outputOptions: OutputOptions

    func run() throws {
        try runReportingErrors { _ in
            try describeSheets(path: file, format: format, destination: outputOptions.destination)
        }
    }
}

struct Cat: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print what was read from a spreadsheet, cell by cell and typed.",
        discussion: """
            Formats: text (reference, type, value per line, then the formula and what the cell's \
            number format shows, when they differ: "shown 97%"), json (Schemas/cat.schema.json; \
            `shown` likewise), \
            csv (one sheet as RFC 4180 CSV from A1 to the last used cell; formulas as cached values, \
            dates as ISO 8601; a text cell starting with =, +, -, @, a tab or a carriage return gets \
            a leading apostrophe, so that no spreadsheet program runs it), count (read and type every \
            cell, print counts only).
            """
    )

    @Argument(help: "The XLSX, XLSM or CSV file to read.") var file: String
    @Option(help: "Print only this sheet (required for csv when the workbook has several).") var sheet: String?
    @Option(help: "Output format.") var format: CatFormat = .text
    @OptionGroup var outputOptions: OutputOptions

    func run() throws {
        try runReportingErrors { _ in
            try catSpreadsheet(path: file, sheetName: sheet, format: format, destination: outputOptions.destination)
        }
    }
}

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
        try runReportingErrors { _ in
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
