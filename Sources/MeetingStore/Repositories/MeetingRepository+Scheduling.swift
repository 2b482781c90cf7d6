import MeetingKit

extension MeetingRepository {
    /// The cadence dates of a series' meetings, whatever became of them.
    static func seriesDays(_ db: any SQLConnection, series: String) throws -> [Day] {
        try db.rows("SELECT series_day FROM meeting WHERE series = ? AND series_day IS NOT NULL ORDER BY series_day", series)
            .map { try $0.get("series_day") }
    }

    /// Meetings (cancelled too) that may overlap [start, end): a meeting lasts at most a day,
    /// so only those starting in the day before `end` can.
    static func meetings(_ db: any SQLConnection, overlapping start: LocalDateTime, _ end: LocalDateTime) throws -> [Meeting] {
        try meetings(db, from: start.adding(minutes: -24 * 60), to: end).filter { $0.start < end && start < $0.end }
    }

    /// The logins on each meeting's roster.
    static func rosterLogins(_ db: any SQLConnection, meetingIds: [Int64]) throws -> [Int64: Set<String>] {
        guard !meetingIds.isEmpty else { return [:] }
        var result: [Int64: Set<String>] = [:]
        let rows = try db.rows("""
            SELECT meeting_id, person_login FROM participant
            WHERE person_login IS NOT NULL AND meeting_id IN (\(db.dialect.jsonList(.integer)))
            """, [.text(SQLValue.jsonArray(meetingIds))])
        for row in rows { result[try row.get("meeting_id"), default: []].insert(try row.get("person_login")) }
        return result
    }

    /// Why `meeting`'s number is out of date order (``MeetingNumbering/outOfOrderNote(for:among:)``):
    /// read from the meetings of its series dated after it whose numbers are published.
    static func numberNote(_ db: any SQLConnection, of meeting: Meeting) throws -> Localized? {
        guard meeting.number != nil else { return nil }
        let later = try db.rows("""
            SELECT \(columns) FROM meeting WHERE kind = ? AND start > ? AND term_number = ? AND number_fixed = ?
            """, meeting.kind, meeting.start, meeting.termNumber, true).map(self.meeting)
        return MeetingNumbering.outOfOrderNote(for: meeting, among: later)
    }

    /// How a meeting moved, oldest first.
    package static func moves(_ db: any SQLConnection, meetingId: Int64) throws -> [MeetingMove] {
        try db.rows("""
            SELECT id, meeting_id, previous_start, previous_duration_minutes, new_start, new_duration_minutes, reason, moved_at, moved_by
            FROM meeting_move WHERE meeting_id = ? ORDER BY id
            """, meetingId).map { row in
            MeetingMove(id: try row.get("id", as: Int64.self), meetingId: try row.get("meeting_id"), previousStart: try row.get("previous_start"),
                        previousDurationMinutes: try row.get("previous_duration_minutes"), newStart: try row.get("new_start"),
                        newDurationMinutes: try row.get("new_duration_minutes"), reason: try row.get("reason"),
                        movedAt: try row.get("moved_at"), movedBy: try row.get("moved_by"))
        }
    }

    /// Records a move of a meeting.
    static func insert(_ db: any SQLConnection, _ m: MeetingMove) throws {
        try db.exec("""
            INSERT INTO meeting_move (meeting_id, previous_start, previous_duration_minutes, new_start, new_duration_minutes, reason, moved_at, moved_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, m.meetingId, m.previousStart, m.previousDurationMinutes, m.newStart, m.newDurationMinutes, m.reason, m.movedAt, m.movedBy)
    }

    /// Ids of the meetings a person chairs, convenes or takes part in.
    static func meetingIds(_ db: any SQLConnection, person login: String) throws -> Set<Int64> {
        Set(try db.rows("""
            SELECT meeting_id AS id FROM participant WHERE person_login = ?
            UNION SELECT id FROM meeting WHERE chair_login = ? OR convener_login = ?
            """, login, login, login).map { try $0.get("id") })
    }
}
