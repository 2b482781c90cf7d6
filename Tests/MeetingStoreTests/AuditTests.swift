import Foundation
import GRDB
import HuiwuTestSupport
import MeetingKit
import MeetingStore
import Testing

@Suite("The audit log: every change, in a hash chain")
struct AuditTests {
    /// An office after a series of ordinary changes; returns it with the seq of one event in the middle.
    func officeWithHistory(_ engine: StoreEngine = .sqlite) throws -> (TestOffice, middle: Int64) {
        let office = try TestOffice(engine)
        let admin = try office.session()
        try admin.addPerson(Person(login: "wanglei", name: "王磊", role: .secretary, departmentCode: "ZFB"))
        try admin.addPerson(Person(login: "chenxi", name: "陈曦", role: .departmentHead, departmentCode: "JW"))
        try admin.addMeeting(kind: .executive, start: LocalDateTime(iso: "2026-03-04T09:00")!)
        try admin.addMeeting(kind: .topical, start: LocalDateTime(iso: "2026-03-05T15:00")!, chair: "wangxiaoyan", title: "研究中小学课后服务")
        try admin.addPerson(Person(login: "zhoumin", name: "周敏", role: .secretary, departmentCode: "ZFB"))
        let middle = try #require(try admin.auditEvents(limit: 100, entity: "person", entityId: "chenxi").first).seq
        return (office, middle)
    }

    @Test("each change records time, OS user, acting person, action, record and its state after", arguments: ScratchDatabase.engines)
    func eventContent(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let before = try office.auditCount()
        let person = try office.session().addPerson(Person(login: "wanglei", name: "王磊", role: .secretary, departmentCode: "ZFB"))
        #expect(try office.auditCount() == before + 1)
        let event = try #require(try office.session().auditEvents(limit: 1).first)
        #expect(event.action == "person.create")
        #expect(event.entity == "person" && event.entityId == "wanglei")
        #expect(event.osUser == "root" && event.actor == "root" && event.onBehalfOf == nil)
        #expect(event.at == "2026-03-02T09:00:00+08:00")
        #expect(event.before.isEmpty)
        #expect(event.after.contains(person.name))
        #expect(event.hash == (try #require(office.store.auditKey)).mac(event.chainText))
    }

    @Test("a refused change writes no audit event", arguments: ScratchDatabase.engines)
    func refusalWritesNothing(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let before = try office.auditCount()
        #expect(throws: Refusal.self) {
            try office.session("lijing").addPerson(Person(login: "wanglei", name: "王磊", role: .secretary))
        }
        #expect(throws: Refusal.self) {
            try office.session().addPerson(Person(login: "zhoulixin", name: "重名", role: .secretary))
        }
        #expect(try office.auditCount() == before)
    }

    @Test("verify passes after a series of changes", arguments: ScratchDatabase.engines)
    func verifyPasses(engine: StoreEngine) throws {
        let (office, _) = try officeWithHistory(engine)
        let result = try office.session().verifyAudit()
        #expect(result.firstBreak == nil)
        #expect(result.events == (try office.auditCount()))
        #expect(result.events > 60)
    }

    @Test("a row altered with the sqlite3 shell fails verification at that event",
          .requires(SQLiteShell.isAvailable, "sqlite3"))
    func alteredWithShell() throws {
        let (office, middle) = try officeWithHistory()
        let shell = try SQLiteShell.run(office.path, "UPDATE audit_event SET actor = 'zhoulixin' WHERE seq = \(middle);")
        #expect(shell.status == 0, "\(shell.stderr)")
        let broken = try #require(try office.session().verifyAudit().firstBreak)
        #expect(broken == .alteredEvent(seq: middle))
        #expect(broken.message.en.contains("#\(middle)"))
        #expect(broken.message.zh.contains("#\(middle)"))
    }

    @Test("a row deleted with the sqlite3 shell is detected",
          .requires(SQLiteShell.isAvailable, "sqlite3"))
    func deletedWithShell() throws {
        let (office, middle) = try officeWithHistory()
        try SQLiteShell.run(office.path, "DELETE FROM audit_event WHERE seq = \(middle);")
        let broken = try #require(try office.session().verifyAudit().firstBreak)
        #expect(broken == .gap(afterSeq: middle - 1, nextSeq: middle + 1))
        #expect(broken.message.en.contains("#\(middle - 1)") && broken.message.en.contains("#\(middle + 1)"))
    }

    @Test("an altered row whose hash was recomputed breaks the link to the next event")
    func resealedRow() throws {
        let (office, middle) = try officeWithHistory()
        try office.store.write { db in
            var event = try #require(try AuditEvent.fetchOne(db, key: middle))
            event.after = "{}"
            try event.sealed(with: (try #require(office.store.auditKey)).mac).update(db)
        }
        #expect(try office.session().verifyAudit().firstBreak == .brokenLink(seq: middle + 1))
    }

    @Test("the chain is verified across batches (more than 1024 events)")
    func longChain() throws {
        let office = try TestOffice()
        let session = try office.session()
        try session.write { change in
            for i in 0..<1_100 { try change.audit("test.note", entity: "note", id: String(i), after: "第\(i)条") }
        }
        #expect(try session.verifyAudit().firstBreak == nil)
        let victim = Int64(try office.auditCount() - 3)
        try office.store.write { try $0.execute(sql: "UPDATE audit_event SET entity_id = 'x' WHERE seq = ?", arguments: [victim]) }
        #expect(try session.verifyAudit().firstBreak == .alteredEvent(seq: victim))
    }
}
