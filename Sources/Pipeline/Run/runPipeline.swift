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
    /// Process only this shard of the questionnaires: `index` (1 to `count`) of `count` shares,
    /// recorded under ``runID``.
    public var shard: (index: Int, count: Int)?
    /// The run's id, the same for all its shards and the assembly.
    public var runID: String?
    /// Assemble the run with this id from its recorded shards.
    public var assemble: String?
    /// Assemble even when some shards are not recorded (naming them in the report).
    public var allowMissing: Bool
    /// How long to wait for the shards to be recorded before assembling.
    public var waitSeconds: Double?
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
        shard: (index: Int, count: Int)? = nil,
        runID: String? = nil,
        assemble: String? = nil,
        allowMissing: Bool = false,
        waitSeconds: Double? = nil,
        logger: Logger? = nil
    ) {
        self.shard = shard
        self.runID = runID
        self.assemble = assemble
        self.allowMissing = allowMissing
        self.waitSeconds = waitSeconds
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
    if request.check {
        diagnostics.note(
            "\(request.config): ok; stages \(config.stages.joined(separator: ", ")); \(counted(config.questionnaires.count, "questionnaire")), "
                + "\(counted(config.vendors.count, "vendor file")), output \(config.output)"
        )
        return RunExit.done
    }
    let started = Date()
    let day = try parseDay(request.asOf ?? config.asOf)
    let jobs = max(1, request.jobs ?? ProcessInfo.processInfo.activeProcessorCount)
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
        .merging(request.shard.map { ["shard": "\($0.index)/\($0.count)"] } ?? [:]) { first, _ in first }
        .merging((request.runID ?? request.assemble).map { ["run-id": "\($0)"] } ?? [:]) { first, _ in first }
    )
    let history = try RunHistory(location: config.history)
    let answersFolder = config.output + "/answers"
    try FileManager.default.createDirectory(atPath: answersFolder, withIntermediateDirectories: true)
    // Outputs are staged and moved into place only once the run is recorded: a run that fails
    // leaves the previous outputs and history as they were. Runs that died left their staging.
    RunStaging.sweep(config.output)
    let staging = try RunStaging(output: config.output)
    defer { staging.discard() }
    let libraryDigest = sha256(Array(canonicalJSON(context.index.library).utf8))
    let run = RunContext(
        request: request,
        config: config,
        context: context,
        day: day,
        started: started,
        log: log,
        history: history,
        staging: staging,
        libraryDigest: libraryDigest,
        diagnostics: diagnostics
    )
    if let key = request.assemble { return try run.assemble(key) }

    // A shard answers its share of the questionnaires: by the hash of each file's bytes, so that
    // the shares do not depend on the order the files are listed in.
    // Each input's bytes are hashed once: for the share, the reuse of unchanged work and the history.
    var digests = fileDigests(config.questionnaires)
    var share = Array(config.questionnaires.indices)
    if let shard = request.shard {
        share = share.filter {
            let file = config.questionnaires[$0]
            return shardNumber(of: file, digest: digests[file], among: shard.count) == shard.index
        }
    }
    let outcomes = run.answer(share, digests: digests, jobs: jobs, terminal: terminal)
    var files = outcomes.map(\.0)
    let reused = files.filter { $0.reusedFrom != nil }.count
    if reused > 0, !request.quiet {
        diagnostics.note(
            "\(counted(reused, "questionnaire")) unchanged since the last run: results reused, not answered again"
        )
    }
    let answers = zip(files, outcomes).flatMap { file, outcome in outcome.1.map { (file.file, $0) } }

    if let shard = request.shard {
        guard let key = request.runID else {
            throw PipelineError.usage(
                "a shard needs the run's id: --run-id ID (or QUIRE_RUN_ID), the same for every shard"
            )
        }
        // Its share of the vendors' files too: read and mapped here, judged at the assembly with
        // each vendor's other files.
        let vendorDigests = fileDigests(config.vendors)
        let vendorShare = config.vendors.filter {
            shardNumber(of: $0, digest: vendorDigests[$0], among: shard.count) == shard.index
        }
        let (vendorOutcomes, assessed) = try run.readVendors(vendorShare)
        files += vendorOutcomes
        digests.merge(vendorDigests) { first, _ in first }
        let vendorFiles = try assessed.map { ($0.file, $0.vendor, try StoredAssessedItem.encode($0.items)) }
        let summary = RunSummary(
            config: config,
            asOf: day,
            files: files,
            answers: answers,
            assessment: nil,
            coverage: [],
            evidence: context.index.library.evidence,
            written: []
        )
        let recording = run.recording(digests: digests)
        let id = try history.recordShard(
            key: key,
            shard: shard.index,
            of: shard.count,
            summary: summary,
            vendorFiles: vendorFiles,
            recording
        )
        try staging.publish()
        log.info(
            "shard recorded",
            metadata: [
                "run": "\(key)", "shard": "\(shard.index)/\(shard.count)", "id": "\(id)",
                "questionnaires": "\(files.count - vendorOutcomes.count)", "vendor-files": "\(vendorOutcomes.count)",
                "seconds": "\(seconds(since: started))",
                "database-seconds": "\(String(format: "%.3f", history.secondsInDatabase))",
            ]
        )
        if !request.quiet {
            diagnostics.note(
                "shard \(shard.index) of \(shard.count) of run \(key): "
                    + "\(counted(files.count - vendorOutcomes.count, "questionnaire")) "
                    + "(\(summary.line)); assemble with quire run \(request.config) --assemble \(key)"
            )
        }
        return summary.exitCode
    }

    let (vendorFiles, assessment) = try run.assessVendors()
    files += vendorFiles
    digests.merge(fileDigests(config.vendors)) { first, _ in first }
    return try run.finish(files: files, answers: answers, assessment: assessment, digests: digests, key: nil)
}

