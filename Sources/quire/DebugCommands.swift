import ArgumentParser
import Pipeline

/// Commands that `make bench` and the oracle tests run; hidden from the user's help.
struct Debug: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Commands for the benchmarks and the oracle tests (not part of the user's interface).",
        shouldDisplay: false,
        subcommands: [Patch.self, SampleWorkbook.self, WriteBench.self, Signals.self]
    )

    struct Patch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write text into one column of every row of a workbook's first sheet (for make bench)."
        )

        @Argument var file: String
        @Argument var column: String
        @Argument var output: String
        @Option(help: "The last row (default: read the sheet to find it).") var rows: Int?
        @Option(help: "The text to write.") var text = "Yes"

        func run() throws {
            try runReportingErrors { diagnostics in
                let count = try benchmarkPatch(path: file, column: column, rows: rows, text: text, destination: output)
                diagnostics.note("wrote \(count) cells")
            }
        }
    }

    struct SampleWorkbook: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sample-workbook",
            abstract: "Write the workbook that exercises every writer feature (for the oracle tests)."
        )

        @Argument var output: String

        func run() throws {
            try runReportingErrors { _ in try writeSampleWorkbook(to: output) }
        }
    }

    struct WriteBench: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "write-bench",
            abstract: "Write the writer benchmark's generated workbook (for make bench)."
        )

        @Argument var rows: Int
        @Argument var output: String
        @Option(help: "The zlib level, 1 to 9.") var level = 6

        func validate() throws {
            guard (1...9).contains(level) else { throw ValidationError("--level is from 1 to 9, not \(level)") }
        }

        func run() throws {
            try runReportingErrors { _ in try writeBenchmarkWorkbook(rows: rows, level: level, to: output) }
        }
    }

    struct Signals: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print each answer's basis, review reasons and confidence signals as JSON (for make calibrate)."
        )

        @OptionGroup var input: AnsweringInput
        @OptionGroup var asOf: AsOfOption

        func run() throws {
            try runReportingErrors { diagnostics in
                try answerSignals(input.request, asOf: asOf.asOf, diagnostics: diagnostics)
            }
        }
    }
}
