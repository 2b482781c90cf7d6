/// A registered absence from Beijing (R65): a business trip, a visit or leave, with dates.
///
/// A vice mayor's is reported to the mayor; a department's or street's principal head asks
/// the mayor and the supervising vice mayor (``AbsenceWorkflow``); other staff only register
/// theirs. A registered absence that is neither refused nor withdrawn shows as a conflict
/// when scheduling; the mayor's hands the chair of executive meetings to the executive vice
/// mayor and is reported (报备) to the municipal government (R7). It may be withdrawn or
/// shortened when plans change.
public struct Absence: Hashable, Sendable, Codable {
    public enum Kind: String, CaseIterable, Sendable, Codable {
        /// 出差
        case trip
        /// 出访、考察
        case visit
        /// 休假
        case leave

        public var name: Localized {
            switch self {
            case .trip: return Localized(zh: "出差", en: "business trip")
            case .visit: return Localized(zh: "出访", en: "visit")
            case .leave: return Localized(zh: "休假", en: "leave")
            }
        }
    }

    public enum Status: String, CaseIterable, Sendable, Codable {
        /// Waiting for the mayor (and, for a department head, the supervising vice mayor).
        case pending
        case approved
        case refused

        public var name: Localized {
            switch self {
            case .pending: return Localized(zh: "待审批", en: "pending")
            case .approved: return Localized(zh: "已批准", en: "approved")
            case .refused: return Localized(zh: "未批准", en: "refused")
            }
        }
    }

    public var id: Int64?
    public var personLogin: String
    /// First and last day away, inclusive.
    public var fromDay: Day
    public var toDay: Day
    public var kind: Kind
    public var reason: String
    public var status: Status
    /// Whether the mayor must approve (everyone but the mayor).
    public var needsMayor: Bool
    /// The supervising vice mayor who must approve too (department heads), if any.
    public var supervisorLogin: String?
    /// When the mayor's and the supervisor's approvals were recorded (audit timestamps).
    public var mayorApprovedAt: String?
    public var supervisorApprovedAt: String?
    /// Who refused it, and why.
    public var refusedBy: String?
    public var refusalReason: String?
    /// Who registered it and when.
    public var registeredBy: String
    public var registeredAt: String
    /// Withdrawn (the trip was cancelled): by whom, when, why.
    public var withdrawnBy: String?
    public var withdrawnAt: String?
    public var withdrawalReason: String?
    /// The mayor's absence reported (报备) to the municipal government (R7): by whom, when.
    public var reportedBy: String?
    public var reportedAt: String?
    public var version: Int

    public init(id: Int64? = nil, personLogin: String, fromDay: Day, toDay: Day, kind: Kind, reason: String,
                status: Status = .pending, needsMayor: Bool = true, supervisorLogin: String? = nil,
                mayorApprovedAt: String? = nil, supervisorApprovedAt: String? = nil, refusedBy: String? = nil,
                refusalReason: String? = nil, registeredBy: String, registeredAt: String, withdrawnBy: String? = nil,
                withdrawnAt: String? = nil, withdrawalReason: String? = nil, reportedBy: String? = nil, reportedAt: String? = nil,
                version: Int = 1) {
        self.id = id
        self.personLogin = personLogin
        self.fromDay = fromDay
        self.toDay = toDay
        self.kind = kind
        self.reason = reason
        self.status = status
        self.needsMayor = needsMayor
        self.supervisorLogin = supervisorLogin
        self.mayorApprovedAt = mayorApprovedAt
        self.supervisorApprovedAt = supervisorApprovedAt
        self.refusedBy = refusedBy
        self.refusalReason = refusalReason
        self.registeredBy = registeredBy
        self.registeredAt = registeredAt
        self.withdrawnBy = withdrawnBy
        self.withdrawnAt = withdrawnAt
        self.withdrawalReason = withdrawalReason
        self.reportedBy = reportedBy
        self.reportedAt = reportedAt
        self.version = version
    }

    /// Whether the person is away on `day`.
    public func covers(_ day: Day) -> Bool { fromDay <= day && day <= toDay }

    /// Whether it still counts: a refused or withdrawn absence does not.
    public var isRegistered: Bool { status != .refused && withdrawnAt == nil }

    /// Registered before the first day away (R65 "事先", "提前"); one registered on that day
    /// or later is flagged wherever it is shown.
    public var isInAdvance: Bool { registeredAt.prefix(10) < fromDay.iso }

    /// The mayor's approval is still missing.
    public var awaitsMayor: Bool { status == .pending && needsMayor && mayorApprovedAt == nil }

    /// The supervising vice mayor's approval is still missing.
    public var awaitsSupervisor: Bool { status == .pending && supervisorLogin != nil && supervisorApprovedAt == nil }

    /// What a list shows beside the dates and status: registered late (R65 "事先"), withdrawn,
    /// reported to the municipal government (R7).
    public var remarks: [Localized] {
        var out: [Localized] = []
        if !isInAdvance { out.append(Localized(zh: "非事先登记", en: "not registered in advance")) }
        if let withdrawnAt { out.append(Localized(zh: "已撤销（\(withdrawnAt.prefix(10))）", en: "withdrawn (\(withdrawnAt.prefix(10)))")) }
        if let reportedAt { out.append(Localized(zh: "已向市政府报备（\(reportedAt.prefix(10))）", en: "reported to the city (\(reportedAt.prefix(10)))")) }
        return out
    }

    /// "2026-03-02–2026-03-05" or one day.
    public var dateText: String { fromDay == toDay ? fromDay.iso : "\(fromDay.iso)–\(toDay.iso)" }
}
