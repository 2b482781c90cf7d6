/// What editing a meeting changes: its subject, its room or its chair. A nil field stays as
/// it is; an empty room clears it (not decided yet). The time has its own act (a move),
/// because moving keeps a history and renumbers (R37).
public struct MeetingEdit: Hashable, Sendable, Codable {
    public var title: String?
    public var room: String?
    /// The chair's login; the chair rules of the meeting's kind apply (R38–R40, R39 entrusting).
    public var chair: String?

    public init(title: String? = nil, room: String? = nil, chair: String? = nil) {
        self.title = title
        self.room = room
        self.chair = chair
    }

    /// Checks the lengths and characters of the fields given, before anything is read.
    public func checkInput() throws {
        if let title, !title.isEmpty { try InputLimits.check(title: title) }
        if let room, !room.isEmpty { try InputLimits.check(name: room, field: Localized(zh: "会议室", en: "room")) }
    }
}
