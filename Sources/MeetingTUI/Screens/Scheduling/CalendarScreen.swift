import MeetingKit
import MeetingService
import MeetingStore

/// The meeting calendar: a week as a list of days with their meetings (the default), or a
/// month as a grid. Days carry their working-day status (holiday 休, adjusted working day 班),
/// meetings their kind's colour. Enter opens a meeting; `n` adds one, `B` plans a range,
/// Tab switches between the week and the month.
public struct CalendarScreen: Screen {
    public enum Mode: Hashable, Sendable { case week, month }

    /// One line of the week view.
    enum Row: Hashable {
        case day(DayInfo)
        case meeting(MeetingLine)

        var day: Day {
            switch self {
            case .day(let info): return info.day
            case .meeting(let m): return m.start.day
            }
        }
    }

    var mode: Mode
    /// The selected day; the week or month shown is the one holding it.
    var cursorDay: Day
    var page: CalendarPage?
    var loadError: Localized?
    var rows: [Row] = []
    var rowCursor = ListCursor()

    public init(mode: Mode = .week, day: Day) {
        self.mode = mode
        cursorDay = day
    }

    public func title(_ lang: Lang) -> String {
        switch mode {
        case .week:
            let monday = cursorDay.startOfWeek
            return Localized(zh: "会议日历 · 周 \(monday.iso) – \(monday.adding(days: 6).iso)", en: "Meetings · week \(monday.iso) – \(monday.adding(days: 6).iso)").text(lang)
        case .month:
            return Localized(zh: "会议日历 · \(cursorDay.year)年\(cursorDay.month)月", en: "Meetings · \(cursorDay.year)-\(cursorDay.iso.dropFirst(5).prefix(2))").text(lang)
        }
    }

    public enum Action { case back, open, earlier, later, today, switchView, new, plan }

    public func keymap(_ context: ScreenContext) -> Keymap<Action> {
        var map = Keymap<Action>()
        if mode == .week {
            map.add(.enter, .open, Localized(zh: "打开", en: "open"), when: selectedMeeting != nil)
            map.add(.left, .earlier, Localized(zh: "上周", en: "previous week"))
            map.add(.right, .later, Localized(zh: "下周", en: "next week"))
        } else {
            map.add(.enter, .open, Localized(zh: "周视图", en: "week"))
        }
        map.add(.tab, .switchView, mode == .week ? Localized(zh: "月视图", en: "month") : Localized(zh: "周视图", en: "week"))
        map.add(.new, .new, Localized(zh: "新建会议", en: "new"))
        map.add(.plan, .plan)
        map.add(.today, .today)
        map.addBack(.back)
        return map
    }

    var selectedMeeting: MeetingLine? {
        guard let i = rowCursor.selected, i < rows.count, case .meeting(let m) = rows[i] else { return nil }
        return m
    }

    /// The days shown: Monday to Sunday of the week, or the whole weeks covering the month.
    var range: (from: Day, to: Day) {
        switch mode {
        case .week:
            return (cursorDay.startOfWeek, cursorDay.startOfWeek.adding(days: 6))
        case .month:
            let first = Day(year: cursorDay.year, month: cursorDay.month, day: 1)!
            let last = Day(year: cursorDay.year, month: cursorDay.month, day: Day.daysInMonth(year: cursorDay.year, month: cursorDay.month))!
            return (first.startOfWeek, last.startOfWeek.adding(days: 6))
        }
    }

    public mutating func reload(_ context: ScreenContext) {
        let selectedMeeting: Int64? = rowCursor.selected.flatMap { i in
            if i < rows.count, case .meeting(let m) = rows[i] { return m.id } else { return nil }
        }
        do {
            let page = try context.office.calendarPage(from: range.from, to: range.to)
            self.page = page
            loadError = nil
            rows = page.days.flatMap { info in [Row.day(info)] + page.meetings(on: info.day).map(Row.meeting) }
            rowCursor.count = rows.count
            if let id = selectedMeeting, let i = rows.firstIndex(where: { if case .meeting(let m) = $0 { return m.id == id } else { return false } }) {
                rowCursor.select(i)
            } else if let i = rows.firstIndex(where: { if case .day(let d) = $0 { return d.day == cursorDay } else { return false } }) {
                // Prefer the day's first meeting, else the day itself.
                if i + 1 < rows.count, case .meeting = rows[i + 1] { rowCursor.select(i + 1) } else { rowCursor.select(i) }
            }
        } catch {
            loadError = .describing(error)
        }
    }

