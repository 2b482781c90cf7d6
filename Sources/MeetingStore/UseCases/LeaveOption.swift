import MeetingKit

/// A coming meeting one may ask leave for (R42): the acting person's own (they are on its
/// roster), or, for the office, any coming meeting (it records leave for the attendees).
public struct LeaveOption: Codable, Sendable, Hashable {
    public var meeting: MeetingLine
    /// Whether the acting person is on the roster.
    public var onRoster: Bool
    /// The acting person's latest leave request for it, if any.
    public var leaveId: Int64?
    public var leaveStatus: LeaveStatus?
    /// Who decides the acting person's leave (R42), when they are on the roster.
    public var approverName: String?
}
