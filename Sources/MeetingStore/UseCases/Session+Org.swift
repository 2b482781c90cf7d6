import GRDB
import MeetingKit

extension Session {
    /// Active people, optionally of one role, sorted by login.
    public func people(role: Role? = nil, includeRetired: Bool = false) throws -> [Person] {
        let org = try orgChart()
        return org.people.values
            .filter { (includeRetired || !$0.isRetired) && (role == nil || $0.role == role) }
            .sorted { $0.login < $1.login }
    }

    /// Departments, optionally of one kind, sorted by code.
    public func departments(kind: Department.Kind? = nil) throws -> [Department] {
        try orgChart().departments(kind: kind)
    }

    /// Adds a person to the org chart (administrators and the office director).
    @discardableResult
    public func addPerson(_ person: Person) throws -> Person {
        guard Person.isValidLogin(person.login) else {
            throw Refusal.invalid("person.badLogin", "登录名 “\(TextSafety.inert(person.login))” 无效：只能用小写字母、数字、_ - .，以字母或 _ 开头，最长 32 个字符",
                                  "the login '\(TextSafety.inert(person.login))' is invalid: use lower-case letters, digits, _ - ., starting with a letter or _, at most 32 characters")
        }
        try InputLimits.check(name: person.name)
        return try write { change in
            try AccessPolicy(org: try OrgRepository.load(change.db)).require(.administerOrgChart, by: actor)
            if try Person.exists(change.db, key: person.login) {
                throw Refusal.conflict("person.exists", "登录名 \(person.login) 已存在", "the login \(person.login) already exists")
            }
            if let code = person.departmentCode, try !Department.exists(change.db, key: code) {
                throw Refusal.notFound("department.unknown", "没有代码为 \(TextSafety.inert(code)) 的部门", "no department with code \(TextSafety.inert(code))")
            }
            try person.insert(change.db)
            try change.audit("person.create", entity: "person", id: person.login, after: AuditSummary.of(person))
            return person
        }
    }
}
