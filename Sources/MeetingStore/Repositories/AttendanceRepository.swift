import GRDB
import MeetingKit

/// Reads and writes sign-in records.
package enum AttendanceRepository {
    package static func marks(_ db: Database, meetingId: Int64) throws -> [Attendance] {
        try Attendance.filter(Column("meeting_id") == meetingId).order(Column("participant_id")).fetchAll(db)
    }

    static func marks(_ db: Database, meetingIds: [Int64]) throws -> [Attendance] {
        guard !meetingIds.isEmpty else { return [] }
        return try Attendance.filter(meetingIds.contains(Column("meeting_id"))).fetchAll(db)
    }

    static func mark(_ db: Database, participantId: Int64) throws -> Attendance? {
        try Attendance.filter(Column("participant_id") == participantId).fetchOne(db)
    }

    static func participants(_ db: Database, meetingIds: [Int64]) throws -> [Participant] {
        guard !meetingIds.isEmpty else { return [] }
        return try Participant.filter(meetingIds.contains(Column("meeting_id"))).order(Column("meeting_id"), Column("position")).fetchAll(db)
    }
}
