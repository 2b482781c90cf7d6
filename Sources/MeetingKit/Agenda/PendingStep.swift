/// A step an agenda item waits on: who must take it, for which department, since when, and,
/// for the steps R46 times, by when.
public struct PendingStep: Hashable, Sendable, Codable {
    public enum Kind: String, CaseIterable, Sendable, Codable {
        /// The lead department has not submitted its draft.
        case submit
        /// A related department's opinion is awaited.
        case opinion
        /// The supervising vice mayor must coordinate a disagreement (a leader's step, R46: 5 working days).
        case coordinate
        /// Coordination failed: the lead department states the disagreement and proposes how to handle it (R45(3)).
        case state
        /// The supervising vice mayor must approve (a leader's step, R46: 5 working days).
        case approve
        /// The vice mayor's approval came back: the office feeds it back and runs its procedure (R46: 1 working day).
        case feedback
        /// Accepted: the office places it on a meeting.
        case schedule

        public var name: Localized {
            switch self {
            case .submit: return Localized(zh: "提交议题", en: "submit the item")
            case .opinion: return Localized(zh: "提出部门意见", en: "give an opinion")
            case .coordinate: return Localized(zh: "协调分歧", en: "coordinate the disagreement")
            case .state: return Localized(zh: "说明分歧并提出办理建议", en: "state the disagreement and propose")
            case .approve: return Localized(zh: "审核议题", en: "approve the item")
            case .feedback: return Localized(zh: "反馈审核结果并受理", en: "feed back the approval and accept")
            case .schedule: return Localized(zh: "安排上会", en: "place on a meeting")
            }
        }
    }

    public var itemId: Int64
    public var itemTitle: String
    public var kind: Kind
    /// Logins of the people who may take the step.
    public var waitingOn: [String]
    /// The department the step concerns: the lead department, or the related department asked for its opinion.
    public var departmentCode: String
    /// The day the step began (it does not count towards the deadline).
    public var since: Day
    /// The last day to take it (R46), if a deadline applies.
    public var due: Day?
    /// The item carries a statement of unresolved disagreement (R41): shown wherever it is listed.
    public var flagged = false
    /// The due day was counted through a year without holiday data: an estimate (R46).
    public var dueWarning: Localized?

    /// Overdue from the day after the due day: "due by the end of" the due day.
    public func isOverdue(today: Day) -> Bool { due.map { today > $0 } ?? false }
}
