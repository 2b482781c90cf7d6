import MeetingKit
import MeetingService
import MeetingStore
import TextLayout

/// Agenda items, newest first, filtered (`f`) by state, department or meeting (pickers);
/// Enter opens an item, `n` drafts one, `O` opens the agenda of the filtered (or selected
/// item's) meeting.
public struct ItemListScreen: Screen {
    /// A filter being chosen: first which filter, then its value.
    enum FilterPicker {
        case which(ChoiceList)
        case state(ChoiceList)
        case department(Picker)
        case meeting(Picker)
    }

    public enum Action { case back, open, new, filter, agenda, choose, cancelFilter }

    var state: AgendaState?
    var department: String?
    var meetingId: Int64?
    /// The items loaded so far, newest first: pages of ``pageSize``, more as the cursor nears the end.
    var items: [AgendaItem] = []
    /// How many items match the filters in all.
    var total = 0
    var meetings: [Int64: Meeting] = [:]
    var org: OrgChart?
    var cursor = ListCursor()
    var picker: FilterPicker?
    var loadError: Localized?

    public init(state: AgendaState? = nil, department: String? = nil, meeting: Int64? = nil) {
        self.state = state
        self.department = department
        meetingId = meeting
    }

    public func title(_ lang: Lang) -> String { Localized(zh: "议题", en: "Agenda items").text(lang) }

    public var isModal: Bool { picker != nil }

    public func keymap(_ context: ScreenContext) -> Keymap<Action> {
        var map = Keymap<Action>()
        if picker != nil {
            map.add(.enter, .choose, Localized(zh: "选择", en: "choose"))
            map.add(.escape, .cancelFilter, Localized(zh: "取消", en: "cancel"))
            return map
        }
        map.add(.enter, .open, Localized(zh: "打开", en: "open"), when: cursor.selected != nil)
        map.add(.new, .new, Localized(zh: "起草议题", en: "draft an item"))
        map.add(.filter, .filter, Localized(zh: "筛选", en: "filter"))
        map.add(.agenda, .agenda, when: meetingId != nil || cursor.selected.flatMap { items[$0].meetingId } != nil)
        map.addBack(.back)
        return map
    }

    public mutating func reload(_ context: ScreenContext) {
        loadError = .loading {
            // Keep the cursor on the same item when the list changes under it.
            let keep = cursor.selected.flatMap { items.indices.contains($0) ? items[$0].id : nil }
            defer { if let keep, let i = items.firstIndex(where: { $0.id == keep }) { cursor.select(i) } }
            let office = context.office
            // One page (or as many as were shown before a reload), not ten years of items.
            let page = try office.itemPage(state: state, department: department, meeting: meetingId,
                                            limit: max(ItemListScreen.pageSize, items.count))
            items = page.items
            total = page.total
            org = try office.orgChart()
            var known = page.meetings
            if let meetingId, known[meetingId] == nil { known[meetingId] = try office.meeting(meetingId) }
            meetings = known
            cursor.count = items.count
        }
    }

    public mutating func perform(_ action: Action, _ context: ScreenContext) -> Effect {
        let lang = context.lang
        switch action {
        case .back: return .popAndReload
        case .open:
            if let index = cursor.selected, let id = items[index].id { return .push(ItemDetailScreen(itemId: id)) }
        case .new:
            return .push(ItemFormScreen())
        case .agenda:
            let selected = cursor.selected.flatMap { items[$0].meetingId }
            if let id = meetingId ?? selected { return .push(AgendaEditorScreen(meetingId: id)) }
        case .filter:
            var options = [Localized(zh: "按状态", en: "by state").text(context.lang), Localized(zh: "按部门", en: "by department").text(context.lang), Localized(zh: "按会议", en: "by meeting").text(context.lang)]
            if state != nil || department != nil || meetingId != nil { options.append(Localized(zh: "清除筛选", en: "clear filters").text(context.lang)) }
            picker = .which(ChoiceList(options: options))
        case .cancelFilter:
            picker = nil
        case .choose:
            return input(.enter, context)
        }
        _ = lang
        return .none
    }

    public mutating func input(_ key: Key, _ context: ScreenContext) -> Effect {
        if let open = picker { return choose(open, key, context) }
        cursor.handle(key)
        return loadMoreIfNeeded()
    }

