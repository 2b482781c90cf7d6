import MeetingKit
import MeetingService
import MeetingStore
import TextLayout

/// The first screen: the office, today and whether it is a working day, this week's
/// meetings, and what waits for the acting person.
public struct HomeScreen: Screen {
    enum Pane { case meetings, waiting }

    public enum Action { case open, switchPane, roster, leave, newMeeting, section(Section) }

    var snapshot: HomeSnapshot?
    var loadError: Localized?
    var focus: Pane = .meetings
    var meetingList = ListCursor()
    var waitingList = ListCursor()

    public init() {}

    public func title(_ lang: Lang) -> String {
        (snapshot?.officeName.text(lang) ?? "") + (Localized(zh: " · 会务", en: " · Meetings").text(lang))
    }

    var selectedMeeting: MeetingLine? {
        guard focus == .meetings, let snapshot else { return nil }
        return meetingList.selected.map { snapshot.meetings[$0] }
    }

    public func keymap(_ context: ScreenContext) -> Keymap<Action> {
        var map = Keymap<Action>()
        map.add(.enter, .open, Localized(zh: "打开", en: "open"), when: selectedRef != nil, footer: false)
        map.add(.tab, .switchPane, Localized(zh: "切换窗格", en: "switch pane"), footer: false)
        map.add(.leftRight, .switchPane, Localized(zh: "切换窗格", en: "switch pane"), footer: false)
        map.add(.roster, .roster, Localized(zh: "本会议名单与签到", en: "roster of this meeting"), when: selectedMeeting != nil, footer: false)
        map.add(.leave, .leave, Localized(zh: "为本会议请假", en: "ask leave for this meeting"), when: selectedMeeting != nil, footer: false)
        map.add(.new, .newMeeting, Localized(zh: "新建会议", en: "new meeting"), footer: false)
        for section in Section.allCases { map.add(section: section, .section(section)) }
        return map
    }

    public mutating func reload(_ context: ScreenContext) {
        loadError = .loading {
            // Keep the cursor on the same record when the lists change under it.
            let selectedMeeting = meetingList.selected.flatMap { snapshot?.meetings[$0].id }
            let selectedWaiting = waitingList.selected.flatMap { snapshot?.waiting[$0].ref }
            var snap = try context.office.homeSnapshot()
            if let name = context.officeNameOverride { snap.officeName = name }
            snapshot = snap
            meetingList.count = snap.meetings.count
            waitingList.count = snap.waiting.count
            if let id = selectedMeeting, let i = snap.meetings.firstIndex(where: { $0.id == id }) {
                meetingList.select(i)
            } else if selectedMeeting == nil, let i = snap.meetings.firstIndex(where: { $0.start.day >= snap.now.day }) {
                meetingList.select(i)  // the first meeting from today, not one held earlier this week
            }
            if let ref = selectedWaiting, let i = snap.waiting.firstIndex(where: { $0.ref == ref }) { waitingList.select(i) }
        }
    }

    public mutating func perform(_ action: Action, _ context: ScreenContext) -> Effect {
        switch action {
        case .open:
            if let ref = selectedRef, let screen = Navigator.screen(for: ref) { return .push(screen) }
        case .switchPane:
            focus = focus == .meetings ? .waiting : .meetings
        case .roster:
            if let m = selectedMeeting { return .push(RosterScreen(meetingId: m.id)) }
        case .leave:
            if let m = selectedMeeting { return .push(LeaveRequestDialog(meetingId: m.id, meetingTitle: m.title.text(context.lang))) }
        case .newMeeting:
            return .push(MeetingFormScreen(day: context.office.clock.today))
        case .section(let section):
            return .jump(Sections.screen(section, context))
        }
        return .none
    }

    public mutating func input(_ key: Key, _ context: ScreenContext) -> Effect {
        if focus == .meetings { meetingList.handle(key) } else { waitingList.handle(key) }
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
        if buffer.putLoadError(loadError, in: area, lang) { return }
        guard let snapshot else { return }
        let day = snapshot.day
        var header = "\(day.day.iso) \(day.day.weekday.shortName.text(lang)) \(snapshot.now.timeText) · "
        var col = buffer.put(" " + header, row: area.top, column: area.left, style: .heading)
        header = day.label.text(lang)
        col += buffer.put(header, row: area.top, column: area.left + col, style: day.isWorkingDay ? .ok : .holiday)
        if !day.hasHolidayData {
            col += buffer.put(Localized(zh: "  （\(day.day.year) 年无假日数据，仅按周末计）", en: "  (no holiday data for \(day.day.year): weekends only)").text(context.lang),
                              row: area.top, column: area.left + col, style: .warning, maxWidth: area.width - col)
        }
        if snapshot.demo {
            buffer.put(Localized(zh: "  演示数据", en: "  demo data").text(context.lang), row: area.top, column: area.left + col, style: .accent, maxWidth: area.width - col)
        }
        let panes = Rect(top: area.top + 1, left: area.left, height: area.height - 1, width: area.width)
        let (left, right) = panes.splitColumns(leftWidth: panes.width * 11 / 20)
        drawMeetings(snapshot, into: &buffer, rect: left, context)
        drawWaiting(snapshot, into: &buffer, rect: right, context)
    }

