import GRDB

/// The prepared INSERT and UPDATE statements of the generator, made once per connection and
/// reused for every row (GRDB statements outlive transactions).
struct SyntheticStatements {
    let meeting, participant, attendance, leave: Statement
    let item, related, opinion, precondition, event, slot: Statement
    let minutes, minutesHistory, signMinutes, followUp: Statement

    init(_ db: Database) throws {
        meeting = try db.makeStatement(sql: """
            INSERT INTO meeting(kind, term_number, number, title, convener_login, chair_login, start, duration_minutes,
              room, status, approval, in_government_name, live_broadcast, version)
            VALUES (?, 17, ?, ?, ?, ?, ?, ?, ?, ?, 'notRequired', ?, ?, 1)
            """)
        participant = try db.makeStatement(sql: "INSERT INTO participant(meeting_id, person_login, role, position) VALUES (?, ?, ?, ?)")
        attendance = try db.makeStatement(sql: """
            INSERT INTO attendance(meeting_id, participant_id, person_login, status, late_minutes, substitute_login, recorded_by, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        leave = try db.makeStatement(sql: """
            INSERT INTO leave_request(meeting_id, person_login, reason, substitute_login, status, approver_login, filed_by, filed_at, source,
              decided_by, decision_recorded_by, decided_at, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        item = try db.makeStatement(sql: """
            INSERT INTO agenda_item(title, summary, lead_code, major, normative, public_interest, market, category, state,
              statement, statement_by, statement_at, meeting_id, decision, withdrawal_reason, created_by, created_at, step_started_at, version,
              coordination_failed_at, statement_proposal, statement_given_by)
            VALUES (?, '', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        related = try db.makeStatement(sql: "INSERT INTO agenda_related(item_id, department_code, position) VALUES (?, ?, ?)")
        opinion = try db.makeStatement(sql: """
            INSERT INTO agenda_opinion(item_id, department_code, stance, reason, given_by, recorded_by, at) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        precondition = try db.makeStatement(sql: """
            INSERT INTO agenda_precondition(item_id, precondition, confirmed_by, recorded_by, at, note) VALUES (?, ?, ?, ?, ?, NULL)
            """)
        event = try db.makeStatement(sql: """
            INSERT INTO agenda_event(item_id, at, kind, actor, on_behalf_of, from_state, to_state, department_code, precondition,
              meeting_id, text, statement, outcome)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        slot = try db.makeStatement(sql: """
            INSERT INTO agenda_slot(meeting_id, item_id, position, planned_minutes, deferred) VALUES (?, ?, ?, ?, ?)
            """)
        minutes = try db.makeStatement(sql: """
            INSERT INTO minutes(meeting_id, meeting_kind, route, drafter_login, lead_department_code, title, body, state, disclosure,
              disclosure_reason, classification, chain, step, step_since, return_reason, created_at, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        minutesHistory = try db.makeStatement(sql: """
            INSERT INTO minutes_history(minutes_id, at, actor_login, recorded_by, action, state, note) VALUES (?, ?, ?, NULL, ?, ?, ?)
            """)
        // Signing is the row's last change: the store refuses any change (or timeline entry) after it.
        signMinutes = try db.makeStatement(sql: """
            UPDATE minutes SET state = 'signed', number_year = ?, number_seq = ?, signed_at = ?, signed_by = ?, signed_text = ?,
              sha256 = ?, step_since = ?, version = ? WHERE id = ?
            """)
        followUp = try db.makeStatement(sql: """
            INSERT INTO follow_up(minutes_id, item_id, lead_department_code, description, due_day, status, done_note, done_at, done_by,
              created_at, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
    }
}
