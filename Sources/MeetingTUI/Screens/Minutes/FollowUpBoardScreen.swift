import MeetingDocuments
import MeetingKit
import MeetingService
import MeetingStore
import TextLayout

/// The follow-up board (督办, R53–R55): decisions of signed minutes grouped by lead unit,
/// overdue ones in red. `f` shows only overdue ones, Enter opens its minutes. The office
/// closes one with a note (`a`) and moves its due day with a reason (`m`); a responsible unit
/// reports progress, reports it done or asks for more time (`s`) (R54). Closed
/// follow-ups stay on the board for ``recentDays`` days after closing; older ones are history
/// (`huiwu followup list`).
public struct FollowUpBoardScreen: Screen {
    /// How long a closed follow-up stays on the board.
    public static let recentDays = 30

    enum Purpose { case close, due, report }
    public enum Action { case back, open, close, due, report, overdue, print, form(Form.Action) }

    /// One row of the board: a department heading or a follow-up.
    enum Row {
        case department(name: String, open: Int, overdue: Int)
        case item(FollowUpLine)
    }

    var lines: [FollowUpLine] = [] { didSet { regroup() } }
    var overdueOnly = false { didSet { regroup() } }
    /// The board rows, grouped once per load or filter change (not on every key and draw).
    private(set) var rows: [Row] = []
    /// The board rows that hold follow-ups (the cursor moves over these only).
    private(set) var itemRows: [Int] = []
    var loadError: Localized?
    var cursor = ListCursor()
    var form: Form?
    var purpose: Purpose?
    var selecting: Int64?
    /// Office staff close follow-ups and move due days (R54).
    var isOffice = false

    public init(selecting: Int64? = nil) { self.selecting = selecting }

    public func title(_ lang: Lang) -> String { Localized(zh: "督办事项", en: "Follow-ups").text(lang) }

    public var isModal: Bool { form != nil }
    public var hasUnsavedInput: Bool { form?.hasUnsavedInput ?? false }

    public func keymap(_ context: ScreenContext) -> Keymap<Action> {
        var map = Keymap<Action>()
        if let form { map.merge(form.keymap(), Action.form); return map }
        let open = selected?.followUp.status == .open
        map.add(.enter, .open, Localized(zh: "查看纪要", en: "minutes"), when: selected != nil)
        map.add(.approve, .close, Localized(zh: "办结", en: "close"), when: open && isOffice)
        map.add(.move, .due, Localized(zh: "改期限", en: "move due day"), when: open && isOffice)
        map.add(.submit, .report, Localized(zh: "报告进展/办结/延期", en: "report"), when: open)
        map.add(.filter, .overdue, overdueOnly ? Localized(zh: "显示全部", en: "show all") : Localized(zh: "只看逾期", en: "overdue only"))
        map.add(.print, .print, Localized(zh: "打印台账", en: "print"))
        map.addBack(.back)
        return map
    }

    /// Follow-ups grouped by department (in the order of their most urgent due day).
    private mutating func regroup() {
        rows = grouped()
        itemRows = rows.indices.filter { if case .item = rows[$0] { return true } else { return false } }
    }

    private func grouped() -> [Row] {
        let shown = overdueOnly ? lines.filter(\.isOverdue) : lines
        var order: [String] = []
        var groups: [String: [FollowUpLine]] = [:]
        for line in shown {
            if groups[line.departmentName] == nil { order.append(line.departmentName) }
            groups[line.departmentName, default: []].append(line)
        }
        return order.flatMap { name -> [Row] in
            let items = groups[name]!
            return [.department(name: name, open: items.filter { $0.followUp.status == .open }.count, overdue: items.filter(\.isOverdue).count)]
                + items.map(Row.item)
        }
    }

    var selected: FollowUpLine? {
        guard let i = cursor.selected, itemRows.indices.contains(i), case .item(let line) = rows[itemRows[i]] else { return nil }
        return line
    }

    public mutating func reload(_ context: ScreenContext) {
        isOffice = AccessPolicy.isOfficeStaff(context.office.actor.person)
        let keep = selecting ?? selected?.followUp.id
        loadError = .loading {
            lines = try context.office.followUpBoard(doneSince: context.office.clock.today.adding(days: -FollowUpBoardScreen.recentDays))
        }
        cursor.count = itemRows.count
        if let keep, let i = itemRows.firstIndex(where: { if case .item(let l) = rows[$0] { return l.followUp.id == keep } else { return false } }) {
            cursor.select(i)
        }
        selecting = nil
    }