    /// Opens the picker of the chosen filter: states as a list, departments and meetings
    /// found by typing (recent and coming meetings, read when the filter opens rather than with
    /// every page: on a large office they are thousands).
    private mutating func openFilter(_ index: Int, _ context: ScreenContext) -> Effect {
        let lang = context.lang
        switch index {
        case 0:
            let options = [Localized(zh: "全部", en: "all").text(context.lang)] + AgendaState.allCases.map { $0.name.text(lang) }
            picker = .state(ChoiceList(options: options, selected: state.flatMap { AgendaState.allCases.firstIndex(of: $0) }.map { $0 + 1 } ?? 0))
        case 1:
            let departments = (org?.departments(kind: .constituent) ?? []) + (org?.departments(kind: .unit) ?? []) + (org?.departments(kind: .street) ?? [])
            picker = .department(Picker(options: [Picker.Option(id: "", text: Localized(zh: "全部", en: "all").text(context.lang))] + departments.map(Picker.Option.department),
                                        selecting: department ?? ""))
        case 2:
            let today = context.office.clock.today
            let from = LocalDateTime(day: today.adding(days: -90), minuteOfDay: 0)
            let known = meetings
            return .call("meetings", on: ItemListScreen.self, { try $0.meetings(from: from) }) { screen, result, _ in
                var all = known
                if case .success(let recent) = result { for m in recent { all[m.id!] = m } }
                screen.meetings = all
                let sorted = all.values.sorted { $0.start < $1.start }
                let options = [Picker.Option(id: "0", text: Localized(zh: "全部", en: "all").text(lang))] + sorted.map {
                    Picker.Option(id: String($0.id!), text: AgendaDisplay.meetingLine($0, lang: lang), detail: "", keywords: [$0.title])
                }
                screen.picker = .meeting(Picker(options: options, selecting: String(screen.meetingId ?? 0)))
                return .none
            }
        default:
            state = nil
            department = nil
            meetingId = nil
            startOver()
            return .reload
        }
        return .none
    }

    /// Items are loaded a page at a time (issue 9: only what the list needs).
    static let pageSize = 200

    /// Loads the next page when the cursor comes within half a page of the last loaded item.
    func loadMoreIfNeeded() -> Effect {
        guard items.count < total, let selected = cursor.selected, selected >= items.count - ItemListScreen.pageSize / 2,
              let last = items.last?.id else { return .none }
        let state = self.state, department = self.department, meetingId = self.meetingId
        return .call("itemPage", on: ItemListScreen.self, {
            try $0.itemPage(state: state, department: department, meeting: meetingId, before: last, limit: ItemListScreen.pageSize)
        }) { screen, result, _ in
            switch result {
            case .success(let page):
                screen.items += page.items
                screen.total = page.total
                screen.meetings.merge(page.meetings) { old, _ in old }
                screen.cursor.count = screen.items.count
            case .failure(let error):
                screen.loadError = .describing(error)
            }
            return .none
        }
    }

    private mutating func choose(_ open: FilterPicker, _ key: Key, _ context: ScreenContext) -> Effect {
        switch open {
        case .which(var list):
            guard let outcome = list.handle(key) else { picker = .which(list); return .none }
            picker = nil
            if case .chosen(let i) = outcome { return openFilter(i, context) }
            return .none
        case .state(var list):
            guard let outcome = list.handle(key) else { picker = .state(list); return .none }
            if case .chosen(let i) = outcome { state = i == 0 ? nil : AgendaState.allCases[i - 1] }
        case .department(var list):
            guard let outcome = list.handle(key) else { picker = .department(list); return .none }
            if case .chosen(let ids) = outcome { department = ids.first.flatMap { $0.isEmpty ? nil : $0 } }
        case .meeting(var list):
            guard let outcome = list.handle(key) else { picker = .meeting(list); return .none }
            if case .chosen(let ids) = outcome { meetingId = ids.first.flatMap { Int64($0) }.flatMap { $0 == 0 ? nil : $0 } }
        }
        picker = nil
        startOver()
        return .reload
    }

    /// A new filter: the first page from the top, not as many rows as the old filter showed.
    private mutating func startOver() {
        items = []
        total = 0
        cursor.count = 0
    }

