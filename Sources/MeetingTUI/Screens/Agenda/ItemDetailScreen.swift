import MeetingKit
import MeetingService
import MeetingStore

/// One agenda item: its state, the unresolved statement (highlighted), departments, meeting,
/// what it waits on with R46 due dates, the opinions table, the preconditions checklist and
/// the timeline. The keys offered are exactly the steps the acting person may take now.
public struct ItemDetailScreen: Screen {
    let itemId: Int64
    var dossier: ItemDossier?
    var attachments: [AttachmentLine] = []
    var loadError: Localized?
    var scroll = 0
    var form: ItemActionForm?
    var confirmation: ConfirmDialog?
    var confirmStep: AgendaStep?
    /// The item's version when the confirmation opened (optimistic locking).
    var confirmVersion: Int?
    /// Meetings offered by the schedule form, in its order.
    var meetingChoices: [Meeting] = []

    public init(itemId: Int64) { self.itemId = itemId }

    public func title(_ lang: Lang) -> String { (lang == .zh ? "议题 #" : "Item #") + String(itemId) }

    public var capturesText: Bool { form?.capturesText ?? false }

    /// The key of each step (one key for all opinions, one for all confirmations).
    static func key(for step: AgendaStep) -> Character {
        switch step {
        case .draft: return "n"
        case .submit: return "s"
        case .opinion: return "o"
        case .coordinate: return "c"
        case .state: return "t"
        case .confirm: return "p"
        case .correctFlags: return "b"
        case .approve: return "a"
        case .accept: return "r"
        case .schedule: return "m"
        case .decide: return "d"
        case .deferItem: return "f"
        case .unschedule: return "u"
        case .withdraw: return "w"
        case .followMeeting: return "-"
        }
    }

    /// The allowed steps, one per key, in workflow order.
    var stepKeys: [(key: Character, step: AgendaStep)] {
        var seen = Set<Character>()
        return (dossier?.allowedSteps ?? []).compactMap { step in
            let key = ItemDetailScreen.key(for: step)
            return seen.insert(key).inserted ? (key, step) : nil
        }
    }

    public func hints(_ lang: Lang) -> [KeyHint] {
        if form != nil { return [KeyHint("Tab", "下一项", "next field"), KeyHint("Enter", "提交", "submit"), KeyHint("Esc", "取消", "cancel")] }
        if confirmation != nil { return [KeyHint("y", "是", "yes"), KeyHint("n", "否", "no")] }
        var hints = stepKeys.map { pair -> KeyHint in
            let verb: Localized
            switch pair.step {
            case .opinion: verb = Localized(zh: "提出意见", en: "opinion")
            case .confirm: verb = Localized(zh: "确认前置程序", en: "confirm precondition")
            default: verb = pair.step.verb
            }
            return KeyHint(String(pair.key), verb.zh, verb.en)
        }
        if dossier?.item.meetingId != nil { hints.append(KeyHint("e", "会议议程", "agenda")) }
        hints += [KeyHint("↑↓", "滚动", "scroll"), KeyHint("Esc", "返回", "back")]
        return hints
    }

    public mutating func reload(_ context: ScreenContext) {
        do {
            dossier = try context.office.itemDossier(itemId)
            attachments = (try? context.office.attachments(of: .item(itemId), content: false)) ?? []
            loadError = nil
        } catch {
            loadError = .describing(error)
        }
    }

    public mutating func update(_ key: Key, _ context: ScreenContext) -> Effect {
        if var dialog = confirmation {
            guard let yes = dialog.handle(key) else { confirmation = dialog; return .none }
            confirmation = nil
            guard yes, let step = confirmStep else { return .none }
            let id = itemId, version = confirmVersion
            return perform(step, context) { office in
                switch step {
                case .submit: return try office.submitItem(id, expectedVersion: version)
                case .approve: return try office.approveItem(id, expectedVersion: version)
                default: return try office.acceptItem(id, expectedVersion: version)
                }
            }
        }
        if var open = form {
            let outcome = open.handle(key)
            form = open
            switch outcome {
            case .cancel: form = nil
            case .submit: return submit(open, context)
            case nil: break
            }
            return .none
        }
        switch key {
        case .escape: return .popAndReload
        case .down, .char("j"): scroll += 1
        case .up, .char("k"): scroll = max(0, scroll - 1)
        case .pageDown: scroll += 10
        case .pageUp: scroll = max(0, scroll - 10)
        case .home, .char("g"): scroll = 0
        case .char("e"):
            if let meetingId = dossier?.item.meetingId { return .push(AgendaEditorScreen(meetingId: meetingId)) }
        case .char(let c):
            if let step = stepKeys.first(where: { $0.key == c })?.step { return open(step, context) }
        default: break
        }
        return .none
    }

