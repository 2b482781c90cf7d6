import MeetingKit

/// Administration of the org chart: people, departments and vice mayors' portfolios (R6).
///
/// Only administrators and the office director may change it (``Action/administerOrgChart``).
/// Every change checks the version the caller read (optimistic locking), keeps the chart
/// consistent (``OrgRules``), and is audited with before/after summaries in its transaction.
/// People are never deleted: a retired person keeps their history and can no longer act.
extension Session {
    /// A person with the version to state when editing it.
    public func person(_ login: String) throws -> Versioned<Person> {
        try read { try OrgRepository.person($0, login: login) }
    }

    /// A department with the version to state when editing it.
    public func department(_ code: String) throws -> Versioned<Department> {
        try read { try OrgRepository.department($0, code: code) }
    }

    /// Changes a person. `expectedVersion` is the version the caller read (nil: whatever is
    /// stored now); a stale one is refused with who changed the person and when.
    @discardableResult
    public func editPerson(_ login: String, expectedVersion: Int?, _ edit: PersonEdit) throws -> Versioned<Person> {
        try editPerson(login, expectedVersion: expectedVersion) { edit.apply(to: &$0) }
    }

    @discardableResult
    public func editPerson(_ login: String, expectedVersion: Int?, _ modify: (inout Person) -> Void) throws -> Versioned<Person> {
        try editChart(login, expectedVersion: expectedVersion, audit: "person.update", modify) { stored, person, before in
            if person.isRetired != stored.isRetired {
                throw RefusalCatalog.useRetire()
            }
            try requireAdminGrant(changing: stored, to: person, in: before)
        }
    }

    /// Retires a person: they keep their history (meetings, items, audit events still name
    /// them) but can no longer log in or act. Refused while they still head a department or
    /// hold a portfolio, so nothing is left without a responsible person.
    @discardableResult
    public func retirePerson(_ login: String, expectedVersion: Int?) throws -> Versioned<Person> {
        try write { change in
            let before = try administeringChart(change.db)
            return try change.update(Person.self, login, expected: expectedVersion, audit: "person.retire") { stored in
                guard !stored.isRetired else {
                    throw Refusal.conflict("person.alreadyRetired", "\(login) 已经退出", "\(login) is already retired")
                }
                let heads = before.departments().filter { $0.headLogin == login }.map(\.code)
                if let code = heads.first {
                    throw RefusalCatalog.stillHead(login, of: heads, code: code)
                }
                let portfolio = before.portfolio(of: login).map(\.code)
                if !portfolio.isEmpty {
                    throw RefusalCatalog.stillSupervises(login, portfolio)
                }
                var person = stored
                person.isRetired = true
                try Session.requireConsistent(before: before, after: person.placed(in: before), actor: actor)
                try person.store(change.db)
                return person
            }
        }
    }

    /// Adds a department, unit, street or outside body.
    @discardableResult
    public func addDepartment(_ department: Department) throws -> Versioned<Department> {
        try Session.validate(department)
        return try write { change in
            let db = change.db
            let before = try administeringChart(db)
            if before.department(department.code) != nil {
                throw Refusal.conflict("department.exists", "部门代码 \(department.code) 已存在", "the department code \(department.code) already exists")
            }
            try Session.requireConsistent(before: before, after: before.replacing(department: department), actor: actor)
            try OrgRepository.insert(db, department)
            try change.audit("department.create", entity: "department", id: department.code, after: AuditSummary.of(department))
            return Versioned(department, version: 1)
        }
    }

    /// Changes a department (name, kind, head, supervising leader), checking the version read.
    @discardableResult
    public func editDepartment(_ code: String, expectedVersion: Int?, _ edit: DepartmentEdit) throws -> Versioned<Department> {
        try editDepartment(code, expectedVersion: expectedVersion) { edit.apply(to: &$0) }
    }

    @discardableResult
    public func editDepartment(_ code: String, expectedVersion: Int?, _ modify: (inout Department) -> Void) throws -> Versioned<Department> {
        try editChart(code, expectedVersion: expectedVersion, audit: "department.update", modify)
    }

