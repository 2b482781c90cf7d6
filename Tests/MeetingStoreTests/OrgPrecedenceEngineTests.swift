import Foundation
import GRDB
import HuiwuTestSupport
import MeetingKit
@testable import MeetingStore
import Testing

private func at(_ s: String) -> LocalDateTime { LocalDateTime(iso: s)! }

/// The org chart's order of precedence, stored as `precedence` since v12 (issue 21): an
/// office made before keeps exactly its order of entry (SQLite's rowid; on PostgreSQL, its
/// audit log's creation events), a person or department added later comes last, and the
/// documents that list people in that order read the same on both engines.
@Suite("the org chart's order of precedence on both engines")
struct OrgPrecedenceEngineTests {
    /// The seed lists the vice mayors by seniority, which is not the order of their logins.
    static let seededViceMayors = ["wangxiaoyan", "zhaojianguo", "sunmingyuan", "liusiqi", "guozhenhua", "maliping"]

    @Test("a seeded office's order of precedence is the seed's, on either engine", arguments: ScratchDatabase.engines)
    func seeded(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let order = try office.store.snapshot { try NoticeRepository.protocolOrder($0) }
        #expect(order.viceMayors == OrgPrecedenceEngineTests.seededViceMayors)
        let reference = try TestOffice(.sqlite).store.snapshot { try NoticeRepository.protocolOrder($0) }
        #expect(order.departments == reference.departments)
        let streets = try office.session().departments(kind: .street).map(\.code)
        #expect(Set(order.departments.suffix(streets.count)) == Set(streets), "streets after the departments")
    }

    @Test("a vice mayor and a department added later sort last: in the order, the seating chart and the notice",
          arguments: ScratchDatabase.engines)
    func addedLater(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let admin = try office.session()
        // Logins and codes that sort first, so only the stored order can put them last.
        _ = try admin.addPerson(Person(login: "aaxin", name: "安新", role: .viceMayor))
        _ = try admin.addDepartment(Department(code: "AAA", name: "区甲局", kind: .constituent))
        let order = try office.store.snapshot { try NoticeRepository.protocolOrder($0) }
        #expect(order.viceMayors == OrgPrecedenceEngineTests.seededViceMayors + ["aaxin"])
        let streets = try admin.departments(kind: .street).count
        #expect(order.departments.firstIndex(of: "AAA") == order.departments.count - streets - 1, "last before the streets")

        let secretary = try office.session("lijing")
        let meeting = try secretary.scheduleMeeting(MeetingRequest(kind: .executive, start: at("2026-03-05T09:00"))).meeting
        let chart = try secretary.seatingChart(meetingId: meeting.id!)
        let viceMayors = Set(OrgPrecedenceEngineTests.seededViceMayors + ["aaxin"])
        #expect(chart.seats.compactMap(\.person).filter(viceMayors.contains) == OrgPrecedenceEngineTests.seededViceMayors + ["aaxin"])
        let notice = try secretary.meetingNotice(meeting.id!)
        let names = ["王晓燕", "赵建国", "孙明远", "刘思琪", "郭振华", "马丽萍", "安新"]
        #expect(notice.members.compactMap { member in names.first { member.hasPrefix($0 + "（") } } == names)
    }

    @Test("the seating chart is adjusted, saved and reset the same on either engine", arguments: ScratchDatabase.engines)
    func seatingSaved(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let secretary = try office.session("lijing")
        let meeting = try secretary.scheduleMeeting(MeetingRequest(kind: .executive, start: at("2026-03-05T09:00"))).meeting
        let chart = try secretary.seatingChart(meetingId: meeting.id!)
        let reversed = Array(chart.seats.map(\.participantId).reversed())
        let saved = try secretary.setSeatingOrder(meetingId: meeting.id!, participantIds: reversed)
        #expect(saved.isAdjusted && saved.seats.map(\.participantId) == reversed)
        #expect(try office.session("zhangyuhang").seatingChart(meetingId: meeting.id!).seats.map(\.participantId) == reversed)
        let reset = try secretary.resetSeating(meetingId: meeting.id!)
        #expect(!reset.isAdjusted && reset.seats.map(\.participantId) == chart.seats.map(\.participantId))
        #expect(try office.session().auditEvents(limit: 2).map(\.action) == ["seating.reset", "seating.order"])
        #expect(try secretary.verifyAudit().firstBreak == nil)
    }

