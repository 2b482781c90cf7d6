import Foundation
import HuiwuTestSupport
import MeetingKit
import MeetingStore
import Testing

/// Issue 18: the acts the whole-cycle walk does not reach, each through the real binary in
/// tmux with keys only: the batch planner, participants and invitees chosen in a picker,
/// cancelling a meeting (after a confirmation), an agenda item's preconditions, a
/// correction of signed minutes, exporting minutes, registering an absence, and an org-chart
/// edit. The walk uses no CLI; the records are read back with `--json` afterwards, as a check.
@Suite("Office chores in the terminal (tmux)", .slow, .serialized, .requires(Tmux.isAvailable, "tmux"))
struct OfficeChoresTmuxTests {
    /// The binary as the administrator (who may act as anyone with `@`), at `now`.
    static func terminal(_ office: TestOffice, now: String, environment extra: [String: String] = [:]) throws -> (Tmux, Binary) {
        var binary = Binary(database: office.path, now: now)
        binary.extraEnvironment = extra
        let tmux = try Tmux(command: [Binary.path, "--lang", "zh"], environment: binary.environment, rows: 40, columns: 120)
        try tmux.waitFor("1 日历")
        return (tmux, binary)
    }

    static func actAs(_ tmux: Tmux, _ login: String, _ name: String) throws {
        try tmux.send("@")
        try tmux.waitFor("您是谁？")
        try tmux.send(login, literal: true)
        try tmux.send("Enter")
        try tmux.waitFor("现在的身份：\(name)")
    }

    static func quit(_ tmux: Tmux) throws {
        for _ in 0..<5 { try tmux.send("Escape") }
        try tmux.send("q")
        try tmux.waitUntilDead()
    }

    @Test("the secretary plans the mayor's topical meetings for a month, invites a department head through the picker and a guest, and cancels one after confirming")
    func planInviteCancel() throws {
        let office = try TestOffice(admin: NSUserName())
        let (tmux, huiwu) = try OfficeChoresTmuxTests.terminal(office, now: "2026-03-02T08:00")
        try OfficeChoresTmuxTests.actAs(tmux, "lijing", "李静")

        // The batch planner: the range, a preview before anything is written, then saved.
        try tmux.send("1")
        try tmux.waitFor("会议日历")
        try tmux.send("B")
        try tmux.waitFor("批量安排例会")
        try tmux.send("Tab")
        for _ in 0..<10 { try tmux.send("BSpace") }
        try tmux.send("2026-03-02", literal: true)
        try tmux.send("Tab")
        for _ in 0..<10 { try tmux.send("BSpace") }
        try tmux.send("2026-03-31", literal: true)
        try tmux.send("Tab", "Tab", "Tab", "Enter")
        let preview = try tmux.waitFor("预览")
        #expect((try huiwu.json(["meeting", "list"]) as? [Any])?.isEmpty == true, "the preview writes nothing:\n\(preview)")
        try tmux.send("Enter")
        let planned = try tmux.waitFor("已安排")
        let meetings = try #require(try huiwu.json(["meeting", "list"]) as? [[String: Any]])
        #expect(meetings.count >= 4, "\(planned)")
        #expect(meetings.allSatisfy { $0["kind"] as? String == "topical" })

        // The first of them, from the home screen: a department head invited through the picker.
        for _ in 0..<3 { try tmux.send("Escape") }
        try tmux.waitFor("待我处理")
        try tmux.send("Enter")
        try tmux.waitFor("增加参会人员")  // the footer offers `i`
        try tmux.send("i")
        try tmux.waitFor("特邀嘉宾姓名")
        try tmux.send("Tab", "Enter")
        try tmux.send("handongmei", literal: true)
        try tmux.send("Space", "Enter")
        try tmux.waitFor("韩冬梅")
        try tmux.send("F2")
        try tmux.waitFor("已增加 1 人")
        // An invited guest from outside the government, typed into the same dialog.
        try tmux.send("i")
        try tmux.waitFor("特邀嘉宾姓名")
        try tmux.send("Tab", "Tab", "Tab")
        try tmux.send("王教授", literal: true)
        try tmux.send("Tab")
        try tmux.send("北京大学", literal: true)
        try tmux.send("F2")
        try tmux.waitFor("王教授")
        let first = try #require(meetings.compactMap { $0["id"] as? Int }.min())
        let shown = try huiwu.run(["meeting", "show", String(first), "--json"])
        #expect(shown.stdout.contains("handongmei"), "\(shown.stdout.prefix(400))")
        #expect(shown.stdout.contains("王教授") && shown.stdout.contains("北京大学"), "\(shown.stdout.suffix(600))")

        // Cancelling asks first (irreversible), then for the reason.
        try tmux.send("C")
        try tmux.waitFor("取消不可撤销")
        try tmux.send("y")
        try tmux.waitFor("取消原因")
        try tmux.send("议题未备齐", literal: true)
        try tmux.send("Enter")
        try tmux.waitFor("已取消")
        let after = try #require(try huiwu.json(["meeting", "list"]) as? [[String: Any]])
        #expect(after.first { $0["id"] as? Int == first }?["status"] as? String == "cancelled", "\(after.first ?? [:])")
        try OfficeChoresTmuxTests.quit(tmux)
    }

