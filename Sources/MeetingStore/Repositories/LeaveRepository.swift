import GRDB
import MeetingKit

/// Reads and writes leave requests (R42) and the mayor's read marks on leave reports.
package enum LeaveRepository {
    package static func request(_ db: Database, id: Int64) throws -> LeaveRequest {
        guard let request = try LeaveRequest.fetchOne(db, key: id) else {
            throw Refusal.notFound("leave.unknown", "没有编号为 \(id) 的请假申请", "no leave request with id \(id)")
        }
        return request
    }

    /// Requests, optionally of one meeting, status, person or approver, in filing order.
    package static func requests(_ db: Database, meetingId: Int64? = nil, status: LeaveStatus? = nil,
                                person: String? = nil, approver: String? = nil) throws -> [LeaveRequest] {
        var request = LeaveRequest.order(Column("id"))
        if let meetingId { request = request.filter(Column("meeting_id") == meetingId) }
        if let status { request = request.filter(Column("status") == status.rawValue) }
        if let person { request = request.filter(Column("person_login") == person) }
        if let approver { request = request.filter(Column("approver_login") == approver) }
        return try request.fetchAll(db)
    }

    /// Requests of the meetings with these ids.
    static func requests(_ db: Database, meetingIds: [Int64]) throws -> [LeaveRequest] {
        guard !meetingIds.isEmpty else { return [] }
        return try LeaveRequest.filter(meetingIds.contains(Column("meeting_id"))).order(Column("id")).fetchAll(db)
    }

    /// The pending or approved request of a person for a meeting, if any.
    static func openRequest(_ db: Database, meetingId: Int64, person: String) throws -> LeaveRequest? {
        try LeaveRequest.filter(Column("meeting_id") == meetingId && Column("person_login") == person
                                && Column("status") != LeaveStatus.rejected.rawValue).fetchOne(db)
    }

    /// The fingerprint of the report version `reader` last read, if any.
    static func readFingerprint(_ db: Database, meetingId: Int64, reader: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT fingerprint FROM leave_report_read WHERE meeting_id = ? AND reader_login = ?",
                            arguments: [meetingId, reader])
    }

    static func markRead(_ db: Database, meetingId: Int64, reader: String, fingerprint: String, at: LocalDateTime) throws {
        try db.execute(sql: """
            INSERT INTO leave_report_read(meeting_id, reader_login, fingerprint, read_at) VALUES (?, ?, ?, ?)
            ON CONFLICT(meeting_id, reader_login) DO UPDATE SET fingerprint = excluded.fingerprint, read_at = excluded.read_at
            """, arguments: [meetingId, reader, fingerprint, at.iso])
    }
}
