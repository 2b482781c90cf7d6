import MeetingKit

/// The connection of one read transaction, which reads the org chart, the holiday calendar
/// and the office's settings at most once.
///
/// Within a snapshot the database cannot change (SQLite's read transaction in WAL mode,
/// PostgreSQL's `REPEATABLE READ`), so what nearly every part of a screen consults may be
/// read once and kept until the transaction ends: a home screen's sources asked for the org
/// chart ten times, each two round trips to PostgreSQL (issue 21). Write transactions get no
/// snapshot: a change may edit the org chart and read it again.
package final class ReadSnapshot: SQLConnection {
    /// The engine's own connection, for what only one engine does (SQLite's FTS5 search).
    let connection: any SQLConnection
    /// What the snapshot keeps once read, through ``memo(_:_:)``.
    var orgChart: OrgChart?
    var holidayCalendar: HolidayCalendar?
    var settings: [String: String]?

    init(_ connection: any SQLConnection) { self.connection = connection }

    package var dialect: any SQLDialect { connection.dialect }
    package var readSnapshot: ReadSnapshot? { self }

    @discardableResult
    package func exec(_ sql: String, _ arguments: [SQLValue]) throws -> Int { try connection.exec(sql, arguments) }

    package func rows(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow] { try connection.rows(sql, arguments) }

    package func forEachRow(_ sql: String, _ arguments: [SQLValue], _ body: (SQLRow) throws -> Void) throws {
        try connection.forEachRow(sql, arguments, body)
    }

    /// What `field` keeps (the org chart, the holiday calendar, every setting), read by `load`
    /// the first time. Every setting is a few dozen short rows: one round trip instead of one
    /// per setting a screen consults.
    func memo<Value>(_ field: ReferenceWritableKeyPath<ReadSnapshot, Value?>, _ load: () throws -> Value) rethrows -> Value {
        if let kept = self[keyPath: field] { return kept }
        let loaded = try load()
        self[keyPath: field] = loaded
        return loaded
    }
}
