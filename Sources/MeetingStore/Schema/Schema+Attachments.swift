import GRDB

extension Schema {
    /// Files attached to agenda items and minutes: the copy's place, its SHA-256 and size.
    /// A row is never changed; signed minutes take no new row, even from the `sqlite3` shell (R43).
    static func attachments(_ db: Database) throws {
        try db.create(table: "attachment") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("item_id", .integer).references("agenda_item")
            t.column("minutes_id", .integer).references("minutes")
            t.column("name", .text).notNull()
            t.column("stored_path", .text).notNull()
            t.column("sha256", .text).notNull().check(sql: "length(sha256) = 64")
            t.column("size", .integer).notNull().check(sql: "size >= 0")
            t.column("added_by", .text).notNull().references("person", column: "login")
            t.column("added_at", .text).notNull()
            t.check(sql: "(item_id IS NULL) <> (minutes_id IS NULL)")
        }
        try db.create(index: "attachment_item", on: "attachment", columns: ["item_id"])
        try db.create(index: "attachment_minutes", on: "attachment", columns: ["minutes_id"])
        try db.execute(sql: """
            CREATE TRIGGER attachment_signed_minutes BEFORE INSERT ON attachment
            WHEN NEW.minutes_id IS NOT NULL AND (SELECT state FROM minutes WHERE id = NEW.minutes_id) = 'signed'
            BEGIN SELECT RAISE(ABORT, 'R43: signed minutes are immutable; attach to a correction'); END;
            CREATE TRIGGER attachment_no_update BEFORE UPDATE ON attachment
            BEGIN SELECT RAISE(ABORT, 'attachments are never changed; attach the new version'); END;
            """)
    }
}
