import MeetingKit
import MeetingService
import MeetingStore
import TextLayout

/// Full-text search (`/` anywhere): type, Enter, then move through the results and open
/// one with Enter (an opinion or a statement opens its agenda item). Each result shows the
/// record and an excerpt with the match highlighted; classified minutes the reader may not
/// see never appear (R48).
public struct SearchScreen: Screen {
    enum Focus { case input, results }
    public enum Action { case back, search, toResults, open, newSearch }

    var field = TextField("", limit: SearchQuery.maxLength)
    var focus: Focus = .input
    var results: [SearchResult] = []
    var searched: String?
    var cursor = ListCursor()
    var message: Localized?

    public init(query: String = "") {
        field = TextField(query, limit: SearchQuery.maxLength)
    }

    public func title(_ lang: Lang) -> String { Localized(zh: "查找", en: "Search").text(lang) }

    public var isModal: Bool { focus == .input }

    public func keymap(_ context: ScreenContext) -> Keymap<Action> {
        var map = Keymap<Action>()
        switch focus {
        case .input:
            map.add(.enter, .search, Localized(zh: "查找", en: "search"))
            map.add(.tab, .toResults, Localized(zh: "结果", en: "results"), when: !results.isEmpty)
            map.addBack(.back)
        case .results:
            map.add(.enter, .open, Localized(zh: "打开", en: "open"), when: cursor.selected != nil)
            map.add(.tab, .newSearch, Localized(zh: "重新查找（/ 亦可）", en: "new search (/ too)"))
            map.addBack(.back)
        }
        return map
    }

    public mutating func perform(_ action: Action, _ context: ScreenContext) -> Effect {
        switch action {
        case .back: return .pop
        case .search:
            let text = field.text
            return .call("search", on: SearchScreen.self, { try $0.search(text, limit: 50) }) { screen, result, _ in
                switch result {
                case .success(let found):
                    screen.results = found
                    screen.searched = text
                    screen.message = nil
                    screen.cursor = ListCursor(count: found.count)
                    if !found.isEmpty { screen.focus = .results }
                case .failure(let error):
                    screen.message = .describing(error)
                }
                return .none
            }
        case .toResults:
            focus = .results
        case .open:
            if let i = cursor.selected, let screen = Navigator.screen(for: results[i].ref) { return .push(screen) }
        case .newSearch:
            // A new search starts from an empty field, not after the old words.
            field = TextField("", limit: SearchQuery.maxLength)
            focus = .input
        }
        return .none
    }

    public mutating func input(_ key: Key, _ context: ScreenContext) -> Effect {
        switch focus {
        case .input:
            if key == .down, !results.isEmpty { focus = .results } else { field.handle(key) }
        case .results:
            if key == .char("/") { return perform(.newSearch, context) }
            cursor.handle(key)
        }
        return .none
    }

    /// A search typed on the command line (`:search 经费`) runs at once.
    public mutating func reload(_ context: ScreenContext) {
        guard searched == nil, !field.text.isEmpty, let found = try? context.office.search(field.text, limit: 50) else { return }
        results = found
        searched = field.text
        cursor = ListCursor(count: found.count)
        if !found.isEmpty { focus = .results }
    }

    public func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: ScreenContext) {
        let lang = context.lang
        let prompt = " " + Localized(zh: "查找：", en: "Search: ").text(context.lang)
        let used = buffer.put(prompt, row: area.top, column: area.left, style: .heading)
        field.draw(into: &buffer, row: area.top, column: area.left + used, width: max(10, area.width - used - 1), focused: focus == .input)
        if let message {
            buffer.put(" " + message.text(lang), row: area.top + 1, column: area.left, style: .error, maxWidth: area.width)
            return
        }
        guard let searched else {
            buffer.put(Localized(zh: " 会议标题、议题、部门意见、分歧说明和纪要；中文无需空格，多个词以空格分隔", en: " Meeting titles, items, opinions, statements and minutes; words separated by spaces").text(context.lang),
                       row: area.top + 1, column: area.left, style: .dim, maxWidth: area.width)
            return
        }
        if results.isEmpty {
            buffer.put(Localized(zh: " 没有找到“\(searched)”", en: " Nothing found for '\(searched)'").text(context.lang), row: area.top + 1, column: area.left,
                       style: .warning, maxWidth: area.width)
            return
        }
        let count = results.count == 1 ? "1 result" : "\(results.count) results"
        buffer.put(Localized(zh: " 找到 \(results.count) 条“\(searched)”（按相关度）", en: " \(count) for '\(searched)' (best first)").text(context.lang),
                   row: area.top + 1, column: area.left, style: .dim, maxWidth: area.width)
        // Two rows per result: the record, then the excerpt.
        let list = Rect(top: area.top + 2, left: area.left, height: area.height - 2, width: area.width)
        for (offset, index) in cursor.visible(rows: list.height / 2).enumerated() {
            let r = results[index]
            let row = list.top + offset * 2
            let selected = focus == .results && cursor.selected == index
            let base: Style = .normal
            var col = buffer.listRow("  " + DisplayWidth.pad(r.kind.name.text(lang), to: 10), row: row, column: list.left, selected: selected,
                                     style: .accent)
            col += buffer.put("#\(r.id) " + r.title.text(lang) + "  ", row: row, column: list.left + col, style: base,
                              maxWidth: list.width - col)
            buffer.put(r.detail.text(lang), row: row, column: list.left + col, style: .dim, maxWidth: list.width - col)
            col = buffer.put("    " + r.field.name.text(lang) + Localized(zh: "：", en: ": ").text(context.lang), row: row + 1, column: list.left,
                             style: .dim)
            for part in r.snippet.parts where col < list.width {
                col += buffer.put(part.text, row: row + 1, column: list.left + col, style: part.marked ? .warning : base,
                                  maxWidth: list.width - col)
            }
        }
    }
}
