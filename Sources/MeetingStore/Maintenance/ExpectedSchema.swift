import GRDB
import MeetingKit

/// The schema objects (tables, indexes, triggers, views) that the migrations create,
/// compared with a file's: a file whose triggers were dropped (signed minutes made editable,
/// R43) or that gained objects of its own is not an office Huiwu made.
enum ExpectedSchema {
    struct Object: Hashable {
        var type: String
        var name: String
        var sql: String?
    }

    /// What differs between `db`'s schema objects and those of a fresh database migrated to
    /// the same migrations (every one the program knows, or fewer for an older file).
    static func differences(_ db: Database) throws -> [Localized] {
        guard let reference = try reference(matching: db) else {
            return [Localized(zh: "不是会务数据库：没有任何已应用的迁移", en: "not a Huiwu database: no migration was applied")]
        }
        let expected = try reference.read(objects)
        let actual = try objects(db)
        var found: [Localized] = []
        for object in expected.subtracting(actual).sorted(by: { $0.name < $1.name }) {
            let changed = actual.contains { $0.type == object.type && $0.name == object.name }
            found.append(changed
                ? Localized(zh: "\(object.type) \(object.name) 的定义被改动", en: "the \(object.type) \(object.name) was altered")
                : Localized(zh: "缺少 \(object.type) \(object.name)", en: "the \(object.type) \(object.name) is missing"))
        }
        for object in actual.subtracting(expected).sorted(by: { $0.name < $1.name })
        where !expected.contains(where: { $0.type == object.type && $0.name == object.name }) {
            found.append(Localized(zh: "多出未知的 \(object.type) \(object.name)", en: "an unknown \(object.type) \(object.name) was added"))
        }
        return found
    }

    /// The triggers the migrations create (by name), for `huiwu doctor`.
    static func missingTriggers(_ db: Database) throws -> (expected: Int, missing: [String]) {
        guard let reference = try reference(matching: db) else { return (0, []) }
        let expected = try reference.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'") }
        let present = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger'"))
        return (expected.count, expected.filter { !present.contains($0) }.sorted())
    }

    /// A fresh in-memory database migrated to `db`'s newest migration; nil when `db` has none.
    private static func reference(matching db: Database) throws -> DatabaseQueue? {
        let applied = try db.tableExists("grdb_migrations")
            ? Set(try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")) : []
        guard let last = Schema.migrator.migrations.last(where: applied.contains) else { return nil }
        let reference = try DatabaseQueue()
        try Schema.migrator.migrate(reference, upTo: last)
        return reference
    }

    private static func objects(_ db: Database) throws -> Set<Object> {
        Set(try Row.fetchAll(db, sql: "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").map {
            Object(type: $0["type"], name: $0["name"], sql: $0["sql"])
        })
    }
}
