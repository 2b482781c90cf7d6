import MeetingDocuments
import MeetingKit
import MeetingService
import MeetingStore
import TextLayout

/// One minutes document: its chain as a progress line, the R46 deadline, disclosure and
/// classification, the body (withheld from readers outside a classified document's circle,
/// R48), the timeline and the follow-ups. The keys offered are only those the acting person
/// may use now: the drafter edits (`e`, in $VISUAL/$EDITOR or the built-in editor), sets the
/// attributes (`u`) and submits (`s`); the current reviewer approves (`a`) or returns (`x`)
/// with a reason (a deputy director of the office may take the office's check, R47); the
/// signer signs (`S`) after a confirmation that shows the number. `P` prints or exports,
/// `X` declassifies (R48), `Z` records that the office sent signed minutes back (R46), `D`
/// drafts a correction of signed minutes.
public struct MinutesViewScreen: Screen {
    enum Purpose { case attributes, returnReason, declassify([Classification]) }
    public enum Action {
        case back, edit, attributes, submit, approve, reject, sign, print, declassify, dispatch, correction, attachments
        case form(Form.Action), question(Question.Action)
    }

    public let id: Int64
    var detail: MinutesDetail?
    /// Empty for readers outside a classified document's circle (R48).
    var attachments: [AttachmentLine] = []
    var loadError: Localized?
    var scroll = 0
    var form: Form?
    var purpose: Purpose?
    var question: Question?
    var me = ""
    /// The acting person's role (a deputy director of the office takes the office's check, R47).
    var myRole: Role?
    /// Office staff (who send signed minutes back, R46).
    var isOffice = false

    public init(id: Int64) { self.id = id }

    public func title(_ lang: Lang) -> String {
        guard let m = detail?.minutes else { return Localized(zh: "纪要", en: "Minutes").text(lang) }
        return (Localized(zh: "纪要 #", en: "Minutes #").text(lang)) + "\(id) " + (m.number?.text(lang) ?? m.state.name.text(lang))
    }

    public var isModal: Bool { form != nil || question != nil }
    public var hasUnsavedInput: Bool { form?.hasUnsavedInput ?? false }

    var drafterTurn: Bool { detail.map { $0.minutes.state.isWithDrafter && $0.minutes.drafterLogin == me } ?? false }
    var reviewerTurn: Bool {
        guard let d = detail, d.minutes.state == .inReview else { return false }
        return d.minutes.waitingOn == me || (myRole == .officeDeputyDirector && d.atOfficeCheck)
    }
    var canDispatch: Bool { isOffice && detail.map { $0.minutes.state == .signed && $0.dispatch == nil } ?? false }
    var canDeclassify: Bool { detail?.minutes.classification.isClassified ?? false }
    var signerTurn: Bool { detail.map { $0.minutes.state == .awaitingSignature && $0.minutes.waitingOn == me } ?? false }
    var canCorrect: Bool { detail.map { $0.minutes.state == .signed && $0.correctedBy == nil && (isOffice || $0.minutes.drafterLogin == me) } ?? false }

    public func keymap(_ context: ScreenContext) -> Keymap<Action> {
        var map = Keymap<Action>()
        if let question { map.merge(question.keymap(), Action.question); return map }
        if let form { map.merge(form.keymap(), Action.form); return map }
        map.add(.edit, .edit, Localized(zh: "编辑正文", en: "edit"), when: drafterTurn)
        map.add(.attributes, .attributes, when: drafterTurn)
        map.add(.submit, .submit, when: drafterTurn)
        map.add(.approve, .approve, Localized(zh: "同意", en: "approve"), when: reviewerTurn)
        map.add(.sign, .sign, when: signerTurn)
        map.add(.reject, .reject, Localized(zh: "退回", en: "return"), when: reviewerTurn || signerTurn)
        map.add(.print, .print, Localized(zh: "打印/导出", en: "print/export"), when: detail?.bodyVisible == true)
        map.add(.attachments, .attachments, when: !attachments.isEmpty)
        map.add(.declassify, .declassify, Localized(zh: "解密(R48)", en: "declassify (R48)"), when: canDeclassify)
        map.add(.dispatch, .dispatch, Localized(zh: "转办(R46)", en: "send back (R46)"), when: canDispatch)
        map.add(.draftMinutes, .correction, Localized(zh: "起草更正件", en: "draft a correction"), when: canCorrect)
        map.addBack(.back)
        return map
    }

