import GRDB
import MeetingKit

/// Reads and writes people, departments, the term and office settings.
package enum OrgRepository {
    package static func load(_ db: Database) throws -> OrgChart {
        // Read on every screen and by most use cases: prepared once per connection.
        OrgChart(people: try Person.fetchAll(db.cachedStatement(sql: "SELECT * FROM person")),
                 departments: try Department.fetchAll(db.cachedStatement(sql: "SELECT * FROM department")))
    }

    package static func currentTerm(_ db: Database) throws -> Term? {
        try Term.order(Column("number").desc).fetchOne(db)
    }

    package static func setting(_ db: any SQLConnection, _ key: String) throws -> String? {
        try db.value(String.self, "SELECT value FROM setting WHERE key = ?", key)
    }

    /// An upsert both engines accept as written.
    static func setSetting(_ db: any SQLConnection, _ key: String, _ value: String) throws {
        try db.exec("INSERT INTO setting(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", key, value)
    }

    package static func rooms(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT name FROM room ORDER BY name")
    }

    /// The office's name in both languages (from the seed), or a neutral default.
    package static func officeName(_ db: Database) throws -> Localized {
        Localized(zh: try setting(db, "office.shortName") ?? "区政府会务",
                  en: try setting(db, "office.shortNameEn") ?? "District Government Meetings")
    }
}
