import MeetingKit
import TextLayout

/// Every key of the screen it was opened from (those the footer had no room for too), then
/// the keys that work everywhere, the sections, and how to act as someone else or start an
/// empty office.
public struct HelpScreen: Screen {
    public enum Action { case close, scroll(Int) }

    let screenTitle: String
    let hints: [KeyHint]
    var scroll = 0

    public init(hints: [KeyHint], title: String = "") {
        self.hints = hints
        screenTitle = title
    }

    /// The help of `screen` as it is now.
    public init(for screen: any Screen, _ context: ScreenContext) {
        self.init(hints: screen.hints(context), title: screen.title(context.lang))
    }

    public func title(_ lang: Lang) -> String { (Localized(zh: "帮助", en: "Help").text(lang)) + (screenTitle.isEmpty ? "" : " · " + screenTitle) }

    public func keymap(_ context: ScreenContext) -> Keymap<Action> {
        var map = Keymap<Action>()
        map.addBack(.close)
        map.add(.upDown, .scroll(1), Localized(zh: "滚动", en: "scroll"))
        return map
    }

    public mutating func perform(_ action: Action, _ context: ScreenContext) -> Effect {
        switch action {
        case .close: return .pop
        case .scroll(let rows): scroll = max(0, scroll + rows)
        }
        return .none
    }

    /// The keymap's `↑↓` stands for both arrows (one hint in the footer); the direction is
    /// the key's own, so the arrows and paging keys scroll here before the keymap is read.
    public mutating func update(_ key: Key, _ context: ScreenContext) -> Effect {
        switch key {
        case .down: return perform(.scroll(1), context)
        case .up: return perform(.scroll(-1), context)
        default:
            if let action = keymap(context).action(for: key) { return perform(action, context) }
            return input(key, context)
        }
    }

    public mutating func input(_ key: Key, _ context: ScreenContext) -> Effect {
        switch key {
        case .enter: return .pop
        case .down, .char("j"): scroll += 1
        case .up, .char("k"): scroll = max(0, scroll - 1)
        case .pageDown: scroll += 10
        case .pageUp: scroll = max(0, scroll - 10)
        default: break
        }
        return .none
    }

    /// The lines of the help: (key, text, style); an empty key is a heading or a paragraph.
    func lines(_ context: ScreenContext) -> [(String, String, Style)] {
        let lang = context.lang
        var lines: [(String, String, Style)] = [("", Localized(zh: "本界面", en: "This screen").text(context.lang), .heading)]
        lines += hints.map { ($0.key, $0.label.text(lang), .normal) }
        if hints.isEmpty { lines.append(("", Localized(zh: "  （本界面没有自己的按键）", en: "  (no keys of its own)").text(context.lang), .dim)) }
        lines.append(("", "", .normal))
        lines.append(("", Localized(zh: "所有界面", en: "Everywhere").text(context.lang), .heading))
        lines += GlobalKey.allCases.map { ($0.label, $0.hint.text(lang), .normal) }
        lines.append(("Esc", Localized(zh: "返回或取消", en: "back, or cancel").text(context.lang), .normal))
        lines.append(("Enter", Localized(zh: "打开", en: "open").text(context.lang), .normal))
        lines.append(("↑↓ j k", Localized(zh: "上下移动；PgUp PgDn Home End 翻页、首尾", en: "move; PgUp PgDn Home End for pages, first, last").text(context.lang), .normal))
        lines.append(("1–8", Section.allCases.map { "\($0.rawValue) \($0.label.text(lang))" }.joined(separator: "  "), .normal))
        lines.append(("", "", .normal))
        lines.append(("", Localized(zh: "身份与演示数据", en: "Who you are, and the demo").text(context.lang), .heading))
        lines.append(("", Localized(zh: "  管理员可按 @ 以他人身份操作，或启动时用 huiwu --as 登录名（如 --as lijing）。", en: "  An administrator presses @ to act as someone, or starts with huiwu --as LOGIN (e.g. --as lijing).").text(context.lang), .normal))
        lines.append(("", Localized(zh: "  办公室工作人员按 & 选择领导，代录其决定；再按 & 停止。", en: "  Office staff press & to record for a leader; & again stops.").text(context.lang), .normal))
        // Removing the demo and starting empty are an administrator's commands, outside this interface.
        lines.append(("", Localized(zh: "  演示数据按今天生成。系统管理员的命令（不在本界面中）：", en: "  The demo is dated from today. An administrator's commands, not here:").text(context.lang), .normal))
        lines.append(("", Localized(zh: "  huiwu demo remove 删除演示数据；", en: "  huiwu demo remove deletes the demo's records;").text(context.lang), .normal))
        lines.append(("", Localized(zh: "  huiwu init --empty 建一个空办公室（只有假日数据）。", en: "  huiwu init --empty starts an empty office (holiday data only).").text(context.lang), .normal))
        return lines
    }

    public func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: ScreenContext) {
        let all = lines(context)
        let keyWidth = min(14, all.map { DisplayWidth.of($0.0) }.max() ?? 0)
        // Long lines wrap (a narrow terminal shows all of them, scrolling), never cut.
        var rows: [(key: String, text: String, style: Style, keyed: Bool)] = []
        for line in all {
            if line.0.isEmpty {
                for text in WrappedText.rows(line.1, width: max(1, area.width - 4)) { rows.append(("", text, line.2, false)) }
            } else {
                for (i, text) in WrappedText.rows(line.1, width: max(1, area.width - keyWidth - 4)).enumerated() {
                    rows.append((i == 0 ? line.0 : "", text, line.2, true))
                }
            }
        }
        let first = min(scroll, max(0, rows.count - area.height + 1))
        for (offset, line) in rows.dropFirst(first).prefix(area.height - 1).enumerated() {
            let row = area.top + 1 + offset
            if !line.keyed {
                buffer.put("  " + line.text, row: row, column: area.left, style: line.style, maxWidth: area.width - 2)
            } else {
                buffer.put("  " + DisplayWidth.pad(line.key, to: keyWidth), row: row, column: area.left, style: .accent)
                buffer.put(line.text, row: row, column: area.left + keyWidth + 4, maxWidth: area.width - keyWidth - 4)
            }
        }
    }
}
