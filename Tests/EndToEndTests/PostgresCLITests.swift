import Foundation
import HuiwuTestSupport
import MeetingStore
import Testing

/// The `huiwu` binary on an office in PostgreSQL (issue 21): `huiwu --db postgresql://… init`
/// creates the office there as on a file, with the audit key in the state directory, and the
/// use cases already on the database port work through it.
@Suite("huiwu on PostgreSQL from the command line", .postgres)
struct PostgresCLITests {
    @Test("init creates the demo office in PostgreSQL, a second init says so, and the org chart, meetings and audit verify work")
    func initAndUse() throws {
        let url = try PostgresCluster.shared().database()
        let name = try PostgresURL(url, osUser: "root").database
        let state = TestOffice.temporaryDirectory() + "/state"
        var huiwu = Binary(database: url)
        huiwu.extraEnvironment["HUIWU_STATE_DIR"] = state

        let report = try #require(try huiwu.json(["init"]) as? [String: Any])
        #expect(report["alreadyInitialized"] as? Bool == false)
        #expect(report["demo"] as? Bool != true, "init on PostgreSQL seeds the org chart only; huiwu demo seed adds the work")
        #expect((report["people"] as? Int ?? 0) > 50)
        #expect((report["holidayYears"] as? [Int] ?? []).contains(2026))
        let keyPath = state + "/\(name).auditkey"
        #expect(FileManager.default.fileExists(atPath: keyPath), "the audit key is in the state directory")
        let mode = (try FileManager.default.attributesOfItem(atPath: keyPath)[.posixPermissions] as? Int) ?? 0
        #expect(mode == 0o600)
        let again = try #require(try huiwu.json(["init"]) as? [String: Any])
        #expect(again["alreadyInitialized"] as? Bool == true)

        let people = try #require(try huiwu.json(["people", "list"]) as? [[String: Any]])
        #expect(people.contains { $0["login"] as? String == "zhoulixin" })
        #expect(try huiwu.run(["people", "edit", "lijing", "--name", "李静静", "--expect-version", "1"]).status == 0)
        let stale = try huiwu.run(["people", "edit", "lijing", "--name", "李静", "--expect-version", "1", "--lang", "en"])
        #expect(stale.status == 5 && stale.stderr.contains("changed by"))

        let plan = try #require(try huiwu.json(["meeting", "plan", "--kind", "topical", "--from", "2026-01-01", "--to", "2026-03-31"])
            as? [String: Any])
        #expect(plan["committed"] as? Bool == true)
        let meetings = try #require(try huiwu.json(["meeting", "list", "--kind", "topical", "--from", "2026-01-01", "--to", "2026-03-31"])
            as? [[String: Any]])
        #expect(meetings.count >= 10)

        let verify = try #require(try huiwu.json(["audit", "verify"]) as? [String: Any])
        #expect(verify["firstBreak"] == nil || verify["firstBreak"] is NSNull)
        #expect((verify["events"] as? Int ?? 0) > 100)
        #expect(FileManager.default.fileExists(atPath: state + "/\(name).audit-head"), "the head is anchored after writes")
    }

    @Test("an item goes from draft to a meeting's agenda and a vice mayor's leave is approved by the mayor (R41, R42), through the binary")
    func itemAndLeave() throws {
        let url = try PostgresCluster.shared().database()
        var huiwu = Binary(database: url)
        huiwu.extraEnvironment["HUIWU_STATE_DIR"] = TestOffice.temporaryDirectory() + "/state"
        _ = try huiwu.json(["init"])
        let meeting = try #require(try huiwu.json(["meeting", "add", "--kind", "executive", "--at", "2026-03-12T09:00", "--as", "lijing"])
            as? [String: Any])
        let meetingId = String(try #require(meeting["id"] as? Int))

        let added = try #require(try huiwu.json(["item", "add", "--title", "关于校园安全的议题", "--lead", "JW", "--category", "1", "--as", "lijing"])
            as? [String: Any])
        let item = String(try #require(added["id"] as? Int))
        _ = try huiwu.json(["item", "submit", item, "--as", "xuwenbo"])
        let wrongVM = try huiwu.run(["item", "approve", item, "--as", "zhaojianguo", "--lang", "en"])
        #expect(wrongVM.status != 0 && wrongVM.stderr.contains("R41"))
        _ = try huiwu.json(["item", "approve", item, "--as", "wangxiaoyan"])
        _ = try huiwu.json(["item", "accept", item, "--as", "yangwentao"])
        let scheduled = try #require(try huiwu.json(["item", "schedule", item, "--meeting", meetingId, "--minutes", "30", "--as", "lijing"])
            as? [String: Any])
        #expect(scheduled["agendaMinutes"] as? Int == 30)
        let listed = try #require(try huiwu.json(["item", "list", "--meeting", meetingId]) as? [[String: Any]])
        #expect(listed.map { $0["id"] as? Int } == [Int(item)])

        let request = try #require(try huiwu.json(["leave", "request", "--meeting", meetingId, "--reason", "赴外地调研", "--as", "wangxiaoyan"])
            as? [String: Any])
        let leave = String(try #require(request["id"] as? Int))
        let wrongApprover = try huiwu.run(["leave", "approve", leave, "--as", "yangwentao", "--lang", "en"])
        #expect(wrongApprover.status != 0 && wrongApprover.stderr.contains("R42"))
        let approved = try #require(try huiwu.json(["leave", "approve", leave, "--as", "zhoulixin"]) as? [String: Any])
        #expect(approved["status"] as? String == "approved")

        let verify = try #require(try huiwu.json(["audit", "verify"]) as? [String: Any])
        #expect(verify["firstBreak"] == nil || verify["firstBreak"] is NSNull)
    }

    @Test("a database without an office is not an office: every command but init says so and writes nothing")
    func noOffice() throws {
        let url = try PostgresCluster.shared().database()
        var huiwu = Binary(database: url)
        huiwu.extraEnvironment["HUIWU_STATE_DIR"] = TestOffice.temporaryDirectory()
        let result = try huiwu.run(["people", "list", "--lang", "en"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("no office in the PostgreSQL database"))
    }

    @Test("an office of the previous release is upgraded at its first start, saying so on stderr once, as a file's is")
    func upgradeSaysSo() throws {
        let cluster = try PostgresCluster.shared()
        let url = try cluster.database()
        let name = try PostgresURL(url, osUser: "root").database
        var huiwu = Binary(database: url)
        huiwu.extraEnvironment["HUIWU_STATE_DIR"] = TestOffice.temporaryDirectory()
        let created = try huiwu.run(["init", "--lang", "en"])
        #expect(created.status == 0 && !created.stderr.contains("upgrading"), "\(created.stderr)")
        // The office as v13 left it: v14-report's indexes as they were, and no record of it.
        try cluster.psql(name, """
            DROP INDEX agenda_slot_deferred;
            DROP INDEX agenda_item_meeting; CREATE INDEX agenda_item_meeting ON agenda_item (meeting_id);
            DROP INDEX participant_meeting; CREATE INDEX participant_meeting ON participant (meeting_id, position);
            DELETE FROM huiwu_migrations WHERE identifier = 'v14-report';
            """)
        let first = try huiwu.run(["meeting", "list", "--lang", "zh"])
        #expect(first.status == 0)
        #expect(first.stderr == "huiwu: 正在升级数据库结构（v14-report）：大的办公室可能需要几分钟\n")
        let index = try cluster.psql(name, "SELECT indexdef FROM pg_indexes WHERE indexname = 'agenda_item_meeting'")
        #expect(index.contains("meeting_id, state, lead_code, created_at"), "\(index)")
        let second = try huiwu.run(["meeting", "list", "--lang", "en"])
        #expect(second.status == 0)
        #expect(second.stderr.isEmpty, "\(second.stderr)")
    }

    @Test("admin copy moves the demo office from its file into PostgreSQL, where it answers as it did; a second copy is refused")
    func adminCopy() throws {
        let directory = TestOffice.temporaryDirectory()
        let file = directory + "/office.sqlite"
        let state = directory + "/state"
        var onFile = Binary(database: file)
        #expect(try onFile.run(["init"]).status == 0)
        let url = try PostgresCluster.shared().database(prefix: "moved")
        onFile.extraEnvironment["HUIWU_STATE_DIR"] = state

        let copied = try onFile.run(["admin", "copy", "--from", file, "--to", url, "--lang", "en"])
        #expect(copied.status == 0, "\(copied.stderr)")
        #expect(copied.stdout.contains("counts match") && copied.stdout.contains("verified with key"))

        var onPostgres = Binary(database: url)
        onPostgres.extraEnvironment["HUIWU_STATE_DIR"] = state
        // The demo's minutes were signed and followed up on the file: the lists, the home screen's
        // queues and search answer the same on PostgreSQL.
        for command in [["meeting", "list", "--from", "2026-01-01", "--to", "2027-12-31"], ["people", "list"], ["audit", "verify"],
                        ["minutes", "list"], ["followup", "list"], ["followup", "list", "--as", "caozhiming"]] {
            let there = try onPostgres.run(command + ["--json"])
            let here = try onFile.run(command + ["--json"])
            #expect(there.status == 0 && here.status == 0, "\(command): \(there.stderr)")
            if command[0] != "audit" { #expect(there.stdout == here.stdout, "\(command) answers differently after the copy") }
        }
        // The documents that list people in the org chart's order of precedence (stored since
        // v12, copied with the rows) print the same: a meeting's seating and notice, the minutes.
        let meetings = try #require(try onFile.json(["meeting", "list", "--from", "2026-01-01", "--to", "2027-12-31"]) as? [[String: Any]])
        let minutes = try #require(try onFile.json(["minutes", "list"]) as? [[String: Any]])
        let meetingId = try #require(meetings.compactMap { $0["id"].map { "\($0)" } }.first, "the demo has meetings")
        let minutesId = try #require(minutes.compactMap { $0["id"].map { "\($0)" } }.first, "the demo has minutes")
        for command in [["meeting", "seating", meetingId], ["meeting", "notice", meetingId], ["minutes", "export", minutesId]] {
            let there = try onPostgres.run(command)
            let here = try onFile.run(command)
            #expect(there.status == 0 && here.status == 0, "\(command): \(there.stderr)")
            #expect(there.stdout == here.stdout && !here.stdout.isEmpty, "\(command) prints differently after the copy")
        }
        let verify = try #require(try onPostgres.json(["audit", "verify"]) as? [String: Any])
        #expect(verify["firstBreak"] == nil || verify["firstBreak"] is NSNull)
        #expect(try #require(try onFile.json(["followup", "list"]) as? [[String: Any]]).count > 0, "the demo has follow-ups to compare")
        // FTS5 and pg_trgm find the same documents; only bm25's ranking is SQLite's own.
        for words in ["常务", "会议", "经费 落实"] {
            func found(_ binary: Binary) throws -> Set<String> {
                let results = try #require(try binary.json(["search"] + words.split(separator: " ").map(String.init) + ["--limit", "500"])
                    as? [[String: Any]], "\(words)")
                return Set(results.map { "\($0["kind"] ?? "")#\($0["id"] ?? "")#\($0["field"] ?? "")" })
            }
            #expect(try found(onPostgres) == found(onFile), "\(words)")
        }

        let again = try onFile.run(["admin", "copy", "--from", file, "--to", url, "--lang", "en"])
        #expect(again.status != 0 && again.stderr.contains("will not be overwritten"))
        let same = try onFile.run(["admin", "copy", "--from", file, "--to", file, "--lang", "en"])
        #expect(same.status == 2 && same.stderr.contains("the same database"))
    }

    @Test("attachments, the demo and doctor work on PostgreSQL through the binary; backup and restore are refused naming pg_dump")
    func maintenance() throws {
        let url = try PostgresCluster.shared().database()
        let state = TestOffice.temporaryDirectory() + "/state"
        var huiwu = Binary(database: url)
        huiwu.extraEnvironment["HUIWU_STATE_DIR"] = state
        huiwu.extraEnvironment["HOME"] = TestOffice.temporaryDirectory()
        _ = try huiwu.json(["init"])

        let seeded = try #require(try huiwu.json(["demo", "seed"]) as? [String: Any])
        #expect((seeded["meetings"] as? Int ?? 0) >= 6)
        let item = try #require(try huiwu.json(["item", "add", "--title", "关于停车场建设的议题", "--lead", "CGW", "--as", "lijing"])
            as? [String: Any])
        let source = TestOffice.temporaryDirectory() + "/方案.txt"
        try "停车场建设方案".write(toFile: source, atomically: true, encoding: .utf8)
        let itemId = try #require(item["id"] as? Int)
        let added = try #require(try huiwu.json(["attach", "add", "--item", "\(itemId)", source, "--as", "lijing"]) as? [String: Any])
        #expect(added["status"] as? String == "ok")
        let attachmentId = try #require(added["id"] as? Int)
        let opened = try huiwu.run(["attach", "open", "\(attachmentId)", "--as", "lijing"])
        let copy = opened.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(opened.status == 0 && (try? String(contentsOfFile: copy, encoding: .utf8)) == "停车场建设方案", "\(opened.stdout)\(opened.stderr)")
        #expect(try huiwu.run(["attach", "verify"]).status == 0)

        let doctor = try huiwu.run(["doctor"])
        #expect(doctor.status == 0, "\(doctor.stdout)\(doctor.stderr)")
        #expect(doctor.stdout.contains("triggers") || doctor.stdout.contains("触发器"))

        let out = TestOffice.temporaryDirectory() + "/b.sqlite"
        let backup = try huiwu.run(["backup", "--out", out, "--lang", "en"])
        #expect(backup.status == 6 && backup.stderr.contains("pg_dump") && backup.stderr.contains("huiwu admin copy"))
        #expect(!FileManager.default.fileExists(atPath: out))
        // The office did its own work since the demo: removing it would lose that, and is refused.
        #expect(try huiwu.run(["demo", "remove"]).status != 0)
    }
}
