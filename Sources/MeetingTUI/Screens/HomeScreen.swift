import MeetingKit
import MeetingService
import MeetingStore

/// The first screen: the office, today and whether it is a working day, this week's
/// meetings, and what waits for the acting person.
public struct HomeScreen: Screen {
    enum Pane { case meetings, waiting }

    var snapshot: HomeSnapshot?
    var loadError: Localized?
    var focus: Pane = .meetings
    var meetingList = ListCursor()
    var waitingList = ListCursor()

    public init() {}

    public func title(_ lang: Lang) -> String {
        (snapshot?.officeName.text(lang) ?? "") + (lang == .zh ? " · 会务" : " · Meetings")
    }

    public func hints(_ lang: Lang) -> [KeyHint] {
        // Short labels so that every key fits in 80 columns; `?` explains them at length.
        [KeyHint("?", "帮助", "help"), KeyHint("q", "退出", "quit"), KeyHint("Tab", "切换", "pane"),
         KeyHint("Enter", "打开", "open"), KeyHint("w", "周历", "week"), KeyHint("m", "月历", "month"),
         KeyHint("i", "议题", "items"), KeyHint("r", "签到", "roster"), KeyHint("v", "请假", "leave"),
         KeyHint("o", "机构", "org"), KeyHint("n", "纪要", "minutes"), KeyHint("f", "督办", "follow"),
         KeyHint("t", "报表", "report"), KeyHint("/", "查找", "search")]
    }

    public mutating func reload(_ context: ScreenContext) {
        do {
            // Keep the cursor on the same record when the lists change under it.
            let selectedMeeting = meetingList.selected.flatMap { snapshot?.meetings[$0].id }
            let selectedWaiting = waitingList.selected.flatMap { snapshot?.waiting[$0].ref }
            var snap = try context.office.homeSnapshot()
            if let name = context.officeNameOverride { snap.officeName = name }
            snapshot = snap
            loadError = nil
            meetingList.count = snap.meetings.count
            waitingList.count = snap.waiting.count
            if let id = selectedMeeting, let i = snap.meetings.firstIndex(where: { $0.id == id }) { meetingList.select(i) }
            if let ref = selectedWaiting, let i = snap.waiting.firstIndex(where: { $0.ref == ref }) { waitingList.select(i) }
        } catch let refusal as Refusal {
            loadError = refusal.message
        } catch {
            loadError = .same("\(error)")
        }
    }

    public mutating func update(_ key: Key, _ context: ScreenContext) -> Effect {
        switch key {
        case .tab, .backTab, .left, .right, .char("h"), .char("l"):
            focus = focus == .meetings ? .waiting : .meetings
        case .enter:
            if let ref = selectedRef, let screen = Navigator.screen(for: ref) { return .push(screen) }
        case .char("w"), .char("m"):
            return .push(CalendarScreen(mode: key == .char("w") ? .week : .month, day: context.office.clock.today))
        case .char("i"): return .push(ItemListScreen())
        case .char("r"):
            if let snapshot, let i = meetingList.selected { return .push(RosterScreen(meetingId: snapshot.meetings[i].id)) }
        case .char("v"):
            return .push(LeaveQueueScreen())
        case .char("o"):
            return .push(OrgChartScreen())
        case .char("n"):
            return .push(MinutesListScreen())
        case .char("f"):
            return .push(FollowUpBoardScreen())
        case .char("t"):
            return .push(ReportScreen())
        default:
            if focus == .meetings { meetingList.handle(key) } else { waitingList.handle(key) }
        }
        return .none
    }

    var selectedRef: RecordRef? {
        guard let snapshot else { return nil }
        switch focus {
        case .meetings: return meetingList.selected.map { .meeting(snapshot.meetings[$0].id) }
        case .waiting: return waitingList.selected.map { snapshot.waiting[$0].ref }
        }
    }

