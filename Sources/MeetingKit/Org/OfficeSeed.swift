/// The org chart as written in `Data/office.json` (schema in docs/data.md).
public struct OfficeSeed: Codable, Sendable {
    public struct Office: Codable, Sendable, Hashable {
        public var name: String
        public var nameEn: String
        public var shortName: String
        public var shortNameEn: String

        public var localizedName: Localized { Localized(zh: name, en: nameEn) }
    }

    public var office: Office
    public var term: Term
    public var rooms: [String]
    public var departments: [Department]
    public var people: [Person]

    private enum CodingKeys: String, CodingKey { case office, term, rooms, departments, people }

    private struct PersonEntry: Codable {
        var login: String
        var name: String
        var role: Role
        var departmentCode: String?
        var isAdmin: Bool?
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        office = try c.decode(Office.self, forKey: .office)
        term = try c.decode(Term.self, forKey: .term)
        rooms = try c.decodeIfPresent([String].self, forKey: .rooms) ?? []
        departments = try c.decode([Department].self, forKey: .departments)
        people = try c.decode([PersonEntry].self, forKey: .people).map {
            Person(login: $0.login, name: $0.name, role: $0.role, departmentCode: $0.departmentCode, isAdmin: $0.isAdmin ?? false)
        }
    }

    /// Checks that logins are valid and unique and every reference resolves; returns the problems.
    public func problems() -> [String] {
        var found: [String] = []
        var logins = Set<String>()
        for p in people {
            if !Person.isValidLogin(p.login) { found.append("person \(p.login): login is not a valid user name") }
            if !logins.insert(p.login).inserted { found.append("person \(p.login): login used twice") }
        }
        let codes = Set(departments.map(\.code))
        if codes.count != departments.count { found.append("a department code is used twice") }
        for p in people {
            if let code = p.departmentCode, !codes.contains(code) { found.append("person \(p.login): unknown department \(code)") }
        }
        for d in departments {
            if let h = d.headLogin, !logins.contains(h) { found.append("department \(d.code): unknown head \(h)") }
            if let s = d.supervisorLogin, !logins.contains(s) { found.append("department \(d.code): unknown supervisor \(s)") }
        }
        return found
    }
}
