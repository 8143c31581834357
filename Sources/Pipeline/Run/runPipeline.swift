import Answering
import ControlModel
import Foundation
public import Logging
import Questionnaire
import Reports
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// What `quire run` is asked to do.
public struct RunRequest: Sendable {
    /// The pipeline config.
    public var config: String
    /// How many questionnaires are answered at once (default: the cores).
    public var jobs: Int?
    /// Only check the config and say what would run.
    public var check: Bool
    /// No progress and no summary lines.
    public var quiet: Bool
    /// A line per file as it finishes, and the stages' timings.
    public var verbose: Bool
    /// The day evidence is judged on, `YYYY-MM-DD`, over the config's `as_of` (default: today).
    public var asOf: String?
    /// Where the run's log lines go.
    ///
    /// By default (nil) plain lines on standard error when it is not
    /// a terminal (a terminal gets a progress bar instead): info, debug with `verbose`, only
    /// warnings with `quiet`.
    public var logger: Logger?

    /// A request.
    public init(
        config: String,
        jobs: Int? = nil,
        check: Bool = false,
        quiet: Bool = false,
        verbose: Bool = false,
        asOf: String? = nil,
        logger: Logger? = nil
    ) {
        self.asOf = asOf
        self.config = config
        self.jobs = jobs
        self.check = check
        self.quiet = quiet
        self.verbose = verbose
        self.logger = logger
    }
}

/// The exit codes of `quire run`, for cron and CI.
public enum RunExit: Sendable {
    /// Everything ran and nothing needs a person.
    public static let done: Int32 = 0
    /// Everything ran; answers need review (or vendor answers a follow-up).
    public static let review: Int32 = 1
    /// Some inputs could not be read or answered; the rest ran.
    public static let inputsFailed: Int32 = 2
}

/// What became of one input file.
public struct FileOutcome: Sendable, Hashable {
    /// The file.
    public var file: String
    /// `questionnaire` or `vendor`.
    public var kind: String
    /// Why it failed, or nil when it ran.
    public var error: String?
    /// Items read.
    public var items = 0
    /// Answers written without review.
    public var answered = 0
    /// Answers proposed for review.
    public var review = 0
    /// Items with no answer.
    public var unanswered = 0
    /// The files written for it, relative to the output folder.
    public var outputs: [String] = []
    /// The recorded run whose results it reused (its bytes and the library unchanged, and the
    /// evidence its answers consulted in the same state).
    public var reusedFrom: Int64?
    /// The evidence its answers consulted (``Answer/consultedEvidence``).
    public var consultedEvidence: Set<String> = []
    /// Seconds spent on it: reading, answering and writing (or finding its results to reuse).
    public var seconds = 0.0
}

