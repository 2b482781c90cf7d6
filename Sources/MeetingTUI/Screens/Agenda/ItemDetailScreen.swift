import MeetingKit
import MeetingService
import MeetingStore

/// One agenda item: its state, the unresolved statement (highlighted), departments, meeting,
/// what it waits on with R46 due dates, the opinions table, the preconditions checklist and
/// the timeline. The keys offered are exactly the steps the acting person may take now, each
/// with its verb's key: `e` edit, `s` submit, `o` opinion, `c` coordinate, `T` statement,
/// `R` precondition, `F` flags, `a` approve, `A` accept, `M` schedule, `d` outcome, `w` withdraw.
public struct ItemDetailScreen: Screen {
    /// What a form on the item does when submitted.
    enum Purpose: Equatable {
        case opinion(departments: [String])
        case coordinate, state, correctFlags
        case confirm(preconditions: [Precondition])
        case schedule(meetings: [Int64])
        /// The outcome at the meeting: the steps offered, in the choice's order.
        case outcome([AgendaStep])
        case withdraw
    }

    public enum Action {
        case back, edit, agenda, attachments, step(AgendaStep)
        case form(Form.Action), question(Question.Action)
    }

    let itemId: Int64
    var dossier: ItemDossier?
    var attachments: [AttachmentLine] = []
    var loadError: Localized?
    var scroll = 0
    var form: Form?
    var purpose: Purpose?
    var question: Question?
    /// Whether the acting person may edit the item (the lead department's head or the office).
    var mayEdit = false

    public init(itemId: Int64) { self.itemId = itemId }

    public func title(_ lang: Lang) -> String { (Localized(zh: "议题 #", en: "Item #").text(lang)) + String(itemId) }

    public var isModal: Bool { form != nil || question != nil }
    public var hasUnsavedInput: Bool { form?.hasUnsavedInput ?? false }

    /// The verb of each step (one key for all opinions, one for all confirmations, one for the outcomes).
    static func verb(for step: AgendaStep) -> Verb? {
        switch step {
        case .draft, .followMeeting: return nil
        case .submit: return .submit
        case .opinion: return .opinion
        case .coordinate: return .coordinate
        case .state: return .statement
        case .confirm: return .precondition
        case .correctFlags: return .flags
        case .approve: return .approve
        case .accept: return .accept
        case .schedule: return .schedule
        case .decide, .deferItem, .unschedule: return .outcome
        case .withdraw: return .withdraw
        }
    }

    /// The allowed steps, one per verb, in workflow order.
    var stepVerbs: [(verb: Verb, step: AgendaStep)] {
        var seen = Set<Verb>()
        return (dossier?.allowedSteps ?? []).compactMap { step in
            guard let verb = ItemDetailScreen.verb(for: step), seen.insert(verb).inserted else { return nil }
            return (verb, step)
        }
    }

    public func keymap(_ context: ScreenContext) -> Keymap<Action> {
        var map = Keymap<Action>()
        if let question { map.merge(question.keymap(), Action.question); return map }
        if let form { map.merge(form.keymap(), Action.form); return map }
        map.add(.edit, .edit, Localized(zh: "修改", en: "edit"), when: mayEdit)
        for (verb, step) in stepVerbs {
            let label: Localized
            switch step {
            case .opinion: label = Localized(zh: "提出意见", en: "opinion")
            case .confirm: label = Localized(zh: "确认前置程序", en: "precondition")
            case .decide, .deferItem, .unschedule: label = Localized(zh: "会议结果", en: "outcome")
            default: label = step.verb
            }
            map.add(verb, .step(step), label)
        }
        map.add(.agenda, .agenda, when: dossier?.item.meetingId != nil)
        map.add(.attachments, .attachments, when: !attachments.isEmpty)
        map.addBack(.back)
        return map
    }

    public mutating func reload(_ context: ScreenContext) {
        loadError = .loading {
            let d = try context.office.itemDossier(itemId)
            dossier = d
            attachments = (try? context.office.attachments(of: .item(itemId), content: false)) ?? []
            let me = context.office.actor.principal.login
            mayEdit = [.draft, .consulting, .consensus, .disputed].contains(d.item.state)
                && (d.org.department(d.item.leadCode)?.headLogin == me || AccessPolicy.isOfficeStaff(context.office.actor.person))
        }
    }

