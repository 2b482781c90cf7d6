import GRDB

extension Schema {
    /// Official documents (issue 19): when a meeting's notice went out and with which contact
    /// and materials, each unit's receipt of it, and a meeting's adjusted seating order.
    static func documents(_ db: Database) throws {
        try db.create(table: "meeting_notice") { t in
            t.primaryKey("meeting_id", .integer).references("meeting", onDelete: .cascade)
            t.column("sent_at", .text).notNull()
            t.column("sent_by", .text).notNull().references("person", column: "login")
            t.column("contact", .text).notNull()
            t.column("materials", .text).notNull()
            t.column("version", .integer).notNull().defaults(to: 1)
        }
        try db.create(table: "notice_receipt") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("meeting_id", .integer).notNull().references("meeting", onDelete: .cascade)
            t.column("participant_id", .integer).notNull().unique().references("participant", onDelete: .cascade)
            t.column("status", .text).notNull().check(sql: "status IN ('pending','confirmed','leave')")
            t.column("attendee_login", .text).references("person", column: "login")
            t.column("leave_id", .integer).references("leave_request", onDelete: .setNull)
            t.column("answered_at", .text)
            t.column("answered_by", .text).references("person", column: "login")
            t.column("recorded_by", .text).references("person", column: "login")
            t.column("note", .text)
            t.column("version", .integer).notNull().defaults(to: 1)
            t.check(sql: "(status = 'pending') = (answered_at IS NULL)")
        }
        // The office's view and the home screen ask "which receipts of this meeting are open".
        try db.create(index: "notice_receipt_meeting", on: "notice_receipt", columns: ["meeting_id", "status"])
        try db.create(table: "seating_order") { t in
            t.column("meeting_id", .integer).notNull().references("meeting", onDelete: .cascade)
            t.column("participant_id", .integer).notNull().references("participant", onDelete: .cascade)
            t.column("rank", .integer).notNull()
            t.primaryKey(["meeting_id", "participant_id"])
        }
    }
}
