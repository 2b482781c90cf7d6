import Foundation
import GRDB
import HuiwuTestSupport
import MeetingKit
@testable import MeetingStore
import Testing

/// `huiwu admin copy`: a whole office, with its audit chain, from a file to PostgreSQL and back
/// (issue 21), checked on the target, and never into a database that holds records.
@Suite("copying a whole office between engines")
struct OfficeCopyTests {
    /// The demo office with its work (items at every stage, signed minutes, follow-ups, leave).
    static func demoOffice() throws -> TestOffice {
        let office = try TestOffice(now: "2026-03-11T09:00")
        _ = try office.session().seedDemo()
        return office
    }

    /// Every row of every table, flags read as numbers, sorted here (the engines sort NULLs
    /// apart): what two copies of an office must agree on.
    static func contents(_ store: Store) throws -> [String: [String]] {
        try store.snapshot { db in
            var all: [String: [String]] = [:]
            for table in OfficeCopy.tables {
                let columns = try db.dialect.columns(of: table, db).map(\.name).sorted()
                all[table] = try db.rows("SELECT \(columns.joined(separator: ", ")) FROM \(table)").map { row in
                    row.values.map { value in
                        if case .boolean(let b) = value { return "\(SQLValue.integer(b ? 1 : 0))" }
                        return "\(value)"
                    }.joined(separator: "|")
                }.sorted()
            }
            return all
        }
    }

    @Test("a demo office copied to PostgreSQL and back to a file keeps every row, every id and its audit chain; the copy works",
          .postgres)
    func roundTrip() throws {
        let office = try OfficeCopyTests.demoOffice()
        let original = try OfficeCopyTests.contents(office.store)
        let stateDirectory = TestOffice.temporaryDirectory()
        let url = try PostgresCluster.shared().database(prefix: "copy")

        let there = try OfficeCopy.run(from: office.store, to: url, environment: ["HUIWU_STATE_DIR": stateDirectory])
        #expect(there.tables.map(\.table) == OfficeCopy.tables)
        #expect(there.tables.map(\.rows) == OfficeCopy.tables.map { original[$0]!.count })
        #expect(there.tables.first { $0.table == "minutes" }!.rows >= 3)
        #expect(there.auditEvents == original["audit_event"]!.count && there.auditEvents > 100)

        let postgres = try Store.open(url: PostgresURL(url, osUser: "root"), stateDirectory: stateDirectory)
        #expect(postgres.engine == .postgresql)
        // The copy ends with ANALYZE: the planner knows the new tables (pg_stats has rows only after one).
        #expect(try postgres.snapshot { try $0.value(Int.self, "SELECT COUNT(*) FROM pg_stats WHERE tablename = 'meeting'") ?? 0 } > 0)
        #expect(try OfficeCopyTests.contents(postgres) == original)
        // The office works there: its meetings read the same, a new meeting continues the ids
        // and the chain, and signed minutes stay immutable (the triggers were put back).
        let secretary = try Session.open(store: postgres, osUser: "root", asLogin: "lijing", clock: office.clock)
        #expect(try secretary.meetings() == (try office.session("lijing").meetings()))
        let lastMeeting = original["meeting"]!.count
        let added = try secretary.scheduleMeeting(MeetingRequest(kind: .topical, start: LocalDateTime(iso: "2026-03-20T09:00")!)).meeting
        #expect(added.id! > Int64(lastMeeting))
        #expect(try secretary.verifyAudit().firstBreak == nil)
        #expect(throws: (any Error).self) {
            try postgres.transaction { db, _ in try db.exec("UPDATE minutes SET title = 'changed' WHERE state = 'signed'") }
        }

