import MeetingKit

/// Meeting notices, their receipts, and the orders documents list people in.
enum NoticeRepository {
    /// The record of a meeting's notice having gone out, if it has; on either engine.
    static func notice(_ db: any SQLConnection, meetingId: Int64) throws -> NoticeRecord? {
        try db.row("SELECT meeting_id, sent_at, sent_by, contact, materials, version FROM meeting_notice WHERE meeting_id = ?", meetingId)
            .map { row in
                NoticeRecord(meetingId: try row.get("meeting_id"), sentAt: try row.get("sent_at"), sentBy: try row.get("sent_by"),
                             contact: try row.get("contact"), materials: try row.get("materials"), version: try row.get("version"))
            }
    }

    /// A meeting's receipts in the order they were made; on either engine.
    static func receipts(_ db: any SQLConnection, meetingId: Int64) throws -> [NoticeReceipt] {
        try db.rows("SELECT \(receiptColumns.map { "r." + $0 }.joined(separator: ", ")) FROM notice_receipt r WHERE r.meeting_id = ? ORDER BY r.id",
                    meetingId).map(receipt)
    }

    /// Open receipts of meetings starting from `from` on: the meetings through `meeting_start`,
    /// then their receipts through `notice_receipt_meeting`, never the whole history. The
    /// dialect's ordered join fixes that order on SQLite (on a young office it would otherwise
    /// start from the receipts); PostgreSQL plans it from its statistics.
    static func pendingReceipts(_ db: any SQLConnection, from: LocalDateTime) throws -> [NoticeReceipt] {
        try db.rows("""
            SELECT \(receiptColumns.map { "r." + $0 }.joined(separator: ", ")) FROM meeting
            \(db.dialect.orderedJoin) notice_receipt r ON r.meeting_id = meeting.id AND r.status = 'pending'
            WHERE meeting.start >= ? ORDER BY meeting.start, meeting.id, r.id
            """, from).map(receipt)
    }

    /// Records that a meeting's notice went out (again): one row per meeting, replaced.
    static func save(_ db: any SQLConnection, _ r: NoticeRecord) throws {
        try db.exec("""
            INSERT INTO meeting_notice (meeting_id, sent_at, sent_by, contact, materials, version) VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (meeting_id) DO UPDATE SET sent_at = excluded.sent_at, sent_by = excluded.sent_by, contact = excluded.contact,
              materials = excluded.materials, version = excluded.version
            """, r.meetingId, r.sentAt, r.sentBy, r.contact, r.materials, r.version)
    }

    /// Stores a new receipt; it with the id the database gave it.
    static func insert(_ db: any SQLConnection, _ r: NoticeReceipt) throws -> NoticeReceipt {
        var stored = r
        stored.id = try db.value(Int64.self, """
            INSERT INTO notice_receipt (meeting_id, participant_id, status, attendee_login, leave_id, answered_at, answered_by, recorded_by,
              note, version)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id
            """, receiptValues(r))
        return stored
    }

    /// Stores every field of `r` (its version as given: the use case moved it on).
    static func update(_ db: any SQLConnection, _ r: NoticeReceipt) throws {
        guard let id = r.id else { throw SQLPortError.noRow(sql: "UPDATE notice_receipt without an id") }
        let changed = try db.exec("""
            UPDATE notice_receipt SET meeting_id = ?, participant_id = ?, status = ?, attendee_login = ?, leave_id = ?, answered_at = ?,
              answered_by = ?, recorded_by = ?, note = ?, version = ?
            WHERE id = ?
            """, receiptValues(r) + [id.sqlValue])
        guard changed == 1 else { throw SQLPortError.noRow(sql: "UPDATE notice_receipt \(id)") }
    }

    private static func receiptValues(_ r: NoticeReceipt) -> [SQLValue] {
        [r.meetingId.sqlValue, r.participantId.sqlValue, r.status.sqlValue, r.attendeeLogin.sqlValue, r.leaveId.sqlValue,
         r.answeredAt.sqlValue, r.answeredBy.sqlValue, r.recordedBy.sqlValue, r.note.sqlValue, r.version.sqlValue]
    }

    private static let receiptColumns = ["id", "meeting_id", "participant_id", "status", "attendee_login", "leave_id", "answered_at",
                                         "answered_by", "recorded_by", "note", "version"]

    private static func receipt(_ row: SQLRow) throws -> NoticeReceipt {
        NoticeReceipt(id: try row.get("id", as: Int64.self), meetingId: try row.get("meeting_id"), participantId: try row.get("participant_id"),
                      status: try row.get("status"), attendeeLogin: try row.get("attendee_login"), leaveId: try row.get("leave_id"),
                      answeredAt: try row.get("answered_at"), answeredBy: try row.get("answered_by"), recordedBy: try row.get("recorded_by"),
                      note: try row.get("note"), version: try row.get("version"))
    }

    /// The order of precedence of the org chart: vice mayors and departments in their stored
    /// `precedence`, the order they were entered (the seed and import files list them by
    /// seniority and in the official sequence), streets after the departments; on either
    /// engine. The key breaks ties only for rows written outside the store (precedence 0).
    static func protocolOrder(_ db: any SQLConnection) throws -> ProtocolOrder {
        ProtocolOrder(
            viceMayors: try db.rows("SELECT login FROM person WHERE role = 'viceMayor' ORDER BY precedence, login")
                .map { try $0.get("login") },
            departments: try db.rows("SELECT code FROM department ORDER BY kind = 'street', precedence, code")
                .map { try $0.get("code") })
    }

    /// The saved seating order of a meeting: participant ids, first rank first; on either engine.
    static func seatingOrder(_ db: any SQLConnection, meetingId: Int64) throws -> [Int64] {
        try db.rows("SELECT participant_id FROM seating_order WHERE meeting_id = ? ORDER BY rank", meetingId)
            .map { try $0.get("participant_id") }
    }

    /// Replaces a meeting's saved seating order (empty: none, the protocol order applies).
    static func saveSeatingOrder(_ db: any SQLConnection, meetingId: Int64, participantIds: [Int64]) throws {
        try db.exec("DELETE FROM seating_order WHERE meeting_id = ?", meetingId)
        for (rank, id) in participantIds.enumerated() {
            try db.exec("INSERT INTO seating_order (meeting_id, participant_id, rank) VALUES (?, ?, ?)", meetingId, id, rank + 1)
        }
    }
}

extension NoticeReceipt.Status: SQLTextEnum {}
