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

    /// Adds a person to the org chart (administrators and the office director; only an
    /// administrator may add another administrator). The chart must stay consistent
    /// (``OrgRules``): e.g. a second active mayor is refused.
    @discardableResult
    public func addPerson(_ person: Person) throws -> Person {
        try Session.validate(person)
        return try write { change in
            let before = try administeringChart(change.db)
            if before.person(person.login) != nil {
                throw Refusal.conflict("person.exists", "登录名 \(person.login) 已存在", "the login \(person.login) already exists")
            }
            try requireAdminGrant(changing: nil, to: person, in: before)
            try Session.requireConsistent(before: before, after: before.replacing(person: person), actor: actor)
            try OrgRepository.insert(change.db, person)
            try change.audit("person.create", entity: "person", id: person.login, after: AuditSummary.of(person))
            return person
        }
    }
}
