import Foundation
import GRDB
import HuiwuTestSupport
import MeetingKit
import MeetingStore
import Testing

@Suite("Identity: who acts, as whom, on whose behalf")
struct IdentityTests {
    func refusal(_ body: () throws -> Session) -> Refusal? {
        do {
            _ = try body()
            return nil
        } catch {
            return error as? Refusal
        }
    }

    @Test("the acting person is the OS login", arguments: ScratchDatabase.engines)
    func osLogin(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let session = try Session.open(store: office.store, osUser: "lijing", clock: office.clock)
        #expect(session.actor.person.login == "lijing")
        #expect(session.actor.osUser == "lijing")
        #expect(session.actor.onBehalfOf == nil)
    }

    @Test("an unknown OS login is told its name and how an administrator adds it", arguments: ScratchDatabase.engines)
    func unknownLogin(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let refusal = try #require(refusal { try Session.open(store: office.store, osUser: "liuyang", clock: office.clock) })
        #expect(refusal.code == "identity.unknownLogin")
        #expect(refusal.kind == .notFound)
        #expect(refusal.message.en.contains("'liuyang'"))
        #expect(refusal.message.en.contains("huiwu people add --login liuyang"))
        #expect(refusal.message.zh.contains("liuyang"))
        #expect(refusal.message.zh.contains("huiwu people add --login liuyang"))
    }

    @Test("an administrator may act as anyone with --as; the OS user is kept", arguments: ScratchDatabase.engines)
    func adminActsAs(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let session = try Session.open(store: office.store, osUser: "root", asLogin: "zhoulixin", clock: office.clock)
        #expect(session.actor.person.login == "zhoulixin")
        #expect(session.actor.osUser == "root")
        try session.write { try $0.audit("test.note", entity: "note", id: "1") }
        let event = try #require(try session.auditEvents(limit: 1).first)
        #expect(event.osUser == "root" && event.actor == "zhoulixin")
    }

    @Test("a non-administrator using --as is refused", arguments: ScratchDatabase.engines)
    func nonAdminAs(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let refusal = try #require(refusal {
            try Session.open(store: office.store, osUser: "lijing", asLogin: "zhoulixin", clock: office.clock)
        })
        #expect(refusal.code == "identity.asNotAdmin")
        #expect(refusal.message.en.contains("only an administrator"))
        #expect(refusal.message.en.contains("lijing"))
    }

    @Test("--as an unknown login names it", arguments: ScratchDatabase.engines)
    func asUnknown(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let refusal = try #require(refusal {
            try Session.open(store: office.store, osUser: "root", asLogin: "nobody", clock: office.clock)
        })
        #expect(refusal.code == "identity.unknownPerson")
        #expect(refusal.message.en.contains("'nobody'"))
    }

    @Test("a secretary's --on-behalf-of is stored in the audit event with both names", arguments: ScratchDatabase.engines)
    func secretaryOnBehalf(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let session = try Session.open(store: office.store, osUser: "lijing", onBehalfOf: "zhoulixin", clock: office.clock)
        #expect(session.actor.principal.login == "zhoulixin")
        try session.write { try $0.audit("test.decision", entity: "note", id: "7", after: "同意") }
        let event = try #require(try session.auditEvents(limit: 1).first)
        #expect(event.osUser == "lijing")
        #expect(event.actor == "lijing")
        #expect(event.onBehalfOf == "zhoulixin")
        #expect(try session.verifyAudit().firstBreak == nil)
    }

    @Test("a department head's --on-behalf-of is refused", arguments: ScratchDatabase.engines)
    func headOnBehalf(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        let before = try office.auditCount()
        let refusal = try #require(refusal {
            try Session.open(store: office.store, osUser: "xuwenbo", onBehalfOf: "wangxiaoyan", clock: office.clock)
        })
        #expect(refusal.code == "identity.onBehalfNotSecretary")
        #expect(refusal.message.en.contains("xuwenbo"))
        #expect(try office.auditCount() == before)
    }

    @Test("retired people cannot act, be acted as, or be represented", arguments: ScratchDatabase.engines)
    func retired(engine: StoreEngine) throws {
        let office = try TestOffice(engine)
        try office.store.transaction { db, _ in
            try db.exec("UPDATE person SET is_retired = ? WHERE login IN ('zhangyuhang', 'maliping')", true)
        }
        let selfRefusal = try #require(refusal { try Session.open(store: office.store, osUser: "zhangyuhang", clock: office.clock) })
        #expect(selfRefusal.code == "identity.retired")
        #expect(selfRefusal.message.en.contains("zhangyuhang"))
        let asRefusal = try #require(refusal {
            try Session.open(store: office.store, osUser: "root", asLogin: "maliping", clock: office.clock)
        })
        #expect(asRefusal.code == "identity.retired")
        let forRefusal = try #require(refusal {
            try Session.open(store: office.store, osUser: "lijing", onBehalfOf: "maliping", clock: office.clock)
        })
        #expect(forRefusal.code == "identity.retired")
    }
}
