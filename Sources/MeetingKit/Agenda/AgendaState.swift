/// Where an agenda item (议题) stands in its lifecycle (R41, R45(3)).
///
/// ```
/// draft → consulting → consensus ─────────────┐
///                    → disputed → (coordinated) ┴→ approved → accepted → scheduled → decided
///                                                               ↑            │
///                                                               └─ deferred ─┘
/// any state before decided → withdrawn
/// ```
/// A deferred item goes back to `accepted`; the deferral stays in its timeline. A disputed
/// item whose coordination did not reach agreement stays `disputed` but carries the lead
/// department's statement, and may then be approved (flagged).
public enum AgendaState: String, CaseIterable, Sendable, Codable {
    /// 草稿: the lead department is drafting it.
    case draft
    /// 征求意见: opinions are requested from each related department.
    case consulting
    /// 意见一致: every related department agrees (or there are none).
    case consensus
    /// 有分歧: a related department disagrees; the supervising vice mayor coordinates.
    case disputed
    /// 已审核同意: the supervising vice mayor approved it (R41).
    case approved
    /// 已受理: the office ran its approval procedure; it may be placed on a meeting.
    case accepted
    /// 已上会: placed on a meeting's agenda.
    case scheduled
    /// 已决定: discussed at the meeting and decided.
    case decided
    /// 已撤回: withdrawn by the lead department.
    case withdrawn

    public var name: Localized {
        switch self {
        case .draft: return Localized(zh: "草稿", en: "draft")
        case .consulting: return Localized(zh: "征求意见", en: "consulting")
        case .consensus: return Localized(zh: "意见一致", en: "consensus")
        case .disputed: return Localized(zh: "有分歧", en: "disputed")
        case .approved: return Localized(zh: "已审核同意", en: "approved")
        case .accepted: return Localized(zh: "已受理", en: "accepted")
        case .scheduled: return Localized(zh: "已上会", en: "scheduled")
        case .decided: return Localized(zh: "已决定", en: "decided")
        case .withdrawn: return Localized(zh: "已撤回", en: "withdrawn")
        }
    }

    /// Decided and withdrawn items never change again.
    public var isFinal: Bool { self == .decided || self == .withdrawn }
}