/// `quire run`: runs a pipeline config's stages and writes the run's summary and report.
///
/// Questionnaires are answered concurrently, vendors assessed, then the crosswalk, Statement of
/// Applicability and gap lists; `run.json`, `run.md` and `report.html` go into the output folder.
/// Returns the exit code (``RunExit``).
///
/// One file that fails is reported and the others still run. The outputs depend only on the
/// inputs: the same inputs give the same bytes whatever `--jobs` is.
public func runPipeline(_ request: RunRequest, diagnostics: Diagnostics) throws -> Int32 {
    guard FileManager.default.fileExists(atPath: request.config) else {
        throw PipelineError.missingInput(path: request.config)
    }
    // Frameworks are checked against the built-in ones and those the library files add.
    let (probe, _) = RunConfig.read(request.config, frameworks: { _ in true })
    let context = try LibraryContext(libraryFiles: probe?.library ?? [], diagnostics: diagnostics)
    let (read, problems) = RunConfig.read(request.config, frameworks: { context.index.framework(named: $0) != nil })
    guard let config = read else { throw PipelineError.invalidConfig(problems) }
    let jobs = max(1, request.jobs ?? ProcessInfo.processInfo.activeProcessorCount)
    if request.check {
        diagnostics.note(
            "\(request.config): ok; stages \(config.stages.joined(separator: ", ")); \(counted(config.questionnaires.count, "questionnaire")), "
                + "\(counted(config.vendors.count, "vendor file")), output \(config.output)"
        )
        return RunExit.done
    }
    let started = Date()
    let day = try parseDay(request.asOf ?? config.asOf)
    var stageStarted = started
    let terminal = isatty(2) != 0
    let log =
        request.logger
        ?? Logger.run(level: request.quiet ? .warning : request.verbose ? .debug : terminal ? .warning : .info)
    log.info(
        "run started",
        metadata: [
            "config": "\(request.config)", "questionnaires": "\(config.questionnaires.count)",
            "vendors": "\(config.vendors.count)", "jobs": "\(jobs)", "as-of": "\(day)",
        ]
    )
    let history = try RunHistory(path: config.history)
    let answersFolder = config.output + "/answers"
    try FileManager.default.createDirectory(atPath: answersFolder, withIntermediateDirectories: true)
    // Outputs are staged and moved into place only once the run is recorded: a run that fails
    // leaves the previous outputs and history as they were. Runs that died left their staging.
    RunStaging.sweep(config.output)
    let staging = try RunStaging(output: config.output)
    defer { staging.discard() }
    let matcher = Matcher(index: context.index)
    let progress = Progress(total: config.questionnaires.count, shown: terminal && !request.quiet && !request.verbose)
    let names = outputNames(config.questionnaires)

    // Answer: every questionnaire on its own task, at most `jobs` at once; results in file order.
    // Unchanged work is not redone: a questionnaire whose bytes, library and as-of day are those of
    // a recorded run, with that run's outputs still in place, reuses its results.
    let libraryDigest = sha256(Array(canonicalJSON(context.index.library).utf8))
    let inputDigests = Mutex([String: String]())
    let outcomes: [(FileOutcome, [RecordedAnswer])] = concurrently(config.questionnaires.count, jobs: jobs) { index in
        let file = config.questionnaires[index]
        var outcome = FileOutcome(file: file, kind: "questionnaire")
        let begun = Date()
        do {
            let digest = sha256(file: file)
            inputDigests.withLock { $0[file] = digest }
            if let digest,
                let reused = try history.reusable(
                    file: file,
                    sha256: digest,
                    libraryDigest: libraryDigest,
                    evidence: context.index.library.evidence,
                    asOf: day,
                    outputFolder: config.output
                )
            {
                progress.advance(items: reused.answers.count)
                log.info(
                    "reused",
                    metadata: [
                        "file": "\(file)", "items": "\(reused.answers.count)",
                        "run": "\(reused.outcome.reusedFrom ?? 0)",
                    ]
                )
                var outcome = reused.outcome
                outcome.seconds = Date().timeIntervalSince(begun)
                return (outcome, reused.answers)
            }
            let questionnaire = try ReadingOptions().read(file)
            let answers = Answerer(matcher: matcher, options: AnsweringOptions(asOf: day, overwrite: config.overwrite))
                .answer(questionnaire)
            let ext = questionnaire.format == .vsaq ? "json" : (file as NSString).pathExtension.lowercased()
            let filled = "answers/\(names[index]).filled.\(ext)"
            let review = "answers/\(names[index]).review.csv"
            let (bytes, report) = try fill(questionnaire, answers: answers)
            let inReview = Set(answers.filter(\.review).map(\.id))
            let proposals = Set(report.written.filter { $0.part == .answer && inReview.contains($0.item) }.map(\.item))
            var list = ReviewList(answers: answers, questionnaire: questionnaire, written: proposals)
            list.source = URL(fileURLWithPath: file).lastPathComponent
            list.asOf = day
            try staging.stage(bytes, as: filled)
            try staging.stage(list.csv(), as: review)
            outcome.items = answers.count
            outcome.answered = answers.count { $0.value != nil && !$0.review }
            outcome.review = answers.count { $0.value != nil && $0.review }
            outcome.unanswered = answers.count { $0.value == nil }
            outcome.outputs = [filled, review]
            outcome.consultedEvidence = answers.reduce(into: Set<String>()) { $0.formUnion($1.consultedEvidence) }
            outcome.seconds = Date().timeIntervalSince(begun)
            progress.advance(items: answers.count)
            log.info(
                "answered",
                metadata: [
                    "file": "\(file)", "items": "\(outcome.items)", "written": "\(outcome.answered)",
                    "review": "\(outcome.review)", "unanswered": "\(outcome.unanswered)",
                    "seconds": "\(seconds(since: begun))",
                ]
            )
            return (outcome, answers.map(RecordedAnswer.init))
        } catch {
            outcome.error = Failure(error).message
            progress.advance(items: 0)
            log.error("not answered", metadata: ["file": "\(file)", "reason": "\(outcome.error ?? "")"])
            return (outcome, [])
        }
    }
    progress.finish()
    var files = outcomes.map(\.0)
    for outcome in files {
        if let error = outcome.error { diagnostics.warn("\(outcome.file): not answered: \(error)") }
    }
    log.debug("stage done", metadata: ["stage": "answer", "seconds": "\(seconds(since: stageStarted))"])
    stageStarted = Date()
    let reused = files.filter { $0.reusedFrom != nil }.count
    if reused > 0, !request.quiet {
        diagnostics.note(
            "\(counted(reused, "questionnaire")) unchanged since the last run: results reused, not answered again"
        )
    }

    // Assess: the vendors' files that read; each failure said.
    var assessment: AssessmentReport?
    if !config.vendors.isEmpty {
        var read: [(vendor: String, questionnaire: Questionnaire)] = []
        for file in config.vendors {
            let begun = Date()
            do {
                read.append(
                    (
                        URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent,
                        try ReadingOptions().read(file)
                    )
                )
                var outcome = FileOutcome(file: file, kind: "vendor", outputs: ["vendors.xlsx", "vendors.json"])
                outcome.seconds = Date().timeIntervalSince(begun)
                files.append(outcome)
                log.info("read vendor file", metadata: ["file": "\(file)"])
            } catch {
                let message = Failure(error).message
                files.append(FileOutcome(file: file, kind: "vendor", error: message))
                diagnostics.warn("\(file): not assessed: \(message)")
                log.error("not assessed", metadata: ["file": "\(file)", "reason": "\(message)"])
            }
        }
        let frameworks =
            config.assessFrameworks.isEmpty
            ? context.index.library.frameworks : try config.assessFrameworks.map(context.framework)
        let report = AssessmentReport(files: read, matcher: matcher, frameworks: frameworks)
        try staging.stage(try report.workbook(), as: "vendors.xlsx")
        try staging.stage(Array(report.json().utf8), as: "vendors.json")
        assessment = report
        log.debug("stage done", metadata: ["stage": "assess", "seconds": "\(seconds(since: stageStarted))"])
        stageStarted = Date()
    }

    // Reports over the library.
    var written: [String] = []
    if !config.crosswalk.isEmpty {
        let crosswalk = try Crosswalk(
            index: context.index,
            frameworks: try config.crosswalk.map(context.framework),
            asOf: day
        )
        try staging.stage(try crosswalk.workbook(), as: "crosswalk.xlsx")
        written.append("crosswalk.xlsx")
    }
    if config.soa {
        let statement = StatementOfApplicability(
            index: context.index,
            framework: try context.framework("iso27001-2022"),
            asOf: day
        )
        try staging.stage(try statement.workbook(), as: "soa.xlsx")
        written.append("soa.xlsx")
    }
    var coverage: [FrameworkCoverage] = []
    for name in config.gaps {
        let framework = try context.framework(name)
        let framed = context.index.coverage(of: framework, asOf: day)
        coverage.append(framed)
        try staging.stage(GapList(framed).listing.csv(), as: "gaps-\(framework.id).csv")
        written.append("gaps-\(framework.id).csv")
    }

    log.debug("stage done", metadata: ["stage": "reports", "seconds": "\(seconds(since: stageStarted))"])
    stageStarted = Date()

    var summary = RunSummary(
        config: config,
        asOf: day,
        files: files,
        answers: outcomes.flatMap { outcome in outcome.1.map { (outcome.0.file, $0) } },
        assessment: assessment,
        coverage: coverage,
        evidence: context.index.library.evidence,
        written: written
    )
    // The run goes into the history in one transaction, which also reads what changed since the
    // run before it for the report; the transaction commits only once the report is staged too,
    // and then the staged outputs move into place.
    var digests = inputDigests.withLock { $0 }
    for file in config.vendors { digests[file] = sha256(file: file) }
    let run = try history.record(
        summary,
        started: ISO8601DateFormatter().string(from: started),
        seconds: Date().timeIntervalSince(started),
        libraryDigest: libraryDigest,
        digests: digests,
        outputDigest: { staging.digest(of: $0) ?? sha256(file: config.output + "/" + $0) }
    ) { changes, trend in
        summary.changes = changes
        summary.trend = trend
        try staging.stage(Array(summary.json().utf8), as: "run.json")
        try staging.stage(Array(summary.markdown().utf8), as: "run.md")
        try staging.stage(Array(summary.html().utf8), as: "report.html")
    }
    try staging.publish()
    log.info(
        "run finished",
        metadata: [
            "run": "\(run)", "exit": "\(summary.exitCode)", "seconds": "\(seconds(since: started))",
            "reused": "\(reused)", "failed": "\(summary.failed.count)",
        ]
    )
    if !request.quiet { diagnostics.note(summary.line + "; report: \(config.output)/report.html") }
    return summary.exitCode
}

