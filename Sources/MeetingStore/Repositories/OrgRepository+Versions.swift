import GRDB
import MeetingKit

/// Versions of people and departments, for optimistic locking of org-chart edits.
extension OrgRepository {
    /// A person with its stored version, or a not-found refusal.
    package static func person(_ db: Database, login: String) throws -> Versioned<Person> {
        guard let person = try Person.fetchOne(db, key: login),
              let version = try Int.fetchOne(db, sql: "SELECT version FROM person WHERE login = ?", arguments: [login]) else {
            throw RefusalCatalog.unknownPerson(login)
        }
        return Versioned(person, version: version)
    }

    /// A department with its stored version, or a not-found refusal.
    package static func department(_ db: Database, code: String) throws -> Versioned<Department> {
        guard let department = try Department.fetchOne(db, key: code),
              let version = try Int.fetchOne(db, sql: "SELECT version FROM department WHERE code = ?", arguments: [code]) else {
            throw RefusalCatalog.unknownDepartment(code)
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
}
