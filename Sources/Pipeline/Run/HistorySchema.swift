/// The history's schema: one list of migrations for both SQLite and PostgreSQL, applied in order
/// and recorded by name in `grdb_migrations` (the table GRDB's migrator kept, so files written
/// before read on).
enum HistorySchema {
    /// The migrations, by name, each a list of statements in the dialect given.
    static func migrations(_ d: SQLDialect) -> [(name: String, statements: [String])] {
        let run = "\(d.integer) NOT NULL REFERENCES run(id) ON DELETE CASCADE"
        return [
            (
                "v1",
                [
                    """
                    CREATE TABLE run (id \(d.serialKey), started TEXT NOT NULL, seconds \(d.real) NOT NULL,
                      config TEXT NOT NULL, as_of TEXT NOT NULL, library_digest TEXT NOT NULL,
                      exit \(d.integer) NOT NULL)
                    """,
                    """
                    CREATE TABLE input (run_id \(run), file TEXT NOT NULL, kind TEXT NOT NULL, sha256 TEXT,
                      error TEXT, items \(d.integer) NOT NULL, answered \(d.integer) NOT NULL,
                      review \(d.integer) NOT NULL, unanswered \(d.integer) NOT NULL)
                    """,
                    """
                    CREATE TABLE answer (run_id \(run), file TEXT NOT NULL, item TEXT NOT NULL, value TEXT,
                      basis TEXT NOT NULL, confidence \(d.real) NOT NULL, review \(d.boolean) NOT NULL, reason TEXT)
                    """,
                    """
                    CREATE TABLE gap (run_id \(run), framework TEXT NOT NULL, requirement TEXT NOT NULL,
                      state TEXT NOT NULL)
                    """,
                    "CREATE TABLE coverage (run_id \(run), framework TEXT NOT NULL, covered_percent \(d.real) NOT NULL)",
                    """
                    CREATE TABLE evidence (run_id \(run), id TEXT NOT NULL, valid_until TEXT, result TEXT,
                      live \(d.boolean) NOT NULL)
                    """,
                    """
                    CREATE TABLE vendor_score (run_id \(run), vendor TEXT NOT NULL, framework TEXT NOT NULL,
                      score \(d.real))
                    """,
                ]
            ),
            (
                "v2: reuse of unchanged work",
                [
                    "ALTER TABLE answer ADD COLUMN question TEXT",
                    "ALTER TABLE input ADD COLUMN reused_from \(d.integer)",
                    "CREATE TABLE output (run_id \(run), file TEXT NOT NULL, path TEXT NOT NULL, sha256 TEXT NOT NULL)",
                ]
            ),
            (
                "v3: indexes for reuse and diffs",
                [
                    "CREATE INDEX answer_by_run_file ON answer (run_id, file, item)",
                    "CREATE INDEX input_by_file ON input (file, sha256)",
                    "CREATE INDEX output_by_run_file ON output (run_id, file)",
                ]
            ),
            (
                // A questionnaire's answers depend on the as-of day only through the state of the
                // evidence they consulted: its ids, and the digest of their state on the run's day.
                // Inputs recorded before have neither, so they are never reused.
                "v4: reuse across days when no consulted evidence changed state",
                [
                    "ALTER TABLE input ADD COLUMN consulted_evidence TEXT",
                    "ALTER TABLE input ADD COLUMN evidence_state TEXT",
                ]
            ),
            // Seconds spent reading, answering and writing the file (or finding its results to reuse).
            ("v5: time taken per input", ["ALTER TABLE input ADD COLUMN seconds \(d.real)"]),
            (
                // A run given a key (`--run-id`) is recorded in shards, each replacing its own rows,
                // and is complete once assembled. Rows keep their order in `position`.
                "v6: runs in shards",
                [
                    "ALTER TABLE run ADD COLUMN run_key TEXT",
                    "ALTER TABLE run ADD COLUMN shards \(d.integer)",
                    "ALTER TABLE run ADD COLUMN complete \(d.boolean) NOT NULL DEFAULT TRUE",
                    "CREATE UNIQUE INDEX run_by_key ON run (run_key)",
                    """
                    CREATE TABLE shard (run_id \(run), shard \(d.integer) NOT NULL, shards \(d.integer) NOT NULL,
                      started TEXT NOT NULL, seconds \(d.real) NOT NULL, database_seconds \(d.real) NOT NULL,
                      inputs \(d.integer) NOT NULL, PRIMARY KEY (run_id, shard))
                    """,
                    "ALTER TABLE input ADD COLUMN shard \(d.integer)",
                    "ALTER TABLE answer ADD COLUMN shard \(d.integer)",
                    "ALTER TABLE answer ADD COLUMN position \(d.integer)",
                    "ALTER TABLE output ADD COLUMN shard \(d.integer)",
                    "ALTER TABLE output ADD COLUMN position \(d.integer)",
                ] + (d == .sqlite ? ["UPDATE answer SET position = rowid", "UPDATE output SET position = rowid"] : [])
            ),
            (
                // A shard assesses its share of the vendors' files too; each file's items, read and
                // mapped, wait here (JSON) for the assembly to judge them with the vendor's others.
                "v7: vendors' files assessed in shards",
                [
                    """
                    CREATE TABLE vendor_file (run_id \(run), shard \(d.integer), file TEXT NOT NULL,
                      vendor TEXT NOT NULL, items TEXT NOT NULL)
                    """
                ]
            ),
        ]
    }

    /// Brings a database's schema up to date in one transaction; concurrent processes starting on
    /// the same PostgreSQL database wait for each other (an advisory lock), SQLite's writers
    /// already do.
    static func migrate(_ database: any HistoryDatabase) throws {
        try database.write { sql in
            if database.dialect == .postgres { try sql.execute("SELECT pg_advisory_xact_lock(7262771)") }
            try sql.execute("CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            let applied = Set(
                try sql.fetch("SELECT identifier FROM grdb_migrations", []).compactMap {
                    $0["identifier"].string
                }
            )
            for migration in migrations(database.dialect) where !applied.contains(migration.name) {
                for statement in migration.statements { try sql.execute(statement) }
                try sql.execute("INSERT INTO grdb_migrations (identifier) VALUES (?)", [.text(migration.name)])
            }
        }
    }
}