    public mutating func reload(_ context: ScreenContext) {
        me = context.me
        myRole = context.office.actor.principal.role
        isOffice = AccessPolicy.isOfficeStaff(context.office.actor.person)
        loadError = .loading {
            detail = try context.office.minutesDetail(id)
            attachments = (try? context.office.attachments(of: .minutes(id), content: false)) ?? []
        }
    }

    public mutating func perform(_ action: Action, _ context: ScreenContext) -> Effect {
        guard let detail else { if case .back = action { return .pop }; return .none }
        let m = detail.minutes, id = self.id, version = m.version
        switch action {
        case .back: return .pop
        case .question(let answer):
            return question.close(answering: answer)
        case .form(let formAction):
            guard let open = form.submitted(by: formAction) else { return .none }
            return submit(open, context)
        case .edit:
            return edit(m.body, version: version, context)
        case .attributes:
            form = Form(title: Localized(zh: "公开属性与密级（R22、R48）", en: "Disclosure and classification (R22, R48)"), fields: [
                .choice(label: Localized(zh: "公开属性（R22）", en: "Disclosure (R22)"),
                        list: ChoiceList(options: Disclosure.allCases.map { $0.name.text(context.lang) },
                                         selected: Disclosure.allCases.firstIndex { $0 == m.disclosure } ?? 0)),
                .text(label: Localized(zh: "不予公开的理由（不予公开时必填）", en: "Why not public (when not public)"),
                      field: TextField(m.disclosureReason ?? "", limit: InputLimits.reason)),
                .choice(label: Localized(zh: "密级（R48）", en: "Classification (R48)"),
                        list: ChoiceList(options: Classification.allCases.map { $0.name.text(context.lang) },
                                         selected: Classification.allCases.firstIndex(of: m.classification) ?? 0)),
            ], tag: String(version))
            purpose = .attributes
        case .submit:
            let next = detail.steps.dropFirst().first.map(\.name) ?? ""
            question = Question(Localized(zh: "提交给 \(next)？", en: "Submit to \(next)?"),
                                then: .change("submitMinutes", on: MinutesViewScreen.self, { try $0.submitMinutes(id, expectedVersion: version) }) { m in
                                    Localized(zh: "已提交：\(m.state.name.zh)", en: "submitted: \(m.state.name.en)")
                                })
        case .approve:
            let next = detail.steps.first { $0.status == .pending }?.name ?? ""
            question = Question(Localized(zh: "审核同意，转 \(next)？", en: "Approve and pass to \(next)?"),
                                then: .change("approveMinutes", on: MinutesViewScreen.self, { try $0.approveMinutes(id, expectedVersion: version) }) { m in
                                    Localized(zh: "已审核同意：\(m.state.name.zh)", en: "approved: \(m.state.name.en)")
                                })
        case .reject:
            form = Form(title: Localized(zh: "退回起草人", en: "Return to the drafter"), fields: [
                .text(label: Localized(zh: "退回理由", en: "Reason for the return"), field: TextField("", limit: InputLimits.reason))], tag: String(version))
            purpose = .returnReason
        case .sign:
            let message = detail.nextNumber.map { Localized(zh: "签发后文号：\($0.text(.zh))。确认签发？", en: "It will be numbered \($0.text(.en)). Sign?") }
                ?? Localized(zh: "不以区政府名义下发，无区政府文号（R44）。确认签发？", en: "Not in the government's name: no government number (R44). Sign?")
            question = Question(message, then: .change("signMinutes", on: MinutesViewScreen.self, { try $0.signMinutes(id, expectedVersion: version) }) { m in
                Localized(zh: "已签发：\(m.number?.text(.zh) ?? m.title)", en: "signed: \(m.number?.text(.en) ?? m.title)")
            })
        case .attachments:
            return .push(AttachmentSaveScreen(attachments))
        case .print:
            return DocumentPrinter.menu(Localized(zh: "打印或导出纪要", en: "Print or export the minutes"),
                                        DocumentPrinter.formats(Localized(zh: "纪要", en: "Minutes"), name: "minutes-\(id)") { MinutesComposer.layout(try $0.minutesPaper(id)) },
                                        context)
        case .declassify:
            let lower = Classification.allCases.filter { m.classification.isAbove($0) }
            form = Form(title: Localized(zh: "解密（R48）", en: "Declassify (R48)"), fields: [
                .choice(label: Localized(zh: "解密为", en: "Declassify to"), list: ChoiceList(options: lower.map { $0.name.text(context.lang) })),
                .text(label: Localized(zh: "解密理由", en: "Why it is declassified"), field: TextField("", limit: InputLimits.reason)),
            ], tag: String(version))
            purpose = .declassify(lower)
        case .dispatch:
            question = Question(Localized(zh: "已将签发的纪要转至有关单位？", en: "Sent the signed minutes back to the units?"),
                                then: .change("dispatchMinutes", on: MinutesViewScreen.self, { try $0.dispatchMinutes(id) }) { _ in
                                    Localized(zh: "已转办（R46）", en: "sent back to the units (R46)")
                                })
        case .correction:
            let meetingId = m.meetingId
            question = Question(Localized(zh: "起草这份已签发纪要的更正件？", en: "Draft a correction of these signed minutes?"),
                                then: .call("draftMinutes", on: MinutesViewScreen.self, { try $0.draftMinutes(meetingId: meetingId) }) { _, result, _ in
                                    switch result {
                                    case .success(let drafted): return .push(MinutesViewScreen(id: drafted.id!))
                                    case .failure(let error): return .failure(error)
                                    }
                                })
        }
        return .none
    }

