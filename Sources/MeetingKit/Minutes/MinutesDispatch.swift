/// Signed minutes sent back to the units by the office (R46(2): within one working day of
/// signing): who sent them, who recorded it, when. A tracked step: `due` and `report` count
/// it overdue until it is recorded.
public struct MinutesDispatch: Hashable, Sendable, Codable {
    public var minutesId: Int64
    public var sentBy: String
    public var recordedBy: String
    public var sentAt: LocalDateTime

    public init(minutesId: Int64, sentBy: String, recordedBy: String, sentAt: LocalDateTime) {
        self.minutesId = minutesId
        self.sentBy = sentBy
        self.recordedBy = recordedBy
        self.sentAt = sentAt
    }
}
