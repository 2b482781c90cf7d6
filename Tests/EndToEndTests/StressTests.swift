import Foundation
import GRDB
import HuiwuTestSupport
import MeetingKit
import MeetingStore
import Testing

/// Many users, one file: N processes of the real binary edit the same meetings and minutes
/// at once, each edit based on a fresh read of the record and stating the version it read
/// (as a screen does: it reads on its own connection, here the test's, then saves through
/// the binary).
///
/// Every edit is retried after a stale refusal ("changed by …, reload") until it is
/// acknowledged (exit 0). Afterwards every acknowledged edit must be in the database exactly
/// once and nothing else (no lost update, no phantom write), versions and audit events
/// must count the edits, and no process may have shown a raw SQLite lock error.
///
/// Default 8 processes × 100 edits; the documented run (docs/reliability.md) is
/// `HUIWU_STRESS_PROCS=16 HUIWU_STRESS_EDITS=500 swift test --filter StressTests`.
@Suite("Stress: concurrent processes editing the same records")
struct StressTests {
    static let processes = ProcessInfo.processInfo.environment["HUIWU_STRESS_PROCS"].flatMap(Int.init) ?? 8
    static let edits = ProcessInfo.processInfo.environment["HUIWU_STRESS_EDITS"].flatMap(Int.init) ?? 100

    enum Target {
        case meeting(Int64), minutes(Int64)

        var key: String {
            switch self {
            case .meeting(let id): return "meeting \(id)"
            case .minutes(let id): return "minutes \(id)"
            }
        }
    }

    /// What the workers report, under a lock.
    final class Tally: @unchecked Sendable {
        private let lock = NSLock()
        var acknowledged: [String: [String]] = [:]  // target key → markers
        var stale = 0, busy = 0, rawLockErrors = 0, invocations = 0
        var failures: [String] = []

        func add(_ body: (Tally) -> Void) { lock.withLock { body(self) } }
    }

    /// Raw SQLite texts a user must never see.
    static let rawLockTexts = ["database is locked", "database table is locked", "SQLITE_BUSY", "SQLITE_LOCKED", "SQLite error"]

