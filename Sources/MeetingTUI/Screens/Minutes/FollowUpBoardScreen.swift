import MeetingDocuments
import MeetingKit
import MeetingService
import MeetingStore

/// The follow-up board (督办, R53–R55): decisions of signed minutes grouped by lead unit,
/// overdue ones in red. `o` shows only overdue ones, Enter opens its minutes. The office
/// closes one with a note (`d`) and moves its due day with a reason (`u`); a responsible unit
/// reports progress (`p`), reports it done (`c`) or asks for more time (`e`) (R54). Closed
/// follow-ups stay on the board for ``recentDays`` days after closing; older ones are history
/// (`huiwu followup list`).
public struct FollowUpBoardScreen: Screen {
    /// How long a closed follow-up stays on the board.
    public static let recentDays = 30

    enum Mode {
        case browse
        case note(TextField)
        case due(TextField)
        /// The office's reason for the new due day.
        case dueReason(Day, TextField)
        /// A unit's new due day asked for, before its reason.
        case askDue(TextField)
        /// A unit's report (with the due day asked for, for more time).
        case report(FollowUpReport.Kind, Day?, TextField)
    }

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
    var mode: Mode = .browse
    var selecting: Int64?

    public init(selecting: Int64? = nil) { self.selecting = selecting }

    public func title(_ lang: Lang) -> String { lang == .zh ? "督办事项" : "Follow-ups" }

    public var capturesText: Bool {
        if case .browse = mode { return false }
        return true
    }

    public func hints(_ lang: Lang) -> [KeyHint] {
        if case .browse = mode {
            return [KeyHint("d", "办结", "close"), KeyHint("u", "改期限", "due"), KeyHint("p", "报进展", "progress"),
                    KeyHint("c", "报办结", "done"), KeyHint("e", "申请延期", "extend"),
                    KeyHint("o", overdueOnly ? "显示全部" : "只看逾期", overdueOnly ? "show all" : "overdue only"),
                    KeyHint("Enter", "查看纪要", "minutes"), KeyHint("P", "打印台账", "print"), KeyHint("Esc", "返回", "back")]
        }
        return [KeyHint("Enter", "确定", "OK"), KeyHint("Esc", "取消", "cancel")]
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
        let keep = selecting ?? selected?.followUp.id
        do {
            lines = try context.office.followUpBoard(doneSince: context.office.clock.today.adding(days: -FollowUpBoardScreen.recentDays))
            loadError = nil
        } catch {
            loadError = .describing(error)
        }
        cursor.count = itemRows.count
        if let keep, let i = itemRows.firstIndex(where: { if case .item(let l) = rows[$0] { return l.followUp.id == keep } else { return false } }) {
            cursor.select(i)
        }
        selecting = nil
    }

    public mutating func update(_ key: Key, _ context: ScreenContext) -> Effect {
        switch mode {
        case .browse:
            break
        case .note(var field), .due(var field), .dueReason(_, var field), .askDue(var field), .report(_, _, var field):
            switch key {
            case .escape:
                mode = .browse
            case .enter:
                return submit(field.text, context)
            default:
                field.handle(key)
                mode = mode.with(field)
            }
            return .none
        }
        switch key {
        case .escape: return .pop
        case .enter:
            if let line = selected { return .push(MinutesViewScreen(id: line.followUp.minutesId)) }
        case .char("o"):
            overdueOnly.toggle()
            cursor.count = itemRows.count
            cursor.select(0)
        case .char("P"):
            let overdue = overdueOnly
            return DocumentPrinter.print(name: "followups", context) { FollowUpComposer.layout(try $0.followUpPaper(overdueOnly: overdue)) }
        case .char("d"):
            if let line = selected, line.followUp.status == .open { mode = .note(TextField("", limit: InputLimits.reason)) }
        case .char("u"):
            if let line = selected, line.followUp.status == .open { mode = .due(TextField(line.followUp.dueDay.iso, limit: 10)) }
        case .char("p"), .char("c"):
            if let line = selected, line.followUp.status == .open {
                mode = .report(key == .char("p") ? .progress : .completed, nil, TextField("", limit: InputLimits.reason))
            }
        case .char("e"):
            if let line = selected, line.followUp.status == .open { mode = .askDue(TextField(line.followUp.dueDay.iso, limit: 10)) }
        default:
            cursor.handle(key)
        }
        return .none
    }

    /// The text of the open field is entered: a date moves on to its reason, the rest calls
    /// the use case and reports on the status line.
    private mutating func submit(_ text: String, _ context: ScreenContext) -> Effect {
        let current = mode
        mode = .browse
        guard let id = selected?.followUp.id else { return .none }
        func day() throws -> Day {
            guard let day = Day(iso: text.trimmingCharacters(in: .whitespaces)) else {
                throw Refusal.invalid("date.invalid", "“\(text)” 不是有效日期（格式 2026-04-30）", "'\(text)' is not a valid date (format 2026-04-30)")
            }
            return day
        }
        switch current {
        case .due, .askDue:
            do {
                let asked = try day()
                if case .due = current { mode = .dueReason(asked, TextField("", limit: InputLimits.reason)) }
                else { mode = .report(.moreTime, asked, TextField("", limit: InputLimits.reason)) }
            } catch {
                return .failure(error)
            }
            return .none
        default:
            break
        }
        let office = context.office
        let effect = MinutesStyle.attempt {
            switch current {
            case .note:
                try office.completeFollowUp(id, note: text)
                return Localized(zh: "督办事项 #\(id) 已办结", en: "follow-up #\(id) done")
            case .dueReason(let due, _):
                try office.setFollowUpDue(id, due: due, reason: text)
                return Localized(zh: "督办事项 #\(id) 期限改为 \(due.iso)", en: "follow-up #\(id) now due \(due.iso)")
            case .report(let kind, let due, _):
                try office.reportFollowUp(id, kind, text: text, due: due)
                return Localized(zh: "督办事项 #\(id)：已\(kind.name.zh)", en: "follow-up #\(id): \(kind.name.en)")
            case .browse, .due, .askDue:
                return Localized(zh: "", en: "")
            }
        }
        reload(context)
        return effect
    }

