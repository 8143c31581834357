import Foundation
import GRDB
import Synchronization

/// The history in an SQLite file (GRDB): no server; writers take turns (a busy writer is waited
/// for up to a minute, or `QUIRE_HISTORY_WAIT` seconds), readers never wait.
final class SQLiteHistoryDatabase: HistoryDatabase {
    let dialect = SQLDialect.sqlite
    let location: String
    private let queue: DatabaseQueue
    private let waited = Mutex(0.0)

    /// Opens (or creates) the file and its folder.
    init(path: String) throws {
        location = path
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(try historyWaitSeconds())
        // GRDB begins a write with the write lock taken (IMMEDIATE), so that two processes never
        // both read and then both wait to write, which SQLite answers with an error, not a wait.
        queue = try DatabaseQueue(path: path, configuration: configuration)
    }

    var secondsInDatabase: Double { waited.withLock { $0 } }

    func write<T>(_ body: (any HistorySQL) throws -> T) throws -> T {
        try transaction(writing: true, body)
    }

    func read<T>(_ body: (any HistorySQL) throws -> T) throws -> T {
        try transaction(writing: false, body)
    }

    private func transaction<T>(writing: Bool, _ body: (any HistorySQL) throws -> T) throws -> T {
        let started = ContinuousClock.now
        var inBody = Duration.zero
        defer { count(ContinuousClock.now - started - inBody) }
        return try withoutActuallyEscaping(body) { body in
            let work = { (db: Database) throws -> T in
                let connection = Connection(db: db)
                let entered = ContinuousClock.now
                defer { inBody = ContinuousClock.now - entered - connection.spent }
                return try body(connection)
            }
            return writing ? try queue.write(work) : try queue.read(work)
        }
    }

    /// Counts time outside a transaction's body (waiting for the lock, beginning and committing)
    /// and inside its statements as time in the database.
    private func count(_ spent: Duration) {
        waited.withLock { $0 += spent.inSeconds }
    }

    private final class Connection: HistorySQL {
        let db: Database
        var spent = Duration.zero

        init(db: Database) { self.db = db }

        func execute(_ sql: String, _ arguments: [SQLValue]) throws {
            let started = ContinuousClock.now
            defer { spent += ContinuousClock.now - started }
            try db.execute(sql: sql, arguments: StatementArguments(arguments.map(\.databaseValue)))
        }

        func fetch(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow] {
            let started = ContinuousClock.now
            defer { spent += ContinuousClock.now - started }
            return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments.map(\.databaseValue))).map {
                row in
                var columns: [String: SQLValue] = [:]
                for (name, value) in zip(row.columnNames, row.databaseValues) {
                    columns[name] =
                        switch value.storage {
                        case .null: .null
                        case .int64(let number): .integer(number)
                        case .double(let number): .real(number)
                        case .string(let text): .text(text)
                        case .blob(let data): .text(String(decoding: data, as: UTF8.self))
                        }
                }
                return SQLRow(columns: columns)
            }
        }
    }
}

extension SQLValue {
    fileprivate var databaseValue: DatabaseValue {
        switch self {
        case .null: .null
        case .integer(let number): number.databaseValue
        case .real(let number): number.databaseValue
        case .text(let text): text.databaseValue
        case .boolean(let flag): flag.databaseValue
        }
    }
}
