import Foundation
import HuiwuTestSupport
import MeetingKit
import MeetingService
import MeetingStore
import Testing

/// Failover as users live it (issue 21, docs/deployment.md): two `huiwu serve` processes on a
/// multi-host URL, a primary with a synchronous hot standby, clients writing through both
/// servers as real OS users; the primary crashes, the standby is promoted, and the servers
/// find it by themselves.
@Suite("huiwu serve through a PostgreSQL failover", .postgres, .slow, .serialized)
struct ServeFailoverTests {
    /// Acknowledged meeting titles and refusals, shared by the writer threads.
    final class Tally: @unchecked Sendable {
        private let lock = NSLock()
        private var acknowledged: [(title: String, at: Date)] = []
        private var refused = 0
        private var stopping = false

        func ack(_ title: String) { lock.withLock { acknowledged.append((title, Date())) } }
        func refuse() { lock.withLock { refused += 1 } }
        func stop() { lock.withLock { stopping = true } }
        var stopped: Bool { lock.withLock { stopping } }
        var snapshot: (acknowledged: [(title: String, at: Date)], refused: Int) { lock.withLock { (acknowledged, refused) } }
    }

    @Test("the primary crashes under two servers' writers: both servers write again on the promoted standby, no acknowledged write lost, the other server's client hears of changes again, the chain verifies")
    func failover() throws {
        if let reason = OSAccounts.unavailable {
            if SlowTests.inCI { Issue.record("cannot test huiwu serve in CI: \(reason)") }
            return
        }
        let primary = try PostgresCluster.start()
        defer { primary.remove() }
        try primary.psql("postgres", "CREATE DATABASE office TEMPLATE template0 LC_CTYPE 'C.UTF-8' LC_COLLATE 'C.UTF-8'")
        let standby = try primary.startSynchronousStandby()
        defer { standby.remove() }
        let url = primary.failoverURL(database: "office", standby: standby)
        let first = try ServedOffice(postgres: url)
        let second = try ServedOffice(postgres: url, keyFrom: first)
        // This test process (root) is a client of the second server, as a TUI would be.
        let added = try first.admitTestRunner()
        #expect(added.status == 0, "\(added.stderr)")
        let watcher = try Office.connect(socket: second.socket)
        _ = watcher.takeChanges()

        let tally = Tally()
        let group = DispatchGroup()
        for (writer, office) in [first, second].enumerated() {
            group.enter()
            Thread.detachNewThread {
                var n = 0
                while !tally.stopped {
                    n += 1
                    let title = "failover \(writer)-\(n)"
                    let added = try? office.run(as: "lijing", ["meeting", "add", "--kind", "topical", "--at", "2026-04-0\(1 + writer)T09:00",
                                                               "--title", title, "--json"])
                    if added?.status == 0 { tally.ack(title) } else { tally.refuse(); Thread.sleep(forTimeInterval: 0.1) }
                }
                group.leave()
            }
        }

        Thread.sleep(forTimeInterval: 3)
        let beforeCrash = tally.snapshot.acknowledged.count
        primary.stop(mode: "immediate")
        try standby.promote()
        let promoted = Date()
        var back: TimeInterval?
        while back == nil && Date().timeIntervalSince(promoted) < 30 {
            let writersBack = Set(tally.snapshot.acknowledged.filter { $0.at > promoted }.map { $0.title.split(separator: " ")[1].prefix(1) })
            if writersBack.count == 2 { back = Date().timeIntervalSince(promoted) }
            Thread.sleep(forTimeInterval: 0.1)
        }
        // A change through the first server reaches the second server's client: its listener
        // connected to the promoted standby and listens again.
        _ = watcher.takeChanges()
        let edit = try first.run(as: "yangwentao", ["people", "edit", "xuwenbo", "--name", "许文波", "--expect-version", "1"])
        #expect(edit.status == 0, "\(edit.stderr)")
        let (heard, heardAfter) = watcher.awaitChange(RecordChange(entity: "person", id: "xuwenbo"), within: 5)
        tally.stop()
        group.wait()

        let (acknowledged, refused) = tally.snapshot
        let listed = try second.run(as: "lijing", ["meeting", "list", "--kind", "topical", "--from", "2026-04-01", "--to", "2026-04-03", "--json"])
        let stored = Set((try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]] ?? []).compactMap { $0["title"] as? String })
        let lost = acknowledged.map(\.title).filter { !stored.contains($0) }
        print("serve failover: \(acknowledged.count) meetings acknowledged (\(beforeCrash) before the crash), \(refused) refused during the failover, "
              + "\(lost.count) lost, both servers writing again \(back.map { String(format: "%.2f s", $0) } ?? "never") after promotion, "
              + "the other server's client heard the change after \(String(format: "%.2f s", heardAfter))")
        #expect(beforeCrash > 0)
        #expect(lost.isEmpty, "acknowledged meetings lost: \(lost)")
        #expect((back ?? 99) < 15, "both servers write again within 15 s of the promotion")
        #expect(heard.contains(RecordChange(entity: "person", id: "xuwenbo")), "the second server's client hears changes after the failover")
        for office in [first, second] {
            let verify = try office.run(as: "lijing", ["audit", "verify", "--lang", "en"])
            #expect(verify.status == 0, "\(verify.stdout) \(verify.stderr)")
        }
    }
}
