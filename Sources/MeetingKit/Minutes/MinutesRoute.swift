/// Which review chain a minutes document follows, and whose document it is.
public enum MinutesRoute: String, CaseIterable, Sendable, Codable {
    /// R43: plenary, executive and the mayor's topical meetings: the office drafts, the
    /// office checks (R47), the mayor signs.
    case mayorSigns
    /// R44: a vice mayor's topical meeting whose minutes are issued in the government's name
    /// (the drafter's choice, "确实需要"): the item's lead department drafts a request (请示)
    /// to the government, the office checks it (R47), the supervising vice mayor reviews,
    /// then the executive vice mayor, then the mayor signs.
    case governmentRequest
    /// A vice mayor's topical meeting whose minutes are not issued in the government's name:
    /// the office drafts them and the vice mayor who chaired signs. They are not government
    /// minutes: the mayor does not sign them and they take no number of the government's series.
    case chairSigns

    /// The article that defines the chain.
    public var article: String {
        switch self {
        case .mayorSigns: return "R43"
        case .governmentRequest, .chairSigns: return "R44"
        }
    }

    /// Whether the document is issued in the government's name: the mayor signs it, the
    /// office checks it first (R47) and signing numbers it in the government's series.
    public var isInGovernmentName: Bool { self != .chairSigns }

    public var name: Localized {
        switch self {
        case .mayorSigns: return Localized(zh: "办公室起草，区长签发", en: "drafted by the office, signed by the mayor")
        case .governmentRequest: return Localized(zh: "以区政府名义下发：主办单位以请示起草，分管副区长、常务副区长审核，区长签发",
                                                  en: "in the government's name: drafted by the lead department as a request, reviewed by the supervising VM and the EVM, signed by the mayor")
        case .chairSigns: return Localized(zh: "不以区政府名义下发：办公室起草，主持会议的副区长签发",
                                           en: "not in the government's name: drafted by the office, signed by the vice mayor who chaired")
        }
    }

    /// The route of a meeting's minutes. A vice mayor's topical meeting has a choice, made
    /// when drafting (R44 "确实需要"): `inGovernmentName` (nil: as the meeting was held, R61)
    /// picks the request to the government or the vice mayor's own minutes. Every other
    /// meeting's minutes are the government's (R43): asking otherwise is refused.
    public static func route(for meeting: Meeting, mayorLogin: String?, inGovernmentName: Bool? = nil) throws -> MinutesRoute {
        guard meeting.kind == .topical && meeting.chairLogin != mayorLogin else {
            if inGovernmentName == false {
                throw Refusal.rule("R43", "minutes.alwaysGovernment",
                                   "\(meeting.kind.name.zh)和区长主持的专题会议的纪要由区长签发，不能选择不以区政府名义下发",
                                   "the minutes of a \(meeting.kind.name.en.lowercased()) or of the mayor's topical meeting are the government's, signed by the mayor: they cannot be issued otherwise")
            }
            return .mayorSigns
        }
        return inGovernmentName ?? meeting.inGovernmentName ? .governmentRequest : .chairSigns
    }
}
