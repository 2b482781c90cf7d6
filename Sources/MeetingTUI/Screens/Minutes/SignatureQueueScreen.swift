import MeetingKit
import MeetingService
import MeetingStore

/// What waits on the acting leader, oldest first: for the mayor, the minutes to sign (R43),
/// with waiting time in working days and the R46 deadline (5 working days), overdue in red.
/// `s` signs after a confirmation that shows the number the document will get.
public struct SignatureQueueScreen: Screen {
    enum Mode {
        case browse
        /// The document and its version as shown when the confirmation opened (optimistic locking).
        case confirmSign(ConfirmDialog, Int64, version: Int)
    }

    var entries: [MinutesQueueEntry] = []
    var loadError: Localized?
    var cursor = ListCursor()
    var mode: Mode = .browse
    var isMayor = false

    public init() {}

    /// The screen the mayor sees first when something waits for his signature.
    public static func opening(_ context: ScreenContext) -> SignatureQueueScreen? {
        guard context.office.actor.principal.role == .mayor,
              let queue = try? context.office.minutesQueue(), !queue.isEmpty else { return nil }
        return SignatureQueueScreen()
    }

    public func title(_ lang: Lang) -> String {
        isMayor ? (lang == .zh ? "待签发纪要" : "Minutes to sign") : (lang == .zh ? "待审核纪要" : "Minutes to review")
    }

    public func hints(_ lang: Lang) -> [KeyHint] {
        if case .confirmSign = mode { return [KeyHint("y", "签发", "sign"), KeyHint("n", "取消", "cancel")] }
        var hints = [KeyHint("Enter", "查看", "view")]
        if isMayor { hints.append(KeyHint("s", "签发", "sign")) }
        hints += [KeyHint("↑↓/jk", "移动", "move"), KeyHint("Esc", "返回", "back")]
        return hints
    }

    public mutating func reload(_ context: ScreenContext) {
        isMayor = context.office.actor.principal.role == .mayor
        let selected = cursor.selected.flatMap { entries.indices.contains($0) ? entries[$0].minutes.id : nil }
        do {
            entries = try context.office.minutesQueue()
            loadError = nil
        } catch {
            loadError = .describing(error)
        }
        cursor.count = entries.count
        if let selected, let i = entries.firstIndex(where: { $0.minutes.id == selected }) { cursor.select(i) }
    }

    var selected: MinutesQueueEntry? { cursor.selected.map { entries[$0] } }

    public mutating func update(_ key: Key, _ context: ScreenContext) -> Effect {
        if case .confirmSign(var dialog, let id, let version) = mode {
            guard let answer = dialog.handle(key) else { mode = .confirmSign(dialog, id, version: version); return .none }
            mode = .browse
            guard answer else { return .none }
            let effect = MinutesStyle.attempt {
                let signed = try context.office.signMinutes(id, expectedVersion: version)
                let number = signed.number!
                return Localized(zh: "已签发：\(number.text(.zh))", en: "signed: \(number.text(.en))")
            }
            reload(context)
            return effect
        }
        switch key {
        case .escape:
            return .pop
        case .enter:
            if let entry = selected { return .push(MinutesViewScreen(id: entry.minutes.id!)) }
        case .char("s"):
            guard let entry = selected else { return .none }
            guard entry.minutes.state == .awaitingSignature, let next = try? context.office.minutesDetail(entry.minutes.id!).nextNumber else {
                return .status(Localized(zh: "这份纪要尚未送达区长签发", en: "these minutes have not reached the mayor yet"), .warning)
            }
            mode = .confirmSign(ConfirmDialog(Localized(zh: "签发后文号：\(next.text(.zh))。确认签发？",
                                                        en: "It will be numbered \(next.text(.en)). Sign?")), entry.minutes.id!,
                                version: entry.minutes.version)
        default:
            cursor.handle(key)
        }
        return .none
    }

    public func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: ScreenContext) {
        let lang = context.lang
        if let loadError {
            buffer.put(loadError.text(lang), row: area.top + 1, column: 2, style: .error, maxWidth: area.width - 4)
            return
        }
        let overdue = entries.filter(\.isOverdue).count
        let what = isMayor ? context.t("待签发", "to sign") : context.t("待审核", "to review")
        var used = buffer.put(context.t(" \(what) \(entries.count) 件", " \(entries.count) \(what)"), row: area.top, column: area.left, style: .heading)
        if overdue > 0 {
            used += buffer.put(context.t("，逾期 \(overdue) 件", ", \(overdue) overdue"), row: area.top, column: area.left + used, style: .error)
        }
        buffer.put(context.t("（R46：5 个工作日内办结，签发后 1 个工作日内反馈）", " (R46: 5 working days; back to the units within 1)"),
                   row: area.top, column: area.left + used, style: .dim, maxWidth: area.width - used)
        if entries.isEmpty {
            buffer.put(context.t("没有待处理的纪要", "Nothing waiting"), row: area.top + 2, column: area.left + 2, style: .dim)
            return
        }
        let header = DisplayWidth.pad(context.t("  送达", "  since"), to: 9) + DisplayWidth.pad(context.t("已等", "waited"), to: 8)
            + DisplayWidth.pad(context.t("期限", "due"), to: 13) + context.t("纪要", "minutes")
        buffer.put(header, row: area.top + 2, column: area.left, style: .dim, maxWidth: area.width)
        let detailHeight = 5
        let list = Rect(top: area.top + 3, left: area.left, height: area.height - 3 - detailHeight, width: area.width)
        for (offset, index) in cursor.visible(rows: list.height).enumerated() {
            let e = entries[index]
            let row = list.top + offset
            let isSelected = index == cursor.selected
            defer { if isSelected { buffer.markSelection(row: row, column: list.left) } }
            let style: Style = (e.isOverdue ? .error : .normal)
            let waited = context.t("\(e.waitingDays) 天", "\(e.waitingDays) d")
            let due = String(e.due.iso.dropFirst(5)) + (e.isOverdue ? context.t(" 逾期", " late") : "")
            let text = (isSelected ? "› " : "  ") + DisplayWidth.pad(String(e.since.day.iso.dropFirst(5)), to: 7)
                + DisplayWidth.pad(waited, to: 8) + DisplayWidth.pad(due, to: 13) + e.minutes.title
                + (e.minutes.classification.isClassified ? " [\(e.minutes.classification.name.text(lang))]" : "")
            buffer.put(text, row: row, column: list.left, style: style, maxWidth: list.width)
        }
        if let e = selected {
            let top = area.bottom - detailHeight
            buffer.box(Rect(top: top, left: area.left, height: detailHeight, width: area.width), title: e.minutes.title)
            let inner = Rect(top: top + 1, left: area.left + 2, height: detailHeight - 2, width: area.width - 4)
            buffer.put(context.t("会议：", "Meeting: ") + e.meetingTitle, row: inner.top, column: inner.left, maxWidth: inner.width)
            buffer.put(context.t("送达：", "Since: ") + "\(e.since.day.iso) \(e.since.timeText)"
                       + context.t("    办理期限：", "    due: ") + e.due.iso, row: inner.top + 1, column: inner.left, maxWidth: inner.width)
            if let next = e.nextNumber {
                buffer.put(context.t("现在签发的文号：", "Number if signed now: ") + next.text(lang), row: inner.top + 2, column: inner.left,
                           style: .accent, maxWidth: inner.width)
            }
        }
        if case .confirmSign(let dialog, _, _) = mode { dialog.draw(into: &buffer, area: area, lang: lang) }
    }
}
