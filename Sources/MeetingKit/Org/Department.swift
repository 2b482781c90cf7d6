/// A constituent department, a unit, a street office or an outside body that may be invited.
public struct Department: Hashable, Sendable, Codable {
    public enum Kind: String, CaseIterable, Sendable, Codable {
        /// 区政府工作部门 (constituent departments).
        case constituent
        /// 其他单位 (institutions and units under the government).
        case unit
        /// 街道办事处 (street offices; Xicheng has 15).
        case street
        /// Bodies outside the government that may be invited (区人大, 区政协 …).
        case external

        public var title: Localized {
            switch self {
            case .constituent: return Localized(zh: "工作部门", en: "Constituent department")
            case .unit: return Localized(zh: "有关单位", en: "Unit")
            case .street: return Localized(zh: "街道", en: "Street")
            case .external: return Localized(zh: "外部机构", en: "External body")
            }
        }
    }

    public var code: String
    public var name: String
    public var kind: Kind
    /// Login of the department's head (部门主要负责人 or 街道办事处主任).
    public var headLogin: String?
    /// Login of the supervising (executive) vice mayor whose portfolio holds this department (R6).
    public var supervisorLogin: String?
    /// Login of the deputy the head entrusted with presiding over the department's work: he
    /// signs off what the department sends to the government in the head's place (R45(2)).
    public var entrustedDeputyLogin: String?

    public init(code: String, name: String, kind: Kind, headLogin: String? = nil, supervisorLogin: String? = nil,
                entrustedDeputyLogin: String? = nil) {
        self.code = code
        self.name = name
        self.kind = kind
        self.headLogin = headLogin
        self.supervisorLogin = supervisorLogin
        self.entrustedDeputyLogin = entrustedDeputyLogin
    }

    /// Whether `login` signs off for the department (R45(2)): its head, or the deputy the head entrusted.
    public func signsOff(_ login: String) -> Bool { login == headLogin || login == entrustedDeputyLogin }
}
