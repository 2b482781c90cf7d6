import MeetingKit

/// Reads and writes sign-in records.
///
/// On the database port: the same statements on SQLite and PostgreSQL (`AttendanceEngineTests`).
package enum AttendanceRepository {
    package static func marks(_ db: any SQLConnection, meetingId: Int64) throws -> [Attendance] {
        try db.rows("SELECT \(columns) FROM attendance WHERE meeting_id = ? ORDER BY participant_id", meetingId).map(attendance)
    }

    static func marks(_ db: any SQLConnection, meetingIds: [Int64]) throws -> [Attendance] {
        guard !meetingIds.isEmpty else { return [] }
        return try db.rows("SELECT \(columns) FROM attendance WHERE meeting_id IN (\(db.dialect.jsonList(.integer))) ORDER BY id",
                           [.text(SQLValue.jsonArray(meetingIds))]).map(attendance)
    }

    static func mark(_ db: any SQLConnection, participantId: Int64) throws -> Attendance? {
        try db.row("SELECT \(columns) FROM attendance WHERE participant_id = ?", participantId).map(attendance)
    }

    static func participants(_ db: any SQLConnection, meetingIds: [Int64]) throws -> [Participant] {
        guard !meetingIds.isEmpty else { return [] }
        return try db.rows("""
            SELECT \(MeetingRepository.participantColumns) FROM participant WHERE meeting_id IN (\(db.dialect.jsonList(.integer)))
            ORDER BY meeting_id, position
            """, [.text(SQLValue.jsonArray(meetingIds))]).map(MeetingRepository.participant)
    }

    /// Stores a new sign-in record; the record with the id the database gave it.
    static func insert(_ db: any SQLConnection, _ a: Attendance) throws -> Attendance {
        var stored = a
        stored.id = try db.value(Int64.self, """
            INSERT INTO attendance (meeting_id, participant_id, person_login, status, late_minutes, substitute_login, recorded_by,
              recorded_at, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """, a.meetingId, a.participantId, a.personLogin, a.status, a.lateMinutes, a.substituteLogin, a.recordedBy, a.recordedAt, a.version)
        return stored
    }

    /// Stores every field of `a` (its version as given: the caller moved it on).
    static func update(_ db: any SQLConnection, _ a: Attendance) throws {
        guard let id = a.id else { throw SQLPortError.noRow(sql: "UPDATE attendance without an id") }
        let changed = try db.exec("""
            UPDATE attendance SET meeting_id = ?, participant_id = ?, person_login = ?, status = ?, late_minutes = ?, substitute_login = ?,
              recorded_by = ?, recorded_at = ?, version = ?
            WHERE id = ?
            """, a.meetingId, a.participantId, a.personLogin, a.status, a.lateMinutes, a.substituteLogin, a.recordedBy, a.recordedAt,
                                  a.version, id)
        guard changed == 1 else { throw SQLPortError.noRow(sql: "UPDATE attendance \(id)") }
    }

    static let columns = "id, meeting_id, participant_id, person_login, status, late_minutes, substitute_login, recorded_by, recorded_at, version"

    static func attendance(_ row: SQLRow) throws -> Attendance {
        Attendance(id: try row.get("id", as: Int64.self), meetingId: try row.get("meeting_id"), participantId: try row.get("participant_id"),
                   personLogin: try row.get("person_login"), status: try row.get("status"), lateMinutes: try row.get("late_minutes"),
                   substituteLogin: try row.get("substitute_login"), recordedBy: try row.get("recorded_by"),
                   recordedAt: try row.get("recorded_at"), version: try row.get("version"))
    }
}
