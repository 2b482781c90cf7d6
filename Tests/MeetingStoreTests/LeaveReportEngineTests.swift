import Testing
import MeetingKit
import MeetingStore
import HuiwuTestSupport

/// R42: 由区政府办公室汇总后向区长报告 — the office compiles leave into one report for the mayor.
@Suite("Compiled leave report (R42) on both engines")
struct LeaveReportEngineTests {
    let office: TestOffice
    let meetingId: Int64

    /// Three requests: a vice mayor's approved by the mayor, a department head's rejected by the
    /// office director (recorded by a secretary), a street director's still pending.
    init(_ engine: StoreEngine) throws {
        office = try TestOffice(engine)
        meetingId = try office.session().addMeeting(kind: .executive, start: AttendanceFixtures.at("2026-03-05T09:00")).id!
        let vm = try office.session("wangxiaoyan").requestLeave(meetingId: meetingId, reason: "赴雄安调研")
        try office.session("zhoulixin", now: "2026-03-02T10:15").approveLeave(vm.id!)
        let head = try office.session("lijing").requestLeave(meetingId: meetingId, person: "xuwenbo", reason: "市教委工作会", substitute: "zhangyuhang")
        try office.session("lijing", onBehalfOf: "yangwentao", now: "2026-03-02T11:00").rejectLeave(head.id!, reason: "议题涉及本部门，须到会")
        try office.session("fangweiguo").requestLeave(meetingId: meetingId, reason: "街道应急值守")
    }

    @Test("the report shows the approved, the rejected and the unanswered request, in Chinese", arguments: ScratchDatabase.engines)
    static func chinese(engine: StoreEngine) throws { try Self(engine).chinese() }
    func chinese() throws {
        let report = try office.session("lijing", now: "2026-03-02T14:00").leaveReport(meetingId: meetingId)
        #expect(report.lines(.zh) == [
            "请假汇总报告（报区长）",
            "会议：第1次区政府常务会议（2026-03-05 周四 09:00）",
            "汇总时间：2026-03-02 14:00",
            "共 3 人请假：已批准 1，不予批准 1，待答复 1",
            "",
            "【已批准】",
            "1. 王晓燕 · 副区长（出席）",
            "   事由：赴雄安调研",
            "   代会人员：—",
            "   审批：周立新，2026-03-02 10:15",
            "",
            "【不予批准】",
            "2. 许文博 · 部门主要负责人 · 区教委（列席）",
            "   事由：市教委工作会",
            "   代会人员：张宇航（zhangyuhang）",
            "   审批：杨文涛（李静 代录），2026-03-02 11:00",
            "   不予批准理由：议题涉及本部门，须到会",
            "",
            "【待答复】",
            "3. 方卫国 · 街道办事处主任 · 西长安街街道（列席）",
            "   事由：街道应急值守",
            "   代会人员：—",
            "   待 杨文涛 审批",
        ])
        #expect(report.unanswered.map(\.person) == ["fangweiguo"])
    }

    @Test("the same report in English", arguments: ScratchDatabase.engines)
    static func english(engine: StoreEngine) throws { try Self(engine).english() }
    func english() throws {
        let report = try office.session("lijing", now: "2026-03-02T14:00").leaveReport(meetingId: meetingId)
        #expect(report.lines(.en) == [
            "Leave report for the mayor",
            "Meeting: Executive meeting No. 1 (2026-03-05 Thu 09:00)",
            "Compiled: 2026-03-02 14:00",
            "3 requests: 1 approved, 1 rejected, 1 unanswered",
            "",
            "[Approved]",
            "1. 王晓燕 · Vice mayor (member)",
            "   Reason: 赴雄安调研",
            "   Substitute: —",
            "   Decided by 周立新, 2026-03-02 10:15",
            "",
            "[Rejected]",
            "2. 许文博 · Department head · 区教委 (sits in)",
            "   Reason: 市教委工作会",
            "   Substitute: 张宇航（zhangyuhang）",
            "   Decided by 杨文涛 (recorded by 李静), 2026-03-02 11:00",
            "   Reason for rejecting: 议题涉及本部门，须到会",
            "",
            "[Unanswered]",
            "3. 方卫国 · Street director · 西长安街街道 (sits in)",
            "   Reason: 街道应急值守",
            "   Substitute: —",
            "   Waiting for 杨文涛",
        ])
    }

    @Test("the mayor's waiting list shows the unread report; reading it marks it, a change makes it unread again")
    static func readMarks() throws { try Self(.sqlite).readMarks() }
    func readMarks() throws {
        let mayor = try office.session("zhoulixin")
        #expect(try mayor.homeSnapshot().waiting.map(\.ref) == [.leaveReport(meetingId)])
        // Someone else viewing it does not mark it read.
        _ = try office.session("lijing").leaveReport(meetingId: meetingId)
        #expect(try mayor.homeSnapshot().waiting.map(\.ref) == [.leaveReport(meetingId)])
        let count = try office.auditCount()
        let report = try mayor.leaveReport(meetingId: meetingId)
        #expect(report.readByMayor)
        #expect(try office.auditCount() == count + 1)
        #expect(try mayor.auditEvents(limit: 1).first?.action == "leave.report.read")
        #expect(try mayor.homeSnapshot().waiting.isEmpty)
        // Reading again writes nothing.
        _ = try mayor.leaveReport(meetingId: meetingId)
        #expect(try office.auditCount() == count + 1)
        // A decision changes the report: it waits for the mayor again.
        let pending = try mayor.leaveRequests(meetingId: meetingId, status: .pending).first!
        try office.session("yangwentao").approveLeave(pending.id)
        #expect(try mayor.homeSnapshot().waiting.map(\.ref) == [.leaveReport(meetingId)])
    }
}
