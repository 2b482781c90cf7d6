import GRDB

extension Schema {
    /// Decisions recorded for a leader by a secretary (代录), for the leader to confirm or dispute.
    static func onBehalf(_ db: Database) throws {
        try db.create(table: "on_behalf_record") { t in
            t.primaryKey("seq", .integer).references("audit_event", column: "seq")
            t.column("leader_login", .text).notNull()
            t.column("recorder_login", .text).notNull()
            t.column("action", .text).notNull()
            t.column("entity", .text).notNull()
            t.column("entity_id", .text).notNull()
            t.column("at", .text).notNull()
            t.column("status", .text).notNull().defaults(to: "pending")
                .check(sql: "status IN ('pending','confirmed','disputed','acknowledged')")
            t.column("answered_at", .text)
            t.column("note", .text)
        }
        // Home screens ask for the open ones only: a leader's pending records, the office's disputes.
        try db.execute(sql: "CREATE INDEX on_behalf_pending ON on_behalf_record(leader_login, seq) WHERE status = 'pending'")
        try db.execute(sql: "CREATE INDEX on_behalf_disputed ON on_behalf_record(seq) WHERE status = 'disputed'")
    }
}
