import GRDB

/// The database schema as a sequence of migrations. Each capability appends its own
/// migration (never edits a released one), so every existing file upgrades in place.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-foundation", migrate: foundation)
        return migrator
    }

    /// The org chart, settings, holiday data and the audit log.
    static func foundation(_ db: Database) throws {
        try db.execute(sql: "PRAGMA application_id = \(Store.applicationID)")
        try db.create(table: "setting") { t in
            t.primaryKey("key", .text)
            t.column("value", .text).notNull()
        }
        try db.create(table: "term") { t in
            t.primaryKey("number", .integer)
            t.column("name", .text).notNull()
            t.column("start_day", .text).notNull()
        }
        try db.create(table: "department") { t in
            t.primaryKey("code", .text)
            t.column("name", .text).notNull()
            t.column("kind", .text).notNull()
                .check(sql: "kind IN ('constituent','unit','street','external')")
            t.column("head_login", .text).references("person", column: "login", onDelete: .setNull, deferred: true)
            t.column("supervisor_login", .text).references("person", column: "login", onDelete: .setNull, deferred: true)
            t.column("version", .integer).notNull().defaults(to: 1)
        }
        try db.create(table: "person") { t in
            t.primaryKey("login", .text)
            t.column("name", .text).notNull()
            t.column("role", .text).notNull()
            t.column("department_code", .text).references("department", column: "code", onDelete: .setNull, deferred: true)
            t.column("is_admin", .boolean).notNull().defaults(to: false)
            t.column("is_retired", .boolean).notNull().defaults(to: false)
            t.column("version", .integer).notNull().defaults(to: 1)
        }
        try db.create(table: "room") { t in
            t.primaryKey("name", .text)
        }
        try db.create(table: "holiday_year") { t in
            t.primaryKey("year", .integer)
            t.column("data", .text).notNull()
        }
        try db.create(table: "audit_event") { t in
            t.primaryKey("seq", .integer)
            t.column("at", .text).notNull()
            t.column("os_user", .text).notNull()
            t.column("actor", .text).notNull()
            t.column("on_behalf_of", .text)
            t.column("action", .text).notNull()
            t.column("entity", .text).notNull()
            t.column("entity_id", .text).notNull()
            t.column("before", .text).notNull()
            t.column("after", .text).notNull()
            t.column("prev_hash", .text).notNull()
            t.column("hash", .text).notNull()
        }
        try db.create(index: "audit_event_entity", on: "audit_event", columns: ["entity", "entity_id"])
    }
}