    public func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: ScreenContext) {
        let lang = context.lang
        if buffer.putLoadError(loadError, in: area, lang) { return }
        let all = Localized(zh: "全部", en: "all").text(context.lang)
        let meetingText = meetingId.map { id in meetings[id].map { $0.numberedTitle(lang) } ?? String(id) } ?? all
        let filters = Localized(zh: "状态：", en: "State: ").text(context.lang) + (state?.name.text(lang) ?? all) + "  " + Localized(zh: "部门：", en: "Department: ").text(context.lang)
            + (department ?? all) + "  " + Localized(zh: "会议：", en: "Meeting: ").text(context.lang) + meetingText
        buffer.put(" " + filters, row: area.top, column: area.left, style: .heading, maxWidth: area.width - 12)
        let count = Localized(zh: "共 \(total) 项", en: "\(total) items").text(context.lang)
        buffer.put(count, row: area.top, column: area.right - DisplayWidth.of(count) - 1, style: .dim)

        let width = area.width - 2
        let titleWidth = max(10, width - 5 - 2 - 10 - 2 - 5 - 2 - 12)
        let header = DisplayWidth.pad(Localized(zh: "编号", en: "id").text(context.lang), to: 5) + "  " + DisplayWidth.pad(Localized(zh: "状态", en: "state").text(context.lang), to: 10) + "  "
            + DisplayWidth.pad(Localized(zh: "主办", en: "lead").text(context.lang), to: 5) + "  " + DisplayWidth.pad(Localized(zh: "标题", en: "title").text(context.lang), to: titleWidth) + "  "
            + Localized(zh: "会议", en: "meeting").text(context.lang)
        buffer.put(header, row: area.top + 2, column: area.left + 1, style: .dim, maxWidth: width)
        // The last row shows the selected item's statement of disagreement (R41).
        let list = Rect(top: area.top + 3, left: area.left, height: area.height - 4, width: area.width)
        if let index = cursor.selected, let statement = items[index].statement {
            buffer.put(" ⚠ " + Localized(zh: "分歧说明：", en: "Statement: ").text(context.lang) + statement.text, row: area.bottom - 1, column: area.left,
                       style: .warning, maxWidth: area.width)
        }
        if items.isEmpty {
            buffer.put(Localized(zh: "没有符合条件的议题", en: "No items match").text(context.lang), row: list.top, column: list.left + 1, style: .dim)
        }
        for (offset, index) in cursor.visible(rows: list.height).enumerated() {
            let item = items[index]
            let selected = cursor.selected == index
            let row = list.top + offset
            var column = list.left + 1
            column += buffer.listRow(DisplayWidth.pad("#\(item.id ?? 0)", to: 5) + "  ", row: row, column: column, selected: selected, style: .dim,
                                     markColumn: list.left)
            column += buffer.put(DisplayWidth.pad(item.state.name.text(lang), to: 10) + "  ", row: row, column: column,
                                 style: AgendaDisplay.style(for: item.state))
            column += buffer.put(DisplayWidth.pad(item.leadCode, to: 5) + "  ", row: row, column: column, style: .normal)
            let marks = (item.major ? Localized(zh: "【重大】", en: "[major] ").text(context.lang) : "")
            let title = DisplayWidth.pad(marks + item.title + (item.isFlagged ? " ⚠" : ""), to: titleWidth)
            column += buffer.put(title + "  ", row: row, column: column, style: (item.isFlagged ? .warning : .normal))
            if let id = item.meetingId, let m = meetings[id] {
                buffer.put("\(m.start.day.iso.dropFirst(5)) \(m.kind.shortName.text(lang))", row: row, column: column,
                           style: MeetingStyle.style(forKind: m.kind.rawValue), maxWidth: list.right - column)
            }
        }
        switch picker {
        case .which(let list)?: MinutesStyle.drawChoice(list, title: Localized(zh: "筛选", en: "Filter").text(context.lang), into: &buffer, area: area)
        case .state(let list)?: MinutesStyle.drawChoice(list, title: Localized(zh: "按状态筛选", en: "Filter by state").text(context.lang), into: &buffer, area: area)
        case .department(let p)?: p.drawBox(title: Localized(zh: "按部门筛选", en: "Filter by department").text(context.lang), into: &buffer, area: area, lang: lang)
        case .meeting(let p)?: p.drawBox(title: Localized(zh: "按会议筛选", en: "Filter by meeting").text(context.lang), into: &buffer, area: area, lang: lang)
        case nil: break
        }
    }
}
