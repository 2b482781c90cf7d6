import MeetingKit
import TextLayout

/// A yes/no question. `y` or Enter on "yes" confirms; `n`, Esc or Enter on "no" declines.
public struct ConfirmDialog: Hashable, Sendable {
    public let message: Localized
    /// Which button has focus; "no" by default so a stray Enter does nothing harmful.
    public private(set) var yesFocused = false

    public init(_ message: Localized, defaultYes: Bool = false) {
        self.message = message
        yesFocused = defaultYes
    }

    /// Returns true (confirmed), false (declined), or nil while undecided.
    public mutating func handle(_ key: Key) -> Bool? {
        switch key {
        case .char("y"), .char("Y"): return true
        case .char("n"), .char("N"), .escape: return false
        case .enter: return yesFocused
        case .left, .right, .tab, .char("h"), .char("l"): yesFocused.toggle(); return nil
        default: return nil
        }
    }

    /// Draws a centred box with the message and the two buttons.
    public func draw(into buffer: inout ScreenBuffer, area: Rect, lang: Lang) {
        let text = message.text(lang)
        let width = min(area.width - 2, max(30, DisplayWidth.of(text) + 6))
        let rect = area.centered(height: 6, width: width)
        buffer.fill(rect)
        buffer.box(rect, title: Localized(zh: "确认", en: "Confirm").text(lang), style: .accent)
        buffer.put(text, row: rect.top + 2, column: rect.left + 3, maxWidth: rect.width - 6)
        let yes = Localized(zh: "[ 是(y) ]", en: "[ Yes (y) ]").text(lang)
        let no = Localized(zh: "[ 否(n) ]", en: "[ No (n) ]").text(lang)
        let buttons = DisplayWidth.of(yes) + 2 + DisplayWidth.of(no)
        let start = rect.left + max(1, (rect.width - buttons) / 2)
        let used = buffer.put(yes, row: rect.top + 4, column: start, style: yesFocused ? .selected : .normal)
        buffer.put(no, row: rect.top + 4, column: start + used + 2, style: yesFocused ? .normal : .selected)
    }
}

/// A confirmation in a screen: the question and what a "yes" runs. Irreversible acts (sign,
/// approve a meeting, cancel one, hold one, quit with unsaved input) ask first.
public struct Question {
    public enum Action { case yes, no, enter }

    public var dialog: ConfirmDialog
    public let then: Effect

    public init(_ message: Localized, then: Effect) {
        dialog = ConfirmDialog(message)
        self.then = then
    }

    public func keymap() -> Keymap<Action> {
        var map = Keymap<Action>()
        map.add(.yes, .yes, Localized(zh: "是", en: "yes"))
        map.add(.no, .no, Localized(zh: "否", en: "no"))
        map.add(.enter, .enter, Localized(zh: "选定", en: "choose"), footer: false)
        map.add(.escape, .no, Localized(zh: "取消", en: "cancel"), footer: false)
        return map
    }

    /// The effect of an answer: `then` for yes, nothing for no.
    public func answer(_ action: Action) -> Effect {
        switch action {
        case .yes: return then
        case .no: return .none
        case .enter: return dialog.yesFocused ? then : .none
        }
    }

    /// ← → and Tab move between the buttons.
    public mutating func input(_ key: Key) { _ = dialog.handle(key) }
}

extension Optional where Wrapped == Question {
    /// The effect of answering the open question, which closes it (every screen that asks).
    mutating func close(answering action: Question.Action) -> Effect {
        defer { self = nil }
        return self?.answer(action) ?? .none
    }
}
