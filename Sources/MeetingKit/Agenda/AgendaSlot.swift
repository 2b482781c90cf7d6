/// An item's place on a meeting's agenda: its order and planned minutes (R61).
public struct AgendaSlot: Hashable, Sendable, Codable {
    public var meetingId: Int64
    public var itemId: Int64
    /// Order on the agenda, from 1.
    public var position: Int
    public var plannedMinutes: Int
    /// Taken off this meeting by a deferral; kept so the meeting's agenda shows its history.
    public var deferred: Bool

    public init(meetingId: Int64, itemId: Int64, position: Int, plannedMinutes: Int, deferred: Bool = false) {
        self.meetingId = meetingId
        self.itemId = itemId
        self.position = position
        self.plannedMinutes = plannedMinutes
        self.deferred = deferred
    }
}
