/// What importing an org-chart file would do to the stored chart: the diff to show (dry
/// run) and apply, or the problems that forbid it. Pure: the store computes it inside the
/// transaction that applies it, so what is shown is what is written.
///
/// The file describes people and departments; rows replace the stored records with the
/// same login or code. People missing from the file are kept unless `retireMissing` is
/// set (then they are retired); departments missing from the file are always kept
/// (departments are never removed, meetings and items refer to them).
public struct OrgImportPlan: Sendable, Codable {
    /// A record before and after, with the names of the fields that differ.
    public struct Changed<Value: Sendable & Codable & Hashable>: Sendable, Codable, Hashable {
        public var before: Value
        public var after: Value
        public var fields: [String]
    }

    public var addedPeople: [Person] = []
    public var changedPeople: [Changed<Person>] = []
    /// Active people the import retires (a `retired` row, or missing with `retireMissing`).
    public var retiredPeople: [Changed<Person>] = []
    public var addedDepartments: [Department] = []
    public var changedDepartments: [Changed<Department>] = []
    /// Stored people the file does not mention (kept as they are).
    public var peopleNotInFile: [String] = []
    /// Stored departments the file does not mention (kept as they are).
    public var departmentsNotInFile: [String] = []
    /// Everything that forbids the import; nothing is applied while this is not empty.
    public var problems: [OrgFile.Problem] = []
    /// The chart after the import.
    public var target: OrgChart

    /// Whether applying would change nothing.
    public var isEmpty: Bool {
        addedPeople.isEmpty && changedPeople.isEmpty && retiredPeople.isEmpty && addedDepartments.isEmpty && changedDepartments.isEmpty
    }

    /// Plans importing `file` into `current`, on behalf of `actor` (an administrator or the
    /// office director; only an administrator may change administrator rights).
    public init(current: OrgChart, file: OrgFile, actor: Person, retireMissing: Bool) {
        problems = file.fieldProblems()
        var people = current.people
        var departments = current.departments
        var personLocation: [String: OrgFile.Location] = [:]
        var departmentLocation: [String: OrgFile.Location] = [:]
        for row in file.people where personLocation[row.person.login] == nil {
            personLocation[row.person.login] = row.location
            people[row.person.login] = row.person
        }
        for row in file.departments where departmentLocation[row.department.code] == nil {
            departmentLocation[row.department.code] = row.location
            departments[row.department.code] = row.department
        }
        for login in current.people.keys.sorted() where personLocation[login] == nil {
            if retireMissing, var person = people[login], !person.isRetired {
                if login == actor.login {
                    problems.append(OrgFile.Problem(.file, zh: "文件中没有你自己（\(login)）：加上你的一行，或不用 --retire-missing",
                                                    en: "you (\(login)) are not in the file: add a row for yourself, or leave out --retire-missing"))
                    continue
                }
                person.isRetired = true
                people[login] = person
            } else {
                peopleNotInFile.append(login)
            }
        }
        departmentsNotInFile = current.departments.keys.filter { departmentLocation[$0] == nil }.sorted()
        target = OrgChart(people: Array(people.values), departments: Array(departments.values))

        for login in people.keys.sorted() {
            let after = people[login]!
            guard let before = current.person(login) else { addedPeople.append(after); continue }
            guard before != after else { continue }
            let change = Changed(before: before, after: after, fields: OrgImportPlan.fields(before, after))
            if after.isRetired && !before.isRetired { retiredPeople.append(change) } else { changedPeople.append(change) }
        }
        for code in departments.keys.sorted() {
            let after = departments[code]!
            guard let before = current.department(code) else { addedDepartments.append(after); continue }
            if before != after { changedDepartments.append(Changed(before: before, after: after, fields: OrgImportPlan.fields(before, after))) }
        }
        checkRights(current: current, actor: actor, personLocation: personLocation)
        for problem in OrgRules.introducedProblems(before: current, after: target) {
            let location: OrgFile.Location
            switch problem.subject {
            case .person(let login): location = personLocation[login] ?? .file
            case .department(let code): location = departmentLocation[code] ?? .file
            }
            problems.append(OrgFile.Problem(location, problem.refusal.message))
        }
        problems = OrgFile.ordered(problems)
    }

    /// Administrator rights, the actor's own record, and at least one administrator left.
    private mutating func checkRights(current: OrgChart, actor: Person, personLocation: [String: OrgFile.Location]) {
        for login in target.people.keys.sorted() {
            let after = target.people[login]!
            let location = personLocation[login] ?? .file
            if (current.person(login)?.isAdmin ?? false) != after.isAdmin && !actor.isAdmin {
                problems.append(OrgFile.Problem(location, zh: "只有系统管理员可以授予或撤销管理员权限（\(login)）",
                                                en: "only an administrator may grant or withdraw administrator rights (\(login))"))
            }
            if login == actor.login && after.isRetired && current.person(login)?.isRetired == false {
                problems.append(OrgFile.Problem(location, zh: "不能让自己退出", en: "you cannot retire yourself"))
            }
        }
        let admins = { (org: OrgChart) in org.people.values.filter { $0.isAdmin && !$0.isRetired }.count }
        if admins(target) == 0 && admins(current) > 0 {
            problems.append(OrgFile.Problem(.file, zh: "导入后将没有在任的系统管理员", en: "after the import no active administrator would be left"))
        }
    }

    static func fields(_ a: Person, _ b: Person) -> [String] {
        var f: [String] = []
        if a.name != b.name { f.append("name") }
        if a.role != b.role { f.append("role") }
        if a.departmentCode != b.departmentCode { f.append("department") }
        if a.isAdmin != b.isAdmin { f.append("admin") }
        if a.isRetired != b.isRetired { f.append("retired") }
        return f
    }

    static func fields(_ a: Department, _ b: Department) -> [String] {
        var f: [String] = []
        if a.name != b.name { f.append("name") }
        if a.kind != b.kind { f.append("kind") }
        if a.headLogin != b.headLogin { f.append("head") }
        if a.supervisorLogin != b.supervisorLogin { f.append("supervisor") }
        return f
    }
}