    public func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: ScreenContext) {
        let lang = context.lang
        if let loadError {
            buffer.put(loadError.text(lang), row: area.top + 1, column: 2, style: .error, maxWidth: area.width - 4)
            return
        }
        guard let snapshot else { return }
        let day = snapshot.day
        var header = "\(day.day.iso) \(day.day.weekday.shortName.text(lang)) \(snapshot.now.timeText) · "
        var col = buffer.put(" " + header, row: area.top, column: area.left, style: .heading)
        header = day.label.text(lang)
        col += buffer.put(header, row: area.top, column: area.left + col, style: day.isWorkingDay ? .ok : .holiday)
        if !day.hasHolidayData {
            buffer.put(context.t("  （\(day.day.year) 年无假日数据，仅按周末计）", "  (no holiday data for \(day.day.year): weekends only)"),
                       row: area.top, column: area.left + col, style: .warning, maxWidth: area.width - col)
        }
        let panes = Rect(top: area.top + 1, left: area.left, height: area.height - 1, width: area.width)
        let (left, right) = panes.splitColumns(leftWidth: panes.width * 11 / 20)
        drawMeetings(snapshot, into: &buffer, rect: left, context)
        drawWaiting(snapshot, into: &buffer, rect: right, context)
    }

    private func drawMeetings(_ snapshot: HomeSnapshot, into buffer: inout ScreenBuffer, rect: Rect, _ context: ScreenContext) {
        buffer.box(rect, title: context.t("今天和本周", "Today and this week"), style: focus == .meetings ? .accent : .dim)
        let inner = rect.inset(1)
        if snapshot.meetings.isEmpty {
            buffer.put(context.t("本周没有会议", "No meetings this week"), row: inner.top, column: inner.left + 1, style: .dim)
            return
        }
        for (offset, index) in meetingList.visible(rows: inner.height).enumerated() {
            let m = snapshot.meetings[index]
            let isToday = m.start.day == snapshot.now.day
            let when = "\(m.start.day.iso.dropFirst(5)) \(m.start.day.weekday.shortName.text(context.lang)) \(m.start.timeText)"
            let selected = focus == .meetings && meetingList.selected == index
            let row = inner.top + offset
            defer { if selected { buffer.markSelection(row: row, column: inner.left) } }
            let used = buffer.put(" " + when + " ", row: row, column: inner.left, style: (isToday ? .accent : .normal))
            buffer.put(m.title.text(context.lang), row: row, column: inner.left + used, style: MeetingStyle.style(forKind: m.kind),
                       maxWidth: inner.width - used)
        }
    }

    private func drawWaiting(_ snapshot: HomeSnapshot, into buffer: inout ScreenBuffer, rect: Rect, _ context: ScreenContext) {
        buffer.box(rect, title: context.t("待我处理", "Waiting for me"), style: focus == .waiting ? .accent : .dim)
        let inner = rect.inset(1)
        if snapshot.waiting.isEmpty {
            buffer.put(context.t("没有待办事项", "Nothing waiting"), row: inner.top, column: inner.left + 1, style: .dim)
            return
        }
        for (offset, index) in waitingList.visible(rows: inner.height).enumerated() {
            let w = snapshot.waiting[index]
            let selected = focus == .waiting && waitingList.selected == index
            let row = inner.top + offset
            let style: Style = (w.isOverdue ? .error : .normal)
            defer { if selected { buffer.markSelection(row: row, column: inner.left) } }
            var text = " " + w.what.text(context.lang) + " " + w.title
            if let due = w.due {
                // An estimated due day (no holiday data for its year, R46) is marked with "≈".
                text = (w.isOverdue ? context.t(" 逾期", " OVERDUE") : "") + " " + (w.dueWarning == nil ? "" : "≈") + String(due.iso.dropFirst(5)) + text
            }
            buffer.put(text, row: row, column: inner.left, style: style, maxWidth: inner.width)
        }
    }
}

/// Colours of the meeting kinds, shared by every list of meetings.
enum MeetingStyle {
    static func style(forKind kind: String) -> Style {
        switch kind {
        case "plenary": return .plenary
        case "executive": return .executive
        case "topical": return .topical
        default: return .normal
        }
    }
}
