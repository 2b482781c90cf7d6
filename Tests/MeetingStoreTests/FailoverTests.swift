import Foundation
import HuiwuTestSupport
import MeetingKit
@testable import MeetingStore
import Testing

/// Failover on PostgreSQL's streaming replication (docs/architecture.md, "The database port"):
/// a primary with a synchronous hot standby, two writers (two servers) appending to the audit
/// chain through multi-host URLs, the primary crashed mid-writes, the standby promoted.
@Suite("failover on streaming replication", .postgres, .slow)
struct FailoverTests {
    /// What the writers saw, shared between their threads.
    final class Tally: @unchecked Sendable {
        private let lock = NSLock()
        private var acknowledged: [String] = []
        private var failures = 0
        private var lastAck = Date.distantPast
        private var stopping = false

        func ack(_ id: String) { lock.withLock { acknowledged.append(id); lastAck = Date() } }
        func fail() { lock.withLock { failures += 1 } }
        func stop() { lock.withLock { stopping = true } }
        var stopped: Bool { lock.withLock { stopping } }
        var snapshot: (acknowledged: [String], failures: Int, lastAck: Date) { lock.withLock { (acknowledged, failures, lastAck) } }
    }

    @Test("the primary crashes during writes: both writers are back on the promoted standby within 10 s, no acknowledged write lost, the chain intact")
    func failover() throws {
        let primary = try PostgresCluster.start()
        defer { primary.remove() }
        try primary.psql("postgres", "CREATE DATABASE office TEMPLATE template0 LC_CTYPE 'C.UTF-8' LC_COLLATE 'C.UTF-8'")
        let direct = try PostgresAdapter.connect(PostgresURL(primary.url(database: "office"), osUser: "root"))
        try PostgresSchema.migrate(direct)
        direct.close()

        let standby = try primary.startSynchronousStandby()
        defer { standby.remove() }
        let url = try PostgresURL(primary.failoverURL(database: "office", standby: standby), osUser: "root")
        let key = AuditKey(path: "/dev/null", bytes: Data(repeating: 9, count: 32))
        let tally = Tally()
        let links = (0..<2).map { _ in PostgresLink(url: url, reconnectWindow: 30) }
        let group = DispatchGroup()
        for (writer, link) in links.enumerated() {
            group.enter()
            Thread.detachNewThread {
                var n = 0
                while !tally.stopped {
                    n += 1
                    let id = "\(writer)-\(n)"
                    do {
                        try link.write { db in
                            try AuditLog.append(db, mac: key.mac, at: "2026-03-02T09:00:00", osUser: "huiwu", actor: "lijing", onBehalfOf: nil,
                                                action: "meeting.move", entity: "meeting", entityId: id, before: "", after: "")
                        }
                        tally.ack(id)
                    } catch {
                        tally.fail()
                        Thread.sleep(forTimeInterval: 0.02)
                    }
                }
                link.close()
                group.leave()
            }
        }

        Thread.sleep(forTimeInterval: 1.5)
        let beforeCrash = tally.snapshot.acknowledged.count
        primary.stop(mode: "immediate")
        try standby.promote()
        let promoted = Date()
        var back: TimeInterval?
        while back == nil && Date().timeIntervalSince(promoted) < 15 {
            let acknowledged = tally.snapshot.acknowledged
            let writersBack = Set(acknowledged.suffix(from: beforeCrash).compactMap { $0.split(separator: "-").first })
            if tally.snapshot.lastAck > promoted && writersBack.count == 2 && links.allSatisfy({ $0.reconnections > 0 }) {
                back = Date().timeIntervalSince(promoted)
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Thread.sleep(forTimeInterval: 1)
        tally.stop()
        group.wait()

        let (acknowledged, failures, _) = tally.snapshot
        let survivor = try PostgresAdapter.connect(url)
        defer { survivor.close() }
        let stored = Set(try survivor.rows("SELECT entity_id FROM audit_event").map { try $0.get("entity_id", as: String.self) })
        let lost = acknowledged.filter { !stored.contains($0) }
        print("failover: \(acknowledged.count) writes acknowledged (\(beforeCrash) before the crash), \(failures) refused during the failover, "
              + "\(lost.count) acknowledged writes lost, writers back \(back.map { String(format: "%.2f s", $0) } ?? "never") after promotion, "
              + "\(stored.count) events stored")
        #expect(lost.isEmpty, "acknowledged writes lost: \(lost)")
        #expect(beforeCrash > 0)
        #expect((back ?? 99) < 10, "both writers write again within 10 s of the promotion")
        #expect(try AuditLog.verify(survivor, mac: key.mac) == nil)
        #expect(links.allSatisfy { $0.reconnections >= 1 })
    }
}
