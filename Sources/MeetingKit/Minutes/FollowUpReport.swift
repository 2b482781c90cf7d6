/// What a responsible unit tells the office about a follow-up, or what the office decided
/// on it (R54): the follow-up's own timeline. Never changed or deleted.
public struct FollowUpReport: Hashable, Sendable, Codable {
    public enum Kind: String, CaseIterable, Sendable, Codable {
        /// The unit reports how far it got.
        case progress
        /// The unit reports the work done: the office may now close the follow-up.
        case completed
        /// The unit asks for a later due day, with its reason.
        case moreTime = "extension"
        /// The office moved the due day (on the unit's request), with its reason.
        case dueMoved

        public var name: Localized {
            switch self {
            case .progress: return Localized(zh: "报告进展", en: "progress")
            case .completed: return Localized(zh: "报告办结", en: "reported done")
            case .moreTime: return Localized(zh: "申请延期", en: "asks for more time")
            case .dueMoved: return Localized(zh: "调整期限", en: "due day moved")
            }
        }
    }

    public var id: Int64?
    public var followUpId: Int64
    public var kind: Kind
    /// The unit that reports (nil for the office's own entries).
    public var departmentCode: String?
    public var text: String
    /// The day asked for (an extension) or set (a move).
    public var dueDay: Day?
    /// The head whose report it is, or the office member who moved the due day.
    public var by: String
    /// Who typed it (differs when a secretary records it on the head's behalf).
    public var recordedBy: String
    public var at: LocalDateTime

    public init(id: Int64? = nil, followUpId: Int64, kind: Kind, departmentCode: String?, text: String, dueDay: Day? = nil,
                by: String, recordedBy: String, at: LocalDateTime) {
        self.id = id
        self.followUpId = followUpId
        self.kind = kind
        self.departmentCode = departmentCode
        self.text = text
        self.dueDay = dueDay
        self.by = by
        self.recordedBy = recordedBy
        self.at = at
    }
}
