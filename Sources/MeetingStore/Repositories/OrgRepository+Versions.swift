import GRDB
import MeetingKit

/// Versions of people and departments, for optimistic locking of org-chart edits.
extension OrgRepository {
    /// A person with its stored version, or a not-found refusal.
    public static func person(_ db: Database, login: String) throws -> Versioned<Person> {
        guard let person = try Person.fetchOne(db, key: login),
              let version = try Int.fetchOne(db, sql: "SELECT version FROM person WHERE login = ?", arguments: [login]) else {
            throw Refusal.notFound("identity.unknownPerson", "没有登录名为 “\(TextSafety.inert(login))” 的人员（huiwu people list 可查看）",
                                   "no person with login '\(TextSafety.inert(login))' (see huiwu people list)")
        }
        return Versioned(person, version: version)
    }

    /// A department with its stored version, or a not-found refusal.
    public static func department(_ db: Database, code: String) throws -> Versioned<Department> {
        guard let department = try Department.fetchOne(db, key: code),
              let version = try Int.fetchOne(db, sql: "SELECT version FROM department WHERE code = ?", arguments: [code]) else {
            throw Refusal.notFound("department.unknown", "没有代码为 \(TextSafety.inert(code)) 的部门（huiwu departments list 可查看）",
                                   "no department with code \(TextSafety.inert(code)) (see huiwu departments list)")
        }
        return Versioned(department, version: version)
    }

    /// Marks a person as changed: the next edit must state the new version.
    static func bumpPersonVersion(_ db: Database, login: String) throws {
        try db.execute(sql: "UPDATE person SET version = version + 1 WHERE login = ?", arguments: [login])
    }

    static func bumpDepartmentVersion(_ db: Database, code: String) throws {
        try db.execute(sql: "UPDATE department SET version = version + 1 WHERE code = ?", arguments: [code])
    }

    /// Refuses an edit that read version `expected` when the record is now at `current`,
    /// naming who changed it last and when (from the audit log), so the user knows to reload.
    static func requireVersion(_ db: Database, expected: Int?, current: Int, entity: String, id: String) throws {
        guard let expected, expected != current else { return }
        let last = try AuditLog.recent(db, limit: 1, entity: entity, entityId: id).first
        let who: String
        if let last, let person = try Person.fetchOne(db, key: last.actor) {
            who = "\(person.name)（\(person.login)）"
        } else {
            who = last?.actor ?? "?"
        }
        let whoEn = who.replacingOccurrences(of: "（", with: " (").replacingOccurrences(of: "）", with: ")")
        let at = last.map { String($0.at.prefix(16)).replacingOccurrences(of: "T", with: " ") } ?? "?"
        let safeID = TextSafety.inert(id)
        throw Refusal.conflict("org.stale",
                               "\(safeID) 已被 \(who) 于 \(at) 修改（你读取的是第 \(expected) 版，现为第 \(current) 版），请重新加载后再改",
                               "\(safeID) was changed by \(whoEn) at \(at) (you read version \(expected), it is now \(current)); reload and try again")
    }
}
