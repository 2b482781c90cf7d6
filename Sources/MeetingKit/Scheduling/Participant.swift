/// How someone takes part in a meeting (R38–R40).
public enum Participation: String, CaseIterable, Sendable, Codable {
    /// 出席: a member of the meeting.
    case member
    /// 列席: sits in (department heads, street directors).
    case sitsIn
    /// 邀请: invited (other bodies' leaders, deputies, experts, residents' representatives).
    case invited

    public var name: Localized {
        switch self {
        case .member: return Localized(zh: "出席", en: "member")
        case .sitsIn: return Localized(zh: "列席", en: "sits in")
        case .invited: return Localized(zh: "邀请", en: "invited")
        }
    }
}

/// One participant of a meeting: a person of the org chart, or a named guest.
public struct Participant: Hashable, Sendable, Codable {
    public var id: Int64?
    public var meetingId: Int64
    /// The person's login, or nil for a guest.
    public var personLogin: String?
    /// A guest's name or a group ("区人大代表") when not a person of the org chart.
    public var guestName: String?
    /// The guest's organisation.
    public var guestOrg: String?
    public var role: Participation
    /// Position in the roster (members first, in protocol order).
    public var position: Int

    public init(id: Int64? = nil, meetingId: Int64, personLogin: String? = nil, guestName: String? = nil,
                guestOrg: String? = nil, role: Participation, position: Int) {
        self.id = id
        self.meetingId = meetingId
        self.personLogin = personLogin
        self.guestName = guestName
        self.guestOrg = guestOrg
        self.role = role
        self.position = position
    }
}