    public mutating func perform(_ action: Action, _ context: ScreenContext) -> Effect {
        switch action {
        case .back: return .pop
        case .form(let formAction):
            guard let open = form.submitted(by: formAction) else { return .none }
            return submit(open, context)
        case .open:
            if let line = selected { return .push(MinutesViewScreen(id: line.followUp.minutesId)) }
        case .overdue:
            overdueOnly.toggle()
            cursor.count = itemRows.count
            cursor.select(0)
        case .print:
            let overdue = overdueOnly
            return DocumentPrinter.print(name: "followups", context) { FollowUpComposer.layout(try $0.followUpPaper(overdueOnly: overdue)) }
        case .close:
            form = Form(title: Localized(zh: "办结督办事项", en: "Close the follow-up"), fields: [
                .text(label: Localized(zh: "办结说明", en: "What was done"), field: TextField("", limit: InputLimits.reason))])
            purpose = .close
        case .due:
            guard let line = selected else { return .none }
            form = Form(title: Localized(zh: "调整办理期限（R54）", en: "Move the due day (R54)"), fields: [
                .text(label: Localized(zh: "新的办理期限（YYYY-MM-DD）", en: "New due day (YYYY-MM-DD)"), field: TextField(line.followUp.dueDay.iso, limit: 10)),
                .text(label: Localized(zh: "理由（承办单位的申请）", en: "Why (the unit's request)"), field: TextField("", limit: InputLimits.reason))])
            purpose = .due
        case .report:
            guard let line = selected else { return .none }
            form = Form(title: Localized(zh: "报告督办事项（R54）", en: "Report on the follow-up (R54)"), fields: [
                .choice(label: Localized(zh: "报告", en: "Report"), list: ChoiceList(options: [
                    Localized(zh: "办理进展", en: "progress").text(context.lang), Localized(zh: "已办结", en: "done").text(context.lang), Localized(zh: "申请延期", en: "more time").text(context.lang)])),
                .text(label: Localized(zh: "说明", en: "Details"), field: TextField("", limit: InputLimits.reason)),
                .text(label: Localized(zh: "申请延期至（仅申请延期时填写）", en: "More time until (only when asking for it)"),
                      field: TextField(line.followUp.dueDay.iso, limit: 10))])
            purpose = .report
        }
        return .none
    }

    public mutating func input(_ key: Key, _ context: ScreenContext) -> Effect {
        if form != nil { form?.input(key); return .none }
        // Closing and moving the due day are the office's (R54): a unit pressing them is told.
        if !isOffice, selected?.followUp.status == .open, key == Verb.approve.key || key == Verb.move.key {
            return .failure(RefusalCatalog.followUpNotOffice())
        }
        cursor.handle(key)
        return .none
    }

    /// The office's close and due day, and the unit's reports, through their use cases.
    private func submit(_ form: Form, _ context: ScreenContext) -> Effect {
        guard let id = selected?.followUp.id else { return .none }
        func day(_ text: String?) throws -> Day {
            try SchedulingInput.day((text ?? "").trimmingCharacters(in: .whitespaces), field: Localized(zh: "期限", en: "due day").text(context.lang))
        }
        switch purpose {
        case .close?:
            let note = form.text(0) ?? ""
            return .submit("completeFollowUp", on: FollowUpBoardScreen.self, form: \.form, { try $0.completeFollowUp(id, note: note) }) { _ in
                Localized(zh: "督办事项 #\(id) 已办结", en: "follow-up #\(id) done")
            }
        case .due?:
            let reason = form.text(1) ?? "", text = form.text(0)
            return .submit("setFollowUpDue", on: FollowUpBoardScreen.self, form: \.form, { try $0.setFollowUpDue(id, due: try day(text), reason: reason) }) { f in
                Localized(zh: "督办事项 #\(id) 期限改为 \(f.dueDay.iso)", en: "follow-up #\(id) now due \(f.dueDay.iso)")
            }
        case .report?:
            let kind: FollowUpReport.Kind = [.progress, .completed, .moreTime][form.choice(0)]
            let text = form.text(1) ?? "", asked = form.text(2)
            return .submit("reportFollowUp", on: FollowUpBoardScreen.self, form: \.form, {
                try $0.reportFollowUp(id, kind, text: text, due: kind == .moreTime ? try day(asked) : nil)
            }) { _ in
                Localized(zh: "督办事项 #\(id)：已\(kind.name.zh)", en: "follow-up #\(id): \(kind.name.en)")
            }
        case nil:
            return .none
        }
    }