    public mutating func perform(_ action: Action, _ context: ScreenContext) -> Effect {
        let before = (mode, range.from)
        switch action {
        case .back: return .pop
        case .today: cursorDay = context.office.clock.today
        case .switchView: mode = mode == .week ? .month : .week
        case .new: return .push(MeetingFormScreen(day: max(cursorDay, context.office.clock.today)))
        case .plan: return .push(PlanRangeScreen(today: context.office.clock.today))
        case .open:
            if mode == .month { mode = .week; break }
            if let m = selectedMeeting { return .push(MeetingDetailScreen(id: m.id)) }
        case .earlier: cursorDay = cursorDay.adding(days: -7)
        case .later: cursorDay = cursorDay.adding(days: 7)
        }
        return moved(from: before)
    }

    public mutating func input(_ key: Key, _ context: ScreenContext) -> Effect {
        let before = (mode, range.from)
        switch key {
        case .pageUp:
            cursorDay = mode == .week ? cursorDay.adding(days: -7) : CalendarScreen.shiftMonth(cursorDay, by: -1)
        case .pageDown:
            cursorDay = mode == .week ? cursorDay.adding(days: 7) : CalendarScreen.shiftMonth(cursorDay, by: 1)
        case .left where mode == .month: cursorDay = cursorDay.adding(days: -1)
        case .right where mode == .month: cursorDay = cursorDay.adding(days: 1)
        case .up, .char("k"), .down, .char("j"), .home, .end, .char("g"), .char("G"):
            if mode == .month {
                if key == .up || key == .char("k") { cursorDay = cursorDay.adding(days: -7) }
                if key == .down || key == .char("j") { cursorDay = cursorDay.adding(days: 7) }
            } else {
                rowCursor.handle(key)
                if let i = rowCursor.selected, i < rows.count { cursorDay = rows[i].day }
                return .none
            }
        default:
            return .none
        }
        return moved(from: before)
    }

    /// After the day moved: another week or month reloads, the same one moves the cursor.
    private mutating func moved(from before: (Mode, Day)) -> Effect {
        if (mode, range.from) != before { return .reload }
        if mode == .week, let i = rows.firstIndex(where: { $0.day == cursorDay }) { rowCursor.select(i) }
        return .none
    }

    static func shiftMonth(_ day: Day, by months: Int) -> Day {
        let index = day.year * 12 + (day.month - 1) + months
        let year = index / 12, month = index % 12 + 1
        return Day(year: year, month: month, day: min(day.day, Day.daysInMonth(year: year, month: month)))!
    }

