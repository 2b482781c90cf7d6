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
    private var orgChart: OrgChart?
    private var holidayCalendar: HolidayCalendar?
    private var settings: [String: String]?

    init(_ connection: any SQLConnection) { self.connection = connection }

    package var dialect: any SQLDialect { connection.dialect }
    package var readSnapshot: ReadSnapshot? { self }

    @discardableResult
    package func exec(_ sql: String, _ arguments: [SQLValue]) throws -> Int { try connection.exec(sql, arguments) }

    package func rows(_ sql: String, _ arguments: [SQLValue]) throws -> [SQLRow] { try connection.rows(sql, arguments) }

    /// The org chart, read by `load` the first time.
    func orgChart(_ load: () throws -> OrgChart) rethrows -> OrgChart {
        if let orgChart { return orgChart }
        let loaded = try load()
        orgChart = loaded
        return loaded
    }

    /// The holiday calendar, read by `load` the first time.
    func holidayCalendar(_ load: () throws -> HolidayCalendar) rethrows -> HolidayCalendar {
        if let holidayCalendar { return holidayCalendar }
        let loaded = try load()
        holidayCalendar = loaded
        return loaded
    }

    /// Every setting, read by `load` the first time (a few dozen short rows: one round trip
    /// instead of one per setting a screen consults).
    func settings(_ load: () throws -> [String: String]) rethrows -> [String: String] {
        if let settings { return settings }
        let loaded = try load()
        settings = loaded
        return loaded
    }
}
