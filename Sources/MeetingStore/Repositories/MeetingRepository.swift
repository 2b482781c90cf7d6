import MeetingKit

/// Reads and writes meetings and their rosters.
///
/// On the database port: the same statements on SQLite and PostgreSQL (`MeetingEngineTests`).
/// Rows are decoded by hand: the week view and the home screen read meetings on every screen.
package enum MeetingRepository {
    package static func meeting(_ db: any SQLConnection, id: Int64) throws -> Meeting {
        guard let row = try db.row("SELECT \(columns) FROM meeting WHERE id = ?", id) else {
            throw Refusal.notFound("meeting.unknown", "没有编号为 \(id) 的会议", "no meeting with id \(id)")
        }
        return try meeting(row)
    }

    /// Meetings starting in [from, to) (either bound optional), optionally of one kind, in time order.
    ///
    /// The week view, the home screen and `huiwu meeting list` call this on every screen and
    /// every week moved: the statement is prepared once per connection on SQLite (the SQL only
    /// varies with the filters given), and the range on `start` reads the `meeting_start`
    /// index (or `meeting_kind_start`) in order, no sort.
    package static func meetings(_ db: any SQLConnection, from: LocalDateTime? = nil, to: LocalDateTime? = nil,
                                kind: MeetingKind? = nil, includeCancelled: Bool = true) throws -> [Meeting] {
        var conditions: [String] = []
        var arguments: [SQLValue] = []
        if let kind { conditions.append("kind = ?"); arguments.append(kind.sqlValue) }
        if let from { conditions.append("start >= ?"); arguments.append(from.sqlValue) }
        if let to { conditions.append("start < ?"); arguments.append(to.sqlValue) }
        if !includeCancelled { conditions.append("status <> ?"); arguments.append(MeetingStatus.cancelled.sqlValue) }
        let sql = "SELECT \(columns) FROM meeting" + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "))
            + " ORDER BY start, id"
        return try db.rows(sql, arguments).map(meeting)
    }

    /// The meetings starting in [`from`, `to`) that may wait on the office (R43): not yet held
    /// nor cancelled, or held without minutes. Most of a month's meetings are held and written
    /// up, so the rest are left out here, not decoded (through the original-per-meeting index
    /// of minutes).
    static func awaitingOffice(_ db: any SQLConnection, from: LocalDateTime, to: LocalDateTime) throws -> [Meeting] {
        let held = MeetingStatus.held.rawValue
        let notHeld = [MeetingStatus.planned, .notified, .postponed].map { "'\($0.rawValue)'" }.joined(separator: ",")
        return try db.rows("""
            SELECT \(columns) FROM meeting WHERE start >= ? AND start < ?
              AND (status IN (\(notHeld)) OR (status = '\(held)'
                   AND NOT EXISTS (SELECT 1 FROM minutes WHERE minutes.meeting_id = meeting.id AND minutes.correction_of IS NULL)))
            ORDER BY start, id
            """, [from.sqlValue, to.sqlValue]).map(meeting)
    }

    /// The meetings with these ids, in id order (missing ids are left out).
    static func meetings(_ db: any SQLConnection, ids: [Int64]) throws -> [Meeting] {
        guard !ids.isEmpty else { return [] }
        return try db.rows("SELECT \(columns) FROM meeting WHERE id IN (\(db.dialect.jsonList(.integer))) ORDER BY id",
                           [.text(SQLValue.jsonArray(ids))]).map(meeting)
    }

    /// The meetings with these ids by id (missing ids are left out), in one query by key: a
    /// list's lines name their meetings, and the office director's home lists hundreds.
    static func meetingsById(_ db: any SQLConnection, ids: some Sequence<Int64>) throws -> [Int64: Meeting] {
        Dictionary(uniqueKeysWithValues: try meetings(db, ids: Set(ids).sorted()).map { ($0.id!, $0) })
    }

    package static func participants(_ db: any SQLConnection, meetingId: Int64) throws -> [Participant] {
        try db.rows("SELECT \(participantColumns) FROM participant WHERE meeting_id = ? ORDER BY position", meetingId).map(participant)
    }

    /// Stores a new meeting; the meeting with the id the database gave it.
    static func insert(_ db: any SQLConnection, _ m: Meeting) throws -> Meeting {
        let id = try db.value(Int64.self, """
            INSERT INTO meeting (kind, term_number, number, number_fixed, title, convener_login, chair_login, start, duration_minutes,
              room, status, approval, in_government_name, live_broadcast, series, series_day, status_reason, chair_delegation, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """, [m.kind.sqlValue, m.termNumber.sqlValue, m.number.sqlValue, m.numberFixed.sqlValue, m.title.sqlValue,
                  m.convenerLogin.sqlValue, m.chairLogin.sqlValue, m.start.sqlValue, m.durationMinutes.sqlValue, m.room.sqlValue,
                  m.status.sqlValue, m.approval.sqlValue, m.inGovernmentName.sqlValue, m.liveBroadcast.sqlValue, m.series.sqlValue,
                  m.seriesDay.sqlValue, m.statusReason.sqlValue, m.chairDelegation.sqlValue, m.version.sqlValue])
        var stored = m
        stored.id = id
        return stored
    }

    /// Stores every field of `m` (its version as given: the caller moved it on).
    static func update(_ db: any SQLConnection, _ m: Meeting) throws {
        guard let id = m.id else { throw SQLPortError.noRow(sql: "UPDATE meeting without an id") }
        let changed = try db.exec("""
            UPDATE meeting SET kind = ?, term_number = ?, number = ?, number_fixed = ?, title = ?, convener_login = ?, chair_login = ?,
              start = ?, duration_minutes = ?, room = ?, status = ?, approval = ?, in_government_name = ?, live_broadcast = ?, series = ?,
              series_day = ?, status_reason = ?, chair_delegation = ?, version = ?
            WHERE id = ?
            """, [m.kind.sqlValue, m.termNumber.sqlValue, m.number.sqlValue, m.numberFixed.sqlValue, m.title.sqlValue,
                  m.convenerLogin.sqlValue, m.chairLogin.sqlValue, m.start.sqlValue, m.durationMinutes.sqlValue, m.room.sqlValue,
                  m.status.sqlValue, m.approval.sqlValue, m.inGovernmentName.sqlValue, m.liveBroadcast.sqlValue, m.series.sqlValue,
                  m.seriesDay.sqlValue, m.statusReason.sqlValue, m.chairDelegation.sqlValue, m.version.sqlValue, id.sqlValue])
        guard changed == 1 else { throw SQLPortError.noRow(sql: "UPDATE meeting \(id)") }
    }

    /// Stores a roster for a new meeting.
    static func insertParticipants(_ db: any SQLConnection, meetingId: Int64, entries: [MeetingComposition.Entry], startingAt first: Int = 0) throws {
        for (i, e) in entries.enumerated() {
            _ = try insert(db, Participant(meetingId: meetingId, personLogin: e.personLogin, guestName: e.guestName, guestOrg: e.guestOrg,
                                           role: e.role, position: first + i))
        }
    }

    /// Stores one participant; with the id the database gave it.
    static func insert(_ db: any SQLConnection, _ p: Participant) throws -> Participant {
        var stored = p
        stored.id = try db.value(Int64.self, """
            INSERT INTO participant (meeting_id, person_login, guest_name, guest_org, role, position) VALUES (?, ?, ?, ?, ?, ?) RETURNING id
            """, p.meetingId, p.personLogin, p.guestName, p.guestOrg, p.role, p.position)
        return stored
    }

    /// Numbers the meetings of one kind in a term (R37, ``MeetingNumbering``): published
    /// numbers stay, the others follow date order from the term's first number.
    ///
    /// Reads and writes only the columns numbering needs, so the v11 migration can repair
    /// numbers with it whatever columns later versions add. Changed numbers are cleared
    /// first and then written: the unique index on (term, kind, number) never sees two
    /// meetings with one number, even in the middle of the change.
    static func renumber(_ db: any SQLConnection, term: Int, kind: MeetingKind) throws {
        let rows = try db.rows("""
            SELECT id, start, status, number, number_fixed, in_government_name FROM meeting WHERE term_number = ? AND kind = ?
            """, term, kind)
        let meetings = try rows.compactMap { row -> Meeting? in
            guard let start = LocalDateTime.fromSQL(row["start"]), let status = MeetingStatus.fromSQL(row["status"]) else { return nil }
            return Meeting(id: try row.get("id", as: Int64.self), kind: kind, termNumber: term, number: try row.get("number"), convenerLogin: "",
                           chairLogin: "", start: start, durationMinutes: 1, status: status, inGovernmentName: try row.get("in_government_name"),
                           numberFixed: try row.get("number_fixed"))
        }
        let numbers = MeetingNumbering.assign(meetings, firstNumber: try firstNumber(db, term: term, kind: kind))
        let changed = meetings.filter { numbers[$0.id!] != $0.number }
        for m in changed where m.number != nil {
            try db.exec("UPDATE meeting SET number = NULL WHERE id = ?", m.id)
        }
        for m in changed {
            if let number = numbers[m.id!] { try db.exec("UPDATE meeting SET number = ? WHERE id = ?", number, m.id) }
        }
    }

    /// The number the term's first meeting of `kind` takes: 1, or what an office that started
    /// using Huiwu mid-term set (``Session/setNextMeetingNumber(kind:next:)``).
    static func firstNumber(_ db: any SQLConnection, term: Int, kind: MeetingKind) throws -> Int {
        try db.value(Int.self, "SELECT first_number FROM meeting_numbering WHERE term_number = ? AND kind = ?", term, kind) ?? 1
    }

    // MARK: - Rows

    static let columns = """
        id, kind, term_number, number, number_fixed, title, convener_login, chair_login, start, duration_minutes, room, status, approval, \
        in_government_name, live_broadcast, series, series_day, status_reason, chair_delegation, version
        """
    static let participantColumns = "id, meeting_id, person_login, guest_name, guest_org, role, position"

    static func meeting(_ row: SQLRow) throws -> Meeting {
        Meeting(id: try row.get("id", as: Int64.self), kind: try row.get("kind"), termNumber: try row.get("term_number"),
                number: try row.get("number"), title: try row.get("title"), convenerLogin: try row.get("convener_login"),
                chairLogin: try row.get("chair_login"), start: try row.get("start"), durationMinutes: try row.get("duration_minutes"),
                room: try row.get("room"), status: try row.get("status"), approval: try row.get("approval"),
                inGovernmentName: try row.get("in_government_name"), liveBroadcast: try row.get("live_broadcast"),
                series: try row.get("series"), seriesDay: try row.get("series_day"), statusReason: try row.get("status_reason"),
                chairDelegation: try row.get("chair_delegation"), numberFixed: try row.get("number_fixed"), version: try row.get("version"))
    }

    static func participant(_ row: SQLRow) throws -> Participant {
        Participant(id: try row.get("id", as: Int64.self), meetingId: try row.get("meeting_id"), personLogin: try row.get("person_login"),
                    guestName: try row.get("guest_name"), guestOrg: try row.get("guest_org"), role: try row.get("role"),
                    position: try row.get("position"))
    }
}

extension MeetingKind: SQLTextEnum {}
extension MeetingStatus: SQLTextEnum {}
extension MeetingApproval: SQLTextEnum {}
extension ChairDelegation: SQLTextEnum {}
extension Participation: SQLTextEnum {}