    /// Opens the dialog or form of a step.
    private mutating func open(_ step: AgendaStep, _ context: ScreenContext) -> Effect {
        guard let item = dossier?.item else { return .none }
        let allowed = dossier?.allowedSteps ?? []
        let lang = context.lang
        switch step {
        case .submit, .approve, .accept:
            let question: Localized
            switch step {
            case .submit:
                question = item.relatedCodes.isEmpty
                    ? Localized(zh: "提交议题 #\(itemId)（无相关部门，直接意见一致）？", en: "Submit item #\(itemId) (no related departments: consensus)?")
                    : Localized(zh: "提交议题 #\(itemId)，征求 \(item.relatedCodes.joined(separator: "、")) 意见？",
                                en: "Submit item #\(itemId) for the opinions of \(item.relatedCodes.joined(separator: ", "))?")
            case .approve:
                question = item.isFlagged
                    ? Localized(zh: "审核同意议题 #\(itemId)（附分歧说明）？", en: "Approve item #\(itemId) (with its statement of disagreement)?")
                    : Localized(zh: "审核同意议题 #\(itemId)？", en: "Approve item #\(itemId)?")
            default:
                question = Localized(zh: "办公室受理议题 #\(itemId)？", en: "Accept item #\(itemId) for the office?")
            }
            confirmation = ConfirmDialog(question)
            confirmStep = step
            confirmVersion = item.version
        case .opinion:
            let departments = allowed.compactMap { s -> String? in if case .opinion(let d) = s { return d } else { return nil } }
            var fields: [ItemActionForm.Field] = []
            if departments.count > 1 {
                fields.append(.choice(label: Localized(zh: "部门", en: "Department"), list: ChoiceList(options: departments)))
            }
            fields.append(.choice(label: Localized(zh: "意见", en: "Opinion"), list: ChoiceList(options: Opinion.Stance.allCases.map { $0.name.text(lang) })))
            fields.append(.text(label: Localized(zh: "理由（不同意时必填）", en: "Reasons (required to disagree)"), field: TextField(limit: InputLimits.reason)))
            form = ItemActionForm(title: Localized(zh: "部门意见 #\(itemId)", en: "Opinion on #\(itemId)"), purpose: .opinion(departments: departments),
                                  fields: fields, version: item.version)
        case .coordinate:
            form = ItemActionForm(title: Localized(zh: "协调分歧 #\(itemId)（R41）", en: "Coordinate #\(itemId) (R41)"), purpose: .coordinate, fields: [
                .choice(label: Localized(zh: "结果", en: "Outcome"), list: ChoiceList(options: [
                    context.t("已达成一致", "resolved: the departments agree"),
                    context.t("仍有分歧（由主办部门如实说明，R45(3)）", "unresolved (the lead department states it, R45(3))"),
                ])),
                .text(label: Localized(zh: "协调意见", en: "Note"), field: TextField(limit: InputLimits.reason)),
            ], version: item.version)
        case .state:
            form = ItemActionForm(title: Localized(zh: "分歧说明 #\(itemId)（R45(3)）", en: "Statement on #\(itemId) (R45(3))"), purpose: .state, fields: [
                .text(label: Localized(zh: "分歧情况（如实说明）", en: "The disagreement, stated truthfully"), field: TextField(limit: InputLimits.reason)),
                .text(label: Localized(zh: "办理建议", en: "Proposal for handling it"), field: TextField(limit: InputLimits.reason)),
            ], version: item.version)
        case .correctFlags:
            form = ItemActionForm(title: Localized(zh: "更正议题属性 #\(itemId)", en: "Correct the flags of #\(itemId)"), purpose: .correctFlags, fields: [
                .text(label: Localized(zh: "属性（\(ItemFlags.codes.joined(separator: ","))）", en: "Flags (\(ItemFlags.codes.joined(separator: ",")))"),
                      field: TextField(item.flags.codeList, limit: 80)),
                .text(label: Localized(zh: "常务会议类别 1-6（R39）", en: "Executive category 1-6 (R39)"),
                      field: TextField(item.category.map { String($0.rawValue) } ?? "", limit: 1)),
                .text(label: Localized(zh: "更正理由", en: "Reason for the correction"), field: TextField(limit: InputLimits.reason)),
            ], version: item.version)
        case .confirm:
            let checks = allowed.compactMap { s -> Precondition? in if case .confirm(let p) = s { return p } else { return nil } }
            form = ItemActionForm(title: Localized(zh: "确认前置程序 #\(itemId)", en: "Confirm a precondition of #\(itemId)"),
                                  purpose: .confirm(preconditions: checks), fields: [
                .choice(label: Localized(zh: "前置程序", en: "Precondition"), list: ChoiceList(options: checks.map { "\($0.name.text(lang))（\($0.article)）" })),
                .text(label: Localized(zh: "说明（如审查文号）", en: "Note (e.g. the review's reference)"), field: TextField(limit: InputLimits.reason)),
            ], version: item.version)
        case .schedule:
            let today = context.office.clock.today
            meetingChoices = ((try? context.office.meetings(from: LocalDateTime(day: today, minuteOfDay: 0))) ?? [])
                .filter { $0.status.isActive && $0.status != .held }
            guard !meetingChoices.isEmpty else {
                return .status(Localized(zh: "没有可安排的会议（请先安排会议）", en: "no upcoming meetings to place it on"), .warning)
            }
            form = ItemActionForm(title: Localized(zh: "安排上会 #\(itemId)", en: "Place #\(itemId) on a meeting"),
                                  purpose: .schedule(meetings: meetingChoices.compactMap(\.id)), fields: [
                .choice(label: Localized(zh: "会议", en: "Meeting"), list: ChoiceList(options: meetingChoices.map { AgendaDisplay.meetingLine($0, lang: lang) })),
                .text(label: Localized(zh: "计划时长（分钟）", en: "Planned minutes"), field: TextField(String(AgendaWorkflow.defaultPlannedMinutes), limit: 3)),
            ], version: item.version)
        case .decide:
            form = ItemActionForm(title: Localized(zh: "会议决定 #\(itemId)", en: "Decision on #\(itemId)"), purpose: .decide, fields: [
                .text(label: Localized(zh: "决定内容", en: "Decision"), field: TextField(limit: InputLimits.reason)),
            ], version: item.version)
        case .deferItem:
            form = ItemActionForm(title: Localized(zh: "暂缓 #\(itemId)", en: "Defer #\(itemId)"), purpose: .deferItem, fields: [
                .text(label: Localized(zh: "理由", en: "Reason"), field: TextField(limit: InputLimits.reason)),
            ], version: item.version)
        case .unschedule:
            form = ItemActionForm(title: Localized(zh: "撤下议程 #\(itemId)", en: "Take #\(itemId) off the agenda"), purpose: .unschedule, fields: [
                .text(label: Localized(zh: "理由", en: "Reason"), field: TextField(limit: InputLimits.reason)),
            ], version: item.version)
        case .withdraw:
            form = ItemActionForm(title: Localized(zh: "撤回 #\(itemId)", en: "Withdraw #\(itemId)"), purpose: .withdraw, fields: [
                .text(label: Localized(zh: "撤回理由", en: "Reason for withdrawal"), field: TextField(limit: InputLimits.reason)),
            ], version: item.version)
        case .draft, .followMeeting:
            break
        }
        return .none
    }

