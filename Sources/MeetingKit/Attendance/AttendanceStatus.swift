/// How a participant took part in a held meeting.
public enum AttendanceStatus: String, CaseIterable, Sendable, Codable {
    /// Came on time.
    case present
    /// Came late (the minutes are recorded).
    case late
    /// Did not come and had no approved leave.
    case absent
    /// Excused by approved leave (R42).
    case leave
    /// Did not come; a named substitute attended instead.
    case substitute

    public var name: Localized {
        switch self {
        case .present: return Localized(zh: "到会", en: "present")
        case .late: return Localized(zh: "迟到", en: "late")
        case .absent: return Localized(zh: "缺席", en: "absent")
        case .leave: return Localized(zh: "请假", en: "on leave")
        case .substitute: return Localized(zh: "代会", en: "substitute")
        }
    }

    /// The person was in the room (on time or late).
    public var attended: Bool { self == .present || self == .late }
}
