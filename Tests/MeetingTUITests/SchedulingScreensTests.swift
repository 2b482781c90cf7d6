import Testing
import HuiwuTestSupport
@testable import MeetingKit
@testable import MeetingStore
@testable import MeetingTUI
import TextLayout

private func at(_ s: String) -> LocalDateTime { LocalDateTime(iso: s)! }
private func day(_ s: String) -> Day { Day(iso: s)! }

/// The scheduling screens, driven in memory and compared with text snapshots.
@Suite("Scheduling screens: calendar, detail, dialogs")
struct SchedulingScreensTests {
    /// An office with March 2026's meetings: the mayor's weekly topical meetings, an
    /// executive meeting on Thursday while the mayor is away (R7), a vice mayor's topical
    /// meeting awaiting approval (R61) that double-books him, and a cancelled meeting.
    func office() throws -> (TestOffice, Session, executive: Int64, vmTopical: Int64) {
        let office = try TestOffice()
        let s = try office.session("lijing")
        _ = try s.planMeetings(.standard(for: .topical), from: day("2026-02-01"), to: day("2026-03-31"), commit: true)
        _ = try s.registerAbsence(person: "zhoulixin", from: day("2026-03-05"), to: day("2026-03-05"), kind: .trip, reason: "赴外省考察")
        let executive = try s.scheduleMeeting(MeetingRequest(kind: .executive, start: at("2026-03-05T09:00"), room: "区政府常务会议室",
                                                             title: "研究春季重点工作")).meeting.id!
        let vm = try office.session("wangxiaoyan").scheduleMeeting(MeetingRequest(kind: .topical, start: at("2026-03-05T10:00"),
                                                                                  title: "学前教育资源布局", departments: ["JW"])).meeting.id!
        let spare = try s.scheduleMeeting(MeetingRequest(kind: .topical, start: at("2026-03-06T15:00"), chair: "liusiqi",
                                                         inGovernmentName: false)).meeting.id!
        try s.cancelMeeting(spare, reason: "议题未备齐")
        return (office, s, executive, vm)
    }

    @Test("the home screen opens the week view with 1: days with their status, meetings in kind colours")
    func week() throws {
        let (_, s, _, _) = try office()
        var ui = ScreenHarness(session: s)
        // Enter on this week's first meeting opens its detail (Navigator); Esc comes back.
        ui.press(.enter)
        #expect((ui.model.top as? MeetingDetailScreen)?.detail?.meeting.start == at("2026-03-02T09:00"))
        ui.press(.escape)
        ui.press(.char("1"))
        #expect(ui.model.top is CalendarScreen)
        Snapshot.assert(ui.text, named: "calendar-week")
        #expect(style(of: "第5次区政府专题会议", in: ui.buffer) == .topical)
        #expect(style(of: "第1次区政府常务会议", in: ui.buffer) == .executive)
    }

    @Test("the week, month and detail screens in English")
    func english() throws {
        let (_, s, executive, _) = try office()
        var ui = ScreenHarness(session: s, lang: .en, root: CalendarScreen(mode: .week, day: day("2026-03-05")))
        Snapshot.assert(ui.text, named: "calendar-week-en")
        ui.press(.tab)
        Snapshot.assert(ui.text, named: "calendar-month-en")
        let detail = ScreenHarness(session: s, lang: .en, root: MeetingDetailScreen(id: executive))
        Snapshot.assert(detail.text, named: "meeting-detail-en")
        // Wrapped over lines at the screen's width: compare the words, not the line breaks.
        let words = detail.text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        #expect(words.contains("the mayor is away from Beijing; the executive vice mayor chairs (R7)"))
        // The roster's columns are as wide as their longest entry: no role is cut at 80 columns.
        #expect(detail.text.contains("陈海峰 Executive vice mayor"))
    }

    @Test("a week with holidays shows 休 and the adjusted working Saturday as 班")
    func weekWithHolidays() throws {
        let (_, s, _, _) = try office()
        _ = try s.planMeetings(.standard(for: .topical), from: day("2026-10-01"), to: day("2026-10-31"), commit: true)
        var ui = ScreenHarness(session: s, root: CalendarScreen(mode: .week, day: day("2026-10-08")))
        Snapshot.assert(ui.text, named: "calendar-week-national-day")
        #expect(ui.text.contains("2026-10-10 周六 班 调休上班日"))
        #expect(ui.text.contains("2026-10-05 周一 休 休息日（国庆节）"))
        ui.press(.left)
        #expect(ui.text.contains("2026-09-28"))
    }

    @Test("the month view marks the Spring Festival and its adjusted working days; Enter goes to that week")
    func month() throws {
        let (_, s, _, _) = try office()
        var ui = ScreenHarness(session: s, root: CalendarScreen(mode: .month, day: day("2026-02-24")))
        Snapshot.assert(ui.text, named: "calendar-month")
        ui.press(.pageDown)
        #expect(ui.text.contains("2026年3月"))
        ui.press(.enter)
        #expect(ui.text.contains("会议日历 · 周 2026-03-23 – 2026-03-29"))
    }

