/// Which review chain a minutes document follows.
public enum MinutesRoute: String, CaseIterable, Sendable, Codable {
    /// R43: plenary, executive and the mayor's topical meetings (and VM topical meetings not
    /// issued in the government's name): the office drafts, the mayor signs.
    case mayorSigns
    /// R44: a vice mayor's topical meeting whose minutes are issued in the government's name:
    /// the item's lead department drafts a request (请示), the supervising vice mayor reviews,
    /// then the executive vice mayor, then the mayor signs.
    case governmentRequest

    /// The article that defines the chain.
    public var article: String { self == .mayorSigns ? "R43" : "R44" }

    public var name: Localized {
        switch self {
        case .mayorSigns: return Localized(zh: "办公室起草，区长签发", en: "drafted by the office, signed by the mayor")
        case .governmentRequest: return Localized(zh: "主办单位以请示起草，分管副区长、常务副区长审核，区长签发",
                                                  en: "drafted by the lead department as a request, reviewed by the supervising VM and the EVM, signed by the mayor")
        }
    }

    /// The route the rules give a meeting's minutes: R44 for a vice mayor's topical meeting
    /// held in the government's name, R43 for every other meeting.
    public static func route(for meeting: Meeting, mayorLogin: String?) -> MinutesRoute {
        meeting.kind == .topical && meeting.chairLogin != mayorLogin && meeting.inGovernmentName ? .governmentRequest : .mayorSigns
    }
}
