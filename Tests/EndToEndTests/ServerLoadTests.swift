import Foundation
import HuiwuTestSupport
import MeetingKit
import Testing

/// `huiwu serve` under load and under crashes (slow tier): many client processes of real OS
/// users writing at once through one server, and the server killed with SIGKILL while they
/// do. Nothing acknowledged may be lost, nothing may be half-written, and the audit chain
/// must verify.
@Suite("huiwu serve under load and crashes", .slow, .serialized)
struct ServerLoadTests {
    static let clients = ProcessInfo.processInfo.environment["HUIWU_SERVE_CLIENTS"].flatMap(Int.init) ?? 16
    static let edits = ProcessInfo.processInfo.environment["HUIWU_SERVE_EDITS"].flatMap(Int.init) ?? 200
    static let kills = ProcessInfo.processInfo.environment["HUIWU_SERVE_KILLS"].flatMap(Int.init) ?? 12

    /// The secretaries' titles the database holds, read as the service account would (root here).
    static func storedTitles(_ office: ServedOffice, prefix: String) throws -> [String] {
        let result = try Subprocess.runCapturing(SQLiteShell.path, [office.database, "SELECT title FROM agenda_item WHERE title LIKE '\(prefix)%'"])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    final class Acknowledged: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var titles: [String] = []
        private(set) var failures: [String] = []
        func add(_ title: String) { lock.withLock { titles.append(title) } }
        func fail(_ text: String) { lock.withLock { failures.append(text) } }
    }

    @Test("16 client processes × 200 edits through one server: every acknowledged edit stored once, none lost",
          .requires(SQLiteShell.isAvailable, "sqlite3"))
    func manyClients() throws {
        guard let office = try ServerBoundaryTests.served() else { return }
        let acknowledged = Acknowledged()
        let secretaries = ["lijing", "zhangyuhang"]
        try OSAccounts.ensure("zhangyuhang")
        let started = Date()
        let done = DispatchGroup()
        for client in 0..<ServerLoadTests.clients {
            done.enter()
            Thread {
                defer { done.leave() }
                for edit in 0..<ServerLoadTests.edits {
                    let title = "load-\(client)-\(edit)"
                    do {
                        let result = try office.run(as: secretaries[client % 2], ["item", "add", "--lead", "JW", "--title", title])
                        if result.status == 0 { acknowledged.add(title) } else { acknowledged.fail("\(title): \(result.status) \(result.stderr)") }
                    } catch {
                        acknowledged.fail("\(title): \(error)")
                    }
                }
            }.start()
        }
        done.wait()
        let seconds = Date().timeIntervalSince(started)
        print("huiwu serve: \(ServerLoadTests.clients) clients × \(ServerLoadTests.edits) edits in \(String(format: "%.1f", seconds)) s")
        #expect(acknowledged.failures.isEmpty, "\(acknowledged.failures.prefix(5))")
        #expect(acknowledged.titles.count == ServerLoadTests.clients * ServerLoadTests.edits)
        let stored = try ServerLoadTests.storedTitles(office, prefix: "load-")
        #expect(stored.count == Set(stored).count, "an edit was stored twice")
        #expect(Set(stored) == Set(acknowledged.titles))
        let verify = try office.run(as: "lijing", ["audit", "verify"])
        #expect(verify.status == 0, "\(verify.stderr)")
    }

    @Test("the server killed with SIGKILL during writes, again and again: no acknowledged write lost, the chain intact",
          .requires(SQLiteShell.isAvailable, "sqlite3"))
    func killedServer() throws {
        guard let office = try ServerBoundaryTests.served() else { return }
        let acknowledged = Acknowledged()
        let stop = NSLock()
        nonisolated(unsafe) var stopping = false
        let done = DispatchGroup()
        for client in 0..<4 {
            done.enter()
            Thread {
                defer { done.leave() }
                var edit = 0
                while !(stop.withLock { stopping }) {
                    let title = "crash-\(client)-\(edit)"
                    edit += 1
                    // Exit 6 while the server is down or when the answer was lost: not acknowledged.
                    if let result = try? office.run(as: "lijing", ["item", "add", "--lead", "JW", "--title", title]), result.status == 0 {
                        acknowledged.add(title)
                    }
                }
            }.start()
        }
        var random = SystemRandomNumberGenerator()
        for _ in 0..<ServerLoadTests.kills {
            usleep(UInt32.random(in: 150_000...600_000, using: &random))
            office.crash()
            usleep(50_000)
            try office.start()
        }
        usleep(300_000)
        stop.withLock { stopping = true }
        done.wait()
        print("huiwu serve: \(ServerLoadTests.kills) SIGKILLs, \(acknowledged.titles.count) acknowledged writes")
        #expect(acknowledged.titles.count > ServerLoadTests.kills)
        let stored = Set(try ServerLoadTests.storedTitles(office, prefix: "crash-"))
        let lost = Set(acknowledged.titles).subtracting(stored)
        #expect(lost.isEmpty, "acknowledged but lost: \(lost.sorted().prefix(5))")
        let integrity = try Subprocess.runCapturing(SQLiteShell.path, [office.database, "PRAGMA integrity_check"])
        #expect(integrity.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "ok")
        let verify = try office.run(as: "lijing", ["audit", "verify"])
        #expect(verify.status == 0, "\(verify.stderr)")
    }
}
