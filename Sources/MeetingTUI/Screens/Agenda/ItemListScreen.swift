import MeetingKit
import MeetingService
import MeetingStore

/// Agenda items, newest first, filtered by state (s), department (d) and meeting (m);
/// Enter opens an item, e the agenda of the filtered (or selected item's) meeting.
public struct ItemListScreen: Screen {
    /// A filter being chosen.
    enum Picker {
        case state(ChoiceList)
        case department(ChoiceList, codes: [String])
        case meeting(ChoiceList, ids: [Int64])
    }

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
    var picker: Picker?
    var loadError: Localized?

    public init(state: AgendaState? = nil, department: String? = nil, meeting: Int64? = nil) {
        self.state = state
        self.department = department
        meetingId = meeting
    }

    public func title(_ lang: Lang) -> String { lang == .zh ? "议题" : "Agenda items" }

    public func hints(_ lang: Lang) -> [KeyHint] {
        if picker != nil { return [KeyHint("Enter", "选择", "choose"), KeyHint("Esc", "取消", "cancel")] }
        var hints = [KeyHint("Enter", "打开", "open"), KeyHint("s", "按状态", "by state"), KeyHint("d", "按部门", "by department"),
                     KeyHint("m", "按会议", "by meeting")]
        if state != nil || department != nil || meetingId != nil { hints.append(KeyHint("x", "清除筛选", "clear filters")) }
        hints += [KeyHint("e", "会议议程", "agenda"), KeyHint("Esc", "返回", "back")]
        return hints
    }

    public mutating func reload(_ context: ScreenContext) {
        do {
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
            loadError = nil
        } catch {
            loadError = .describing(error)
        }
    }

    public mutating func update(_ key: Key, _ context: ScreenContext) -> Effect {
        if let open = picker { return choose(open, key, context) }
        let lang = context.lang
        switch key {
        case .escape: return .popAndReload
        case .enter:
            if let index = cursor.selected, let id = items[index].id { return .push(ItemDetailScreen(itemId: id)) }
        case .char("s"):
            let options = [context.t("全部", "all")] + AgendaState.allCases.map { $0.name.text(lang) }
            picker = .state(ChoiceList(options: options, selected: state.flatMap { AgendaState.allCases.firstIndex(of: $0) }.map { $0 + 1 } ?? 0))
        case .char("d"):
            let departments = (org?.departments(kind: .constituent) ?? []) + (org?.departments(kind: .unit) ?? [])
                + (org?.departments(kind: .street) ?? [])
            let codes = [""] + departments.map(\.code)
            let options = [context.t("全部", "all")] + departments.map { "\($0.code)  \($0.name)" }
            picker = .department(ChoiceList(options: options, selected: codes.firstIndex(of: department ?? "") ?? 0), codes: codes)
        case .char("m"):
            // Recent and coming meetings, read when the filter opens rather than with every page:
            // on a large office they are thousands, and most visits never filter by meeting.
            let today = context.office.clock.today
            if let recent = try? context.office.meetings(from: LocalDateTime(day: today.adding(days: -90), minuteOfDay: 0)) {
                for m in recent { meetings[m.id!] = m }
            }
            let sorted = meetings.values.sorted { $0.start < $1.start }
            let ids = [Int64(0)] + sorted.compactMap(\.id)
            let options = [context.t("全部", "all")] + sorted.map { AgendaDisplay.meetingLine($0, lang: lang) }
            picker = .meeting(ChoiceList(options: options, selected: ids.firstIndex(of: meetingId ?? 0) ?? 0), ids: ids)
        case .char("x"):
            state = nil
            department = nil
            meetingId = nil
            startOver(context)
        case .char("e"):
            let selected = cursor.selected.flatMap { items[$0].meetingId }
            if let id = meetingId ?? selected { return .push(AgendaEditorScreen(meetingId: id)) }
            return .status(Localized(zh: "请先按 m 选择会议，或选中已上会的议题", en: "choose a meeting with m, or select an item on a meeting"), .warning)
        case .char("r"):
            reload(context)
        default:
            cursor.handle(key)
            loadMoreIfNeeded(context)
        }
        return .none
    }

    /// Items are loaded a page at a time (issue 9: only what the list needs).
    static let pageSize = 200

    /// Loads the next page when the cursor comes within half a page of the last loaded item.
    mutating func loadMoreIfNeeded(_ context: ScreenContext) {
        guard items.count < total, let selected = cursor.selected, selected >= items.count - ItemListScreen.pageSize / 2,
              let last = items.last?.id else { return }
        do {
            let page = try context.office.itemPage(state: state, department: department, meeting: meetingId,
                                                    before: last, limit: ItemListScreen.pageSize)
            items += page.items
            total = page.total
            meetings.merge(page.meetings) { old, _ in old }
            cursor.count = items.count
        } catch {
            loadError = .describing(error)
        }
    }