    @Test("a vice mayor registers her absence from Beijing; the administrator adds a person to the org chart")
    func absenceAndOrgChart() throws {
        let office = try TestOffice(admin: NSUserName())
        let (tmux, huiwu) = try OfficeChoresTmuxTests.terminal(office, now: "2026-03-02T09:00")

        // The org chart, as the administrator: a new department head of JW's.
        try tmux.send("7")
        try tmux.waitFor("组织机构")
        try tmux.send("n")
        try tmux.send("wangwu", literal: true)
        try tmux.send("Tab")
        try tmux.send("王五", literal: true)
        try tmux.send("Tab")
        let secretary = try #require(Role.allCases.firstIndex(of: .secretary))
        let head = try #require(Role.allCases.firstIndex(of: .departmentHead))
        for _ in 0..<(head - secretary) { try tmux.send("Down") }
        try tmux.send("Tab", "Enter")
        try tmux.send("JW", literal: true)
        try tmux.send("Enter", "F2")
        try tmux.waitFor("已保存 王五（wangwu）")
        let people = try #require(try huiwu.json(["people", "list"]) as? [[String: Any]])
        #expect(people.contains { $0["login"] as? String == "wangwu" && $0["name"] as? String == "王五" })
        for _ in 0..<3 { try tmux.send("Escape") }

        // Absences (section 8): the vice mayor registers a trip for tomorrow (R65).
        try OfficeChoresTmuxTests.actAs(tmux, "wangxiaoyan", "王晓燕")
        try tmux.send("8")
        try tmux.waitFor("离京登记")
        try tmux.send("n")
        try tmux.waitFor("登记离京（R65、R7）")
        try tmux.send("Tab", "Tab", "Tab", "Tab")
        try tmux.send("赴外省考察", literal: true)
        try tmux.send("F2")
        try tmux.waitFor("赴外省考察")
        let absences = try huiwu.run(["absence", "list", "--json"])
        #expect(absences.status == 0 && absences.stdout.contains("wangxiaoyan") && absences.stdout.contains("2026-03-03"), "\(absences.stdout)\(absences.stderr)")
        try OfficeChoresTmuxTests.quit(tmux)
    }

    @Test("the lead department's head confirms a precondition of a public-interest item (R19) from its page")
    func precondition() throws {
        let office = try TestOffice(admin: NSUserName())
        let item = try office.session("lijing").addItem(title: "关于调整中小学课后服务收费标准的议题", lead: "JW", related: ["WJW"], publicInterest: true,
                                                       category: 1, summary: "拟将课后服务收费标准由每课时3元调整为4元").id!
        try office.session("xuwenbo").submitItem(item)
        try office.session("handongmei").giveOpinion(item, department: "WJW", stance: .agree)
        try office.session("wangxiaoyan").approveItem(item)

        let (tmux, huiwu) = try OfficeChoresTmuxTests.terminal(office, now: "2026-03-02T09:00")
        try OfficeChoresTmuxTests.actAs(tmux, "xuwenbo", "许文博")
        try tmux.send("2")
        try tmux.waitFor("关于调整中小学课后服务收费标准的议题")
        try tmux.send("Enter")
        try tmux.waitFor("确认前置程序")  // the footer offers `R`
        try tmux.send("R")
        try tmux.waitFor("说明（如审查文号）")
        try tmux.send("Tab")
        try tmux.send("西教评〔2026〕3号", literal: true)
        try tmux.send("F2")
        try tmux.waitFor("西教评〔2026〕3号")
        let shown = try huiwu.run(["item", "show", String(item), "--json"])
        #expect(shown.stdout.contains("西教评〔2026〕3号"), "\(shown.stdout.prefix(600))")
        try OfficeChoresTmuxTests.quit(tmux)
    }

    @Test("the secretary exports signed minutes as text into [print] directory, then drafts their correction")
    func exportAndCorrect() throws {
        let office = try TestOffice(admin: NSUserName())
        let signed = try MinutesFixtures.signedWithDecisions(office)
        let home = TestOffice.temporaryDirectory()
        let directory = home + "/公文"
        try FileManager.default.createDirectory(atPath: home + "/config/huiwu", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try "[print]\ndirectory = \"\(directory)\"\n".write(toFile: home + "/config/huiwu/config.toml", atomically: true, encoding: .utf8)

        let (tmux, huiwu) = try OfficeChoresTmuxTests.terminal(office, now: "2026-03-04T09:00", environment: ["XDG_CONFIG_HOME": home + "/config"])
        try OfficeChoresTmuxTests.actAs(tmux, "lijing", "李静")
        try tmux.send("4")
        try tmux.waitFor("常务会议纪要〔2026〕1号")
        try tmux.send("Enter")
        try tmux.waitFor("打印/导出")
        try tmux.send("P")
        try tmux.waitFor("导出文本")
        try tmux.send("Down", "Down", "Enter")
        try tmux.waitFor("已生成")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory)
        let text = try #require(files.first { $0.hasSuffix(".txt") }, "\(files)")
        let body = try String(contentsOfFile: directory + "/" + text, encoding: .utf8)
        #expect(body.contains("会议纪要"), "\(body.prefix(300))")

        // A correction of the signed document: asked first, then opened as a new draft (R43).
        try tmux.waitFor("起草更正件")  // the menu closed itself: back on the signed minutes
        try tmux.send("D")
        try tmux.waitFor("更正件？")
        try tmux.send("y")
        try tmux.waitFor("编辑正文")
        let list = try #require(try huiwu.json(["minutes", "list"]) as? [[String: Any]])
        #expect(list.count == 2, "\(list)")
        #expect(list.contains { ($0["id"] as? Int).map(Int64.init) != signed.id && $0["state"] as? String == "draft" }, "\(list)")
        try OfficeChoresTmuxTests.quit(tmux)
    }
}
