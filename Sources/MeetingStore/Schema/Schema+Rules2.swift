import GRDB
import MeetingKit

extension Schema {
    /// The second reading of the work rules (issue 17): published meeting numbers that never
    /// change (R37), items that follow their meeting (R5, R18), the lead department's
    /// statement and sign-off (R45(2), R45(3)), R19/R20 flags, a deputy's sign-off, the vice
    /// mayor's own minutes (R44), declassification (R22, R48), the return of signed minutes
    /// to the units (R46), absences withdrawn and reported (R7, R65) and the supervision of
    /// follow-ups (R53, R54).
    static func rules2(_ db: Database) throws {
        try meetingNumbers(db)
        try db.alter(table: "agenda_item") { t in
            t.add(column: "hearing", .boolean).notNull().defaults(to: false)
            t.add(column: "report_to_congress", .boolean).notNull().defaults(to: false)
            t.add(column: "coordination_failed_at", .text)
            t.add(column: "statement_proposal", .text)
            t.add(column: "statement_given_by", .text).references("person", column: "login")
        }
        // A statement recorded before this version followed a failed coordination.
        try db.execute(sql: "UPDATE agenda_item SET coordination_failed_at = statement_at WHERE statement IS NOT NULL")
        try db.create(table: "agenda_notice") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("item_id", .integer).notNull().references("agenda_item")
            t.column("department_code", .text).notNull().references("department", column: "code")
            t.column("meeting_id", .integer).notNull().references("meeting")
            t.column("kind", .text).notNull().check(sql: "kind IN ('returned','moved')")
            t.column("previous_start", .text)
            t.column("at", .text).notNull()
            t.column("by", .text).notNull().references("person", column: "login")
            t.column("acknowledged_at", .text)
            t.column("acknowledged_by", .text).references("person", column: "login")
        }
        // The lead department head's home screen reads only the notices not yet read.
        try db.execute(sql: "CREATE INDEX agenda_notice_open ON agenda_notice(department_code, id) WHERE acknowledged_at IS NULL")
        try db.create(index: "agenda_notice_item", on: "agenda_notice", columns: ["item_id", "id"])
        try db.alter(table: "department") { t in
            t.add(column: "entrusted_deputy_login", .text).references("person", column: "login", onDelete: .setNull, deferred: true)
        }
        try appendOnly(db, table: "minutes_declassification") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("minutes_id", .integer).notNull().references("minutes")
            t.column("from_classification", .text).notNull()
            t.column("to_classification", .text).notNull()
            t.column("disclosure", .text)
            t.column("reason", .text).notNull()
            t.column("by", .text).notNull().references("person", column: "login")
            t.column("recorded_by", .text).notNull().references("person", column: "login")
            t.column("at", .text).notNull()
        }
        try db.create(index: "minutes_declassification_minutes", on: "minutes_declassification", columns: ["minutes_id", "id"])
        try minutesRoutes(db)
        try appendOnly(db, table: "minutes_dispatch") { t in
            t.primaryKey("minutes_id", .integer).references("minutes")
            t.column("sent_by", .text).notNull().references("person", column: "login")
            t.column("recorded_by", .text).notNull().references("person", column: "login")
            t.column("sent_at", .text).notNull()
        }
        try db.alter(table: "absence") { t in
            t.add(column: "withdrawn_by", .text)
            t.add(column: "withdrawn_at", .text)
            t.add(column: "withdrawal_reason", .text)
            t.add(column: "reported_by", .text)
            t.add(column: "reported_at", .text)
        }
        try db.create(table: "follow_up_unit") { t in
            t.column("follow_up_id", .integer).notNull().references("follow_up")
            t.column("department_code", .text).notNull().references("department", column: "code")
            t.primaryKey(["follow_up_id", "department_code"])
        }
        try db.create(index: "follow_up_unit_department", on: "follow_up_unit", columns: ["department_code", "follow_up_id"])
        try appendOnly(db, table: "follow_up_report") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("follow_up_id", .integer).notNull().references("follow_up")
            t.column("kind", .text).notNull().check(sql: "kind IN ('progress','completed','extension','dueMoved')")
            t.column("department_code", .text).references("department", column: "code")
            t.column("text", .text).notNull()
            t.column("due_day", .text)
            t.column("by", .text).notNull().references("person", column: "login")
            t.column("recorded_by", .text).notNull().references("person", column: "login")
            t.column("at", .text).notNull()
        }
        try db.create(index: "follow_up_report_follow_up", on: "follow_up_report", columns: ["follow_up_id", "id"])
        try db.alter(table: "follow_up") { t in
            t.add(column: "pending_request", .text).check(sql: "pending_request IS NULL OR pending_request IN ('completed','extension')")
        }
        // The office's home screen: the few open follow-ups whose unit reported or asked (R54).
        try db.execute(sql: "CREATE INDEX follow_up_pending_request ON follow_up(id) WHERE pending_request IS NOT NULL AND status = 'open'")
        // Signed minutes the office has to send back to the units (R46(2)), by the day signed.
        try db.execute(sql: "CREATE INDEX minutes_signed_at ON minutes(signed_at) WHERE state = 'signed'")
    }

    /// R37: a number is fixed once the notices went out or the meeting was held (the audit
    /// log tells which moved meetings had been notified), each number at most once per term
    /// and kind, and an office that joins mid-term sets where numbering starts.
    private static func meetingNumbers(_ db: Database) throws {
        try db.alter(table: "meeting") { t in
            t.add(column: "number_fixed", .boolean).notNull().defaults(to: false)
        }
        try db.execute(sql: """
            UPDATE meeting SET number_fixed = 1 WHERE number IS NOT NULL AND (status IN ('notified','held')
              OR CAST(id AS TEXT) IN (SELECT entity_id FROM audit_event WHERE entity = 'meeting' AND action IN ('meeting.notify','meeting.hold')))
            """)
        try db.create(table: "meeting_numbering") { t in
            t.column("term_number", .integer).notNull().references("term", column: "number")
            t.column("kind", .text).notNull().check(sql: "kind IN ('plenary','executive','topical')")
            t.column("first_number", .integer).notNull().check(sql: "first_number > 0")
            t.column("set_by", .text).notNull()
            t.column("set_at", .text).notNull()
            t.primaryKey(["term_number", "kind"])
        }
        // Numbers given twice by the old date-order numbering are repaired before uniqueness holds.
        for row in try Row.fetchAll(db, sql: "SELECT DISTINCT term_number, kind FROM meeting") {
            guard let kind = MeetingKind(rawValue: row["kind"]) else { continue }
            try MeetingRepository.renumber(db, term: row["term_number"], kind: kind)
        }
        try db.execute(sql: "CREATE UNIQUE INDEX meeting_number ON meeting(term_number, kind, number) WHERE number IS NOT NULL")
        // The search index names a vice mayor's own topical meeting as it is now titled (专题会议).
        let id = { (row: String) in "((\(SearchKind.meeting.code) << 40) | (\(row).id << 3) | \(SearchField.title.code))" }
        let text = """
            (CASE WHEN NEW.number IS NOT NULL THEN '第' || NEW.number || '次' ELSE '' END)
            || (CASE WHEN NEW.kind = 'plenary' THEN '区政府全体会议' WHEN NEW.kind = 'executive' THEN '区政府常务会议'
                     WHEN NEW.in_government_name THEN '区政府专题会议' ELSE '专题会议' END)
            || (CASE WHEN NEW.title <> '' THEN '：' || NEW.title ELSE '' END)
            """
        let insert = "INSERT INTO search_index(rowid, text) VALUES (\(id("NEW")), \(text) || char(1, 1));"
        try db.execute(sql: """
            DROP TRIGGER search_meeting_title_insert;
            DROP TRIGGER search_meeting_title_update;
            CREATE TRIGGER search_meeting_title_insert AFTER INSERT ON meeting BEGIN \(insert) END;
            CREATE TRIGGER search_meeting_title_update AFTER UPDATE OF kind, number, title, in_government_name ON meeting BEGIN
              DELETE FROM search_index WHERE rowid = \(id("OLD"));
              \(insert)
            END;
            DELETE FROM search_index WHERE rowid IN (SELECT \(id("meeting")) FROM meeting WHERE kind = 'topical' AND NOT in_government_name);
            INSERT INTO search_index(rowid, text) SELECT \(id("meeting")), \(text.replacingOccurrences(of: "NEW.", with: "")) || char(1, 1)
              FROM meeting WHERE kind = 'topical' AND NOT in_government_name;
            """)
    }

    /// R44: a vice mayor's own minutes (route `chairSigns`) are signed by him and take no
    /// government number; R48: a signed document's classification may later be lowered by a
    /// recorded declassification, and nothing else of it changes. SQLite cannot change a
    /// CHECK constraint, so the table is rebuilt the documented way (new table, copy, drop,
    /// rename; foreign keys are off during migrations) and its indexes and triggers are
    /// created again as they were, the immutability trigger in its new form.
    private static func minutesRoutes(_ db: Database) throws {
        let recreate = try String.fetchAll(db, sql: """
            SELECT sql FROM sqlite_master WHERE tbl_name = 'minutes' AND type IN ('index', 'trigger') AND sql IS NOT NULL
              AND name <> 'minutes_signed_no_update' ORDER BY type, name
            """)
        try db.create(table: "minutes_rebuilt") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("meeting_id", .integer).notNull().references("meeting")
            t.column("meeting_kind", .text).notNull().check(sql: "meeting_kind IN ('plenary','executive','topical')")
            t.column("route", .text).notNull().check(sql: "route IN ('mayorSigns','governmentRequest','chairSigns')")
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
                state <> 'signed' OR (signed_at IS NOT NULL AND signed_by IS NOT NULL AND signed_text IS NOT NULL \
                AND length(sha256) = 64 AND disclosure IS NOT NULL AND (number_seq IS NOT NULL OR route = 'chairSigns'))
                """)
        }
        try db.execute(sql: "INSERT INTO minutes_rebuilt SELECT * FROM minutes")
        // Triggers on other tables name `minutes`; the legacy rename leaves them as they are.
        try db.execute(sql: """
            PRAGMA legacy_alter_table = ON;
            DROP TABLE minutes;
            ALTER TABLE minutes_rebuilt RENAME TO minutes;
            PRAGMA legacy_alter_table = OFF;
            """)
        for sql in recreate { try db.execute(sql: sql) }
        let fixed = ["meeting_id", "meeting_kind", "route", "drafter_login", "lead_department_code", "title", "body", "state",
                     "chain", "step", "step_since", "return_reason", "number_year", "number_seq", "signed_at", "signed_by",
                     "signed_text", "sha256", "correction_of", "created_at"]
        try db.execute(sql: """
            CREATE TRIGGER minutes_signed_no_update BEFORE UPDATE ON minutes WHEN OLD.state = 'signed'
              AND (\(fixed.map { "NEW.\($0) IS NOT OLD.\($0)" }.joined(separator: " OR "))
                   OR NOT EXISTS (SELECT 1 FROM minutes_declassification d WHERE d.minutes_id = OLD.id
                                  AND d.from_classification = OLD.classification AND d.to_classification = NEW.classification))
            BEGIN SELECT RAISE(ABORT, 'R43: signed minutes are immutable; draft a correction'); END;
            """)
    }

    /// A table whose rows are never changed or deleted: a record of what happened.
    private static func appendOnly(_ db: Database, table: String, body: (TableDefinition) -> Void) throws {
        try db.create(table: table, body: body)
        try db.execute(sql: """
            CREATE TRIGGER \(table)_no_update BEFORE UPDATE ON \(table) BEGIN SELECT RAISE(ABORT, '\(table) is append-only'); END;
            CREATE TRIGGER \(table)_no_delete BEFORE DELETE ON \(table) BEGIN SELECT RAISE(ABORT, '\(table) is append-only'); END;
            """)
    }
}
