import Foundation
import Testing
import HuiwuTestSupport

/// The scheduling acceptance criteria, run against the real binary with `--json`.
@Suite("Scheduling from the command line (R7, R38–R40, R61, R65)")
struct SchedulingCLITests {
    func office() throws -> (TestOffice, Binary) {
        let office = try TestOffice()
        return (office, Binary(database: office.path))
    }

    func objects(_ any: Any) -> [[String: Any]] { any as? [[String: Any]] ?? [] }

    @Test("the mayor's weekly topical meetings of 2026 on Mondays 09:00: no meeting in the week of 02-16 (skip shown), 02-23 → 02-24, 10-05 → 10-08, numbers consecutive")
    func weeklyTopical() throws {
        let (_, huiwu) = try office()
        let plan = try huiwu.json(["meeting", "plan", "--kind", "topical", "--from", "2026-01-01", "--to", "2026-12-31",
                                   "--weekday", "mon", "--time", "09:00"]) as! [String: Any]
        #expect(plan["created"] as? Int == 51)
        #expect(plan["skipped"] as? Int == 1)
        let occurrences = objects(plan["occurrences"]!)
        let skip = try #require(occurrences.first { $0["periodFrom"] as? String == "2026-02-16" })
        #expect(skip["outcome"] as? String == "skipped")
        #expect(skip["meeting"] == nil)
        let text = try huiwu.run(["meeting", "plan", "--kind", "topical", "--from", "2026-02-01", "--to", "2026-02-28", "--dry-run", "--lang", "en"])
        #expect(text.stdout.contains("SKIPPED"))

        let meetings = objects(try huiwu.json(["meeting", "list", "--kind", "topical", "--from", "2026-01-01", "--to", "2026-12-31"]))
        let starts = meetings.compactMap { $0["start"] as? String }
        #expect(!starts.contains { $0 >= "2026-02-16" && $0 < "2026-02-23" })
        #expect(starts.contains("2026-02-24T09:00"))
        #expect(!starts.contains { $0.hasPrefix("2026-02-23") })
        #expect(starts.contains("2026-10-08T09:00"))
        #expect(!starts.contains { $0.hasPrefix("2026-10-05") })
        #expect(meetings.compactMap { $0["number"] as? Int } == Array(1...51))
    }

    @Test("executive meetings planned every two weeks from 2026-01-05 land on working days only; holidays list shows 02-14 and 10-10 as adjusted working days")
    func executiveAndHolidays() throws {
        let (_, huiwu) = try office()
        let holidays = try huiwu.json(["holidays", "list", "2026"]) as! [String: Any]
        let days = objects(holidays["days"]!)
        let adjusted = Set(days.filter { $0["kind"] as? String == "adjustedWorkingDay" }.compactMap { $0["day"] as? String })
        #expect(adjusted.isSuperset(of: ["2026-02-14", "2026-10-10"]))
        let text = try huiwu.run(["holidays", "list", "2026"])
        #expect(text.stdout.contains("2026-02-14  周六  调休上班"))
        #expect(text.stdout.contains("2026-10-10  周六  调休上班"))
        let off = Set(days.filter { $0["kind"] as? String == "holiday" }.compactMap { $0["day"] as? String })

        _ = try huiwu.json(["meeting", "plan", "--kind", "executive", "--from", "2026-01-05", "--to", "2026-12-31", "--weekday", "mon"])
        let meetings = objects(try huiwu.json(["meeting", "list", "--kind", "executive"]))
        #expect(meetings.count == 26)
        for m in meetings {
            let start = m["start"] as! String
            let day = String(start.prefix(10))
            #expect(!off.contains(day), "\(start) is a holiday")
            let weekday = Calendar(identifier: .gregorian).component(.weekday, from: ISO8601DateFormatter().date(from: day + "T12:00:00Z")!)
            #expect(weekday != 1 && weekday != 7, "\(start) is a weekend day")
        }
    }

    @Test("R7: with the mayor away from Beijing, the executive meeting's chair is the EVM, visible in meeting show")
    func mayorAway() throws {
        let (_, huiwu) = try office()
        let m = try huiwu.json(["meeting", "add", "--kind", "executive", "--at", "2026-03-12T09:00"]) as! [String: Any]
        let id = String(m["id"] as! Int)
        #expect(m["chair"] as? String == "zhoulixin")
        _ = try huiwu.json(["absence", "add", "--person", "zhoulixin", "--from", "2026-03-11", "--to", "2026-03-13", "--reason", "赴外省考察"])
        let shown = try huiwu.json(["meeting", "show", id]) as! [String: Any]
        #expect(shown["chair"] as? String == "chenhaifeng")
        #expect(shown["chairDelegation"] as? String == "mayorAway")
        let text = try huiwu.run(["meeting", "show", id])
        #expect(text.stdout.contains("主持：陈海峰 (chenhaifeng) — 区长离京，由常务副区长主持（R7）"))
    }

    @Test("R61: a vice mayor's topical meeting in the government's name cannot be notified until the mayor approves")
    func approval() throws {
        let (office, huiwu) = try office()
        let m = try huiwu.json(["meeting", "add", "--kind", "topical", "--at", "2026-03-10T14:00", "--title", "老旧小区改造",
                                "--departments", "CGW,ZJW", "--as", "zhaojianguo"]) as! [String: Any]
        let id = String(m["id"] as! Int)
        #expect(m["approval"] as? String == "awaiting")
        let events = try office.auditCount()
        let refused = try huiwu.run(["meeting", "notify", id])
        #expect(refused.status == 3)
        #expect(refused.stderr.contains("R61"))
        let notMayor = try huiwu.run(["meeting", "approve", id, "--as", "chenhaifeng"])
        #expect(notMayor.status == 3)
        #expect(notMayor.stderr.contains("R61"))
        // The meeting is unchanged; the refused approval is audited (docs/reliability.md).
        #expect(try office.auditActions(since: events) == ["refused.meeting.approve"])
        #expect(try office.session().meeting(Int64(id)!).approval == .awaiting)
        _ = try huiwu.json(["meeting", "approve", id, "--as", "lijing", "--on-behalf-of", "zhoulixin"])
        let notified = try huiwu.json(["meeting", "notify", id]) as! [String: Any]
        #expect(notified["status"] as? String == "notified")
    }

