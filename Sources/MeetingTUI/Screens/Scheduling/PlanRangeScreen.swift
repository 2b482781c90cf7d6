import MeetingKit
import MeetingService
import MeetingStore
import TextLayout

/// "Plan a range": a cadence (kind, weekday, time, duration) over dates, previewed with
/// every move, skip and warning (a year without holiday data) before anything is written.
public struct PlanRangeScreen: Screen {
    enum Field: Int, CaseIterable { case kind, from, to, weekday, time, duration }
    enum Stage { case editing, preview(PlanReport), done(PlanReport) }

    var cadence = Cadence.standard(for: .topical)
    var from: TextField
    var to: TextField
    var time = TextField("09:00", limit: 5)
    var duration = TextField("90", limit: 4)
    var focus: Field = .kind
    var stage: Stage = .editing
    var list = ListCursor()
    var error: Localized?

    let initialFrom: String
    let initialTo: String

    public init(today: Day) {
        initialFrom = today.iso
        initialTo = Day(year: today.year, month: 12, day: 31)!.iso
        from = TextField(initialFrom, limit: 10)
        to = TextField(initialTo, limit: 10)
    }

    public enum Action { case next, previous, enter, cancel, commit, edit, close }

    public var isModal: Bool { if case .editing = stage { return true } else { return false } }

    public var hasUnsavedInput: Bool {
        if case .editing = stage { return from.text != initialFrom || to.text != initialTo }
        return false
    }

    public func title(_ lang: Lang) -> String { Localized(zh: "批量安排例会", en: "Plan regular meetings").text(lang) }

    public func keymap(_ context: ScreenContext) -> Keymap<Action> {
        var map = Keymap<Action>()
        switch stage {
        case .editing:
            map.addFieldMoves(next: .next, previous: .previous)
            map.add(.enter, .enter, focus == .duration ? Localized(zh: "预览", en: "preview") : Localized(zh: "下一项", en: "next"))
            map.add(.escape, .cancel, Localized(zh: "放弃", en: "discard"))
        case .preview:
            map.add(.enter, .commit, Localized(zh: "确认安排", en: "create them"))
            map.add(.escape, .edit, Localized(zh: "修改", en: "edit"))
        case .done:
            map.add(.enter, .close, Localized(zh: "返回日历", en: "back to calendar"))
            map.add(.escape, .close, Localized(zh: "返回日历", en: "back to calendar"), footer: false)
        }
        return map
    }

    public mutating func perform(_ action: Action, _ context: ScreenContext) -> Effect {
        let all = Field.allCases
        switch action {
        case .next: focus = all[(focus.rawValue + 1) % all.count]
        case .previous: focus = all[(focus.rawValue + all.count - 1) % all.count]
        case .enter:
            if focus == .duration { return run(context, commit: false, current: nil) }
            focus = all[focus.rawValue + 1]
        case .cancel: return .pop
        case .commit:
            if case .preview(let report) = stage { return run(context, commit: true, current: report) }
        case .edit: stage = .editing
        case .close: return .popAndReload
        }
        return .none
    }

    public mutating func input(_ key: Key, _ context: ScreenContext) -> Effect {
        guard case .editing = stage else {
            list.handle(key)
            return .none
        }
        let all = Field.allCases
        switch key {
        case .down: focus = all[(focus.rawValue + 1) % all.count]
        case .up: focus = all[(focus.rawValue + all.count - 1) % all.count]
        case .left where focus == .kind || focus == .weekday, .right where focus == .kind || focus == .weekday,
             .char(" ") where focus == .kind || focus == .weekday:
            let step = key == .left ? -1 : 1
            if focus == .kind {
                let kinds = MeetingKind.allCases
                let next = kinds[(kinds.firstIndex(of: cadence.kind)! + step + kinds.count) % kinds.count]
                cadence = context.config.cadence(for: next)
                time = TextField(LocalDateTime(day: Day(year: 2026, month: 1, day: 1)!, minuteOfDay: cadence.minuteOfDay).timeText, limit: 5)
                duration = TextField(String(cadence.durationMinutes), limit: 4)
            } else if cadence.frequency != .yearly {
                cadence.weekday = Weekday(rawValue: (cadence.weekday.rawValue - 1 + step + 5) % 5 + 1)!
            }
        default:
            switch focus {
            case .from: from.handle(key)
            case .to: to.handle(key)
            case .time: time.handle(key)
            case .duration: duration.handle(key)
            case .kind, .weekday: break
            }
        }
        return .none
    }