    public mutating func perform(_ action: Action, _ context: ScreenContext) -> Effect {
        switch action {
        case .back: return .popAndReload
        case .question(let answer):
            return question.close(answering: answer)
        case .form(let formAction):
            guard let open = form.submitted(by: formAction) else { return .none }
            return submit(open, context)
        case .edit:
            if let item = dossier?.item { return .push(ItemFormScreen(editing: item)) }
        case .agenda:
            if let meetingId = dossier?.item.meetingId { return .push(AgendaEditorScreen(meetingId: meetingId)) }
        case .attachments:
            return .push(AttachmentSaveScreen(attachments))
        case .step(let step):
            return open(step, context)
        }
        return .none
    }

    public mutating func input(_ key: Key, _ context: ScreenContext) -> Effect {
        if question != nil { question?.input(key); return .none }
        if form != nil { form?.input(key); return .none }
        if let next = TextScroll.scrolled(scroll, by: key) { scroll = next }
        return .none
    }

    /// Opens the confirmation or form of a step.
    private mutating func open(_ step: AgendaStep, _ context: ScreenContext) -> Effect {
        guard let item = dossier?.item else { return .none }
        let allowed = dossier?.allowedSteps ?? []
        let lang = context.lang
        let id = itemId, version = item.version
        func title(_ zh: String, _ en: String) -> Localized { Localized(zh: zh + " #\(id)", en: en + " #\(id)") }
        switch step {
        case .submit:
            let names = item.relatedCodes.map { dossier?.departmentName($0) ?? $0 }
            let message = item.relatedCodes.isEmpty
                ? Localized(zh: "提交议题 #\(id)（无相关部门，直接意见一致）？", en: "Submit item #\(id) (no related departments: consensus)?")
                : Localized(zh: "提交议题 #\(id)，征求 \(names.joined(separator: "、")) 意见？", en: "Submit item #\(id) for the opinions of \(names.joined(separator: ", "))?")
            question = Question(message, then: change(.submit) { try $0.submitItem(id, expectedVersion: version) })
        case .approve:
            let message = item.isFlagged
                ? Localized(zh: "审核同意议题 #\(id)（附分歧说明）？", en: "Approve item #\(id) (with its statement of disagreement)?")
                : Localized(zh: "审核同意议题 #\(id)？", en: "Approve item #\(id)?")
            question = Question(message, then: change(.approve) { try $0.approveItem(id, expectedVersion: version) })
        case .accept:
            question = Question(Localized(zh: "办公室受理议题 #\(id)？", en: "Accept item #\(id) for the office?"),
                                then: change(.accept) { try $0.acceptItem(id, expectedVersion: version) })
        case .opinion:
            let departments = allowed.compactMap { s -> String? in if case .opinion(let d) = s { return d } else { return nil } }
            var fields: [Form.Field] = []
            if departments.count > 1 {
                fields.append(.choice(label: Localized(zh: "部门", en: "Department"),
                                      list: ChoiceList(options: departments.map { dossier?.departmentName($0) ?? $0 })))
            }
            fields.append(.choice(label: Localized(zh: "意见", en: "Opinion"), list: ChoiceList(options: Opinion.Stance.allCases.map { $0.name.text(lang) })))
            fields.append(.text(label: Localized(zh: "理由（不同意时必填）", en: "Reasons (required to disagree)"), field: TextField(limit: InputLimits.reason)))
            form = Form(title: title("部门意见", "Opinion on"), fields: fields, tag: String(version))
            purpose = .opinion(departments: departments)
        case .coordinate:
            form = Form(title: title("协调分歧（R41）", "Coordinate"), fields: [
                .choice(label: Localized(zh: "结果", en: "Outcome"), list: ChoiceList(options: [
                    Localized(zh: "已达成一致", en: "resolved: the departments agree").text(context.lang),
                    Localized(zh: "仍有分歧（由主办部门如实说明，R45(3)）", en: "unresolved (the lead department states it, R45(3))").text(context.lang),
                ])),
                .text(label: Localized(zh: "协调意见", en: "Note"), field: TextField(limit: InputLimits.reason)),
            ], tag: String(version))
            purpose = .coordinate
        case .state:
            form = Form(title: title("分歧说明（R45(3)）", "Statement on"), fields: [
                .text(label: Localized(zh: "分歧情况（如实说明）", en: "The disagreement, stated truthfully"), field: TextField(limit: InputLimits.reason)),
                .text(label: Localized(zh: "办理建议", en: "Proposal for handling it"), field: TextField(limit: InputLimits.reason)),
            ], tag: String(version))
            purpose = .state
        case .correctFlags:
            let flags: [Picker.Option] = ItemFlags.codes.map { Picker.Option(id: $0, text: $0, keywords: [$0]) }
            let set = item.flags.codeList.split(separator: ",").map(String.init)
            form = Form(title: title("更正议题属性", "Correct the flags of"), fields: [
                .pick(label: Localized(zh: "属性（可多选）", en: "Flags (several)"), options: flags, chosen: set, many: true, optional: true),
                .choice(label: Localized(zh: "常务会议类别（R39）", en: "Executive category (R39)"),
                        list: ChoiceList(options: [Localized(zh: "无", en: "none").text(context.lang)] + ExecutiveCategory.allCases.map { "\($0.rawValue) \($0.name.text(lang))" },
                                         selected: item.category.map { $0.rawValue } ?? 0)),
                .text(label: Localized(zh: "更正理由", en: "Reason for the correction"), field: TextField(limit: InputLimits.reason)),
            ], tag: String(version))
            purpose = .correctFlags
        case .confirm:
            let checks = allowed.compactMap { s -> Precondition? in if case .confirm(let p) = s { return p } else { return nil } }
            form = Form(title: title("确认前置程序", "Confirm a precondition of"), fields: [
                .choice(label: Localized(zh: "前置程序", en: "Precondition"), list: ChoiceList(options: checks.map { "\($0.name.text(lang))（\($0.article)）" })),
                .text(label: Localized(zh: "说明（如审查文号）", en: "Note (e.g. the review's reference)"), field: TextField(limit: InputLimits.reason)),
            ], tag: String(version))
            purpose = .confirm(preconditions: checks)
        case .schedule:
            let today = context.office.clock.today
            let from = LocalDateTime(day: today, minuteOfDay: 0)
            return .call("meetings", on: ItemDetailScreen.self, { try $0.meetings(from: from) }) { screen, result, _ in
                guard case .success(let all) = result else { return .none }
                let choices = all.filter { $0.status.isActive && $0.status != .held }
                guard !choices.isEmpty else {
                    return .status(Localized(zh: "没有可安排的会议（请先按 n 安排会议）", en: "no upcoming meetings to place it on (n adds one)"), .warning)
                }
                screen.form = Form(title: title("安排上会", "Place on a meeting"), fields: [
                    .pick(label: Localized(zh: "会议", en: "Meeting"),
                          options: choices.map { Picker.Option(id: String($0.id!), text: AgendaDisplay.meetingLine($0, lang: lang), keywords: [$0.title]) },
                          chosen: [String(choices[0].id!)], many: false, optional: false),
                    .text(label: Localized(zh: "计划时长（分钟）", en: "Planned minutes"), field: TextField(String(AgendaWorkflow.defaultPlannedMinutes), limit: 3)),
                ], tag: String(version))
                screen.purpose = .schedule(meetings: choices.compactMap(\.id))
                return .none
            }
        case .decide, .deferItem, .unschedule:
            let steps = allowed.filter { s in
                switch s { case .decide, .deferItem, .unschedule: return true; default: return false }
            }
            let names = steps.map { s -> String in
                switch s {
                case .decide: return Localized(zh: "会议决定", en: "decided").text(context.lang)
                case .deferItem: return Localized(zh: "暂缓", en: "deferred").text(context.lang)
                default: return Localized(zh: "撤下议程（会前）", en: "taken off the agenda (before the meeting)").text(context.lang)
                }
            }
            form = Form(title: title("会议结果（R5、R18）", "Outcome of"), fields: [
                .choice(label: Localized(zh: "结果", en: "Outcome"), list: ChoiceList(options: names)),
                .text(label: Localized(zh: "决定内容（会议决定时）或理由", en: "The decision (when decided), or the reason"),
                      field: TextField(limit: InputLimits.decision)),
            ], tag: String(version))
            purpose = .outcome(steps)
        case .withdraw:
            form = Form(title: title("撤回", "Withdraw"), fields: [
                .text(label: Localized(zh: "撤回理由", en: "Reason for withdrawal"), field: TextField(limit: InputLimits.reason)),
            ], tag: String(version))
            purpose = .withdraw
        case .draft, .followMeeting:
            break
        }
        return .none
    }