/// Each file's SHA-256, for those that can be read.
func fileDigests(_ files: [String]) -> [String: String] {
    var digests: [String: String] = [:]
    for file in files { digests[file] = sha256(file: file) }
    return digests
}

/// The shard (1 to `count`) an input belongs to, given the SHA-256 of its bytes (nil when it
/// cannot be read).
///
/// It goes by that digest and the name the file is listed under, so that the shares do not
/// depend on the order of the listing, and copies of one file under several names spread like
/// any others. A file that cannot be read goes by its name alone, so that exactly one shard
/// reports it.
func shardNumber(of file: String, digest: String?, among count: Int) -> Int {
    let digest = sha256(Array(((digest ?? "unreadable") + "\u{0}" + file).utf8))
    let value = UInt64(digest.prefix(15), radix: 16) ?? 0
    return Int(value % UInt64(max(count, 1))) + 1
}

/// What the stages of one run share.
private struct RunContext {
    var request: RunRequest
    var config: RunConfig
    var context: LibraryContext
    var day: Day
    var started: Date
    var log: Logger
    var history: RunHistory
    var staging: RunStaging
    var libraryDigest: String
    var diagnostics: Diagnostics

    func recording(digests: [String: String]) -> RunHistory.Recording {
        RunHistory.Recording(
            started: ISO8601DateFormatter().string(from: started),
            seconds: Date().timeIntervalSince(started),
            libraryDigest: libraryDigest,
            digests: digests,
            outputDigest: { [staging, config] in staging.digest(of: $0) ?? sha256(file: config.output + "/" + $0) }
        )
    }

