import GRDB
import MeetingKit

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
    package var orderedJoin: String { "CROSS JOIN" }

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

    // MARK: Chinese search

    package func searchCandidates(_ db: any SQLConnection, _ query: SearchQuery, kinds: [SearchKind], hidden: [Int64],
                                  hiddenDocuments: [Int64]) throws -> [SearchRepository.Candidate] {
        let db = try grdb(db)
        return try SearchRepository.candidates(db, try SearchRepository.plan(db, query), kinds: kinds, hidden: hidden,
                                               hiddenDocuments: hiddenDocuments)
    }

    package func searchText(_ db: any SQLConnection, of document: SearchDocument) throws -> String {
        try SearchRepository.text(try grdb(db), of: document)
    }

    /// SQLite's adapter is GRDB's own connection (also under a ``ReadSnapshot``); FTS5's
    /// queries run on it directly.
    private func grdb(_ db: any SQLConnection) throws -> Database {
        guard let db = (db.readSnapshot?.connection ?? db) as? Database else { throw SQLPortError.otherEngine(expected: .sqlite) }
        return db
    }

    // MARK: Copying a whole office

    package func recordTables(_ db: any SQLConnection) throws -> Set<String> {
        Set(try db.rows("""
            SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
              AND name <> 'grdb_migrations' AND name NOT LIKE 'search\\_%' ESCAPE '\\'
            """).map { try $0.get("name", as: String.self) })
    }

    package func columns(of table: String, _ db: any SQLConnection) throws -> [SQLColumn] {
        try db.rows("SELECT name, type FROM pragma_table_info(?) ORDER BY cid", table).map {
            SQLColumn(name: try $0.get("name"), isBoolean: try $0.get("type", as: String.self).uppercased() == "BOOLEAN")
        }
    }

    /// SQLite keeps the counters of `AUTOINCREMENT` keys in `sqlite_sequence`.
    package func lastIdentity(of table: String, _ db: any SQLConnection) throws -> Int64? {
        try db.value(Int64.self, "SELECT seq FROM sqlite_sequence WHERE name = ?", table)
    }

    package func setLastIdentity(of table: String, to id: Int64, _ db: any SQLConnection) throws {
        if try db.exec("UPDATE sqlite_sequence SET seq = ? WHERE name = ?", id, table) == 0 {
            try db.exec("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", table, id)
        }
    }

    /// SQLite cannot switch a trigger off: the refusing ones are dropped and made again from
    /// their own text, in the same transaction.
    package func withoutRefusingTriggers<T>(on tables: [String], _ db: any SQLConnection, _ body: () throws -> T) throws -> T {
        let triggers = try db.rows("SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%RAISE(%'")
            .filter { tables.contains(try $0.get("tbl_name", as: String.self)) }
        for trigger in triggers { try db.exec("DROP TRIGGER \(try trigger.get("name", as: String.self))") }
        let value = try body()
        for trigger in triggers { try db.exec(try trigger.get("sql", as: String.self)) }
        return value
    }
}
