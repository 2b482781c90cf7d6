import GRDB

extension Schema {
    /// Leave requests (R42), sign-in records, and which leave reports the mayor has read.
    static func leave(_ db: Database) throws {
        try db.create(table: "leave_request") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("meeting_id", .integer).notNull().references("meeting", onDelete: .cascade)
            t.column("person_login", .text).notNull().references("person", column: "login")
            t.column("reason", .text).notNull()
            t.column("substitute_login", .text).references("person", column: "login")
            t.column("status", .text).notNull().check(sql: "status IN ('pending','approved','rejected')")
            t.column("approver_login", .text).notNull().references("person", column: "login")
            t.column("filed_by", .text).notNull().references("person", column: "login")
            t.column("filed_at", .text).notNull()
            t.column("source", .text).notNull().check(sql: "source IN ('request','absence')")
            t.column("override_reason", .text)
            t.column("override_by", .text).references("person", column: "login")
            t.column("decided_by", .text).references("person", column: "login")
            t.column("decision_recorded_by", .text).references("person", column: "login")
            t.column("decided_at", .text)
            t.column("decision_reason", .text)
            t.column("version", .integer).notNull().defaults(to: 1)
            t.check(sql: "(status = 'pending') = (decided_at IS NULL)")
        }
        // One open (pending or approved) request per person and meeting.
        try db.execute(sql: """
            CREATE UNIQUE INDEX leave_request_open ON leave_request(meeting_id, person_login)
            WHERE status <> 'rejected'
            """)
        try db.create(index: "leave_request_status", on: "leave_request", columns: ["status", "approver_login"])

        try db.create(table: "attendance") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("meeting_id", .integer).notNull().references("meeting", onDelete: .cascade)
            t.column("participant_id", .integer).notNull().unique().references("participant", onDelete: .cascade)
            t.column("person_login", .text).references("person", column: "login")
            t.column("status", .text).notNull().check(sql: "status IN ('present','late','absent','leave','substitute')")
            t.column("late_minutes", .integer)
            t.column("substitute_login", .text).references("person", column: "login")
            t.column("recorded_by", .text).notNull().references("person", column: "login")
            t.column("recorded_at", .text).notNull()
            t.column("version", .integer).notNull().defaults(to: 1)
            t.check(sql: "(status = 'late') = (late_minutes IS NOT NULL)")
            t.check(sql: "(status = 'substitute') = (substitute_login IS NOT NULL)")
        }
        try db.create(index: "attendance_meeting", on: "attendance", columns: ["meeting_id"])
        try db.create(index: "attendance_person", on: "attendance", columns: ["person_login"])

        try db.create(table: "leave_report_read") { t in
            t.column("meeting_id", .integer).notNull().references("meeting", onDelete: .cascade)
            t.column("reader_login", .text).notNull().references("person", column: "login")
            // LeaveReport.fingerprint(of:) of the version read.
            t.column("fingerprint", .text).notNull()
            t.column("read_at", .text).notNull()
            t.primaryKey(["meeting_id", "reader_login"])
        }
    }
}
