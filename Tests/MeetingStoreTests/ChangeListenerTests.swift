import Foundation
import HuiwuTestSupport
import MeetingKit
@testable import MeetingStore
import Testing

/// Several servers, one PostgreSQL database: each audit event appended announces its seq on
/// `huiwu_changes` at commit, and ``PostgresChangeListener`` hears it, connecting and
/// listening again after its connection is lost (issue 21, "Several servers, one database").
@Suite("changes heard between servers on PostgreSQL", .postgres)
struct ChangeListenerTests {
    private let key = AuditKey(path: "/dev/null", bytes: Data(repeating: 5, count: 32))

    /// What the listener reported, shared with its threads.
    final class Heard: @unchecked Sendable {
        private let condition = NSCondition()
        private var reports: [Int64?] = []

        func add(_ seq: Int64?) {
            condition.lock()
            reports.append(seq)
            condition.broadcast()
            condition.unlock()
        }

        var all: [Int64?] { condition.lock(); defer { condition.unlock() }; return reports }

        /// Waits until `count` reports satisfy `match`, at most `seconds`; whether they did.
        func wait(seconds: TimeInterval, count: Int = 1, _ match: (Int64?) -> Bool) -> Bool {
            let deadline = Date().addingTimeInterval(seconds)
            condition.lock()
            defer { condition.unlock() }
            while reports.filter(match).count < count {
                if !condition.wait(until: deadline) { return reports.filter(match).count >= count }
            }
            return true
        }
    }

    private func appendEvent(_ db: any SQLConnection, entityId: String, commit: Bool) throws {
        for statement in db.dialect.beginWrite { try db.exec(statement) }
        try AuditLog.append(db, mac: key.mac, at: "2026-03-02T09:00:00", osUser: "lijing", actor: "lijing", onBehalfOf: nil,
                            action: "meeting.move", entity: "meeting", entityId: entityId, before: "", after: "")
        try db.exec(commit ? "COMMIT" : "ROLLBACK")
    }

    @Test("a committed event's seq reaches the listener within a second; a rolled-back one never does")
    func announcesCommits() throws {
        let url = try PostgresURL(try PostgresCluster.shared().database(), osUser: "root")
        let writer = try PostgresAdapter.connect(url)
        defer { writer.close() }
        try PostgresSchema.migrate(writer)
        let heard = Heard()
        let listener = PostgresChangeListener(url: url) { heard.add($0) }
        listener.start()
        defer { listener.stop() }
        #expect(heard.wait(seconds: 10) { $0 == nil }, "the listener connected and said so")

        try appendEvent(writer, entityId: "1", commit: false)
        let started = Date()
        try appendEvent(writer, entityId: "2", commit: true)
        #expect(heard.wait(seconds: 1) { $0 != nil }, "the commit is heard within a second")
        #expect(Date().timeIntervalSince(started) < 1)
        Thread.sleep(forTimeInterval: 0.2)
        // The rolled-back event had seq 1 too: only one seq was ever announced.
        #expect(heard.all.compactMap { $0 } == [1])
        #expect(try AuditLog.recent(writer, limit: 5).map(\.entityId) == ["2"])
    }

    @Test("after its connection is killed, the listener connects and listens again, and says notices may have been missed")
    func listensAgain() throws {
        let cluster = try PostgresCluster.shared()
        let url = try PostgresURL(try cluster.database(), osUser: "root")
        let writer = try PostgresAdapter.connect(url)
        defer { writer.close() }
        try PostgresSchema.migrate(writer)
        let heard = Heard()
        let listener = PostgresChangeListener(url: url) { heard.add($0) }
        listener.start()
        defer { listener.stop() }
        #expect(heard.wait(seconds: 10) { $0 == nil })

        let killed = try writer.value(Int.self, """
            SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
            """)
        #expect(killed == 1, "the listener's connection was the only other one")
        #expect(heard.wait(seconds: 10, count: 2) { $0 == nil }, "connected again: the owner re-reads the log")
        #expect(listener.reconnections == 1)

        try appendEvent(writer, entityId: "3", commit: true)
        #expect(heard.wait(seconds: 1) { $0 == 1 }, "the new connection listens")
    }
}
