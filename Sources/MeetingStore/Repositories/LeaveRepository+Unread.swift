import MeetingKit

extension LeaveRepository {
    /// The meetings from `from` on (not cancelled) whose compiled leave report `reader`
    /// has not read in its current version, with their number of requests, in time order (R42, the mayor's home screen).
    ///
    /// Two indexed range reads over the coming meetings instead of three queries per meeting
    /// in history: the requests' ids and versions give each report's fingerprint
    /// (``LeaveReport/fingerprint(versions:)``), compared with the read marks.
    static func unreadReports(_ db: any SQLConnection, reader: String, from: LocalDateTime) throws -> [(meetingId: Int64, requests: Int)] {
        let rows = try db.rows("""
            SELECT r.meeting_id, r.id, r.version FROM meeting m JOIN leave_request r ON r.meeting_id = m.id
            WHERE m.start >= ? AND m.status <> 'cancelled'
            ORDER BY m.start, m.id, r.id
            """, from)
        var order: [Int64] = []
        var versions: [Int64: [(id: Int64, version: Int)]] = [:]
        for row in rows {
            let meetingId: Int64 = try row.get("meeting_id")
            if versions[meetingId] == nil { order.append(meetingId) }
            versions[meetingId, default: []].append((try row.get("id"), try row.get("version")))
        }
        guard !order.isEmpty else { return [] }
        var read: [Int64: String] = [:]
        for row in try db.rows("""
            SELECT l.meeting_id, l.fingerprint FROM meeting m JOIN leave_report_read l ON l.meeting_id = m.id AND l.reader_login = ?
            WHERE m.start >= ?
            """, reader, from) {
            read[try row.get("meeting_id")] = try row.get("fingerprint")
        }
        return order.compactMap { id in
            read[id] == LeaveReport.fingerprint(versions: versions[id]!) ? nil : (id, versions[id]!.count)
        }
    }

    /// The pending requests filed by one of `people` or stored for `approver`, in filing order:
    /// the requests today's org chart routes to `approver` are among them (R42; the caller
    /// decides each, ``LeaveLine/approver(of:org:)``), and no other request is read whole. The
    /// partial index `leave_request_pending` holds only pending requests, so the decided history
    /// is never read. `INDEXED BY` on SQLite: with ten years of statistics it would rather read
    /// the table in id order.
    static func pending(_ db: any SQLConnection, filedBy people: [String], orStoredFor approver: String) throws -> [LeaveRequest] {
        try db.rows("""
            SELECT \(columns) FROM leave_request \(db.dialect.indexedBy("leave_request_pending"))
            WHERE status = 'pending' AND (person_login IN (\(db.dialect.jsonList(.text))) OR approver_login = ?) ORDER BY id
            """, [.text(SQLValue.jsonArray(people)), .text(approver)]).map(request)
    }
}
