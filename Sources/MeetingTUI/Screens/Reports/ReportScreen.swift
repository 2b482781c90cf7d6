import MeetingDocuments
import MeetingKit
import MeetingService
import MeetingStore
import TextLayout

/// The office's report as bar charts (`t` on the home screen): meetings held per kind, agenda
/// items decided and deferred per lead department, what is overdue per leader and per
/// department (R46, R53–R55), attendance rates. ← → move to the previous or next period,
/// `p` switches between month, quarter and year; the same figures as `huiwu report`.
public struct ReportScreen: Screen {
    public enum Span: CaseIterable, Sendable {
        case month, quarter, year

        var name: Localized {
            switch self {
            case .month: return Localized(zh: "月", en: "month")
            case .quarter: return Localized(zh: "季度", en: "quarter")
            case .year: return Localized(zh: "年", en: "year")
            }
        }
    }

    var span: Span
    /// The first day of the period shown.
    var start: Day?
    var report: PeriodReport?
    var loadError: Localized?
    var scroll = 0

    /// The report of the `span` containing today, or of the span starting at `start`.
    public init(span: Span = .quarter, start: Day? = nil) {
        self.span = span
        self.start = start
    }

    public func title(_ lang: Lang) -> String { Localized(zh: "会务报表", en: "Report").text(lang) }

    public enum Action { case back, earlier, later, span, statistics, print }

    public func keymap(_ context: ScreenContext) -> Keymap<Action> {
        var map = Keymap<Action>()
        map.add(.left, .earlier, Localized(zh: "上一期", en: "previous"))
        map.add(.right, .later, Localized(zh: "下一期", en: "next"))
        map.add(.tab, .span, Localized(zh: "月/季/年", en: "month/quarter/year"))
        map.add(.statistics, .statistics)
        map.add(.print, .print, Localized(zh: "打印督办台账", en: "print follow-ups"))
        map.addBack(.back)
        return map
    }

    /// The first day of the span that contains `day`.
    static func spanStart(_ span: Span, containing day: Day) -> Day {
        switch span {
        case .month: return Day(year: day.year, month: day.month, day: 1)!
        case .quarter: return Day(year: day.year, month: (day.month - 1) / 3 * 3 + 1, day: 1)!
        case .year: return Day(year: day.year, month: 1, day: 1)!
        }
    }

    /// The first day of the span `steps` spans after the one starting at `first`.
    static func shifted(_ first: Day, _ span: Span, by steps: Int) -> Day {
        let months = steps * (span == .month ? 1 : span == .quarter ? 3 : 12)
        let index = first.year * 12 + (first.month - 1) + months
        return Day(year: index / 12, month: index % 12 + 1, day: 1)!
    }

    var period: (from: Day, to: Day)? {
        guard let start else { return nil }
        return (start, ReportScreen.shifted(start, span, by: 1).adding(days: -1))
    }

    public mutating func reload(_ context: ScreenContext) {
        if start == nil { start = ReportScreen.spanStart(span, containing: context.office.clock.today) }
        guard let period else { return }
        loadError = .loading {
            report = try context.office.periodReport(from: period.from, to: period.to)
        }
    }

    public mutating func perform(_ action: Action, _ context: ScreenContext) -> Effect {
        switch action {
        case .back: return .pop
        case .earlier, .later:
            if let start { self.start = ReportScreen.shifted(start, span, by: action == .earlier ? -1 : 1) }
            scroll = 0
            return .reload
        case .span:
            span = Span.allCases[(Span.allCases.firstIndex(of: span)! + 1) % Span.allCases.count]
            start = ReportScreen.spanStart(span, containing: start ?? context.office.clock.today)
            scroll = 0
            return .reload
        case .statistics:
            return .push(period.map { AttendanceStatsScreen(from: $0.from, to: $0.to) } ?? AttendanceStatsScreen(around: context.office.clock.today))
        case .print:
            return DocumentPrinter.print(name: "followups", context) { FollowUpComposer.layout(try $0.followUpPaper()) }
        }
    }

    public mutating func input(_ key: Key, _ context: ScreenContext) -> Effect {
        if let next = TextScroll.scrolled(scroll, by: key) { scroll = next }
        return .none
    }