/// Output names for the questionnaires: each file's name without its extension, with `-2`, `-3`
/// for a name two folders share.
func outputNames(_ files: [String]) -> [String] {
    var used: [String: Int] = [:]
    return files.map { file in
        let stem = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        used[stem, default: 0] += 1
        return used[stem] == 1 ? stem : "\(stem)-\(used[stem] ?? 0)"
    }
}

/// Runs `body` for 0..<count on at most `jobs` tasks at once (structured concurrency: a task
/// group), and returns the results in index order whatever order they finish in.
func concurrently<Result: Sendable>(
    _ count: Int,
    jobs: Int,
    _ body: @escaping @Sendable (Int) -> Result
) -> [Result] {
    guard count > 0 else { return [] }
    let results = Mutex([Result?](repeating: nil, count: count))
    let finished = DispatchSemaphore(value: 0)
    Task {
        await withTaskGroup(of: (Int, Result).self) { group in
            var next = 0
            while next < min(jobs, count) {
                let index = next
                group.addTask { (index, body(index)) }
                next += 1
            }
            while let (index, value) = await group.next() {
                results.withLock { $0[index] = value }
                if next < count {
                    let more = next
                    group.addTask { (more, body(more)) }
                    next += 1
                }
            }
        }
        finished.signal()
    }
    finished.wait()
    return results.withLock { $0.compactMap { $0 } }
}

/// A progress line on a terminal: files done, items answered, elapsed and remaining time.
final class Progress: Sendable {
    private struct State {
        var done = 0
        var items = 0
    }
    private let state = Mutex(State())
    private let total: Int
    private let start = Date()
    private let shown: Bool

    init(total: Int, shown: Bool) {
        self.total = total
        self.shown = shown && total > 0
    }

    func advance(items: Int) {
        let (done, answered) = state.withLock { state in
            state.done += 1
            state.items += items
            return (state.done, state.items)
        }
        guard shown else { return }
        let elapsed = Date().timeIntervalSince(start)
        let remaining = done > 0 ? elapsed / Double(done) * Double(total - done) : 0
        let width = 24
        let filled = total > 0 ? width * done / total : width
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let line =
            "\r[\(bar)] \(done)/\(total) files, \(answered) items, \(Int(elapsed)) s, ~\(Int(remaining)) s left  "
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        if shown { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}

/// Seconds since `start`, to the millisecond.
private func seconds(since start: Date) -> String {
    String(format: "%.3f", Date().timeIntervalSince(start))
}