    /// Previews (or commits) the plan; refusals stay on this screen.
    private mutating func run(_ context: ScreenContext, commit: Bool, current: PlanReport?) -> Effect {
        var c = current?.plan.cadence ?? cadence
        let f: Day, t: Day
        do {
            f = try current?.plan.from ?? SchedulingInput.day(from.text, field: Localized(zh: "开始日期", en: "from").text(context.lang))
            t = try current?.plan.to ?? SchedulingInput.day(to.text, field: Localized(zh: "结束日期", en: "to").text(context.lang))
            if current == nil {
                c.minuteOfDay = try SchedulingInput.time(time.text, field: Localized(zh: "时间", en: "time").text(context.lang))
                c.durationMinutes = try MeetingDuration.parse(duration.text)
            }
        } catch {
            self.error = .describing(error)
            return .failure(error)
        }
        let plan = c
        return .call("planMeetings", on: PlanRangeScreen.self, { try $0.planMeetings(plan, from: f, to: t, commit: commit) }) { screen, result, _ in
            switch result {
            case .success(let report):
                screen.error = nil
                screen.list = ListCursor(count: report.plan.occurrences.count)
                if commit {
                    screen.stage = .done(report)
                    return .status(Localized(zh: "已安排 \(report.created.count) 次会议", en: "created \(report.created.count) meetings"), .ok)
                }
                screen.stage = .preview(report)
                return .none
            case .failure(let error):
                screen.error = .describing(error)
                if current != nil { screen.stage = .editing }
                return .failure(error)
            }
        }
    }

