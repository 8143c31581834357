import ArgumentParser
import Pipeline

struct History: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the recorded runs of a pipeline, or show what changed between two.",
        subcommands: [List.self, Changes.self, Shards.self],
        defaultSubcommand: List.self
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the recorded runs, oldest first.")

        @Argument(help: "The pipeline config.") var config: String
        @OptionGroup var outputOptions: OutputOptions

        func run() throws {
            try runReportingErrors { _ in try listHistory(config: config, destination: outputOptions.destination) }
        }
    }

    struct Changes: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff",
            abstract: "What changed between two runs (default: the last two).",
            discussion: """
                Inputs new or changed, evidence newly expired or failing (and live again), gaps \
                opened and closed, answers whose value changed (with the reason), new review items.
                """
        )

        @Argument(help: "The pipeline config.") var config: String
        @Argument(help: "The earlier run.") var from: Int64?
        @Argument(help: "The later run.") var to: Int64?
        @OptionGroup var outputOptions: OutputOptions

        func run() throws {
            try runReportingErrors { _ in
                try diffHistory(config: config, from: from, to: to, destination: outputOptions.destination)
            }
        }
    }

    struct Shards: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The shards of a run recorded so far, with their times, and those missing.",
            discussion: """
                One line per shard: its number, the questionnaires it answered, its seconds and its \
                seconds in the database; then the shards not recorded yet. Exit 0 when all are \
                recorded, 1 when some are missing.
                """
        )

        @Argument(help: "The pipeline config.") var config: String
        @Argument(help: "The run's id (--run-id).") var runID: String
        @OptionGroup var outputOptions: OutputOptions

        func run() throws {
            var complete = true
            try runReportingErrors { _ in
                complete = try listShards(config: config, runID: runID, destination: outputOptions.destination)
            }
            if !complete { throw ExitCode(1) }
        }
    }
}
