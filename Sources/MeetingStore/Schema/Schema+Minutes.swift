import GRDB

extension Schema {
    /// Minutes, their timeline and follow-ups (R43, R44, R22, R48, R46, R53–R55).
    ///
    /// Signed minutes are immutable in the database itself: triggers abort any UPDATE or DELETE
    /// of a signed row, so not even a raw `sqlite3` session can alter one. The number is unique
    /// per meeting kind and year, so two processes signing at once can never share one.
    static func minutes(_ db: Database) throws {
        try db.create(table: "minutes") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("meeting_id", .integer).notNull().references("meeting")
            t.column("meeting_kind", .text).notNull().check(sql: "meeting_kind IN ('plenary','executive','topical')")
            t.column("route", .text).notNull().check(sql: "route IN ('mayorSigns','governmentRequest')")
            t.column("drafter_login", .text).notNull().references("person", column: "login")
            t.column("lead_department_code", .text).references("department", column: "code")
            t.column("title", .text).notNull()
            t.column("body", .text).notNull()
            t.column("state", .text).notNull()
                .check(sql: "state IN ('draft','inReview','awaitingSignature','signed','returned')")
            t.column("disclosure", .text).check(sql: "disclosure IS NULL OR disclosure IN ('public','on-request','not-public')")
            t.column("disclosure_reason", .text)
            t.column("classification", .text).notNull().defaults(to: "none")
                .check(sql: "classification IN ('none','internal','secret','confidential')")
            t.column("chain", .text).notNull().defaults(to: "[]")
            t.column("step", .integer).notNull().defaults(to: 0)
            t.column("step_since", .text)
            t.column("return_reason", .text)
            t.column("number_year", .integer)
            t.column("number_seq", .integer).check(sql: "number_seq IS NULL OR number_seq > 0")
            t.column("signed_at", .text)
            t.column("signed_by", .text).references("person", column: "login")
            t.column("signed_text", .text)
            t.column("sha256", .text)
            t.column("correction_of", .integer).references("minutes")
            t.column("created_at", .text).notNull()
            t.column("version", .integer).notNull().defaults(to: 1)
            t.check(sql: "(number_year IS NULL) = (number_seq IS NULL)")
            t.check(sql: """
                state <> 'signed' OR (number_seq IS NOT NULL AND signed_at IS NOT NULL AND signed_by IS NOT NULL \
                AND signed_text IS NOT NULL AND length(sha256) = 64 AND disclosure IS NOT NULL)
                """)
        }
        try db.create(index: "minutes_number", on: "minutes", columns: ["meeting_kind", "number_year", "number_seq"], unique: true)
        // One original per meeting; each signed document has at most one correction.
        try db.create(index: "minutes_meeting_original", on: "minutes", columns: ["meeting_id"], unique: true,
                      condition: Column("correction_of") == nil)
        try db.create(index: "minutes_correction", on: "minutes", columns: ["correction_of"], unique: true)
        try db.create(index: "minutes_state", on: "minutes", columns: ["state"])

        try db.execute(sql: """
            CREATE TRIGGER minutes_signed_no_update BEFORE UPDATE ON minutes WHEN OLD.state = 'signed'
            BEGIN SELECT RAISE(ABORT, 'R43: signed minutes are immutable; draft a correction'); END;
            CREATE TRIGGER minutes_signed_no_delete BEFORE DELETE ON minutes WHEN OLD.state = 'signed'
            BEGIN SELECT RAISE(ABORT, 'R43: signed minutes are immutable and cannot be deleted'); END;
            CREATE TRIGGER minutes_never_deleted BEFORE DELETE ON minutes WHEN OLD.state <> 'signed'
            BEGIN SELECT RAISE(ABORT, 'minutes are never deleted'); END;
            """)

        try db.create(table: "minutes_history") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("minutes_id", .integer).notNull().references("minutes")
            t.column("at", .text).notNull()
            t.column("actor_login", .text).notNull().references("person", column: "login")
            t.column("recorded_by", .text).references("person", column: "login")
            t.column("action", .text).notNull()
            t.column("state", .text).notNull()
            t.column("note", .text)
        }
        try db.create(index: "minutes_history_minutes", on: "minutes_history", columns: ["minutes_id", "id"])
        try db.execute(sql: """
            CREATE TRIGGER minutes_history_no_update BEFORE UPDATE ON minutes_history
            BEGIN SELECT RAISE(ABORT, 'the minutes timeline is append-only'); END;
            CREATE TRIGGER minutes_history_no_delete BEFORE DELETE ON minutes_history
            BEGIN SELECT RAISE(ABORT, 'the minutes timeline is append-only'); END;
            CREATE TRIGGER minutes_history_closed BEFORE INSERT ON minutes_history
            WHEN (SELECT state FROM minutes WHERE id = NEW.minutes_id) = 'signed'
            BEGIN SELECT RAISE(ABORT, 'R43: signed minutes are immutable'); END;
            """)

        try db.create(table: "follow_up") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("minutes_id", .integer).notNull().references("minutes")
            t.column("item_id", .integer)
            t.column("lead_department_code", .text).notNull().references("department", column: "code")
            t.column("description", .text).notNull()
            t.column("due_day", .text).notNull()
            t.column("status", .text).notNull().check(sql: "status IN ('open','done')")
            t.column("done_note", .text)
            t.column("done_at", .text)
            t.column("done_by", .text).references("person", column: "login")
            t.column("created_at", .text).notNull()
            t.column("version", .integer).notNull().defaults(to: 1)
            t.check(sql: "status = 'open' OR (done_note IS NOT NULL AND done_at IS NOT NULL AND done_by IS NOT NULL)")
        }
        // A decision is followed up once, even when a correction of its minutes is signed.
        try db.create(index: "follow_up_item", on: "follow_up", columns: ["item_id"], unique: true)
        try db.create(index: "follow_up_department", on: "follow_up", columns: ["lead_department_code", "status", "due_day"])
        try db.create(index: "follow_up_minutes", on: "follow_up", columns: ["minutes_id"])
        try db.execute(sql: """
            CREATE TRIGGER follow_up_from_signed BEFORE INSERT ON follow_up
            WHEN (SELECT state FROM minutes WHERE id = NEW.minutes_id) IS NOT 'signed'
            BEGIN SELECT RAISE(ABORT, 'follow-ups come from signed minutes only (R53)'); END;
            """)
    }
}