    public mutating func input(_ key: Key, _ context: ScreenContext) -> Effect {
        if question != nil { question?.input(key); return .none }
        if form != nil { form?.input(key); return .none }
        // Drawing clamps the end to the last page.
        if let next = TextScroll.scrolled(scroll, by: key, end: Int.max / 2) { scroll = next }
        return .none
    }

    private func submit(_ form: Form, _ context: ScreenContext) -> Effect {
        let id = self.id, version = Int(form.tag)
        switch purpose {
        case .attributes?:
            let disclosure = Disclosure.allCases[form.choice(0)], reason = form.text(1)
            let level = Classification.allCases[form.choice(2)]
            return .submit("setMinutesAttributes", on: MinutesViewScreen.self, form: \.form, {
                try $0.setMinutesAttributes(id, disclosure: disclosure, reason: disclosure == .notPublic ? reason : nil, classification: level,
                                            expectedVersion: version)
            }) { m in
                Localized(zh: "公开属性：\(m.disclosure?.name.zh ?? "")，密级：\(m.classification.name.zh)",
                          en: "disclosure: \(m.disclosure?.name.en ?? ""), classification: \(m.classification.name.en)")
            }
        case .returnReason?:
            let reason = form.text(0) ?? ""
            return .submit("returnMinutes", on: MinutesViewScreen.self, form: \.form, { try $0.returnMinutes(id, reason: reason, expectedVersion: version) }) { _ in
                Localized(zh: "已退回起草人", en: "returned to the drafter")
            }
        case .declassify(let levels)?:
            let level = levels[form.choice(0)], reason = form.text(1) ?? ""
            return .submit("declassifyMinutes", on: MinutesViewScreen.self, form: \.form, { try $0.declassifyMinutes(id, to: level, reason: reason, expectedVersion: version) }) { _ in
                Localized(zh: "已解密为“\(level.name.zh)”", en: "declassified to \(level.name.en)")
            }
        case nil:
            return .none
        }
    }

    /// Opens the body in the user's editor, or the built-in one when none is set. The save
    /// states the version the text was read at: edits made meanwhile are not overwritten.
    func edit(_ body: String, version: Int, _ context: ScreenContext) -> Effect {
        guard let editor = ExternalEditor.resolve(context.environment) else {
            return .push(BodyEditorScreen(minutesId: id, text: body, version: version))
        }
        let id = self.id
        return .suspend(TerminalTask {
            switch editor.edit(body, name: "minutes-\(id)") {
            case .unchanged:
                return .status(Localized(zh: "正文未改动", en: "the body is unchanged"), .dim)
            case .failed(let message):
                return .status(message, .error)
            case .changed(let text):
                return .change("editMinutes", on: MinutesViewScreen.self, { try $0.editMinutes(id, body: text, expectedVersion: version) }) { _ in
                    Localized(zh: "正文已保存", en: "body saved")
                }
            }
        })
    }

