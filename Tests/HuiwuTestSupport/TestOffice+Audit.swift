import GRDB
import MeetingKit
import MeetingStore

extension TestOffice {
    /// The audit events appended after the log had `count` events, oldest first: tests of
    /// refused decisions use it to prove that the only trace is the refusal itself.
    public func auditEvents(since count: Int) throws -> [AuditEvent] {
        // On the database port, so that it reads an office on either engine.
        try store.snapshot { try AuditLog.recent($0, limit: 1_000_000) }.filter { $0.seq > count }.reversed()
    }

    /// The actions of ``auditEvents(since:)``.
    public func auditActions(since count: Int) throws -> [String] { try auditEvents(since: count).map(\.action) }
}

extension TestOffice {
    /// A SHA-256 over every row of every table except the audit log: equal before and after
    /// a refused command proves that no record changed, whatever the audit log gained.
    /// On PostgreSQL, the same over the public schema's tables (each table's rows sorted as
    /// text: PostgreSQL has no rowid order).
    public func contentChecksum() throws -> String {
        let postgres = try store.snapshot { db -> String? in
            guard db.dialect.engine == .postgresql else { return nil }
            let tables = try db.rows("""
                SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
                AND table_name NOT IN ('audit_event', 'huiwu_migrations') ORDER BY table_name
                """).map { try $0.get("table_name", as: String.self) }
            var text = ""
            for table in tables {
                text += "#" + table + "\n"
                let rows = try db.rows("SELECT * FROM \"\(table)\"").map { row in
                    zip(row.columns, row.values).map { "\($0)=\($1)" }.joined(separator: " ")
                }
                for row in rows.sorted() { text += row + "\n" }
            }
            return SHA256.hex(text)
        }
        // Through the store's own read, as the product reads: GRDB's `read` on a user's single
        // connection would clear a `query_only` a test set on it (StorageFailureTests).
        return try postgres ?? store.read(TestOffice.contentChecksum(in:))
    }

    /// ``contentChecksum()`` of any database (a copy, a file another process writes).
    public static func contentChecksum(of reader: some DatabaseReader) throws -> String {
        try reader.read(contentChecksum(in:))
    }

    private static func contentChecksum(in db: Database) throws -> String {
        // Records only: the search index's virtual and shadow tables are derived from them.
        let tables = try String.fetchAll(db, sql: """
            SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'
            AND name NOT IN ('audit_event', 'grdb_migrations') ORDER BY name
            """)
        var text = ""
        for table in tables {
            text += "#" + table + "\n"
            for row in try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\" ORDER BY rowid") {
                text += row.description + "\n"
            }
        }
        return SHA256.hex(text)
    }
}
