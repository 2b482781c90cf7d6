/// The database port: what a repository may ask of a connection, whichever engine is behind it.
///
/// SQL is written once, in the subset SQLite 3.40 and PostgreSQL 15 both accept (`?`
/// placeholders, `ON CONFLICT … DO UPDATE SET … = excluded.…`, `RETURNING`, `TRUE`/`FALSE`,
/// `LIMIT`, `||`, `COALESCE`); what the engines do differently (triggers, full-text search,
/// JSON lists, identity columns, how a write transaction begins) comes from ``dialect``, one
/// type per engine, never from a test of the engine in a repository. Two adapters conform:
/// GRDB's `Database` for SQLite (`Database+SQLConnection.swift`) and ``PostgresAdapter``.
/// docs/architecture.md, "The database port", says why this shape.
package protocol SQLConnection {
    /// What this engine spells differently.
    var dialect: any SQLDialect { get }

    /// Runs one statement that returns no rows; the number of rows it changed.
    @discardableResult
    func exec(_ sql: String, _ arguments: [SQLValue]) throws -> Int

    /// Runs one query and returns all its rows.
    func rows(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow]

    /// Runs one query and hands its rows to `body` one at a time, for results of tens of
    /// thousands of rows that are folded, not kept (a year's report): no array of them all is
    /// built and destroyed. `body` must not keep a row.
    func forEachRow(_ sql: String, _ arguments: [SQLValue], _ body: (SQLRow) throws -> Void) throws

    /// The read transaction this connection is in, which keeps what a snapshot reads often;
    /// nil in a write transaction or outside any.
    var readSnapshot: ReadSnapshot? { get }
}

extension SQLConnection {
    package var readSnapshot: ReadSnapshot? { nil }

    /// An engine whose results arrive whole (PostgreSQL's) hands over the rows it received.
    package func forEachRow(_ sql: String, _ arguments: [SQLValue], _ body: (SQLRow) throws -> Void) throws {
        for row in try rows(sql, arguments) { try body(row) }
    }

    package func forEachRow(_ sql: String, _ arguments: any SQLValueConvertible..., body: (SQLRow) throws -> Void) throws {
        try forEachRow(sql, arguments.map(\.sqlValue), body)
    }

    @discardableResult
    package func exec(_ sql: String, _ arguments: any SQLValueConvertible...) throws -> Int {
        try exec(sql, arguments.map(\.sqlValue))
    }

    package func rows(_ sql: String, _ arguments: any SQLValueConvertible...) throws -> [SQLRow] {
        try rows(sql, arguments.map(\.sqlValue))
    }

    /// The first row, or nil.
    package func row(_ sql: String, _ arguments: any SQLValueConvertible...) throws -> SQLRow? {
        try rows(sql, arguments.map(\.sqlValue)).first
    }

    /// The first column of the first row as `T`; nil when there is no row or it is NULL.
    package func value<T: SQLValueConvertible>(_ type: T.Type, _ sql: String, _ arguments: any SQLValueConvertible...) throws -> T? {
        try value(type, sql, arguments.map(\.sqlValue))
    }

    package func value<T: SQLValueConvertible>(_ type: T.Type, _ sql: String, _ arguments: [SQLValue]) throws -> T? {
        guard let row = try rows(sql, arguments).first, let first = row.values.first else { return nil }
        if case .null = first { return nil }
        return try row.get(row.columns[0], as: T.self)
    }
}
