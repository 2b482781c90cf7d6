import Foundation
import Testing
import MeetingKit
import MeetingStore
import HuiwuTestSupport

/// `huiwu leave …` and `huiwu attendance …` from the outside, as scripts use them.
@Suite("Leave and attendance commands")
struct LeaveCLITests {
    let office: TestOffice
    let binary: Binary
    let meetingId: Int64

    init() throws {
        office = try TestOffice()
        binary = Binary(database: office.path)
        meetingId = try office.session().addMeeting(kind: .executive, start: AttendanceFixtures.at("2026-03-05T09:00")).id!
    }

    @Test("request, approve and list: items carry the status and the approver's login")
    func requestApproveList() throws {
        let created = try #require(try binary.json(["leave", "request", "--meeting", "\(meetingId)", "--reason", "赴外地调研", "--as", "wangxiaoyan"]) as? [String: Any])
        let id = try #require(created["id"] as? Int)
        #expect(created["status"] as? String == "pending")
        #expect(created["approver"] as? String == "zhoulixin")
        _ = try binary.json(["leave", "request", "--meeting", "\(meetingId)", "--person", "xuwenbo", "--reason", "市教委会议", "--as", "lijing"])

        let wrong = try binary.run(["leave", "approve", "\(id)", "--as", "yangwentao"])
        #expect(wrong.status == 3)
        #expect(wrong.stderr.hasPrefix("huiwu: R42: "))
        #expect(wrong.stderr.split(separator: "\n").count == 1)

        let approved = try #require(try binary.json(["leave", "approve", "\(id)", "--as", "zhoulixin"]) as? [String: Any])
        #expect(approved["status"] as? String == "approved")

        let list = try #require(try binary.json(["leave", "list", "--meeting", "\(meetingId)"]) as? [[String: Any]])
        #expect(list.map { $0["status"] as? String } == ["approved", "pending"])
        #expect(list.map { $0["approver"] as? String } == ["zhoulixin", "yangwentao"])
        #expect(list.map { $0["person"] as? String } == ["wangxiaoyan", "xuwenbo"])
        let pending = try #require(try binary.json(["leave", "list", "--status", "pending"]) as? [[String: Any]])
        #expect(pending.count == 1)

        let rejected = try binary.run(["leave", "reject", "\(pending[0]["id"] as! Int)", "--reason", "须到会", "--as", "lijing", "--on-behalf-of", "yangwentao", "--lang", "en"])
        #expect(rejected.status == 0)
        #expect(rejected.stdout.hasPrefix("rejected: #"))
        let event = try office.session().auditEvents(limit: 1)[0]
        #expect(event.actor == "lijing" && event.onBehalfOf == "yangwentao" && event.action == "leave.reject")
    }