    @Test("SQLite: an office made before v12 keeps its order of entry (rowid) as its precedence, and a person added later comes last")
    func sqliteMigration() throws {
        let queue = try DatabaseQueue(path: TestOffice.temporaryDirectory() + "/before-v12.sqlite")
        try Schema.migrator.migrate(queue, upTo: "v11-rules2")
        let rowidOrder = try queue.write { db -> (people: [String], departments: [String]) in
            // Entered out of key order, and one person removed and entered again (a new rowid).
            for (code, kind) in [("ZW", "constituent"), ("AJ", "street"), ("MZ", "unit"), ("BG", "constituent")] {
                try db.execute(sql: "INSERT INTO department (code, name, kind) VALUES (?, ?, ?)", arguments: [code, code, kind])
            }
            for login in ["wang", "zhao", "chen", "sun"] {
                try db.execute(sql: "INSERT INTO person (login, name, role) VALUES (?, ?, 'viceMayor')", arguments: [login, login])
            }
            try db.execute(sql: "DELETE FROM person WHERE login = 'zhao'")
            try db.execute(sql: "INSERT INTO person (login, name, role) VALUES ('zhao', 'zhao', 'viceMayor')")
            return (try String.fetchAll(db, sql: "SELECT login FROM person ORDER BY rowid"),
                    try String.fetchAll(db, sql: "SELECT code FROM department ORDER BY rowid"))
        }
        #expect(rowidOrder.people == ["wang", "chen", "sun", "zhao"])
        try Schema.migrator.migrate(queue)
        try queue.write { db in
            #expect(try String.fetchAll(db, sql: "SELECT login FROM person ORDER BY precedence") == rowidOrder.people)
            #expect(try String.fetchAll(db, sql: "SELECT code FROM department ORDER BY precedence") == rowidOrder.departments)
            #expect(try NoticeRepository.protocolOrder(db).viceMayors == rowidOrder.people)
            #expect(try NoticeRepository.protocolOrder(db).departments == ["ZW", "MZ", "BG", "AJ"])
            try OrgRepository.insert(db, Person(login: "an", name: "an", role: .viceMayor))
            try OrgRepository.insert(db, Department(code: "AA", name: "AA", kind: .constituent))
            #expect(try NoticeRepository.protocolOrder(db).viceMayors == rowidOrder.people + ["an"])
            #expect(try NoticeRepository.protocolOrder(db).departments == ["ZW", "MZ", "BG", "AA", "AJ"])
        }
    }

    @Test("PostgreSQL: an office made before v12 takes its order from its audit log's creation events, and a person added later comes last",
          .postgres)
    func postgresMigration() throws {
        try ScratchDatabase.blank(.postgresql) { db in
            try db.exec("CREATE TABLE huiwu_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            for migration in PostgresSchema.migrations.prefix(while: { $0.identifier != "v12-precedence" }) {
                try db.exec("BEGIN")
                for statement in migration.statements(PostgresDialect()) { try db.exec(statement) }
                try db.exec("INSERT INTO huiwu_migrations (identifier) VALUES (?)", migration.identifier)
                try db.exec("COMMIT")
            }
            // Rows as a copy made before v12 left them (key order), the order of entry only in the log.
            try db.exec("BEGIN")
            for (code, kind) in [("AJ", "street"), ("BG", "constituent"), ("MZ", "unit"), ("ZW", "constituent")] {
                try db.exec("INSERT INTO department (code, name, kind) VALUES (?, ?, ?)", code, code, kind)
            }
            for login in ["chen", "sun", "wang", "zhao", "outsider"] {
                try db.exec("INSERT INTO person (login, name, role) VALUES (?, ?, 'viceMayor')", login, login)
            }
            let created = [("department", "ZW"), ("department", "AJ"), ("department", "MZ"), ("department", "BG"),
                           ("person", "wang"), ("person", "zhao"), ("person", "chen"), ("person", "sun")]
            for (seq, (entity, id)) in created.enumerated() {
                try db.exec("""
                    INSERT INTO audit_event (seq, at, os_user, actor, action, entity, entity_id, before, after, prev_hash, hash)
                    VALUES (?, '2026-03-02T09:00:00', 'root', 'root', ?, ?, ?, '', '', '', '')
                    """, seq + 1, entity + ".create", entity, id)
            }
            // A later edit does not move anyone.
            try db.exec("""
                INSERT INTO audit_event (seq, at, os_user, actor, action, entity, entity_id, before, after, prev_hash, hash)
                VALUES (9, '2026-03-02T09:00:00', 'root', 'root', 'person.update', 'person', 'wang', '', '', '', '')
                """)
            try db.exec("COMMIT")
            try PostgresSchema.migrate(db)
            #expect(try PostgresSchema.applied(db).contains("v12-precedence"))
            let order = try NoticeRepository.protocolOrder(db)
            #expect(order.viceMayors == ["outsider", "wang", "zhao", "chen", "sun"], "a row the log never created sorts first, by its key")
            #expect(order.departments == ["ZW", "MZ", "BG", "AJ"])
            try db.exec("BEGIN")
            try OrgRepository.insert(db, Person(login: "an", name: "an", role: .viceMayor))
            try OrgRepository.insert(db, Department(code: "AA", name: "AA", kind: .constituent))
            try db.exec("COMMIT")
            let later = try NoticeRepository.protocolOrder(db)
            #expect(later.viceMayors.last == "an" && later.departments == ["ZW", "MZ", "BG", "AA", "AJ"])
        }
    }
}
