import GRDB
import MeetingKit

/// Meeting notices, their receipts, and the orders documents list people in.
enum NoticeRepository {
    static func notice(_ db: Database, meetingId: Int64) throws -> NoticeRecord? {
        try NoticeRecord.fetchOne(db, key: meetingId)
    }

    static func receipts(_ db: Database, meetingId: Int64) throws -> [NoticeReceipt] {
        try NoticeReceipt.filter(Column("meeting_id") == meetingId).order(Column("id")).fetchAll(db)
    }

    /// Open receipts of meetings starting from `from` on: the meetings through `meeting_start`,
    /// then their receipts through `notice_receipt_meeting`, never the whole history. CROSS JOIN
    /// fixes that order: on a young office SQLite would otherwise start from the receipts.
    static func pendingReceipts(_ db: Database, from: LocalDateTime) throws -> [NoticeReceipt] {
        try NoticeReceipt.fetchAll(db, sql: """
            SELECT notice_receipt.* FROM meeting
            CROSS JOIN notice_receipt ON notice_receipt.meeting_id = meeting.id AND notice_receipt.status = 'pending'
            WHERE meeting.start >= ? ORDER BY meeting.start
            """, arguments: [from.iso])
    }

    /// The order of precedence of the org chart: vice mayors and departments in the order they
    /// were entered (the seed and import files list them by seniority and in the official
    /// sequence), streets after the departments.
    static func protocolOrder(_ db: Database) throws -> ProtocolOrder {
        ProtocolOrder(
            viceMayors: try String.fetchAll(db, sql: "SELECT login FROM person WHERE role = 'viceMayor' ORDER BY rowid"),
            departments: try String.fetchAll(db, sql: "SELECT code FROM department ORDER BY kind = 'street', rowid"))
    }

    /// The saved seating order of a meeting: participant ids, first rank first.
    static func seatingOrder(_ db: Database, meetingId: Int64) throws -> [Int64] {
        try Int64.fetchAll(db, sql: "SELECT participant_id FROM seating_order WHERE meeting_id = ? ORDER BY rank", arguments: [meetingId])
    }

    static func saveSeatingOrder(_ db: Database, meetingId: Int64, participantIds: [Int64]) throws {
        try db.execute(sql: "DELETE FROM seating_order WHERE meeting_id = ?", arguments: [meetingId])
        for (rank, id) in participantIds.enumerated() {
            try db.execute(sql: "INSERT INTO seating_order (meeting_id, participant_id, rank) VALUES (?, ?, ?)",
                           arguments: [meetingId, id, rank + 1])
        }
    }
}
