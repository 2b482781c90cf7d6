import HuiwuTestSupport
import MeetingKit
import MeetingStore
import MeetingTUI
import Testing
import TextLayout

@Suite("The home screen")
struct HomeScreenTests {
    /// Monday 2026-03-02 09:00, with an executive meeting and a topical meeting this week and
    /// one next week (which must not show).
    func office() throws -> TestOffice {
        let office = try TestOffice()
        let admin = try office.session()
        try admin.addMeeting(kind: .executive, start: LocalDateTime(iso: "2026-03-04T09:00")!, room: "区政府常务会议室")
        try admin.addMeeting(kind: .topical, start: LocalDateTime(iso: "2026-03-02T15:00")!, chair: "wangxiaoyan",
                             room: "区政府第二会议室", title: "研究中小学课后服务工作")
        try admin.addMeeting(kind: .executive, start: LocalDateTime(iso: "2026-03-11T09:00")!)
        return office
    }

    @Test("snapshots in Chinese and English at 80×24 and 120×40",
          arguments: [(Lang.zh, 24, 80), (.en, 24, 80), (.zh, 40, 120), (.en, 40, 120)])
    func snapshots(lang: Lang, rows: Int, columns: Int) throws {
        let ui = ScreenHarness(session: try office().session("lijing"), lang: lang, rows: rows, columns: columns)
        Snapshot.assert(ui.text, named: "home-\(lang.rawValue)-\(columns)x\(rows)")
        // Every line fits the terminal, measured in display columns.
        for row in 0..<rows { #expect(DisplayWidth.of(ui.buffer.line(row)) <= columns) }
    }

    @Test("the header says whether today is a working day, and holidays by name")
    func dayStatus() throws {
        let office = try TestOffice(now: "2026-02-17T10:00")
        let zh = ScreenHarness(session: try office.session("lijing"))
        #expect(zh.buffer.line(1).contains("2026-02-17 周二 10:00 · 休息日（春节）"))
        let en = ScreenHarness(session: try office.session("lijing"), lang: .en)
        #expect(en.buffer.line(1).contains("2026-02-17 Tue 10:00 · holiday (Spring Festival)"))
        let adjusted = try TestOffice(now: "2026-02-28T09:00")
        #expect(ScreenHarness(session: try adjusted.session("lijing")).buffer.line(1).contains("调休上班日"))
        let noData = try TestOffice(now: "2027-03-01T09:00")
        #expect(ScreenHarness(session: try noData.session("lijing")).buffer.line(1).contains("2027 年无假日数据"))
    }

    @Test("j/k move the selection in this week's meetings; Tab switches to the other pane")
    func movement() throws {
        var ui = ScreenHarness(session: try office().session("lijing"), lang: .en)
        func selectedRow() -> String? {
            let buffer = ui.buffer
            return (0..<buffer.rows).first { row in (0..<buffer.columns).contains { buffer[row, $0].style == .selected } }
                .map { buffer.line($0) }
        }
        #expect(selectedRow()?.contains("研究中小学课后服务工作") == true)  // the topical meeting, by its subject
        ui.press(.char("j"))
        #expect(selectedRow()?.contains("Executive meeting No. 1") == true)
        ui.press(.down)
        #expect(selectedRow()?.contains("Executive meeting No. 1") == true)
        ui.press(.char("k"))
        #expect(selectedRow()?.contains("研究中小学课后服务工作") == true)  // the topical meeting, by its subject
        ui.press(.tab)
        #expect(selectedRow() == nil)  // nothing is waiting, so nothing is selected there
        #expect(!ui.text.contains("No. 2"))
    }

    @Test("at 80×24 each of this week's meetings keeps its whole subject: the kind and number shorten first",
          arguments: [Lang.zh, .en])
    func subjectsKept(lang: Lang) throws {
        let office = try TestOffice(now: "2026-03-11T09:00")
        try office.session().seedDemo()
        let s = try office.session("lijing")
        let ui = ScreenHarness(session: s, lang: lang)
        let meetings = try s.meetings(from: LocalDateTime(iso: "2026-03-09T00:00")!, to: LocalDateTime(iso: "2026-03-18T23:59")!)
        let subjects = meetings.filter { $0.status != .cancelled }.map(\.title).filter { !$0.isEmpty }
        #expect(subjects.count >= 3)
        for subject in subjects { #expect(ui.text.contains(subject), "\(subject) is cut:\n\(ui.text)") }
        for row in 0..<ui.rows { #expect(DisplayWidth.of(ui.buffer.line(row)) <= ui.columns) }
    }
}
