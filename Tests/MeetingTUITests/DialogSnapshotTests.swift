import HuiwuTestSupport
import MeetingKit
import MeetingStore
import MeetingTUI
import Testing
import TextLayout

/// The dialogs the section snapshots do not reach, in both languages at 80×24, on the demo
/// office seeded on a fixed day: the seating chart, the built-in minutes editor, and the
/// leader's list of decisions recorded on their behalf (代录) with its dispute dialog.
@Suite("Dialogs in both languages (snapshots)")
struct DialogSnapshotTests {
    init() { TerminalLocale.activate() }

    func demo() throws -> TestOffice {
        let office = try TestOffice(now: "2026-03-11T09:00")
        try office.session().seedDemo()
        return office
    }

    func fits(_ ui: ScreenHarness, _ name: String) {
        for row in 0..<ui.rows { #expect(DisplayWidth.of(ui.buffer.line(row)) <= ui.columns, "\(name) row \(row) is too wide") }
    }

    @Test("the seating chart of the executive meeting", arguments: [Lang.zh, .en])
    func seating(lang: Lang) throws {
        let office = try demo()
        let s = try office.session("lijing")
        let meeting = try #require(try s.meetings(kind: .executive).first { $0.start.day == Day(iso: "2026-03-13")! })
        let ui = ScreenHarness(session: s, lang: lang, root: SeatingScreen(meetingId: meeting.id!))
        Snapshot.assert(ui.text, named: "seating-\(lang.rawValue)")
        fits(ui, "seating")
        #expect(ui.text.contains("周立新"))
        #expect(ui.buffer.line(0).contains(lang == .zh ? "第2次区政府常务会议 · 座次" : "Executive meeting No. 2 · Seating"))
    }

    @Test("the built-in minutes editor on a draft's body", arguments: [Lang.zh, .en])
    func bodyEditor(lang: Lang) throws {
        let office = try demo()
        let s = try office.session("lijing")
        let minutes = try #require(try s.minutesList().first { $0.state != .signed })
        let detail = try s.minutesDetail(minutes.id!)
        let ui = ScreenHarness(session: s, lang: lang, root: BodyEditorScreen(minutesId: minutes.id!, text: detail.minutes.body))
        Snapshot.assert(ui.text, named: "body-editor-\(lang.rawValue)")
        fits(ui, "body editor")
        #expect(ui.text.contains(lang == .zh ? "保存" : "save"))
    }

    @Test("what a secretary recorded on the mayor's behalf, and the dispute dialog", arguments: [Lang.zh, .en])
    func onBehalf(lang: Lang) throws {
        let office = try demo()
        let queue = try office.session("zhoulixin").leaveQueue()
        let request = try #require(queue.first)
        try office.session("lijing", onBehalfOf: "zhoulixin").approveLeave(request.id)
        var ui = ScreenHarness(session: try office.session("zhoulixin"), lang: lang, root: OnBehalfScreen())
        Snapshot.assert(ui.text, named: "on-behalf-\(lang.rawValue)")
        fits(ui, "on behalf")
        #expect(ui.text.contains("李静"))
        // What was recorded, in words, not the audit's code.
        #expect(ui.text.contains(lang == .zh ? "批准请假 #\(request.id)" : "approved leave #\(request.id)"))
        #expect(!ui.text.contains("leave.approve"))
        ui.press(.char("x"))
        Snapshot.assert(ui.text, named: "on-behalf-dispute-\(lang.rawValue)")
        fits(ui, "dispute dialog")
    }
}