    public func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: ScreenContext) {
        if buffer.putLoadError(loadError, in: area, context.lang) { return }
        guard let page else { return }
        var top = area.top
        if !page.yearsWithoutData.isEmpty {
            let text = page.yearsWithoutData.map { CadencePlan.noDataWarning(year: $0).text(context.lang) }.joined(separator: "; ")
            buffer.put(" ⚠ " + text, row: top, column: area.left, style: .warning, maxWidth: area.width)
            top += 1
        }
        let body = Rect(top: top, left: area.left, height: area.bottom - top, width: area.width)
        switch mode {
        case .week: drawWeek(page, into: &buffer, rect: body, context)
        case .month: drawMonth(page, into: &buffer, rect: body, context)
        }
    }

    private func drawWeek(_ page: CalendarPage, into buffer: inout ScreenBuffer, rect: Rect, _ context: ScreenContext) {
        let lang = context.lang
        let today = context.office.clock.today
        for (offset, index) in rowCursor.visible(rows: rect.height).enumerated() {
            let row = rect.top + offset
            let selected = rowCursor.selected == index
            switch rows[index] {
            case .day(let info):
                let label = "\(info.day.iso) \(info.day.weekday.shortName.text(lang))"
                var col = rect.left + buffer.listRow(" " + label + " ", row: row, column: rect.left, selected: selected, style: .heading)
                let mark = CalendarScreen.mark(info, lang)
                col += buffer.put((mark.isEmpty ? "  " : mark) + " " + info.label.text(lang), row: row, column: col,
                                  style: (info.isWorkingDay ? .ok : .holiday))
                if info.day == today { col += buffer.put(Localized(zh: "  今天", en: "  today").text(context.lang), row: row, column: col, style: .accent) }
                if page.meetings(on: info.day).isEmpty {
                    buffer.put("  " + Localized(zh: "（无会议）", en: "(no meetings)").text(context.lang), row: row, column: col, style: .dim)
                }
            case .meeting(let m):
                let cancelled = m.status == MeetingStatus.cancelled.rawValue
                let when = "    \(m.start.timeText)–\(m.start.adding(minutes: m.durationMinutes).timeText)  "
                let used = buffer.listRow(when, row: row, column: rect.left, selected: selected)
                var text = m.title.text(lang)
                if let status = MeetingStatus(rawValue: m.status), status != .planned { text += Localized(zh: "（\(status.name.zh)）", en: " (\(status.name.en))").text(lang) }
                if let room = m.room { text += "  " + room }
                buffer.put(text, row: row, column: rect.left + used,
                           style: (cancelled ? .dim : MeetingStyle.style(forKind: m.kind)), maxWidth: rect.width - used)
            }
        }
    }

    private func drawMonth(_ page: CalendarPage, into buffer: inout ScreenBuffer, rect: Rect, _ context: ScreenContext) {
        let lang = context.lang
        let today = context.office.clock.today
        let cellWidth = max(6, rect.width / 7)
        for weekday in Weekday.allCases {
            buffer.put(" " + weekday.shortName.text(lang), row: rect.top, column: rect.left + (weekday.rawValue - 1) * cellWidth,
                       style: weekday.rawValue > 5 ? .dim : .heading, maxWidth: cellWidth)
        }
        let weeks = max(1, page.days.count / 7)
        let cellHeight = max(2, (rect.height - 1) / weeks)
        for (i, info) in page.days.enumerated() {
            let top = rect.top + 1 + (i / 7) * cellHeight
            let left = rect.left + (i % 7) * cellWidth
            guard top < rect.bottom else { break }
            let inMonth = info.day.month == cursorDay.month
            let selected = info.day == cursorDay
            let style: Style = selected ? .selected : (!inMonth ? .dim : (info.isWorkingDay ? .normal : .holiday))
            var label = (info.day.day < 10 ? "  " : " ") + String(info.day.day) + CalendarScreen.mark(info, lang)
            if info.day == today { label += Localized(zh: "今", en: "*").text(lang) }
            if selected { buffer.fill(Rect(top: top, left: left, height: 1, width: cellWidth - 1), style: .selected) }
            buffer.put(label, row: top, column: left, style: style, maxWidth: cellWidth - 1)
            let meetings = page.meetings(on: info.day).filter { $0.status != MeetingStatus.cancelled.rawValue }
            let slots = cellHeight - 1
            for (j, m) in meetings.prefix(slots).enumerated() {
                if j == slots - 1 && meetings.count > slots {
                    buffer.put(" +\(meetings.count - j)", row: top + 1 + j, column: left + 1, style: .dim, maxWidth: cellWidth - 2)
                    break
                }
                let kind = MeetingKind(rawValue: m.kind)?.shortName.text(lang) ?? m.kind
                buffer.put(m.start.timeText + (lang == .zh ? String(kind.prefix(2)) : " " + kind.prefix(3)), row: top + 1 + j, column: left + 1,
                           style: MeetingStyle.style(forKind: m.kind), maxWidth: cellWidth - 2)
            }
        }
    }

    /// 休 (H) for a holiday, 班 (W) for an adjusted working day (调休), nothing otherwise.
    static func mark(_ info: DayInfo, _ lang: Lang) -> String {
        switch info.status {
        case .holiday: return Localized(zh: "休", en: "H").text(lang)
        case .adjustedWorkingDay: return Localized(zh: "班", en: "W").text(lang)
        case .workingDay, .weekend: return ""
        }
    }
}
