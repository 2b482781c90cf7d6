import HuiwuTestSupport
@testable import MeetingStore
import Testing

/// PostgreSQL's migrations build the schema SQLite's build: the same tables, the same columns
/// (and which may be NULL), the same indexes and triggers by name. Search is the one planned
/// difference: FTS5's table and triggers on SQLite, pg_trgm and pieces indexes on PostgreSQL.
@Suite("PostgreSQL schema", .postgres)
struct PostgresSchemaTests {
    struct Shape: Equatable {
        var columns: [String: Set<String>] = [:]
        var indexes: Set<String> = []
        var triggers: Set<String> = []
        var migrations: Set<String> = []
    }

    private func sqliteShape() throws -> Shape {
        try ScratchDatabase.migrated(.sqlite) { db in
            var shape = Shape()
            let tables = try db.rows("""
                SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND name NOT LIKE 'grdb%'
                  AND name NOT LIKE 'search%'
                """).map { try $0.get("name", as: String.self) }
            for table in tables {
                shape.columns[table] = Set(try db.rows("SELECT name, \"notnull\" AS nn, pk FROM pragma_table_info(?)", table).map {
                    let nullable = try $0.get("nn", as: Int.self) == 0 && $0.get("pk", as: Int.self) == 0
                    return try $0.get("name", as: String.self) + (nullable ? "?" : "")
                })
            }
            shape.indexes = Set(try db.rows("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
                .map { try $0.get("name", as: String.self) })
            shape.triggers = Set(try db.rows("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name NOT LIKE 'search%'")
                .map { try $0.get("name", as: String.self) })
            shape.migrations = Set(try db.rows("SELECT identifier FROM grdb_migrations").map { try $0.get("identifier", as: String.self) })
            return shape
        }
    }

    private func postgresShape() throws -> Shape {
        try ScratchDatabase.migrated(.postgresql) { db in
            var shape = Shape()
            for row in try db.rows("""
                SELECT table_name, column_name, is_nullable FROM information_schema.columns
                WHERE table_schema = 'public' AND table_name <> 'huiwu_migrations'
                """) {
                let nullable = try row.get("is_nullable", as: String.self) == "YES"
                shape.columns[try row.get("table_name"), default: []].insert(try row.get("column_name", as: String.self) + (nullable ? "?" : ""))
            }
            shape.indexes = Set(try db.rows("""
                SELECT i.indexname FROM pg_indexes i WHERE i.schemaname = 'public'
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
                  AND i.indexname NOT LIKE '%\\_trgm' AND i.indexname NOT LIKE '%\\_grams'
                """).map { try $0.get("indexname", as: String.self) })
            shape.triggers = Set(try db.rows("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal").map { try $0.get("tgname", as: String.self) })
            shape.migrations = try PostgresSchema.applied(db)
            return shape
        }
    }

    @Test("the same tables, columns, nullability, indexes, triggers and migrations on both engines")
    func parity() throws {
        let sqlite = try sqliteShape()
        let postgres = try postgresShape()
        #expect(sqlite.migrations == postgres.migrations)
        #expect(Set(sqlite.columns.keys) == Set(postgres.columns.keys))
        for (table, columns) in sqlite.columns {
            let other = postgres.columns[table] ?? []
            #expect(columns == other, "\(table): only SQLite \(columns.subtracting(other).sorted()), only PostgreSQL \(other.subtracting(columns).sorted())")
        }
        #expect(sqlite.indexes == postgres.indexes, "only SQLite \(sqlite.indexes.subtracting(postgres.indexes).sorted()), only PostgreSQL \(postgres.indexes.subtracting(sqlite.indexes).sorted())")
        #expect(sqlite.triggers == postgres.triggers, "only SQLite \(sqlite.triggers.subtracting(postgres.triggers).sorted()), only PostgreSQL \(postgres.triggers.subtracting(sqlite.triggers).sorted())")
    }

    @Test("migrating twice changes nothing; the schema version is the same number")
    func idempotent() throws {
        try ScratchDatabase.migrated(.postgresql) { db in
            let before = try PostgresSchema.applied(db)
            try PostgresSchema.migrate(db)
            #expect(try PostgresSchema.applied(db) == before)
            #expect(Schema.version(of: before) == Store.schemaVersion)
        }
    }

    @Test("signed minutes stay immutable on PostgreSQL's real schema, declassification aside (R43, R48)")
    func signedMinutes() throws {
        try ScratchDatabase.migrated(.postgresql) { db in
            try db.exec("INSERT INTO term (number, name, start_day) VALUES (1, '第一届', '2026-01-01')")
            try db.exec("INSERT INTO person (login, name, role) VALUES ('mayor', '市长', 'mayor')")
            try db.exec("""
                INSERT INTO meeting (kind, term_number, convener_login, chair_login, start, duration_minutes, status, approval,
                  in_government_name, live_broadcast) VALUES ('executive', 1, 'mayor', 'mayor', '2026-03-02T09:00', 60, 'held', 'approved', TRUE, FALSE)
                """)
            let id = try #require(try db.value(Int64.self, """
                INSERT INTO minutes (meeting_id, meeting_kind, route, drafter_login, title, body, state, disclosure, classification,
                  number_year, number_seq, signed_at, signed_by, signed_text, sha256, created_at)
                VALUES (1, 'executive', 'mayorSigns', 'mayor', '纪要', '正文', 'signed', 'public', 'secret', 2026, 1,
                  '2026-03-03T10:00', 'mayor', '正文', ?, '2026-03-02T12:00') RETURNING id
                """, String(repeating: "a", count: 64)))
            let d = db.dialect
            for statement in ["UPDATE minutes SET body = 'forged' WHERE id = \(id)", "DELETE FROM minutes WHERE id = \(id)",
                              "UPDATE minutes SET classification = 'none' WHERE id = \(id)",
                              "INSERT INTO minutes_history (minutes_id, at, actor_login, action, state) VALUES (\(id), 'x', 'mayor', 'edit', 'signed')"] {
                let error = try #require(throws: (any Error).self) { try db.exec(statement) }
                #expect(d.triggerRefusal(in: error)?.hasPrefix("R43") == true, "\(statement): \(error)")
            }
            try db.exec("""
                INSERT INTO minutes_declassification (minutes_id, from_classification, to_classification, reason, by, recorded_by, at)
                VALUES (?, 'secret', 'none', '解密', 'mayor', 'mayor', '2026-06-01T09:00')
                """, id)
            try db.exec("UPDATE minutes SET classification = 'none', version = version + 1 WHERE id = ?", id)
            #expect(try db.value(String.self, "SELECT classification FROM minutes WHERE id = ?", id) == "none")
            let error = try #require(throws: (any Error).self) { try db.exec("UPDATE minutes_declassification SET reason = 'x'") }
            #expect(d.triggerRefusal(in: error) == "minutes_declassification is append-only")
        }
    }
}
