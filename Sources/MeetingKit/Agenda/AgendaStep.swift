/// A kind of step someone may take on an agenda item, with what decides who may take it:
/// the related department of an opinion, the precondition of a confirmation, the chair of
/// the meeting whose outcome is recorded. ``AccessPolicy`` answers for each.
public enum AgendaStep: Hashable, Sendable, Codable {
    /// Drafting a new item for the lead department.
    case draft
    case submit
    case opinion(department: String)
    case coordinate
    /// The lead department states the disagreement left after coordination (R45(3)).
    case state
    case confirm(Precondition)
    /// The office corrects the flags before acceptance.
    case correctFlags
    case approve
    case accept
    case schedule
    case decide(chair: String?)
    case deferItem(chair: String?)
    /// Taking an item off a meeting's agenda before the meeting.
    case unschedule(chair: String?)
    case withdraw
    /// Follows its meeting when the meeting is cancelled or moved: taken by whoever may
    /// schedule that meeting, never offered as a key.
    case followMeeting(MeetingKind, convener: String, cancelled: Bool)

    public var kind: AgendaTimelineEntry.Kind {
        switch self {
        case .draft: return .drafted
        case .submit: return .submitted
        case .opinion: return .opinionGiven
        case .coordinate: return .coordinated
        case .state: return .statementGiven
        case .confirm: return .preconditionConfirmed
        case .correctFlags: return .flagsCorrected
        case .approve: return .approved
        case .accept: return .accepted
        case .schedule: return .scheduled
        case .decide: return .decided
        case .deferItem: return .deferred
        case .unschedule: return .unscheduled
        case .withdraw: return .withdrawn
        case .followMeeting(_, _, let cancelled): return cancelled ? .returned : .meetingMoved
        }
    }

    /// What taking the step is called, for keys, menus and refusals ("approve", "审核同意").
    public var verb: Localized {
        switch self {
        case .draft: return Localized(zh: "起草议题", en: "draft an item")
        case .submit: return Localized(zh: "提交征求意见", en: "submit")
        case .opinion(let d): return Localized(zh: "代表 \(d) 提出意见", en: "give the opinion of \(d)")
        case .coordinate: return Localized(zh: "协调分歧", en: "coordinate")
        case .state: return Localized(zh: "说明分歧并提出建议", en: "state the disagreement")
        case .confirm(let p): return Localized(zh: "确认“\(p.name.zh)”", en: "confirm \(p.name.en)")
        case .correctFlags: return Localized(zh: "更正议题属性", en: "correct the flags")
        case .approve: return Localized(zh: "审核同意", en: "approve")
        case .accept: return Localized(zh: "受理", en: "accept")
        case .schedule: return Localized(zh: "安排上会", en: "schedule")
        case .decide: return Localized(zh: "记录会议决定", en: "record the decision")
        case .deferItem: return Localized(zh: "暂缓", en: "defer")
        case .unschedule: return Localized(zh: "撤下议程", en: "take off the agenda")
        case .withdraw: return Localized(zh: "撤回", en: "withdraw")
        case .followMeeting(_, _, let cancelled):
            return cancelled ? Localized(zh: "随会议取消退回", en: "return with the cancelled meeting")
                : Localized(zh: "随会议改期", en: "move with the meeting")
        }
    }
}