    /// Answers the questionnaires at `indices`, at most `jobs` at once, in file order.
    ///
    /// Returns each one's outcome and answers. `digests` holds each readable file's SHA-256.
    ///
    /// Unchanged work is not redone: a questionnaire whose bytes, library and as-of day are those
    /// of a recorded run, with that run's outputs still in place, reuses its results. The lookups
    /// are made here, before the concurrent part, so that no task waits on the database.
    func answer(
        _ indices: [Int],
        digests: [String: String],
        jobs: Int,
        terminal: Bool
    ) -> [(FileOutcome, [RecordedAnswer])] {
        let stageStarted = Date()
        let matcher = Matcher(index: context.index)
        let progress = Progress(total: indices.count, shown: terminal && !request.quiet && !request.verbose)
        let names = outputNames(config.questionnaires)
        var reusable: [String: (run: Int64, outcome: FileOutcome, answers: [RecordedAnswer])] = [:]
        var lookupError: String?
        do {
            reusable = try history.reusable(
                files: indices.compactMap { index in
                    let file = self.config.questionnaires[index]
                    return digests[file].map { (file, $0) }
                },
                libraryDigest: libraryDigest,
                evidence: context.index.library.evidence,
                asOf: day,
                outputFolder: config.output
            )
        } catch {
            lookupError = Failure(error).message
        }
        let (config, day, log, staging) = (config, day, log, staging)
        let found = reusable
        let failedLookups = lookupError
        let outcomes: [(FileOutcome, [RecordedAnswer])] = concurrently(indices.count, jobs: jobs) { position in
            let index = indices[position]
            let file = config.questionnaires[index]
            var outcome = FileOutcome(file: file, kind: "questionnaire")
            let begun = Date()
            do {
                if let reason = failedLookups { throw PipelineError.history(path: file, reason: reason) }
                if let reused = found[file] {
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
                let answers = Answerer(
                    matcher: matcher,
                    options: AnsweringOptions(asOf: day, overwrite: config.overwrite, writeFrom: config.writeFrom)
                ).answer(questionnaire)
                let ext = questionnaire.format == .vsaq ? "json" : (file as NSString).pathExtension.lowercased()
                let filled = "answers/\(names[index]).filled.\(ext)"
                let review = "answers/\(names[index]).review.csv"
                let (bytes, report) = try fill(questionnaire, answers: answers)
                let inReview = Set(answers.filter(\.review).map(\.id))
                let proposals = Set(
                    report.written.filter { $0.part == .answer && inReview.contains($0.item) }.map(\.item)
                )
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
        for outcome in outcomes.map(\.0) {
            if let error = outcome.error { diagnostics.warn("\(outcome.file): not answered: \(error)") }
        }
        log.debug("stage done", metadata: ["stage": "answer", "seconds": "\(seconds(since: stageStarted))"])
        return outcomes
    }

    /// Reads and maps the vendors' files given, in order; each failure said.
    func readVendors(
        _ list: [String]
    ) throws -> (files: [FileOutcome], assessed: [(vendor: String, file: String, items: [AssessedItem])]) {
        let matcher = Matcher(index: context.index)
        let frameworks = try assessedFrameworks()
        var files: [FileOutcome] = []
        var assessed: [(vendor: String, file: String, items: [AssessedItem])] = []
        for file in list {
            let begun = Date()
            do {
                let questionnaire = try ReadingOptions().read(file)
                assessed.append(
                    (
                        URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent, questionnaire.file,
                        AssessmentReport.assess(questionnaire, matcher: matcher, frameworks: frameworks)
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
        return (files, assessed)
    }

    func assessedFrameworks() throws -> [Framework] {
        config.assessFrameworks.isEmpty
            ? context.index.library.frameworks : try config.assessFrameworks.map(context.framework)
    }

    /// Judges the vendors' files read and mapped, and stages the vendors' workbook and JSON.
    func stageAssessment(_ assessed: [(vendor: String, file: String, items: [AssessedItem])]) throws -> AssessmentReport
    {
        let report = AssessmentReport(frameworks: try assessedFrameworks(), assessed: assessed)
        try staging.stage(try report.workbook(), as: "vendors.xlsx")
        try staging.stage(Array(report.json().utf8), as: "vendors.json")
        return report
    }

    /// Assesses the vendors' files that read; each failure said.
    func assessVendors() throws -> (files: [FileOutcome], assessment: AssessmentReport?) {
        guard !config.vendors.isEmpty else { return ([], nil) }
        let stageStarted = Date()
        let (files, assessed) = try readVendors(config.vendors)
        let report = try stageAssessment(assessed)
        log.debug("stage done", metadata: ["stage": "assess", "seconds": "\(seconds(since: stageStarted))"])
        return (files, report)
    }

    /// The reports over the library, the run recorded (whole, or as the assembly of a keyed run's
    /// shards), its summary and report written, and every staged output moved into place.
    func finish(
        files: [FileOutcome],
        answers: [(file: String, answer: RecordedAnswer)],
        assessment: AssessmentReport?,
        digests: [String: String],
        key: (id: Int64, name: String)?
    ) throws -> Int32 {
        let stageStarted = Date()
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

        var summary = RunSummary(
            config: config,
            asOf: day,
            files: files,
            answers: answers,
            assessment: assessment,
            coverage: coverage,
            evidence: context.index.library.evidence,
            written: written
        )
        // The run goes into the history in one transaction, which also reads what changed since the
        // run before it for the report; the transaction commits only once the report is staged too,
        // and then the staged outputs move into place.
        let recording = recording(digests: digests)
        let staging = staging
        let finish: RunHistory.Finish = { changes, trend in
            summary.changes = changes
            summary.trend = trend
            try staging.stage(Array(summary.json().utf8), as: "run.json")
            try staging.stage(Array(summary.markdown().utf8), as: "run.md")
            try staging.stage(Array(summary.html().utf8), as: "report.html")
        }
        let run: Int64
        if let key {
            try history.assemble(run: key.id, summary: summary, recording, finish: finish)
            run = key.id
        } else {
            run = try history.record(summary, recording, finish: finish)
        }
        try staging.publish()
        log.info(
            "run finished",
            metadata: [
                "run": "\(run)", "exit": "\(summary.exitCode)", "seconds": "\(seconds(since: started))",
                "reused": "\(files.filter { $0.reusedFrom != nil }.count)", "failed": "\(summary.failed.count)",
                "database-seconds": "\(String(format: "%.3f", history.secondsInDatabase))",
            ]
            .merging(key.map { ["run-id": "\($0.name)"] } ?? [:]) { first, _ in first }
        )
        if !request.quiet { diagnostics.note(summary.line + "; report: \(config.output)/report.html") }
        return summary.exitCode
    }

    /// `--assemble KEY`: once every shard of the run is recorded (waiting up to `--wait` seconds
    /// for them), or with `--allow-missing`, the run completed from what its shards recorded, as a
    /// run on one machine would have made it.
    func assemble(_ key: String) throws -> Int32 {
        let deadline = Date().addingTimeInterval(request.waitSeconds ?? 0)
        var state = try history.shardedRun(key)
        while state.map({ !$0.missing.isEmpty }) ?? true, Date() < deadline {
            Thread.sleep(forTimeInterval: min(2, max(0.05, deadline.timeIntervalSinceNow)))
            state = try history.shardedRun(key)
        }
        guard let state else {
            throw PipelineError.usage("no shard of run \(key) is recorded in \(history.path); run the shards first")
        }
        if !state.missing.isEmpty, !request.allowMissing {
            throw PipelineError.usage(
                "run \(key): \(state.missing.count == 1 ? "shard" : "shards") "
                    + "\(state.missing.map(String.init).joined(separator: ", ")) of \(state.shards) "
                    + "\(state.missing.count == 1 ? "is" : "are") not recorded; wait for "
                    + "\(state.missing.count == 1 ? "it" : "them") (--wait SECONDS), or assemble without "
                    + "\(state.missing.count == 1 ? "it" : "them") (--allow-missing)"
            )
        }
        let recorded = try history.shardResults(run: state.id, files: config.questionnaires + config.vendors)
        var byFile = Dictionary(recorded.map { ($0.0.file, $0) }, uniquingKeysWith: { first, _ in first })
        var files: [FileOutcome] = []
        var answers: [(file: String, answer: RecordedAnswer)] = []
        /// A file whose shard was not recorded, said and named in the report.
        func unrecorded(_ file: String, kind: String, _ what: String) -> FileOutcome {
            let shard = shardNumber(of: file, digest: sha256(file: file), among: state.shards)
            let outcome = FileOutcome(
                file: file,
                kind: kind,
                error: "\(what): its shard (\(shard) of \(state.shards)) was not recorded"
            )
            diagnostics.warn("\(file): \(outcome.error ?? "")")
            return outcome
        }
        for file in config.questionnaires {
            if let (outcome, recordedAnswers) = byFile.removeValue(forKey: file) {
                files.append(outcome)
                answers += recordedAnswers.map { (file, $0) }
            } else {
                files.append(unrecorded(file, kind: "questionnaire", "not answered"))
            }
        }
        for shard in state.recorded {
            log.info(
                "shard",
                metadata: [
                    "run": "\(key)", "shard": "\(shard.shard)/\(state.shards)",
                    "seconds": "\(String(format: "%.3f", shard.seconds))",
                    "database-seconds": "\(String(format: "%.3f", shard.databaseSeconds))",
                ]
            )
        }
        // Outputs a shard wrote on another machine's disk, or did not move into place (killed
        // after it was recorded), are said; the run is assembled all the same.
        for outcome in files where outcome.error == nil {
            let absent = outcome.outputs.filter { !FileManager.default.fileExists(atPath: config.output + "/" + $0) }
            if !absent.isEmpty {
                diagnostics.warn(
                    "\(outcome.file): its shard's outputs are not in \(config.output): "
                        + "\(absent.joined(separator: ", ")) (written on another machine, or the shard was stopped "
                        + "before it moved them into place: run it again)"
                )
            }
        }
        // The vendors' files as the shards read and mapped them, judged here as one process judges
        // them; a file whose shard is missing is named.
        var assessment: AssessmentReport?
        if !config.vendors.isEmpty {
            let stored = try history.vendorFiles(run: state.id)
            var assessed: [(vendor: String, file: String, items: [AssessedItem])] = []
            for file in config.vendors {
                if let (outcome, _) = byFile.removeValue(forKey: file) {
                    files.append(outcome)
                    if outcome.error == nil, let (vendor, items) = stored[file] {
                        assessed.append((vendor, file, try StoredAssessedItem.decode(items, file: file)))
                    }
                } else {
                    files.append(unrecorded(file, kind: "vendor", "not assessed"))
                }
            }
            assessment = try stageAssessment(assessed)
        }
        // The shards recorded every input with its digest; the assembly records none.
        return try finish(
            files: files,
            answers: answers,
            assessment: assessment,
            digests: [:],
            key: (state.id, key)
        )
    }
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
