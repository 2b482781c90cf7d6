/// The three kinds of government meeting (R37–R40).
public enum MeetingKind: String, CaseIterable, Sendable, Codable {
    /// 区政府全体会议 (R38): yearly, chaired by the mayor.
    case plenary
    /// 区政府常务会议 (R39): every two weeks, chaired by the mayor or the entrusted EVM.
    case executive
    /// 区政府专题会议 (R40): the mayor's weekly, or a vice mayor's as needed.
    case topical

    public var name: Localized {
        switch self {
        case .plenary: return Localized(zh: "区政府全体会议", en: "Plenary meeting")
        case .executive: return Localized(zh: "区政府常务会议", en: "Executive meeting")
        case .topical: return Localized(zh: "区政府专题会议", en: "Topical meeting")
        }
    }

    /// The short name used in minutes numbers: 常务会议纪要〔2026〕12号.
    public var shortName: Localized {
        switch self {
        case .plenary: return Localized(zh: "全体会议", en: "Plenary")
        case .executive: return Localized(zh: "常务会议", en: "Executive")
        case .topical: return Localized(zh: "专题会议", en: "Topical")
        }
    }

    /// Major matters (重大事项) may be decided only at plenary and executive meetings (R5).
    public var mayDecideMajorMatters: Bool { self != .topical }
}
