/// One entry of an item's timeline: every transition, opinion, coordination note, statement
/// and precondition confirmation, with who, on whose behalf, and when. Never edited or deleted.
public struct AgendaTimelineEntry: Hashable, Sendable, Codable {
    public enum Kind: String, CaseIterable, Sendable, Codable {
        case drafted, submitted, opinionGiven, coordinated, preconditionConfirmed, approved, accepted,
             scheduled, decided, deferred, withdrawn
        /// The lead department's statement of the disagreement left after coordination (R45(3)).
        case statementGiven
        /// The office corrected the item's flags (before acceptance).
        case flagsCorrected
        /// Its meeting was cancelled: back to accepted.
        case returned
        /// Its meeting moved to another time.
        case meetingMoved
        /// Taken off its meeting's agenda before the meeting.
        case unscheduled
        /// Its title, summary or (while a draft) related departments were edited.
        case edited

        public var name: Localized {
            switch self {
            case .drafted: return Localized(zh: "起草", en: "drafted")
            case .submitted: return Localized(zh: "提交", en: "submitted")
            case .opinionGiven: return Localized(zh: "部门意见", en: "opinion")
            case .coordinated: return Localized(zh: "分管副区长协调", en: "coordinated")
            case .preconditionConfirmed: return Localized(zh: "确认前置程序", en: "precondition confirmed")
            case .approved: return Localized(zh: "审核同意", en: "approved")
            case .accepted: return Localized(zh: "办公室受理", en: "accepted")
            case .scheduled: return Localized(zh: "安排上会", en: "scheduled")
            case .decided: return Localized(zh: "会议决定", en: "decided")
            case .deferred: return Localized(zh: "暂缓", en: "deferred")
            case .withdrawn: return Localized(zh: "撤回", en: "withdrawn")
            case .statementGiven: return Localized(zh: "主办部门分歧说明", en: "lead department's statement")
            case .flagsCorrected: return Localized(zh: "更正议题属性", en: "flags corrected")
            case .returned: return Localized(zh: "会议取消，议题退回", en: "returned: meeting cancelled")
            case .meetingMoved: return Localized(zh: "会议改期", en: "meeting moved")
            case .unscheduled: return Localized(zh: "撤下议程", en: "taken off the agenda")
            case .edited: return Localized(zh: "修改议题", en: "edited")
            }
        }
    }

    public var id: Int64?
    public var itemId: Int64
    public var at: LocalDateTime
    public var kind: Kind
    /// The person who acted (a secretary when recording on someone's behalf).
    public var actor: String
    /// The leader or head a secretary acted for, if any.
    public var onBehalfOf: String?
    public var fromState: AgendaState?
    public var toState: AgendaState
    /// The department an opinion is from.
    public var departmentCode: String?
    public var precondition: Precondition?
    public var meetingId: Int64?
    /// Reason, coordination note, decision text or confirmation note.
    public var text: String?
    /// The lead department's statement, on an unresolved coordination.
    public var statement: String?
    /// Agree or disagree, on an opinion; resolved or not, on a coordination ("agree", "resolved" …).
    public var outcome: String?

    public init(id: Int64? = nil, itemId: Int64, at: LocalDateTime, kind: Kind, actor: String, onBehalfOf: String?,
                fromState: AgendaState?, toState: AgendaState, departmentCode: String? = nil, precondition: Precondition? = nil,
                meetingId: Int64? = nil, text: String? = nil, statement: String? = nil, outcome: String? = nil) {
        self.id = id
        self.itemId = itemId
        self.at = at
        self.kind = kind
        self.actor = actor
        self.onBehalfOf = onBehalfOf
        self.fromState = fromState
        self.toState = toState
        self.departmentCode = departmentCode
        self.precondition = precondition
        self.meetingId = meetingId
        self.text = text
        self.statement = statement
        self.outcome = outcome
    }
}

extension AgendaTimelineEntry.Kind {
    /// The verb of the audit action (`item.<verb>`) a step of this kind is recorded with.
    public var auditVerb: String {
        switch self {
        case .drafted: return "create"
        case .submitted: return "submit"
        case .opinionGiven: return "opinion"
        case .coordinated: return "coordinate"
        case .preconditionConfirmed: return "confirm"
        case .approved: return "approve"
        case .accepted: return "accept"
        case .scheduled: return "schedule"
        case .decided: return "decide"
        case .deferred: return "defer"
        case .withdrawn: return "withdraw"
        case .statementGiven: return "state"
        case .flagsCorrected: return "flags"
        case .returned: return "return"
        case .meetingMoved: return "follow"
        case .unscheduled: return "unschedule"
        case .edited: return "edit"
        }
    }
}
