import MeetingKit
import TextLayout

/// A small dialog of labelled fields for the org-chart screen: text fields and choices,
/// built from ``TextField`` and ``ChoiceList``.
///
/// Tab / Shift-Tab (or ↓ / ↑ on a text field) move between fields; ↑ ↓ or ← → change a
/// choice; Enter saves; Esc cancels.
struct OrgForm {
    enum Input {
        case text(TextField)
        case choice(ChoiceList)
        /// A person or a department, chosen with a ``Picker`` (the id; empty for none).
        case pick([Picker.Option], String)
    }

    struct Field {
        var label: Localized
        var input: Input
        /// False for fields shown but not editable (the login of an existing person).
        var editable = true
    }

    enum Outcome { case save, cancel }

    var title: Localized
    var fields: [Field]
    var focus: Int
    /// The version of the record read when the dialog opened; nil when adding.
    var version: Int?
    /// The picker open over a pick field.
    var picking: Picker?
    /// Whether anything was changed since the dialog opened.
    var isModified = false

    init(title: Localized, fields: [Field], version: Int? = nil) {
        self.title = title
        self.fields = fields
        self.version = version
        focus = fields.firstIndex { $0.editable } ?? 0
    }

    /// The text of field `i` (a choice gives its index as text is not needed: see ``choice(_:)``).
    func text(_ i: Int) -> String {
        if case .text(let field) = fields[i].input { return field.text.trimmingCharacters(in: .whitespaces) }
        if case .pick(_, let id) = fields[i].input { return id }
        return ""
    }

    /// The chosen option of field `i`.
    func choice(_ i: Int) -> Int {
        if case .choice(let list) = fields[i].input { return list.selectedIndex ?? 0 }
        return 0
    }

    mutating func handle(_ key: Key) -> Outcome? {
        if var picker = picking {
            switch picker.handle(key) {
            case .chosen(let ids)?:
                if case .pick(let options, _) = fields[focus].input { fields[focus].input = .pick(options, ids.first ?? "") }
                isModified = true
                picking = nil
            case .cancelled?:
                picking = nil
            case nil:
                picking = picker
            }
            return nil
        }
        if key == .enter, case .pick(let options, let id) = fields[focus].input, fields[focus].editable {
            picking = Picker(options: options, selecting: id)
            return nil
        }
        switch key {
        case .escape: return .cancel
        case .enter, .function(2): return .save
        case .tab: move(1); return nil
        case .backTab: move(-1); return nil
        default: break
        }
        switch fields[focus].input {
        case .text(var field):
            if key == .down { move(1); return nil }
            if key == .up { move(-1); return nil }
            if field.handle(key) { isModified = true }
            fields[focus].input = .text(field)
        case .pick:
            if key == .down { move(1) } else if key == .up { move(-1) }
        case .choice(var list):
            switch key {
            case .left: _ = list.handle(.up)
            case .right: _ = list.handle(.down)
            case .up, .down, .home, .end, .char("j"), .char("k"): _ = list.handle(key)
            default: break
            }
            isModified = true
            fields[focus].input = .choice(list)
        }
        return nil
    }

    private mutating func move(_ step: Int) {
        var next = focus
        for _ in fields.indices {
            next = (next + step + fields.count) % fields.count
            if fields[next].editable { focus = next; return }
        }
    }

    /// Draws the dialog centred in `area`, with a help line under the fields.
    func draw(into buffer: inout ScreenBuffer, area: Rect, lang: Lang) {
        let labelWidth = fields.map { DisplayWidth.of($0.label.text(lang)) }.max() ?? 0
        let rect = area.centered(height: fields.count * 2 + 4, width: min(area.width - 2, 64))
        buffer.fill(rect)
        buffer.box(rect, title: title.text(lang), style: .accent)
        let inputLeft = rect.left + 3 + labelWidth + 2
        let inputWidth = rect.right - 3 - inputLeft
        for (i, field) in fields.enumerated() {
            let row = rect.top + 2 + i * 2
            let focused = i == focus
            buffer.put(field.label.text(lang), row: row, column: rect.left + 3, style: focused ? .accent : .normal)
            switch field.input {
            case .text(let text):
                if field.editable {
                    text.draw(into: &buffer, row: row, column: inputLeft, width: inputWidth, focused: focused)
                } else {
                    buffer.put(text.text, row: row, column: inputLeft, style: .dim, maxWidth: inputWidth)
                }
            case .pick(let options, let id):
                let name = options.first { $0.id == id }.map { $0.id.isEmpty ? "—" : "\($0.text)（\($0.id)）" } ?? id
                buffer.put(name + (focused ? (Localized(zh: "  ‹Enter 选择›", en: "  ‹Enter: choose›").text(lang)) : ""), row: row, column: inputLeft,
                           style: focused ? .selected : .normal, maxWidth: inputWidth)
            case .choice(let list):
                let name = list.options[list.selectedIndex ?? 0]
                let shown = focused ? "◂ " + name + " ▸" : "  " + name
                buffer.put(shown, row: row, column: inputLeft - 2, style: focused ? .selected : .normal, maxWidth: inputWidth + 2)
            }
        }
        let help = Localized(zh: "Tab 下一项  ↑↓ 选择  Enter 保存（选择栏中为选择）  F2 保存  Esc 取消", en: "Tab next  ↑↓ choose  Enter save (choose, on a choice)  F2 save  Esc cancel").text(lang)
        buffer.put(help, row: rect.bottom - 2, column: rect.left + 3, style: .dim, maxWidth: rect.width - 6)
        picking?.drawBox(title: fields[focus].label.text(lang), into: &buffer, area: area, lang: lang)
    }
}