        // Back to a file: the same rows as the office on PostgreSQL, the meeting added there included.
        let file = TestOffice.temporaryDirectory() + "/back.sqlite"
        let back = try OfficeCopy.run(from: postgres, to: file)
        #expect(back.auditEvents > there.auditEvents)
        let returned = try Store.open(at: file)
        #expect(try OfficeCopyTests.contents(returned) == (try OfficeCopyTests.contents(postgres)))
        // Search on the file reads the full-text index, rebuilt from the rows as they arrived.
        let back1 = try Session.open(store: returned, osUser: "root", asLogin: "lijing", clock: office.clock)
        #expect(try back1.search("常务").map(\.title) == (try office.session("lijing").search("常务").map(\.title)))
        #expect(try back1.verifyAudit().firstBreak == nil)
    }

    @Test("a target that holds records, or another office's key, is refused and left as it was", .postgres)
    func refusesNonEmptyTarget() throws {
        let office = try TestOffice()
        let url = try PostgresCluster.shared().database(prefix: "copy")
        let first = TestOffice.temporaryDirectory()
        _ = try OfficeCopy.run(from: office.store, to: url, environment: ["HUIWU_STATE_DIR": first])

        // The same state directory: the key there is the copied office's.
        let keyed = try #require(throws: Refusal.self) {
            try OfficeCopy.run(from: office.store, to: url, environment: ["HUIWU_STATE_DIR": first])
        }
        #expect(keyed.code == "copy.targetExists")
        // Another state directory: the database's records refuse it, and no key is left behind.
        let second = TestOffice.temporaryDirectory()
        let full = try #require(throws: Refusal.self) {
            try OfficeCopy.run(from: office.store, to: url, environment: ["HUIWU_STATE_DIR": second])
        }
        #expect(full.code == "copy.targetNotEmpty")
        #expect(try FileManager.default.contentsOfDirectory(atPath: second).isEmpty)
        let copied = try Store.open(url: PostgresURL(url, osUser: "root"), stateDirectory: first)
        #expect(try OfficeCopyTests.contents(copied) == (try OfficeCopyTests.contents(office.store)))

        // A file that exists is never overwritten.
        let existing = TestOffice.temporaryDirectory() + "/other.sqlite"
        FileManager.default.createFile(atPath: existing, contents: Data("not an office".utf8))
        let refused = try #require(throws: Refusal.self) { try OfficeCopy.run(from: office.store, to: existing) }
        #expect(refused.code == "copy.targetExists")
        #expect(FileManager.default.contents(atPath: existing) == Data("not an office".utf8))
    }

    @Test("a copy into a file ends with ANALYZE: the new file has the planner's statistics of the office's tables")
    func analyzedFile() throws {
        let office = try OfficeCopyTests.demoOffice()
        let target = TestOffice.temporaryDirectory() + "/copy.sqlite"
        _ = try OfficeCopy.run(from: office.store, to: target)
        let analyzed = try Store.open(at: target).read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT tbl FROM sqlite_stat1")
        }
        #expect(Set(["meeting", "participant", "agenda_item", "audit_event"]).isSubset(of: Set(analyzed)), "\(analyzed)")
    }

    @Test("a copy between two files takes the attached files along, checked against their SHA-256")
    func attachmentsBetweenFiles() throws {
        let office = try OfficeCopyTests.demoOffice()
        let source = TestOffice.temporaryDirectory() + "/report.txt"
        try Data("会议材料".utf8).write(to: URL(fileURLWithPath: source))
        let item = try #require(try office.session().items(state: .draft).first)
        _ = try office.session(item.createdBy).attach(file: source, to: .item(item.id!))
        let target = TestOffice.temporaryDirectory() + "/copy.sqlite"
        let report = try OfficeCopy.run(from: office.store, to: target)
        #expect(report.attachmentFiles == 1)
        let copy = try Session.open(store: try Store.open(at: target), osUser: "root", asLogin: "root", clock: office.clock)
        #expect(try copy.attachments(of: .item(item.id!)).map(\.status) == [.ok])
        #expect(try OfficeCopyTests.contents(copy.store) == (try OfficeCopyTests.contents(office.store)))
    }

    @Test("a copy to PostgreSQL keeps the attached files' bytes in the database, and a copy back puts them beside the file", .postgres)
    func attachmentsThroughPostgres() throws {
        let office = try TestOffice()
        let item = try office.session("lijing").addItem(title: "议题", lead: "CGW").id!
        let a = try office.session("lijing").attach(name: "材料.txt", content: Data("会议材料".utf8), to: .item(item))
        let stateDirectory = TestOffice.temporaryDirectory()
        let url = try PostgresCluster.shared().database(prefix: "copy")
        let there = try OfficeCopy.run(from: office.store, to: url, environment: ["HUIWU_STATE_DIR": stateDirectory])
        #expect(there.attachmentFiles == 1)
        let postgres = try Store.open(url: PostgresURL(url, osUser: "root"), stateDirectory: stateDirectory)
        let onPostgres = try Session.open(store: postgres, osUser: "root", asLogin: "lijing", clock: office.clock)
        #expect(try onPostgres.attachmentContent(a.id!) == Data("会议材料".utf8))
        #expect(try postgres.snapshot { try $0.value(Int.self, "SELECT COUNT(*) FROM attachment_content") } == 1)

        let target = TestOffice.temporaryDirectory() + "/back.sqlite"
        let back = try OfficeCopy.run(from: postgres, to: target)
        #expect(back.attachmentFiles == 1)
        let onFile = try Session.open(store: try Store.open(at: target), osUser: "root", asLogin: "lijing", clock: office.clock)
        let line = try onFile.attachment(a.id!)
        #expect(line.status == .ok && FileManager.default.contents(atPath: line.path) == Data("会议材料".utf8))
        #expect(try onFile.store.snapshot { try $0.value(Int.self, "SELECT COUNT(*) FROM attachment_content") } == 0, "a file keeps them beside itself")
    }
}
