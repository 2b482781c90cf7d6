import MeetingKit
import MeetingService
import MeetingStore
import TextLayout

/// Decisions a secretary recorded on a leader's behalf (代录): the leader confirms (`a`) or
/// disputes (`x`, with a reason) each; the office acknowledges a dispute (`a`, with a note)
/// once it has dealt with it.
public struct OnBehalfScreen: Screen {
    public enum Action { case back, confirm, dispute, acknowledge, question(Question.Action), form(Form.Action) }

    var lines: [OnBehalfLine] = []
    var loadError: Localized?
    var cursor = ListCursor()
    var question: Question?
    var form: Form?
    var selecting: Int64?

    public init(selecting: Int64? = nil) { self.selecting = selecting }

    public func title(_ lang: Lang) -> String { Localized(zh: "代录确认", en: "Recorded on your behalf").text(lang) }

    public var isModal: Bool { question != nil || form != nil }
    public var hasUnsavedInput: Bool { form?.hasUnsavedInput ?? false }

    public func keymap(_ context: ScreenContext) -> Keymap<Action> {
        var map = Keymap<Action>()
        if let question { map.merge(question.keymap(), Action.question); return map }
        if let form { map.merge(form.keymap(), Action.form); return map }
        let line = selected
        let mine = line?.record.leaderLogin == context.me
        map.add(.approve, .confirm, Localized(zh: "确认", en: "confirm"), when: mine && line?.record.status == .pending)
        map.add(.reject, .dispute, Localized(zh: "提出异议", en: "dispute"), when: mine && line?.record.status == .pending)
        map.add(.approve, .acknowledge, Localized(zh: "异议已处理", en: "acknowledge"),
                when: !mine && line?.record.status == .disputed && AccessPolicy.isOfficeStaff(context.office.actor.person))
        map.addBack(.back)
        return map
    }

    public mutating func reload(_ context: ScreenContext) {
        loadError = .loading {
            let keep = selecting ?? cursor.selected.flatMap { lines.indices.contains($0) ? lines[$0].record.seq : nil }
            lines = try context.office.onBehalfRecords()
            cursor.count = lines.count
            if let keep, let i = lines.firstIndex(where: { $0.record.seq == keep }) { cursor.select(i) }
            selecting = nil
        }
    }

    var selected: OnBehalfLine? { cursor.selected.flatMap { lines.indices.contains($0) ? lines[$0] : nil } }

    static func done(_ line: OnBehalfLine) -> Localized {
        let status = OnBehalfScreen.statusText(line.record.status)
        return Localized(zh: "代录 #\(line.record.seq)：\(status.zh)", en: "record #\(line.record.seq): \(status.en)")
    }

    public mutating func perform(_ action: Action, _ context: ScreenContext) -> Effect {
        guard let line = selected else { if case .back = action { return .popAndReload }; return .none }
        let seq = line.record.seq
        switch action {
        case .back: return .popAndReload
        case .question(let answer):
            return question.close(answering: answer)
        case .form(let formAction):
            guard let open = form.submitted(by: formAction) else { return .none }
            let text = open.text(0) ?? ""
            let dispute = open.tag == "dispute"
            return .submit(dispute ? "disputeOnBehalf" : "acknowledgeOnBehalf", on: OnBehalfScreen.self, form: \.form, { office in
                dispute ? try office.disputeOnBehalf(seq, reason: text) : try office.acknowledgeOnBehalf(seq, note: text)
            }, done: OnBehalfScreen.done)
        case .confirm:
            question = Question(Localized(zh: "确认 \(line.recorderName) 代您录入的这项决定？", en: "Confirm the decision \(line.recorderName) recorded for you?"),
                                then: .change("confirmOnBehalf", on: OnBehalfScreen.self, { try $0.confirmOnBehalf(seq) }, done: OnBehalfScreen.done))
        case .dispute:
            form = Form(title: Localized(zh: "提出异议", en: "Dispute"), fields: [
                .text(label: Localized(zh: "异议理由", en: "Why you dispute it"), field: TextField("", limit: InputLimits.reason))], tag: "dispute")
        case .acknowledge:
            form = Form(title: Localized(zh: "异议已处理", en: "Acknowledge the dispute"), fields: [
                .text(label: Localized(zh: "处理说明", en: "How it was handled"), field: TextField("", limit: InputLimits.reason))], tag: "acknowledge")
        }
        return .none
    }