    /// Makes `codes` exactly the portfolio of the (executive) vice mayor `leader` (R6):
    /// departments named are taken over (from whoever held them), departments no longer
    /// named are left without a supervising leader.
    @discardableResult
    public func setPortfolio(of leader: String, to codes: [String]) throws -> PortfolioChange {
        var wanted: [String] = []
        for code in codes where !wanted.contains(code) { wanted.append(code) }
        return try write { change in
            let db = change.db
            let before = try administeringChart(db)
            guard let person = before.person(leader) else {
                throw Identity.unknownLogin(leader, isSelf: false)
            }
            guard person.role.supervisesPortfolio else {
                throw Refusal.rule("R6", "portfolio.notViceMayor",
                                   "只有常务副区长和副区长分管部门：\(leader) 是\(person.role.title.zh)",
                                   "only the executive vice mayor and vice mayors hold portfolios: \(leader) is \(person.role.title.en.lowercased())")
            }
            let unknown = wanted.filter { before.department($0) == nil }
            if !unknown.isEmpty {
                let list = unknown.map { TextSafety.inert($0) }.joined(separator: ", ")
                throw RefusalCatalog.unknownDepartments(list)
            }
            let old = before.portfolio(of: leader).map(\.code)
            var result = PortfolioChange(leader: leader, portfolio: wanted.sorted(), added: [], removed: [], takenFrom: [:])
            var after = before
            var changed: [(Department, Department)] = []
            for department in before.departments().sorted(by: { $0.code < $1.code }) {
                var updated = department
                if wanted.contains(department.code) && department.supervisorLogin != leader {
                    updated.supervisorLogin = leader
                    result.added.append(department.code)
                    if let previous = department.supervisorLogin { result.takenFrom[department.code] = previous }
                } else if !wanted.contains(department.code) && department.supervisorLogin == leader {
                    updated.supervisorLogin = nil
                    result.removed.append(department.code)
                } else {
                    continue
                }
                after = after.replacing(department: updated)
                changed.append((department, updated))
            }
            guard !changed.isEmpty else { return result }
            try Session.requireConsistent(before: before, after: after, actor: actor)
            for (old, new) in changed {
                try OrgRepository.update(db, new)
                try OrgRepository.bumpDepartmentVersion(db, code: new.code)
                try change.audit("department.update", entity: "department", id: new.code, before: AuditSummary.of(old), after: AuditSummary.of(new))
            }
            try change.audit("portfolio.set", entity: "person", id: leader, before: old.joined(separator: ","), after: result.portfolio.joined(separator: ","))
            return result
        }
    }

    /// Why the acting person may not change the org chart, or nil when they may: lets a
    /// screen say so before anyone fills in a form (the use cases check again on save).
    public func refusalToAdministerOrgChart() -> Refusal? {
        do {
            _ = try read { try administeringChart($0) }
            return nil
        } catch let refusal as Refusal {
            return refusal
        } catch {
            return Refusal(.storage, code: "store.error", .same("\(error)"))
        }
    }

    /// An edit of a person or a department: `modify` changes anything but its key; the result
    /// passes the field checks, `check` (given the stored record, the edited one and the chart)
    /// and the chart's consistency. An edit that changes nothing writes nothing.
    private func editChart<Record: ChartRecord>(_ key: String, expectedVersion: Int?, audit action: String,
                                                _ modify: (inout Record) -> Void,
                                                check: (Record, Record, OrgChart) throws -> Void = { _, _, _ in }) throws -> Versioned<Record> {
        try write { change in
            let before = try administeringChart(change.db)
            return try change.update(Record.self, key, expected: expectedVersion, audit: action) { stored in
                var record = stored
                modify(&record)
                record.key = stored.key
                try record.validate()
                if record == stored { return nil }
                try check(stored, record, before)
                try Session.requireConsistent(before: before, after: record.placed(in: before), actor: actor)
                try record.store(change.db)
                return record
            }
        }
    }

    // MARK: - Shared checks

