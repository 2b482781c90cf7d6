import Foundation
import HuiwuTestSupport
import MeetingKit
@testable import MeetingStore
import Testing

/// The keyed audit chain through the database port: the same appends, verification and
/// tamper evidence on SQLite and PostgreSQL.
@Suite("audit log on both engines")
struct AuditLogEngineTests {
    private let key = AuditKey(path: "/dev/null", bytes: Data(repeating: 7, count: 32))

    private func append(_ db: any SQLConnection, _ n: Int) throws {
        for i in 1...n {
            try AuditLog.append(db, mac: key.mac, at: "2026-03-02T09:0\(i)", osUser: "lijing", actor: "lijing", onBehalfOf: i == 2 ? "zhoulixin" : nil,
                                action: "meeting.create", entity: "meeting", entityId: String(i), before: "", after: #"{"title":"常务会议"}"#)
        }
    }

    @Test("a chain verifies, and an altered, re-sealed or deleted event is found", arguments: ScratchDatabase.engines)
    func tamperEvidence(engine: StoreEngine) throws {
        try ScratchDatabase.migrated(engine) { db in
            let before = try AuditLog.count(db)
            try append(db, 3)
            #expect(try AuditLog.count(db) == before + 3)
            #expect(try AuditLog.verify(db, mac: key.mac) == nil)
            let head = try #require(try AuditLog.head(db))
            #expect(try AuditLog.recent(db, limit: 2, entity: "meeting").map(\.entityId) == ["3", "2"])
            #expect(try AuditLog.recent(db, limit: 5, entity: "meeting", entityId: "2").first?.onBehalfOf == "zhoulixin")

            let second = head.seq - 1
            try db.exec("UPDATE audit_event SET actor = 'mayor' WHERE seq = ?", second)
            #expect(try AuditLog.verify(db, mac: key.mac) == .alteredEvent(seq: second))
            try AuditLog.rechain(db, mac: AuditChain.plainSHA256)
            #expect(try AuditLog.verify(db, mac: key.mac) == .alteredEvent(seq: second - 1))
            try AuditLog.rechain(db, mac: key.mac)
            #expect(try AuditLog.verify(db, mac: key.mac) == nil)

            let third = try #require(try AuditLog.head(db))
            try db.exec("DELETE FROM audit_event WHERE seq = ?", second)
            #expect(try AuditLog.verify(db, mac: key.mac) == .gap(afterSeq: second - 1, nextSeq: third.seq))
            try db.exec("DELETE FROM audit_event WHERE seq = ?", third.seq)
            #expect(try AuditLog.verify(db, mac: key.mac, anchored: third) == .anchoredHeadMissing(seq: third.seq))
        }
    }

    @Test("two servers' writers on one PostgreSQL database take turns: one chain, no seq twice", .postgres)
    func writersTakeTurns() throws {
        let url = try PostgresURL(try PostgresCluster.shared().database(), osUser: "root")
        let first = try PostgresAdapter.connect(url)
        let second = try PostgresAdapter.connect(url)
        defer { first.close(); second.close() }
        try PostgresSchema.migrate(first)
        try PostgresSchema.migrate(second)  // already applied: nothing to do

        for statement in first.dialect.beginWrite { try first.exec(statement) }
        try append(first, 1)
        let waited = Atomic(false)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            do {
                for statement in second.dialect.beginWrite { try second.exec(statement) }
                waited.set(true)
                try self.append(second, 1)
                try second.exec("COMMIT")
            } catch {
                Issue.record("second writer: \(error)")
            }
            done.signal()
        }
        Thread.sleep(forTimeInterval: 0.3)
        #expect(!waited.get(), "the second writer waits for the first one's lock")
        try first.exec("COMMIT")
        done.wait()
        #expect(try AuditLog.count(first) == 2)
        #expect(try AuditLog.verify(first, mac: key.mac) == nil)
    }
}

/// A flag shared with another thread.
private final class Atomic: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Bool
    init(_ value: Bool) { self.value = value }
    func get() -> Bool { lock.withLock { value } }
    func set(_ newValue: Bool) { lock.withLock { value = newValue } }
}
