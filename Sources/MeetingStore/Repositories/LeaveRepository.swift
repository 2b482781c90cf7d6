import MeetingKit

/// Reads and writes leave requests (R42) and the mayor's read marks on leave reports.
///
/// On the database port: the same statements on SQLite and PostgreSQL (`LeaveEngineTests`).
package enum LeaveRepository {
    package static func request(_ db: any SQLConnection, id: Int64) throws -> LeaveRequest {
        guard let row = try db.row("SELECT \(columns) FROM leave_request WHERE id = ?", id) else {
            throw Refusal.notFound("leave.unknown", "没有编号为 \(id) 的请假申请", "no leave request with id \(id)")
        }
        return try request(row)
    }

    /// Requests, optionally of one meeting, status, person or approver, in filing order.
    package static func requests(_ db: any SQLConnection, meetingId: Int64? = nil, status: LeaveStatus? = nil,
                                person: String? = nil, approver: String? = nil) throws -> [LeaveRequest] {
        var conditions: [String] = []
        var arguments: [SQLValue] = []
        if let meetingId { conditions.append("meeting_id = ?"); arguments.append(meetingId.sqlValue) }
        if let status { conditions.append("status = ?"); arguments.append(status.sqlValue) }
        if let person { conditions.append("person_login = ?"); arguments.append(person.sqlValue) }
        if let approver { conditions.append("approver_login = ?"); arguments.append(approver.sqlValue) }
        return try db.rows("SELECT \(columns) FROM leave_request" + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "))
                           + " ORDER BY id", arguments).map(request)
    }

    /// Requests of the meetings with these ids.
    static func requests(_ db: any SQLConnection, meetingIds: [Int64]) throws -> [LeaveRequest] {
        guard !meetingIds.isEmpty else { return [] }
        return try db.rows("SELECT \(columns) FROM leave_request WHERE meeting_id IN (\(db.dialect.jsonList(.integer))) ORDER BY id",
                           [.text(SQLValue.jsonArray(meetingIds))]).map(request)
    }

    /// The pending or approved request of a person for a meeting, if any.
    static func openRequest(_ db: any SQLConnection, meetingId: Int64, person: String) throws -> LeaveRequest? {
        try db.row("SELECT \(columns) FROM leave_request WHERE meeting_id = ? AND person_login = ? AND status <> ?",
                   meetingId, person, LeaveStatus.rejected).map(request)
    }

    /// The fingerprint of the report version `reader` last read, if any.
    static func readFingerprint(_ db: any SQLConnection, meetingId: Int64, reader: String) throws -> String? {
        try db.value(String.self, "SELECT fingerprint FROM leave_report_read WHERE meeting_id = ? AND reader_login = ?", meetingId, reader)
    }

    static func markRead(_ db: any SQLConnection, meetingId: Int64, reader: String, fingerprint: String, at: LocalDateTime) throws {
        try db.exec("""
            INSERT INTO leave_report_read (meeting_id, reader_login, fingerprint, read_at) VALUES (?, ?, ?, ?)
            ON CONFLICT (meeting_id, reader_login) DO UPDATE SET fingerprint = excluded.fingerprint, read_at = excluded.read_at
            """, meetingId, reader, fingerprint, at)
    }

    /// Stores a new request; the request with the id the database gave it.
    static func insert(_ db: any SQLConnection, _ r: LeaveRequest) throws -> LeaveRequest {
        var stored = r
        stored.id = try db.value(Int64.self, """
            INSERT INTO leave_request (meeting_id, person_login, reason, substitute_login, status, approver_login, filed_by, filed_at,
              source, override_reason, override_by, decided_by, decision_recorded_by, decided_at, decision_reason, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """, values(r))
        return stored
    }

    /// Stores every field of `r` (its version as given: the workflow moved it on).
    static func update(_ db: any SQLConnection, _ r: LeaveRequest) throws {
        guard let id = r.id else { throw SQLPortError.noRow(sql: "UPDATE leave_request without an id") }
        let changed = try db.exec("""
            UPDATE leave_request SET meeting_id = ?, person_login = ?, reason = ?, substitute_login = ?, status = ?, approver_login = ?,
              filed_by = ?, filed_at = ?, source = ?, override_reason = ?, override_by = ?, decided_by = ?, decision_recorded_by = ?,
              decided_at = ?, decision_reason = ?, version = ?
            WHERE id = ?
            """, values(r) + [id.sqlValue])
        guard changed == 1 else { throw SQLPortError.noRow(sql: "UPDATE leave_request \(id)") }
    }

    // MARK: - Rows

    static let columns = """
        id, meeting_id, person_login, reason, substitute_login, status, approver_login, filed_by, filed_at, source, override_reason, \
        override_by, decided_by, decision_recorded_by, decided_at, decision_reason, version
        """

    private static func values(_ r: LeaveRequest) -> [SQLValue] {
        [r.meetingId.sqlValue, r.personLogin.sqlValue, r.reason.sqlValue, r.substituteLogin.sqlValue, r.status.sqlValue,
         r.approverLogin.sqlValue, r.filedBy.sqlValue, r.filedAt.sqlValue, r.source.sqlValue, r.overrideReason.sqlValue,
         r.overrideBy.sqlValue, r.decidedBy.sqlValue, r.decisionRecordedBy.sqlValue, r.decidedAt.sqlValue, r.decisionReason.sqlValue,
         r.version.sqlValue]
    }

    static func request(_ row: SQLRow) throws -> LeaveRequest {
        LeaveRequest(id: try row.get("id", as: Int64.self), meetingId: try row.get("meeting_id"), personLogin: try row.get("person_login"),
                     reason: try row.get("reason"), substituteLogin: try row.get("substitute_login"), status: try row.get("status"),
                     approverLogin: try row.get("approver_login"), filedBy: try row.get("filed_by"), filedAt: try row.get("filed_at"),
                     source: try row.get("source"), overrideReason: try row.get("override_reason"), overrideBy: try row.get("override_by"),
                     decidedBy: try row.get("decided_by"), decisionRecordedBy: try row.get("decision_recorded_by"),
                     decidedAt: try row.get("decided_at"), decisionReason: try row.get("decision_reason"), version: try row.get("version"))
    }
}

extension LeaveStatus: SQLTextEnum {}
extension LeaveSource: SQLTextEnum {}
extension AttendanceStatus: SQLTextEnum {}