    /// Turns the form into the use-case call of its step.
    private mutating func submit(_ form: ItemActionForm, _ context: ScreenContext) -> Effect {
        let id = itemId, version = form.version
        let step: AgendaStep
        let body: (Office) throws -> AgendaItem
        switch form.purpose {
        case .opinion(let departments):
            let offset = departments.count > 1 ? 1 : 0
            let department = departments.count > 1 ? departments[form.choice(0) ?? 0] : (departments.first ?? "")
            let stance = Opinion.Stance.allCases[form.choice(offset) ?? 0]
            let reason = form.text(offset + 1)
            step = .opinion(department: department)
            body = { try $0.giveOpinion(id, department: department, stance: stance, reason: reason, expectedVersion: version) }
        case .coordinate:
            let resolved = form.choice(0) == 0
            let note = form.text(1)
            step = .coordinate
            body = { try $0.coordinateItem(id, resolved ? .resolved : .unresolved, note: note, expectedVersion: version) }
        case .state:
            let statement = form.text(0) ?? "", proposal = form.text(1) ?? ""
            step = .state
            body = { try $0.stateDisagreement(id, statement: statement, proposal: proposal, expectedVersion: version) }
        case .correctFlags:
            let codes = form.text(0) ?? "", category = form.text(1), reason = form.text(2) ?? ""
            step = .correctFlags
            body = { office in
                guard category.map({ Int($0) != nil }) ?? true else {
                    throw Refusal.invalid("item.badCategory", "常务会议类别须为 1 到 6", "the executive category must be 1 to 6")
                }
                return try office.correctItemFlags(id, to: try ItemFlags(codeList: codes, category: category.flatMap { Int($0) }),
                                                    reason: reason, expectedVersion: version)
            }
        case .confirm(let checks):
            let check = checks[form.choice(0) ?? 0]
            let note = form.text(1)
            step = .confirm(check)
            body = { try $0.confirmPrecondition(id, check, note: note, expectedVersion: version) }
        case .schedule(let meetings):
            let meetingId = meetings[form.choice(0) ?? 0]
            guard let minutes = Int(form.text(1) ?? "") else {
                return .status(Localized(zh: "计划时长须为分钟数", en: "planned minutes must be a number"), .error)
            }
            step = .schedule
            body = { office in
                let result = try office.scheduleItem(id, meeting: meetingId, plannedMinutes: minutes, expectedVersion: version)
                if let warning = result.agenda.warning { throw AgendaWarning(item: result.item, warning: warning) }
                return result.item
            }
        case .decide:
            let text = form.text(0) ?? ""
            step = .decide(chair: nil)
            body = { try $0.decideItem(id, text: text, expectedVersion: version) }
        case .deferItem:
            let reason = form.text(0)
            step = .deferItem(chair: nil)
            body = { try $0.deferItem(id, reason: reason, expectedVersion: version) }
        case .unschedule:
            let reason = form.text(0)
            step = .unschedule(chair: nil)
            body = { try $0.unscheduleItem(id, reason: reason, expectedVersion: version) }
        case .withdraw:
            let reason = form.text(0) ?? ""
            step = .withdraw
            body = { try $0.withdrawItem(id, reason: reason, expectedVersion: version) }
        }
        return perform(step, context, body)
    }

