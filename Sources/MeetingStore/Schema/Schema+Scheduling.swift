import GRDB

extension Schema {
    /// Cadence dates and chair delegation on meetings, the history of moves, and the
    /// register of absences from Beijing (R7, R37–R40, R65).
    static func scheduling(_ db: Database) throws {
        try db.alter(table: "meeting") { t in
            t.add(column: "series_day", .text)
            t.add(column: "chair_delegation", .text).check(sql: "chair_delegation IN ('entrusted','mayorAway')")
        }
        // One meeting per series and cadence date: planning twice, even concurrently, cannot duplicate.
        try db.create(index: "meeting_series_day", on: "meeting", columns: ["series", "series_day"], unique: true,
                      condition: Column("series") != nil)
        try db.create(table: "meeting_move") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("meeting_id", .integer).notNull().references("meeting", onDelete: .cascade)
            t.column("previous_start", .text).notNull()
            t.column("previous_duration_minutes", .integer).notNull()
            t.column("new_start", .text).notNull()
            t.column("new_duration_minutes", .integer).notNull()
            t.column("reason", .text)
            t.column("moved_at", .text).notNull()
            t.column("moved_by", .text).notNull()
        }
        try db.create(index: "meeting_move_meeting", on: "meeting_move", columns: ["meeting_id", "id"])
        try db.create(table: "absence") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("person_login", .text).notNull().references("person", column: "login")
            t.column("from_day", .text).notNull()
            t.column("to_day", .text).notNull()
            t.column("kind", .text).notNull().check(sql: "kind IN ('trip','visit','leave')")
            t.column("reason", .text).notNull()
            t.column("status", .text).notNull().check(sql: "status IN ('pending','approved','refused')")
            t.column("needs_mayor", .boolean).notNull()
            t.column("supervisor_login", .text).references("person", column: "login")
            t.column("mayor_approved_at", .text)
            t.column("supervisor_approved_at", .text)
            t.column("refused_by", .text)
            t.column("refusal_reason", .text)
            t.column("registered_by", .text).notNull()
            t.column("registered_at", .text).notNull()
            t.column("version", .integer).notNull().defaults(to: 1)
            t.check(sql: "from_day <= to_day")
        }
        try db.create(index: "absence_days", on: "absence", columns: ["from_day", "to_day"])
        try db.create(index: "absence_person", on: "absence", columns: ["person_login", "from_day"])
    }
}