    public func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: ScreenContext) {
        switch stage {
        case .editing: drawForm(into: &buffer, area: area, context)
        case .preview(let report), .done(let report): drawReport(report, into: &buffer, area: area, context)
        }
    }

    private func drawForm(into buffer: inout ScreenBuffer, area: Rect, _ context: ScreenContext) {
        let lang = context.lang
        let left = area.left + 2
        let fieldLeft = left + 16
        let labels: [Field: Localized] = [
            .kind: Localized(zh: "会议种类", en: "Kind"), .from: Localized(zh: "开始日期", en: "From"), .to: Localized(zh: "结束日期", en: "To"),
            .weekday: Localized(zh: "星期", en: "Weekday"), .time: Localized(zh: "时间", en: "Time"),
            .duration: Localized(zh: "时长（分钟）", en: "Minutes"),
        ]
        for field in Field.allCases {
            let row = area.top + 1 + field.rawValue * 2
            let focused = field == focus
            buffer.put(labels[field]!.text(lang), row: row, column: left, style: focused ? .accent : .normal)
            switch field {
            case .kind:
                let col = MeetingStyle.drawKinds(into: &buffer, chosen: cadence.kind, focused: focused, row: row, column: fieldLeft, lang)
                buffer.put(cadence.frequency.name.text(lang), row: row, column: col + 1, style: .dim)
            case .from: from.draw(into: &buffer, row: row, column: fieldLeft, width: 12, focused: focused)
            case .to: to.draw(into: &buffer, row: row, column: fieldLeft, width: 12, focused: focused)
            case .weekday:
                if cadence.frequency == .yearly {
                    buffer.put(Localized(zh: "春节假期后第一个工作日", en: "first working day after the Spring Festival").text(context.lang), row: row, column: fieldLeft, style: .dim)
                } else {
                    buffer.put("‹ " + cadence.weekday.shortName.text(lang) + " ›", row: row, column: fieldLeft, style: focused ? .selected : .normal)
                }
            case .time: time.draw(into: &buffer, row: row, column: fieldLeft, width: 7, focused: focused)
            case .duration: duration.draw(into: &buffer, row: row, column: fieldLeft, width: 7, focused: focused)
            }
        }
        let row = area.top + 1 + Field.allCases.count * 2
        if let error {
            buffer.put(error.text(lang), row: row, column: left, style: .error, maxWidth: area.width - 4)
        } else {
            let text = cadence.adjustedWorkingDays
                ? Localized(zh: "非工作日顺延到同一周期内的下一个工作日（可落在调休上班的周末，见 config.toml）；无可用工作日则跳过。按 Enter 预览，确认前不写入。", en: "A non-working day moves to the next working day of its period (an adjusted working weekend day too, per config.toml); with none left it is skipped. Enter previews; nothing is written before you confirm.").text(context.lang)
                : Localized(zh: "非工作日顺延到同一周期内的下一个工作日（不落在周末）；无可用工作日则跳过。按 Enter 预览，确认前不写入。", en: "A non-working day moves to the next working weekday of its period; with none left it is skipped. Enter previews; nothing is written before you confirm.").text(context.lang)
            buffer.put(text, row: row, column: left, style: .dim, maxWidth: area.width - 4)
        }
    }

    private func drawReport(_ report: PlanReport, into buffer: inout ScreenBuffer, area: Rect, _ context: ScreenContext) {
        let lang = context.lang
        let plan = report.plan
        let making = plan.occurrences.filter(\.createsMeeting).count
        let skipped = plan.occurrences.filter(\.isSkipped).count
        let existing = plan.occurrences.filter { $0.outcome == .alreadyPlanned }.count
        var row = area.top
        let head = report.committed
            ? Localized(zh: "已安排 \(report.created.count) 次\(plan.cadence.kind.name.zh)，跳过 \(skipped) 次，已有 \(existing) 次", en: "created \(report.created.count) \(plan.cadence.kind.name.en.lowercased())s, \(skipped) skipped, \(existing) already planned").text(context.lang)
            : Localized(zh: "预览：将安排 \(making) 次\(plan.cadence.kind.name.zh)，跳过 \(skipped) 次，已有 \(existing) 次（\(plan.from.iso) – \(plan.to.iso)）", en: "preview: \(making) \(plan.cadence.kind.name.en.lowercased())s, \(skipped) skipped, \(existing) already planned (\(plan.from.iso) – \(plan.to.iso))").text(context.lang)
        buffer.put(" " + head, row: row, column: area.left, style: report.committed ? .ok : .heading, maxWidth: area.width)
        row += 1
        for w in plan.warnings {
            buffer.put(" ⚠ " + w.text(lang), row: row, column: area.left, style: .warning, maxWidth: area.width)
            row += 1
        }
        let rect = Rect(top: row, left: area.left, height: area.bottom - row, width: area.width)
        for (offset, index) in list.visible(rows: rect.height).enumerated() {
            let o = plan.occurrences[index]
            let r = rect.top + offset
            let selected = list.selected == index
            let shown = o.day ?? o.nominal
            let when = shown.map { "\($0.iso) \($0.weekday.shortName.text(lang))" } ?? "          "
            let time = o.createsMeeting ? (plan.start(of: o)?.timeText ?? "") : "     "
            let outcome: (Localized, Style)
            switch o.outcome {
            case .onDate: outcome = (Localized(zh: "安排", en: "plan"), .normal)
            case .moved: outcome = (Localized(zh: "顺延", en: "moved"), .warning)
            case .skipped: outcome = (Localized(zh: "跳过", en: "SKIP"), .error)
            case .alreadyPlanned: outcome = (Localized(zh: "已有", en: "exists"), .dim)
            }
            var text = " \(when) \(time) " + DisplayWidth.pad(outcome.0.text(lang), to: 6)
            if let made = report.meeting(for: o) { text += made.meeting.numberedTitle(lang) + "  " }
            if let reason = o.reason { text += reason.text(lang) }
            buffer.listRow(text, row: r, column: rect.left, selected: selected, style: outcome.1, maxWidth: rect.width)
        }
    }
}
