import Testing
import MeetingKit
import MeetingStore
@testable import MeetingTUI
import HuiwuTestSupport

@Suite("Roster, leave queue, leave report and statistics screens")
struct AttendanceScreenTests {
    let office: TestOffice
    let meetingId: Int64

    /// An executive meeting on 2026-03-05 09:00 with a vice mayor's approved leave (and a
    /// substitute-free absence), a department head's approved leave with a substitute, and a
    /// street director's pending request.
    init() throws {
        office = try TestOffice()
        meetingId = try office.session().addMeeting(kind: .executive, start: AttendanceFixtures.at("2026-03-05T09:00")).id!
        let vm = try office.session("wangxiaoyan").requestLeave(meetingId: meetingId, reason: "赴雄安调研")
        try office.session("zhoulixin").approveLeave(vm.id!)
        let head = try office.session("lijing").requestLeave(meetingId: meetingId, person: "gaozhiqiang", reason: "市发改委会议", substitute: "zhangyuhang")
        try office.session("yangwentao").approveLeave(head.id!)
        try office.session("fangweiguo").requestLeave(meetingId: meetingId, reason: "街道应急值守")
    }

    func harness(_ login: String, now: String = "2026-03-05T09:05", lang: Lang = .zh, rows: Int = 24, root: (any Screen)? = nil) throws -> ScreenHarness {
        ScreenHarness(session: try office.session(login, now: now), lang: lang, rows: rows, columns: 80, root: root)
    }

    @Test("the roster shows members, sit-ins and invitees with a status column; one key marks and moves on")
    func rosterSignIn() throws {
        var h = try harness("lijing", root: RosterScreen(meetingId: meetingId))
        h.press(.char("p"))                                 // 周立新 present
        h.press(.char("l")); h.type("15"); h.press(.enter)  // 陈海峰 late 15
        h.press(.enter, .char("3"), .function(2))           // 郭振华 absent without leave (Enter: any mark)
        h.press(.down, .down, .down)                        // past 刘思琪, 马丽萍, 孙明远
        h.press(.enter, .char("4"), .function(2))           // 王晓燕 on approved leave
        Snapshot.assert(h.text, named: "roster-signin-zh")
        let roster = try office.session().roster(meetingId: meetingId)
        #expect(roster.lines.map(\.person).prefix(7) == ["zhoulixin", "chenhaifeng", "guozhenhua", "liusiqi", "maliping", "sunmingyuan", "wangxiaoyan"])
        #expect(roster.lines.map(\.status).prefix(7) == [.present, .late, .absent, nil, nil, nil, .leave])
        #expect(roster.lines[1].lateMinutes == 15)
        #expect(roster.lines[2].absentWithoutLeave)
        #expect(roster.lines[6].marked)
        #expect(h.text.contains("› 赵建国"))
    }

    @Test("the roster before the meeting: approved leave with its substitute, pending leave, in English")
    func rosterBeforeTheMeeting() throws {
        var h = try harness("lijing", now: "2026-03-02T09:00", lang: .en, root: RosterScreen(meetingId: meetingId))
        for _ in 0..<8 { h.press(.down) }
        Snapshot.assert(h.text, named: "roster-before-en")
        // Sign-in opens on the day of the meeting.
        h.press(.char("p"))
        #expect(h.text.contains("sign-in opens on the day of the meeting"))
    }

    @Test("a refused mark shows on the status line and the cursor stays")
    func refusedMark() throws {
        var h = try harness("lijing", root: RosterScreen(meetingId: meetingId))
        h.press(.enter, .char("4"), .function(2))  // 周立新 has no approved leave
        #expect(h.text.contains("R42: 没有已批准的请假"))
        #expect(try office.session().roster(meetingId: meetingId).markedCount == 0)
        h.press(.escape, .escape)  // the first Esc asks (typed input), the second closes the form; nothing was marked
        h.press(.char("p"))
        #expect(try office.session().roster(meetingId: meetingId).lines[0].status == .present)
    }

    @Test("substitute: the approved leave's substitute is offered in the mark form")
    func substituteKey() throws {
        var h = try harness("lijing", root: RosterScreen(meetingId: meetingId))
        let index = try office.session().roster(meetingId: meetingId).lines.firstIndex { $0.person == "gaozhiqiang" }!
        for _ in 0..<index { h.press(.down) }
        h.press(.enter, .char("5"), .function(2))
        let line = try office.session().roster(meetingId: meetingId).lines[index]
        #expect(line.status == .substitute)
        #expect(line.substitute == "zhangyuhang")
    }

