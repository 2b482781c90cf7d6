import Foundation
import HuiwuTestSupport
import MeetingKit
import MeetingStore
import Testing

/// Every case of the hostile-input corpus (Corpus/hostile.tsv: malformed dates and times,
/// unknown ids, huge strings, invalid UTF-8, escape sequences, SQL-looking text, malformed
/// JSON, CSV and calendar files, wrong types) is run against the real binary:
/// - no crash (no process ends by a signal);
/// - a non-zero exit, the one the corpus names;
/// - exactly one message line on standard error, `huiwu: …`, with nothing a terminal would
///   interpret (an org import may list the file's problems below it, indented);
/// - nothing written: the audit log and a checksum of every other table are unchanged.
@Suite("Hostile input corpus against the CLI")
struct HostileInputTests {
    struct Outcome {
        var name: String
        var problems: [String]
        var exit: Int32
        var crashed: Bool
    }

    /// The records the corpus refers to: meeting 1 (planned), meeting 2 (held), item 1
    /// (draft), leave request 1 (pending), minutes 1 (draft), absence 1 (pending).
    static func office() throws -> TestOffice {
        let office = try TestOffice()
        let admin = try office.session()
        let planned = try admin.addMeeting(kind: .executive, start: LocalDateTime(iso: "2026-03-05T09:00")!)
        let held = try MinutesFixtures.heldMeeting(office, start: "2026-03-02T09:00")
        let item = try office.session("lijing").addItem(title: "关于学前教育资源布局的议题", lead: "JW", related: ["WJW"])
        let leave = try office.session("xuwenbo").requestLeave(meetingId: planned.id!, reason: "市教委会议")
        let minutes = try office.session("lijing").draftMinutes(meetingId: held.id!)
        let absence = try office.session("xuwenbo").registerAbsence(person: "xuwenbo", from: Day(iso: "2026-03-09")!, to: Day(iso: "2026-03-10")!,
                                                                   kind: .trip, reason: "赴沪学习").absence
        precondition([planned.id, held.id, item.id, leave.id, minutes.id, absence.id] == [1, 2, 1, 1, 1, 1], "the corpus expects these ids")
        return office
    }

    /// Runs `cases` on `office`, one after the other, checking each.
    static func run(_ cases: [HostileCorpus.Case], on office: TestOffice) throws -> [Outcome] {
        let huiwu = Binary(database: office.path)
        var outcomes: [Outcome] = []
        for (index, c) in cases.enumerated() {
            let events = try office.auditCount()
            let content = try office.contentChecksum()
            let args = try HostileCorpus.materialize(c, in: office.directory + "/case-\(index)")
            let result = try huiwu.run(bytes: args)
            var problems: [String] = []
            if result.crashed { problems.append("crashed (signal \(result.status - 128))") }
            if result.status == 0 { problems.append("accepted (exit 0)") }
            if let expected = c.exit, result.status != expected { problems.append("exit \(result.status), expected \(expected)") }
            let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast(result.stderr.hasSuffix("\n") ? 1 : 0)
            let messages = lines.filter { !$0.hasPrefix("  ") }
            if messages.count != 1 || !(messages.first?.hasPrefix("huiwu: ") ?? false) {
                problems.append("stderr has \(messages.count) message lines: \(result.stderr.prefix(300).debugDescription)")
            }
            if result.stderr.unicodeScalars.contains(where: { TextSafety.isDangerous($0, allowNewlines: true) }) {
                problems.append("stderr is not inert: \(result.stderr.prefix(200).debugDescription)")
            }
            if try office.auditCount() != events { problems.append("the audit log changed") }
            if try office.contentChecksum() != content { problems.append("records changed") }
            outcomes.append(Outcome(name: c.name, problems: problems, exit: result.status, crashed: result.crashed))
        }
        return outcomes
    }

    @Test("at least 300 hostile command lines: 0 crashes, each refused with one line, nothing written")
    func corpus() throws {
        let corpus = try HostileCorpus()
        #expect(corpus.cases.count >= 300)
        #expect(Set(corpus.cases.map(\.name)).count == corpus.cases.count, "case names are unique")
        let started = Date()
        // Two offices, two halves of the corpus side by side (the machine has two cores).
        let halves = [0, 1].map { half in corpus.cases.enumerated().filter { $0.offset % 2 == half }.map(\.element) }
        let offices = try [0, 1].map { _ in try HostileInputTests.office() }
        let results = LockedResults()
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            do { results.add(try HostileInputTests.run(halves[half], on: offices[half])) } catch { results.fail("\(error)") }
        }
        for error in results.errors { Issue.record(Comment(rawValue: error)) }
        let outcomes = results.outcomes
        #expect(outcomes.count == corpus.cases.count)
        let failed = outcomes.filter { !$0.problems.isEmpty }
        for outcome in failed.prefix(40) { Issue.record("\(outcome.name): \(outcome.problems.joined(separator: "; "))") }
        let crashes = outcomes.filter(\.crashed).count
        var byExit: [Int32: Int] = [:]
        for outcome in outcomes { byExit[outcome.exit, default: 0] += 1 }
        let codes = byExit.keys.sorted().map { "\($0): \(byExit[$0]!)" }.joined(separator: ", ")
        print("hostile corpus: \(outcomes.count) cases, \(outcomes.count - failed.count) refused as required, \(crashes) crashes, "
              + "\(failed.count) failures; exit codes \(codes); \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
        #expect(crashes == 0)
        #expect(failed.isEmpty)
        for office in offices {
            #expect(try office.store.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") } == ["ok"])
            #expect(try office.session().verifyAudit().firstBreak == nil)
        }
    }

    @Test("SQL-looking text is valid text: stored and shown literally, and every table is still there")
    func sqlLookingTextIsLiteral() throws {
        let office = try TestOffice()
        let huiwu = Binary(database: office.path)
        let titles = ["'; DROP TABLE meeting; --", "Robert'); DELETE FROM audit_event; --", "1 OR 1=1", "\" OR \"\"=\"", "%s%n%x"]
        for title in titles {
            let item = try huiwu.json(["item", "add", "--lead", "JW", "--title", title, "--as", "lijing"]) as? [String: Any]
            let id = try #require(item?["id"] as? Int)
            #expect(try office.session().itemDossier(Int64(id)).item.title == title)
        }
        let tables = try office.store.read { try String.fetchAll($0, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") }
        #expect(tables.contains("meeting") && tables.contains("audit_event"))
        #expect(try huiwu.run(["audit", "verify"]).status == 0)
    }
}

/// Results gathered from the two threads.
private final class LockedResults: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var outcomes: [HostileInputTests.Outcome] = []
    private(set) var errors: [String] = []

    func add(_ more: [HostileInputTests.Outcome]) { lock.withLock { outcomes += more } }
    func fail(_ error: String) { lock.withLock { errors.append(error) } }
}