    public mutating func input(_ key: Key, _ context: ScreenContext) -> Effect {
        if question != nil { question?.input(key) } else if form != nil { form?.input(key) } else { cursor.handle(key) }
        return .none
    }

    public func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: ScreenContext) {
        let lang = context.lang
        if buffer.putLoadError(loadError, in: area, lang) { return }
        if lines.isEmpty {
            buffer.put(Localized(zh: "没有代录的决定", en: "Nothing was recorded on anyone's behalf").text(context.lang), row: area.top + 1, column: area.left + 2, style: .dim)
            return
        }
        for (offset, index) in cursor.visible(rows: area.height - 2).enumerated() {
            let line = lines[index]
            let row = area.top + offset
            let isSelected = index == cursor.selected
            let status = OnBehalfScreen.statusText(line.record.status).text(lang)
            let text = "  " + line.record.at.prefix(16).replacingOccurrences(of: "T", with: " ") + "  "
                + DisplayWidth.pad(status, to: 8) + " " + Localized(zh: "\(line.recorderName) 代 \(line.leaderName)：", en: "\(line.recorderName) for \(line.leaderName): ").text(context.lang)
                + OnBehalfScreen.actionText(line.record.action, id: line.record.entityId).text(lang) + (line.record.note.map { "  — " + $0 } ?? "")
            buffer.listRow(text, row: row, column: area.left, selected: isSelected, style: line.record.status == .disputed ? .warning : .normal, maxWidth: area.width)
        }
        form?.draw(into: &buffer, area: area, lang: lang)
        question?.dialog.draw(into: &buffer, area: area, lang: lang)
    }

    /// What was recorded, in words ("批准请假 #1"), from the audit action (`leave.approve`);
    /// an action without words here is shown by its code.
    static func actionText(_ action: String, id: String) -> Localized {
        let entities: [String: Localized] = [
            "leave": Localized(zh: "请假", en: "leave"), "item": Localized(zh: "议题", en: "item"),
            "meeting": Localized(zh: "会议", en: "meeting"), "minutes": Localized(zh: "纪要", en: "minutes"),
            "absence": Localized(zh: "离京登记", en: "absence"), "followUp": Localized(zh: "督办事项", en: "follow-up"),
            "notice": Localized(zh: "议题通知", en: "item notice"), "department": Localized(zh: "部门", en: "department"),
            "receipt": Localized(zh: "回执", en: "receipt"), "attendance": Localized(zh: "签到", en: "attendance"),
        ]
        let verbs: [String: Localized] = [
            "approve": Localized(zh: "批准", en: "approved"), "reject": Localized(zh: "不予批准", en: "rejected"),
            "submit": Localized(zh: "提交", en: "submitted"), "opinion": Localized(zh: "提出意见：", en: "opinion on"),
            "state": Localized(zh: "分歧说明：", en: "statement on"), "statement": Localized(zh: "分歧说明：", en: "statement on"),
            "withdraw": Localized(zh: "撤回", en: "withdrew"), "entrust": Localized(zh: "委托", en: "entrusted"),
            "sign": Localized(zh: "签发", en: "signed"), "request": Localized(zh: "提出", en: "asked"),
            "acknowledge": Localized(zh: "签收", en: "acknowledged"), "confirm": Localized(zh: "确认", en: "confirmed"),
            "override": Localized(zh: "逾期受理", en: "accepted late"), "answer": Localized(zh: "答复", en: "answered"),
        ]
        let parts = action.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2, let entity = entities[parts[0]], let verb = verbs[parts[1]] else {
            return .same("\(action) #\(id)")
        }
        return Localized(zh: verb.zh + entity.zh + " #\(id)", en: verb.en + " " + entity.en + " #\(id)")
    }

    static func statusText(_ status: OnBehalfRecord.Status) -> Localized {
        switch status {
        case .pending: return Localized(zh: "待确认", en: "pending")
        case .confirmed: return Localized(zh: "已确认", en: "confirmed")
        case .disputed: return Localized(zh: "有异议", en: "disputed")
        case .acknowledged: return Localized(zh: "已处理", en: "handled")
        }
    }
}
