import Answering
import ControlModel
import Foundation
import Reports

/// The run history: every run of a pipeline, with its inputs' hashes, answers, coverage and gaps,
/// evidence and vendor scores: in an SQLite file (GRDB), or in PostgreSQL when the config names a
/// `postgres://` URL (for runs spread over machines).
///
/// Both keep one schema, brought up to date by the same migrations (``HistorySchema``). A run, or
/// a shard of one, is written in one transaction, so one that dies leaves the store as it was.
public struct RunHistory: Sendable {
    let database: any HistoryDatabase
    /// Where it is: the file, or the database's URL without credentials.
    public var path: String { database.location }

    /// Opens (or creates) the store and brings its schema up to date.
    ///
    /// - Throws: ``PipelineError/history(path:reason:)``; ``PipelineError/usage(_:)`` for a
    ///   PostgreSQL URL that holds a password or is not one.
    public init(location: String) throws {
        do {
            database =
                PostgresHistoryDatabase.names(location)
                ? try PostgresHistoryDatabase(url: location) : try SQLiteHistoryDatabase(path: location)
        } catch let error as PipelineError {
            throw error
        } catch {
            throw PipelineError.history(path: location, reason: "\(error)")
        }
        try guarded { try HistorySchema.migrate(database) }
    }

    /// Seconds this process spent in the database: statements, and waiting for transactions.
    public var secondsInDatabase: Double { database.secondsInDatabase }

