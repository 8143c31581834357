import ArgumentParser
import Pipeline

/// Hidden commands that `make bench` times; not part of the user's interface.
struct BenchPatch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-patch",
        abstract: "Write text into one column of every row of a workbook's first sheet (for make bench).",
        shouldDisplay: false
    )

    @Argument var file: String
    @Argument var column: String
    @Argument var output: String

    func run() throws {
        try runReportingErrors {
            let count = try benchmarkPatch(path: file, column: column, text: "Yes", destination: output)
            warnOnStandardError("wrote \(count) cells")
        }
    }
}
