import GRDB
import MeetingKit

extension NoticeReceipt: SnakeCaseIdentifiedRecord {
    public static let databaseTableName = "notice_receipt"
    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// When a meeting's notice went out, by whom, with which contact and materials.
struct NoticeRecord: Codable, Hashable, SnakeCaseRecord {
    static let databaseTableName = "meeting_notice"
    var meetingId: Int64
    var sentAt: LocalDateTime
    var sentBy: String
    var contact: String
    var materials: String
    var version: Int
}
