/// Why a plenary or executive meeting is not chaired by the mayor.
public enum ChairDelegation: String, CaseIterable, Sendable, Codable {
    /// The mayor entrusted the executive vice mayor with the chair (R39).
    case entrusted
    /// The mayor is registered as away from Beijing that day, so the executive vice mayor
    /// chairs (R7); it follows the absence when the meeting moves.
    case mayorAway

    public var article: String { self == .entrusted ? "R39" : "R7" }

    public var name: Localized {
        switch self {
        case .entrusted: return Localized(zh: "受区长委托主持（R39）", en: "chairs as entrusted by the mayor (R39)")
        case .mayorAway: return Localized(zh: "区长离京，由常务副区长主持（R7）", en: "the mayor is away from Beijing; the executive vice mayor chairs (R7)")
        }
    }
}
