import Foundation
import HuiwuTestSupport
import MeetingKit
import MeetingStore
import MeetingTUI
import Testing

private func at(_ s: String) -> LocalDateTime { LocalDateTime(iso: s)! }
private func day(_ s: String) -> Day { Day(iso: s)! }

/// The second reading of the rules (issue 17) in the full-screen interface: the new
/// refusals on the status line with their article, in Chinese and English, and the new keys.
@Suite("The rules' second reading on screen")
struct SecondReadingScreenTests {
    init() { TerminalLocale.activate() }

    @Test("a secretary cannot entrust the chair: the status line says R39, in Chinese and English; the mayor's `E` entrusts it (R39)")
    func entrustRefusal() throws {
        let office = try TestOffice()
        let meeting = try office.session("lijing").addMeeting(kind: .executive, start: at("2026-03-12T09:00"))
        for (lang, text) in [(Lang.zh, "R39: 常务副区长主持常务会议须经区长委托"), (.en, "R39: the executive vice mayor chairs")] {
            var ui = ScreenHarness(session: try office.session("lijing"), lang: lang, root: MeetingDetailScreen(id: meeting.id!))
            ui.press(.char("E"), .char("y"))
            #expect(ui.text.contains(text), "\(ui.text)")
        }
        var mayor = ScreenHarness(session: try office.session("zhoulixin"), root: MeetingDetailScreen(id: meeting.id!))
        mayor.press(.char("E"), .char("y"))
        #expect(mayor.text.contains("已委托常务副区长主持"))
        #expect(mayor.text.contains("受区长委托主持（R39）"))
    }

    @Test("the office closes follow-ups: a unit's `a` is refused naming R54 and its key; its `s` reports it done for the office (R54)")
    func followUpBoard() throws {
        let office = try TestOffice(now: "2026-03-20T09:00")
        try MinutesFixtures.signedWithDecisions(office)
        var head = ScreenHarness(session: try office.session("caozhiming"), lang: .en, root: FollowUpBoardScreen())
        head.press(.char("a"))
        // The status line wraps a long refusal; compare the words, not the line breaks.
        let words = head.text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        #expect(words.contains("R54: the government office closes a follow-up"))
        #expect(words.contains("the unit presses s to report") && !words.contains("huiwu followup"))
        let zjw = try #require(try office.session().followUps(department: "ZJW").first?.followUp.id)
        var ui = ScreenHarness(session: try office.session("caozhiming"), root: FollowUpBoardScreen(selecting: zjw))
        ui.press(.char("s"), .char("2"), .tab)  // report: done
        ui.type("整治已全部完成")
        ui.press(.function(2))
        #expect(ui.text.contains("已报告办结"))
        #expect(try office.session().followUpDetail(zjw).line.followUp.pendingRequest == .completed)
        #expect(ui.text.contains("待办公室处理：报告办结"))
    }

    @Test("after a failed coordination the lead department's head is offered `T` to state the disagreement and proposal (R45(3))")
    func statementKey() throws {
        let office = try TestOffice()
        let id = try AgendaFixtures.failedCoordination(office).id!
        var ui = ScreenHarness(session: try office.session("xuwenbo"), root: ItemDetailScreen(itemId: id))
        #expect(ui.text.contains("⚠ 协调未果：待主办部门说明分歧并提出办理建议（R45(3)）"))
        #expect(ui.text.contains("T 说明分歧并提出建议"))
        ui.press(.char("T"))
        ui.type("区卫生健康委对经费来源有不同意见")
        ui.press(.tab)
        ui.type("建议提请会议决定")
        ui.press(.enter)
        #expect(ui.text.contains("办理建议：建议提请会议决定"))
        #expect(!ScreenHarness(session: try office.session("wangxiaoyan"), root: ItemDetailScreen(itemId: id)).text.contains("T 说明分歧"))
    }

    @Test("the register of absences flags a late registration, withdraws one and gives the chair back to the mayor (R65, R7)")
    func absenceRegister() throws {
        let office = try TestOffice(now: "2026-03-11T09:00")
        let s = try office.session("lijing")
        let meeting = try s.addMeeting(kind: .executive, start: at("2026-03-12T09:00"))
        try s.registerAbsence(person: "zhoulixin", from: day("2026-03-11"), to: day("2026-03-13"), kind: .trip, reason: "赴外省考察")
        var ui = ScreenHarness(session: s, root: LeaveScreen())
        ui.press(.char("b"))
        #expect(ui.model.top is AbsenceListScreen)
        #expect(ui.text.contains("非事先登记"))
        ui.press(.char("w"))
        ui.type("行程取消")
        ui.press(.enter)
        #expect(ui.text.contains("1 次常务会议恢复由区长主持（R7）"))
        #expect(try s.meeting(meeting.id!).chairLogin == "zhoulixin")
    }
}
