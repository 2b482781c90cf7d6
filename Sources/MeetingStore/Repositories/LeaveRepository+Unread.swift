import GRDB
import MeetingKit

extension LeaveRepository {
    /// The meetings from `from` on (not cancelled) whose compiled leave report `reader`
    /// has not read in its current version, with their number of requests, in time order (R42, the mayor's home screen).
    ///
    /// Two indexed range reads over the coming meetings instead of three queries per meeting
    /// in history: the requests' ids and versions give each report's fingerprint
    /// (``LeaveReport/fingerprint(versions:)``), compared with the read marks.
    static func unreadReports(_ db: Database, reader: String, from: LocalDateTime) throws -> [(meetingId: Int64, requests: Int)] {
        let rows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT r.meeting_id, r.id, r.version FROM meeting m JOIN leave_request r ON r.meeting_id = m.id
            WHERE m.start >= ? AND m.status <> 'cancelled'
            ORDER BY m.start, m.id, r.id
            """), arguments: [from.iso])
        var order: [Int64] = []
        var versions: [Int64: [(id: Int64, version: Int)]] = [:]
        while let row = try rows.next() {
            let meetingId: Int64 = row[0]
            if versions[meetingId] == nil { order.append(meetingId) }
            versions[meetingId, default: []].append((row[1], row[2]))
        }
        guard !order.isEmpty else { return [] }
        var read: [Int64: String] = [:]
        let marks = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT l.meeting_id, l.fingerprint FROM meeting m JOIN leave_report_read l ON l.meeting_id = m.id AND l.reader_login = ?
            WHERE m.start >= ?
            """), arguments: [reader, from.iso])
        while let row = try marks.next() { read[row[0]] = row[1] }
        return order.compactMap { id in
            read[id] == LeaveReport.fingerprint(versions: versions[id]!) ? nil : (id, versions[id]!.count)
        }
    }

    /// The pending requests, in filing order: the partial index `leave_request_pending` holds
    /// only pending requests, so the decided history is never read. Who decides each one is
    /// asked of today's org chart (R42), not of `approver_login`, which was right when filed.
    /// `INDEXED BY`: with ten years of statistics SQLite would rather read the table in id order.
    static func pending(_ db: Database) throws -> [LeaveRequest] {
        try LeaveRequest.fetchAll(db.cachedStatement(sql: "SELECT * FROM leave_request INDEXED BY leave_request_pending WHERE status = 'pending' ORDER BY id"))
    }
}
