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
    @Option(help: "The last row (default: read the sheet to find it).") var rows: Int?

    func run() throws {
        try runReportingErrors {
            let count = try benchmarkPatch(path: file, column: column, rows: rows, text: "Yes", destination: output)
            warnOnStandardError("wrote \(count) cells")
        }
    }
}

struct DebugSampleWorkbook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "debug-sample-workbook",
        abstract: "Write the workbook that exercises every writer feature (for the oracle tests).",
        shouldDisplay: false
    )

    @Argument var output: String

    func run() throws {
        try runReportingErrors { try writeSampleWorkbook(to: output) }
    }
}

struct DebugWriteBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "debug-write-bench",
        abstract: "Write the writer benchmark's generated workbook (for make bench).",
        shouldDisplay: false
    )

    @Argument var rows: Int
    @Argument var output: String
    @Option(help: "The zlib level, 1 to 9.") var level = 6

    func run() throws {
        try runReportingErrors { try writeBenchmarkWorkbook(rows: rows, level: level, to: output) }
    }
}
