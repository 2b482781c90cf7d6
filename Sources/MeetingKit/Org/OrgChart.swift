/// The people and departments of the office at one moment, with the lookups the rules need.
///
/// Small (tens of people), so the store loads it whole for each use case.
public struct OrgChart: Sendable, Codable {
    public private(set) var people: [String: Person]
    public private(set) var departments: [String: Department]
    /// The login of each unique role's active holder, found once: ``holder(of:)`` is asked for
    /// every pending leave request on the office director's home (R42's approver).
    private let holders: [Role: String]

    private enum CodingKeys: String, CodingKey { case people, departments }

    public init(people: [Person], departments: [Department]) {
        self.init(people: Dictionary(people.map { ($0.login, $0) }, uniquingKeysWith: { _, last in last }),
                  departments: Dictionary(departments.map { ($0.code, $0) }, uniquingKeysWith: { _, last in last }))
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(people: try container.decode([String: Person].self, forKey: .people),
                  departments: try container.decode([String: Department].self, forKey: .departments))
    }

    private init(people: [String: Person], departments: [String: Department]) {
        self.people = people
        self.departments = departments
        var holders: [Role: String] = [:]
        for person in people.values where !person.isRetired && holders[person.role].map({ person.login < $0 }) ?? true {
            holders[person.role] = person.login
        }
        self.holders = holders
    }

    public func person(_ login: String) -> Person? { people[login] }
    public func department(_ code: String) -> Department? { departments[code] }

    /// The active person holding a unique role (mayor, executive vice mayor, office director).
    public func holder(of role: Role) -> Person? {
        holders[role].flatMap { people[$0] }
    }

    /// Departments a (executive) vice mayor supervises (R6), sorted by code.
    public func portfolio(of login: String) -> [Department] {
        departments.values.filter { $0.supervisorLogin == login }.sorted { $0.code < $1.code }
    }

    /// The leader who supervises a department, if any.
    public func supervisor(ofDepartment code: String) -> Person? {
        departments[code]?.supervisorLogin.flatMap { people[$0] }
    }

    public func activePeople(role: Role? = nil) -> [Person] {
        people.values.filter { !$0.isRetired && (role == nil || $0.role == role) }.sorted { $0.login < $1.login }
    }

    /// The office's staff (the office director and the secretaries), by login: whom the
    /// office's steps wait on (R46 feedback, scheduling, sending signed minutes back).
    public func officeStaffLogins() -> [String] {
        (activePeople(role: .officeDirector) + activePeople(role: .secretary)).map(\.login)
    }

    public func departments(kind: Department.Kind? = nil) -> [Department] {
        departments.values.filter { kind == nil || $0.kind == kind }.sorted { $0.code < $1.code }
    }

    /// The head of a department, when the department names one that exists.
    public func head(of code: String) -> Person? {
        departments[code]?.headLogin.flatMap { people[$0] }
    }
}
