import GRDB

/// SQLite 3.40's spelling of what differs (``SQLDialect``).
package struct SQLiteDialect: SQLDialect {
    package init() {}
    package var engine: StoreEngine { .sqlite }
    package func prepare(_ sql: String) -> String { sql }
    package var beginWrite: [String] { ["BEGIN IMMEDIATE"] }
    package var autoIncrementedPrimaryKey: String { "INTEGER PRIMARY KEY AUTOINCREMENT" }
    package var boolean: String { "BOOLEAN" }

    package func jsonList(_ type: SQLListType) -> String { "SELECT value FROM json_each(?)" }

    package func indexedBy(_ index: String) -> String { "INDEXED BY \(index)" }

    package func announce(seq: Int64) -> (sql: String, arguments: [SQLValue])? { nil }

    package func refusingTrigger(named name: String, on table: String, before event: SQLTriggerEvent,
                                 when condition: String?, message: String) -> [String] {
        let quoted = message.replacingOccurrences(of: "'", with: "''")
        return ["CREATE TRIGGER \(name) BEFORE \(event.rawValue) ON \(table)" + (condition.map { " WHEN \($0)" } ?? "")
                + " BEGIN SELECT RAISE(ABORT, '\(quoted)'); END"]
    }

    package func triggerRefusal(in error: any Error) -> String? {
        guard let error = error as? DatabaseError, error.resultCode == .SQLITE_CONSTRAINT,
              error.extendedResultCode == .SQLITE_CONSTRAINT_TRIGGER else { return nil }
        return error.message
    }
}
