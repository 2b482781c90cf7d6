import Foundation
import MeetingKit
import MeetingService
import MeetingStore
import TextLayout

/// Attendance statistics for a quarter as a table: per person, per department or per meeting
/// kind (Tab switches), with leave counts and absences without leave; `[` and `]` move by a quarter.
public struct AttendanceStatsScreen: Screen {
    enum View: Int, CaseIterable {
        case people, departments, kinds

        var name: Localized {
            switch self {
            case .people: return Localized(zh: "按人员", en: "By person")
            case .departments: return Localized(zh: "按部门", en: "By department")
            case .kinds: return Localized(zh: "按会议类别", en: "By meeting kind")
            }
        }
    }

    var from: Day
    var to: Day
    var stats: AttendanceStatistics?
    var loadError: Localized?
    var view: View = .people
    var cursor = ListCursor()

    /// The statistics of the quarter that holds `day`.
    public init(around day: Day) {
        (from, to) = AttendanceStatsScreen.quarter(of: day)
    }

    public init(from: Day, to: Day) {
        self.from = from
        self.to = to
    }

    /// The first and last day of the calendar quarter holding `day`.
    static func quarter(of day: Day) -> (Day, Day) {
        let firstMonth = (day.month - 1) / 3 * 3 + 1
        let start = Day(year: day.year, month: firstMonth, day: 1)!
        let next = firstMonth == 10 ? Day(year: day.year + 1, month: 1, day: 1)! : Day(year: day.year, month: firstMonth + 3, day: 1)!
        return (start, next.adding(days: -1))
    }

    public func title(_ lang: Lang) -> String { Localized(zh: "出勤统计", en: "Attendance statistics").text(lang) }

    public enum Action { case back, nextView, previousView, earlier, later }

    public func keymap(_ context: ScreenContext) -> Keymap<Action> {
        var map = Keymap<Action>()
        map.add(.tab, .nextView, Localized(zh: "切换视图", en: "switch view"))
        map.add(.backTab, .previousView, Localized(zh: "上一视图", en: "previous view"), footer: false)
        map.add(.left, .earlier, Localized(zh: "上一季度", en: "previous quarter"))
        map.add(.right, .later, Localized(zh: "下一季度", en: "next quarter"))
        map.addBack(.back)
        return map
    }

    public mutating func reload(_ context: ScreenContext) {
        loadError = .loading {
            // Keep the cursor on the same person, department or kind when the figures change.
            let keep = cursor.selected.flatMap { rows.indices.contains($0) ? rows[$0].key : nil }
            stats = try context.office.attendanceStatistics(from: from, to: to)
            cursor.count = rows.count
            if let keep, let i = rows.firstIndex(where: { $0.key == keep }) { cursor.select(i) }
        }
    }

    /// The rows of the current view; people and departments with nothing recorded are left out.
    var rows: [AttendanceStatistics.Tally] {
        guard let stats else { return [] }
        let all: [AttendanceStatistics.Tally]
        switch view {
        case .people: all = stats.people
        case .departments: all = stats.departments
        case .kinds: all = stats.kinds
        }
        return all.filter { $0.recorded > 0 || $0.approvedLeave > 0 }
    }

    public mutating func perform(_ action: Action, _ context: ScreenContext) -> Effect {
        switch action {
        case .back: return .pop
        case .nextView:
            view = View(rawValue: (view.rawValue + 1) % View.allCases.count)!
            cursor = ListCursor(count: rows.count)
        case .previousView:
            view = View(rawValue: (view.rawValue + View.allCases.count - 1) % View.allCases.count)!
            cursor = ListCursor(count: rows.count)
        case .earlier:
            (from, to) = AttendanceStatsScreen.quarter(of: from.adding(days: -1))
            return .reload
        case .later:
            (from, to) = AttendanceStatsScreen.quarter(of: to.adding(days: 1))
            return .reload
        }
        return .none
    }

    public mutating func input(_ key: Key, _ context: ScreenContext) -> Effect {
        cursor.handle(key)
        return .none
    }

    /// "66.7%", or "—" when nothing is recorded.
    static func percent(_ rate: Double?) -> String {
        guard let rate else { return "—" }
        return String(format: "%.1f%%", rate * 100)
    }

    public func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: ScreenContext) {
        let lang = context.lang
        if buffer.putLoadError(loadError, in: area, lang) { return }
        guard let stats else { return }
        let heading = Localized(zh: " \(from.iso) 至 \(to.iso) · \(stats.meetings) 次会议 · \(view.name.zh)", en: " \(from.iso) to \(to.iso) · \(stats.meetings) meetings · \(view.name.en)").text(context.lang)
        buffer.put(heading, row: area.top, column: area.left, style: .heading, maxWidth: area.width)
        let nameW = 18, numW = 6
        let labels = [Localized(zh: "记录", en: "count"), Localized(zh: "到会", en: "pres"), Localized(zh: "迟到", en: "late"), Localized(zh: "缺席", en: "abs"), Localized(zh: "请假", en: "leave"), Localized(zh: "代会", en: "subst"), Localized(zh: "出勤率", en: "rate")].map { $0.text(lang) }
        var header = "  " + DisplayWidth.pad(Localized(zh: "名称", en: "Name").text(context.lang), to: nameW)
        for label in labels { header += " " + DisplayWidth.pad(label, to: numW) }
        buffer.put(header, row: area.top + 1, column: area.left, style: .dim, maxWidth: area.width)
        let listRect = Rect(top: area.top + 2, left: area.left, height: area.height - 4, width: area.width)
        let rows = self.rows
        if rows.isEmpty {
            buffer.put(Localized(zh: "本期没有签到记录", en: "Nothing recorded in this period").text(context.lang), row: listRect.top, column: area.left + 2, style: .dim)
        }
        for (offset, index) in cursor.visible(rows: listRect.height).enumerated() {
            let t = rows[index]
            let name = view == .kinds ? (MeetingKind(rawValue: t.key)?.name.text(lang) ?? t.key) : t.name
            let isSelected = index == cursor.selected
            var text = "  " + DisplayWidth.pad(name, to: nameW)
            for n in [t.recorded, t.present, t.late, t.absent, t.leave, t.substitute] { text += " " + DisplayWidth.pad(String(n), to: numW) }
            text += " " + AttendanceStatsScreen.percent(t.rate)
            let row = listRect.top + offset
            buffer.listRow(text, row: row, column: area.left, selected: isSelected, style: (t.absent > 0 ? .warning : .normal), maxWidth: area.width)
        }
        let footer = Localized(zh: " 请假 \(stats.leaves.count) 件（已批准 \(stats.leaveCount(.approved))，不予批准 \(stats.leaveCount(.rejected))，待审批 \(stats.leaveCount(.pending))）· 未请假缺席 \(stats.absencesWithoutLeave.count) 人次", en: " leave requests \(stats.leaves.count) (\(stats.leaveCount(.approved)) approved, \(stats.leaveCount(.rejected)) rejected, \(stats.leaveCount(.pending)) pending) · absences without leave \(stats.absencesWithoutLeave.count)").text(context.lang)
        buffer.put(footer, row: area.bottom - 1, column: area.left, style: stats.absencesWithoutLeave.isEmpty ? .dim : .warning, maxWidth: area.width)
    }
}
