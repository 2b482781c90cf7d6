/// One move of a meeting to another time: the history a postponed meeting keeps.
public struct MeetingMove: Hashable, Sendable, Codable {
    public var id: Int64?
    public var meetingId: Int64
    public var previousStart: LocalDateTime
    public var previousDurationMinutes: Int
    public var newStart: LocalDateTime
    public var newDurationMinutes: Int
    public var reason: String?
    /// Audit timestamp and login of who moved it.
    public var movedAt: String
    public var movedBy: String

    public init(id: Int64? = nil, meetingId: Int64, previousStart: LocalDateTime, previousDurationMinutes: Int,
                newStart: LocalDateTime, newDurationMinutes: Int, reason: String?, movedAt: String, movedBy: String) {
        self.id = id
        self.meetingId = meetingId
        self.previousStart = previousStart
        self.previousDurationMinutes = previousDurationMinutes
        self.newStart = newStart
        self.newDurationMinutes = newDurationMinutes
        self.reason = reason
        self.movedAt = movedAt
        self.movedBy = movedBy
    }
}
