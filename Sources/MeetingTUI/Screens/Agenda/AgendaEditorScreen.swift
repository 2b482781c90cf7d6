import MeetingKit
import MeetingService
import MeetingStore
import TextLayout

/// A meeting's agenda: the items in order with their planned minutes, the total against
/// the meeting's duration and the R61 overrun warning. Office staff and the chair reorder
/// items (`K`/`J`) and change planned minutes (`+`/`-`, or `e` to type them).
public struct AgendaEditorScreen: Screen {
    let meetingId: Int64
    var agenda: MeetingAgenda?
    var loadError: Localized?
    var cursor = ListCursor()
    /// Typing the planned minutes of the selected item.
    var minutesField: TextField?

    public init(meetingId: Int64) { self.meetingId = meetingId }

    public func title(_ lang: Lang) -> String {
        (Localized(zh: "会议议程：", en: "Agenda: ").text(lang)) + (agenda?.meeting.numberedTitle(lang) ?? String(meetingId))
    }

    public enum Action { case back, open, up, down, longer, shorter, type, set, cancelTyping }

    public var isModal: Bool { minutesField != nil }

    public func keymap(_ context: ScreenContext) -> Keymap<Action> {
        var map = Keymap<Action>()
        if minutesField != nil {
            map.add(.enter, .set, Localized(zh: "确定", en: "set"))
            map.add(.escape, .cancelTyping, Localized(zh: "取消", en: "cancel"))
            return map
        }
        let line = selectedLine != nil
        map.add(.moveUp, .up, when: line)
        map.add(.moveDown, .down, when: line)
        map.add(.longer, .longer, when: line)
        map.add(.shorter, .shorter, when: line)
        map.add(.edit, .type, Localized(zh: "输入时长", en: "type minutes"), when: line)
        map.add(.enter, .open, Localized(zh: "打开议题", en: "open item"), when: line)
        map.addBack(.back)
        return map
    }

    public mutating func reload(_ context: ScreenContext) {
        loadError = .loading {
            // Keep the cursor on the same item when the agenda changes under it.
            let keep = selectedLine?.slot.itemId
            agenda = try context.office.meetingAgenda(meetingId)
            cursor.count = agenda?.lines.count ?? 0
            if let keep, let i = agenda?.lines.firstIndex(where: { $0.slot.itemId == keep }) { cursor.select(i) }
        }
    }

    var selectedLine: MeetingAgenda.Line? { cursor.selected.flatMap { agenda?.lines[$0] } }

    public mutating func perform(_ action: Action, _ context: ScreenContext) -> Effect {
        switch action {
        case .back: return .popAndReload
        case .open:
            if let line = selectedLine, let id = line.item.id { return .push(ItemDetailScreen(itemId: id)) }
        case .up: return move(-1)
        case .down: return move(1)
        case .longer: if let line = selectedLine { return setMinutes(line.slot.plannedMinutes + 5) }
        case .shorter: if let line = selectedLine { return setMinutes(line.slot.plannedMinutes - 5) }
        case .type: if let line = selectedLine { minutesField = TextField(String(line.slot.plannedMinutes), limit: 3) }
        case .cancelTyping: minutesField = nil
        case .set:
            let text = minutesField?.text ?? ""
            minutesField = nil
            guard let minutes = Int(text.trimmingCharacters(in: .whitespaces)) else {
                return .status(Localized(zh: "计划时长须为分钟数", en: "planned minutes must be a number"), .error)
            }
            return setMinutes(minutes)
        }
        return .none
    }

    public mutating func input(_ key: Key, _ context: ScreenContext) -> Effect {
        if var field = minutesField {
            if case .char(let c) = key, !c.isNumber { return .none }
            field.handle(key)
            minutesField = field
            return .none
        }
        cursor.handle(key)
        return .none
    }

    private func move(_ offset: Int) -> Effect {
        guard let line = selectedLine else { return .none }
        let meeting = meetingId, item = line.slot.itemId
        return .call("moveOnAgenda", on: AgendaEditorScreen.self, { try $0.moveOnAgenda(meeting: meeting, item: item, by: offset) }) { screen, result, _ in
            switch result {
            case .success(let agenda):
                screen.agenda = agenda
                if let index = agenda.lines.firstIndex(where: { $0.slot.itemId == item }) { screen.cursor.select(index) }
                return .none
            case .failure(let error): return .failure(error)
            }
        }
    }

    private func setMinutes(_ minutes: Int) -> Effect {
        guard let line = selectedLine else { return .none }
        let meeting = meetingId, item = line.slot.itemId
        return .call("planMinutes", on: AgendaEditorScreen.self, { try $0.planMinutes(meeting: meeting, item: item, minutes: minutes) }) { screen, result, _ in
            switch result {
            case .success(let agenda): screen.agenda = agenda; return .none
            case .failure(let error): return .failure(error)
            }
        }
    }

