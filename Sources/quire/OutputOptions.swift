import ArgumentParser
import Pipeline

/// The `--output` option the commands share.
struct OutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output.")
    var output: String?

    /// Where the command's result goes.
    var destination: OutputDestination { output.map { .file($0) } ?? .standardOutput }
}
