import GRDB

/// The database schema as a sequence of migrations. Each capability appends its own
/// migration (never edits a released one), so every existing file upgrades in place.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-foundation", migrate: foundation)
        migrator.registerMigration("v2-meetings", migrate: meetings)
        migrator.registerMigration("v3-scheduling", migrate: scheduling)
        migrator.registerMigration("v4-agenda", migrate: agenda)
        migrator.registerMigration("v5-leave", migrate: leave)
        migrator.registerMigration("v6-minutes", migrate: minutes)
        migrator.registerMigration("v7-search", migrate: search)
        migrator.registerMigration("v8-attachments", migrate: attachments)
        migrator.registerMigration("v9-performance", migrate: performance)
        migrator.registerMigration("v10-scale", migrate: scale)
        migrator.registerMigration("v11-on-behalf", migrate: onBehalf)
        migrator.registerMigration("v11-documents", migrate: documents)
        migrator.registerMigration("v11-rules2", migrate: rules2)
        migrator.registerMigration("v12-precedence", migrate: precedence)
        migrator.registerMigration("v13-attachment-content", migrate: attachmentContent)
        migrator.registerMigration("v14-report", migrate: report)
        migrator.registerMigration("v15-open-items", migrate: openItems)
        return migrator
    }

    /// What this program writes in the file header's user version once every migration it
    /// knows has run: a hash of their names (FNV-1a, 31 bits, never 0). A start that finds it
    /// there, with no write-ahead log beside the file, knows the schema without a read-only
    /// connection of its own (``Store/inspect(_:trustingStamp:)``).
    static let stamp: Int32 = {
        var hash: UInt32 = 2_166_136_261
        for byte in migrator.migrations.joined(separator: "\n").utf8 {
            hash = (hash ^ UInt32(byte)) &* 16_777_619
        }
        return Int32(max(1, hash & 0x7FFF_FFFF))
    }()

    /// The schema version of a file: the number of its newest migration (`v10-scale` → 10),
    /// named in messages when a file and a program disagree.
    static func version(of identifiers: Set<String>) -> Int {
        identifiers.compactMap { Int($0.dropFirst().prefix { $0.isNumber }) }.max() ?? 0
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

    /// Meetings and their rosters (R37–R40).
    static func meetings(_ db: Database) throws {
        try db.create(table: "meeting") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("kind", .text).notNull().check(sql: "kind IN ('plenary','executive','topical')")
            t.column("term_number", .integer).notNull().references("term", column: "number")
            t.column("number", .integer)
            t.column("title", .text).notNull().defaults(to: "")
            t.column("convener_login", .text).notNull().references("person", column: "login")
            t.column("chair_login", .text).notNull().references("person", column: "login")
            t.column("start", .text).notNull()
            t.column("duration_minutes", .integer).notNull().check(sql: "duration_minutes > 0")
            t.column("room", .text)
            t.column("status", .text).notNull()
            t.column("approval", .text).notNull()
            t.column("in_government_name", .boolean).notNull()
            t.column("live_broadcast", .boolean).notNull()
            t.column("series", .text)
            t.column("status_reason", .text)
            t.column("version", .integer).notNull().defaults(to: 1)
        }
        try db.create(index: "meeting_start", on: "meeting", columns: ["start"])
        try db.create(index: "meeting_kind_start", on: "meeting", columns: ["kind", "start"])
        try db.create(table: "participant") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("meeting_id", .integer).notNull().references("meeting", onDelete: .cascade)
            t.column("person_login", .text).references("person", column: "login")
            t.column("guest_name", .text)
            t.column("guest_org", .text)
            t.column("role", .text).notNull().check(sql: "role IN ('member','sitsIn','invited')")
            t.column("position", .integer).notNull()
            t.check(sql: "(person_login IS NULL) <> (guest_name IS NULL)")
        }
        try db.create(index: "participant_meeting", on: "participant", columns: ["meeting_id", "position"])
        try db.create(index: "participant_person", on: "participant", columns: ["person_login", "meeting_id"])
    }
}
