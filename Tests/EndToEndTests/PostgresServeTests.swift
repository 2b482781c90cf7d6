import Foundation
import HuiwuTestSupport
import MeetingKit
import MeetingService
import MeetingStore
import Testing

/// Several servers, one database (issue 21): two `huiwu serve` processes, each with its own
/// socket and state directory (the same audit key, copied by the administrator), serve one
/// office in PostgreSQL to real OS users at the same time.
@Suite("huiwu serve on PostgreSQL: several servers, one database", .postgres, .serialized)
struct PostgresServeTests {
    @Test("two servers on one PostgreSQL database: users of each see the other's writes, concurrent writers take turns, the chain verifies")
    func twoServers() throws {
        if let reason = OSAccounts.unavailable {
            if SlowTests.inCI { Issue.record("cannot test huiwu serve in CI: \(reason)") }
            return
        }
        let url = try PostgresCluster.shared().database()
        let first = try ServedOffice(postgres: url)
        let second = try ServedOffice(postgres: url, keyFrom: first)

        // This test process (root) is a client of the second server, as a TUI would be.
        let added = try first.admitTestRunner()
        #expect(added.status == 0, "\(added.stderr)")
        let watcher = try Office.connect(socket: second.socket)
        _ = watcher.takeChanges()

        let who = try second.run(as: "lijing", ["whoami", "--json"])
        #expect(who.status == 0, "\(who.stderr)")
        let edit = try first.run(as: "yangwentao", ["people", "edit", "xuwenbo", "--name", "许文波", "--expect-version", "1"])
        #expect(edit.status == 0, "\(edit.stderr)")
        // The change through the first server reaches the second server's client within a second.
        let (heard, after) = watcher.awaitChange(RecordChange(entity: "person", id: "xuwenbo"), within: 1)
        #expect(heard.contains(RecordChange(entity: "person", id: "xuwenbo")), "heard \(heard) within a second")
        print("two servers: the second server's client heard \(heard.map { "\($0.entity) \($0.id)" }) after \(String(format: "%.3f", after)) s")
        let shown = try second.run(as: "lijing", ["people", "show", "xuwenbo", "--json"])
        #expect(shown.status == 0 && shown.stdout.contains("许文波"), "\(shown.stderr)")
        // The version moved on through the first server: a stale edit through the second is refused, naming who.
        let stale = try second.run(as: "yangwentao", ["people", "edit", "xuwenbo", "--name", "许文博", "--expect-version", "1", "--lang", "en"])
        #expect(stale.status == 5 && stale.stderr.contains("changed by"), "\(stale.stderr)")

        // Writers of both servers at once: every meeting is stored, numbered once, and the chain is one.
        var pids: [pid_t] = []
        for (i, office) in [first, second, first, second].enumerated() {
            pids.append(try office.spawnClient(as: "lijing", ["meeting", "add", "--kind", "topical", "--at", "2026-03-1\(i)T09:00"],
                                               stdout: office.directory + "/add\(i).out", stderr: office.directory + "/add\(i).err"))
        }
        for (i, pid) in pids.enumerated() {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
            let office = i % 2 == 0 ? first : second
            #expect(status == 0, "meeting add \(i): \((try? String(contentsOfFile: office.directory + "/add\(i).err", encoding: .utf8)) ?? "")")
        }
        let listed = try first.run(as: "lijing", ["meeting", "list", "--kind", "topical", "--from", "2026-03-01", "--to", "2026-03-31", "--json"])
        let meetings = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(meetings.count == 4)
        #expect(Set(meetings.compactMap { $0["number"] as? Int }) == [1, 2, 3, 4])
        for office in [first, second] {
            let verify = try office.run(as: "lijing", ["audit", "verify", "--lang", "en"])
            #expect(verify.status == 0, "\(verify.stdout) \(verify.stderr)")
        }
    }

    @Test("a server whose PostgreSQL cluster was stopped first still stops on SIGTERM within seconds, not after the store's 30-second reconnect window")
    func stopsAfterItsCluster() throws {
        if let reason = OSAccounts.unavailable {
            if SlowTests.inCI { Issue.record("cannot test huiwu serve in CI: \(reason)") }
            return
        }
        // A cluster of its own: this test stops it.
        let cluster = try PostgresCluster.start()
        defer { cluster.remove() }
        let office = try ServedOffice(postgres: try cluster.database())
        let who = try office.run(as: "lijing", ["whoami", "--json"])
        #expect(who.status == 0, "\(who.stderr)")

        cluster.stop()
        Thread.sleep(forTimeInterval: 0.5)  // the server's connections and its listener find the cluster gone
        // A watchdog, so that a server that does not stop fails the test instead of hanging it.
        let pid = office.serverPID
        let watched = Watchdog()
        DispatchQueue.global().asyncAfter(deadline: .now() + 20) { if watched.armed { kill(pid, SIGKILL) } }
        let started = Date()
        let status = office.stop()
        watched.disarm()
        let took = Date().timeIntervalSince(started)
        let log = (try? String(contentsOfFile: office.serverLog, encoding: .utf8)) ?? ""
        #expect(status == 0 && took < 8, "exit status \(status) after \(String(format: "%.1f", took)) s; log:\n\(log)")
        #expect(log.contains("stopped ("), "\(log)")
    }
}

/// Whether a test's watchdog may still fire.
private final class Watchdog: @unchecked Sendable {
    private let lock = NSLock()
    private var isArmed = true
    var armed: Bool { lock.withLock { isArmed } }
    func disarm() { lock.withLock { isArmed = false } }
}
