import ArgumentParser
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
            (each named with its line; --check only checks).
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

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs is at least 1, not \(jobs)") }
    }

    func run() throws {
        var status: Int32 = 0
        try runReportingErrors { diagnostics in
            status = try runPipeline(
                RunRequest(config: config, jobs: jobs, check: check, quiet: quiet, verbose: verbose, asOf: asOf),
                diagnostics: diagnostics
            )
        }
        if status != 0 { throw ExitCode(status) }
    }
}
