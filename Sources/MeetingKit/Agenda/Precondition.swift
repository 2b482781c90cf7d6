/// A procedure an item must have gone through before the office accepts it (R16, R18, R19, R47(1)).
///
/// Which ones apply derives from the item's flags (``required(major:normative:publicInterest:market:)``):
/// - a major decision or a normative document: public participation, expert review, risk
///   assessment, the department's own legality review and the district legal office's
///   legality review (R16, R18);
/// - affects the public interest or may cause instability: social-stability and
///   public-opinion risk assessment (R19);
/// - a normative document or policy affecting market actors: fair-competition review (R19, R47(1)).
public enum Precondition: String, CaseIterable, Sendable, Codable {
    case publicParticipation = "public-participation"
    case expertReview = "expert-review"
    case riskAssessment = "risk-assessment"
    case departmentLegality = "department-legality"
    case legalOfficeReview = "legal-office-review"
    case stabilityRisk = "stability-risk"
    case fairCompetition = "fair-competition"

    public var name: Localized {
        switch self {
        case .publicParticipation: return Localized(zh: "公众参与", en: "public participation")
        case .expertReview: return Localized(zh: "专家论证", en: "expert review")
        case .riskAssessment: return Localized(zh: "风险评估", en: "risk assessment")
        case .departmentLegality: return Localized(zh: "本部门合法性审查", en: "the department's legality review")
        case .legalOfficeReview: return Localized(zh: "区司法局合法性审查", en: "the legal office's legality review")
        case .stabilityRisk: return Localized(zh: "社会稳定和舆情风险评估", en: "social-stability and public-opinion risk assessment")
        case .fairCompetition: return Localized(zh: "公平竞争审查", en: "fair-competition review")
        }
    }

    /// The article that requires it.
    public var article: String {
        switch self {
        case .publicParticipation, .expertReview, .riskAssessment, .departmentLegality, .legalOfficeReview: return "R16"
        case .stabilityRisk: return "R19"
        case .fairCompetition: return "R47(1)"
        }
    }

    /// The district legal office (区司法局) performs the legality review of R16; the product relies on this code.
    public static let legalOfficeCode = "SFJ"

    /// The preconditions an item with these flags needs, in checklist order.
    public static func required(major: Bool, normative: Bool, publicInterest: Bool, market: Bool) -> [Precondition] {
        var result: [Precondition] = []
        if major || normative {
            result += [.publicParticipation, .expertReview, .riskAssessment, .departmentLegality, .legalOfficeReview]
        }
        if publicInterest { result.append(.stabilityRisk) }
        if market { result.append(.fairCompetition) }
        return result
    }

    /// Why an item needs it, for the checklist and refusals.
    public static func reason(for precondition: Precondition, major: Bool, normative: Bool) -> Localized {
        switch precondition {
        case .stabilityRisk: return Localized(zh: "涉及公共利益（R19）", en: "affects the public interest (R19)")
        case .fairCompetition: return Localized(zh: "涉及市场主体（R19、R47(1)）", en: "affects market actors (R19, R47(1))")
        default:
            if major && normative { return Localized(zh: "重大事项、规范性文件（R16、R18）", en: "major matter, normative document (R16, R18)") }
            if major { return Localized(zh: "重大事项（R16、R18）", en: "major matter (R16, R18)") }
            return Localized(zh: "规范性文件（R16）", en: "normative document (R16)")
        }
    }
}
