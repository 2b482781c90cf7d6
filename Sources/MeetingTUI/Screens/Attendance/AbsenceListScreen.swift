import MeetingKit
import MeetingService
import MeetingStore

/// The register of absences from Beijing (R65, R7) from a month ago on: who, when, why, its
/// approval, and whether it was registered in advance, withdrawn or reported. `w` withdraws
/// one (the trip was cancelled), `s` shortens it, `b` records the mayor's report (报备) to the
/// municipal government; the chair of the mayor's meetings follows (R7).
public struct AbsenceListScreen: Screen {
    enum Mode {
        case browse
        case withdraw(TextField)
        /// The new first and last days, "YYYY-MM-DD YYYY-MM-DD".
        case shorten(TextField)
    }

    var absences: [Absence] = []
    var org = OrgChart(people: [], departments: [])
    var loadError: Localized?
    var cursor = ListCursor()
    var mode: Mode = .browse
    var selecting: Int64?

    public init(selecting: Int64? = nil) { self.selecting = selecting }

    public func title(_ lang: Lang) -> String { lang == .zh ? "离京登记" : "Absences from Beijing" }

    public var capturesText: Bool {
        if case .browse = mode { return false }
        return true
    }

    public func hints(_ lang: Lang) -> [KeyHint] {
        if case .browse = mode {
            return [KeyHint("w", "撤销", "withdraw"), KeyHint("s", "缩短", "shorten"), KeyHint("b", "向市政府报备", "report to the city"),
                    KeyHint("Esc", "返回", "back")]
        }
        return [KeyHint("Enter", "确定", "OK"), KeyHint("Esc", "取消", "cancel")]
    }

    var selected: Absence? { cursor.selected.map { absences[$0] } }

    public mutating func reload(_ context: ScreenContext) {
        let keep = selecting ?? selected?.id
        do {
            absences = try context.office.absences(from: context.office.clock.today.adding(days: -30))
            org = try context.office.orgChart()
            loadError = nil
        } catch {
            loadError = .describing(error)
        }
        cursor.count = absences.count
        if let keep, let i = absences.firstIndex(where: { $0.id == keep }) { cursor.select(i) }
        selecting = nil
    }

    public mutating func update(_ key: Key, _ context: ScreenContext) -> Effect {
        switch mode {
        case .browse:
            break
        case .withdraw(var field), .shorten(var field):
            let withdrawing: Bool
            if case .withdraw = mode { withdrawing = true } else { withdrawing = false }
            switch key {
            case .escape:
                mode = .browse
            case .enter:
                mode = .browse
                guard let id = selected?.id else { return .none }
                let text = field.text, office = context.office
                let effect = MinutesStyle.attempt {
                    let done: AbsenceChange
                    if withdrawing {
                        done = try office.withdrawAbsence(id, reason: text)
                    } else {
                        let days = text.split(separator: " ").map(String.init)
                        guard days.count == 2 else {
                            throw Refusal.invalid("input.badDate", "请输入新的起止日期：YYYY-MM-DD YYYY-MM-DD", "give the new first and last days: YYYY-MM-DD YYYY-MM-DD")
                        }
                        done = try office.shortenAbsence(id, from: try SchedulingInput.day(days[0], option: context.t("开始", "from")),
                                                          to: try SchedulingInput.day(days[1], option: context.t("结束", "to")))
                    }
                    return AbsenceListScreen.changed(done)
                }
                reload(context)
                return effect
            default:
                field.handle(key)
                mode = withdrawing ? .withdraw(field) : .shorten(field)
            }
            return .none
        }
        switch key {
        case .escape: return .pop
        case .char("w"):
            if selected != nil { mode = .withdraw(TextField("", limit: InputLimits.reason)) }
        case .char("s"):
            if let a = selected { mode = .shorten(TextField("\(a.fromDay.iso) \(a.toDay.iso)", limit: 21)) }
        case .char("b"):
            guard let id = selected?.id else { return .none }
            let office = context.office
            let effect = MinutesStyle.attempt { AbsenceListScreen.changed(try office.reportAbsenceToMunicipality(id)) }
            reload(context)
            return effect
        default:
            cursor.handle(key)
        }
        return .none
    }

    /// The status line after a change: the absence, and the meetings whose chair went back to the mayor (R7).
    static func changed(_ done: AbsenceChange) -> Localized {
        let n = done.restoredMeetings.count
        return Localized(zh: "离京登记 #\(done.absence.id ?? 0) 已更新" + (n > 0 ? "；\(n) 次常务会议恢复由区长主持（R7）" : ""),
                         en: "absence #\(done.absence.id ?? 0) updated" + (n > 0 ? "; \(n) executive meetings chaired by the mayor again (R7)" : ""))
    }

    public func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: ScreenContext) {
        let lang = context.lang
        if let loadError {
            buffer.put(loadError.text(lang), row: area.top + 1, column: 2, style: .error, maxWidth: area.width - 4)
            return
        }
        if absences.isEmpty {
            buffer.put(context.t("近一个月以来没有离京登记", "No absences since a month ago"), row: area.top + 1, column: area.left + 2, style: .dim)
            return
        }
        var list = cursor
        for (offset, index) in list.visibleRange(rows: area.height).enumerated() {
            let a = absences[index]
            let row = area.top + offset
            let isSelected = cursor.selected == index
            defer { if isSelected { buffer.markSelection(row: row, column: area.left + 1) } }
            let who = org.person(a.personLogin)?.name ?? a.personLogin
            var text = (isSelected ? " › " : "   ") + DisplayWidth.pad(a.dateText, to: 23) + DisplayWidth.pad(who, to: 8)
                + DisplayWidth.pad(a.kind.name.text(lang), to: 6) + DisplayWidth.pad(a.status.name.text(lang), to: 8) + a.reason
            let remarks = a.remarks.map { $0.text(lang) }
            if !remarks.isEmpty { text += "  [" + remarks.joined(separator: context.t("；", "; ")) + "]" }
            let style: Style = a.withdrawnAt != nil ? .dim : (a.isInAdvance ? .normal : .warning)
            buffer.put(text, row: row, column: area.left, style: style, maxWidth: area.width)
        }
        switch mode {
        case .browse: break
        case .withdraw(let field): MinutesStyle.drawField(field, prompt: context.t("撤销理由（行程取消）", "Why (the trip was cancelled)"), into: &buffer, area: area)
        case .shorten(let field):
            MinutesStyle.drawField(field, prompt: context.t("新的起止日期 YYYY-MM-DD YYYY-MM-DD", "New first and last days YYYY-MM-DD YYYY-MM-DD"), into: &buffer, area: area)
        }
    }
}