    public func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: ScreenContext) {
        let lang = context.lang
        if let loadError {
            buffer.put(loadError.text(lang), row: area.top + 1, column: 2, style: .error, maxWidth: area.width - 4)
            return
        }
        let open = lines.filter { $0.followUp.status == .open }.count
        let overdue = lines.filter(\.isOverdue).count
        var col = buffer.put(context.t(" 办理中 \(open) 项", " \(open) open"), row: area.top, column: area.left, style: .heading)
        col += buffer.put(context.t("，逾期 \(overdue) 项", ", \(overdue) overdue"), row: area.top, column: area.left + col,
                          style: overdue > 0 ? .error : .dim)
        if overdueOnly { buffer.put(context.t("（只看逾期）", " (overdue only)"), row: area.top, column: area.left + col, style: .dim) }
        let board = rows
        if board.isEmpty {
            buffer.put(context.t("没有督办事项", "No follow-ups"), row: area.top + 2, column: area.left + 2, style: .dim)
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
                var text = " " + name + context.t("  办理中 \(open)", "  open \(open)")
                if overdue > 0 { text += context.t("  逾期 \(overdue)", "  overdue \(overdue)") }
                buffer.put(text, row: row, column: list.left, style: overdue > 0 ? .error : .heading, maxWidth: list.width)
            case .item(let line):
                let f = line.followUp
                let isSelected = index == selectedRow && cursor.selected != nil
                defer { if isSelected { buffer.markSelection(row: row, column: list.left + 2) } }
                let status = f.status == .done ? f.status.name.text(lang) : (line.isOverdue ? context.t("逾期", "OVERDUE") : f.status.name.text(lang))
                let what = line.descriptionVisible ? f.description : context.t("（涉密，内容不显示）", "(classified)")
                let text = (isSelected ? "  › " : "    ") + DisplayWidth.pad("#\(f.id!)", to: 5) + DisplayWidth.pad(f.dueDay.iso, to: 11)
                    + DisplayWidth.pad(status, to: lang == .zh ? 7 : 8) + what
                let style: Style = (line.isOverdue ? .error : (f.status == .done ? .dim : .normal))
                buffer.put(text, row: row, column: list.left, style: style, maxWidth: list.width)
            }
        }
        if let line = selected {
            // The selected follow-up in full: where it comes from, what to do, how it ended.
            let f = line.followUp
            let box = Rect(top: area.bottom - detailHeight, left: area.left, height: detailHeight, width: area.width)
            buffer.box(box, title: "#\(f.id!) " + line.departmentName)
            let inner = box.inset(1)
            var rows = [context.t("纪要：", "Minutes: ") + (line.minutesNumber ?? "") + " " + line.minutesTitle]
            let what = line.descriptionVisible ? f.description : context.t("（涉密，内容不显示）", "(classified, not shown)")
            rows += WrappedText.rows(what, width: inner.width - 2)
            if let note = f.doneNote, line.descriptionVisible {
                rows.append(context.t("办结：", "Done: ") + note + (f.doneAt.map { " \($0.day.iso)" } ?? ""))
            }
            if !line.coUnitNames.isEmpty { rows.append(context.t("协办：", "Co-responsible: ") + line.coUnitNames.joined(separator: context.t("、", ", "))) }
            if let request = f.pendingRequest, f.status == .open {
                rows.append(context.t("待办公室处理：", "Awaiting the office: ") + request.name.text(lang))
            }
            if let warning = line.dueWarning { rows.append("⚠ " + warning.text(lang)) }
            for (i, text) in rows.prefix(inner.height).enumerated() {
                buffer.put(text, row: inner.top + i, column: inner.left + 1, style: i == 0 ? .dim : .normal, maxWidth: inner.width - 2)
            }
        }
        switch mode {
        case .browse: break
        case .note(let field): MinutesStyle.drawField(field, prompt: context.t("办结说明", "What was done"), into: &buffer, area: area)
        case .due(let field): MinutesStyle.drawField(field, prompt: context.t("新的办理期限（YYYY-MM-DD）", "New due day (YYYY-MM-DD)"), into: &buffer, area: area)
        case .dueReason(_, let field):
            MinutesStyle.drawField(field, prompt: context.t("调整期限的理由（承办单位的申请）", "Why (the unit's request)"), into: &buffer, area: area)
        case .askDue(let field):
            MinutesStyle.drawField(field, prompt: context.t("申请延期至（YYYY-MM-DD）", "Ask for more time until (YYYY-MM-DD)"), into: &buffer, area: area)
        case .report(let kind, _, let field):
            MinutesStyle.drawField(field, prompt: context.t("\(kind.name.zh)：说明", "\(kind.name.en): details"), into: &buffer, area: area)
        }
    }
}

extension FollowUpBoardScreen.Mode {
    /// The same mode with its text field replaced (as it is being typed into).
    func with(_ field: TextField) -> Self {
        switch self {
        case .browse: return .browse
        case .note: return .note(field)
        case .due: return .due(field)
        case .dueReason(let day, _): return .dueReason(day, field)
        case .askDue: return .askDue(field)
        case .report(let kind, let day, _): return .report(kind, day, field)
        }
    }
}