    @Test("N processes × M edits on the same meetings and minutes: every acknowledged edit present once, 0 lost, 0 raw lock errors")
    func concurrentEdits() throws {
        let office = try TestOffice()
        let admin = try office.session()
        let meetings = [
            try admin.addMeeting(kind: .executive, start: LocalDateTime(iso: "2026-03-12T09:00")!).id!,
            try admin.addMeeting(kind: .executive, start: LocalDateTime(iso: "2026-03-26T09:00")!).id!,
            try admin.addMeeting(kind: .topical, start: LocalDateTime(iso: "2026-03-16T14:00")!, chair: "zhoulixin").id!,
            try admin.addMeeting(kind: .topical, start: LocalDateTime(iso: "2026-03-23T14:00")!, chair: "zhoulixin").id!,
            try admin.addMeeting(kind: .topical, start: LocalDateTime(iso: "2026-03-30T14:00")!, chair: "zhoulixin").id!,
            try admin.addMeeting(kind: .plenary, start: LocalDateTime(iso: "2026-03-18T09:00")!).id!,
        ]
        let minutes = try ["2026-02-26T09:00", "2026-02-19T09:00"].map { start in
            try office.session("lijing").draftMinutes(meetingId: try MinutesFixtures.heldMeeting(office, start: start).id!).id!
        }
        let targets = meetings.map(Target.meeting) + minutes.map(Target.minutes)
        let initialVersions = try Dictionary(uniqueKeysWithValues: targets.map { target -> (String, Int) in
            switch target {
            case .meeting(let id): return (target.key, try admin.meeting(id).version)
            case .minutes(let id): return (target.key, try admin.minutesDetail(id).minutes.version)
            }
        })
        let auditBefore = try auditActionCounts(office)

        let tally = Tally()
        let huiwu = Binary(database: office.path)
        let reader = try office.session("lijing")
        let started = Date()
        let done = DispatchGroup()
        for worker in 0..<StressTests.processes {
            done.enter()
            let thread = Thread {
                defer { done.leave() }
                StressTests.work(worker, targets: targets, huiwu: huiwu, reader: reader, directory: office.directory, tally: tally)
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        done.wait()
        let elapsed = Date().timeIntervalSince(started)

        // Verify: every acknowledged edit present exactly once, nothing unacknowledged present.
        var lost = 0, phantom = 0, versionMismatches: [String] = []
        for target in targets {
            let acknowledged = tally.acknowledged[target.key, default: []].sorted()
            let present: [String]
            let version: Int
            switch target {
            case .meeting(let id):
                present = try office.store.read { try String.fetchAll($0, sql: "SELECT reason FROM meeting_move WHERE meeting_id = ?", arguments: [id]) }.sorted()
                version = try admin.meeting(id).version
            case .minutes(let id):
                let m = try admin.minutesDetail(id).minutes
                present = m.body.split(separator: "\n").map(String.init).filter { $0.hasPrefix("stress-w") }.sorted()
                version = m.version
            }
            lost += Set(acknowledged).subtracting(present).count
            phantom += present.count - Set(present).intersection(acknowledged).count + (present.count - Set(present).count)
            if version != initialVersions[target.key]! + acknowledged.count {
                versionMismatches.append("\(target.key): version \(version), expected \(initialVersions[target.key]! + acknowledged.count)")
            }
        }
        let auditAfter = try auditActionCounts(office)
        let moves = meetings.map { tally.acknowledged[Target.meeting($0).key, default: []].count }.reduce(0, +)
        let appends = minutes.map { tally.acknowledged[Target.minutes($0).key, default: []].count }.reduce(0, +)
        let total = moves + appends
        let rate = Double(total) / max(elapsed, 0.001)
        print("stress: \(StressTests.processes) processes × \(StressTests.edits) edits = \(total) acknowledged "
              + "(\(moves) meeting moves, \(appends) minutes body edits) on \(targets.count) records in \(String(format: "%.1f", elapsed)) s "
              + "(\(String(format: "%.1f", rate)) edits/s, \(tally.invocations) invocations); "
              + "stale refusals re-read and retried: \(tally.stale); busy refusals: \(tally.busy); raw lock errors: \(tally.rawLockErrors); "
              + "lost updates: \(lost); phantom writes: \(phantom)")

        for failure in tally.failures.prefix(20) { Issue.record(Comment(rawValue: failure)) }
        #expect(tally.failures.isEmpty)
        #expect(total == StressTests.processes * StressTests.edits)
        #expect(lost == 0)
        #expect(phantom == 0)
        #expect(versionMismatches.isEmpty, "\(versionMismatches)")
        #expect(tally.rawLockErrors == 0)
        #expect(tally.busy == 0)
        #expect(auditAfter["meeting.move", default: 0] - auditBefore["meeting.move", default: 0] == moves)
        #expect(auditAfter["minutes.edit", default: 0] - auditBefore["minutes.edit", default: 0] == appends)
        #expect(try office.store.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") } == ["ok"])
        let verify = try huiwu.run(["audit", "verify"])
        #expect(verify.status == 0, "\(verify.stdout) \(verify.stderr)")
    }

    /// One worker: `edits` edits, each on a target drawn at random (its own sequence, so runs
    /// are repeatable), each retried after a stale refusal (re-reading the record) until it
    /// is acknowledged.
    static func work(_ worker: Int, targets: [Target], huiwu: Binary, reader: Session, directory: String, tally: Tally) {
        func run(_ args: [String]) -> Binary.Result? {
            guard let result = try? huiwu.run(spawning: args + ["--lang", "en"]) else {
                tally.add { $0.failures.append("worker \(worker): cannot start huiwu \(args)") }
                return nil
            }
            let raw = rawLockTexts.filter { result.stderr.contains($0) }.count
            tally.add { t in
                t.invocations += 1
                t.rawLockErrors += raw
            }
            return result
        }
        var random = SeededRandom(seed: UInt64(worker + 1))
        for edit in 0..<edits {
            let target = targets[Int(random.next() % UInt64(targets.count))]
            let marker = "stress-w\(worker)-e\(edit)"
            var acknowledged = false
            for _ in 0..<60 where !acknowledged {
                let result: Binary.Result?
                switch target {
                case .meeting(let id):
                    // Read (as a screen does, on its own connection), then change what was
                    // read: the edit states the version it saw.
                    guard let version = try? reader.meeting(id).version else {
                        tally.add { $0.failures.append("worker \(worker): cannot read meeting \(id)") }
                        continue
                    }
                    // A time of its own for every edit: never the meeting's current time.
                    let k = worker * edits + edit
                    let at = String(format: "2026-04-%02dT%02d:%02d", 1 + k / 600, 8 + (k % 600) / 60, k % 60)
                    result = run(["meeting", "move", String(id), "--at", at, "--reason", marker, "--expect-version", String(version)])
                case .minutes(let id):
                    guard let shown = try? reader.minutesDetail(id).minutes else {
                        tally.add { $0.failures.append("worker \(worker): cannot read minutes \(id)") }
                        continue
                    }
                    let file = directory + "/body-\(worker).txt"
                    FileManager.default.createFile(atPath: file, contents: Data((shown.body + "\n" + marker).utf8))
                    result = run(["minutes", "edit", String(id), "--file", file, "--as", "lijing", "--expect-version", String(shown.version)])
                }
                guard let result else { continue }
                switch result.status {
                case 0:
                    acknowledged = true
                    tally.add { $0.acknowledged[target.key, default: []].append(marker) }
                case 5 where result.stderr.contains("was changed by") && result.stderr.contains("reload"):
                    tally.add { $0.stale += 1 }
                case 6 where result.stderr.contains("busy"):
                    tally.add { $0.busy += 1 }
                default:
                    tally.add { $0.failures.append("worker \(worker) \(marker): exit \(result.status) \(result.stderr)") }
                    return
                }
            }
            if !acknowledged { tally.add { $0.failures.append("worker \(worker) \(marker): not acknowledged after 60 attempts") } }
        }
    }

    func auditActionCounts(_ office: TestOffice) throws -> [String: Int] {
        try office.store.read { db in
            Dictionary(uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT action, count(*) AS n FROM audit_event GROUP BY action")
                .map { ($0["action"] as String, $0["n"] as Int) })
        }
    }
}

/// A small deterministic generator (SplitMix64): each worker draws the same targets every run.
struct SeededRandom {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