    @Test("the detail groups the roster by role, shows conflicts inline and the R7 chair change")
    func detail() throws {
        let (_, s, executive, _) = try office()
        var ui = ScreenHarness(session: s, rows: 30, columns: 100)
        ui.press(.char("1"))
        // Down to the executive meeting on Thursday, then open it.
        let calendar = ui.model.top as! CalendarScreen
        let row = calendar.rows.firstIndex { if case .meeting(let m) = $0 { return m.id == executive } else { return false } }!
        for _ in 0..<(row - calendar.rowCursor.index) { ui.press(.down) }
        ui.press(.enter)
        #expect(ui.model.top is MeetingDetailScreen)
        Snapshot.assert(ui.text, named: "meeting-detail")
        #expect(ui.text.contains("区长离京，由常务副区长主持（R7）"))
        #expect(ui.text.contains("⚠"))
    }

    @Test("R61 in the TUI: notifying a meeting that awaits the mayor is refused on the status line, naming R61")
    func approvalRefusal() throws {
        let (office, s, _, vm) = try office()
        var ui = ScreenHarness(session: s, root: MeetingDetailScreen(id: vm))
        let events = try office.auditCount()
        ui.press(.char("N"))
        #expect(ui.text.contains("R61"))
        #expect(try office.auditCount() == events)
        var mayor = ScreenHarness(session: try office.session("zhoulixin"), root: MeetingDetailScreen(id: vm))
        mayor.press(.char("a"))
        #expect(mayor.text.contains("批准召开"))  // approving a meeting asks first
        mayor.press(.char("y"))
        #expect(mayor.text.contains("区长已批准"))
    }

    @Test("the create dialog previews the chair and the conflicts, then saves")
    func create() throws {
        let (_, s, _, _) = try office()
        var ui = ScreenHarness(session: s, root: CalendarScreen(mode: .week, day: day("2026-03-05")))
        ui.press(.char("n"))
        ui.press(.right, .right)  // topical → plenary → executive
        ui.press(.tab)
        ui.press(Array(repeating: Key.backspace, count: 5))
        ui.type("14:00")
        ui.press(.tab, .tab, .tab)
        ui.type("区政府常务会议室")
        ui.press(.tab)
        ui.type("审议预算调整")
        Snapshot.assert(ui.text, named: "meeting-form")
        #expect(ui.text.contains("陈海峰（R7）"))
        ui.press(.enter)
        Snapshot.assert(ui.text, named: "meeting-form-saved")
        #expect(try s.meetings(kind: .executive).count == 2)
        ui.press(.escape)
        #expect(ui.text.contains("审议预算调整"))
    }

    @Test("F2 saves the meeting form from any field, as its keymap says; Enter goes on until the last field")
    func saveFromAnyField() throws {
        let (_, s, _, _) = try office()
        let before = try s.meetings(kind: .topical).count
        var ui = ScreenHarness(session: s, root: CalendarScreen(mode: .week, day: day("2026-03-05")))
        ui.press(.char("n"))
        ui.press(.backTab)  // kind → title
        ui.type("研究夜间经济发展")
        ui.press(.backTab, .backTab, .backTab, .backTab)  // back to the start field
        #expect(ui.text.contains("F2 保存"))
        ui.press(.enter)  // Enter on the start field goes on, it does not save
        #expect(try s.meetings(kind: .topical).count == before)
        ui.press(.function(2))
        #expect(try s.meetings(kind: .topical).count == before + 1)
        #expect(ui.text.contains("已添加"))
        #expect(try s.meetings(kind: .topical).contains { $0.title == "研究夜间经济发展" })
    }

