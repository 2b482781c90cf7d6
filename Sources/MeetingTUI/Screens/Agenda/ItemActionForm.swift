import MeetingKit

/// A small modal form for one step of an item: a few choices and text fields, Tab to move
/// between them, Enter to go on (and to submit on the last), Esc to cancel.
struct ItemActionForm {
    enum Field {
        case choice(label: Localized, list: ChoiceList)
        case text(label: Localized, field: TextField)
    }

    enum Outcome { case submit, cancel }

    /// What submitting does; the screen turns the fields into the use-case call.
    enum Purpose: Equatable {
        case opinion(departments: [String])
        case coordinate
        case state
        case correctFlags
        case confirm(preconditions: [Precondition])
        case schedule(meetings: [Int64])
        case decide
        case deferItem
        case unschedule
        case withdraw
    }

    let title: Localized
    let purpose: Purpose
    var fields: [Field]
    var focus = 0
    /// The item's version when the form opened: submitting states it, so a change someone
    /// made meanwhile is refused ("changed by …, reload") rather than overwritten.
    let version: Int

    init(title: Localized, purpose: Purpose, fields: [Field], version: Int) {
        self.title = title
        self.purpose = purpose
        self.fields = fields
        self.version = version
    }

    /// Letters are typed into a text field rather than taken as commands.
    var capturesText: Bool {
        if case .text = fields[focus] { return true }
        return false
    }

    func choice(_ index: Int) -> Int? {
        if case .choice(_, let list) = fields[index] { return list.selectedIndex }
        return nil
    }

    /// The trimmed text of a field; nil when empty.
    func text(_ index: Int) -> String? {
        guard case .text(_, let field) = fields[index] else { return nil }
        let value = field.text.trimmingCharacters(in: .whitespacesAndNewlines)
        return value.isEmpty ? nil : value
    }

    mutating func handle(_ key: Key) -> Outcome? {
        switch key {
        case .escape: return .cancel
        case .tab: focus = (focus + 1) % fields.count
        case .backTab: focus = (focus + fields.count - 1) % fields.count
        case .enter:
            if focus == fields.count - 1 { return .submit }
            focus += 1
        default:
            switch fields[focus] {
            case .choice(let label, var list):
                if case .chosen(let index) = list.handle(key) { list = ChoiceList(options: list.options, selected: index) }
                fields[focus] = .choice(label: label, list: list)
            case .text(let label, var field):
                field.handle(key)
                fields[focus] = .text(label: label, field: field)
            }
        }
        return nil
    }

    /// Draws a centred box: each field's label, then the field (choices as a short list).
    func draw(into buffer: inout ScreenBuffer, area: Rect, lang: Lang) {
        let heights = fields.map { field -> Int in
            if case .choice(_, let list) = field { return 1 + min(list.options.count, 6) }
            return 2
        }
        let width = min(area.width - 2, 72)
        let rect = area.centered(height: heights.reduce(0, +) + fields.count + 3, width: width)
        buffer.fill(rect)
        buffer.box(rect, title: title.text(lang), style: .accent)
        var row = rect.top + 1
        let inner = Rect(top: rect.top, left: rect.left + 2, height: rect.height, width: rect.width - 4)
        for (index, field) in fields.enumerated() {
            let focused = index == focus
            switch field {
            case .choice(let label, let list):
                buffer.put(label.text(lang), row: row, column: inner.left, style: focused ? .accent : .heading, maxWidth: inner.width)
                list.draw(into: &buffer, rect: Rect(top: row + 1, left: inner.left, height: heights[index] - 1, width: inner.width), focused: focused)
            case .text(let label, let text):
                buffer.put(label.text(lang), row: row, column: inner.left, style: focused ? .accent : .heading, maxWidth: inner.width)
                text.draw(into: &buffer, row: row + 1, column: inner.left, width: inner.width, focused: focused)
            }
            row += heights[index] + 1
        }
        buffer.put(lang == .zh ? "Tab 切换  Enter 下一项/提交  Esc 取消" : "Tab next field  Enter next/submit  Esc cancel",
                   row: rect.bottom - 2, column: inner.left, style: .dim, maxWidth: inner.width)
    }
}