    private mutating func choose(_ open: Picker, _ key: Key, _ context: ScreenContext) -> Effect {
        switch open {
        case .state(var list):
            guard let outcome = list.handle(key) else { picker = .state(list); return .none }
            if case .chosen(let i) = outcome { state = i == 0 ? nil : AgendaState.allCases[i - 1] }
        case .department(var list, let codes):
            guard let outcome = list.handle(key) else { picker = .department(list, codes: codes); return .none }
            if case .chosen(let i) = outcome { department = codes[i].isEmpty ? nil : codes[i] }
        case .meeting(var list, let ids):
            guard let outcome = list.handle(key) else { picker = .meeting(list, ids: ids); return .none }
            if case .chosen(let i) = outcome { meetingId = ids[i] == 0 ? nil : ids[i] }
        }
        picker = nil
        startOver(context)
        return .none
    }

    /// A new filter: the first page from the top, not as many rows as the old filter showed.
    private mutating func startOver(_ context: ScreenContext) {
        items = []
        total = 0
        cursor.count = 0
        reload(context)
    }

    public func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: ScreenContext) {
        let lang = context.lang
        if let loadError {
            buffer.put(loadError.text(lang), row: area.top + 1, column: 2, style: .error, maxWidth: area.width - 4)
            return
        }
        let all = context.t("全部", "all")
        let meetingText = meetingId.map { id in meetings[id].map { $0.numberedTitle(lang) } ?? String(id) } ?? all
        let filters = context.t("状态：", "State: ") + (state?.name.text(lang) ?? all) + "  " + context.t("部门：", "Department: ")
            + (department ?? all) + "  " + context.t("会议：", "Meeting: ") + meetingText
        buffer.put(" " + filters, row: area.top, column: area.left, style: .heading, maxWidth: area.width - 12)
        let count = context.t("共 \(total) 项", "\(total) items")
        buffer.put(count, row: area.top, column: area.right - DisplayWidth.of(count) - 1, style: .dim)

        let width = area.width - 2
        let titleWidth = max(10, width - 5 - 2 - 10 - 2 - 5 - 2 - 12)
        let header = DisplayWidth.pad(context.t("编号", "id"), to: 5) + "  " + DisplayWidth.pad(context.t("状态", "state"), to: 10) + "  "
            + DisplayWidth.pad(context.t("主办", "lead"), to: 5) + "  " + DisplayWidth.pad(context.t("标题", "title"), to: titleWidth) + "  "
            + context.t("会议", "meeting")
        buffer.put(header, row: area.top + 2, column: area.left + 1, style: .dim, maxWidth: width)
        // The last row shows the selected item's statement of disagreement (R41).
        let list = Rect(top: area.top + 3, left: area.left, height: area.height - 4, width: area.width)
        if let index = cursor.selected, let statement = items[index].statement {
            buffer.put(" ⚠ " + context.t("分歧说明：", "Statement: ") + statement.text, row: area.bottom - 1, column: area.left,
                       style: .warning, maxWidth: area.width)
        }
        if items.isEmpty {
            buffer.put(context.t("没有符合条件的议题", "No items match"), row: list.top, column: list.left + 1, style: .dim)
        }
        for (offset, index) in cursor.visible(rows: list.height).enumerated() {
            let item = items[index]
            let selected = cursor.selected == index
            let row = list.top + offset
            defer { if selected { buffer.markSelection(row: row, column: list.left) } }
            var column = list.left + 1
            column += buffer.put(DisplayWidth.pad("#\(item.id ?? 0)", to: 5) + "  ", row: row, column: column, style: .dim)
            column += buffer.put(DisplayWidth.pad(item.state.name.text(lang), to: 10) + "  ", row: row, column: column,
                                 style: AgendaDisplay.style(for: item.state))
            column += buffer.put(DisplayWidth.pad(item.leadCode, to: 5) + "  ", row: row, column: column, style: .normal)
            let marks = (item.major ? context.t("【重大】", "[major] ") : "")
            let title = DisplayWidth.pad(marks + item.title + (item.isFlagged ? " ⚠" : ""), to: titleWidth)
            column += buffer.put(title + "  ", row: row, column: column, style: (item.isFlagged ? .warning : .normal))
            if let id = item.meetingId, let m = meetings[id] {
                buffer.put("\(m.start.day.iso.dropFirst(5)) \(m.kind.shortName.text(lang))", row: row, column: column,
                           style: MeetingStyle.style(forKind: m.kind.rawValue), maxWidth: list.right - column)
            }
        }
        if let picker {
            let (title, list): (String, ChoiceList)
            switch picker {
            case .state(let l): (title, list) = (context.t("按状态筛选", "Filter by state"), l)
            case .department(let l, _): (title, list) = (context.t("按部门筛选", "Filter by department"), l)
            case .meeting(let l, _): (title, list) = (context.t("按会议筛选", "Filter by meeting"), l)
            }
            let rect = area.centered(height: min(area.height - 2, list.options.count + 2), width: min(area.width - 4, 60))
            buffer.fill(rect)
            buffer.box(rect, title: title, style: .accent)
            list.draw(into: &buffer, rect: rect.inset(1))
        }
    }
}
