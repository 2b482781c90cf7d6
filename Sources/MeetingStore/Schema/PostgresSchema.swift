/// The schema on PostgreSQL: the tables, columns, checks, indexes and triggers that
/// ``Schema`` builds on SQLite, as migrations of the same names and order, recorded in
/// `huiwu_migrations`. Versioned and forward-only like SQLite's: a released migration is
/// never edited, and each runs in one transaction (PostgreSQL's DDL is transactional, so a
/// database is never half-migrated).
///
/// Types follow what SQLite stores: text for text and ISO dates and times (they sort as
/// text, and the database's collation is `C.UTF-8`, so text sorts by code point as in SQLite,
/// docs/architecture.md), `BIGINT` for every integer, `BOOLEAN` for flags. No PostgreSQL office
/// predates these migrations, so they carry none of the data repairs of SQLite's (an empty
/// table has nothing to repair); later migrations will, on both engines. Chinese search is
/// pg_trgm's and the pieces index on the source columns instead of an FTS5 table
/// (``PostgresDialect/searchIndexes(on:column:)``). `PostgresSchemaTests` compares the result
/// with SQLite's, table by table, column by column, index and trigger by name.
package enum PostgresSchema {
    /// The migrations in order: identifier and statements.
    static var migrations: [(identifier: String, statements: (PostgresDialect) -> [String])] { [
        ("v1-foundation", foundation),
        ("v2-meetings", meetings),
        ("v3-scheduling", scheduling),
        ("v4-agenda", agenda),
        ("v5-leave", leave),
        ("v6-minutes", minutes),
        ("v7-search", search),
        ("v8-attachments", attachments),
        ("v9-performance", performance),
        ("v10-scale", scale),
        ("v11-on-behalf", onBehalf),
        ("v11-documents", documents),
        ("v11-rules2", rules2),
        ("v12-precedence", precedence),
        ("v13-attachment-content", attachmentContent),
        ("v14-report", report),
        ("v15-open-items", openItems),
    ] }

    /// A reference to a person (``Person/login``).
    private static let person = "TEXT REFERENCES person (login)"

    /// Applies the migrations `db` lacks, each in its own transaction, under the write lock
    /// (two servers starting at once migrate once).
    package static func migrate(_ db: any SQLConnection) throws {
        try db.exec("CREATE TABLE IF NOT EXISTS huiwu_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
        for migration in migrations {
            for statement in db.dialect.beginWrite { try db.exec(statement) }
            do {
                if try db.value(String.self, "SELECT identifier FROM huiwu_migrations WHERE identifier = ?", migration.identifier) == nil {
                    for statement in migration.statements(PostgresDialect()) { try db.exec(statement) }
                    try db.exec("INSERT INTO huiwu_migrations (identifier) VALUES (?)", migration.identifier)
                }
                try db.exec("COMMIT")
            } catch {
                _ = try? db.exec("ROLLBACK")
                throw error
            }
        }
    }

    /// The migrations applied to `db`.
    package static func applied(_ db: any SQLConnection) throws -> Set<String> {
        Set(try db.rows("SELECT identifier FROM huiwu_migrations").map { try $0.get("identifier", as: String.self) })
    }

    /// The org chart, settings, holiday data and the audit log (``Schema/foundation(_:)``).
    static func foundation(_ dialect: PostgresDialect) -> [String] {
        [
            "CREATE TABLE setting (key TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL)",
            "CREATE TABLE term (number BIGINT NOT NULL PRIMARY KEY, name TEXT NOT NULL, start_day TEXT NOT NULL)",
            """
            CREATE TABLE department (code TEXT NOT NULL PRIMARY KEY, name TEXT NOT NULL,
              kind TEXT NOT NULL CHECK (kind IN ('constituent','unit','street','external')),
              head_login TEXT, supervisor_login TEXT, version BIGINT NOT NULL DEFAULT 1)
            """,
            """
            CREATE TABLE person (login TEXT NOT NULL PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL,
              department_code TEXT REFERENCES department (code) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
              is_admin \(dialect.boolean) NOT NULL DEFAULT FALSE, is_retired \(dialect.boolean) NOT NULL DEFAULT FALSE,
              version BIGINT NOT NULL DEFAULT 1)
            """,
            """
            ALTER TABLE department
              ADD FOREIGN KEY (head_login) REFERENCES person (login) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
              ADD FOREIGN KEY (supervisor_login) REFERENCES person (login) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED
            """,
            "CREATE TABLE room (name TEXT NOT NULL PRIMARY KEY)",
            "CREATE TABLE holiday_year (year BIGINT NOT NULL PRIMARY KEY, data TEXT NOT NULL)",
            """
            CREATE TABLE audit_event (seq BIGINT NOT NULL PRIMARY KEY, at TEXT NOT NULL, os_user TEXT NOT NULL, actor TEXT NOT NULL,
              on_behalf_of TEXT, action TEXT NOT NULL, entity TEXT NOT NULL, entity_id TEXT NOT NULL,
              before TEXT NOT NULL, after TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)
            """,
            "CREATE INDEX audit_event_entity ON audit_event (entity, entity_id)",
        ]
    }

    /// Meetings and their rosters (``Schema/meetings(_:)``).
    static func meetings(_ d: PostgresDialect) -> [String] {
        [
            """
            CREATE TABLE meeting (id \(d.autoIncrementedPrimaryKey),
              kind TEXT NOT NULL CHECK (kind IN ('plenary','executive','topical')),
              term_number BIGINT NOT NULL REFERENCES term (number), number BIGINT, title TEXT NOT NULL DEFAULT '',
              convener_login \(person) NOT NULL, chair_login \(person) NOT NULL, start TEXT NOT NULL,
              duration_minutes BIGINT NOT NULL CHECK (duration_minutes > 0), room TEXT, status TEXT NOT NULL, approval TEXT NOT NULL,
              in_government_name \(d.boolean) NOT NULL, live_broadcast \(d.boolean) NOT NULL, series TEXT, status_reason TEXT,
              version BIGINT NOT NULL DEFAULT 1)
            """,
            "CREATE INDEX meeting_start ON meeting (start)",
            "CREATE INDEX meeting_kind_start ON meeting (kind, start)",
            """
            CREATE TABLE participant (id \(d.autoIncrementedPrimaryKey),
              meeting_id BIGINT NOT NULL REFERENCES meeting (id) ON DELETE CASCADE, person_login \(person),
              guest_name TEXT, guest_org TEXT, role TEXT NOT NULL CHECK (role IN ('member','sitsIn','invited')),
              position BIGINT NOT NULL, CHECK ((person_login IS NULL) <> (guest_name IS NULL)))
            """,
            "CREATE INDEX participant_meeting ON participant (meeting_id, position)",
            "CREATE INDEX participant_person ON participant (person_login, meeting_id)",
        ]
    }

    /// Cadence dates, chair delegation, moves and absences (``Schema/scheduling(_:)``).
    static func scheduling(_ d: PostgresDialect) -> [String] {
        [
            """
            ALTER TABLE meeting ADD COLUMN series_day TEXT,
              ADD COLUMN chair_delegation TEXT CHECK (chair_delegation IN ('entrusted','mayorAway'))
            """,
            "CREATE UNIQUE INDEX meeting_series_day ON meeting (series, series_day) WHERE series IS NOT NULL",
            """
            CREATE TABLE meeting_move (id \(d.autoIncrementedPrimaryKey),
              meeting_id BIGINT NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
              previous_start TEXT NOT NULL, previous_duration_minutes BIGINT NOT NULL, new_start TEXT NOT NULL,
              new_duration_minutes BIGINT NOT NULL, reason TEXT, moved_at TEXT NOT NULL, moved_by TEXT NOT NULL)
            """,
            "CREATE INDEX meeting_move_meeting ON meeting_move (meeting_id, id)",
            """
            CREATE TABLE absence (id \(d.autoIncrementedPrimaryKey), person_login \(person) NOT NULL,
              from_day TEXT NOT NULL, to_day TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('trip','visit','leave')),
              reason TEXT NOT NULL, status TEXT NOT NULL CHECK (status IN ('pending','approved','refused')),
              needs_mayor \(d.boolean) NOT NULL, supervisor_login \(person), mayor_approved_at TEXT, supervisor_approved_at TEXT,
              refused_by TEXT, refusal_reason TEXT, registered_by TEXT NOT NULL, registered_at TEXT NOT NULL,
              version BIGINT NOT NULL DEFAULT 1, CHECK (from_day <= to_day))
            """,
            "CREATE INDEX absence_days ON absence (from_day, to_day)",
            "CREATE INDEX absence_person ON absence (person_login, from_day)",
        ]
    }

    /// Agenda items, their departments, opinions, preconditions, timeline and agenda places
    /// (``Schema/agenda(_:)``).
    static func agenda(_ d: PostgresDialect) -> [String] {
        let states = "'draft','consulting','consensus','disputed','approved','accepted','scheduled','decided','withdrawn'"
        return [
            """
            CREATE TABLE agenda_item (id \(d.autoIncrementedPrimaryKey), title TEXT NOT NULL, summary TEXT NOT NULL DEFAULT '',
              lead_code TEXT NOT NULL REFERENCES department (code), major \(d.boolean) NOT NULL, normative \(d.boolean) NOT NULL,
              public_interest \(d.boolean) NOT NULL, market \(d.boolean) NOT NULL, category BIGINT CHECK (category BETWEEN 1 AND 6),
              state TEXT NOT NULL CHECK (state IN (\(states))), statement TEXT, statement_by \(person), statement_at TEXT,
              meeting_id BIGINT REFERENCES meeting (id), decision TEXT, withdrawal_reason TEXT, created_by \(person) NOT NULL,
              created_at TEXT NOT NULL, step_started_at TEXT NOT NULL, version BIGINT NOT NULL DEFAULT 1)
            """,
            "CREATE INDEX agenda_item_state ON agenda_item (state)",
            "CREATE INDEX agenda_item_lead ON agenda_item (lead_code)",
            "CREATE INDEX agenda_item_meeting ON agenda_item (meeting_id)",
            """
            CREATE TABLE agenda_related (item_id BIGINT NOT NULL REFERENCES agenda_item (id),
              department_code TEXT NOT NULL REFERENCES department (code), position BIGINT NOT NULL,
              PRIMARY KEY (item_id, department_code))
            """,
            "CREATE INDEX agenda_related_department ON agenda_related (department_code)",
            """
            CREATE TABLE agenda_opinion (id \(d.autoIncrementedPrimaryKey), item_id BIGINT NOT NULL REFERENCES agenda_item (id),
              department_code TEXT NOT NULL REFERENCES department (code), stance TEXT NOT NULL CHECK (stance IN ('agree','disagree')),
              reason TEXT, given_by \(person) NOT NULL, recorded_by \(person) NOT NULL, at TEXT NOT NULL,
              UNIQUE (item_id, department_code))
            """,
            """
            CREATE TABLE agenda_precondition (item_id BIGINT NOT NULL REFERENCES agenda_item (id), precondition TEXT NOT NULL,
              confirmed_by \(person) NOT NULL, recorded_by \(person) NOT NULL, at TEXT NOT NULL, note TEXT,
              PRIMARY KEY (item_id, precondition))
            """,
            """
            CREATE TABLE agenda_event (id \(d.autoIncrementedPrimaryKey), item_id BIGINT NOT NULL REFERENCES agenda_item (id),
              at TEXT NOT NULL, kind TEXT NOT NULL, actor \(person) NOT NULL, on_behalf_of \(person), from_state TEXT,
              to_state TEXT NOT NULL, department_code TEXT, precondition TEXT, meeting_id BIGINT, text TEXT, statement TEXT,
              outcome TEXT)
            """,
            "CREATE INDEX agenda_event_item ON agenda_event (item_id, id)",
            """
            CREATE TABLE agenda_slot (meeting_id BIGINT NOT NULL REFERENCES meeting (id),
              item_id BIGINT NOT NULL REFERENCES agenda_item (id), position BIGINT NOT NULL,
              planned_minutes BIGINT NOT NULL CHECK (planned_minutes > 0), deferred \(d.boolean) NOT NULL DEFAULT FALSE,
              PRIMARY KEY (meeting_id, item_id))
            """,
            "CREATE INDEX agenda_slot_item ON agenda_slot (item_id)",
        ]
    }

    /// Leave requests, sign-in records and the mayor's read reports (``Schema/leave(_:)``).
    static func leave(_ d: PostgresDialect) -> [String] {
        [
            """
            CREATE TABLE leave_request (id \(d.autoIncrementedPrimaryKey),
              meeting_id BIGINT NOT NULL REFERENCES meeting (id) ON DELETE CASCADE, person_login \(person) NOT NULL,
              reason TEXT NOT NULL, substitute_login \(person),
              status TEXT NOT NULL CHECK (status IN ('pending','approved','rejected')), approver_login \(person) NOT NULL,
              filed_by \(person) NOT NULL, filed_at TEXT NOT NULL, source TEXT NOT NULL CHECK (source IN ('request','absence')),
              override_reason TEXT, override_by \(person), decided_by \(person), decision_recorded_by \(person), decided_at TEXT,
              decision_reason TEXT, version BIGINT NOT NULL DEFAULT 1, CHECK ((status = 'pending') = (decided_at IS NULL)))
            """,
            "CREATE UNIQUE INDEX leave_request_open ON leave_request (meeting_id, person_login) WHERE status <> 'rejected'",
            "CREATE INDEX leave_request_status ON leave_request (status, approver_login)",
            """
            CREATE TABLE attendance (id \(d.autoIncrementedPrimaryKey),
              meeting_id BIGINT NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
              participant_id BIGINT NOT NULL UNIQUE REFERENCES participant (id) ON DELETE CASCADE, person_login \(person),
              status TEXT NOT NULL CHECK (status IN ('present','late','absent','leave','substitute')), late_minutes BIGINT,
              substitute_login \(person), recorded_by \(person) NOT NULL, recorded_at TEXT NOT NULL,
              version BIGINT NOT NULL DEFAULT 1, CHECK ((status = 'late') = (late_minutes IS NOT NULL)),
              CHECK ((status = 'substitute') = (substitute_login IS NOT NULL)))
            """,
            "CREATE INDEX attendance_meeting ON attendance (meeting_id)",
            "CREATE INDEX attendance_person ON attendance (person_login)",
            """
            CREATE TABLE leave_report_read (meeting_id BIGINT NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
              reader_login \(person) NOT NULL, fingerprint TEXT NOT NULL, read_at TEXT NOT NULL,
              PRIMARY KEY (meeting_id, reader_login))
            """,
        ]
    }

    /// Minutes, their timeline and follow-ups (``Schema/minutes(_:)``): signed minutes are
    /// immutable in the database itself.
    static func minutes(_ d: PostgresDialect) -> [String] {
        [
            """
            CREATE TABLE minutes (id \(d.autoIncrementedPrimaryKey), meeting_id BIGINT NOT NULL REFERENCES meeting (id),
              meeting_kind TEXT NOT NULL CHECK (meeting_kind IN ('plenary','executive','topical')),
              route TEXT NOT NULL CONSTRAINT minutes_route_check CHECK (route IN ('mayorSigns','governmentRequest')),
              drafter_login \(person) NOT NULL, lead_department_code TEXT REFERENCES department (code), title TEXT NOT NULL,
              body TEXT NOT NULL, state TEXT NOT NULL CHECK (state IN ('draft','inReview','awaitingSignature','signed','returned')),
              disclosure TEXT CHECK (disclosure IS NULL OR disclosure IN ('public','on-request','not-public')), disclosure_reason TEXT,
              classification TEXT NOT NULL DEFAULT 'none' CHECK (classification IN ('none','internal','secret','confidential')),
              chain TEXT NOT NULL DEFAULT '[]', step BIGINT NOT NULL DEFAULT 0, step_since TEXT, return_reason TEXT,
              number_year BIGINT, number_seq BIGINT CHECK (number_seq IS NULL OR number_seq > 0), signed_at TEXT,
              signed_by \(person), signed_text TEXT, sha256 TEXT, correction_of BIGINT REFERENCES minutes (id),
              created_at TEXT NOT NULL, version BIGINT NOT NULL DEFAULT 1,
              CHECK ((number_year IS NULL) = (number_seq IS NULL)),
              CONSTRAINT minutes_signed_check CHECK (state <> 'signed' OR (number_seq IS NOT NULL AND signed_at IS NOT NULL
                AND signed_by IS NOT NULL AND signed_text IS NOT NULL AND length(sha256) = 64 AND disclosure IS NOT NULL)))
            """,
            "CREATE UNIQUE INDEX minutes_number ON minutes (meeting_kind, number_year, number_seq)",
            "CREATE UNIQUE INDEX minutes_meeting_original ON minutes (meeting_id) WHERE correction_of IS NULL",
            "CREATE UNIQUE INDEX minutes_correction ON minutes (correction_of)",
            "CREATE INDEX minutes_state ON minutes (state)",
        ]
        + d.refusingTrigger(named: "minutes_signed_no_update", on: "minutes", before: .update, when: "OLD.state = 'signed'",
                            message: "R43: signed minutes are immutable; draft a correction")
        + d.refusingTrigger(named: "minutes_signed_no_delete", on: "minutes", before: .delete, when: "OLD.state = 'signed'",
                            message: "R43: signed minutes are immutable and cannot be deleted")
        + d.refusingTrigger(named: "minutes_never_deleted", on: "minutes", before: .delete, when: "OLD.state <> 'signed'",
                            message: "minutes are never deleted")
        + [
            """
            CREATE TABLE minutes_history (id \(d.autoIncrementedPrimaryKey), minutes_id BIGINT NOT NULL REFERENCES minutes (id),
              at TEXT NOT NULL, actor_login \(person) NOT NULL, recorded_by \(person), action TEXT NOT NULL, state TEXT NOT NULL,
              note TEXT)
            """,
            "CREATE INDEX minutes_history_minutes ON minutes_history (minutes_id, id)",
        ]
        + d.refusingTrigger(named: "minutes_history_no_update", on: "minutes_history", before: .update, when: nil,
                            message: "the minutes timeline is append-only")
        + d.refusingTrigger(named: "minutes_history_no_delete", on: "minutes_history", before: .delete, when: nil,
                            message: "the minutes timeline is append-only")
        + d.refusingTrigger(named: "minutes_history_closed", on: "minutes_history", before: .insert,
                            when: "(SELECT state FROM minutes WHERE id = NEW.minutes_id) = 'signed'",
                            message: "R43: signed minutes are immutable")
        + [
            """
            CREATE TABLE follow_up (id \(d.autoIncrementedPrimaryKey), minutes_id BIGINT NOT NULL REFERENCES minutes (id),
              item_id BIGINT, lead_department_code TEXT NOT NULL REFERENCES department (code), description TEXT NOT NULL,
              due_day TEXT NOT NULL, status TEXT NOT NULL CHECK (status IN ('open','done')), done_note TEXT, done_at TEXT,
              done_by \(person), created_at TEXT NOT NULL, version BIGINT NOT NULL DEFAULT 1,
              CHECK (status = 'open' OR (done_note IS NOT NULL AND done_at IS NOT NULL AND done_by IS NOT NULL)))
            """,
            "CREATE UNIQUE INDEX follow_up_item ON follow_up (item_id)",
            "CREATE INDEX follow_up_department ON follow_up (lead_department_code, status, due_day)",
            "CREATE INDEX follow_up_minutes ON follow_up (minutes_id)",
        ]
        + d.refusingTrigger(named: "follow_up_from_signed", on: "follow_up", before: .insert,
                            when: "(SELECT state FROM minutes WHERE id = NEW.minutes_id) IS DISTINCT FROM 'signed'",
                            message: "follow-ups come from signed minutes only (R53)")
    }

    /// The columns Chinese search reads (``Schema/search(_:)``): pg_trgm and the pieces index
    /// instead of FTS5. pg_trgm is a trusted extension: the database's owner may create it.
    static func search(_ d: PostgresDialect) -> [String] {
        let columns = [("meeting", "title"), ("agenda_item", "title"), ("agenda_item", "summary"), ("agenda_item", "decision"),
                       ("agenda_item", "statement"), ("agenda_opinion", "reason"), ("minutes", "title"), ("minutes", "body")]
        return ["CREATE EXTENSION IF NOT EXISTS pg_trgm", PostgresDialect.gramsFunction]
            + columns.flatMap { d.searchIndexes(on: $0.0, column: $0.1) }
    }

    /// Attached files' records (``Schema/attachments(_:)``).
    static func attachments(_ d: PostgresDialect) -> [String] {
        [
            """
            CREATE TABLE attachment (id \(d.autoIncrementedPrimaryKey), item_id BIGINT REFERENCES agenda_item (id),
              minutes_id BIGINT REFERENCES minutes (id), name TEXT NOT NULL, stored_path TEXT NOT NULL,
              sha256 TEXT NOT NULL CHECK (length(sha256) = 64), size BIGINT NOT NULL CHECK (size >= 0),
              added_by \(person) NOT NULL, added_at TEXT NOT NULL, CHECK ((item_id IS NULL) <> (minutes_id IS NULL)))
            """,
            "CREATE INDEX attachment_item ON attachment (item_id)",
            "CREATE INDEX attachment_minutes ON attachment (minutes_id)",
        ]
        + d.refusingTrigger(named: "attachment_signed_minutes", on: "attachment", before: .insert,
                            when: "NEW.minutes_id IS NOT NULL AND (SELECT state FROM minutes WHERE id = NEW.minutes_id) = 'signed'",
                            message: "R43: signed minutes are immutable; attach to a correction")
        + d.refusingTrigger(named: "attachment_no_update", on: "attachment", before: .update, when: nil,
                            message: "attachments are never changed; attach the new version")
    }

    /// Indexes of the paths a user waits on (``Schema/performance(_:)``).
    static func performance(_ d: PostgresDialect) -> [String] {
        [
            "CREATE INDEX leave_request_meeting ON leave_request (meeting_id, id)",
            "CREATE INDEX meeting_approval ON meeting (approval, start)",
            "CREATE INDEX minutes_meeting ON minutes (meeting_id, id)",
            "CREATE INDEX agenda_item_open ON agenda_item (id) WHERE state IN ('draft','consulting','consensus','disputed','approved','accepted')",
            "CREATE INDEX minutes_open ON minutes (step_since, id) WHERE state IN ('inReview','awaitingSignature','returned')",
            "CREATE INDEX leave_request_pending ON leave_request (approver_login, id) WHERE status = 'pending'",
        ]
    }

    /// Indexes for an office history of realistic size (``Schema/scale(_:)``).
    static func scale(_ d: PostgresDialect) -> [String] {
        let header = "id, meeting_id, meeting_kind, route, drafter_login, title, state, classification, chain, number_year, number_seq, created_at"
        return [
            "CREATE INDEX follow_up_status_due ON follow_up (status, due_day)",
            "CREATE INDEX follow_up_due ON follow_up (due_day)",
            "CREATE INDEX follow_up_department_due ON follow_up (lead_department_code, due_day)",
            "CREATE INDEX follow_up_done_at ON follow_up (done_at)",
            "CREATE INDEX agenda_event_kind_at ON agenda_event (kind, at, item_id)",
            "CREATE INDEX minutes_listing ON minutes (\(header))",
            "CREATE INDEX minutes_classified ON minutes (\(header)) WHERE classification <> 'none'",
        ]
    }

    /// Decisions recorded for a leader (代录) (``Schema/onBehalf(_:)``).
    static func onBehalf(_ d: PostgresDialect) -> [String] {
        [
            """
            CREATE TABLE on_behalf_record (seq BIGINT NOT NULL PRIMARY KEY REFERENCES audit_event (seq),
              leader_login TEXT NOT NULL, recorder_login TEXT NOT NULL, action TEXT NOT NULL, entity TEXT NOT NULL,
              entity_id TEXT NOT NULL, at TEXT NOT NULL,
              status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','confirmed','disputed','acknowledged')),
              answered_at TEXT, note TEXT)
            """,
            "CREATE INDEX on_behalf_pending ON on_behalf_record (leader_login, seq) WHERE status = 'pending'",
            "CREATE INDEX on_behalf_disputed ON on_behalf_record (seq) WHERE status = 'disputed'",
        ]
    }

    /// Notices, receipts and seating orders (``Schema/documents(_:)``).
    static func documents(_ d: PostgresDialect) -> [String] {
        [
            """
            CREATE TABLE meeting_notice (meeting_id BIGINT NOT NULL PRIMARY KEY REFERENCES meeting (id) ON DELETE CASCADE,
              sent_at TEXT NOT NULL, sent_by \(person) NOT NULL, contact TEXT NOT NULL, materials TEXT NOT NULL,
              version BIGINT NOT NULL DEFAULT 1)
            """,
            """
            CREATE TABLE notice_receipt (id \(d.autoIncrementedPrimaryKey),
              meeting_id BIGINT NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
              participant_id BIGINT NOT NULL UNIQUE REFERENCES participant (id) ON DELETE CASCADE,
              status TEXT NOT NULL CHECK (status IN ('pending','confirmed','leave')), attendee_login \(person),
              leave_id BIGINT REFERENCES leave_request (id) ON DELETE SET NULL, answered_at TEXT, answered_by \(person),
              recorded_by \(person), note TEXT, version BIGINT NOT NULL DEFAULT 1,
              CHECK ((status = 'pending') = (answered_at IS NULL)))
            """,
            "CREATE INDEX notice_receipt_meeting ON notice_receipt (meeting_id, status)",
            """
            CREATE TABLE seating_order (meeting_id BIGINT NOT NULL REFERENCES meeting (id) ON DELETE CASCADE,
              participant_id BIGINT NOT NULL REFERENCES participant (id) ON DELETE CASCADE, rank BIGINT NOT NULL,
              PRIMARY KEY (meeting_id, participant_id))
            """,
        ]
    }

    /// The rules' second reading (``Schema/rules2(_:)``). What SQLite rebuilds the minutes
    /// table for (a CHECK it cannot change) is one `ALTER TABLE` here.
    static func rules2(_ d: PostgresDialect) -> [String] {
        let appendOnly = { (table: String) in
            d.refusingTrigger(named: "\(table)_no_update", on: table, before: .update, when: nil, message: "\(table) is append-only")
            + d.refusingTrigger(named: "\(table)_no_delete", on: table, before: .delete, when: nil, message: "\(table) is append-only")
        }
        let fixed = ["meeting_id", "meeting_kind", "route", "drafter_login", "lead_department_code", "title", "body", "state",
                     "chain", "step", "step_since", "return_reason", "number_year", "number_seq", "signed_at", "signed_by",
                     "signed_text", "sha256", "correction_of", "created_at"]
        var statements = [
            "ALTER TABLE meeting ADD COLUMN number_fixed \(d.boolean) NOT NULL DEFAULT FALSE",
            """
            CREATE TABLE meeting_numbering (term_number BIGINT NOT NULL REFERENCES term (number),
              kind TEXT NOT NULL CHECK (kind IN ('plenary','executive','topical')),
              first_number BIGINT NOT NULL CHECK (first_number > 0), set_by TEXT NOT NULL, set_at TEXT NOT NULL,
              PRIMARY KEY (term_number, kind))
            """,
            "CREATE UNIQUE INDEX meeting_number ON meeting (term_number, kind, number) WHERE number IS NOT NULL",
            """
            ALTER TABLE agenda_item ADD COLUMN hearing \(d.boolean) NOT NULL DEFAULT FALSE,
              ADD COLUMN report_to_congress \(d.boolean) NOT NULL DEFAULT FALSE, ADD COLUMN coordination_failed_at TEXT,
              ADD COLUMN statement_proposal TEXT, ADD COLUMN statement_given_by \(person)
            """,
            """
            CREATE TABLE agenda_notice (id \(d.autoIncrementedPrimaryKey), item_id BIGINT NOT NULL REFERENCES agenda_item (id),
              department_code TEXT NOT NULL REFERENCES department (code), meeting_id BIGINT NOT NULL REFERENCES meeting (id),
              kind TEXT NOT NULL CHECK (kind IN ('returned','moved')), previous_start TEXT, at TEXT NOT NULL,
              by \(person) NOT NULL, acknowledged_at TEXT, acknowledged_by \(person))
            """,
            "CREATE INDEX agenda_notice_open ON agenda_notice (department_code, id) WHERE acknowledged_at IS NULL",
            "CREATE INDEX agenda_notice_item ON agenda_notice (item_id, id)",
            """
            ALTER TABLE department ADD COLUMN entrusted_deputy_login TEXT
              REFERENCES person (login) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED
            """,
            """
            CREATE TABLE minutes_declassification (id \(d.autoIncrementedPrimaryKey),
              minutes_id BIGINT NOT NULL REFERENCES minutes (id), from_classification TEXT NOT NULL,
              to_classification TEXT NOT NULL, disclosure TEXT, reason TEXT NOT NULL, by \(person) NOT NULL,
              recorded_by \(person) NOT NULL, at TEXT NOT NULL)
            """,
        ]
        statements += appendOnly("minutes_declassification")
        statements += [
            "CREATE INDEX minutes_declassification_minutes ON minutes_declassification (minutes_id, id)",
            """
            ALTER TABLE minutes DROP CONSTRAINT minutes_route_check, DROP CONSTRAINT minutes_signed_check,
              ADD CONSTRAINT minutes_route_check CHECK (route IN ('mayorSigns','governmentRequest','chairSigns')),
              ADD CONSTRAINT minutes_signed_check CHECK (state <> 'signed' OR (signed_at IS NOT NULL AND signed_by IS NOT NULL
                AND signed_text IS NOT NULL AND length(sha256) = 64 AND disclosure IS NOT NULL
                AND (number_seq IS NOT NULL OR route = 'chairSigns')))
            """,
            "DROP TRIGGER minutes_signed_no_update ON minutes",
            "DROP FUNCTION minutes_signed_no_update()",
        ]
        statements += d.refusingTrigger(named: "minutes_signed_no_update", on: "minutes", before: .update, when: """
            OLD.state = 'signed' AND (\(fixed.map { "NEW.\($0) IS DISTINCT FROM OLD.\($0)" }.joined(separator: " OR "))
              OR NOT EXISTS (SELECT 1 FROM minutes_declassification d WHERE d.minutes_id = OLD.id
                             AND d.from_classification = OLD.classification AND d.to_classification = NEW.classification))
            """, message: "R43: signed minutes are immutable; draft a correction")
        statements += [
            """
            CREATE TABLE minutes_dispatch (minutes_id BIGINT NOT NULL PRIMARY KEY REFERENCES minutes (id),
              sent_by \(person) NOT NULL, recorded_by \(person) NOT NULL, sent_at TEXT NOT NULL)
            """,
        ]
        statements += appendOnly("minutes_dispatch")
        statements += [
            """
            ALTER TABLE absence ADD COLUMN withdrawn_by TEXT, ADD COLUMN withdrawn_at TEXT, ADD COLUMN withdrawal_reason TEXT,
              ADD COLUMN reported_by TEXT, ADD COLUMN reported_at TEXT
            """,
            """
            CREATE TABLE follow_up_unit (follow_up_id BIGINT NOT NULL REFERENCES follow_up (id),
              department_code TEXT NOT NULL REFERENCES department (code), PRIMARY KEY (follow_up_id, department_code))
            """,
            "CREATE INDEX follow_up_unit_department ON follow_up_unit (department_code, follow_up_id)",
            """
            CREATE TABLE follow_up_report (id \(d.autoIncrementedPrimaryKey), follow_up_id BIGINT NOT NULL REFERENCES follow_up (id),
              kind TEXT NOT NULL CHECK (kind IN ('progress','completed','extension','dueMoved')),
              department_code TEXT REFERENCES department (code), text TEXT NOT NULL, due_day TEXT, by \(person) NOT NULL,
              recorded_by \(person) NOT NULL, at TEXT NOT NULL)
            """,
        ]
        statements += appendOnly("follow_up_report")
        statements += [
            "CREATE INDEX follow_up_report_follow_up ON follow_up_report (follow_up_id, id)",
            """
            ALTER TABLE follow_up ADD COLUMN pending_request TEXT
              CHECK (pending_request IS NULL OR pending_request IN ('completed','extension'))
            """,
            "CREATE INDEX follow_up_pending_request ON follow_up (id) WHERE pending_request IS NOT NULL AND status = 'open'",
            "CREATE INDEX minutes_signed_at ON minutes (signed_at) WHERE state = 'signed'",
        ]
        return statements
    }

    /// The org chart's stored order of precedence (``Schema/precedence(_:)``). PostgreSQL kept
    /// no order of entry, so an office already here (made by `init`, or copied before this
    /// migration, rows in key order) takes it from its audit log: the seq of each row's
    /// creation event, which `init`, the org import and the admin commands wrote in the order
    /// they inserted (the same order as SQLite's rowid for a copied office). A row without one
    /// keeps 0 and sorts first, by its key.
    static func precedence(_ d: PostgresDialect) -> [String] {
        [
            "ALTER TABLE person ADD COLUMN precedence BIGINT NOT NULL DEFAULT 0",
            "ALTER TABLE department ADD COLUMN precedence BIGINT NOT NULL DEFAULT 0",
            """
            UPDATE person SET precedence = COALESCE((SELECT MIN(e.seq) FROM audit_event e
              WHERE e.entity = 'person' AND e.entity_id = person.login AND e.action = 'person.create'), 0)
            """,
            """
            UPDATE department SET precedence = COALESCE((SELECT MIN(e.seq) FROM audit_event e
              WHERE e.entity = 'department' AND e.entity_id = department.code AND e.action = 'department.create'), 0)
            """,
        ]
    }

    /// The bytes of attached files, one row per content (``Schema/attachmentContent(_:)``):
    /// where an office on PostgreSQL keeps its copies.
    static func attachmentContent(_ d: PostgresDialect) -> [String] {
        ["CREATE TABLE attachment_content (sha256 TEXT NOT NULL PRIMARY KEY CHECK (length(sha256) = 64), content BYTEA NOT NULL)"]
            + d.refusingTrigger(named: "attachment_content_no_update", on: "attachment_content", before: .update, when: nil,
                                message: Schema.attachmentContentUnchanged)
    }

    /// Indexes for the period report (``Schema/report(_:)``).
    static func report(_ d: PostgresDialect) -> [String] {
        [
            "DROP INDEX agenda_item_meeting",
            "CREATE INDEX agenda_item_meeting ON agenda_item (meeting_id, state, lead_code, created_at)",
            "CREATE INDEX agenda_slot_deferred ON agenda_slot (meeting_id) WHERE deferred",
            "DROP INDEX participant_meeting",
            "CREATE INDEX participant_meeting ON participant (meeting_id, position, person_login)",
        ]
    }

    /// The partial index of open items with their state and lead department (``Schema/openItems(_:)``).
    static func openItems(_ d: PostgresDialect) -> [String] {
        [
            "DROP INDEX agenda_item_open",
            "CREATE INDEX agenda_item_open ON agenda_item (id, state, lead_code) "
                + "WHERE state IN ('draft','consulting','consensus','disputed','approved','accepted')",
        ]
    }
}
