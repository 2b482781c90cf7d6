/// Where a leave request stands (R42): waiting for the approver, or decided.
public enum LeaveStatus: String, CaseIterable, Sendable, Codable {
    case pending
    case approved
    case rejected

    public var name: Localized {
        switch self {
        case .pending: return Localized(zh: "待审批", en: "pending")
        case .approved: return Localized(zh: "已批准", en: "approved")
        case .rejected: return Localized(zh: "不予批准", en: "rejected")
        }
    }

    /// A pending or approved request blocks a second one for the same person and meeting.
    public var isOpen: Bool { self != .rejected }
}

/// How a leave request came to exist.
public enum LeaveSource: String, CaseIterable, Sendable, Codable {
    /// Filed by the person, or by a secretary for them.
    case request
    /// Pre-filled from a registered absence from Beijing (R65).
    case absence

    public var name: Localized {
        switch self {
        case .request: return Localized(zh: "申请", en: "request")
        case .absence: return Localized(zh: "离京报备", en: "absence from Beijing")
        }
    }
}
