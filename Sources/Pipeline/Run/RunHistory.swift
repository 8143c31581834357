import Answering
import ControlModel
import Foundation
import GRDB
import Reports

/// The run history: every run of a pipeline, with its inputs' hashes, answers, coverage and gaps,
/// evidence and vendor scores, in an embedded SQLite database (GRDB).
///
/// The schema is versioned (`DatabaseMigrator`); a run is written in one transaction, so a run
/// that dies leaves the store as it was.
public struct RunHistory: Sendable {
    let queue: DatabaseQueue
    /// The database file.
    public let path: String

    /// Opens (or creates) the store and brings its schema up to date.
    public init(path: String) throws {
        self.path = path
        do {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)
            queue = try DatabaseQueue(path: path, configuration: configuration)
            try Self.migrator.migrate(queue)
        } catch {
            throw PipelineError.history(path: path, reason: "\(error)")
        }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "run") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("started", .text).notNull()
                table.column("seconds", .double).notNull()
                table.column("config", .text).notNull()
                table.column("as_of", .text).notNull()
                table.column("library_digest", .text).notNull()
                table.column("exit", .integer).notNull()
            }
            try db.create(table: "input") { table in
                table.column("run_id", .integer).notNull().references("run", onDelete: .cascade)
                table.column("file", .text).notNull()
                table.column("kind", .text).notNull()
                table.column("sha256", .text)
                table.column("error", .text)
                table.column("items", .integer).notNull()
                table.column("answered", .integer).notNull()
                table.column("review", .integer).notNull()
                table.column("unanswered", .integer).notNull()
            }
            try db.create(table: "answer") { table in
                table.column("run_id", .integer).notNull().references("run", onDelete: .cascade)
                table.column("file", .text).notNull()
                table.column("item", .text).notNull()
                table.column("value", .text)
                table.column("basis", .text).notNull()
                table.column("confidence", .double).notNull()
                table.column("review", .boolean).notNull()
                table.column("reason", .text)
            }
            try db.create(table: "gap") { table in
                table.column("run_id", .integer).notNull().references("run", onDelete: .cascade)
                table.column("framework", .text).notNull()
                table.column("requirement", .text).notNull()
                table.column("state", .text).notNull()
            }
            try db.create(table: "coverage") { table in
                table.column("run_id", .integer).notNull().references("run", onDelete: .cascade)
                table.column("framework", .text).notNull()
                table.column("covered_percent", .double).notNull()
            }
            try db.create(table: "evidence") { table in
                table.column("run_id", .integer).notNull().references("run", onDelete: .cascade)
                table.column("id", .text).notNull()
                table.column("valid_until", .text)
                table.column("result", .text)
                table.column("live", .boolean).notNull()
            }
            try db.create(table: "vendor_score") { table in
                table.column("run_id", .integer).notNull().references("run", onDelete: .cascade)
                table.column("vendor", .text).notNull()
                table.column("framework", .text).notNull()
                table.column("score", .double)
            }
        }
        migrator.registerMigration("v2: reuse of unchanged work") { db in
            try db.alter(table: "answer") { table in table.add(column: "question", .text) }
            try db.alter(table: "input") { table in table.add(column: "reused_from", .integer) }
            try db.create(table: "output") { table in
                table.column("run_id", .integer).notNull().references("run", onDelete: .cascade)
                table.column("file", .text).notNull()
                table.column("path", .text).notNull()
                table.column("sha256", .text).notNull()
            }
        }
        migrator.registerMigration("v3: indexes for reuse and diffs") { db in
            try db.create(index: "answer_by_run_file", on: "answer", columns: ["run_id", "file", "item"])
            try db.create(index: "input_by_file", on: "input", columns: ["file", "sha256"])
            try db.create(index: "output_by_run_file", on: "output", columns: ["run_id", "file"])
        }
        migrator.registerMigration("v4: reuse across days when no consulted evidence changed state") { db in
            // A questionnaire's answers depend on the as-of day only through the state of the
            // evidence they consulted: its ids, and the digest of their state on the run's day.
            // Inputs recorded before have neither, so they are never reused.
            try db.alter(table: "input") { table in
                table.add(column: "consulted_evidence", .text)
                table.add(column: "evidence_state", .text)
            }
        }
        migrator.registerMigration("v5: time taken per input") { db in
            // Seconds spent reading, answering and writing the file (or finding its results to reuse).
            try db.alter(table: "input") { table in table.add(column: "seconds", .double) }
        }
        return migrator
    }

    /// A questionnaire's recorded results that a run may reuse: from the latest run that answered
    /// the same bytes with the same library, when the evidence those answers consulted is in the
    /// same state on `day` (``evidenceState(_:of:asOf:)``) and its outputs are still there, byte
    /// for byte.
    ///
    /// Answers depend on the as-of day only through the state of the evidence they consulted, so
    /// a run on a later day reuses the work unless some of that evidence expired, failed or
    /// lapsed in between.
    func reusable(
        file: String,
        sha256 digest: String,
        libraryDigest: String,
        evidence: [Evidence],
        asOf day: Day,
        outputFolder: String
    ) throws
        -> (run: Int64, outcome: FileOutcome, answers: [RecordedAnswer])?
    {
        do {
            return try queue.read { db in
                guard
                    let row = try Row.fetchOne(
                        db,
                        sql: """
                            SELECT input.run_id, input.items, input.answered, input.review, input.unanswered,
                                   input.consulted_evidence, input.evidence_state
                            FROM input JOIN run ON run.id = input.run_id
                            WHERE input.file = ? AND input.sha256 = ? AND input.error IS NULL
                              AND input.kind = 'questionnaire' AND run.library_digest = ?
                              AND input.evidence_state IS NOT NULL
                            ORDER BY input.run_id DESC LIMIT 1
                            """,
                        arguments: [file, digest, libraryDigest]
                    )
                else { return nil }
                let consulted = (row["consulted_evidence"] as String? ?? "").split(separator: " ").map(String.init)
                guard evidenceState(evidence, of: consulted, asOf: day) == (row["evidence_state"] as String?) else {
                    return nil
                }
                let run: Int64 = row["run_id"]
                let outputs = try Row.fetchAll(
                    db,
                    sql: "SELECT path, sha256 FROM output WHERE run_id = ? AND file = ? ORDER BY rowid",
                    arguments: [run, file]
                )
                guard !outputs.isEmpty else { return nil }
                for output in outputs {
                    let path: String = output["path"]
                    guard sha256(file: outputFolder + "/" + path) == (output["sha256"] as String) else { return nil }
                }
                var outcome = FileOutcome(file: file, kind: "questionnaire")
                outcome.items = row["items"]
                outcome.answered = row["answered"]
                outcome.review = row["review"]
                outcome.unanswered = row["unanswered"]
                outcome.outputs = outputs.map { $0["path"] }
                outcome.reusedFrom = run
                outcome.consultedEvidence = Set(consulted)
                let answers = try Row.fetchAll(
                    db,
                    sql: "SELECT * FROM answer WHERE run_id = ? AND file = ? ORDER BY rowid",
                    arguments: [run, file]
                ).map { answer in
                    RecordedAnswer(
                        id: answer["item"],
                        question: answer["question"] ?? "",
                        value: answer["value"],
                        basis: answer["basis"],
                        confidence: answer["confidence"],
                        review: answer["review"],
                        reviewReason: answer["reason"]
                    )
                }
                return (run, outcome, answers)
            }
        } catch {
            throw PipelineError.history(path: path, reason: "\(error)")
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

    /// Records a run in one transaction; returns its id.
    ///
    /// `outputDigest` gives the SHA-256 of an output by its path in the output folder. Before the
    /// transaction commits, `finish` gets what changed since the run before (nil for the first
    /// run) and coverage over the runs, this one included; if it throws, nothing is recorded.
    func record(
        _ summary: RunSummary,
        started: String,
        seconds: Double,
        libraryDigest: String,
        digests: [String: String],
        outputDigest: (String) -> String?,
        finish: (HistoryDiff?, [(run: Int64, framework: String, percent: Double)]) throws -> Void
    ) throws -> Int64 {
        do {
            return try queue.write { db in
                try db.execute(
                    sql:
                        "INSERT INTO run (started, seconds, config, as_of, library_digest, exit) VALUES (?, ?, ?, ?, ?, ?)",
                    arguments: [
                        started, seconds, summary.config.file, summary.asOf.description, libraryDigest,
                        summary.exitCode,
                    ]
                )
                let run = db.lastInsertedRowID
                for file in summary.files {
                    // A questionnaire answered records the evidence its answers consulted and that
                    // evidence's state on the run's day, for a later run to decide on reuse.
                    let answered = file.kind == "questionnaire" && file.error == nil
                    let consulted = file.consultedEvidence.sorted()
                    try db.cachedStatement(sql: "INSERT INTO input VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                        .execute(
                            arguments: [
                                run, file.file, file.kind, digests[file.file], file.error, file.items, file.answered,
                                file.review, file.unanswered, file.reusedFrom,
                                answered ? consulted.joined(separator: " ") : nil,
                                answered ? evidenceState(summary.evidence, of: consulted, asOf: summary.asOf) : nil,
                                file.seconds,
                            ]
                        )
                    guard file.kind == "questionnaire", file.error == nil else { continue }
                    for path in file.outputs {
                        if let digest = outputDigest(path) {
                            try db.cachedStatement(sql: "INSERT INTO output VALUES (?, ?, ?, ?)").execute(
                                arguments: [run, file.file, path, digest]
                            )
                        }
                    }
                }
                for (file, answer) in summary.answers {
                    try db.cachedStatement(sql: "INSERT INTO answer VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)").execute(
                        arguments: [
                            run, file, answer.id, answer.value, answer.basis, answer.confidence, answer.review,
                            answer.reviewReason, answer.question,
                        ]
                    )
                }
                for framework in summary.coverage {
                    try db.cachedStatement(sql: "INSERT INTO coverage VALUES (?, ?, ?)").execute(
                        arguments: [run, framework.framework.id, framework.coveredPercent]
                    )
                    for gap in framework.gaps {
                        try db.cachedStatement(sql: "INSERT INTO gap VALUES (?, ?, ?, ?)").execute(
                            arguments: [run, framework.framework.id, gap.requirement.id, gap.state.rawValue]
                        )
                    }
                }
                for item in summary.evidence {
                    try db.cachedStatement(sql: "INSERT INTO evidence VALUES (?, ?, ?, ?, ?)").execute(
                        arguments: [
                            run, item.id, item.validUntil?.description, item.result?.rawValue,
                            item.isLive(asOf: summary.asOf),
                        ]
                    )
                }
                for vendor in summary.assessment?.vendors ?? [] {
                    for score in vendor.scores {
                        try db.cachedStatement(sql: "INSERT INTO vendor_score VALUES (?, ?, ?, ?)").execute(
                            arguments: [run, vendor.vendor, score.framework, score.score]
                        )
                    }
                }
                let previous = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM run WHERE id < ?", arguments: [run])
                do {
                    try finish(try previous.map { try Self.diff(db, from: $0, to: run) }, try Self.coverageOverRuns(db))
                } catch {
                    throw Unrecorded(error: error)
                }
                return run
            }
        } catch let unrecorded as Unrecorded {
            throw unrecorded.error
        } catch {
            throw PipelineError.history(path: path, reason: "\(error)")
        }
    }

    /// An error of the caller's, thrown through the transaction to roll it back.
    private struct Unrecorded: Error {
        var error: any Error
    }

    /// Every run, oldest first.
    public func runs() throws -> [RunRow] {
        do {
            return try queue.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT run.id, started, seconds, config, as_of, exit,
                               (SELECT COUNT(*) FROM input WHERE input.run_id = run.id) AS inputs,
                               (SELECT COUNT(*) FROM answer WHERE answer.run_id = run.id AND answer.review) AS review
                        FROM run ORDER BY run.id
                        """
                ).map { row in
                    RunRow(
                        id: row["id"],
                        started: row["started"],
                        seconds: row["seconds"],
                        config: row["config"],
                        asOf: row["as_of"],
                        exit: row["exit"],
                        inputs: row["inputs"],
                        review: row["review"]
                    )
                }
            }
        } catch {
            throw PipelineError.history(path: path, reason: "\(error)")
        }
    }

    /// Coverage per framework over the recorded runs: (run, framework, percent covered), oldest
    /// first, the last `limit` runs.
    public func coverageOverRuns(limit: Int = 30) throws -> [(run: Int64, framework: String, percent: Double)] {
        do {
            return try queue.read { db in try Self.coverageOverRuns(db, limit: limit) }
        } catch {
            throw PipelineError.history(path: path, reason: "\(error)")
        }
    }

    private static func coverageOverRuns(
        _ db: Database,
        limit: Int = 30
    ) throws -> [(run: Int64, framework: String, percent: Double)] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT run_id, framework, covered_percent FROM coverage
                WHERE run_id IN (SELECT id FROM run ORDER BY id DESC LIMIT ?)
                ORDER BY run_id, framework
                """,
            arguments: [limit]
        ).map { (run: $0["run_id"], framework: $0["framework"], percent: $0["covered_percent"]) }
    }

    /// What changed from run `from` to run `to`.
    public func diff(from: Int64, to: Int64) throws -> HistoryDiff {
        do {
            return try queue.read { db in try Self.diff(db, from: from, to: to) }
        } catch {
            throw PipelineError.history(path: path, reason: "\(error)")
        }
    }

    private static func diff(_ db: Database, from: Int64, to: Int64) throws -> HistoryDiff {
        var diff = HistoryDiff(from: from, to: to)
        // Answers compared in SQL: only the rows that differ come back.
        let changed = try Row.fetchAll(
            db,
            sql: """
                SELECT new.file, new.item, old.value AS old_value, new.value AS new_value, new.reason,
                       new.review AS new_review, old.review AS old_review, old.item IS NULL AS added
                FROM answer AS new LEFT JOIN answer AS old
                  ON old.run_id = ? AND old.file = new.file AND old.item = new.item
                WHERE new.run_id = ?
                  AND (old.item IS NULL OR old.value IS NOT new.value OR (new.review AND NOT old.review))
                ORDER BY new.file, new.item
                """,
            arguments: [from, to]
        )
        for row in changed {
            let key = (row["file"] as String) + " " + (row["item"] as String)
            let reason: String? = row["reason"]
            let added: Bool = row["added"]
            let newReview: Bool = row["new_review"]
            if !added, (row["old_value"] as String?) != (row["new_value"] as String?) {
                diff.changedAnswers.append(
                    "\(key): \((row["old_value"] as String?) ?? "(none)") → \((row["new_value"] as String?) ?? "(none)")"
                        + (reason.map { " (\($0))" } ?? "")
                )
            }
            if newReview, added || !(row["old_review"] as Bool? ?? false) {
                diff.newReview.append("\(key): \(reason ?? "")")
            }
        }
        func set(_ sql: String, _ run: Int64) throws -> Set<String> {
            Set(try String.fetchAll(db, sql: sql, arguments: [run]))
        }
        let gapSQL = "SELECT framework || ' ' || requirement FROM gap WHERE run_id = ?"
        let gapsBefore = try set(gapSQL, from)
        let gapsAfter = try set(gapSQL, to)
        diff.openedGaps = gapsAfter.subtracting(gapsBefore).sorted()
        diff.closedGaps = gapsBefore.subtracting(gapsAfter).sorted()
        let liveSQL = "SELECT id FROM evidence WHERE run_id = ? AND live"
        let deadSQL = "SELECT id FROM evidence WHERE run_id = ? AND NOT live"
        diff.lapsedEvidence = try set(deadSQL, to).intersection(set(liveSQL, from)).sorted()
        diff.renewedEvidence = try set(liveSQL, to).intersection(set(deadSQL, from)).sorted()
        let inputSQL = "SELECT file || ' ' || IFNULL(sha256, '') FROM input WHERE run_id = ?"
        let inputsBefore = try set(inputSQL, from)
        let inputsAfter = try set(inputSQL, to)
        diff.changedInputs = inputsAfter.subtracting(inputsBefore).map {
            String($0.split(separator: " ").first ?? "")
        }
        .sorted()
        return diff
    }
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
    guard FileManager.default.fileExists(atPath: read.history) else {
        throw PipelineError.usage("\(read.history): no run recorded yet; run quire run \(config) first")
    }
    return try RunHistory(path: read.history)
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