    /// Runs a step, reloads, and reports on the status line. A refused input keeps the form open.
    private mutating func perform(_ step: AgendaStep, _ context: ScreenContext, _ body: (Office) throws -> AgendaItem) -> Effect {
        do {
            let item = try body(context.office)
            form = nil
            reload(context)
            return .status(Localized(zh: "\(step.verb.zh)：议题 #\(itemId) 现为“\(item.state.name.zh)”",
                                     en: "\(step.verb.en): item #\(itemId) is now \(item.state.name.en)"), .ok)
        } catch let warning as AgendaWarning {
            form = nil
            reload(context)
            return .status(Localized(zh: "已安排上会。" + warning.warning.zh, en: "scheduled. " + warning.warning.en), .warning)
        } catch let refusal as Refusal {
            if refusal.kind != .invalidInput { form = nil }
            reload(context)
            return .failure(refusal)
        } catch {
            form = nil
            return .failure(error)
        }
    }

    public func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: ScreenContext) {
        if let loadError {
            buffer.put(loadError.text(context.lang), row: area.top + 1, column: 2, style: .error, maxWidth: area.width - 4)
            return
        }
        guard let dossier else { return }
        let lines = ItemDetailScreen.lines(dossier, width: area.width - 2, lang: context.lang, attachments: attachments)
        let start = min(scroll, max(0, lines.count - area.height))
        for (offset, line) in lines.dropFirst(start).prefix(area.height).enumerated() {
            line.draw(into: &buffer, row: area.top + offset, column: area.left + 1, width: area.width - 2)
        }
        if let form { form.draw(into: &buffer, area: area, lang: context.lang) }
        if let confirmation { confirmation.draw(into: &buffer, area: area, lang: context.lang) }
    }
}

/// A step that succeeded with a warning (R61: the agenda now overruns the meeting).
struct AgendaWarning: Error {
    var item: AgendaItem
    var warning: Localized
}
