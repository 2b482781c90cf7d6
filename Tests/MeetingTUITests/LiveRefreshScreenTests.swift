import Testing
import HuiwuTestSupport
@testable import MeetingKit
@testable import MeetingStore
@testable import MeetingTUI

private func at(_ s: String) -> LocalDateTime { LocalDateTime(iso: s)! }

/// Another user changes records while a screen is open: the live refresh (``AppModel/reloadTop()``,
/// what the terminal loop calls when `PRAGMA data_version` moves) keeps the cursor on the same
/// record, and a dialog opened before the change saves with the version it read, so it is
/// refused ("changed by …, reload") instead of overwriting the other user's change.
@Suite("Live refresh: cursors stay on their record, dialogs keep the version they read")
struct LiveRefreshScreenTests {
    @Test("a move dialog opened before another user moved the meeting is refused on save, naming that user")
    func staleMoveDialog() throws {
        let office = try TestOffice()
        let id = try office.session("lijing").addMeeting(kind: .executive, start: at("2026-03-12T09:00")).id!
        var ui = ScreenHarness(session: try office.session("zhangyuhang", now: "2026-03-02T10:30"), lang: .en, root: MeetingDetailScreen(id: id))
        ui.press(.char("m"))
        try office.session("lijing", now: "2026-03-02T10:25").moveMeeting(id, to: at("2026-03-13T09:00"), reason: "区长出席市里会议")
        ui.model.reloadTop()  // the live refresh: the detail shows the new time, the dialog stays open
        #expect(ui.text.contains("2026-03-13"))
        for _ in 0..<16 { ui.press(.backspace) }
        ui.type("2026-03-19T09:00")
        ui.press(.enter, .enter, .enter)
        #expect(ui.text.contains("changed by 李静 (lijing) at 2026-03-02 10:25"), "\(ui.text)")
        #expect(try office.session().meeting(id).start == at("2026-03-13T09:00"))
        // Reopened on the current version, the same move goes through.
        ui.press(.escape, .escape, .char("m"))  // Esc asks before dropping the typed time, Esc again drops it
        for _ in 0..<16 { ui.press(.backspace) }
        ui.type("2026-03-19T09:00")
        ui.press(.enter, .enter, .enter)
        #expect(try office.session().meeting(id).start == at("2026-03-19T09:00"))
    }

    @Test("the leave queue keeps its cursor on the same request, and a decision goes to the request it was opened on")
    func leaveQueue() throws {
        let office = try TestOffice()
        let later = try office.session().addMeeting(kind: .executive, start: at("2026-03-12T09:00")).id!
        let earlier = try office.session().addMeeting(kind: .executive, start: at("2026-03-05T09:00")).id!
        let first = try office.session("xuwenbo").requestLeave(meetingId: later, reason: "市教委会议")
        let second = try office.session("fangweiguo").requestLeave(meetingId: later, reason: "街道应急值守")
        var ui = ScreenHarness(session: try office.session("yangwentao"), lang: .en, root: LeaveScreen())
        ui.press(.down)
        #expect((ui.model.top as? LeaveScreen)?.selected?.id == second.id)
        ui.press(.char("a"))  // "Approve 方卫国's leave?"
        // Meanwhile a request for an earlier meeting arrives and sorts first.
        try office.session("handongmei").requestLeave(meetingId: earlier, reason: "市卫健委会议")
        ui.model.reloadTop()
        let queue = try #require(ui.model.top as? LeaveScreen)
        #expect(queue.lines.count == 3)
        #expect(queue.selected?.id == second.id)
        ui.press(.char("y"))
        #expect(try office.session().leaveLine(second.id!).status == .approved)
        #expect(try office.session().leaveLine(first.id!).status == .pending)
    }

    @Test("a rejection typed while a secretary recorded the director's approval is refused as stale")
    func staleLeaveDecision() throws {
        let office = try TestOffice()
        let meeting = try office.session().addMeeting(kind: .executive, start: at("2026-03-12T09:00")).id!
        let request = try office.session("xuwenbo").requestLeave(meetingId: meeting, reason: "市教委会议")
        var ui = ScreenHarness(session: try office.session("yangwentao"), lang: .en, root: LeaveScreen())
        ui.press(.char("x"))
        ui.type("须到会")
        try office.session("lijing", onBehalfOf: "yangwentao", now: "2026-03-02T09:20").approveLeave(request.id!)
        ui.press(.enter)
        #expect(ui.text.contains("changed by 李静 (lijing) at 2026-03-02 09:20"), "\(ui.text)")
        #expect(try office.session().leaveLine(request.id!).status == .approved)
    }

    @Test("the item list keeps its cursor on the same item when a new one is drafted above it")
    func itemList() throws {
        let office = try TestOffice()
        let secretary = try office.session("lijing")
        let a = try secretary.addItem(title: "议题甲", lead: "JW").id!
        let b = try secretary.addItem(title: "议题乙", lead: "JW").id!
        var ui = ScreenHarness(session: secretary, root: ItemListScreen())
        ui.press(.down)  // newest first: 乙, then 甲
        #expect((ui.model.top as? ItemListScreen).map { $0.items[$0.cursor.selected!].id } == a)
        _ = try secretary.addItem(title: "议题丙", lead: "JW")
        ui.model.reloadTop()
        let list = try #require(ui.model.top as? ItemListScreen)
        #expect(list.items.count == 3)
        #expect(list.items[list.cursor.selected!].id == a)
        _ = b
    }

    @Test("the org chart keeps its cursor on the same person when someone is added above")
    func orgChart() throws {
        let office = try TestOffice()
        var ui = ScreenHarness(session: try office.session("yangwentao"), root: OrgChartScreen())
        for _ in 0..<5 { ui.press(.down) }
        let before = try #require((ui.model.top as? OrgChartScreen)?.selectedPerson?.login)
        // A login that sorts first arrives.
        try office.session("yangwentao").addPerson(Person(login: "aaa", name: "安安", role: .secretary, departmentCode: "ZFB"))
        ui.model.reloadTop()
        #expect((ui.model.top as? OrgChartScreen)?.selectedPerson?.login == before)

    }

    @Test("the built-in body editor saves with the version it opened on: another window's save is not overwritten")
    func staleBodyEditor() throws {
        let office = try TestOffice()
        let meeting = try MinutesFixtures.heldMeeting(office)
        let secretary = try office.session("lijing")
        let draft = try secretary.draftMinutes(meetingId: meeting.id!)
        var ui = ScreenHarness(session: secretary, lang: .en, root: BodyEditorScreen(minutesId: draft.id!, text: draft.body, version: draft.version))
        ui.type("补充")
        try office.session("lijing", now: "2026-03-02T09:45").editMinutes(draft.id!, body: "另一窗口保存的正文")
        ui.press(.control("o"))
        #expect(ui.text.contains("changed by 李静 (lijing) at 2026-03-02 09:45"), "\(ui.text)")
        #expect(ui.model.top is BodyEditorScreen, "the typed text stays in the editor")
        #expect(try office.session().minutesDetail(draft.id!).minutes.body == "另一窗口保存的正文")
    }
}
