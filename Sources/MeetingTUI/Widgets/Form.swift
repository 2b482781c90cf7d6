import MeetingKit

/// A modal form in a centred box: text fields, short choice lists and pickers (people,
/// departments, meetings, found by typing). Tab and S-Tab move between fields, Enter opens a
/// picker or goes on (and submits on the last field), F2 submits from anywhere, Esc cancels.
/// The screen that holds it merges ``keymap`` into its own and hands it the other keys.
public struct Form {
    public enum Field {
        case text(label: Localized, field: TextField)
        case choice(label: Localized, list: ChoiceList)
        /// Chosen by a ``Picker``: one (or several when `many`) option ids; `optional` allows none.
        case pick(label: Localized, options: [Picker.Option], chosen: [String], many: Bool, optional: Bool)
        /// A line of text that is not edited (what the form is about).
        case note(Localized)
    }

    public enum Action { case next, previous, enter, submit, cancel }

    public enum Outcome { case submit, cancel }

    public let title: Localized
    public private(set) var fields: [Field]
    public private(set) var focus: Int
    /// The picker open over the form, and the field it fills.
    public private(set) var picking: (field: Int, picker: Picker)?
    /// The message of the last refused submission, shown inside the form.
    public var error: Localized?
    public private(set) var isModified = false
    /// Esc was pressed once on typed input: a second Esc discards it, anything else goes on.
    public private(set) var isConfirmingCancel = false
    /// A text the form keeps for its owner (what it is for: ids, a version).
    public var tag: String = ""

    public init(title: Localized, fields: [Field], tag: String = "") {
        self.title = title
        self.fields = fields
        self.tag = tag
        focus = fields.firstIndex { if case .note = $0 { return false } else { return true } } ?? 0
    }

    /// The keys of the form, for the holder's keymap.
    public func keymap() -> Keymap<Action> {
        var map = Keymap<Action>()
        if picking != nil {
            map.addPicking(choose: .enter, close: .cancel)
            return map
        }
        map.addFieldMoves(next: .next, previous: .previous)
        map.add(.enter, .enter, isPick(focus) ? Localized(zh: "选择", en: "choose")
                    : focus == lastField ? Localized(zh: "提交", en: "submit") : Localized(zh: "下一项", en: "next"))
        map.add(.functionTwo, .submit, Localized(zh: "提交", en: "submit"))
        map.add(.escape, .cancel, Localized(zh: "取消", en: "cancel"))
        return map
    }

    var lastField: Int { fields.lastIndex { if case .note = $0 { return false } else { return true } } ?? 0 }

    func isPick(_ index: Int) -> Bool {
        guard fields.indices.contains(index), case .pick = fields[index] else { return false }
        return true
    }

    /// Does a form action; returns an outcome when the form is done.
    public mutating func perform(_ action: Action) -> Outcome? {
        if var open = picking {
            switch action {
            case .cancel: picking = nil
            case .enter: return pick(open.picker.handle(.enter), field: open.field)
            default: _ = open.picker.handle(.tab); picking = open
            }
            return nil
        }
        if action != .cancel, isConfirmingCancel {
            isConfirmingCancel = false
            error = nil
        }
        switch action {
        case .next: move(1)
        case .previous: move(-1)
        case .submit: return .submit
        case .cancel:
            // Typed input is not thrown away by one key (issue 18): the first Esc asks.
            if isModified && !isConfirmingCancel {
                isConfirmingCancel = true
                error = Localized(zh: "有未保存的输入：再按 Esc 放弃，按其他键继续填写", en: "Input is not saved: Esc again discards it, any other key goes on")
                return nil
            }
            return .cancel
        case .enter:
            if case .pick(_, let options, let chosen, let many, _) = fields[focus] {
                picking = (focus, Picker(options: options, allowsMany: many, marked: many ? chosen : [], selecting: chosen.first))
                return nil
            }
            if focus == lastField { return .submit }
            move(1)
        }
        return nil
    }

    private mutating func pick(_ outcome: Picker.Outcome?, field: Int) -> Outcome? {
        guard let outcome else { return nil }
        picking = nil
        if case .chosen(let ids) = outcome, case .pick(let label, let options, _, let many, let optional) = fields[field] {
            fields[field] = .pick(label: label, options: options, chosen: ids.filter { !$0.isEmpty }, many: many, optional: optional)
            isModified = true
            error = nil
        }
        return nil
    }

    private mutating func move(_ step: Int) {
        var next = focus
        for _ in fields.indices {
            next = (next + step + fields.count) % fields.count
            if case .note = fields[next] { continue }
            focus = next
            return
        }
    }

    /// A key the keymap does not take: typing, moving in a list or a picker.
    public mutating func input(_ key: Key) {
        if isConfirmingCancel {
            isConfirmingCancel = false
            error = nil
        }
        if var open = picking {
            let outcome = open.picker.handle(key)
            picking = open
            if outcome != nil { _ = pick(outcome, field: open.field) }
            return
        }
        switch fields[focus] {
        case .text(let label, var field):
            if key == .down { move(1); return }
            if key == .up { move(-1); return }
            if field.handle(key) {
                isModified = isModified || field.text != textValue(focus)
                fields[focus] = .text(label: label, field: field)
                error = nil
            }
        case .choice(let label, var list):
            if case .chosen(let index) = list.handle(key) { list = ChoiceList(options: list.options, selected: index) }
            if list.selectedIndex != choiceValue(focus) { isModified = true }
            fields[focus] = .choice(label: label, list: list)
        case .pick:
            if key == .down { move(1) } else if key == .up { move(-1) } else if case .char = key {
                // Typing on a picker field opens the picker with what was typed.
                _ = perform(.enter)
                input(key)
            }
        case .note:
            break
        }
    }

