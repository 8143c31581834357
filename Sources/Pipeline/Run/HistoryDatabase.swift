/// A value bound to, or read from, a history query: the few types the schema uses.
enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case boolean(Bool)

    var string: String? {
        switch self {
        case .text(let text): text
        case .integer(let number): String(number)
        case .real(let number): String(number)
        case .boolean(let flag): flag ? "1" : "0"
        case .null: nil
        }
    }

    var integer: Int64? {
        switch self {
        case .integer(let number): number
        case .real(let number): Int64(number)
        case .boolean(let flag): flag ? 1 : 0
        case .text(let text): Int64(text)
        case .null: nil
        }
    }

    var real: Double? {
        switch self {
        case .real(let number): number
        case .integer(let number): Double(number)
        case .text(let text): Double(text)
        case .boolean, .null: nil
        }
    }

    /// SQLite keeps booleans as integers; PostgreSQL as booleans.
    var boolean: Bool? {
        switch self {
        case .boolean(let flag): flag
        case .integer(let number): number != 0
        case .real(let number): number != 0
        case .text(let text): text == "1" || text == "t" || text == "true"
        case .null: nil
        }
    }
}

extension SQLValue {
    init(_ text: String?) { self = text.map(SQLValue.text) ?? .null }
    init(_ number: Int?) { self = number.map { .integer(Int64($0)) } ?? .null }
    init(_ number: Int64?) { self = number.map(SQLValue.integer) ?? .null }
    init(_ number: Double?) { self = number.map(SQLValue.real) ?? .null }
    init(_ flag: Bool) { self = .boolean(flag) }
}

/// One row a query returned, its values by column name.
struct SQLRow: Sendable {
    var columns: [String: SQLValue]

    subscript(_ name: String) -> SQLValue { columns[name] ?? .null }
}

/// The two SQL dialects the history runs on; queries are written in what both accept (`?`
/// placeholders, which the PostgreSQL connection numbers, `IS DISTINCT FROM`, `COALESCE`,
/// `RETURNING`), and the schema's few differences are here.
enum SQLDialect: Sendable {
    case sqlite
    case postgres

    /// The type of an auto-numbered primary key.
    var serialKey: String { self == .sqlite ? "INTEGER PRIMARY KEY AUTOINCREMENT" : "BIGSERIAL PRIMARY KEY" }
    var integer: String { self == .sqlite ? "INTEGER" : "BIGINT" }
    var real: String { self == .sqlite ? "DOUBLE" : "DOUBLE PRECISION" }
    var boolean: String { "BOOLEAN" }
}

/// A connection inside a transaction.
protocol HistorySQL {
    /// Runs a statement.
    func execute(_ sql: String, _ arguments: [SQLValue]) throws
    /// Runs a query and returns its rows.
    func fetch(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow]
}

extension HistorySQL {
    func execute(_ sql: String) throws { try execute(sql, []) }

    /// Inserts rows, many to a statement (at most 30,000 values, under both databases' limits on
    /// parameters): one round trip per few hundred rows, not per row.
    func insert(into table: String, _ columns: [String], _ rows: [[SQLValue]]) throws {
        guard !columns.isEmpty else { return }
        let perStatement = max(1, 30_000 / columns.count)
        let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        var start = 0
        while start < rows.count {
            let chunk = rows[start..<min(start + perStatement, rows.count)]
            try execute(
                "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
                    + Array(repeating: tuple, count: chunk.count).joined(separator: ", "),
                chunk.flatMap { $0 }
            )
            start += chunk.count
        }
    }
    func fetchOne(_ sql: String, _ arguments: [SQLValue] = []) throws -> SQLRow? {
        try fetch(sql, arguments).first
    }
}

/// Where the history is kept: an SQLite file or a PostgreSQL database.
protocol HistoryDatabase: Sendable {
    var dialect: SQLDialect { get }
    /// Where, for messages (a path, or a URL without credentials).
    var location: String { get }
    /// Runs `body` in one transaction that commits when it returns and rolls back if it throws;
    /// writers wait for each other (SQLite) or run side by side (PostgreSQL).
    func write<T>(_ body: (any HistorySQL) throws -> T) throws -> T
    /// Runs `body` with a consistent view of the history.
    func read<T>(_ body: (any HistorySQL) throws -> T) throws -> T
    /// Seconds spent waiting on the database so far.
    var secondsInDatabase: Double { get }
}

extension Duration {
    /// In seconds, as the history counts time in the database.
    var inSeconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
