/// Where a meeting stands: planned → notified → held, or cancelled / postponed.
public enum MeetingStatus: String, CaseIterable, Sendable, Codable {
    case planned
    /// Notices have gone out to the participants.
    case notified
    case held
    case cancelled
    /// Moved to another time; the history keeps the original.
    case postponed

    public var name: Localized {
        switch self {
        case .planned: return Localized(zh: "已安排", en: "planned")
        case .notified: return Localized(zh: "已通知", en: "notified")
        case .held: return Localized(zh: "已召开", en: "held")
        case .cancelled: return Localized(zh: "已取消", en: "cancelled")
        case .postponed: return Localized(zh: "已延期", en: "postponed")
        }
    }

    /// Cancelled meetings no longer take place; one cancelled before its number was published
    /// leaves the numbering (a published number stays with it, ``MeetingNumbering``).
    public var isActive: Bool { self != .cancelled }
}

/// The mayor's approval of a meeting held in the government's name by someone else (R61).
public enum MeetingApproval: String, CaseIterable, Sendable, Codable {
    /// Convened by the mayor, or not in the government's name: no approval needed.
    case notRequired
    /// Waits for the mayor: notices may not go out.
    case awaiting
    case approved

    public var name: Localized {
        switch self {
        case .notRequired: return Localized(zh: "无需审批", en: "no approval needed")
        case .awaiting: return Localized(zh: "待区长审批", en: "awaiting the mayor's approval")
        case .approved: return Localized(zh: "区长已批准", en: "approved by the mayor")
        }
    }
}
