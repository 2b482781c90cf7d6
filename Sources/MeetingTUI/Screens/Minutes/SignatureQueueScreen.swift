import MeetingKit
import MeetingService
import MeetingStore
import TextLayout

/// What waits on the acting leader, oldest first: for the mayor, the minutes to sign (R43),
/// with waiting time in working days and the R46 deadline (5 working days), overdue in red.
/// `S` signs after a confirmation that shows the number the document will get.
public struct SignatureQueueScreen: Screen {
    public enum Action { case back, open, sign, question(Question.Action) }

    var entries: [MinutesQueueEntry] = []
    var loadError: Localized?
    var cursor = ListCursor()
    var question: Question?
    var isMayor = false

    public init() {}

    /// The screen the mayor sees first when something waits for his signature.
    /// It comes loaded: the queue is read once, to know whether to open and to show it.
    public static func opening(_ context: ScreenContext) -> SignatureQueueScreen? {
        guard context.office.actor.principal.role == .mayor else { return nil }
        var screen = SignatureQueueScreen()
        screen.reload(context)
        return screen.entries.isEmpty ? nil : screen
    }

    public func title(_ lang: Lang) -> String {
        isMayor ? (Localized(zh: "待签发纪要", en: "Minutes to sign").text(lang)) : (Localized(zh: "待审核纪要", en: "Minutes to review").text(lang))
    }

    public var isModal: Bool { question != nil }

    public func keymap(_ context: ScreenContext) -> Keymap<Action> {
        var map = Keymap<Action>()
        if let question { map.merge(question.keymap(), Action.question); return map }
        map.add(.enter, .open, Localized(zh: "查看", en: "view"), when: selected != nil)
        map.add(.sign, .sign, when: isMayor && selected?.minutes.state == .awaitingSignature)
        map.addBack(.back)
        return map
    }

    public mutating func reload(_ context: ScreenContext) {
        isMayor = context.office.actor.principal.role == .mayor
        let selected = cursor.selected.flatMap { entries.indices.contains($0) ? entries[$0].minutes.id : nil }
        loadError = .loading {
            entries = try context.office.minutesQueue()
        }
        cursor.count = entries.count
        if let selected, let i = entries.firstIndex(where: { $0.minutes.id == selected }) { cursor.select(i) }
    }

    var selected: MinutesQueueEntry? { cursor.selected.flatMap { entries.indices.contains($0) ? entries[$0] : nil } }

    public mutating func perform(_ action: Action, _ context: ScreenContext) -> Effect {
        switch action {
        case .back: return .pop
        case .question(let answer):
            return question.close(answering: answer)
        case .open:
            if let entry = selected { return .push(MinutesViewScreen(id: entry.minutes.id!)) }
        case .sign:
            guard let entry = selected, let id = entry.minutes.id else { return .none }
            let version = entry.minutes.version
            let message = entry.nextNumber.map { Localized(zh: "签发后文号：\($0.text(.zh))。确认签发？", en: "It will be numbered \($0.text(.en)). Sign?") }
                ?? Localized(zh: "确认签发“\(entry.minutes.title)”？", en: "Sign \(entry.minutes.title)?")
            question = Question(message, then: .change("signMinutes", on: SignatureQueueScreen.self, { try $0.signMinutes(id, expectedVersion: version) }) { signed in
                Localized(zh: "已签发：\(signed.number?.text(.zh) ?? signed.title)", en: "signed: \(signed.number?.text(.en) ?? signed.title)")
            })
        }
        return .none
    }

    public mutating func input(_ key: Key, _ context: ScreenContext) -> Effect {
        if question != nil { question?.input(key) } else { cursor.handle(key) }
        return .none
    }

    public func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: ScreenContext) {
        let lang = context.lang
        if buffer.putLoadError(loadError, in: area, lang) { return }
        let overdue = entries.filter(\.isOverdue).count
        let what = isMayor ? Localized(zh: "待签发", en: "to sign").text(context.lang) : Localized(zh: "待审核", en: "to review").text(context.lang)
        var used = buffer.put(Localized(zh: " \(what) \(entries.count) 件", en: " \(entries.count) \(what)").text(context.lang), row: area.top, column: area.left, style: .heading)
        if overdue > 0 {
            used += buffer.put(Localized(zh: "，逾期 \(overdue) 件", en: ", \(overdue) overdue").text(context.lang), row: area.top, column: area.left + used, style: .error)
        }
        buffer.put(Localized(zh: "（R46：5 个工作日内办结，签发后 1 个工作日内反馈）", en: " (R46: 5 working days; back to the units within 1)").text(context.lang),
                   row: area.top, column: area.left + used, style: .dim, maxWidth: area.width - used)
        if entries.isEmpty {
            buffer.put(Localized(zh: "没有待处理的纪要", en: "Nothing waiting").text(context.lang), row: area.top + 2, column: area.left + 2, style: .dim)
            return
        }
        let header = DisplayWidth.pad(Localized(zh: "  送达", en: "  since").text(context.lang), to: 9) + DisplayWidth.pad(Localized(zh: "已等", en: "waited").text(context.lang), to: 8)
            + DisplayWidth.pad(Localized(zh: "期限", en: "due").text(context.lang), to: 13) + Localized(zh: "纪要", en: "minutes").text(context.lang)
        buffer.put(header, row: area.top + 2, column: area.left, style: .dim, maxWidth: area.width)
        let detailHeight = 5
        let list = Rect(top: area.top + 3, left: area.left, height: area.height - 3 - detailHeight, width: area.width)
        for (offset, index) in cursor.visible(rows: list.height).enumerated() {
            let e = entries[index]
            let row = list.top + offset
            let isSelected = index == cursor.selected
            let style: Style = (e.isOverdue ? .error : .normal)
            let waited = Localized(zh: "\(e.waitingDays) 天", en: "\(e.waitingDays) d").text(context.lang)
            let due = String(e.due.iso.dropFirst(5)) + (e.isOverdue ? Localized(zh: " 逾期", en: " late").text(context.lang) : "")
            let text = "  " + DisplayWidth.pad(String(e.since.day.iso.dropFirst(5)), to: 7)
                + DisplayWidth.pad(waited, to: 8) + DisplayWidth.pad(due, to: 13) + e.minutes.title
                + (e.minutes.classification.isClassified ? " [\(e.minutes.classification.name.text(lang))]" : "")
            buffer.listRow(text, row: row, column: list.left, selected: isSelected, style: style, maxWidth: list.width)
        }
        if let e = selected {
            let top = area.bottom - detailHeight
            buffer.box(Rect(top: top, left: area.left, height: detailHeight, width: area.width), title: e.minutes.title)
            let inner = Rect(top: top + 1, left: area.left + 2, height: detailHeight - 2, width: area.width - 4)
            buffer.put(Localized(zh: "会议：", en: "Meeting: ").text(context.lang) + e.meetingTitle, row: inner.top, column: inner.left, maxWidth: inner.width)
            buffer.put(Localized(zh: "送达：", en: "Since: ").text(context.lang) + "\(e.since.day.iso) \(e.since.timeText)"
                       + Localized(zh: "    办理期限：", en: "    due: ").text(context.lang) + e.due.iso, row: inner.top + 1, column: inner.left, maxWidth: inner.width)
            if let next = e.nextNumber {
                buffer.put(Localized(zh: "现在签发的文号：", en: "Number if signed now: ").text(context.lang) + next.text(lang), row: inner.top + 2, column: inner.left,
                           style: .accent, maxWidth: inner.width)
            }
        }
        question?.dialog.draw(into: &buffer, area: area, lang: lang)
    }
}
