import HuiwuTestSupport
import MeetingKit
@testable import MeetingStore
@testable import MeetingTUI
import Testing

private func at(_ s: String) -> LocalDateTime { LocalDateTime(iso: s)! }

/// Issue 18: recording on a leader's behalf (代录) from inside the interface, not only with
/// `--on-behalf-of` at start: `&` and the person picker, the same rules, a top bar that says
/// so on every screen, and `&` again to stop.
@Suite("Recording on a leader's behalf inside the interface")
struct OnBehalfRecordingTests {
    @Test("a secretary picks the mayor with &, approves a meeting for him (R61), sees it on the top bar, and stops with &")
    func secretaryRecordsForTheMayor() throws {
        let office = try TestOffice()
        let meeting = try office.session("wangxiaoyan").scheduleMeeting(
            MeetingRequest(kind: .topical, start: at("2026-03-10T14:00"), title: "学前教育资源布局", departments: ["JW"])).meeting.id!
        var ui = ScreenHarness(session: try office.session("lijing"), columns: 100)
        ui.press(.char("&"))
        #expect(ui.model.top is OnBehalfLeaderScreen)
        #expect(ui.text.contains("代谁录入") && ui.text.contains("周立新"))
        ui.type("zhoulixin")
        ui.press(.enter)
        #expect(ui.model.context.office.actor.onBehalfOf?.login == "zhoulixin")
        #expect(!(ui.model.top is OnBehalfLeaderScreen))
        #expect(ui.buffer.line(0).contains("李静 代录：周立新（& 停止）"))
        #expect(ui.text.contains("开始代录"))

        ui.model.apply(.push(MeetingDetailScreen(id: meeting)))
        #expect(ui.buffer.line(0).contains("代录：周立新"), "every screen says so")
        let events = try office.auditCount()
        ui.press(.char("a"), .char("y"))
        #expect(try office.session().meeting(meeting).approval == .approved)
        let audit = try office.auditEvents(since: events)
        #expect(audit.first?.action == "meeting.approve" && audit.first?.actor == "lijing" && audit.first?.onBehalfOf == "zhoulixin")

        ui.press(.char("&"))
        #expect(ui.model.context.office.actor.onBehalfOf == nil)
        #expect(ui.text.contains("已停止代录") && !ui.buffer.line(0).contains("代录"))
        #expect(ui.model.top is MeetingDetailScreen, "stopping keeps the screen")
    }

    @Test("the same rules as --on-behalf-of: a department head is told only office staff record; Esc leaves the choice", arguments: [Lang.zh, .en])
    func onlyOfficeStaff(lang: Lang) throws {
        let office = try TestOffice()
        var ui = ScreenHarness(session: try office.session("xuwenbo"), lang: lang)
        ui.press(.char("&"))
        #expect(ui.text.contains(lang == .zh ? "只有办公室工作人员可以代录" : "only office staff may record"), "\(ui.text)")
        ui.press(.enter)
        #expect(ui.model.context.office.actor.onBehalfOf == nil)
        ui.press(.escape)
        #expect(!(ui.model.top is OnBehalfLeaderScreen))
    }

    @Test("the chooser offers whom the rules allow (not oneself, not the retired) and answers Enter with the choice, as a value")
    func chooserState() throws {
        let office = try TestOffice()
        let context = ScreenContext(office: .embedded(try office.session("lijing")), lang: .zh)
        var screen = OnBehalfLeaderScreen()
        screen.reload(context)
        let ids = screen.picker.options.map(\.id)
        #expect(ids.first == "zhoulixin" && ids.contains("wangxiaoyan") && !ids.contains("lijing") && !ids.contains("root"))
        _ = screen.update(.char("w"), context)
        _ = screen.update(.char("a"), context)
        _ = screen.update(.char("n"), context)
        _ = screen.update(.char("g"), context)
        _ = screen.update(.char("x"), context)
        guard case .recordOnBehalf(let leader) = screen.update(.enter, context) else {
            Issue.record("Enter did not ask to record for someone")
            return
        }
        #expect(leader == "wangxiaoyan")
        guard case .pop = screen.update(.escape, context) else { Issue.record("Esc did not close the chooser"); return }
    }

    @Test("the command line does the same as the option: :on-behalf-of LOGIN starts, alone it stops; recording for oneself is refused")
    func commandLine() throws {
        let office = try TestOffice()
        var ui = ScreenHarness(session: try office.session("lijing"), columns: 100)
        ui.press(.char(":"))
        ui.type("on-behalf-of wangxiaoyan")
        ui.press(.enter)
        #expect(ui.model.context.office.actor.onBehalfOf?.login == "wangxiaoyan")
        #expect(ui.buffer.line(0).contains("代录：王晓燕"))
        ui.press(.char(":"))
        ui.type("on-behalf-of lijing")
        ui.press(.enter)
        #expect(ui.text.contains("不能代录自己的决定"))
        #expect(ui.model.context.office.actor.onBehalfOf?.login == "wangxiaoyan", "a refused switch keeps the one before")
        ui.press(.char(":"))
        ui.type("on-behalf-of")
        ui.press(.enter)
        #expect(ui.model.context.office.actor.onBehalfOf == nil)
    }
}