    private func guarded<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as PipelineError {
            throw error
        } catch let unrecorded as Unrecorded {
            throw unrecorded.error
        } catch {
            throw PipelineError.history(path: path, reason: "\(error)")
        }
    }

    /// A questionnaire's recorded results that a run may reuse: from the latest complete run that
    /// answered the same bytes with the same library, when the evidence those answers consulted is
    /// in the same state on `day` (``evidenceState(_:of:asOf:)``) and its outputs are still there,
    /// byte for byte.
    ///
    /// Answers depend on the as-of day only through the state of the evidence they consulted, so
    /// a run on a later day reuses the work unless some of that evidence expired, failed or
    /// lapsed in between.
    func reusable(
        files: [(file: String, sha256: String)],
        libraryDigest: String,
        evidence: [Evidence],
        asOf day: Day,
        outputFolder: String
    ) throws
        -> [String: (run: Int64, outcome: FileOutcome, answers: [RecordedAnswer])]
    {
        try guarded {
            try database.read { sql in
                var found: [String: (run: Int64, outcome: FileOutcome, answers: [RecordedAnswer])] = [:]
                for (file, digest) in files {
                    found[file] = try Self.reusable(
                        sql,
                        file: file,
                        sha256: digest,
                        libraryDigest: libraryDigest,
                        evidence: evidence,
                        asOf: day,
                        outputFolder: outputFolder
                    )
                }
                return found
            }
        }
    }

    private static func reusable(
        _ sql: any HistorySQL,
        file: String,
        sha256 digest: String,
        libraryDigest: String,
        evidence: [Evidence],
        asOf day: Day,
        outputFolder: String
    ) throws
        -> (run: Int64, outcome: FileOutcome, answers: [RecordedAnswer])?
    {
        guard
            let row = try sql.fetchOne(
                """
                SELECT input.run_id, input.items, input.answered, input.review, input.unanswered,
                       input.consulted_evidence, input.evidence_state
                FROM input JOIN run ON run.id = input.run_id
                WHERE input.file = ? AND input.sha256 = ? AND input.error IS NULL
                  AND input.kind = 'questionnaire' AND run.library_digest = ? AND run.complete
                  AND input.evidence_state IS NOT NULL
                ORDER BY input.run_id DESC LIMIT 1
                """,
                [.text(file), .text(digest), .text(libraryDigest)]
            )
        else { return nil }
        let consulted = (row["consulted_evidence"].string ?? "").split(separator: " ").map(String.init)
        guard evidenceState(evidence, of: consulted, asOf: day) == row["evidence_state"].string else {
            return nil
        }
        let run = row["run_id"].integer ?? 0
        var outcome = try Self.outcome(sql, run: run, file: file, row: row)
        guard !outcome.outputs.isEmpty else { return nil }
        for output in try Self.outputs(sql, run: run, file: file) {
            guard sha256(file: outputFolder + "/" + output.path) == output.digest else { return nil }
        }
        outcome.reusedFrom = run
        return (run, outcome, try Self.answers(sql, run: run, file: file))
    }

    private static func outcome(_ sql: any HistorySQL, run: Int64, file: String, row: SQLRow) throws -> FileOutcome {
        var outcome = FileOutcome(file: file, kind: row["kind"].string ?? "questionnaire")
        outcome.error = row["error"].string
        outcome.items = Int(row["items"].integer ?? 0)
        outcome.answered = Int(row["answered"].integer ?? 0)
        outcome.review = Int(row["review"].integer ?? 0)
        outcome.unanswered = Int(row["unanswered"].integer ?? 0)
        outcome.reusedFrom = row["reused_from"].integer
        outcome.seconds = row["seconds"].real ?? 0
        outcome.consultedEvidence = Set((row["consulted_evidence"].string ?? "").split(separator: " ").map(String.init))
        outcome.outputs = try outputs(sql, run: run, file: file).map(\.path)
        return outcome
    }

    private static func outputs(_ sql: any HistorySQL, run: Int64, file: String) throws -> [(
        path: String, digest: String
    )] {
        try sql.fetch(
            "SELECT path, sha256 FROM output WHERE run_id = ? AND file = ? ORDER BY position",
            [
                .integer(run), .text(file),
            ]
        ).map { ($0["path"].string ?? "", $0["sha256"].string ?? "") }
    }

    private static func answers(_ sql: any HistorySQL, run: Int64, file: String) throws -> [RecordedAnswer] {
        try sql.fetch(
            "SELECT * FROM answer WHERE run_id = ? AND file = ? ORDER BY position",
            [
                .integer(run), .text(file),
            ]
        ).map { answer in
            RecordedAnswer(
                id: answer["item"].string ?? "",
                question: answer["question"].string ?? "",
                value: answer["value"].string,
                basis: answer["basis"].string ?? "",
                confidence: answer["confidence"].real ?? 0,
                review: answer["review"].boolean ?? false,
                reviewReason: answer["reason"].string
            )
        }
    }

    /// A recorded run, as `quire history` lists it.
    public struct RunRow: Sendable, Hashable {
        public var id: Int64
        public var started: String
        public var seconds: Double
        public var config: String
        public var asOf: String
        public var exit: Int
        public var inputs: Int
        public var review: Int
    }

    /// What a run records beside its summary.
    struct Recording {
        /// When it started (ISO 8601) and how long it took.
        var started: String
        var seconds: Double
        /// The SHA-256 of the library's canonical JSON.
        var libraryDigest: String
        /// Each input's SHA-256, by file.
        var digests: [String: String]
        /// An output's SHA-256 by its path in the output folder.
        var outputDigest: (String) -> String?
    }

    /// The report's part that reads the history within the run's transaction: what changed since
    /// the run before (nil for the first) and coverage over the runs, this one included.
    typealias Finish = (HistoryDiff?, [(run: Int64, framework: String, percent: Double)]) throws -> Void

    /// Records a whole run in one transaction; returns its id.
    ///
    /// Before the transaction commits, `finish` gets what changed and the coverage trend; if it
    /// throws, nothing is recorded.
    func record(_ summary: RunSummary, _ recording: Recording, finish: Finish) throws -> Int64 {
        try guarded {
            try database.write { sql in
                let run = try insertRun(sql, summary, recording, key: nil, shards: nil, complete: true)
                try insertInputs(sql, run: run, shard: nil, summary: summary, files: summary.files, recording)
                try insertResults(sql, run: run, summary: summary)
                try Self.finishing(sql, run: run, finish)
                return run
            }
        }
    }

    private func insertRun(
        _ sql: any HistorySQL,
        _ summary: RunSummary,
        _ recording: Recording,
        key: String?,
        shards: Int?,
        complete: Bool
    ) throws -> Int64 {
        let row = try sql.fetchOne(
            """
            INSERT INTO run (started, seconds, config, as_of, library_digest, exit, run_key, shards, complete)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """,
            [
                .text(recording.started), .real(recording.seconds), .text(summary.config.file),
                .text(summary.asOf.description), .text(recording.libraryDigest), .integer(Int64(summary.exitCode)),
                SQLValue(key), SQLValue(shards), .boolean(complete),
            ]
        )
        guard let run = row?["id"].integer else { throw PipelineError.history(path: path, reason: "no run id") }
        return run
    }

    private func insertInputs(
        _ sql: any HistorySQL,
        run: Int64,
        shard: Int?,
        summary: RunSummary,
        files: [FileOutcome],
        _ recording: Recording
    ) throws {
        let shard = SQLValue(shard)
        var inputs: [[SQLValue]] = []
        var outputs: [[SQLValue]] = []
        for file in files {
            // A questionnaire answered records the evidence its answers consulted and that
            // evidence's state on the run's day, for a later run to decide on reuse.
            let answered = file.kind == "questionnaire" && file.error == nil
            let consulted = file.consultedEvidence.sorted()
            inputs.append([
                .integer(run), .text(file.file), .text(file.kind), SQLValue(recording.digests[file.file]),
                SQLValue(file.error), SQLValue(file.items), SQLValue(file.answered), SQLValue(file.review),
                SQLValue(file.unanswered), SQLValue(file.reusedFrom),
                answered ? .text(consulted.joined(separator: " ")) : .null,
                answered ? .text(evidenceState(summary.evidence, of: consulted, asOf: summary.asOf)) : .null,
                .real(file.seconds), shard,
            ])
            guard answered else { continue }
            for (position, output) in file.outputs.enumerated() {
                if let digest = recording.outputDigest(output) {
                    outputs.append([
                        .integer(run), .text(file.file), .text(output), .text(digest), shard, SQLValue(position),
                    ])
                }
            }
        }
        try sql.insert(
            into: "input",
            [
                "run_id", "file", "kind", "sha256", "error", "items", "answered", "review", "unanswered", "reused_from",
                "consulted_evidence", "evidence_state", "seconds", "shard",
            ],
            inputs
        )
        try sql.insert(into: "output", ["run_id", "file", "path", "sha256", "shard", "position"], outputs)
        let included = Set(files.map(\.file))
        var positions: [String: Int] = [:]
        var answers: [[SQLValue]] = []
        for (file, answer) in summary.answers where included.contains(file) {
            let position = positions[file, default: 0]
            positions[file] = position + 1
            answers.append([
                .integer(run), .text(file), .text(answer.id), SQLValue(answer.value), .text(answer.basis),
                .real(answer.confidence), .boolean(answer.review), SQLValue(answer.reviewReason),
                .text(answer.question), shard, SQLValue(position),
            ])
        }
        try sql.insert(
            into: "answer",
            [
                "run_id", "file", "item", "value", "basis", "confidence", "review", "reason", "question", "shard",
                "position",
            ],
            answers
        )
    }

    private func insertResults(_ sql: any HistorySQL, run: Int64, summary: RunSummary) throws {
        try sql.insert(
            into: "coverage",
            ["run_id", "framework", "covered_percent"],
            summary.coverage.map { [.integer(run), .text($0.framework.id), .real($0.coveredPercent)] }
        )
        try sql.insert(
            into: "gap",
            ["run_id", "framework", "requirement", "state"],
            summary.coverage.flatMap { framework in
                framework.gaps.map {
                    [.integer(run), .text(framework.framework.id), .text($0.requirement.id), .text($0.state.rawValue)]
                }
            }
        )
        try sql.insert(
            into: "evidence",
            ["run_id", "id", "valid_until", "result", "live"],
            summary.evidence.map {
                [
                    .integer(run), .text($0.id), SQLValue($0.validUntil?.description), SQLValue($0.result?.rawValue),
                    .boolean($0.isLive(asOf: summary.asOf)),
                ]
            }
        )
        try sql.insert(
            into: "vendor_score",
            ["run_id", "vendor", "framework", "score"],
            (summary.assessment?.vendors ?? []).flatMap { vendor in
                vendor.scores.map { [.integer(run), .text(vendor.vendor), .text($0.framework), SQLValue($0.score)] }
            }
        )
    }

    private static func finishing(_ sql: any HistorySQL, run: Int64, _ finish: Finish) throws {
        let previous = try sql.fetchOne("SELECT MAX(id) AS id FROM run WHERE id < ? AND complete", [.integer(run)])?[
            "id"
        ].integer
        let changes = try previous.map { try diff(sql, from: $0, to: run) }
        let trend = try coverageOverRuns(sql)
        do {
            try finish(changes, trend)
        } catch {
            throw Unrecorded(error: error)
        }
    }

    /// An error of the caller's, thrown through the transaction to roll it back and passed on as
    /// it was.
    struct Unrecorded: Error {
        var error: any Error
    }

    // MARK: Shards

    /// Records one shard of a keyed run in one transaction, replacing what an earlier attempt at
    /// the same shard recorded (a shard rerun, or run twice, is idempotent); returns the run's id.
    ///
    /// - Throws: ``PipelineError/usage(_:)`` when the run is already assembled, or was started
    ///   with another number of shards, another library or another as-of day.
    func recordShard(
        key: String,
        shard: Int,
        of shards: Int,
        summary: RunSummary,
        vendorFiles: [(file: String, vendor: String, items: String)],
        _ recording: Recording
    ) throws -> Int64 {
        // The run's row first, in a transaction of its own, so that shards never wait on each
        // other for it.
        let run = try guarded {
            try database.write { sql in
                try sql.execute(
                    """
                    INSERT INTO run (started, seconds, config, as_of, library_digest, exit, run_key, shards, complete)
                    VALUES (?, 0, ?, ?, ?, -1, ?, ?, FALSE) ON CONFLICT (run_key) DO NOTHING
                    """,
                    [
                        .text(recording.started), .text(summary.config.file), .text(summary.asOf.description),
                        .text(recording.libraryDigest), .text(key), SQLValue(shards),
                    ]
                )
                guard
                    let row = try sql.fetchOne(
                        "SELECT id, shards, complete, as_of, library_digest FROM run WHERE run_key = ?",
                        [.text(key)]
                    ), let run = row["id"].integer
                else { throw PipelineError.history(path: path, reason: "run \(key) was not recorded") }
                if row["complete"].boolean == true {
                    throw PipelineError.usage("run \(key) is already assembled; give this run a new --run-id")
                }
                if row["shards"].integer != Int64(shards) {
                    throw PipelineError.usage(
                        "run \(key) was started in \(row["shards"].integer ?? 0) shards, not \(shards); "
                            + "every shard of a run gives the same N"
                    )
                }
                if row["as_of"].string != summary.asOf.description
                    || row["library_digest"].string != recording.libraryDigest
                {
                    throw PipelineError.usage(
                        "run \(key)'s other shards answered as of \(row["as_of"].string ?? "?") with another library "
                            + "or day; every shard of a run reads the same library and as-of day"
                    )
                }
                return run
            }
        }
        return try guarded {
            try database.write { sql in
                // Two attempts at the same shard at once take turns, the later replacing the
                // earlier (SQLite's writers always take turns). The key is negative, apart from
                // the migrations' lock.
                if database.dialect == .postgres {
                    try sql.execute("SELECT pg_advisory_xact_lock(?)", [.integer(-(run * 1_000_000 + Int64(shard)))])
                }
                for table in ["input", "answer", "output", "shard", "vendor_file"] {
                    try sql.execute(
                        "DELETE FROM \(table) WHERE run_id = ? AND shard = ?",
                        [.integer(run), SQLValue(shard)]
                    )
                }
                try insertInputs(sql, run: run, shard: shard, summary: summary, files: summary.files, recording)
                try sql.insert(
                    into: "vendor_file",
                    ["run_id", "shard", "file", "vendor", "items"],
                    vendorFiles.map {
                        [.integer(run), SQLValue(shard), .text($0.file), .text($0.vendor), .text($0.items)]
                    }
                )
                try sql.execute(
                    """
                    INSERT INTO shard (run_id, shard, shards, started, seconds, database_seconds, inputs)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                    [
                        .integer(run), SQLValue(shard), SQLValue(shards), .text(recording.started),
                        .real(recording.seconds), .real(database.secondsInDatabase), SQLValue(summary.files.count),
                    ]
                )
                return run
            }
        }
    }

    /// A keyed run's shards as recorded so far.
    struct ShardedRun: Sendable {
        var id: Int64
        var shards: Int
        /// Whether the run is assembled.
        var assembled: Bool
        /// The shards recorded (1-based), with their questionnaires, seconds and time in the database.
        var recorded: [(shard: Int, inputs: Int, seconds: Double, databaseSeconds: Double)]
        var missing: [Int] { Array(Set(1...max(shards, 1)).subtracting(recorded.map(\.shard))).sorted() }
    }

    /// The shards of run `key` recorded so far, or nil when no shard of it is.
    func shardedRun(_ key: String) throws -> ShardedRun? {
        try guarded {
            try database.read { sql in
                guard
                    let row = try sql.fetchOne("SELECT id, shards, complete FROM run WHERE run_key = ?", [.text(key)]),
                    let run = row["id"].integer
                else { return nil }
                let recorded = try sql.fetch(
                    "SELECT shard, inputs, seconds, database_seconds FROM shard WHERE run_id = ? ORDER BY shard",
                    [.integer(run)]
                ).map {
                    (
                        Int($0["shard"].integer ?? 0), Int($0["inputs"].integer ?? 0), $0["seconds"].real ?? 0,
                        $0["database_seconds"].real ?? 0
                    )
                }
                return ShardedRun(
                    id: run,
                    shards: Int(row["shards"].integer ?? 0),
                    assembled: row["complete"].boolean ?? false,
                    recorded: recorded
                )
            }
        }
    }

    /// What the shards of a run recorded for `files`: each file's outcome and answers, in the
    /// order given; a file no recorded shard holds is left out.
    func shardResults(run: Int64, files: [String]) throws -> [(FileOutcome, [RecordedAnswer])] {
        try guarded {
            try database.read { sql in
                var found: [String: (FileOutcome, [RecordedAnswer])] = [:]
                for row in try sql.fetch("SELECT * FROM input WHERE run_id = ? AND shard IS NOT NULL", [.integer(run)])
                {
                    guard let file = row["file"].string else { continue }
                    var outcome = try Self.outcome(sql, run: run, file: file, row: row)
                    if outcome.kind == "vendor", outcome.error == nil {
                        outcome.outputs = ["vendors.xlsx", "vendors.json"]
                    }
                    found[file] = (outcome, try Self.answers(sql, run: run, file: file))
                }
                return files.compactMap { found[$0] }
            }
        }
    }

    /// The vendors' files the shards of a run assessed: each file's vendor and items (JSON).
    func vendorFiles(run: Int64) throws -> [String: (vendor: String, items: String)] {
        try guarded {
            try database.read { sql in
                var found: [String: (vendor: String, items: String)] = [:]
                for row in try sql.fetch(
                    "SELECT file, vendor, items FROM vendor_file WHERE run_id = ?",
                    [.integer(run)]
                ) {
                    if let file = row["file"].string, let vendor = row["vendor"].string, let items = row["items"].string
                    {
                        found[file] = (vendor, items)
                    }
                }
                return found
            }
        }
    }

    /// Completes a keyed run from its shards in one transaction.
    ///
    /// It records coverage, gaps, evidence and the vendors' scores (the shards recorded every
    /// input), and completes the run's own row; `finish` as in ``record(_:_:finish:)``. Assembling again replaces what the
    /// last assembly recorded.
    func assemble(run: Int64, summary: RunSummary, _ recording: Recording, finish: Finish) throws {
        try guarded {
            try database.write { sql in
                for table in ["coverage", "gap", "evidence", "vendor_score"] {
                    try sql.execute("DELETE FROM \(table) WHERE run_id = ?", [.integer(run)])
                }
                try sql.execute("DELETE FROM input WHERE run_id = ? AND shard IS NULL", [.integer(run)])
                try insertResults(sql, run: run, summary: summary)
                try sql.execute(
                    "UPDATE run SET started = ?, seconds = ?, exit = ?, complete = TRUE WHERE id = ?",
                    [
                        .text(recording.started), .real(recording.seconds), .integer(Int64(summary.exitCode)),
                        .integer(run),
                    ]
                )
                try Self.finishing(sql, run: run, finish)
            }
        }
    }

    // MARK: Reading

    /// Every complete run, oldest first.
    public func runs() throws -> [RunRow] {
        try guarded {
            try database.read { sql in
                try sql.fetch(
                    """
                    SELECT run.id, started, seconds, config, as_of, exit,
                           (SELECT COUNT(*) FROM input WHERE input.run_id = run.id) AS inputs,
                           (SELECT COUNT(*) FROM answer WHERE answer.run_id = run.id AND answer.review) AS review
                    FROM run WHERE complete ORDER BY run.id
                    """,
                    []
                ).map { row in
                    RunRow(
                        id: row["id"].integer ?? 0,
                        started: row["started"].string ?? "",
                        seconds: row["seconds"].real ?? 0,
                        config: row["config"].string ?? "",
                        asOf: row["as_of"].string ?? "",
                        exit: Int(row["exit"].integer ?? 0),
                        inputs: Int(row["inputs"].integer ?? 0),
                        review: Int(row["review"].integer ?? 0)
                    )
                }
            }
        }
    }

    /// Coverage per framework over the recorded runs: (run, framework, percent covered), oldest
    /// first, the last `limit` runs.
    public func coverageOverRuns(limit: Int = 30) throws -> [(run: Int64, framework: String, percent: Double)] {
        try guarded { try database.read { sql in try Self.coverageOverRuns(sql, limit: limit) } }
    }

    private static func coverageOverRuns(
        _ sql: any HistorySQL,
        limit: Int = 30
    ) throws -> [(run: Int64, framework: String, percent: Double)] {
        try sql.fetch(
            """
            SELECT run_id, framework, covered_percent FROM coverage
            WHERE run_id IN (SELECT id FROM run WHERE complete ORDER BY id DESC LIMIT ?)
            """,
            [SQLValue(limit)]
        ).map {
            (
                run: $0["run_id"].integer ?? 0, framework: $0["framework"].string ?? "",
                percent: $0["covered_percent"].real ?? 0
            )
        }
        // Ordered here, byte by byte, not by the database's collation, which PostgreSQL takes from
        // its locale: the same history reads the same on both.
        .sorted { $0.run != $1.run ? $0.run < $1.run : utf8Order($0.framework, $1.framework) }
    }

    /// What changed from run `from` to run `to`.
    public func diff(from: Int64, to: Int64) throws -> HistoryDiff {
        try guarded { try database.read { sql in try Self.diff(sql, from: from, to: to) } }
    }

    private static func diff(_ sql: any HistorySQL, from: Int64, to: Int64) throws -> HistoryDiff {
        var diff = HistoryDiff(from: from, to: to)
        // Answers compared in SQL: only the rows that differ come back.
        let changed = try sql.fetch(
            """
            SELECT new.file, new.item, old.value AS old_value, new.value AS new_value, new.reason,
                   new.review AS new_review, old.review AS old_review, old.item IS NULL AS added
            FROM answer AS new LEFT JOIN answer AS old
              ON old.run_id = ? AND old.file = new.file AND old.item = new.item
            WHERE new.run_id = ?
              AND (old.item IS NULL OR old.value IS DISTINCT FROM new.value OR (new.review AND NOT old.review))
            """,
            [.integer(from), .integer(to)]
        )
        .sorted {
            utf8Order(
                ($0["file"].string ?? "") + "\u{0}" + ($0["item"].string ?? ""),
                ($1["file"].string ?? "") + "\u{0}" + ($1["item"].string ?? "")
            )
        }
        for row in changed {
            let key = (row["file"].string ?? "") + " " + (row["item"].string ?? "")
            let reason = row["reason"].string
            let added = row["added"].boolean ?? false
            let newReview = row["new_review"].boolean ?? false
            if !added, row["old_value"].string != row["new_value"].string {
                diff.changedAnswers.append(
                    "\(key): \(row["old_value"].string ?? "(none)") → \(row["new_value"].string ?? "(none)")"
                        + (reason.map { " (\($0))" } ?? "")
                )
            }
            if newReview, added || !(row["old_review"].boolean ?? false) {
                diff.newReview.append("\(key): \(reason ?? "")")
            }
        }
        func set(_ query: String, _ run: Int64) throws -> Set<String> {
            Set(try sql.fetch(query, [.integer(run)]).compactMap { $0["value"].string })
        }
        let gapSQL = "SELECT framework || ' ' || requirement AS value FROM gap WHERE run_id = ?"
        let gapsBefore = try set(gapSQL, from)
        let gapsAfter = try set(gapSQL, to)
        diff.openedGaps = gapsAfter.subtracting(gapsBefore).sorted()
        diff.closedGaps = gapsBefore.subtracting(gapsAfter).sorted()
        let liveSQL = "SELECT id AS value FROM evidence WHERE run_id = ? AND live"
        let deadSQL = "SELECT id AS value FROM evidence WHERE run_id = ? AND NOT live"
        diff.lapsedEvidence = try set(deadSQL, to).intersection(set(liveSQL, from)).sorted()
        diff.renewedEvidence = try set(liveSQL, to).intersection(set(deadSQL, from)).sorted()
        let inputSQL = "SELECT file || ' ' || COALESCE(sha256, '') AS value FROM input WHERE run_id = ?"
        let inputsBefore = try set(inputSQL, from)
        let inputsAfter = try set(inputSQL, to)
        diff.changedInputs = inputsAfter.subtracting(inputsBefore).map {
            String($0.split(separator: " ").first ?? "")
        }
        .sorted()
        return diff
    }
}

/// Byte order of UTF-8, as SQLite's default collation sorts: the history orders rows by it, not
/// by a PostgreSQL server's locale.
func utf8Order(_ first: String, _ second: String) -> Bool {
    first.utf8.lexicographicallyPrecedes(second.utf8)
}

/// What changed between two recorded runs.
public struct HistoryDiff: Sendable, Hashable {
    public var from: Int64
    public var to: Int64
    /// Answers whose value changed (`file item: old → new (why)`).
    public var changedAnswers: [String] = []
    /// Items that need review now and did not before.
    public var newReview: [String] = []
    /// Requirements that became gaps (`framework requirement`).
    public var openedGaps: [String] = []
    /// Gaps that closed.
    public var closedGaps: [String] = []
    /// Evidence that was live and is not (expired or failing).
    public var lapsedEvidence: [String] = []
    /// Evidence that was not live and is.
    public var renewedEvidence: [String] = []
    /// Inputs that are new or whose bytes changed.
    public var changedInputs: [String] = []

    /// Whether nothing changed.
    public var isEmpty: Bool {
        changedAnswers.isEmpty && newReview.isEmpty && openedGaps.isEmpty && closedGaps.isEmpty
            && lapsedEvidence.isEmpty && renewedEvidence.isEmpty && changedInputs.isEmpty
    }

    /// The sections, titled, for text and the report.
    public var sections: [(String, [String])] {
        [
            ("Inputs new or changed", changedInputs), ("Evidence newly expired or failing", lapsedEvidence),
            ("Evidence live again", renewedEvidence), ("Gaps opened", openedGaps), ("Gaps closed", closedGaps),
            ("Answers changed", changedAnswers), ("New review items", newReview),
        ]
    }

    /// As text, one section per change kind.
    public var text: String {
        var lines = ["run \(from) → run \(to)" + (isEmpty ? ": nothing changed" : "")]
        for (title, items) in sections where !items.isEmpty {
            lines.append("\(title) (\(items.count)):")
            lines += items.map { "  \($0)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// The history a config names (its `history`, or `history.sqlite` in its output folder).
func history(of config: String) throws -> RunHistory {
    guard FileManager.default.fileExists(atPath: config) else { throw PipelineError.missingInput(path: config) }
    let (read, problems) = RunConfig.read(config, frameworks: { _ in true })
    guard let read else { throw PipelineError.invalidConfig(problems) }
    guard PostgresHistoryDatabase.names(read.history) || FileManager.default.fileExists(atPath: read.history) else {
        throw PipelineError.usage("\(read.history): no run recorded yet; run quire run \(config) first")
    }
    return try RunHistory(location: read.history)
}

/// `quire history CONFIG`: the recorded runs, one line each.
public func listHistory(config: String, destination: OutputDestination) throws {
    let runs = try history(of: config).runs()
    let listing = Listing(
        columns: ["run", "started", "seconds", "as_of", "exit", "inputs", "review"],
        rows: runs.map {
            [
                String($0.id), $0.started, String(format: "%.2f", $0.seconds), $0.asOf, String($0.exit),
                String($0.inputs), String($0.review),
            ]
        }
    )
    try deliver(Array(listing.text().utf8), to: destination)
}

/// `quire history shards CONFIG ID`: the shards of a run recorded so far, and those missing;
/// returns whether all are recorded.
public func listShards(config: String, runID: String, destination: OutputDestination) throws -> Bool {
    let store = try history(of: config)
    guard let run = try store.shardedRun(runID) else {
        throw PipelineError.usage("no shard of run \(runID) is recorded in \(store.path)")
    }
    let listing = Listing(
        columns: ["shard", "questionnaires", "seconds", "database_seconds"],
        rows: run.recorded.map {
            [
                "\($0.shard)/\(run.shards)", String($0.inputs), String(format: "%.2f", $0.seconds),
                String(format: "%.3f", $0.databaseSeconds),
            ]
        }
    )
    var text = listing.text()
    text +=
        run.missing.isEmpty
        ? (run.assembled ? "all \(run.shards) recorded; assembled\n" : "all \(run.shards) recorded\n")
        : "missing: \(run.missing.map(String.init).joined(separator: ", ")) of \(run.shards)\n"
    try deliver(Array(text.utf8), to: destination)
    return run.missing.isEmpty
}

/// `quire history diff CONFIG [A B]`: what changed from run A to run B (default: the last two).
public func diffHistory(config: String, from: Int64?, to: Int64?, destination: OutputDestination) throws {
    let store = try history(of: config)
    let runs = try store.runs().map(\.id)
    let later = to ?? runs.last
    let earlier = from ?? later.flatMap { last in runs.last { $0 < last } }
    guard let earlier, let later else {
        throw PipelineError.usage("a diff needs two recorded runs; \(runs.count) recorded")
    }
    for id in [earlier, later] where !runs.contains(id) {
        throw PipelineError.usage("no run \(id) is recorded (runs: \(runs.map(String.init).joined(separator: ", ")))")
    }
    try deliver(Array(try store.diff(from: earlier, to: later).text.utf8), to: destination)
}

/// The state on `day` of the evidence with the given ids: the SHA-256 of each id with whether it
/// is live (collected, not expired, not failing, its review not lapsed), sorted by id; an id the
/// library no longer has counts as such.
func evidenceState(_ evidence: [Evidence], of ids: [String], asOf day: Day) -> String {
    let byID = Dictionary(evidence.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    let lines = Set(ids).sorted().map { id in
        "\(id) " + (byID[id].map { $0.isLive(asOf: day) ? "live" : "not live" } ?? "missing")
    }
    return sha256(Array(lines.joined(separator: "\n").utf8))
}