    @Test("conflicts are reported for a double-booked member and for a registered absence, in --json")
    func conflicts() throws {
        let (_, huiwu) = try office()
        _ = try huiwu.json(["meeting", "add", "--kind", "topical", "--at", "2026-03-05T09:30", "--chair", "wangxiaoyan",
                            "--not-in-government-name"])
        _ = try huiwu.json(["absence", "add", "--person", "sunmingyuan", "--from", "2026-03-05", "--to", "2026-03-05", "--reason", "出访", "--kind", "visit"])
        let m = try huiwu.json(["meeting", "add", "--kind", "executive", "--at", "2026-03-05T09:00"]) as! [String: Any]
        let conflicts = objects(m["conflicts"]!)
        #expect(conflicts.contains { $0["kind"] as? String == "personDoubleBooked" && $0["person"] as? String == "wangxiaoyan" })
        #expect(conflicts.contains { $0["kind"] as? String == "absence" && $0["person"] as? String == "sunmingyuan" })
        let text = try huiwu.run(["meeting", "show", String(m["id"] as! Int), "--lang", "en"])
        #expect(text.stdout.contains("⚠ conflict: 王晓燕 (wangxiaoyan) is also in Topical meeting"))
    }

    @Test("cancelling a meeting renumbers the later unheld ones, with the reason kept")
    func cancel() throws {
        let (_, huiwu) = try office()
        let ids = try ["2026-03-05T09:00", "2026-03-19T09:00", "2026-04-02T09:00"].map {
            (try huiwu.json(["meeting", "add", "--kind", "executive", "--at", $0]) as! [String: Any])["id"] as! Int
        }
        let cancelled = try huiwu.json(["meeting", "cancel", String(ids[0]), "--reason", "议题不足"]) as! [String: Any]
        #expect(cancelled["status"] as? String == "cancelled")
        #expect(cancelled["statusReason"] as? String == "议题不足")
        let numbers = objects(try huiwu.json(["meeting", "list", "--kind", "executive"])).map { $0["number"] as? Int }
        #expect(numbers == [nil, 1, 2])
        let moved = try huiwu.json(["meeting", "move", String(ids[2]), "--at", "2026-04-03T09:00", "--reason", "区长另有安排"]) as! [String: Any]
        #expect(moved["status"] as? String == "postponed")
        let shown = try huiwu.json(["meeting", "show", String(ids[2])]) as! [String: Any]
        #expect(objects(shown["moves"]!).first?["from"] as? String == "2026-04-02T09:00")
    }

    @Test("bad input is refused with a clear message, a non-zero exit and nothing written", arguments: [
        (["meeting", "add", "--kind", "topical", "--at", "2026-02-30T09:00"], "2026-02-30"),
        (["meeting", "add", "--kind", "topical", "--at", "2026-03-03T09:00", "--chair", "nobody"], "nobody"),
        (["meeting", "add", "--kind", "weekly", "--at", "2026-03-03T09:00"], "weekly"),
        (["meeting", "plan", "--kind", "executive", "--from", "2026-06-01", "--to", "2026-01-01"], "2026-01-01"),
        (["meeting", "plan", "--kind", "topical", "--from", "2026-01-01", "--to", "2026-12-31", "--weekday", "sat"], "weekend"),
        (["absence", "add", "--person", "ghost", "--from", "2026-03-01", "--to", "2026-03-02", "--reason", "x"], "ghost"),
        (["meeting", "add", "--kind", "topical", "--at", "2026-03-03T09:00", "--title", "bad\u{1B}[31mtitle"], "control"),
        (["meeting", "show", "999"], "999"),
        (["calendar", "export", "--from", "2026-03-31", "--to", "2026-03-01", "--out", "/tmp/never.ics"], "2026-03-01"),
    ])
    func badInput(args: [String], mentions: String) throws {
        let (office, huiwu) = try office()
        let events = try office.auditCount()
        let result = try huiwu.run(args + ["--lang", "en"])
        #expect(result.status != 0)
        #expect(!result.crashed)
        #expect(result.stderr.contains(mentions), "stderr: \(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(try office.auditCount() == events)
    }

    @Test("a malformed holidays file is refused and nothing is written; a year without data plans with a warning")
    func holidayFiles() throws {
        let (office, huiwu) = try office()
        let file = TestOffice.temporaryDirectory() + "/2027.json"
        try #"{"year": 2027, "source": "x", "holidays": [{"name": "春节", "nameEn": "Spring Festival", "from": "2027-02-12"}], "workdays": []}"#
            .write(toFile: file, atomically: true, encoding: .utf8)
        let events = try office.auditCount()
        let bad = try huiwu.run(["holidays", "import", file, "--lang", "en"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("holidays[0].to"))
        #expect(try office.auditCount() == events)

        let plan = try huiwu.run(["meeting", "plan", "--kind", "topical", "--from", "2027-01-01", "--to", "2027-01-31", "--lang", "en"])
        #expect(plan.status == 0)
        #expect(plan.stderr.contains("no holiday data for 2027: weekends only"))
        let json = try huiwu.json(["holidays", "list", "2027"]) as! [String: Any]
        #expect(json["hasData"] as? Bool == false)
    }
}
