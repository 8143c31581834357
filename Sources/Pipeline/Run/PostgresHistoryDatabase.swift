import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO
import Synchronization

/// The history in a PostgreSQL database (postgres-nio), for runs spread over several machines:
/// each shard writes in its own transaction, side by side with the others.
///
/// The config names the server as `postgres://USER@HOST:PORT/DATABASE?sslmode=…`; the password
/// comes only from the environment (`PGPASSWORD`), never from the config, and no message prints
/// it. `sslmode` is `disable`, `prefer` (the default: TLS when the server offers it) or
/// `require`.
final class PostgresHistoryDatabase: HistoryDatabase {
    let dialect = SQLDialect.postgres
    let location: String
    private let connection: PostgresConnection
    private let lock = NSRecursiveLock()
    private let waited = Mutex(0.0)

    /// Whether a history setting names a PostgreSQL database.
    static func names(_ history: String) -> Bool {
        history.hasPrefix("postgres://") || history.hasPrefix("postgresql://")
    }

    /// The server and database a URL names, checked; the password from `environment`.
    struct Target: Sendable, Hashable {
        var host: String
        var port: Int
        var user: String
        var database: String
        var sslmode: String

        /// Parses `url`, refusing a password in it.
        ///
        /// - Throws: ``PipelineError/invalidConfig(_:)`` naming what is wrong, never the password.
        init(url: String, environment: [String: String]) throws {
            guard let parts = URLComponents(string: url), let scheme = parts.scheme,
                scheme == "postgres" || scheme == "postgresql"
            else {
                throw PipelineError.usage("history: not a postgres://USER@HOST:PORT/DATABASE URL")
            }
            guard parts.password == nil else {
                throw PipelineError.usage(
                    "history: the URL holds a password; a password never goes in the config file: remove it "
                        + "and set PGPASSWORD in the environment"
                )
            }
            host = parts.host.flatMap { $0.isEmpty ? nil : $0 } ?? environment["PGHOST"] ?? "localhost"
            port = parts.port ?? environment["PGPORT"].flatMap(Int.init) ?? 5432
            guard let user = parts.user ?? environment["PGUSER"] else {
                throw PipelineError.usage("history: no user: name it in the URL (postgres://USER@HOST/DATABASE)")
            }
            self.user = user
            let path = parts.path.hasPrefix("/") ? String(parts.path.dropFirst()) : parts.path
            database = path.isEmpty ? (environment["PGDATABASE"] ?? user) : path
            sslmode = parts.queryItems?.first { $0.name == "sslmode" }?.value ?? "prefer"
            guard ["disable", "prefer", "require"].contains(sslmode) else {
                throw PipelineError.usage("history: sslmode=\(sslmode) is not disable, prefer or require")
            }
        }

        /// The URL without anything secret, for messages.
        var display: String { "postgres://\(user)@\(host):\(port)/\(database)" }
    }

    /// Connects to the database a URL names.
    ///
    /// - Throws: ``PipelineError/history(path:reason:)`` saying why the server refused or could
    ///   not be reached, without the password.
    init(url: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        let target = try Target(url: url, environment: environment)
        location = target.display
        let tls: PostgresConnection.Configuration.TLS
        do {
            var client = TLSConfiguration.makeClientConfiguration()
            if target.sslmode != "require" { client.certificateVerification = .none }
            let context = try NIOSSLContext(configuration: client)
            tls =
                target.sslmode == "disable"
                ? .disable : target.sslmode == "require" ? .require(context) : .prefer(context)
        } catch {
            throw PipelineError.history(path: location, reason: "cannot set up TLS: \(error)")
        }
        let configuration = PostgresConnection.Configuration(
            host: target.host,
            port: target.port,
            username: target.user,
            password: environment["PGPASSWORD"],
            database: target.database,
            tls: tls
        )
        var logger = Logger(label: "quire.history")
        logger.logLevel = .critical
        do {
            connection = try PostgresConnection.connect(
                on: MultiThreadedEventLoopGroup.singleton.any(),
                configuration: configuration,
                id: 1,
                logger: logger
            ).wait()
        } catch {
            throw PipelineError.history(path: location, reason: Self.describe(error))
        }
    }

    deinit {
        try? connection.close().wait()
    }

    var secondsInDatabase: Double { waited.withLock { $0 } }

    func write<T>(_ body: (any HistorySQL) throws -> T) throws -> T {
        try transaction("BEGIN", body)
    }

    func read<T>(_ body: (any HistorySQL) throws -> T) throws -> T {
        try transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", body)
    }

    private func transaction<T>(_ begin: String, _ body: (any HistorySQL) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        try execute(begin, [])
        do {
            let result = try body(self)
            try execute("COMMIT", [])
            return result
        } catch {
            try? execute("ROLLBACK", [])
            throw error
        }
    }

    /// A server's or the network's error as one line: the server's own message and code where
    /// there is one (never the password, which postgres-nio does not put in errors).
    static func describe(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] {
                return message + (error.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? "")
            }
            if let underlying = error.underlying { return "\(error.code): \(underlying)" }
            return "\(error.code)"
        }
        return "\(error)"
    }
}

extension PostgresHistoryDatabase: HistorySQL {
    func execute(_ sql: String, _ arguments: [SQLValue]) throws {
        _ = try run(sql, arguments)
    }

    func fetch(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow] {
        try run(sql, arguments).map { row in
            var columns: [String: SQLValue] = [:]
            for cell in row {
                let data = PostgresData(type: cell.dataType, formatCode: cell.format, value: cell.bytes)
                columns[cell.columnName] =
                    if cell.bytes == nil {
                        .null
                    } else {
                        switch cell.dataType {
                        case .int2, .int4, .int8: data.int64.map(SQLValue.integer) ?? .null
                        case .float4, .float8, .numeric: data.double.map(SQLValue.real) ?? .null
                        case .bool: data.bool.map(SQLValue.boolean) ?? .null
                        default: data.string.map(SQLValue.text) ?? .null
                        }
                    }
            }
            return SQLRow(columns: columns)
        }
    }

    /// Runs one statement, its `?` placeholders numbered as PostgreSQL wants them (`$1`, `$2`);
    /// the queries hold no `?` of their own.
    private func run(_ sql: String, _ arguments: [SQLValue]) throws -> [PostgresRow] {
        var numbered = ""
        var count = 0
        for character in sql {
            if character == "?" {
                count += 1
                numbered += "$\(count)"
            } else {
                numbered.append(character)
            }
        }
        let binds: [PostgresData] = arguments.map { value in
            switch value {
            case .null: .null
            case .integer(let number): PostgresData(int64: number)
            case .real(let number): PostgresData(double: number)
            case .text(let text): PostgresData(string: text)
            case .boolean(let flag): PostgresData(bool: flag)
            }
        }
        lock.lock()
        defer { lock.unlock() }
        let started = ContinuousClock.now
        defer {
            let spent = ContinuousClock.now - started
            waited.withLock {
                $0 += spent.inSeconds
            }
        }
        do {
            return try connection.query(numbered, binds).wait().rows
        } catch {
            throw PipelineError.history(path: location, reason: Self.describe(error))
        }
    }
}