    private func drawMeetings(_ snapshot: HomeSnapshot, into buffer: inout ScreenBuffer, rect: Rect, _ context: ScreenContext) {
        drawPane(.meetings, title: Localized(zh: "本周和未来七天", en: "This week and the next seven days").text(context.lang),
                 empty: snapshot.meetings.isEmpty ? Localized(zh: "本周没有会议", en: "No meetings this week").text(context.lang) : nil,
                 into: &buffer, rect: rect) { buffer, index, row, inner in
            let m = snapshot.meetings[index]
            let isToday = m.start.day == snapshot.now.day
            let isPast = m.start.day < snapshot.now.day
            let when = "\(m.start.day.iso.dropFirst(5)) \(m.start.day.weekday.shortName.text(context.lang)) \(m.start.timeText)"
            let used = buffer.put(" " + when + " ", row: row, column: inner.left, style: (isToday ? .accent : isPast ? .dim : .normal))
            buffer.put(MeetingStyle.title(m, width: inner.width - used, context.lang), row: row, column: inner.left + used,
                       style: isPast ? .dim : MeetingStyle.style(forKind: m.kind), maxWidth: inner.width - used)
        }
    }

    private func drawWaiting(_ snapshot: HomeSnapshot, into buffer: inout ScreenBuffer, rect: Rect, _ context: ScreenContext) {
        drawPane(.waiting, title: Localized(zh: "待我处理", en: "Waiting for me").text(context.lang),
                 empty: snapshot.waiting.isEmpty ? Localized(zh: "没有待办事项", en: "Nothing waiting").text(context.lang) : nil,
                 into: &buffer, rect: rect) { buffer, index, row, inner in
            let w = snapshot.waiting[index]
            let style: Style = (w.isOverdue ? .error : .normal)
            var text = " " + w.what.text(context.lang) + " " + w.title
            if let due = w.due {
                // An estimated due day (no holiday data for its year, R46) is marked with "≈".
                text = (w.isOverdue ? Localized(zh: " 逾期", en: " OVERDUE").text(context.lang) : "") + " " + (w.dueWarning == nil ? "" : "≈") + String(due.iso.dropFirst(5)) + text
            }
            buffer.put(text, row: row, column: inner.left, style: style, maxWidth: inner.width)
        }
    }

    /// One pane: a box (highlighted while it has the focus), `empty` when there is nothing to
    /// list, else the rows its cursor shows, each drawn by `drawRow` and marked when selected.
    private func drawPane(_ pane: Pane, title: String, empty: String?, into buffer: inout ScreenBuffer, rect: Rect,
                          drawRow: (inout ScreenBuffer, _ index: Int, _ row: Int, _ inner: Rect) -> Void) {
        buffer.box(rect, title: title, style: focus == pane ? .accent : .dim)
        let inner = rect.inset(1)
        if let empty {
            buffer.put(empty, row: inner.top, column: inner.left + 1, style: .dim)
            return
        }
        let list = pane == .meetings ? meetingList : waitingList
        for (offset, index) in list.visible(rows: inner.height).enumerated() {
            let row = inner.top + offset
            drawRow(&buffer, index, row, inner)
            if focus == pane && list.selected == index { buffer.markSelection(row: row, column: inner.left) }
        }
    }
}

/// Colours and titles of meetings, shared by every list of meetings.
enum MeetingStyle {
    /// Draws the meeting kinds in a row for a form's kind field, the chosen one in brackets
    /// (in its colour, or selected while the field has the focus); returns the column after them.
    @discardableResult
    static func drawKinds(into buffer: inout ScreenBuffer, chosen: MeetingKind, focused: Bool, row: Int, column: Int, _ lang: Lang) -> Int {
        var col = column
        for k in MeetingKind.allCases {
            let isChosen = k == chosen
            col += buffer.put((isChosen ? "[" : " ") + k.shortName.text(lang) + (isChosen ? "]" : " "), row: row, column: col,
                              style: isChosen ? (focused ? .selected : style(forKind: k.rawValue)) : .dim) + 1
        }
        return col
    }

    /// The numbered title when it fits `width`, else the kind and the subject ("专题会议：研究…"),
    /// else the kind in two characters ("专题：研究…"), else the subject alone (the list's colour
    /// still tells the kind): a narrow list shortens the kind and number and keeps what the
    /// meeting is about, cut only when the subject alone is wider than the list.
    static func title(_ m: MeetingLine, width: Int, _ lang: Lang) -> String {
        let full = m.title.text(lang)
        guard DisplayWidth.of(full) > width, let subject = m.subject, let kind = MeetingKind(rawValue: m.kind) else { return full }
        let separator = Localized(zh: "：", en: ": ").text(lang)
        let prefixes = lang == .zh ? [kind.shortName.zh, String(kind.shortName.zh.prefix(2))] : [kind.shortName.en]
        return prefixes.map { $0 + separator + subject }.first { DisplayWidth.of($0) <= width } ?? subject
    }

    static func style(forKind kind: String) -> Style {
        switch kind {
        case "plenary": return .plenary
        case "executive": return .executive
        case "topical": return .topical
        default: return .normal
        }
    }
}