    @Test("a late request is refused (exit 3, R42) unless the approver overrides; the override is audited")
    func lateOverride() throws {
        var late = binary
        late.now = "2026-03-05T09:20"
        let before = try office.auditCount()
        let refused = try late.run(["leave", "request", "--meeting", "\(meetingId)", "--reason", "急事", "--as", "xuwenbo"])
        #expect(refused.status == 3)
        #expect(refused.stderr.contains("R42"))
        #expect(try office.auditCount() == before)
        let accepted = try #require(try late.json(["leave", "request", "--meeting", "\(meetingId)", "--person", "xuwenbo", "--reason", "急事",
                                                    "--override", "会前已电话请假", "--as", "yangwentao"]) as? [String: Any])
        #expect(accepted["overrideReason"] as? String == "会前已电话请假")
        let audit = try binary.run(["audit", "list", "--limit", "2", "--json"])
        #expect(audit.stdout.contains("leave.override"))
        #expect(audit.stdout.contains("会前已电话请假"))
    }

    @Test("the compiled report prints in Chinese and English, and as JSON")
    func report() throws {
        let vm = try office.session("wangxiaoyan").requestLeave(meetingId: meetingId, reason: "调研")
        try office.session("zhoulixin").approveLeave(vm.id!)
        let head = try office.session("xuwenbo").requestLeave(meetingId: meetingId, reason: "会议")
        try office.session("yangwentao").rejectLeave(head.id!, reason: "须到会")
        try office.session("fangweiguo").requestLeave(meetingId: meetingId, reason: "值守")
        let zh = try binary.run(["leave", "report", "--meeting", "\(meetingId)"])
        #expect(zh.status == 0)
        #expect(zh.stdout.contains("共 3 人请假：已批准 1，不予批准 1，待答复 1"))
        #expect(zh.stdout.contains("【待答复】\n3. 方卫国"))
        let en = try binary.run(["leave", "report", "--meeting", "\(meetingId)", "--lang", "en"])
        #expect(en.stdout.contains("3 requests: 1 approved, 1 rejected, 1 unanswered"))
        #expect(en.stdout.contains("Decided by 周立新, 2026-03-02 09:00"))
        let json = try #require(try binary.json(["leave", "report", "--meeting", "\(meetingId)"]) as? [String: Any])
        let entries = try #require(json["entries"] as? [[String: Any]])
        #expect(entries.map { $0["status"] as? String } == ["approved", "rejected", "pending"])
        #expect(json["readByMayor"] as? Bool == false)
        // The mayor reading it marks it read.
        _ = try binary.run(["leave", "report", "--meeting", "\(meetingId)", "--as", "zhoulixin"])
        let again = try #require(try binary.json(["leave", "report", "--meeting", "\(meetingId)"]) as? [String: Any])
        #expect(again["readByMayor"] as? Bool == true)
    }

    @Test("attendance mark and show; bad input gets a specific message")
    func markAndShow() throws {
        var door = binary
        door.now = "2026-03-05T09:05"
        #expect(try door.run(["attendance", "mark", "\(meetingId)", "--person", "xuwenbo", "--status", "late", "--late-minutes", "12", "--as", "lijing"]).status == 0)
        #expect(try door.run(["attendance", "mark", "\(meetingId)", "--person", "handongmei", "--status", "absent", "--as", "lijing"]).status == 0)
        let noLeave = try door.run(["attendance", "mark", "\(meetingId)", "--person", "fangweiguo", "--status", "leave", "--as", "lijing"])
        #expect(noLeave.status == 3 && noLeave.stderr.contains("R42"))
        let badStatus = try door.run(["attendance", "mark", "\(meetingId)", "--person", "fangweiguo", "--status", "asleep", "--as", "lijing"])
        #expect(badStatus.status != 0 && badStatus.stderr.contains("asleep"))
        let shown = try #require(try door.json(["attendance", "show", "\(meetingId)"]) as? [String: Any])
        let lines = try #require(shown["lines"] as? [[String: Any]])
        let xu = try #require(lines.first { $0["person"] as? String == "xuwenbo" })
        #expect(xu["status"] as? String == "late")
        #expect(xu["lateMinutes"] as? Int == 12)
        let han = try #require(lines.first { $0["person"] as? String == "handongmei" })
        #expect(han["absentWithoutLeave"] as? Bool == true)
        let text = try door.run(["attendance", "show", "\(meetingId)"])
        #expect(text.stdout.contains("缺席（未请假）"))
        #expect(text.stdout.contains("迟到 12 分钟"))
    }

    @Test("attendance stats over a quarter as JSON and text; malformed dates and kinds are refused")
    func stats() throws {
        try AttendanceFixtures.seedQuarter(office)
        let json = try #require(try binary.json(["attendance", "stats", "--from", "2026-01-01", "--to", "2026-03-31"]) as? [String: Any])
        #expect(json["meetings"] as? Int == 4)  // the three seeded meetings and this suite's 2026-03-05 one
        let people = try #require(json["people"] as? [[String: Any]])
        let xu = try #require(people.first { $0["key"] as? String == "xuwenbo" })
        #expect(xu["recorded"] as? Int == 3)
        #expect(xu["rate"] as? Double == 2.0 / 3.0)
        let absences = try #require(json["absencesWithoutLeave"] as? [[String: Any]])
        #expect(absences.count == 3)
        let jw = try #require(try binary.json(["attendance", "stats", "--from", "2026-01-01", "--to", "2026-03-31", "--dept", "JW", "--kind", "executive"]) as? [String: Any])
        #expect((jw["people"] as? [[String: Any]])?.map { $0["key"] as? String } == ["xuwenbo"])
        let text = try binary.run(["attendance", "stats", "--from", "2026-01-01", "--to", "2026-03-31", "--lang", "en"])
        #expect(text.stdout.contains("Absences without leave: 3"))
        #expect(text.stdout.contains("66.7%"))
        let badDate = try binary.run(["attendance", "stats", "--from", "2026-02-30", "--to", "2026-03-31"])
        #expect(badDate.status == 2 && badDate.stderr.contains("2026-02-30"))
        let badKind = try binary.run(["attendance", "stats", "--from", "2026-01-01", "--to", "2026-03-31", "--kind", "party"])
        #expect(badKind.status == 2)
        let badDept = try binary.run(["attendance", "stats", "--from", "2026-01-01", "--to", "2026-03-31", "--dept", "NOPE"])
        #expect(badDept.status == 4)
    }

    @Test("text with escape sequences is refused and never echoed raw")
    func escapes() throws {
        let r = try binary.run(["leave", "request", "--meeting", "\(meetingId)", "--reason", "x\u{1B}]0;pwned\u{07}", "--as", "xuwenbo"])
        #expect(r.status == 2)
        #expect(!r.stderr.contains("\u{1B}"))
    }
}
