import ArgumentParser
import Foundation
import Pipeline

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the stages a pipeline config names: answer, assess, crosswalk, SoA, gaps, and a report.",
        discussion: """
            The config (YAML, Schemas/pipeline.schema.json) names the library, the questionnaires to \
            answer and the vendors' questionnaires to assess (globs, relative to the config), the \
            reports, and the output folder. Questionnaires are answered at once, --jobs at a time \
            (default: the cores); the outputs do not depend on the order they finish in. A file that \
            cannot be read is reported and the rest still run. The output folder gets answers/ (a \
            filled copy and a review list per questionnaire), vendors.xlsx and vendors.json, \
            crosswalk.xlsx, soa.xlsx, gaps-FRAMEWORK.csv, run.json, run.md and report.html (one \
            self-contained page). On a terminal a progress bar shows files done, items answered, \
            elapsed and remaining time; otherwise (cron, CI) a plain log line per file on standard \
            error: UTC time, level, event, then sorted key=value pairs. Exit codes: 0 done; 1 done, but answers need review or vendor \
            answers a follow-up; 2 some inputs failed (the rest ran); 65 the config has errors \
            (each named with its line; --check only checks). Beyond one machine: --shard K/N answers \
            the K-th of N shares of the questionnaires (by the hash of each file's bytes) and records \
            it under --run-id; once all are recorded, --assemble ID writes the crosswalk, SoA, gaps, \
            vendors and report as one run would. --shards N takes K from JOB_COMPLETION_INDEX \
            (Kubernetes indexed jobs, from 0) or QUIRE_SHARD (from 1); QUIRE_RUN_ID stands for \
            --run-id. A shard run again replaces what it recorded before.
            """
    )

    @Argument(help: "The pipeline config (YAML).") var config: String
    @Option(help: ArgumentHelp("Questionnaires answered at once (default: the cores).", valueName: "n")) var jobs: Int?
    @Flag(help: "Check the config and say what would run; run nothing.") var check = false
    @Option(
        help: ArgumentHelp(
            "The day evidence is judged on, over the config's as_of (default: today).",
            valueName: "YYYY-MM-DD"
        )
    ) var asOf: String?
    @Flag(help: "No progress bar, log lines or summary: only warnings and errors.") var quiet = false
    @Flag(help: "A log line per file and per stage, with timings, on a terminal too.") var verbose = false
    @Option(help: ArgumentHelp("Answer only the K-th of N shares of the questionnaires.", valueName: "K/N"))
    var shard: String?
    @Option(
        help: ArgumentHelp(
            "Answer one of N shares, K from JOB_COMPLETION_INDEX (from 0) or QUIRE_SHARD (from 1).",
            valueName: "N"
        )
    ) var shards: Int?
    @Option(help: ArgumentHelp("The run's id, the same for its shards (default: QUIRE_RUN_ID).", valueName: "id"))
    var runID: String?
    @Option(help: ArgumentHelp("Assemble the run with this id from its recorded shards.", valueName: "id"))
    var assemble: String?
    @Flag(help: "Assemble even if shards are missing (the report names them).") var allowMissing = false
    @Option(help: ArgumentHelp("Wait up to this long for the shards before assembling.", valueName: "seconds"))
    var wait: Double?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs is at least 1, not \(jobs)") }
        if shard != nil, shards != nil { throw ValidationError("give --shard K/N or --shards N, not both") }
        if assemble != nil, shard != nil || shards != nil {
            throw ValidationError("--assemble completes a sharded run; it takes no --shard")
        }
        if assemble == nil, allowMissing || wait != nil {
            throw ValidationError("--allow-missing and --wait go with --assemble")
        }
        if let wait, wait < 0 { throw ValidationError("--wait is seconds, at least 0") }
        _ = try shardRequested()
    }

    /// The shard asked for, from --shard K/N, or --shards N and the environment.
    func shardRequested() throws -> (index: Int, count: Int)? {
        let environment = ProcessInfo.processInfo.environment
        let index: Int
        let count: Int
        if let shard {
            let parts = shard.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]) else {
                throw ValidationError("--shard is K/N (the K-th of N shares, from 1), not \(shard)")
            }
            (index, count) = (k, n)
        } else if let shards {
            if let value = environment["JOB_COMPLETION_INDEX"], let zeroBased = Int(value) {
                index = zeroBased + 1
            } else if let value = environment["QUIRE_SHARD"], let oneBased = Int(value) {
                index = oneBased
            } else {
                throw ValidationError(
                    "--shards \(shards) takes the shard from JOB_COMPLETION_INDEX or QUIRE_SHARD; neither is set"
                )
            }
            count = shards
        } else {
            return nil
        }
        guard count >= 1, (1...count).contains(index) else {
            throw ValidationError("the shard is 1 to \(count) of \(count), not \(index)")
        }
        return (index, count)
    }

    func run() throws {
        var status: Int32 = 0
        try runReportingErrors { diagnostics in
            status = try runPipeline(
                RunRequest(
                    config: config,
                    jobs: jobs,
                    check: check,
                    quiet: quiet,
                    verbose: verbose,
                    asOf: asOf,
                    shard: try shardRequested(),
                    runID: runID ?? ProcessInfo.processInfo.environment["QUIRE_RUN_ID"],
                    assemble: assemble,
                    allowMissing: allowMissing,
                    waitSeconds: wait
                ),
                diagnostics: diagnostics
            )
        }
        if status != 0 { throw ExitCode(status) }
    }
}
