/// A notice to an item's lead department that its meeting changed under it: cancelled (the
/// item went back to accepted, for another meeting) or moved (the item moved with it). The
/// department's head sees it until he has read it (R5, R18: no outcome without the meeting).
public struct AgendaNotice: Hashable, Sendable, Codable {
    public enum Kind: String, CaseIterable, Sendable, Codable {
        case returned
        case moved

        public var name: Localized {
            switch self {
            case .returned: return Localized(zh: "会议取消，议题退回", en: "meeting cancelled: item returned")
            case .moved: return Localized(zh: "会议改期", en: "meeting moved")
            }
        }
    }

    public var id: Int64?
    public var itemId: Int64
    public var departmentCode: String
    public var meetingId: Int64
    public var kind: Kind
    /// When the meeting was before it moved.
    public var previousStart: LocalDateTime?
    public var at: LocalDateTime
    /// Who changed the meeting.
    public var by: String
    public var acknowledgedAt: LocalDateTime?
    public var acknowledgedBy: String?

    public init(id: Int64? = nil, itemId: Int64, departmentCode: String, meetingId: Int64, kind: Kind, previousStart: LocalDateTime? = nil,
                at: LocalDateTime, by: String, acknowledgedAt: LocalDateTime? = nil, acknowledgedBy: String? = nil) {
        self.id = id
        self.itemId = itemId
        self.departmentCode = departmentCode
        self.meetingId = meetingId
        self.kind = kind
        self.previousStart = previousStart
        self.at = at
        self.by = by
        self.acknowledgedAt = acknowledgedAt
        self.acknowledgedBy = acknowledgedBy
    }

    /// What happened to `meeting`, for the lead department.
    public func message(meeting: Meeting) -> Localized {
        let title = Localized(zh: meeting.numberedTitle(.zh), en: meeting.numberedTitle(.en))
        guard let from = previousStart else {
            let reason = meeting.statusReason ?? ""
            return Localized(zh: "\(title.zh)已取消（\(reason)），议题退回“已受理”，可安排其他会议",
                             en: "\(title.en) was cancelled (\(reason)); the item is back to accepted, for another meeting")
        }
        let to = "\(meeting.start.day.iso) \(meeting.start.timeText)"
        return Localized(zh: "\(title.zh)由 \(from.day.iso) \(from.timeText) 改期至 \(to)，议题随会议改期",
                         en: "\(title.en) moved from \(from.day.iso) \(from.timeText) to \(to); the item moved with it")
    }
}
