import GRDB
import MeetingKit

extension MeetingRepository {
    /// The cadence dates of a series' meetings, whatever became of them.
    static func seriesDays(_ db: Database, series: String) throws -> [Day] {
        try Day.fetchAll(db, sql: "SELECT series_day FROM meeting WHERE series = ? AND series_day IS NOT NULL ORDER BY series_day",
                         arguments: [series])
    }

    /// Meetings (cancelled too) that may overlap [start, end): a meeting lasts at most a day,
    /// so only those starting in the day before `end` can.
    static func meetings(_ db: Database, overlapping start: LocalDateTime, _ end: LocalDateTime) throws -> [Meeting] {
        try meetings(db, from: start.adding(minutes: -24 * 60), to: end).filter { $0.start < end && start < $0.end }
    }

    /// The logins on each meeting's roster.
    static func rosterLogins(_ db: Database, meetingIds: [Int64]) throws -> [Int64: Set<String>] {
        guard !meetingIds.isEmpty else { return [:] }
        var result: [Int64: Set<String>] = [:]
        let rows = try Row.fetchAll(db, sql: """
            SELECT meeting_id, person_login FROM participant
            WHERE person_login IS NOT NULL AND meeting_id IN (\(databaseQuestionMarks(count: meetingIds.count)))
            """, arguments: StatementArguments(meetingIds))
        for row in rows { result[row["meeting_id"], default: []].insert(row["person_login"]) }
        return result
    }

    /// Why `meeting`'s number is out of date order (``MeetingNumbering/outOfOrderNote(for:among:)``):
    /// read from the meetings of its series dated after it whose numbers are published.
    static func numberNote(_ db: Database, of meeting: Meeting) throws -> Localized? {
        guard meeting.number != nil else { return nil }
        let later = try Meeting.filter(Column("kind") == meeting.kind.rawValue && Column("start") > meeting.start.iso
                                       && Column("term_number") == meeting.termNumber && Column("number_fixed") == true).fetchAll(db)
        return MeetingNumbering.outOfOrderNote(for: meeting, among: later)
    }

    /// How a meeting moved, oldest first.
    package static func moves(_ db: Database, meetingId: Int64) throws -> [MeetingMove] {
        try MeetingMove.filter(Column("meeting_id") == meetingId).order(Column("id")).fetchAll(db)
    }

    /// Ids of the meetings a person chairs, convenes or takes part in.
    static func meetingIds(_ db: Database, person login: String) throws -> Set<Int64> {
        Set(try Int64.fetchAll(db, sql: """
            SELECT meeting_id FROM participant WHERE person_login = ?
            UNION SELECT id FROM meeting WHERE chair_login = ? OR convener_login = ?
            """, arguments: [login, login, login]))
    }
}