    func textValue(_ index: Int) -> String {
        if case .text(_, let field) = fields[index] { return field.text }
        return ""
    }

    func choiceValue(_ index: Int) -> Int? {
        if case .choice(_, let list) = fields[index] { return list.selectedIndex }
        return nil
    }

    /// The trimmed text of a field; nil when empty.
    public func text(_ index: Int) -> String? {
        let value = textValue(index).trimmingCharacters(in: .whitespacesAndNewlines)
        return value.isEmpty ? nil : value
    }

    /// The index chosen in a choice field.
    public func choice(_ index: Int) -> Int { choiceValue(index) ?? 0 }

    /// The ids chosen in a picker field.
    public func chosen(_ index: Int) -> [String] {
        if case .pick(_, _, let chosen, _, _) = fields[index] { return chosen }
        return []
    }

    /// Whether typed letters go into the form (always: it is modal).
    public var hasUnsavedInput: Bool { isModified }

    /// Draws the box, its fields and the picker over it.
    public func draw(into buffer: inout ScreenBuffer, area: Rect, lang: Lang) {
        let heights = fields.map { field -> Int in
            switch field {
            case .choice(_, let list): return 1 + min(list.options.count, 6)
            case .note: return 1
            default: return 2
            }
        }
        let width = min(area.width - 2, 76)
        let height = min(area.height, heights.reduce(0, +) + fields.count + 3)
        let rect = area.centered(height: height, width: width)
        buffer.fill(rect)
        buffer.box(rect, title: title.text(lang), style: .accent)
        var row = rect.top + 1
        let inner = Rect(top: rect.top, left: rect.left + 2, height: rect.height, width: rect.width - 4)
        for (index, field) in fields.enumerated() where row < rect.bottom - 2 {
            let focused = index == focus
            let labelStyle: Style = focused ? .accent : .heading
            switch field {
            case .note(let text):
                buffer.put(text.text(lang), row: row, column: inner.left, style: .normal, maxWidth: inner.width)
            case .choice(let label, let list):
                buffer.put(label.text(lang), row: row, column: inner.left, style: labelStyle, maxWidth: inner.width)
                list.draw(into: &buffer, rect: Rect(top: row + 1, left: inner.left, height: heights[index] - 1, width: inner.width), focused: focused)
            case .text(let label, let text):
                buffer.put(label.text(lang), row: row, column: inner.left, style: labelStyle, maxWidth: inner.width)
                text.draw(into: &buffer, row: row + 1, column: inner.left, width: inner.width, focused: focused && picking == nil)
            case .pick(let label, let options, let chosen, _, _):
                buffer.put(label.text(lang), row: row, column: inner.left, style: labelStyle, maxWidth: inner.width)
                let names = chosen.map { id in options.first { $0.id == id }?.text ?? id }
                let shown = names.isEmpty ? (Localized(zh: "（无）", en: "(none)").text(lang)) : names.joined(separator: Localized(zh: "、", en: ", ").text(lang))
                buffer.fill(Rect(top: row + 1, left: inner.left, height: 1, width: inner.width), style: focused ? .selected : .input)
                buffer.put(shown + (focused ? (Localized(zh: "  ‹Enter 选择›", en: "  ‹Enter to choose›").text(lang)) : ""), row: row + 1, column: inner.left,
                           style: focused ? .selected : .input, maxWidth: inner.width)
            }
            row += heights[index] + 1
        }
        if let error {
            buffer.put(error.text(lang), row: rect.bottom - 2, column: inner.left, style: .error, maxWidth: inner.width)
        } else {
            buffer.put(Localized(zh: "Tab 下一项  Enter 选择/下一项  F2 提交  Esc 取消", en: "Tab next  Enter choose/next  F2 submit  Esc cancel").text(lang),
                       row: rect.bottom - 2, column: inner.left, style: .dim, maxWidth: inner.width)
        }
        if let picking {
            let label: Localized
            if case .pick(let l, _, _, _, _) = fields[picking.field] { label = l } else { label = title }
            picking.picker.drawBox(title: label.text(lang), into: &buffer, area: area, lang: lang)
        }
    }
}

extension Keymap {
    /// Adds every binding of `other`, its actions wrapped by `wrap` (a form inside a screen).
    public mutating func merge<Other>(_ other: Keymap<Other>, _ wrap: (Other) -> Action) {
        for b in other.bindings {
            append(Binding(keys: b.keys, label: b.label, hint: b.hint, action: wrap(b.action), verb: b.verb, inFooter: b.inFooter))
        }
    }
}

extension Keymap {
    /// The keys of a screen that is one form (drafting an item, asking for leave): the form's
    /// own, wrapped by `wrap`; while no form is open (its loading failed), Esc goes back.
    static func formScreen(_ form: Form?, _ wrap: (Form.Action) -> Action) -> Keymap {
        var map = Keymap()
        if let form { map.merge(form.keymap(), wrap) } else { map.addBack(wrap(.cancel)) }
        return map
    }
}

extension Optional where Wrapped == Form {
    /// Passes an action to the open form (every screen that shows one): the form when the
    /// action submitted it, else nil. A cancelled form is closed; a submitted one stays open
    /// until the screen's effect says otherwise.
    mutating func submitted(by action: Form.Action) -> Form? {
        guard var open = self else { return nil }
        let outcome = open.perform(action)
        self = outcome == .cancel ? nil : open
        return outcome == .submit ? open : nil
    }
}