    /// The stored chart, after checking that the actor (as stored now, so someone retired
    /// while their session was open is refused) may administer it.
    func administeringChart(_ db: any SQLConnection) throws -> OrgChart {
        let org = try OrgRepository.load(db)
        let current = Actor(osUser: actor.osUser, person: org.person(actor.person.login) ?? actor.person, onBehalfOf: actor.onBehalfOf)
        try AccessPolicy(org: org).require(.administerOrgChart, by: current)
        return org
    }

    /// Granting or withdrawing administrator rights is for administrators only.
    func requireAdminGrant(changing old: Person?, to new: Person, in org: OrgChart) throws {
        guard (old?.isAdmin ?? false) != new.isAdmin else { return }
        let current = Actor(osUser: actor.osUser, person: org.person(actor.person.login) ?? actor.person)
        try AccessPolicy(org: org).require(.grantAdministrator, by: current)
    }

    /// Refuses a change that breaks a rule of ``OrgRules`` the chart kept before, that
    /// retires the acting person, or that leaves the office without an active administrator.
    static func requireConsistent(before: OrgChart, after: OrgChart, actor: Actor) throws {
        if let problem = OrgRules.introducedProblems(before: before, after: after).first { throw problem.refusal }
        if after.person(actor.person.login)?.isRetired == true && before.person(actor.person.login)?.isRetired == false {
            throw Refusal.invalid("org.retireSelf", "不能让自己退出：请由另一位管理员办理", "you cannot retire yourself; ask another administrator")
        }
        let admins = { (org: OrgChart) in org.people.values.filter { $0.isAdmin && !$0.isRetired }.count }
        if admins(after) == 0 && admins(before) > 0 {
            throw Refusal.invalid("org.lastAdministrator", "这是最后一位在任的系统管理员，不能撤销其权限或让其退出",
                                  "this is the last active administrator; their rights cannot be withdrawn nor can they be retired")
        }
    }

    /// Field checks shared by the CLI, the TUI and import: valid login, sane name.
    static func validate(_ person: Person) throws {
        guard Person.isValidLogin(person.login) else {
            throw Refusal.invalid("person.badLogin", "登录名 “\(TextSafety.inert(person.login))” 无效：只能用小写字母、数字、_ - .，以字母或 _ 开头，最长 32 个字符",
                                  "the login '\(TextSafety.inert(person.login))' is invalid: use lower-case letters, digits, _ - ., starting with a letter or _, at most 32 characters")
        }
        try InputLimits.check(name: person.name)
    }

    static func validate(_ department: Department) throws {
        guard OrgRules.isValidCode(department.code) else {
            throw Refusal.invalid("department.badCode", "部门代码 “\(TextSafety.inert(department.code))” 无效：大写字母和数字，以字母开头，最长 16 个字符（如 FGW、JD01）",
                                  "the department code '\(TextSafety.inert(department.code))' is invalid: upper-case letters and digits, starting with a letter, at most 16 (e.g. FGW, JD01)")
        }
        try InputLimits.check(name: department.name, field: Localized(zh: "部门名称", en: "department name"))
    }
}

/// What `portfolio set` changed.
public struct PortfolioChange: Sendable, Codable, Hashable {
    /// The (executive) vice mayor.
    public var leader: String
    /// The portfolio now: department codes, sorted.
    public var portfolio: [String]
    /// Departments that joined the portfolio.
    public var added: [String]
    /// Departments that left it and now have no supervising leader.
    public var removed: [String]
    /// Departments taken over from another leader: code → that leader's login.
    public var takenFrom: [String: String]
}

extension OrgChart {
    /// The chart with `person` added or replaced.
    func replacing(person: Person) -> OrgChart {
        var all = people
        all[person.login] = person
        return OrgChart(people: Array(all.values), departments: Array(departments.values))
    }

    /// The chart with `department` added or replaced.
    func replacing(department: Department) -> OrgChart {
        var all = departments
        all[department.code] = department
        return OrgChart(people: Array(people.values), departments: Array(all.values))
    }
}
