/// The roles the work rules give people (R4–R8, R42, R53). A person has one role; being an
/// administrator of the product is a separate flag, so a secretary can also administer.
public enum Role: String, CaseIterable, Sendable, Codable {
    case mayor
    case executiveViceMayor
    case viceMayor
    case officeDirector
    /// 区政府办公室副主任: checks documents in the government's name with the director (R47).
    case officeDeputyDirector
    case secretary
    case departmentHead
    case streetDirector
    /// A product administrator who holds no office role (e.g. the IT staff who ran `huiwu init`).
    case admin

    public var title: Localized {
        switch self {
        case .mayor: return Localized(zh: "区长", en: "Mayor")
        case .executiveViceMayor: return Localized(zh: "常务副区长", en: "Executive vice mayor")
        case .viceMayor: return Localized(zh: "副区长", en: "Vice mayor")
        case .officeDirector: return Localized(zh: "区政府办公室主任", en: "Office director")
        case .officeDeputyDirector: return Localized(zh: "区政府办公室副主任", en: "Office deputy director")
        case .secretary: return Localized(zh: "办公室工作人员", en: "Secretary")
        case .departmentHead: return Localized(zh: "部门主要负责人", en: "Department head")
        case .streetDirector: return Localized(zh: "街道办事处主任", en: "Street director")
        case .admin: return Localized(zh: "系统管理员", en: "Administrator")
        }
    }

    /// Government leaders in the sense of R42: their leave is approved by the mayor.
    public var isGovernmentLeader: Bool { self == .executiveViceMayor || self == .viceMayor }

    /// Leaders who may supervise a portfolio of departments (R6).
    public var supervisesPortfolio: Bool { self == .executiveViceMayor || self == .viceMayor }
}
