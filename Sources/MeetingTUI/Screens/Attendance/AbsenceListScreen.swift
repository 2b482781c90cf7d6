import MeetingKit
import MeetingService
import MeetingStore
import TextLayout

/// The register of absences from Beijing (R65, R7) from a month ago on: who, when, why, its
/// approval, and whether it was registered in advance, withdrawn or reported. `n` registers
/// one (for oneself, or for anyone by the office), `a` approves and `x` refuses it (the mayor,
/// or the supervising vice mayor of a department's head), `w` withdraws one (the trip was
/// cancelled), `e` shortens it, `s` records the mayor's report (报备) to the municipal
/// government; the chair of the mayor's meetings follows (R7).
public struct AbsenceListScreen: Screen {
    enum Purpose { case register, refuse, withdraw, shorten }
    public enum Action { case back, new, approve, refuse, withdraw, shorten, report, form(Form.Action) }

    var absences: [Absence] = []
    var org = OrgChart(people: [], departments: [])
    var loadError: Localized?
    var cursor = ListCursor()
    var form: Form?
    var purpose: Purpose?
    var selecting: Int64?

    public init(selecting: Int64? = nil) { self.selecting = selecting }

    public func title(_ lang: Lang) -> String { Localized(zh: "离京登记", en: "Absences from Beijing").text(lang) }

    public var isModal: Bool { form != nil }
    public var hasUnsavedInput: Bool { form?.hasUnsavedInput ?? false }

    public func keymap(_ context: ScreenContext) -> Keymap<Action> {
        var map = Keymap<Action>()
        if let form { map.merge(form.keymap(), Action.form); return map }
        let open = selected.map { $0.withdrawnAt == nil } ?? false
        map.add(.new, .new, Localized(zh: "登记离京", en: "register"))
        map.add(.approve, .approve, when: open && selected?.status == .pending)
        map.add(.reject, .refuse, Localized(zh: "不予批准", en: "refuse"), when: open && selected?.status == .pending)
        map.add(.withdraw, .withdraw, Localized(zh: "撤销", en: "withdraw"), when: open)
        map.add(.edit, .shorten, Localized(zh: "缩短", en: "shorten"), when: open)
        map.add(.submit, .report, Localized(zh: "向市政府报备", en: "report to the city"),
                when: open && org.person(selected?.personLogin ?? "")?.role == .mayor)
        map.addBack(.back)
        return map
    }

    var selected: Absence? { cursor.selected.map { absences[$0] } }

    public mutating func reload(_ context: ScreenContext) {
        let keep = selecting ?? selected?.id
        loadError = .loading {
            absences = try context.office.absences(from: context.office.clock.today.adding(days: -30))
            org = try context.office.orgChart()
        }
        cursor.count = absences.count
        if let keep, let i = absences.firstIndex(where: { $0.id == keep }) { cursor.select(i) }
        selecting = nil
    }

    public mutating func perform(_ action: Action, _ context: ScreenContext) -> Effect {
        let id = selected?.id
        switch action {
        case .back: return .pop
        case .form(let formAction):
            guard form != nil else { return .none }
            if let open = form.submitted(by: formAction) { return submit(open, context) }
            if form == nil { purpose = nil }  // cancelled
        case .new:
            let me = context.me
            let people = org.people.values.filter { !$0.isRetired && $0.role != .secretary && $0.role != .admin }
                .sorted { $0.login < $1.login }
                .map { Picker.Option.person($0, detail: $0.role.title.text(context.lang)) }
            let today = context.office.clock.today
            form = Form(title: Localized(zh: "登记离京（R65、R7）", en: "Register an absence (R65, R7)"), fields: [
                .pick(label: Localized(zh: "离京人员", en: "Who"), options: people, chosen: people.contains { $0.id == me } ? [me] : [], many: false, optional: false),
                .text(label: Localized(zh: "离京日期（YYYY-MM-DD）", en: "First day (YYYY-MM-DD)"), field: TextField(today.adding(days: 1).iso, limit: 10)),
                .text(label: Localized(zh: "返京日期（YYYY-MM-DD）", en: "Last day (YYYY-MM-DD)"), field: TextField(today.adding(days: 2).iso, limit: 10)),
                .choice(label: Localized(zh: "类别", en: "Kind"), list: ChoiceList(options: Absence.Kind.allCases.map { $0.name.text(context.lang) })),
                .text(label: Localized(zh: "事由", en: "Reason"), field: TextField("", limit: InputLimits.reason)),
            ])
            purpose = .register
        case .approve:
            guard let id else { return .none }
            return .change("decideAbsence", on: AbsenceListScreen.self, { try $0.decideAbsence(id, .approve) }) { _ in
                Localized(zh: "已批准离京登记 #\(id)", en: "absence #\(id) approved")
            }
        case .refuse:
            form = Form(title: Localized(zh: "不予批准的理由", en: "Why it is refused"), fields: [.text(label: Localized(zh: "理由", en: "Reason"), field: TextField("", limit: InputLimits.reason))])
            purpose = .refuse
        case .withdraw:
            form = Form(title: Localized(zh: "撤销离京登记", en: "Withdraw the absence"), fields: [
                .text(label: Localized(zh: "撤销理由（行程取消）", en: "Why (the trip was cancelled)"), field: TextField("", limit: InputLimits.reason))])
            purpose = .withdraw
        case .shorten:
            guard let a = selected else { return .none }
            form = Form(title: Localized(zh: "缩短离京", en: "Shorten the absence"), fields: [
                .text(label: Localized(zh: "新的离京日期", en: "New first day"), field: TextField(a.fromDay.iso, limit: 10)),
                .text(label: Localized(zh: "新的返京日期", en: "New last day"), field: TextField(a.toDay.iso, limit: 10))])
            purpose = .shorten
        case .report:
            guard let id else { return .none }
            return .change("reportAbsenceToMunicipality", on: AbsenceListScreen.self, { try $0.reportAbsenceToMunicipality(id) }, done: AbsenceListScreen.changed)
        }
        return .none
    }