    @Test("the office's leave request dialog files a request for the selected person, and says whom it waits for")
    func requestDialog() throws {
        var h = try harness("lijing", now: "2026-03-02T09:00", root: RosterScreen(meetingId: meetingId))
        h.press(.down)  // 陈海峰
        h.press(.char("v"))
        #expect(h.text.contains("请假申请（R42）") && h.text.contains("陈海峰"))
        h.press(.tab)
        h.type("出席市政府会议")
        h.press(.function(2))
        #expect(h.text.contains("已提交 陈海峰 的请假，待 周立新 批准（R42）"))
        let request = try #require(try office.session().leaveRequests(meetingId: meetingId).first { $0.person == "chenhaifeng" })
        #expect(request.reason == "出席市政府会议")
        #expect(request.approver == "zhoulixin")
        #expect(h.text.contains("请假待批"))
    }

    @Test("the approver's queue lists only what they decide; approve asks first, reject asks why")
    func queue() throws {
        let head2 = try office.session("xuwenbo").requestLeave(meetingId: meetingId, reason: "市教委会议")
        var h = try harness("yangwentao", now: "2026-03-02T09:00", root: LeaveScreen())
        Snapshot.assert(h.text, named: "leave-queue-zh")
        h.press(.char("a"))
        #expect(h.text.contains("批准 方卫国 的请假？"))
        h.press(.char("y"))
        #expect(try office.session().leaveLine(head2.id! - 1).status == .approved)
        h.press(.char("x"))
        h.type("议题涉及本部门")
        h.press(.enter)
        let rejected = try office.session().leaveLine(head2.id!)
        #expect(rejected.status == .rejected)
        #expect(rejected.decisionReason == "议题涉及本部门")
        #expect(h.text.contains("没有待审批的请假"))
    }

    @Test("the compiled report as a screen; the mayor opening it from the home screen marks it read")
    func reportScreen() throws {
        let report = try harness("lijing", now: "2026-03-02T14:00", root: LeaveReportScreen(meetingId: meetingId))
        Snapshot.assert(report.text, named: "leave-report-zh")
        var home = try harness("zhoulixin", now: "2026-03-02T14:00")
        #expect(home.text.contains("请假汇总"))
        home.press(.tab)       // the waiting pane
        home.press(.enter)     // the unread report
        #expect(home.text.contains("请假汇总报告（报区长）"))
        #expect(try office.session().leaveReport(meetingId: meetingId).readByMayor)
        home.press(.escape)
        #expect(!home.text.contains("请假汇总"))
    }

    @Test("from the home screen: r opens the selected meeting's roster, 3 the leave section with the queue")
    func homeKeys() throws {
        var h = try harness("yangwentao", now: "2026-03-02T09:00")
        h.press(.char("r"))
        #expect(h.text.contains("第1次区政府常务会议 · 名单与签到"))
        h.press(.escape)
        h.press(.char("3"))
        #expect(h.text.contains("待我审批"))
        #expect(h.text.contains("方卫国"))
        h.press(.char("#"))
        #expect(h.text.contains("出勤统计"))
    }

    @Test("Enter on a waiting leave request opens the queue on it; deciding there clears it from the home screen")
    func waitingEntryOpensTheQueue() throws {
        let second = try office.session("xuwenbo").requestLeave(meetingId: meetingId, reason: "市教委会议")
        var h = try harness("yangwentao", now: "2026-03-02T09:00")
        #expect(h.text.contains("请假待批"))
        h.press(.tab, .down, .enter)  // the second waiting entry: 许文博
        #expect(h.text.contains("› 03-05 09:00  许文博"))
        h.press(.char("a"), .char("y"))
        #expect(try office.session().leaveLine(second.id!).status == .approved)
        h.press(.escape)
        #expect(h.text.contains("方卫国"))
        #expect(!h.text.contains("许文博"))
    }

    @Test("the statistics table for a quarter, by person, department and kind")
    func statsTable() throws {
        let quarter = try TestOffice()
        try AttendanceFixtures.seedQuarter(quarter)
        var h = ScreenHarness(session: try quarter.session("lijing", now: "2026-03-31T18:00"), lang: .zh, rows: 24, columns: 80,
                              root: AttendanceStatsScreen(around: Day(iso: "2026-03-31")!))
        let people = h.text
        #expect(people.contains("2026-01-01 至 2026-03-31 · 3 次会议 · 按人员"))
        #expect(people.contains("未请假缺席 3 人次"))
        h.press(.tab)
        #expect(h.text.contains("区教委"))
        h.press(.tab)
        Snapshot.assert(h.text, named: "attendance-stats-kinds-zh")
        h.press(.right)
        #expect(h.text.contains("2026-04-01 至 2026-06-30 · 1 次会议"))
    }
}