    public func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: ScreenContext) {
        let lang = context.lang
        if buffer.putLoadError(loadError, in: area, lang) { return }
        guard let d = detail else { return }
        let m = d.minutes
        let width = area.width - 2
        var row = area.top
        var col: Int
        if let number = m.number?.text(lang), DisplayWidth.of(" " + m.title + "  " + number) > area.width {
            // Too narrow for both: the number first, whole, and the title cut after it.
            col = buffer.put(" " + number + "  ", row: row, column: area.left, style: .ok, maxWidth: area.width)
            buffer.put(m.title, row: row, column: area.left + col, style: .heading, maxWidth: max(0, area.width - col))
        } else {
            col = buffer.put(" " + m.title, row: row, column: area.left, style: .heading, maxWidth: area.width)
            if let number = m.number { buffer.put("  " + number.text(lang), row: row, column: area.left + col, style: .ok, maxWidth: area.width - col) }
        }
        row += 1
        buffer.put(" " + Localized(zh: "会议：", en: "Meeting: ").text(context.lang) + d.meeting.numberedTitle(lang) + "  \(d.meeting.start.day.iso)",
                   row: row, column: area.left, maxWidth: area.width)
        row += 1
        col = buffer.put(" " + Localized(zh: "状态：", en: "State: ").text(context.lang), row: row, column: area.left)
        col += buffer.put(m.state.name.text(lang), row: row, column: area.left + col, style: MinutesStyle.style(for: m.state))
        if let due = d.due {
            let waited = Localized(zh: "  期限 \(due.iso)（已等 \(d.waitingDays ?? 0) 个工作日）", en: "  due \(due.iso) (waited \(d.waitingDays ?? 0) working days)").text(context.lang)
            col += buffer.put(waited, row: row, column: area.left + col, style: d.isOverdue ? .error : .normal, maxWidth: area.width - col)
            if d.isOverdue { col += buffer.put(Localized(zh: " 已逾期", en: " OVERDUE").text(context.lang), row: row, column: area.left + col, style: .error) }
            if let warning = d.dueWarning { buffer.put(" ≈ " + InterfaceHint.dueWarning(warning, lang), row: row, column: area.left + col, style: .warning, maxWidth: area.width - col) }
        } else if let signedAt = m.signedAt {
            buffer.put(Localized(zh: "  \(d.name(m.signedBy)) 于 \(signedAt.day.iso) \(signedAt.timeText) 签发", en: "  by \(d.name(m.signedBy)) on \(signedAt.day.iso) \(signedAt.timeText)").text(context.lang),
                       row: row, column: area.left + col, maxWidth: area.width - col)
        }
        row += 1
        // The chain as a progress line: each step coloured done / current / pending; a step
        // that does not fit continues on the next row.
        col = buffer.put(" ", row: row, column: area.left)
        for (i, step) in d.steps.enumerated() {
            let mark = step.status == .done ? "✓" : (step.status == .current ? "●" : "○")
            let text = "\(step.task.text(lang)) \(step.name) \(mark)"
            if i > 0 {
                if col + 3 + DisplayWidth.of(text) > area.width {
                    row += 1
                    col = buffer.put("  → ", row: row, column: area.left, style: .dim)
                } else {
                    col += buffer.put(" → ", row: row, column: area.left + col, style: .dim)
                }
            }
            col += buffer.put(text, row: row, column: area.left + col, style: MinutesStyle.style(for: step.status),
                              maxWidth: max(0, area.width - col))
        }
        row += 1
        var attributes = Localized(zh: "公开属性：", en: "Disclosure: ").text(context.lang) + (m.disclosure?.name.text(lang) ?? Localized(zh: "未设置（R22）", en: "not set (R22)").text(context.lang))
        if let reason = m.disclosureReason { attributes += Localized(zh: "（\(reason)）", en: " (\(reason))").text(context.lang) }
        let classification = Localized(zh: "密级：", en: "Classification: ").text(context.lang) + m.classification.name.text(lang)
        // Both on one line when they fit, else the classification on a line of its own (never cut).
        if DisplayWidth.of(attributes + classification) + 5 <= area.width {
            buffer.put(" " + attributes + "    " + classification, row: row, column: area.left, style: m.disclosure == nil ? .warning : .normal, maxWidth: area.width)
        } else {
            buffer.put(" " + attributes, row: row, column: area.left, style: m.disclosure == nil ? .warning : .normal, maxWidth: area.width)
            row += 1
            buffer.put(" " + classification, row: row, column: area.left, maxWidth: area.width)
        }
        row += 1
        if m.state == .signed {
            let sent = d.dispatch.map { Localized(zh: "已转办：\(d.name($0.sentBy)) \($0.sentAt.day.iso) \($0.sentAt.timeText)", en: "sent back: \(d.name($0.sentBy)) \($0.sentAt.day.iso) \($0.sentAt.timeText)").text(context.lang) }
                ?? Localized(zh: "待转办：应于 \(d.returnDue?.iso ?? "") 前反馈至有关单位（R46）", en: "to send back to the units by \(d.returnDue?.iso ?? "") (R46)").text(context.lang)
            buffer.put(" " + sent, row: row, column: area.left, style: d.dispatch == nil ? .warning : .dim, maxWidth: area.width)
            row += 1
        }
        if m.state == .returned, let reason = m.returnReason {
            buffer.put(" " + Localized(zh: "退回理由：", en: "Returned: ").text(context.lang) + reason, row: row, column: area.left, style: .error, maxWidth: area.width)
            row += 1
        }
        buffer.put(String(repeating: "─", count: area.width), row: row, column: area.left, style: .dim)
        row += 1

        var lines: [(String, Style)] = []
        if d.bodyVisible {
            lines += WrappedText.rows(m.body, width: width).map { ($0, .normal) }
        } else {
            lines.append((d.withheld?.text(lang) ?? "", .warning))
        }
        for line in AttachmentDisplay.lines(attachments, width: width, lang: lang) {
            lines.append((line.segments.map(\.text).joined(), line.segments.first { $0.style == .heading }?.style
                              ?? (line.segments.contains { $0.style == .error } ? .error : .normal)))
        }
        lines.append(("", .normal))
        lines.append((Localized(zh: "办理过程", en: "Timeline").text(context.lang), .heading))
        for e in d.history {
            var text = "\(e.at.day.iso) \(e.at.timeText) \(d.name(e.actorLogin))"
            if let r = e.recordedBy { text += Localized(zh: "（\(d.name(r)) 代录）", en: " (recorded by \(d.name(r)))").text(context.lang) }
            text += " " + e.actionName.text(lang)
            if let note = e.note { text += Localized(zh: "：\(note)", en: ": \(note)").text(context.lang) }
            lines += WrappedText.rows(text, width: width).map { ($0, e.action == "return" ? .error : .dim) }
        }
        for x in d.declassifications {
            let text = "\(x.at.day.iso) \(x.at.timeText) \(d.name(x.by)) " + Localized(zh: "解密", en: "declassified").text(context.lang)
                + " \(x.fromClassification.name.text(lang)) → \(x.toClassification.name.text(lang))" + Localized(zh: "：", en: ": ").text(context.lang) + x.reason
            lines += WrappedText.rows(text, width: width).map { ($0, .dim) }
        }
        if !d.followUps.isEmpty {
            lines.append(("", .normal))
            lines.append((Localized(zh: "督办事项", en: "Follow-ups").text(context.lang), .heading))
            for f in d.followUps {
                let what = f.descriptionVisible ? f.followUp.description : Localized(zh: "（涉密）", en: "(classified)").text(context.lang)
                let text = "#\(f.followUp.id!) \(f.departmentName) \(f.followUp.dueDay.iso) \(f.followUp.status.name.text(lang)) \(what)"
                lines.append((text, f.isOverdue ? .error : .normal))
            }
        }
        let height = area.bottom - row
        let first = min(scroll, max(0, lines.count - height))
        for (offset, line) in lines.dropFirst(first).prefix(height).enumerated() {
            buffer.put(line.0, row: row + offset, column: area.left + 1, style: line.1, maxWidth: width)
        }

        form?.draw(into: &buffer, area: area, lang: lang)
        question?.dialog.draw(into: &buffer, area: area, lang: lang)
    }
}
