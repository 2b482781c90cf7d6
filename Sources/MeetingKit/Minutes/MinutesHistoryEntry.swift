/// One step in a minutes document's timeline: drafted, edited, submitted, approved, returned
/// (with the reason), signed. Kept forever; the store refuses to change or delete entries.
public struct MinutesHistoryEntry: Hashable, Sendable, Codable {
    public var id: Int64?
    public var minutesId: Int64
    public var at: LocalDateTime
    /// Who acted (the leader, when a secretary recorded it on their behalf).
    public var actorLogin: String
    /// The secretary who recorded it for the leader (代录), if any.
    public var recordedBy: String?
    /// `draft`, `edit`, `set`, `submit`, `approve`, `return`, `sign`.
    public var action: String
    /// The state after this step.
    public var state: MinutesState
    /// The reason given with a return, or a note.
    public var note: String?

    public init(id: Int64? = nil, minutesId: Int64, at: LocalDateTime, actorLogin: String, recordedBy: String? = nil,
                action: String, state: MinutesState, note: String? = nil) {
        self.id = id
        self.minutesId = minutesId
        self.at = at
        self.actorLogin = actorLogin
        self.recordedBy = recordedBy
        self.action = action
        self.state = state
        self.note = note
    }

    public var actionName: Localized {
        switch action {
        case "draft": return Localized(zh: "起草", en: "drafted")
        case "correct": return Localized(zh: "起草更正件", en: "drafted a correction")
        case "edit": return Localized(zh: "修改正文", en: "edited")
        case "set": return Localized(zh: "设置属性", en: "set attributes")
        case "submit": return Localized(zh: "提交", en: "submitted")
        case "approve": return Localized(zh: "审核同意", en: "approved")
        case "return": return Localized(zh: "退回", en: "returned")
        case "sign": return Localized(zh: "签发", en: "signed")
        case "declassify": return Localized(zh: "解密", en: "declassified")
        default: return .same(action)
        }
    }
}
