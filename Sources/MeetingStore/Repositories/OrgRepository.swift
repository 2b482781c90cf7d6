import MeetingKit

/// Reads and writes people, departments, the term and office settings.
///
/// On the database port: the same statements on SQLite and PostgreSQL (`OrgEngineTests`).
/// Rows are decoded by hand (the org chart is read on every screen and by most use cases).
package enum OrgRepository {
    /// The org chart as stored now; read once per snapshot (``ReadSnapshot``).
    package static func load(_ db: any SQLConnection) throws -> OrgChart {
        guard let snapshot = db.readSnapshot else { return try read(db) }
        return try snapshot.memo(\.orgChart) { try read(db) }
    }

    private static func read(_ db: any SQLConnection) throws -> OrgChart {
        OrgChart(people: try db.rows("SELECT \(personColumns) FROM person").map(person),
                 departments: try db.rows("SELECT \(departmentColumns) FROM department").map(department))
    }

    /// Whether a department with this code exists.
    static func departmentExists(_ db: any SQLConnection, code: String) throws -> Bool {
        try db.value(Int.self, "SELECT 1 FROM department WHERE code = ?", code) != nil
    }

    package static func currentTerm(_ db: any SQLConnection) throws -> Term? {
        try db.row("SELECT number, name, start_day FROM term ORDER BY number DESC LIMIT 1").map(term)
    }

    /// Every term, oldest first.
    package static func terms(_ db: any SQLConnection) throws -> [Term] {
        try db.rows("SELECT number, name, start_day FROM term ORDER BY number").map(term)
    }

    /// The setting `key`; in a snapshot, from every setting read once (``ReadSnapshot``).
    package static func setting(_ db: any SQLConnection, _ key: String) throws -> String? {
        guard let snapshot = db.readSnapshot else { return try db.value(String.self, "SELECT value FROM setting WHERE key = ?", key) }
        return try snapshot.memo(\.settings) {
            Dictionary(uniqueKeysWithValues: try db.rows("SELECT key, value FROM setting").map { (try $0.get("key"), try $0.get("value")) })
        }[key]
    }

    /// An upsert both engines accept as written.
    static func setSetting(_ db: any SQLConnection, _ key: String, _ value: String) throws {
        try db.exec("INSERT INTO setting(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", key, value)
    }

    package static func rooms(_ db: any SQLConnection) throws -> [String] {
        try db.rows("SELECT name FROM room ORDER BY name").map { try $0.get("name") }
    }

    static func addRoom(_ db: any SQLConnection, _ name: String) throws {
        try db.exec("INSERT INTO room(name) VALUES (?)", name)
    }

    /// The office's name in both languages (from the seed), or a neutral default.
    package static func officeName(_ db: any SQLConnection) throws -> Localized {
        Localized(zh: try setting(db, "office.shortName") ?? "区政府会务",
                  en: try setting(db, "office.shortNameEn") ?? "District Government Meetings")
    }

    // MARK: - Writing

    /// Stores a new person, last in the org chart's order of precedence (the largest
    /// `precedence` plus one: writers take turns, so no two get the same).
    static func insert(_ db: any SQLConnection, _ person: Person) throws {
        try db.exec("""
            INSERT INTO person (login, name, role, department_code, is_admin, is_retired, precedence)
            VALUES (?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(precedence), 0) + 1 FROM person))
            """, person.login, person.name, person.role, person.departmentCode, person.isAdmin, person.isRetired)
    }

    /// Stores `person`'s fields (not its version: ``bumpPersonVersion(_:login:)``).
    static func update(_ db: any SQLConnection, _ person: Person) throws {
        try requireOne(try db.exec("UPDATE person SET name = ?, role = ?, department_code = ?, is_admin = ?, is_retired = ? WHERE login = ?",
                                   person.name, person.role, person.departmentCode, person.isAdmin, person.isRetired, person.login),
                       "person", person.login)
    }

    /// Stores a new department, last in the org chart's order of precedence.
    static func insert(_ db: any SQLConnection, _ department: Department) throws {
        try db.exec("""
            INSERT INTO department (code, name, kind, head_login, supervisor_login, entrusted_deputy_login, precedence)
            VALUES (?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(precedence), 0) + 1 FROM department))
            """, department.code, department.name, department.kind, department.headLogin, department.supervisorLogin,
            department.entrustedDeputyLogin)
    }

    /// Stores `department`'s fields (not its version: ``bumpDepartmentVersion(_:code:)``).
    static func update(_ db: any SQLConnection, _ department: Department) throws {
        try requireOne(try db.exec("""
            UPDATE department SET name = ?, kind = ?, head_login = ?, supervisor_login = ?, entrusted_deputy_login = ? WHERE code = ?
            """, department.name, department.kind, department.headLogin, department.supervisorLogin, department.entrustedDeputyLogin,
            department.code), "department", department.code)
    }

    static func insert(_ db: any SQLConnection, _ term: Term) throws {
        try db.exec("INSERT INTO term (number, name, start_day) VALUES (?, ?, ?)", term.number, term.name, term.startDay)
    }

    /// An update that changed no row means the record vanished under a use case that read it
    /// in the same transaction: a bug, not a user's mistake.
    private static func requireOne(_ changed: Int, _ entity: String, _ id: String) throws {
        guard changed == 1 else { throw SQLPortError.noRow(sql: "UPDATE \(entity) \(id)") }
    }

    // MARK: - Rows

    static let personColumns = "login, name, role, department_code, is_admin, is_retired"
    static let departmentColumns = "code, name, kind, head_login, supervisor_login, entrusted_deputy_login"

    static func person(_ row: SQLRow) throws -> Person {
        Person(login: try row.get("login"), name: try row.get("name"), role: try row.get("role"),
               departmentCode: try row.get("department_code"), isAdmin: try row.get("is_admin"), isRetired: try row.get("is_retired"))
    }

    static func department(_ row: SQLRow) throws -> Department {
        Department(code: try row.get("code"), name: try row.get("name"), kind: try row.get("kind"), headLogin: try row.get("head_login"),
                   supervisorLogin: try row.get("supervisor_login"), entrustedDeputyLogin: try row.get("entrusted_deputy_login"))
    }

    static func term(_ row: SQLRow) throws -> Term {
        Term(number: try row.get("number"), name: try row.get("name"), startDay: try row.get("start_day"))
    }
}

extension Role: SQLTextEnum {}
extension Department.Kind: SQLTextEnum {}
