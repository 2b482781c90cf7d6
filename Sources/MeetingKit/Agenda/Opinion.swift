/// A related department's written opinion on an agenda item (R41, R45(3)): agree, or
/// disagree with reasons. Given by the department's head, or recorded by a secretary on
/// the head's behalf; both names are kept.
public struct Opinion: Hashable, Sendable, Codable {
    public enum Stance: String, CaseIterable, Sendable, Codable {
        case agree
        case disagree

        public var name: Localized {
            switch self {
            case .agree: return Localized(zh: "同意", en: "agree")
            case .disagree: return Localized(zh: "不同意", en: "disagree")
            }
        }
    }

    public var id: Int64?
    public var itemId: Int64
    public var departmentCode: String
    public var stance: Stance
    /// Why the department disagrees (required then); an optional remark when it agrees.
    public var reason: String?
    /// The head whose opinion it is.
    public var givenBy: String
    /// Who typed it (the head, or a secretary on the head's behalf).
    public var recordedBy: String
    public var at: LocalDateTime

    public init(id: Int64? = nil, itemId: Int64, departmentCode: String, stance: Stance, reason: String?,
                givenBy: String, recordedBy: String, at: LocalDateTime) {
        self.id = id
        self.itemId = itemId
        self.departmentCode = departmentCode
        self.stance = stance
        self.reason = reason
        self.givenBy = givenBy
        self.recordedBy = recordedBy
        self.at = at
    }
}
