import MeetingKit
import MeetingService
import MeetingStore
import TextLayout

/// All minutes, newest first, with state, number and whose turn it is; `f` filters by state.
/// Classified documents are listed for everyone (only their bodies are restricted, R48).
public struct MinutesListScreen: Screen {
    var all: [Minutes] = []
    var names: [String: String] = [:]
    var filter: MinutesState?
    var loadError: Localized?
    var cursor = ListCursor()

    public init() {}

    public func title(_ lang: Lang) -> String { Localized(zh: "会议纪要", en: "Minutes").text(lang) }

    public enum Action { case back, open, filter, queue }

    public func keymap(_ context: ScreenContext) -> Keymap<Action> {
        var map = Keymap<Action>()
        map.add(.enter, .open, Localized(zh: "查看", en: "view"), when: cursor.selected != nil)
        map.add(.filter, .filter, Localized(zh: "按状态筛选", en: "filter by state"))
        map.add(.sign, .queue, Localized(zh: "待签发/待审核", en: "to sign/review"), when: context.office.actor.principal.role != .departmentHead)
        map.addBack(.back)
        return map
    }

    var shown: [Minutes] { filter.map { f in all.filter { $0.state == f } } ?? all }

    public mutating func reload(_ context: ScreenContext) {
        let selected = cursor.selected.flatMap { shown.indices.contains($0) ? shown[$0].id : nil }
        loadError = .loading {
            all = try context.office.minutesList()
            names = Dictionary(uniqueKeysWithValues: try context.office.orgChart().people.map { ($0.key, $0.value.name) })
        }
        cursor.count = shown.count
        if let selected, let i = shown.firstIndex(where: { $0.id == selected }) { cursor.select(i) }
    }

    public mutating func perform(_ action: Action, _ context: ScreenContext) -> Effect {
        switch action {
        case .back: return .pop
        case .open:
            if let i = cursor.selected { return .push(MinutesViewScreen(id: shown[i].id!)) }
        case .filter:
            let states: [MinutesState?] = [nil] + MinutesState.allCases
            let next = ((states.firstIndex { $0 == filter } ?? 0) + 1) % states.count
            filter = states[next]
            cursor.count = shown.count
            cursor.select(0)
        case .queue: return .push(SignatureQueueScreen())
        }
        return .none
    }

    public mutating func input(_ key: Key, _ context: ScreenContext) -> Effect {
        cursor.handle(key)
        return .none
    }

    public func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: ScreenContext) {
        let lang = context.lang
        if buffer.putLoadError(loadError, in: area, lang) { return }
        let filterText = filter.map { $0.name.text(lang) } ?? Localized(zh: "全部", en: "all").text(context.lang)
        buffer.put(Localized(zh: " 共 \(shown.count) 份 · 筛选：\(filterText)", en: " \(shown.count) documents · showing: \(filterText)").text(context.lang),
                   row: area.top, column: area.left, style: .heading)
        let stateW = lang == .zh ? 12 : 20
        // The number column is as wide as the longest number shown (a number is never cut).
        let numbers = shown.compactMap { $0.number?.text(lang) }
        let numberW = min(max(lang == .zh ? 26 : 30, (numbers.map(DisplayWidth.of).max() ?? 0) + 2), max(20, area.width - 5 - stateW - 12))
        let header = "  " + DisplayWidth.pad("#", to: 5) + DisplayWidth.pad(Localized(zh: "状态", en: "state").text(context.lang), to: stateW)
            + DisplayWidth.pad(Localized(zh: "文号 / 待办人", en: "number / waiting on").text(context.lang), to: numberW) + Localized(zh: "纪要", en: "minutes").text(context.lang)
        buffer.put(header, row: area.top + 2, column: area.left, style: .dim, maxWidth: area.width)
        if shown.isEmpty {
            buffer.put(Localized(zh: "没有纪要", en: "No minutes").text(context.lang), row: area.top + 3, column: area.left + 2, style: .dim)
            return
        }
        let list = Rect(top: area.top + 3, left: area.left, height: area.height - 3, width: area.width)
        for (offset, index) in cursor.visible(rows: list.height).enumerated() {
            let m = shown[index]
            let row = list.top + offset
            let isSelected = index == cursor.selected
            var col = buffer.listRow("  " + DisplayWidth.pad("\(m.id!)", to: 5), row: row, column: list.left, selected: isSelected)
            col += buffer.put(DisplayWidth.pad(m.state.name.text(lang), to: stateW), row: row, column: list.left + col,
                              style: MinutesStyle.style(for: m.state))
            let waiting = m.waitingOn.map { Localized(zh: "待 \(names[$0] ?? $0)", en: "\(names[$0] ?? $0)").text(context.lang) } ?? "—"
            col += buffer.put(DisplayWidth.pad(m.number?.text(lang) ?? waiting, to: numberW), row: row, column: list.left + col,
                              style: (m.number == nil ? .dim : .normal))
            // The classification comes before the title, which a narrow terminal cuts (R48).
            if m.classification.isClassified {
                col += buffer.put("[\(m.classification.name.text(lang))] ", row: row, column: list.left + col, style: .warning,
                                  maxWidth: max(0, list.width - col))
            }
            buffer.put(m.title, row: row, column: list.left + col, style: .normal, maxWidth: max(0, list.width - col))
        }
    }
}