    public func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: ScreenContext) {
        let lang = context.lang
        if buffer.putLoadError(loadError, in: area, lang) { return }
        let open = lines.filter { $0.followUp.status == .open }.count
        let overdue = lines.filter(\.isOverdue).count
        var col = buffer.put(Localized(zh: " 办理中 \(open) 项", en: " \(open) open").text(context.lang), row: area.top, column: area.left, style: .heading)
        col += buffer.put(Localized(zh: "，逾期 \(overdue) 项", en: ", \(overdue) overdue").text(context.lang), row: area.top, column: area.left + col,
                          style: overdue > 0 ? .error : .dim)
        if overdueOnly { buffer.put(Localized(zh: "（只看逾期）", en: " (overdue only)").text(context.lang), row: area.top, column: area.left + col, style: .dim) }
        let board = rows
        if board.isEmpty {
            buffer.put(Localized(zh: "没有督办事项", en: "No follow-ups").text(context.lang), row: area.top + 2, column: area.left + 2, style: .dim)
            return
        }
        let detailHeight = 6
        let list = Rect(top: area.top + 2, left: area.left, height: area.height - 2 - detailHeight, width: area.width)
        // Scroll so the selected follow-up is visible, with its department heading when possible.
        let selectedRow = cursor.selected.flatMap { itemRows.indices.contains($0) ? itemRows[$0] : nil } ?? 0
        let first = max(0, selectedRow - list.height + 1)
        for (offset, index) in (first..<min(board.count, first + list.height)).enumerated() {
            let row = list.top + offset
            switch board[index] {
            case .department(let name, let open, let overdue):
                var text = " " + name + Localized(zh: "  办理中 \(open)", en: "  open \(open)").text(context.lang)
                if overdue > 0 { text += Localized(zh: "  逾期 \(overdue)", en: "  overdue \(overdue)").text(context.lang) }
                buffer.put(text, row: row, column: list.left, style: overdue > 0 ? .error : .heading, maxWidth: list.width)
            case .item(let line):
                let f = line.followUp
                let isSelected = index == selectedRow && cursor.selected != nil
                let status = f.status == .done ? f.status.name.text(lang) : (line.isOverdue ? Localized(zh: "逾期", en: "OVERDUE").text(context.lang) : f.status.name.text(lang))
                let what = line.descriptionVisible ? f.description : Localized(zh: "（涉密，内容不显示）", en: "(classified)").text(context.lang)
                let text = "    " + DisplayWidth.pad("#\(f.id!)", to: 5) + DisplayWidth.pad(f.dueDay.iso, to: 11)
                    + DisplayWidth.pad(status, to: lang == .zh ? 7 : 8) + what
                let style: Style = (line.isOverdue ? .error : (f.status == .done ? .dim : .normal))
                buffer.listRow(text, row: row, column: list.left, selected: isSelected, style: style, maxWidth: list.width,
                               markColumn: list.left + 2)
            }
        }
        if let line = selected {
            // The selected follow-up in full: where it comes from, what to do, how it ended.
            let f = line.followUp
            let box = Rect(top: area.bottom - detailHeight, left: area.left, height: detailHeight, width: area.width)
            buffer.box(box, title: "#\(f.id!) " + line.departmentName)
            let inner = box.inset(1)
            var rows = [Localized(zh: "纪要：", en: "Minutes: ").text(context.lang) + (line.minutesNumber ?? "") + " " + line.minutesTitle]
            let what = line.descriptionVisible ? f.description : Localized(zh: "（涉密，内容不显示）", en: "(classified, not shown)").text(context.lang)
            rows += WrappedText.rows(what, width: inner.width - 2)
            if let note = f.doneNote, line.descriptionVisible {
                rows.append(Localized(zh: "办结：", en: "Done: ").text(context.lang) + note + (f.doneAt.map { " \($0.day.iso)" } ?? ""))
            }
            if !line.coUnitNames.isEmpty { rows.append(Localized(zh: "协办：", en: "Co-responsible: ").text(context.lang) + line.coUnitNames.joined(separator: Localized(zh: "、", en: ", ").text(context.lang))) }
            if let request = f.pendingRequest, f.status == .open {
                rows.append(Localized(zh: "待办公室处理：", en: "Awaiting the office: ").text(context.lang) + request.name.text(lang))
            }
            if let warning = line.dueWarning { rows.append("⚠ " + InterfaceHint.dueWarning(warning, lang)) }
            for (i, text) in rows.prefix(inner.height).enumerated() {
                buffer.put(text, row: inner.top + i, column: inner.left + 1, style: i == 0 ? .dim : .normal, maxWidth: inner.width - 2)
            }
        }
        form?.draw(into: &buffer, area: area, lang: lang)
    }
}
