/// Where a minutes document stands in its review chain (R43, R44).
///
/// `draft` → (submit) → `inReview` (R44 chains only) → `awaitingSignature` → (the mayor signs) →
/// `signed`; any reviewer, and the mayor, may instead return it: `returned` → (the drafter
/// resubmits) → the chain restarts from its first reviewer.
public enum MinutesState: String, CaseIterable, Sendable, Codable {
    case draft
    case inReview
    case awaitingSignature
    case signed
    case returned

    public var name: Localized {
        switch self {
        case .draft: return Localized(zh: "起草中", en: "draft")
        case .inReview: return Localized(zh: "审核中", en: "in review")
        case .awaitingSignature: return Localized(zh: "待区长签发", en: "awaiting signature")
        case .signed: return Localized(zh: "已签发", en: "signed")
        case .returned: return Localized(zh: "已退回", en: "returned")
        }
    }

    /// The drafter may change the body and attributes only while it is with them.
    public var isWithDrafter: Bool { self == .draft || self == .returned }
}
