import MeetingKit
import MeetingService
import MeetingStore

/// Full-text search (`/` anywhere): type, Enter, then move through the results and open
/// one with Enter (an opinion or a statement opens its agenda item). Each result shows the
/// record and an excerpt with the match highlighted; classified minutes the reader may not
/// see never appear (R48).
public struct SearchScreen: Screen {
    enum Focus { case input, results }

    var field = TextField("", limit: SearchQuery.maxLength)
    var focus: Focus = .input
    var results: [SearchResult] = []
    var searched: String?
    var cursor = ListCursor()
    var message: Localized?

    public init(text: String = "") {
        field = TextField(text, limit: SearchQuery.maxLength)
    }

    public func title(_ lang: Lang) -> String { lang == .zh ? "查找" : "Search" }

    public var capturesText: Bool { focus == .input }

    public func hints(_ lang: Lang) -> [KeyHint] {
        switch focus {
        case .input:
            return [KeyHint("Enter", "查找", "search"), KeyHint("Tab", "结果", "results"), KeyHint("Esc", "返回", "back")]
        case .results:
            return [KeyHint("Enter", "打开", "open"), KeyHint("/", "重新查找", "new search"), KeyHint("↑↓", "移动", "move"),
                    KeyHint("Esc", "返回", "back")]
        }
    }

    public mutating func update(_ key: Key, _ context: ScreenContext) -> Effect {
        switch focus {
        case .input:
            switch key {
            case .escape: return .pop
            case .enter: run(context)
            case .tab, .down: if !results.isEmpty { focus = .results }
            default: field.handle(key)
            }
        case .results:
            switch key {
            case .escape: return .pop
            case .char("/"), .tab: focus = .input
            case .enter:
                if let i = cursor.selected, let screen = Navigator.screen(for: results[i].ref) { return .push(screen) }
            default: cursor.handle(key)
            }
        }
        return .none
    }

    /// Runs the search for the field's text; a refused query is shown and the field keeps focus.
    mutating func run(_ context: ScreenContext) {
        do {
            results = try context.office.search(field.text, limit: 50)
            searched = field.text
            message = nil
            cursor = ListCursor(count: results.count)
            if !results.isEmpty { focus = .results }
        } catch {
            message = .describing(error)
        }
    }

    public func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: ScreenContext) {
        let lang = context.lang
        let prompt = " " + context.t("查找：", "Search: ")
        let used = buffer.put(prompt, row: area.top, column: area.left, style: .heading)
        field.draw(into: &buffer, row: area.top, column: area.left + used, width: max(10, area.width - used - 1), focused: focus == .input)
        if let message {
            buffer.put(" " + message.text(lang), row: area.top + 1, column: area.left, style: .error, maxWidth: area.width)
            return
        }
        guard let searched else {
            buffer.put(context.t(" 会议标题、议题、部门意见、分歧说明和纪要；中文无需空格，多个词以空格分隔",
                                 " Meeting titles, items, opinions, statements and minutes; words separated by spaces"),
                       row: area.top + 1, column: area.left, style: .dim, maxWidth: area.width)
            return
        }
        if results.isEmpty {
            buffer.put(context.t(" 没有找到“\(searched)”", " Nothing found for '\(searched)'"), row: area.top + 1, column: area.left,
                       style: .warning, maxWidth: area.width)
            return
        }
        let count = results.count == 1 ? "1 result" : "\(results.count) results"
        buffer.put(context.t(" 找到 \(results.count) 条“\(searched)”（按相关度）", " \(count) for '\(searched)' (best first)"),
                   row: area.top + 1, column: area.left, style: .dim, maxWidth: area.width)
        // Two rows per result: the record, then the excerpt.
        let list = Rect(top: area.top + 2, left: area.left, height: area.height - 2, width: area.width)
        for (offset, index) in cursor.visible(rows: list.height / 2).enumerated() {
            let r = results[index]
            let row = list.top + offset * 2
            let selected = focus == .results && cursor.selected == index
            defer { if selected { buffer.markSelection(row: row, column: list.left) } }
            let base: Style = .normal
            var col = buffer.put((selected ? "› " : "  ") + DisplayWidth.pad(r.kind.name.text(lang), to: 10),
                                 row: row, column: list.left, style: .accent)
            col += buffer.put("#\(r.id) " + r.title.text(lang) + "  ", row: row, column: list.left + col, style: base,
                              maxWidth: list.width - col)
            buffer.put(r.detail.text(lang), row: row, column: list.left + col, style: .dim, maxWidth: list.width - col)
            col = buffer.put("    " + r.field.name.text(lang) + context.t("：", ": "), row: row + 1, column: list.left,
                             style: .dim)
            for part in r.snippet.parts where col < list.width {
                col += buffer.put(part.text, row: row + 1, column: list.left + col, style: part.marked ? .warning : base,
                                  maxWidth: list.width - col)
            }
        }
    }
}
