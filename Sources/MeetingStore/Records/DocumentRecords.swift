import MeetingKit

/// When a meeting's notice went out, by whom, with which contact and materials.
struct NoticeRecord: Codable, Hashable {
    var meetingId: Int64
    var sentAt: LocalDateTime
    var sentBy: String
    var contact: String
    var materials: String
    var version: Int
}