    public func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: ScreenContext) {
        let lang = context.lang
        if buffer.putLoadError(loadError, in: area, lang) { return }
        guard let agenda else { return }
        let m = agenda.meeting
        var row = area.top
        let head = "\(m.start.day.iso) \(m.start.day.weekday.shortName.text(lang)) \(m.start.timeText)–\(m.end.timeText) · "
            + Localized(zh: "\(m.durationMinutes) 分钟", en: "\(m.durationMinutes) min").text(context.lang) + (m.room.map { " · " + $0 } ?? "")
        buffer.put(" " + head, row: row, column: area.left, style: .heading, maxWidth: area.width)
        row += 2
        let width = area.width - 2
        let titleWidth = max(10, width - 4 - 2 - 6 - 2 - 10 - 2 - 8)
        let header = DisplayWidth.pad(Localized(zh: "序", en: "#").text(context.lang), to: 4) + "  " + DisplayWidth.pad(Localized(zh: "议题", en: "item").text(context.lang), to: titleWidth) + "  "
            + DisplayWidth.pad(Localized(zh: "主办", en: "lead").text(context.lang), to: 6) + "  " + DisplayWidth.pad(Localized(zh: "状态", en: "state").text(context.lang), to: 10) + "  "
            + Localized(zh: "计划", en: "plan").text(context.lang)  // fits the 8 columns left at 80
        buffer.put(header, row: row, column: area.left + 1, style: .dim, maxWidth: width)
        row += 1
        let listRows = max(1, area.height - (row - area.top) - 4)
        if agenda.lines.isEmpty {
            buffer.put(Localized(zh: "议程上还没有议题（在议题详情中按 M 安排上会）", en: "No items on the agenda yet (press M on an item to place it)").text(context.lang),
                       row: row, column: area.left + 1, style: .dim, maxWidth: width)
        }
        for (offset, index) in cursor.visible(rows: listRows).enumerated() {
            let line = agenda.lines[index]
            let selected = cursor.selected == index
            let y = row + offset
            let stateText: String
            if !line.counts {
                stateText = line.item.state == .withdrawn ? line.item.state.name.text(lang) : Localized(zh: "暂缓", en: "deferred").text(context.lang)
            } else {
                stateText = line.item.state.name.text(lang)
            }
            let style: Style = (line.counts ? .normal : .dim)
            let number = line.counts ? String(line.slot.position) : "-"
            let title = "#\(line.item.id ?? 0) " + line.item.title + (line.item.isFlagged ? " ⚠" : "")
            let text = DisplayWidth.pad(" " + number, to: 4) + "  " + DisplayWidth.pad(title, to: titleWidth) + "  "
                + DisplayWidth.pad(line.item.leadCode, to: 6) + "  " + DisplayWidth.pad(stateText, to: 10) + "  "
                + (line.counts ? Localized(zh: "\(line.slot.plannedMinutes) 分钟", en: "\(line.slot.plannedMinutes) min").text(context.lang) : "")
            buffer.listRow(text, row: y, column: area.left + 1, selected: selected, style: style, maxWidth: width, markColumn: area.left)
        }
        let footer = area.bottom - 2
        if let statement = selectedLine?.item.statement {
            // Shown at the meeting too (R41): the lead department explains the disagreement.
            buffer.put(" ⚠ " + Localized(zh: "分歧说明：", en: "Statement: ").text(context.lang) + statement.text, row: footer - 1, column: area.left,
                       style: .warning, maxWidth: area.width)
        }
        let total = Localized(zh: "合计 \(agenda.totalMinutes) 分钟 / 会议 \(m.durationMinutes) 分钟", en: "total \(agenda.totalMinutes) min / meeting \(m.durationMinutes) min").text(context.lang)
        buffer.put(" " + total, row: footer, column: area.left, style: agenda.overrunMinutes > 0 ? .warning : .ok, maxWidth: area.width)
        if let warning = agenda.warning {
            buffer.put(" ⚠ " + warning.text(lang), row: footer + 1, column: area.left, style: .warning, maxWidth: area.width)
        }
        if let minutesField, let index = cursor.selected {
            let y = row + (index - (cursor.visible(rows: listRows).first ?? 0))
            let label = Localized(zh: "计划分钟：", en: "minutes: ").text(context.lang)
            let used = buffer.put(label, row: y, column: area.left + 1, style: .accent)
            minutesField.draw(into: &buffer, row: y, column: area.left + 1 + used, width: 8, focused: true)
        }
    }
}