    public mutating func input(_ key: Key, _ context: ScreenContext) -> Effect {
        if form != nil { form?.input(key) } else { cursor.handle(key) }
        return .none
    }

    private func submit(_ form: Form, _ context: ScreenContext) -> Effect {
        let id = selected?.id ?? 0
        func day(_ index: Int, _ option: Localized) throws -> Day {
            try SchedulingInput.day(form.text(index) ?? "", field: option.text(context.lang))
        }
        let effect: Effect
        switch purpose {
        case .register?:
            guard let who = form.chosen(0).first else { return .status(Localized(zh: "请选择离京人员", en: "choose who is away"), .error) }
            let kind = Absence.Kind.allCases[form.choice(3)], reason = form.text(4) ?? ""
            let from = form.text(1) ?? "", to = form.text(2) ?? "", lang = context.lang
            effect = .call("registerAbsence", on: AbsenceListScreen.self, { office -> AbsenceRegistration in
                try office.registerAbsence(person: who, from: try SchedulingInput.day(from, field: Localized(zh: "离京日期", en: "first day").text(lang)),
                                           to: try SchedulingInput.day(to, field: Localized(zh: "返京日期", en: "last day").text(lang)), kind: kind, reason: reason)
            }) { screen, result, _ in
                switch result {
                case .success(let done):
                    screen.form = nil
                    screen.purpose = nil
                    screen.selecting = done.absence.id
                    return .batch([.reload, .status(Localized(zh: "已登记离京 #\(done.absence.id ?? 0)", en: "absence #\(done.absence.id ?? 0) registered"), .ok)])
                case .failure(let error):
                    screen.form?.error = .describing(error)
                    return .none
                }
            }
            return effect
        case .refuse?:
            let reason = form.text(0) ?? ""
            return .submit("decideAbsence", on: AbsenceListScreen.self, form: \.form, { try $0.decideAbsence(id, .refuse(reason: reason)) }) { _ in
                Localized(zh: "离京登记 #\(id) 不予批准", en: "absence #\(id) refused")
            }
        case .withdraw?:
            let reason = form.text(0) ?? ""
            return .submit("withdrawAbsence", on: AbsenceListScreen.self, form: \.form, { try $0.withdrawAbsence(id, reason: reason) }, done: AbsenceListScreen.changed)
        case .shorten?:
            do {
                let from = try day(0, Localized(zh: "离京日期", en: "first day")), to = try day(1, Localized(zh: "返京日期", en: "last day"))
                return .submit("shortenAbsence", on: AbsenceListScreen.self, form: \.form, { try $0.shortenAbsence(id, from: from, to: to) }, done: AbsenceListScreen.changed)
            } catch {
                return .failure(error)
            }
        case nil:
            return .none
        }
    }

    /// The status line after a change: the absence, and the meetings whose chair went back to the mayor (R7).
    static func changed(_ done: AbsenceChange) -> Localized {
        let n = done.restoredMeetings.count
        return Localized(zh: "离京登记 #\(done.absence.id ?? 0) 已更新" + (n > 0 ? "；\(n) 次常务会议恢复由区长主持（R7）" : ""),
                         en: "absence #\(done.absence.id ?? 0) updated" + (n > 0 ? "; \(n) executive meetings chaired by the mayor again (R7)" : ""))
    }

    public func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: ScreenContext) {
        let lang = context.lang
        if buffer.putLoadError(loadError, in: area, lang) { return }
        if absences.isEmpty {
            buffer.put(Localized(zh: "近一个月以来没有离京登记（n 登记）", en: "No absences since a month ago (n registers one)").text(context.lang), row: area.top + 1, column: area.left + 2, style: .dim)
            form?.draw(into: &buffer, area: area, lang: lang)
            return
        }
        var list = cursor
        for (offset, index) in list.visibleRange(rows: area.height).enumerated() {
            let a = absences[index]
            let row = area.top + offset
            let isSelected = cursor.selected == index
            let who = org.person(a.personLogin)?.name ?? a.personLogin
            var text = "   " + DisplayWidth.pad(a.dateText, to: 23) + DisplayWidth.pad(who, to: 8)
                + DisplayWidth.pad(a.kind.name.text(lang), to: 6) + DisplayWidth.pad(a.status.name.text(lang), to: 8) + a.reason
            let remarks = a.remarks.map { $0.text(lang) }
            if !remarks.isEmpty { text += "  [" + remarks.joined(separator: Localized(zh: "；", en: "; ").text(context.lang)) + "]" }
            let style: Style = a.withdrawnAt != nil ? .dim : (a.isInAdvance ? .normal : .warning)
            buffer.listRow(text, row: row, column: area.left, selected: isSelected, style: style, maxWidth: area.width, markColumn: area.left + 1)
        }
        form?.draw(into: &buffer, area: area, lang: lang)
    }
}
