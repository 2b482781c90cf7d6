import Foundation
import GRDB
import HuiwuTestSupport
import MeetingKit
import MeetingStore
import Testing

/// Power cuts of the process: writers are killed with SIGKILL (no handler runs, nothing is
/// flushed) at random moments, before, during and after their write. After every kill the
/// database must pass `PRAGMA integrity_check`, the audit chain must verify
/// (`huiwu audit verify`), every write acknowledged before the kill (exit 0 and output) must
/// be there, and every write that is there must be whole (its roster, timeline entry and
/// audit event with it).
///
/// Default 50 iterations; the documented run (docs/reliability.md) is
/// `HUIWU_CRASH_ITERATIONS=200 swift test --filter CrashTests`.
@Suite("Crash: writers killed with SIGKILL at random moments")
struct CrashTests {
    static let iterations = ProcessInfo.processInfo.environment["HUIWU_CRASH_ITERATIONS"].flatMap(Int.init) ?? 50

    @Test("after every SIGKILL: integrity ok, audit chain ok, every acknowledged write present and whole")
    func killedWriters() throws {
        let office = try TestOffice()
        let huiwu = Binary(database: office.path)
        let minutes = try office.session("lijing").draftMinutes(meetingId: try MinutesFixtures.heldMeeting(office).id!).id!
        let filler = String(repeating: "会议议定：加快推进老旧小区综合整治，由区住房城市建设委牵头，各街道配合落实。\n", count: 4_000)
        var random = SeededRandom(seed: 20260302)
        var started = 0, killed = 0, acknowledged = 0, committedUnacknowledged = 0
        var acknowledgedItems: [String] = [], acknowledgedMeetings: [String] = []
        var lastAcknowledgedBody = -1
        var problems: [String] = []
        let clock = Date()
        // How long one whole write takes on this machine now (a loaded CI machine is several
        // times slower than an idle one): kills fall before, during and after writes alike.
        let calibration = Date()
        #expect(try huiwu.run(["item", "add", "--lead", "JW", "--title", "crash-calibration", "--as", "lijing"]).status == 0)
        let window = max(UInt64(145_000), UInt64(Date().timeIntervalSince(calibration) * 1.5 * 1_000_000))

        for i in 0..<CrashTests.iterations {
            // Two writers at once: an item (a row, a timeline entry, an audit event) and either a
            // meeting (a row, its roster, renumbering, an audit event) or a 600 KB minutes body.
            let item = "crash-\(i)-item"
            let meeting = "crash-\(i)-meeting"
            let body = "crash-\(i)-body\n" + filler
            let bodyFile = office.directory + "/body-\(i).txt"
            FileManager.default.createFile(atPath: bodyFile, contents: Data(body.utf8))
            let day = 1 + i % 28, hour = 8 + (i / 28) % 10
            let second: [String] = i % 2 == 0
                ? ["meeting", "add", "--kind", "topical", "--chair", "zhoulixin", "--at", String(format: "2026-05-%02dT%02d:00", day, hour), "--title", meeting]
                : ["minutes", "edit", String(minutes), "--file", bodyFile, "--as", "lijing"]
            let commands = [["item", "add", "--lead", "JW", "--title", item, "--as", "lijing"], second]
            let processes = try commands.map { try huiwu.start(bytes: $0.map { Array($0.utf8) }) }
            started += processes.count
            let delays = processes.map { _ in useconds_t(5_000 + random.next() % window) }
            // Kill each at its moment, in order.
            let begin = Date()
            for (process, delay) in zip(processes, delays).sorted(by: { $0.1 < $1.1 }) {
                let elapsed = useconds_t(Date().timeIntervalSince(begin) * 1_000_000)
                if delay > elapsed { usleep(delay - elapsed) }
                process.kill()
            }
            let results = processes.map { $0.wait() }
            for (command, result) in zip(commands, results) {
                if result.crashed { killed += 1 }
                let ok = !result.crashed && result.status == 0 && !result.stdout.isEmpty
                if !result.crashed && !ok { problems.append("#\(i) \(command[0]) \(command[1]) exited \(result.status): \(result.stderr)") }
                guard ok else { continue }
                acknowledged += 1
                switch command[0] {
                case "item": acknowledgedItems.append(item)
                case "meeting": acknowledgedMeetings.append(meeting)
                default: lastAcknowledgedBody = i
                }
            }

            // The database after the kill, as the next user finds it.
            let check = try office.store.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }
            if check != ["ok"] { problems.append("#\(i) integrity_check: \(check.prefix(3))") }
            let verify = try huiwu.run(["audit", "verify"])
            if verify.status != 0 { problems.append("#\(i) audit verify exited \(verify.status): \(verify.stdout) \(verify.stderr)") }
            let state = try CrashTests.state(office, minutes: minutes)
            for title in acknowledgedItems where !state.items.contains(title) { problems.append("#\(i) acknowledged item \(title) is missing") }
            for title in acknowledgedMeetings where !state.meetings.contains(title) { problems.append("#\(i) acknowledged meeting \(title) is missing") }
            if lastAcknowledgedBody >= 0 && state.bodyIteration < lastAcknowledgedBody {
                problems.append("#\(i) the minutes body is from edit \(state.bodyIteration), older than the acknowledged edit \(lastAcknowledgedBody)")
            }
            problems += state.partial.map { "#\(i) \($0)" }
            if !problems.isEmpty { break }
        }
        let final = try CrashTests.state(office, minutes: minutes)
        committedUnacknowledged = final.items.count + final.meetings.count - acknowledgedItems.count - acknowledgedMeetings.count
        print("crash: \(CrashTests.iterations) iterations, \(started) writers started, \(killed) killed by SIGKILL, "
              + "\(acknowledged) writes acknowledged (all present), \(committedUnacknowledged) rows committed just before their kill (whole), "
              + "integrity and audit chain checked after each: \(problems.isEmpty ? "all ok" : "\(problems.count) problems"); "
              + "\(String(format: "%.1f", Date().timeIntervalSince(clock))) s")
        for problem in problems.prefix(20) { Issue.record(Comment(rawValue: problem)) }
        #expect(problems.isEmpty)
        #expect(killed > 0, "some writers were killed")
        #expect(acknowledged > 0, "some writes were acknowledged")
    }

    /// What a crash test finds in the database.
    struct State {
        var items: Set<String> = []
        var meetings: Set<String> = []
        /// The iteration whose body the minutes hold (-1: the generated draft).
        var bodyIteration = -1
        /// Rows that are there without the rest of their write.
        var partial: [String] = []
    }

    static func state(_ office: TestOffice, minutes: Int64) throws -> State {
        try office.store.read { db in
            var state = State()
            for row in try Row.fetchAll(db, sql: """
                SELECT i.id, i.title,
                       (SELECT count(*) FROM agenda_event e WHERE e.item_id = i.id) AS entries,
                       (SELECT count(*) FROM audit_event a WHERE a.entity = 'item' AND a.entity_id = CAST(i.id AS TEXT) AND a.action = 'item.create') AS events
                FROM agenda_item i WHERE i.title LIKE 'crash-%'
                """) {
                let title: String = row["title"]
                state.items.insert(title)
                if row["entries"] as Int != 1 || row["events"] as Int != 1 { state.partial.append("item \(title) without its timeline or audit event") }
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT m.id, m.title,
                       (SELECT count(*) FROM participant p WHERE p.meeting_id = m.id) AS roster,
                       (SELECT count(*) FROM audit_event a WHERE a.entity = 'meeting' AND a.entity_id = CAST(m.id AS TEXT) AND a.action = 'meeting.create') AS events
                FROM meeting m WHERE m.title LIKE 'crash-%'
                """) {
                let title: String = row["title"]
                state.meetings.insert(title)
                if row["roster"] as Int == 0 || row["events"] as Int != 1 { state.partial.append("meeting \(title) without its roster or audit event") }
            }
            let body = try String.fetchOne(db, sql: "SELECT body FROM minutes WHERE id = ?", arguments: [minutes]) ?? ""
            if body.hasPrefix("crash-"), let number = Int(body.dropFirst("crash-".count).prefix { $0.isNumber }) {
                state.bodyIteration = number
                let edits = try Int.fetchOne(db, sql: "SELECT count(*) FROM audit_event WHERE entity = 'minutes' AND action = 'minutes.edit'") ?? 0
                if edits == 0 { state.partial.append("the minutes body changed without its audit event") }
            }
            return state
        }
    }
}
