import MeetingKit

/// One minutes document as the CLI and the TUI show it: the record (its body withheld from
/// those who may not read classified minutes, R48), its meeting, the chain as steps, the
/// timeline, the R46 deadline of the current step and the follow-ups.
public struct MinutesDetail: Sendable, Codable {
    public var minutes: Minutes
    public var meeting: Meeting
    /// False when the reader may not see the body: ``Minutes/body`` and ``Minutes/signedText`` are then empty.
    public var bodyVisible: Bool
    /// Why the body is withheld (R48), when it is.
    public var withheld: Refusal?
    public var steps: [MinutesChainStep]
    public var history: [MinutesHistoryEntry]
    public var followUps: [FollowUpLine]
    /// The day the current reviewer's step is due (R46), while in the chain.
    public var due: Day?
    /// Working days the current step has waited.
    public var waitingDays: Int?
    public var isOverdue: Bool
    /// Signed minutes: the day they must have reached the units (R46).
    public var returnDue: Day?
    /// Signed minutes: when the office sent them back to the units (R46(2)), if it has.
    public var dispatch: MinutesDispatch?
    /// The declassifications of the document, oldest first (R48).
    public var declassifications: [MinutesDeclassification] = []
    /// The current step's due day was counted through a year without holiday data (R46).
    public var dueWarning: Localized?
    /// The chain waits on the office's check (R47), which a deputy director may take too.
    public var atOfficeCheck = false
    /// Signed minutes: whether the stored text still matches the stored SHA-256.
    public var hashVerified: Bool?
    /// The correction drafted for these (signed) minutes, if any.
    public var correctedBy: Int64?
    /// While awaiting signature: the number signing now would give.
    public var nextNumber: MinutesNumber?
    /// Names of everyone the detail mentions, by login.
    public var names: [String: String]

    public func name(_ login: String?) -> String {
        guard let login else { return "" }
        return names[login] ?? login
    }
}

/// One step of the chain for the progress line: 起草 → 分管副区长审核 → 常务副区长审核 → 区长签发.
public struct MinutesChainStep: Hashable, Sendable, Codable {
    public enum Status: String, Hashable, Sendable, Codable {
        case done, current, pending
    }

    public var login: String
    public var name: String
    /// What the step is: 起草, 审核 (with the leader's role), 签发.
    public var task: Localized
    public var status: Status
}

/// A follow-up with what a list shows about it.
public struct FollowUpLine: Hashable, Sendable, Codable {
    public var followUp: FollowUp
    public var departmentName: String
    /// The number of the signed minutes it comes from.
    public var minutesNumber: String?
    public var minutesTitle: String
    public var isOverdue: Bool
    /// False for a decision of classified minutes the reader may not see (R48).
    public var descriptionVisible: Bool
    /// The other units the decision names, co-responsible for it (R54), and their names.
    public var coUnits: [String] = []
    public var coUnitNames: [String] = []
    /// The due day was counted through a year without holiday data (R46).
    public var dueWarning: Localized?
}

/// A follow-up with what its units reported and the office decided (R54).
public struct FollowUpDetail: Sendable, Codable {
    public var line: FollowUpLine
    public var reports: [FollowUpReport]
}

/// A document waiting on a reviewer or the mayor, with its R46 deadline.
public struct MinutesQueueEntry: Hashable, Sendable, Codable {
    public var minutes: Minutes
    public var meetingTitle: String
    /// When the current step began.
    public var since: LocalDateTime
    public var waitingDays: Int
    public var due: Day
    public var isOverdue: Bool
    /// The number signing would give now (awaiting signature only).
    public var nextNumber: MinutesNumber?
    /// The due day was counted through a year without holiday data (R46).
    public var dueWarning: Localized?
}

/// Signed minutes the office has yet to send back to the units (R46(2)).
public struct DispatchStep: Hashable, Sendable, Codable {
    public var minutesId: Int64
    public var title: String
    public var signedOn: Day
    /// One working day after signing.
    public var due: Day
    public var overdue: Bool
    public var dueWarning: Localized?
}
