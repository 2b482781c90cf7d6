/// A procedure an item must have gone through before the office accepts it (R16, R18, R19, R20, R47(1)).
///
/// Which ones apply derives from the item's flags (``required(for:)``):
/// - a major decision or a normative document: public participation, expert review, risk
///   assessment, the department's own legality review and the district legal office's
///   legality review (R16, R18);
/// - a major decision also: the necessity, feasibility and controllability argument (R19)
///   and the request and report to the district Party committee (R20);
/// - a hearing held: its record (R19); the law requiring it: the report to the district
///   People's Congress standing committee (R20);
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
    /// 必要性、可行性和可控性论证 (R19).
    case necessityArgument = "necessity-argument"
    /// 听证会 (R19, when one is held).
    case hearing = "hearing"
    /// 向区委请示报告 (R20).
    case partyCommitteeReport = "party-committee-report"
    /// 依法向区人大常委会报告 (R20, where the law requires).
    case congressReport = "congress-report"

    public var name: Localized {
        switch self {
        case .publicParticipation: return Localized(zh: "公众参与", en: "public participation")
        case .expertReview: return Localized(zh: "专家论证", en: "expert review")
        case .riskAssessment: return Localized(zh: "风险评估", en: "risk assessment")
        case .departmentLegality: return Localized(zh: "本部门合法性审查", en: "the department's legality review")
        case .legalOfficeReview: return Localized(zh: "区司法局合法性审查", en: "the legal office's legality review")
        case .stabilityRisk: return Localized(zh: "社会稳定和舆情风险评估", en: "social-stability and public-opinion risk assessment")
        case .fairCompetition: return Localized(zh: "公平竞争审查", en: "fair-competition review")
        case .necessityArgument: return Localized(zh: "必要性、可行性和可控性论证", en: "necessity, feasibility and controllability argument")
        case .hearing: return Localized(zh: "听证会", en: "hearing")
        case .partyCommitteeReport: return Localized(zh: "向区委请示报告", en: "request and report to the district Party committee")
        case .congressReport: return Localized(zh: "向区人大常委会报告", en: "report to the People's Congress standing committee")
        }
    }

    /// The article that requires it.
    public var article: String {
        switch self {
        case .publicParticipation, .expertReview, .riskAssessment, .departmentLegality, .legalOfficeReview: return "R16"
        case .stabilityRisk, .necessityArgument, .hearing: return "R19"
        case .partyCommitteeReport, .congressReport: return "R20"
        case .fairCompetition: return "R47(1)"
        }
    }

    /// The district legal office (区司法局) performs the legality review of R16; the product relies on this code.
    public static let legalOfficeCode = "SFJ"

    /// The preconditions an item with these flags needs, in checklist order.
    public static func required(for flags: ItemFlags) -> [Precondition] {
        var result: [Precondition] = []
        if flags.major || flags.normative {
            result += [.publicParticipation, .expertReview, .riskAssessment, .departmentLegality, .legalOfficeReview]
        }
        if flags.major { result.append(.necessityArgument) }
        if flags.hearing { result.append(.hearing) }
        if flags.publicInterest { result.append(.stabilityRisk) }
        if flags.market { result.append(.fairCompetition) }
        if flags.major { result.append(.partyCommitteeReport) }
        if flags.reportToCongress { result.append(.congressReport) }
        return result
    }

    /// Why an item needs it, for the checklist and refusals.
    public static func reason(for precondition: Precondition, major: Bool, normative: Bool) -> Localized {
        switch precondition {
        case .stabilityRisk: return Localized(zh: "涉及公共利益（R19）", en: "affects the public interest (R19)")
        case .fairCompetition: return Localized(zh: "涉及市场主体（R19、R47(1)）", en: "affects market actors (R19, R47(1))")
        case .necessityArgument: return Localized(zh: "重大事项（R19）", en: "major matter (R19)")
        case .hearing: return Localized(zh: "举行听证（R19）", en: "a hearing is held (R19)")
        case .partyCommitteeReport: return Localized(zh: "重大决策（R20）", en: "major decision (R20)")
        case .congressReport: return Localized(zh: "法律要求报告（R20）", en: "required by law (R20)")
        default:
            if major && normative { return Localized(zh: "重大事项、规范性文件（R16、R18）", en: "major matter, normative document (R16, R18)") }
            if major { return Localized(zh: "重大事项（R16、R18）", en: "major matter (R16, R18)") }
            return Localized(zh: "规范性文件（R16）", en: "normative document (R16)")
        }
    }
}
