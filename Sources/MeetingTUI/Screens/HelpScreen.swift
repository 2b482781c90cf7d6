import MeetingKit

/// The keys of the screen it was opened from, plus the keys that work everywhere.
public struct HelpScreen: Screen {
    let hints: [KeyHint]
    var scroll = 0

    public init(hints: [KeyHint]) { self.hints = hints }

    static let global: [KeyHint] = [
        KeyHint("? / F1", "帮助", "help"),
        KeyHint("q", "退出（子界面中为返回）", "quit (back, on inner screens)"),
        KeyHint("Esc", "返回", "back"),
        KeyHint("↑ ↓ / j k", "上下移动", "move up and down"),
        KeyHint("PgUp PgDn Home End", "翻页、首尾", "page, first, last"),
        KeyHint("Enter", "打开", "open"),
        KeyHint("/", "查找（会议、议题、意见、纪要）", "search (meetings, items, opinions, minutes)"),
        KeyHint("Ctrl-C", "立即退出", "quit at once"),
    ]

    public func title(_ lang: Lang) -> String { lang == .zh ? "帮助" : "Help" }
    public func hints(_ lang: Lang) -> [KeyHint] { [KeyHint("Esc", "返回", "back"), KeyHint("q", "返回", "back")] }

    public mutating func update(_ key: Key, _ context: ScreenContext) -> Effect {
        switch key {
        case .escape, .enter, .char("?"), .function(1): return .pop
        case .down, .char("j"): scroll += 1
        case .up, .char("k"): scroll = max(0, scroll - 1)
        default: break
        }
        return .none
    }

    public func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: ScreenContext) {
        var lines: [(String, String, Style)] = [(context.t("本界面", "This screen"), "", .heading)]
        lines += hints.map { ($0.key, $0.label.text(context.lang), .normal) }
        lines.append(("", "", .normal))
        lines.append((context.t("所有界面", "Everywhere"), "", .heading))
        lines += HelpScreen.global.map { ($0.key, $0.label.text(context.lang), .normal) }
        let keyWidth = lines.map { DisplayWidth.of($0.0) }.max() ?? 0
        for (offset, line) in lines.dropFirst(min(scroll, max(0, lines.count - 1))).prefix(area.height - 1).enumerated() {
            let row = area.top + 1 + offset
            if line.1.isEmpty {
                buffer.put("  " + line.0, row: row, column: area.left, style: line.2)
            } else {
                buffer.put("  " + DisplayWidth.pad(line.0, to: keyWidth), row: row, column: area.left, style: .accent)
                buffer.put(line.1, row: row, column: area.left + keyWidth + 4, maxWidth: area.width - keyWidth - 4)
            }
        }
    }
}