    /// A step's use case, reported on the status line with the item's new state.
    private func change(_ step: AgendaStep, _ body: @escaping (Office) throws -> AgendaItem) -> Effect {
        let id = itemId
        return .call(step.verb.en, on: ItemDetailScreen.self, body) { screen, result, _ in
            switch result {
            case .success(let item):
                screen.form = nil
                return .batch([.reload, .status(Localized(zh: "\(step.verb.zh)：议题 #\(id) 现为“\(item.state.name.zh)”",
                                                          en: "\(step.verb.en): item #\(id) is now \(item.state.name.en)"), .ok)])
            case .failure(let warning as AgendaWarning):
                screen.form = nil
                return .batch([.reload, .status(Localized(zh: "已安排上会。" + warning.warning.zh, en: "scheduled. " + warning.warning.en), .warning)])
            case .failure(let refusal as Refusal) where refusal.kind == .invalidInput && screen.form != nil:
                screen.form?.error = .describing(refusal)
                return .none
            case .failure(let error):
                screen.form = nil
                return .batch([.reload, .failure(error)])
            }
        }
    }

    /// Turns the form into the use-case call of its step.
    private func submit(_ form: Form, _ context: ScreenContext) -> Effect {
        let id = itemId, version = Int(form.tag)
        switch purpose {
        case .opinion(let departments)?:
            let offset = departments.count > 1 ? 1 : 0
            let department = departments.count > 1 ? departments[form.choice(0)] : (departments.first ?? "")
            let stance = Opinion.Stance.allCases[form.choice(offset)]
            let reason = form.text(offset + 1)
            return change(.opinion(department: department)) { try $0.giveOpinion(id, department: department, stance: stance, reason: reason, expectedVersion: version) }
        case .coordinate?:
            let resolved = form.choice(0) == 0, note = form.text(1)
            return change(.coordinate) { try $0.coordinateItem(id, resolved ? .resolved : .unresolved, note: note, expectedVersion: version) }
        case .state?:
            let statement = form.text(0) ?? "", proposal = form.text(1) ?? ""
            return change(.state) { try $0.stateDisagreement(id, statement: statement, proposal: proposal, expectedVersion: version) }
        case .correctFlags?:
            let codes = form.chosen(0).joined(separator: ","), category = form.choice(1), reason = form.text(2) ?? ""
            return change(.correctFlags) {
                try $0.correctItemFlags(id, to: try ItemFlags(codeList: codes, category: category == 0 ? nil : category), reason: reason, expectedVersion: version)
            }
        case .confirm(let checks)?:
            let check = checks[form.choice(0)], note = form.text(1)
            return change(.confirm(check)) { try $0.confirmPrecondition(id, check, note: note, expectedVersion: version) }
        case .schedule?:
            guard let meetingId = form.chosen(0).first.flatMap({ Int64($0) }), let minutes = Int(form.text(1) ?? "") else {
                return .status(Localized(zh: "请选择会议并填写计划时长（分钟）", en: "choose a meeting and give the planned minutes"), .error)
            }
            return change(.schedule) { office in
                let result = try office.scheduleItem(id, meeting: meetingId, plannedMinutes: minutes, expectedVersion: version)
                if let warning = result.agenda.warning { throw AgendaWarning(item: result.item, warning: warning) }
                return result.item
            }
        case .outcome(let steps)?:
            let step = steps[form.choice(0)], text = form.text(1)
            switch step {
            case .decide: return change(step) { try $0.decideItem(id, text: text ?? "", expectedVersion: version) }
            case .deferItem: return change(step) { try $0.deferItem(id, reason: text, expectedVersion: version) }
            default: return change(step) { try $0.unscheduleItem(id, reason: text, expectedVersion: version) }
            }
        case .withdraw?:
            let reason = form.text(0) ?? ""
            return change(.withdraw) { try $0.withdrawItem(id, reason: reason, expectedVersion: version) }
        case nil:
            return .none
        }
    }

    public func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: ScreenContext) {
        if buffer.putLoadError(loadError, in: area, context.lang) { return }
        guard let dossier else { return }
        let lines = ItemDetailScreen.lines(dossier, width: area.width - 2, lang: context.lang, attachments: attachments)
        let start = min(scroll, max(0, lines.count - area.height))
        for (offset, line) in lines.dropFirst(start).prefix(area.height).enumerated() {
            line.draw(into: &buffer, row: area.top + offset, column: area.left + 1, width: area.width - 2)
        }
        form?.draw(into: &buffer, area: area, lang: context.lang)
        question?.dialog.draw(into: &buffer, area: area, lang: context.lang)
    }
}

/// A step that succeeded with a warning (R61: the agenda now overruns the meeting).
struct AgendaWarning: Error {
    var item: AgendaItem
    var warning: Localized
}
