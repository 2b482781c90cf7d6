import MeetingKit

/// Reads and writes minutes and their timeline (their follow-ups: ``FollowUpRepository``).
package enum MinutesRepository {
    package static func minutes(_ db: any SQLConnection, id: Int64) throws -> Minutes {
        guard let minutes = try db.row("SELECT \(columns) FROM minutes WHERE id = ?", id).map(minutes) else {
            throw Refusal.notFound("minutes.unknown", "没有编号为 \(id) 的纪要", "no minutes with id \(id)")
        }
        return minutes
    }

    /// All minutes, optionally in one state, newest first.
    package static func all(_ db: any SQLConnection, state: MinutesState? = nil) throws -> [Minutes] {
        if let state { return try db.rows("SELECT \(columns) FROM minutes WHERE state = ? ORDER BY id DESC", state).map(minutes) }
        return try db.rows("SELECT \(columns) FROM minutes ORDER BY id DESC").map(minutes)
    }

    /// The documents of one meeting: the original first, then its corrections.
    package static func forMeeting(_ db: any SQLConnection, meetingId: Int64) throws -> [Minutes] {
        try db.rows("SELECT \(columns) FROM minutes WHERE meeting_id = ? ORDER BY id", meetingId).map(minutes)
    }

    /// The states of minutes somewhere in the chain or back with their drafter, as an SQL
    /// list: the partial index `minutes_open` (Schema+Performance) is defined with this text.
    static let openStatesSQL = "('inReview','awaitingSignature','returned')"

    /// Minutes somewhere in the chain or back with their drafter: what may wait for someone.
    /// On the database port (the due report and the home screen read it on either engine).
    /// Without `bodies` each document's body is left empty: who it waits on and since when
    /// are in its other columns, and an office's minutes run to pages that a list never shows.
    static func open(_ db: any SQLConnection, bodies: Bool = true) throws -> [Minutes] {
        try db.rows("SELECT \(bodies ? columns : columnsWithoutBody) FROM minutes WHERE state IN \(openStatesSQL) ORDER BY step_since, id")
            .map(minutes)
    }

    // MARK: Writing on the port

    /// Stores a new document; the document with the id the database gave it.
    static func insert(_ db: any SQLConnection, _ m: Minutes) throws -> Minutes {
        var stored = m
        stored.id = try db.value(Int64.self, """
            INSERT INTO minutes (meeting_id, meeting_kind, route, drafter_login, lead_department_code, title, body, state, disclosure,
              disclosure_reason, classification, chain, step, step_since, return_reason, number_year, number_seq, signed_at, signed_by,
              signed_text, sha256, correction_of, created_at, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """, values(m))
        return stored
    }

    /// Stores every field of `m` (its version as given: the workflow moved it on).
    static func update(_ db: any SQLConnection, _ m: Minutes) throws {
        guard let id = m.id else { throw SQLPortError.noRow(sql: "UPDATE minutes without an id") }
        let changed = try db.exec("""
            UPDATE minutes SET meeting_id = ?, meeting_kind = ?, route = ?, drafter_login = ?, lead_department_code = ?, title = ?, body = ?,
              state = ?, disclosure = ?, disclosure_reason = ?, classification = ?, chain = ?, step = ?, step_since = ?, return_reason = ?,
              number_year = ?, number_seq = ?, signed_at = ?, signed_by = ?, signed_text = ?, sha256 = ?, correction_of = ?,
              created_at = ?, version = ?
            WHERE id = ?
            """, values(m) + [id.sqlValue])
        guard changed == 1 else { throw SQLPortError.noRow(sql: "UPDATE minutes \(id)") }
    }

    /// Appends a step to a document's timeline.
    static func insert(_ db: any SQLConnection, _ e: MinutesHistoryEntry) throws {
        try db.exec("INSERT INTO minutes_history (minutes_id, at, actor_login, recorded_by, action, state, note) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    e.minutesId, e.at, e.actorLogin, e.recordedBy, e.action, e.state, e.note)
    }

    /// When and by whom the office sent signed minutes back to the units, if it did.
    static func dispatch(_ db: any SQLConnection, minutesId: Int64) throws -> MinutesDispatch? {
        try db.row("SELECT minutes_id, sent_by, recorded_by, sent_at FROM minutes_dispatch WHERE minutes_id = ?", minutesId).map { row in
            MinutesDispatch(minutesId: try row.get("minutes_id"), sentBy: try row.get("sent_by"), recordedBy: try row.get("recorded_by"),
                            sentAt: try row.get("sent_at"))
        }
    }

    static func insert(_ db: any SQLConnection, _ d: MinutesDispatch) throws {
        try db.exec("INSERT INTO minutes_dispatch (minutes_id, sent_by, recorded_by, sent_at) VALUES (?, ?, ?, ?)",
                    d.minutesId, d.sentBy, d.recordedBy, d.sentAt)
    }

    static func insert(_ db: any SQLConnection, _ d: MinutesDeclassification) throws {
        try db.exec("""
            INSERT INTO minutes_declassification (minutes_id, from_classification, to_classification, disclosure, reason, by, recorded_by, at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, d.minutesId, d.fromClassification, d.toClassification, d.disclosure, d.reason, d.by, d.recordedBy, d.at)
    }

    /// A document's changes of classification (R48), oldest first.
    static func declassifications(_ db: any SQLConnection, minutesId: Int64) throws -> [MinutesDeclassification] {
        try db.rows("""
            SELECT id, minutes_id, from_classification, to_classification, disclosure, reason, by, recorded_by, at
            FROM minutes_declassification WHERE minutes_id = ? ORDER BY id
            """, minutesId).map { row in
            MinutesDeclassification(id: try row.get("id", as: Int64.self), minutesId: try row.get("minutes_id"),
                                    fromClassification: try row.get("from_classification"),
                                    toClassification: try row.get("to_classification"), disclosure: try row.get("disclosure"),
                                    reason: try row.get("reason"), by: try row.get("by"), recordedBy: try row.get("recorded_by"),
                                    at: try row.get("at"))
        }
    }

    /// The chain as stored: a JSON array of logins, as Codable writes it.
    private static func chainJSON(_ chain: [String]) -> String { SQLValue.jsonArray(chain) }

    private static func values(_ m: Minutes) -> [SQLValue] {
        [m.meetingId.sqlValue, m.meetingKind.sqlValue, m.route.sqlValue, m.drafterLogin.sqlValue, m.leadDepartmentCode.sqlValue,
         m.title.sqlValue, m.body.sqlValue, m.state.sqlValue, m.disclosure.sqlValue, m.disclosureReason.sqlValue,
         m.classification.sqlValue, chainJSON(m.chain).sqlValue, m.step.sqlValue, m.stepSince.sqlValue, m.returnReason.sqlValue,
         m.numberYear.sqlValue, m.numberSeq.sqlValue, m.signedAt.sqlValue, m.signedBy.sqlValue, m.signedText.sqlValue,
         m.sha256.sqlValue, m.correctionOf.sqlValue, m.createdAt.sqlValue, m.version.sqlValue]
    }

    // MARK: - Rows on the port

    private static let columnNames = ["id", "meeting_id", "meeting_kind", "route", "drafter_login", "lead_department_code", "title",
                                      "body", "state", "disclosure", "disclosure_reason", "classification", "chain", "step", "step_since",
                                      "return_reason", "number_year", "number_seq", "signed_at", "signed_by", "signed_text", "sha256",
                                      "correction_of", "created_at", "version"]
    static let columns = columnNames.joined(separator: ", ")

    /// ``columns`` with an empty body (an open document has no signed text).
    static let columnsWithoutBody = columnNames.map { $0 == "body" ? "'' AS body" : $0 }.joined(separator: ", ")

    /// A whole document decoded by hand; the chain is stored as a JSON array of logins.
    static func minutes(_ row: SQLRow) throws -> Minutes {
        Minutes(id: try row.get("id", as: Int64.self), meetingId: try row.get("meeting_id"), meetingKind: try row.get("meeting_kind"),
                route: try row.get("route"), drafterLogin: try row.get("drafter_login"),
                leadDepartmentCode: try row.get("lead_department_code"), title: try row.get("title"), body: try row.get("body"),
                state: try row.get("state"), disclosure: try row.get("disclosure"), disclosureReason: try row.get("disclosure_reason"),
                classification: try row.get("classification"), chain: MinutesHeader.logins(try row.get("chain")),
                step: try row.get("step"), stepSince: try row.get("step_since"), returnReason: try row.get("return_reason"),
                numberYear: try row.get("number_year"), numberSeq: try row.get("number_seq"), signedAt: try row.get("signed_at"),
                signedBy: try row.get("signed_by"), signedText: try row.get("signed_text"), sha256: try row.get("sha256"),
                correctionOf: try row.get("correction_of"), createdAt: try row.get("created_at"), version: try row.get("version"))
    }

    /// The next number in a kind and year. Called inside the signing write transaction, which
    /// is IMMEDIATE: another process signing at the same moment waits for this one to commit,
    /// then reads the number this one took (and the unique index would refuse a duplicate).
    static func nextNumber(_ db: any SQLConnection, kind: MeetingKind, year: Int) throws -> Int {
        try db.value(Int.self, "SELECT COALESCE(MAX(number_seq), 0) + 1 FROM minutes WHERE meeting_kind = ? AND number_year = ?",
                     kind, year) ?? 1
    }

    package static func history(_ db: any SQLConnection, minutesId: Int64) throws -> [MinutesHistoryEntry] {
        try db.rows("SELECT id, minutes_id, at, actor_login, recorded_by, action, state, note FROM minutes_history WHERE minutes_id = ? ORDER BY id",
                    minutesId).map { row in
            MinutesHistoryEntry(id: try row.get("id", as: Int64.self), minutesId: try row.get("minutes_id"), at: try row.get("at"),
                                actorLogin: try row.get("actor_login"), recordedBy: try row.get("recorded_by"), action: try row.get("action"),
                                state: try row.get("state"), note: try row.get("note"))
        }
    }

    /// The logins on a meeting's roster: who may read its classified minutes (R48).
    package static func attendees(_ db: any SQLConnection, meetingId: Int64) throws -> Set<String> {
        Set(try db.rows("SELECT person_login FROM participant WHERE meeting_id = ? AND person_login IS NOT NULL", meetingId)
            .map { try $0.get("person_login") })
    }

    /// The correction of a signed document, if one was drafted.
    static func correction(_ db: any SQLConnection, of id: Int64) throws -> Minutes? {
        try db.row("SELECT \(columns) FROM minutes WHERE correction_of = ?", id).map(minutes)
    }
}

extension MinutesRoute: SQLTextEnum {}
extension MinutesState: SQLTextEnum {}
extension Disclosure: SQLTextEnum {}
extension Classification: SQLTextEnum {}
