import MeetingKit

/// Versions of people and departments, for optimistic locking of org-chart edits.
extension OrgRepository {
    /// A person with its stored version, or a not-found refusal.
    package static func person(_ db: any SQLConnection, login: String) throws -> Versioned<Person> {
        guard let row = try db.row("SELECT \(personColumns), version FROM person WHERE login = ?", login) else {
            throw RefusalCatalog.unknownPerson(login)
        }
        return Versioned(try person(row), version: try row.get("version"))
    }

    /// A department with its stored version, or a not-found refusal.
    package static func department(_ db: any SQLConnection, code: String) throws -> Versioned<Department> {
        guard let row = try db.row("SELECT \(departmentColumns), version FROM department WHERE code = ?", code) else {
            throw RefusalCatalog.unknownDepartment(code)
        }
        return Versioned(try department(row), version: try row.get("version"))
    }

    /// Marks a person as changed: the next edit must state the new version.
    static func bumpPersonVersion(_ db: any SQLConnection, login: String) throws {
        try db.exec("UPDATE person SET version = version + 1 WHERE login = ?", login)
    }

    static func bumpDepartmentVersion(_ db: any SQLConnection, code: String) throws {
        try db.exec("UPDATE department SET version = version + 1 WHERE code = ?", code)
    }
}