    public func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: ScreenContext) {
        let lang = context.lang
        if buffer.putLoadError(loadError, in: area, lang) { return }
        guard let report else { return }
        let header = Localized(zh: " \(report.from.iso) 至 \(report.to.iso)（\(span.name.zh)）", en: " \(report.from.iso) to \(report.to.iso) (\(span.name.en))").text(context.lang)
        buffer.put(header, row: area.top, column: area.left, style: .heading, maxWidth: area.width)
        let lines = ReportScreen.lines(report, width: area.width - 1, lang: lang)
        let height = area.height - 1
        let first = min(scroll, max(0, lines.count - height))
        for (offset, line) in lines.dropFirst(first).prefix(height).enumerated() {
            line.draw(into: &buffer, row: area.top + 1 + offset, column: area.left + 1, width: area.width - 1)
        }
    }

    /// The charts as lines: a label column, a bar, the figures.
    static func lines(_ r: PeriodReport, width: Int, lang: Lang) -> [StyledLine] {
        let labelWidth = 18, barWidth = max(10, min(30, width - labelWidth - 30))
        var out: [StyledLine] = []
        func chart(_ title: String, _ rows: [(label: String, value: Double, text: String, style: Style)], maximum: Double? = nil,
                   track: Character = " ", empty: String) {
            out.append(StyledLine(title, .heading))
            if rows.isEmpty { out.append(StyledLine("  " + empty, .dim)) }
            let top = maximum ?? max(1, rows.map(\.value).max() ?? 1)
            for row in rows {
                var line = StyledLine("  " + DisplayWidth.pad(DisplayWidth.truncate(row.label, to: labelWidth - 1, ellipsis: true), to: labelWidth))
                line.add(BarChart.bar(row.value, maximum: top, width: barWidth, track: track), row.style)
                line.add("  " + row.text, .dim)
                out.append(line)
            }
            out.append(StyledLine())
        }
        chart(Localized(zh: "会议（已召开）", en: "Meetings held").text(lang), r.meetings.map { m in
            (m.kind.name.text(lang), Double(m.held),
             Localized(zh: "\(m.held) 次", en: "\(m.held)").text(lang) + (m.notHeld > 0 ? Localized(zh: "，未召开 \(m.notHeld)", en: ", \(m.notHeld) not held").text(lang) : "")
                + (m.upcoming > 0 ? Localized(zh: "，待召开 \(m.upcoming)", en: ", \(m.upcoming) to come").text(lang) : ""),
             MeetingStyle.style(forKind: m.kind.rawValue))
        }, empty: "")
        chart(Localized(zh: "议题决定（按主办部门）", en: "Items decided (by lead department)").text(lang), r.items.filter { $0.decided + $0.deferred > 0 }.map { c in
            var text = Localized(zh: "决定 \(c.decided)", en: "\(c.decided) decided").text(lang)
            if c.deferred > 0 { text += Localized(zh: "，暂缓 \(c.deferred)", en: ", \(c.deferred) deferred").text(lang) }
            if let days = c.averageDaysToDecision { text += Localized(zh: "，平均 \(String(format: "%.1f", days)) 天", en: ", avg \(String(format: "%.1f", days)) days").text(lang) }
            return (c.name, Double(c.decided), text, .ok)
        }, empty: Localized(zh: "本期没有议题决定", en: "no decisions in this period").text(lang))
        func overdue(_ list: [PeriodReport.Overdue]) -> [(label: String, value: Double, text: String, style: Style)] {
            list.map { o in
                (o.name, Double(o.total), Localized(zh: "审核 \(o.approvals)，督办 \(o.followUps)", en: "approvals \(o.approvals), follow-ups \(o.followUps)").text(lang), .error)
            }
        }
        chart(Localized(zh: "逾期（截至 \(r.asOf.iso)）按领导", en: "Overdue (as of \(r.asOf.iso)) by leader").text(lang), overdue(r.overdueByLeader),
              empty: Localized(zh: "无逾期", en: "nothing overdue").text(lang))
        chart(Localized(zh: "逾期按部门", en: "Overdue by department").text(lang), overdue(r.overdueByDepartment), empty: Localized(zh: "无逾期", en: "nothing overdue").text(lang))
        if r.overdueReturns > 0 {
            chart(Localized(zh: "已签发纪要逾期未转办（R46）", en: "Signed minutes not sent back in time (R46)").text(lang),
                  [(Localized(zh: "区政府办公室", en: "the office").text(lang), Double(r.overdueReturns), Localized(zh: "\(r.overdueReturns) 件", en: "\(r.overdueReturns)").text(lang), .error)], empty: "")
        }
        let rates = r.attendanceByKind.filter { $0.recorded > 0 } + (r.attendance.recorded > 0 ? [r.attendance] : [])
        chart(Localized(zh: "出勤率", en: "Attendance").text(lang), rates.map { a in
            let label = a.key == "all" ? Localized(zh: "合计", en: "total").text(lang) : (MeetingKind(rawValue: a.key)?.name.text(lang) ?? a.name)
            let percent = a.rate.map { String(format: "%.1f%%", $0 * 100) } ?? "—"
            return (label, a.rate ?? 0, Localized(zh: "\(percent)（\(a.attended)/\(a.recorded)）", en: "\(percent) (\(a.attended)/\(a.recorded))").text(lang), .accent)
        }, maximum: 1, track: "░", empty: Localized(zh: "本期没有签到记录", en: "no sign-in records in this period").text(lang))
        return out
    }
}