    @Test("the create dialog in English at 80×24")
    func createEnglish() throws {
        let (_, s, _, _) = try office()
        var ui = ScreenHarness(session: s, lang: .en, root: CalendarScreen(mode: .week, day: day("2026-03-05")))
        ui.press(.char("n"))
        ui.press(.right, .right)  // topical → plenary → executive
        ui.press(.tab)
        ui.press(Array(repeating: Key.backspace, count: 5))
        ui.type("14:00")
        ui.press(.tab, .tab, .tab)
        ui.type("区政府常务会议室")
        ui.press(.tab)
        ui.type("审议预算调整")
        Snapshot.assert(ui.text, named: "meeting-form-en")
        for row in 0..<ui.rows { #expect(DisplayWidth.of(ui.buffer.line(row)) <= ui.columns) }
        #expect(ui.text.contains("Executive"))
        #expect(ui.text.contains("→ 陈海峰 (R7)"))  // English brackets in English
    }

    @Test("the move and cancel dialogs change the meeting and show the result")
    func moveAndCancel() throws {
        let (_, s, executive, _) = try office()
        var ui = ScreenHarness(session: s, root: MeetingDetailScreen(id: executive))
        ui.press(.char("m"))
        ui.press(Array(repeating: Key.backspace, count: 16))
        ui.type("2026-03-09T14:00")
        ui.press(.tab, .tab)
        ui.type("区长出差")
        Snapshot.assert(ui.text, named: "meeting-move")
        ui.press(.enter)
        #expect(try s.meeting(executive).start == at("2026-03-09T14:00"))
        #expect(try s.meeting(executive).chairLogin == "zhoulixin")
        #expect(ui.text.contains("已改期到 2026-03-09 14:00"))
        ui.press(.end)
        #expect(ui.text.contains("2026-03-05T09:00 → 2026-03-09T14:00  区长出差"))
        ui.press(.home)

        ui.press(.char("C"))
        #expect(ui.text.contains("取消不可撤销"))  // cancelling asks first, then for the reason
        ui.press(.char("y"))
        ui.press(.enter)  // an empty reason is refused inside the dialog
        #expect(ui.text.contains("理由不能为空"))
        ui.type("议题不足")
        Snapshot.assert(ui.text, named: "meeting-cancel")
        ui.press(.enter)
        #expect(try s.meeting(executive).status == .cancelled)
    }

    @Test("e edits the subject, room and chair in one form, the chair from a picker of those the rules allow; a refusal stays in the form with its key")
    func editMeeting() throws {
        let (office, s, executive, vm) = try office()
        var ui = ScreenHarness(session: s, columns: 160, root: MeetingDetailScreen(id: vm))
        #expect(ui.text.contains("e 修改"))
        ui.press(.char("e"))
        #expect(ui.text.contains("修改会议") && ui.text.contains("时间请用改期（m）"))
        ui.press(Array(repeating: Key.backspace, count: 12))
        ui.type("学前教育资源布局调整")
        ui.press(.tab)
        ui.type("区政府第二会议室")
        ui.press(.tab, .enter)  // the chair's picker: type to filter, Enter chooses
        ui.type("zhaoj")
        ui.press(.enter)
        let events = try office.auditCount()
        ui.press(.function(2))
        let m = try s.meeting(vm)
        #expect(m.title == "学前教育资源布局调整" && m.room == "区政府第二会议室" && m.chairLogin == "zhaojianguo")
        #expect(ui.text.contains("已修改") && ui.text.contains("学前教育资源布局调整") && ui.text.contains("赵建国"))
        #expect(try office.auditActions(since: events) == ["meeting.edit"])

        // An executive meeting's picker offers the mayor and the executive vice mayor only (R39);
        // the office naming the executive vice mayor alone is refused, with the keys that do it.
        let later = try s.scheduleMeeting(MeetingRequest(kind: .executive, start: at("2026-03-12T09:00"))).meeting.id!
        var ex = ScreenHarness(session: s, columns: 120, root: MeetingDetailScreen(id: later))
        ex.press(.char("e"), .tab, .tab, .enter)
        let offered = (ex.model.top as? MeetingDetailScreen)?.form?.picking?.picker.options.map(\.id)
        #expect(offered == ["zhoulixin", "chenhaifeng"], "a vice mayor cannot chair an executive meeting")
        ex.type("chenh")
        ex.press(.enter, .function(2))
        #expect(try s.meeting(later).chairLogin == "zhoulixin")
        #expect(ex.text.contains("R39") && ex.text.contains("按 E 委托") && !ex.text.contains("--on-behalf-of"), "\(ex.text)")
        #expect((ex.model.top as? MeetingDetailScreen)?.form != nil, "the refusal stays in the form")
    }

    @Test("plan a range: the preview shows moves and the skipped Spring Festival week before anything is written")
    func plan() throws {
        let office = try TestOffice()
        let s = try office.session("lijing")
        var ui = ScreenHarness(session: s, root: CalendarScreen(mode: .week, day: day("2026-03-02")))
        ui.press(.char("B"))
        ui.press(.tab)
        ui.press(Array(repeating: Key.backspace, count: 10))
        ui.type("2026-02-01")
        ui.press(.tab)
        ui.press(Array(repeating: Key.backspace, count: 10))
        ui.type("2026-03-15")
        Snapshot.assert(ui.text, named: "plan-form")
        ui.press(.tab, .tab, .tab, .enter)
        Snapshot.assert(ui.text, named: "plan-preview")
        #expect(try s.meetings().isEmpty)
        #expect(ui.text.contains("跳过"))
        ui.press(.enter)
        #expect(try s.meetings(kind: .topical).count == 5)
        #expect(ui.text.contains("已安排 5 次区政府专题会议"))
        ui.press(.escape)
        #expect(ui.model.top is CalendarScreen)
    }

    @Test("planning into a year without holiday data warns in the preview")
    func planWithoutData() throws {
        let office = try TestOffice()
        var ui = ScreenHarness(session: try office.session("lijing"), root: PlanRangeScreen(today: day("2027-01-04")))
        ui.press(.tab, .tab, .tab, .tab, .tab, .enter)
        #expect(ui.text.contains("2027 年无假日数据：仅按周末计"))
    }
}

/// The style of the first cell of `text` on screen, to check colours (kinds, holidays).
func style(of text: String, in buffer: ScreenBuffer) -> Style? {
    for row in 0..<buffer.rows {
        let line = buffer.line(row)
        guard let range = line.range(of: text) else { continue }
        // Columns, not characters: count the display width before the match.
        let column = DisplayWidth.of(String(line[..<range.lowerBound]))
        return buffer[row, column].style
    }
    return nil
}
