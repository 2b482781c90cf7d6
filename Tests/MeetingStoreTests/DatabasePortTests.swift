import Foundation
import HuiwuTestSupport
import MeetingKit
@testable import MeetingStore
import Testing

/// The database port: the same statements, written once, give the same results on SQLite and
/// PostgreSQL; what differs comes from the dialect.
@Suite("database port")
struct DatabasePortTests {
    @Test("values round-trip through ? placeholders", arguments: ScratchDatabase.engines)
    func roundTrip(engine: StoreEngine) throws {
        try ScratchDatabase.blank(engine) { db in
            try db.exec("CREATE TABLE sample (id \(db.dialect.autoIncrementedPrimaryKey), n BIGINT, x DOUBLE PRECISION, t TEXT, b BYTEA_OR_BLOB, f \(db.dialect.boolean), o TEXT)"
                .replacingOccurrences(of: "BYTEA_OR_BLOB", with: engine == .sqlite ? "BLOB" : "BYTEA"))
            let bytes = Data([0, 1, 2, 0xFF])
            let id = try db.value(Int64.self, "INSERT INTO sample (n, x, t, b, f, o) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                                  Int64.max, 2.5, "常务会议 'quoted' ?", bytes, true, String?.none)
            #expect(id == 1)
            let row = try #require(try db.row("SELECT * FROM sample WHERE id = ? AND t LIKE ?", id, "常务%"))
            #expect(try row.get("n", as: Int64.self) == Int64.max)
            #expect(try row.get("x", as: Double.self) == 2.5)
            #expect(try row.get("t", as: String.self) == "常务会议 'quoted' ?")
            #expect(try row.get("b", as: Data.self) == bytes)
            #expect(try row.get("f", as: Bool.self) == true)
            #expect(try row.get("o", as: String?.self) == nil)
            #expect(try db.value(Int.self, "SELECT COUNT(*) FROM sample WHERE f = ? AND t <> '?'", true) == 1)
        }
    }

    @Test("an upsert and a bound JSON list are written once for both engines", arguments: ScratchDatabase.engines)
    func upsertAndLists(engine: StoreEngine) throws {
        try ScratchDatabase.blank(engine) { db in
            try db.exec("CREATE TABLE setting (key TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL)")
            for value in ["a", "b"] {
                try db.exec("INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", "k", value)
            }
            try db.exec("INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING", "k", "c")
            #expect(try db.value(String.self, "SELECT value FROM setting WHERE key = ?", "k") == "b")
            try db.exec("INSERT INTO setting (key, value) VALUES ('j', '1'), ('l', '2')")
            let keys = try db.rows("SELECT key FROM setting WHERE key IN (\(db.dialect.jsonList(.text))) ORDER BY key", #"["j","l","x"]"#)
            #expect(try keys.map { try $0.get("key", as: String.self) } == ["j", "l"])
            try db.exec("CREATE TABLE n (x BIGINT NOT NULL)")
            try db.exec("INSERT INTO n (x) VALUES (1), (2), (3)")
            let numbers = try db.rows("SELECT x FROM n WHERE x IN (\(db.dialect.jsonList(.integer))) ORDER BY x", "[3,1,7]")
            #expect(try numbers.map { try $0.get("x", as: Int64.self) } == [1, 3])
        }
    }

    @Test("rows handed over one at a time are the rows of the whole result, in order", arguments: ScratchDatabase.engines)
    func rowByRow(engine: StoreEngine) throws {
        try ScratchDatabase.blank(engine) { db in
            try db.exec("CREATE TABLE n (x BIGINT NOT NULL, label TEXT)")
            try db.exec("INSERT INTO n (x, label) VALUES (1, 'one'), (2, NULL), (3, '三 is longer than fifteen bytes')")
            let query = "SELECT x, label FROM n WHERE x >= ? ORDER BY x"
            var seen: [[SQLValue]] = []
            try db.forEachRow(query, 1) { row in
                #expect(row.columns == ["x", "label"])
                seen.append(Array(row.values))
            }
            #expect(seen == (try db.rows(query, 1)).map { Array($0.values) })
            #expect(seen.map { $0[0] } == [.integer(1), .integer(2), .integer(3)])
            #expect(seen[2][1] == .text("三 is longer than fifteen bytes"))
            // An error thrown for a row ends the query and reaches the caller; the same query
            // then runs again from its first row.
            struct Stop: Error {}
            var handed = 0
            #expect(throws: Stop.self) {
                try db.forEachRow(query, 1) { _ in
                    handed += 1
                    throw Stop()
                }
            }
            #expect(handed == 1)
            var again = 0
            try db.forEachRow(query, 1) { _ in again += 1 }
            #expect(again == 3)
        }
    }

    @Test("signed minutes are immutable in the database on both engines (R43)", arguments: ScratchDatabase.engines)
    func immutabilityTrigger(engine: StoreEngine) throws {
        try ScratchDatabase.blank(engine) { db in
            let d = db.dialect
            try db.exec("CREATE TABLE minutes (id \(d.autoIncrementedPrimaryKey), state TEXT NOT NULL, body TEXT NOT NULL)")
            try db.exec("CREATE TABLE minutes_history (id \(d.autoIncrementedPrimaryKey), minutes_id BIGINT NOT NULL, note TEXT)")
            let ddl = d.refusingTrigger(named: "minutes_signed_no_update", on: "minutes", before: .update, when: "OLD.state = 'signed'",
                                        message: "R43: signed minutes are immutable; draft a correction")
                + d.refusingTrigger(named: "minutes_signed_no_delete", on: "minutes", before: .delete, when: "OLD.state = 'signed'",
                                    message: "R43: signed minutes are immutable and cannot be deleted")
                + d.refusingTrigger(named: "minutes_history_closed", on: "minutes_history", before: .insert,
                                    when: "(SELECT state FROM minutes WHERE id = NEW.minutes_id) = 'signed'",
                                    message: "R43: signed minutes are immutable")
            for statement in ddl { try db.exec(statement) }
            try db.exec("INSERT INTO minutes (state, body) VALUES ('draft', '草稿'), ('signed', '已签发')")
            try db.exec("UPDATE minutes SET body = '改过的草稿' WHERE id = 1")
            try db.exec("INSERT INTO minutes_history (minutes_id, note) VALUES (1, 'ok')")
            for statement in ["UPDATE minutes SET body = 'forged' WHERE id = 2", "DELETE FROM minutes WHERE id = 2",
                              "INSERT INTO minutes_history (minutes_id, note) VALUES (2, 'late')"] {
                let refusal = try #require(throws: (any Error).self) { try db.exec(statement) }
                #expect(d.triggerRefusal(in: refusal)?.hasPrefix("R43: signed minutes are immutable") == true, "\(statement): \(refusal)")
            }
            #expect(try db.value(String.self, "SELECT body FROM minutes WHERE id = 2") == "已签发")
            #expect(try db.value(String.self, "SELECT body FROM minutes WHERE id = 1") == "改过的草稿")
            #expect(try db.value(Int.self, "SELECT COUNT(*) FROM minutes_history") == 1)
        }
    }

    @Test("a write transaction that fails leaves nothing", arguments: ScratchDatabase.engines)
    func rollback(engine: StoreEngine) throws {
        try ScratchDatabase.blank(engine) { db in
            try db.exec("CREATE TABLE room (name TEXT NOT NULL PRIMARY KEY)")
            for statement in db.dialect.beginWrite { try db.exec(statement) }
            try db.exec("INSERT INTO room (name) VALUES (?)", "第一会议室")
            #expect(throws: (any Error).self) { try db.exec("INSERT INTO room (name) VALUES (?)", "第一会议室") }
            try db.exec("ROLLBACK")
            #expect(try db.value(Int.self, "SELECT COUNT(*) FROM room") == 0)
        }
    }

    @Test("PostgreSQL's placeholders are numbered outside literals, quoted names and comments")
    func placeholders() {
        let d = PostgresDialect()
        #expect(d.prepare("SELECT ? , '?' , \"a?\" FROM t WHERE x = ? -- why?\nAND y = ?") ==
                "SELECT $1 , '?' , \"a?\" FROM t WHERE x = $2 -- why?\nAND y = $3")
        #expect(d.prepare("SELECT 'it''s ?', ?") == "SELECT 'it''s ?', $1")
    }
}
