import MeetingDocuments
import MeetingKit
import MeetingService
import MeetingStore

/// One minutes document: its chain as a progress line, the R46 deadline, disclosure and
/// classification, the body (withheld from readers outside a classified document's circle,
/// R48), the timeline and the follow-ups. The keys offered are only those the acting person
/// may use now: the drafter edits (`e`, in $VISUAL/$EDITOR or the built-in editor), sets the
/// attributes and submits; the current reviewer approves or returns with a reason (a deputy
/// director of the office may take the office's check, R47); the signer signs after a
/// confirmation that shows the number. `x` declassifies (R48), `t` records that the office
/// sent signed minutes back to the units (R46).
public struct MinutesViewScreen: Screen {
    enum Confirmation { case submit, approve, sign, dispatch }
    enum Field { case returnReason, disclosureReason, declassifyReason(Classification) }
    enum Choice { case disclosure, classification, declassify([Classification]) }
    /// A dialog keeps the document's version when it opened (the last value): what it saves
    /// states that version, so a change made meanwhile is refused, not overwritten.
    enum Mode {
        case browse
        case confirm(ConfirmDialog, Confirmation, Int)
        case field(TextField, Field, Int)
        case choose(ChoiceList, Choice, Int)
    }

    public let id: Int64
    var detail: MinutesDetail?
    /// Empty for readers outside a classified document's circle (R48).
    var attachments: [AttachmentLine] = []
    var loadError: Localized?
    var scroll = 0
    var mode: Mode = .browse
    var me = ""
    /// The acting person's role (a deputy director of the office takes the office's check, R47).
    var myRole: Role?
    /// Office staff (who send signed minutes back, R46).
    var isOffice = false

    public init(id: Int64) { self.id = id }

    public func title(_ lang: Lang) -> String {
        guard let m = detail?.minutes else { return lang == .zh ? "纪要" : "Minutes" }
        return (lang == .zh ? "纪要 #" : "Minutes #") + "\(id) " + (m.number?.text(lang) ?? m.state.name.text(lang))
    }

    public var capturesText: Bool {
        if case .field = mode { return true }
        return false
    }

    var drafterTurn: Bool { detail.map { $0.minutes.state.isWithDrafter && $0.minutes.drafterLogin == me } ?? false }
    var reviewerTurn: Bool {
        guard let d = detail, d.minutes.state == .inReview else { return false }
        return d.minutes.waitingOn == me || (myRole == .officeDeputyDirector && d.atOfficeCheck)
    }
    var canDispatch: Bool { isOffice && detail.map { $0.minutes.state == .signed && $0.dispatch == nil } ?? false }
    var canDeclassify: Bool { detail?.minutes.classification.isClassified ?? false }
    var signerTurn: Bool { detail.map { $0.minutes.state == .awaitingSignature && $0.minutes.waitingOn == me } ?? false }

    public func hints(_ lang: Lang) -> [KeyHint] {
        switch mode {
        case .confirm: return [KeyHint("y", "确认", "confirm"), KeyHint("n", "取消", "cancel")]
        case .field: return [KeyHint("Enter", "确定", "OK"), KeyHint("Esc", "取消", "cancel")]
        case .choose: return [KeyHint("Enter", "选择", "choose"), KeyHint("Esc", "取消", "cancel")]
        case .browse: break
        }
        var hints: [KeyHint] = []
        if drafterTurn {
            hints += [KeyHint("e", "编辑正文", "edit"), KeyHint("p", "公开属性", "disclosure"), KeyHint("c", "密级", "classification"),
                      KeyHint("u", "提交", "submit")]
        }
        if reviewerTurn { hints += [KeyHint("a", "同意", "approve"), KeyHint("r", "退回", "return")] }
        if signerTurn { hints += [KeyHint("s", "签发", "sign"), KeyHint("r", "退回", "return")] }
        if detail?.bodyVisible == true { hints.append(KeyHint("P", "打印", "print")) }
        if canDeclassify { hints.append(KeyHint("x", "解密(R48)", "declassify (R48)")) }
        if canDispatch { hints.append(KeyHint("t", "转办(R46)", "send back (R46)")) }
        hints += [KeyHint("↑↓/jk", "滚动", "scroll"), KeyHint("Esc", "返回", "back")]
        return hints
    }

    public mutating func reload(_ context: ScreenContext) {
        me = context.office.actor.principal.login
        myRole = context.office.actor.principal.role
        isOffice = AccessPolicy.isOfficeStaff(context.office.actor.person)
        do {
            detail = try context.office.minutesDetail(id)
            attachments = (try? context.office.attachments(of: .minutes(id), content: false)) ?? []
            loadError = nil
        } catch {
            loadError = .describing(error)
        }
    }

    public mutating func update(_ key: Key, _ context: ScreenContext) -> Effect {
        switch mode {
        case .confirm(var dialog, let what, let version):
            guard let answer = dialog.handle(key) else { mode = .confirm(dialog, what, version); return .none }
            mode = .browse
            return answer ? perform(what, version: version, context) : .none
        case .field(var field, let purpose, let version):
            switch key {
            case .escape:
                mode = .browse
            case .enter:
                mode = .browse
                let text = field.text
                let office = context.office, id = self.id
                let effect: Effect
                switch purpose {
                case .returnReason:
                    effect = MinutesStyle.attempt {
                        try office.returnMinutes(id, reason: text, expectedVersion: version)
                        return Localized(zh: "已退回起草人", en: "returned to the drafter")
                    }
                case .disclosureReason:
                    effect = MinutesStyle.attempt {
                        try office.setMinutesAttributes(id, disclosure: .notPublic, reason: text, classification: nil, expectedVersion: version)
                        return Localized(zh: "公开属性：不予公开", en: "disclosure: not public")
                    }
                case .declassifyReason(let level):
                    effect = MinutesStyle.attempt {
                        try office.declassifyMinutes(id, to: level, reason: text, expectedVersion: version)
                        return Localized(zh: "已解密为“\(level.name.zh)”", en: "declassified to \(level.name.en)")
                    }
                }
                reload(context)
                return effect
            default:
                field.handle(key)
                mode = .field(field, purpose, version)
            }
            return .none
        case .choose(var list, let purpose, let version):
            guard let outcome = list.handle(key) else { mode = .choose(list, purpose, version); return .none }
            mode = .browse
            guard case .chosen(let index) = outcome else { return .none }
            return choose(purpose, index, version: version, context)
        case .browse:
            break
        }
        return browse(key, context)
    }

    mutating func browse(_ key: Key, _ context: ScreenContext) -> Effect {
        guard let detail else { return key == .escape ? .pop : .none }
        let m = detail.minutes
        switch key {
        case .escape: return .pop
        case .down, .char("j"): scroll += 1
        case .up, .char("k"): scroll = max(0, scroll - 1)
        case .pageDown: scroll += 10
        case .pageUp: scroll = max(0, scroll - 10)
        case .home, .char("g"): scroll = 0
        case .end, .char("G"): scroll = Int.max / 2  // drawing clamps it to the last page
        case .char("e") where drafterTurn:
            return edit(m.body, version: m.version, context)
        case .char("p") where drafterTurn:
            let current = Disclosure.allCases.firstIndex { $0 == m.disclosure } ?? 0
            mode = .choose(ChoiceList(options: Disclosure.allCases.map { $0.name.text(context.lang) }, selected: current), .disclosure, m.version)
        case .char("c") where drafterTurn:
            let current = Classification.allCases.firstIndex(of: m.classification) ?? 0
            mode = .choose(ChoiceList(options: Classification.allCases.map { $0.name.text(context.lang) }, selected: current), .classification, m.version)
        case .char("u") where drafterTurn:
            let next = detail.steps.dropFirst().first.map(\.name) ?? ""
            mode = .confirm(ConfirmDialog(Localized(zh: "提交给 \(next)？", en: "Submit to \(next)?")), .submit, m.version)
        case .char("a") where reviewerTurn:
            let next = detail.steps.first { $0.status == .pending }?.name ?? ""
            mode = .confirm(ConfirmDialog(Localized(zh: "审核同意，转 \(next)？", en: "Approve and pass to \(next)?")), .approve, m.version)
        case .char("r") where reviewerTurn || signerTurn:
            mode = .field(TextField("", limit: InputLimits.reason), .returnReason, m.version)
        case .char("P") where detail.bodyVisible:
            let id = self.id
            return DocumentPrinter.print(name: "minutes-\(id)", context) { MinutesComposer.layout(try $0.minutesPaper(id)) }
        case .char("s") where signerTurn:
            let question = detail.nextNumber.map { Localized(zh: "签发后文号：\($0.text(.zh))。确认签发？", en: "It will be numbered \($0.text(.en)). Sign?") }
                ?? Localized(zh: "不以区政府名义下发，无区政府文号（R44）。确认签发？", en: "Not in the government's name: no government number (R44). Sign?")
            mode = .confirm(ConfirmDialog(question), .sign, m.version)
        case .char("x") where canDeclassify:
            let lower = Classification.allCases.filter { m.classification.isAbove($0) }
            mode = .choose(ChoiceList(options: lower.map { $0.name.text(context.lang) }), .declassify(lower), m.version)
        case .char("t") where canDispatch:
            mode = .confirm(ConfirmDialog(Localized(zh: "已将签发的纪要转至有关单位？", en: "Sent the signed minutes back to the units?")), .dispatch, m.version)
        default:
            break
        }
        return .none
    }

    /// Opens the body in the user's editor, or the built-in one when none is set. The save
    /// states the version the text was read at: edits made meanwhile are not overwritten.
    func edit(_ body: String, version: Int, _ context: ScreenContext) -> Effect {
        guard let editor = ExternalEditor.resolve(context.environment) else {
            return .push(BodyEditorScreen(minutesId: id, text: body, version: version))
        }
        let office = context.office, id = self.id
        return .suspend(TerminalTask {
            switch editor.edit(body, name: "minutes-\(id)") {
            case .unchanged:
                return .status(Localized(zh: "正文未改动", en: "the body is unchanged"), .dim)
            case .failed(let message):
                return .status(message, .error)
            case .changed(let text):
                return MinutesStyle.attempt {
                    try office.editMinutes(id, body: text, expectedVersion: version)
                    return Localized(zh: "正文已保存", en: "body saved")
                }
            }
        })
    }

    mutating func perform(_ what: Confirmation, version: Int, _ context: ScreenContext) -> Effect {
        let office = context.office, id = self.id
        let effect = MinutesStyle.attempt {
            switch what {
            case .submit:
                let m = try office.submitMinutes(id, expectedVersion: version)
                return Localized(zh: "已提交：\(m.state.name.zh)", en: "submitted: \(m.state.name.en)")
            case .approve:
                let m = try office.approveMinutes(id, expectedVersion: version)
                return Localized(zh: "已审核同意：\(m.state.name.zh)", en: "approved: \(m.state.name.en)")
            case .sign:
                let m = try office.signMinutes(id, expectedVersion: version)
                return Localized(zh: "已签发：\(m.number?.text(.zh) ?? m.title)", en: "signed: \(m.number?.text(.en) ?? m.title)")
            case .dispatch:
                try office.dispatchMinutes(id)
                return Localized(zh: "已转办（R46）", en: "sent back to the units (R46)")
            }
        }
        reload(context)
        return effect
    }

    mutating func choose(_ purpose: Choice, _ index: Int, version: Int, _ context: ScreenContext) -> Effect {
        let office = context.office, id = self.id
        switch purpose {
        case .disclosure:
            let disclosure = Disclosure.allCases[index]
            if disclosure == .notPublic {
                mode = .field(TextField(detail?.minutes.disclosureReason ?? "", limit: InputLimits.reason), .disclosureReason, version)
                return .none
            }
            let effect = MinutesStyle.attempt {
                try office.setMinutesAttributes(id, disclosure: disclosure, reason: nil, classification: nil, expectedVersion: version)
                return Localized(zh: "公开属性：\(disclosure.name.zh)", en: "disclosure: \(disclosure.name.en)")
            }
            reload(context)
            return effect
        case .declassify(let levels):
            mode = .field(TextField("", limit: InputLimits.reason), .declassifyReason(levels[index]), version)
            return .none
        case .classification:
            let level = Classification.allCases[index]
            let effect = MinutesStyle.attempt {
                try office.setMinutesAttributes(id, disclosure: nil, reason: nil, classification: level, expectedVersion: version)
                return Localized(zh: "密级：\(level.name.zh)", en: "classification: \(level.name.en)")
            }
            reload(context)
            return effect
        }
    }

    public func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: ScreenContext) {
        let lang = context.lang
        if let loadError {
            buffer.put(loadError.text(lang), row: area.top + 1, column: 2, style: .error, maxWidth: area.width - 4)
            return
        }
        guard let d = detail else { return }
        let m = d.minutes
        let width = area.width - 2
        var row = area.top
        var col = buffer.put(" " + m.title, row: row, column: area.left, style: .heading, maxWidth: area.width)
        if let number = m.number { buffer.put("  " + number.text(lang), row: row, column: area.left + col, style: .ok, maxWidth: area.width - col) }
        row += 1
        buffer.put(" " + context.t("会议：", "Meeting: ") + d.meeting.numberedTitle(lang) + "  \(d.meeting.start.day.iso)",
                   row: row, column: area.left, maxWidth: area.width)
        row += 1
        col = buffer.put(" " + context.t("状态：", "State: "), row: row, column: area.left)
        col += buffer.put(m.state.name.text(lang), row: row, column: area.left + col, style: MinutesStyle.style(for: m.state))
        if let due = d.due {
            let waited = context.t("  期限 \(due.iso)（已等 \(d.waitingDays ?? 0) 个工作日）", "  due \(due.iso) (waited \(d.waitingDays ?? 0) working days)")
            col += buffer.put(waited, row: row, column: area.left + col, style: d.isOverdue ? .error : .normal, maxWidth: area.width - col)
            if d.isOverdue { col += buffer.put(context.t(" 已逾期", " OVERDUE"), row: row, column: area.left + col, style: .error) }
            if let warning = d.dueWarning { buffer.put(" ≈ " + warning.text(lang), row: row, column: area.left + col, style: .warning, maxWidth: area.width - col) }
        } else if let signedAt = m.signedAt {
            buffer.put(context.t("  \(d.name(m.signedBy)) 于 \(signedAt.day.iso) \(signedAt.timeText) 签发", "  by \(d.name(m.signedBy)) on \(signedAt.day.iso) \(signedAt.timeText)"),
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
        var attributes = context.t("公开属性：", "Disclosure: ") + (m.disclosure?.name.text(lang) ?? context.t("未设置（R22）", "not set (R22)"))
        if let reason = m.disclosureReason { attributes += context.t("（\(reason)）", " (\(reason))") }
        attributes += context.t("    密级：", "    Classification: ") + m.classification.name.text(lang)
        buffer.put(" " + attributes, row: row, column: area.left, style: m.disclosure == nil ? .warning : .normal, maxWidth: area.width)
        row += 1
        if m.state == .signed {
            let sent = d.dispatch.map { context.t("已转办：\(d.name($0.sentBy)) \($0.sentAt.day.iso) \($0.sentAt.timeText)", "sent back: \(d.name($0.sentBy)) \($0.sentAt.day.iso) \($0.sentAt.timeText)") }
                ?? context.t("待转办：应于 \(d.returnDue?.iso ?? "") 前反馈至有关单位（R46）", "to send back to the units by \(d.returnDue?.iso ?? "") (R46)")
            buffer.put(" " + sent, row: row, column: area.left, style: d.dispatch == nil ? .warning : .dim, maxWidth: area.width)
            row += 1
        }
        if m.state == .returned, let reason = m.returnReason {
            buffer.put(" " + context.t("退回理由：", "Returned: ") + reason, row: row, column: area.left, style: .error, maxWidth: area.width)
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
        lines.append((context.t("办理过程", "Timeline"), .heading))
        for e in d.history {
            var text = "\(e.at.day.iso) \(e.at.timeText) \(d.name(e.actorLogin))"
            if let r = e.recordedBy { text += context.t("（\(d.name(r)) 代录）", " (recorded by \(d.name(r)))") }
            text += " " + e.actionName.text(lang)
            if let note = e.note { text += context.t("：\(note)", ": \(note)") }
            lines += WrappedText.rows(text, width: width).map { ($0, e.action == "return" ? .error : .dim) }
        }
        for x in d.declassifications {
            let text = "\(x.at.day.iso) \(x.at.timeText) \(d.name(x.by)) " + context.t("解密", "declassified")
                + " \(x.fromClassification.name.text(lang)) → \(x.toClassification.name.text(lang))" + context.t("：", ": ") + x.reason
            lines += WrappedText.rows(text, width: width).map { ($0, .dim) }
        }
        if !d.followUps.isEmpty {
            lines.append(("", .normal))
            lines.append((context.t("督办事项", "Follow-ups"), .heading))
            for f in d.followUps {
                let what = f.descriptionVisible ? f.followUp.description : context.t("（涉密）", "(classified)")
                let text = "#\(f.followUp.id!) \(f.departmentName) \(f.followUp.dueDay.iso) \(f.followUp.status.name.text(lang)) \(what)"
                lines.append((text, f.isOverdue ? .error : .normal))
            }
        }
        let height = area.bottom - row
        let first = min(scroll, max(0, lines.count - height))
        for (offset, line) in lines.dropFirst(first).prefix(height).enumerated() {
            buffer.put(line.0, row: row + offset, column: area.left + 1, style: line.1, maxWidth: width)
        }

        switch mode {
        case .browse: break
        case .confirm(let dialog, _, _): dialog.draw(into: &buffer, area: area, lang: lang)
        case .field(let field, let purpose, _):
            let prompt: String
            switch purpose {
            case .returnReason: prompt = context.t("退回理由", "Reason for the return")
            case .disclosureReason: prompt = context.t("不予公开的理由（R22）", "Why not public (R22)")
            case .declassifyReason: prompt = context.t("解密理由（R48）", "Why it is declassified (R48)")
            }
            MinutesStyle.drawField(field, prompt: prompt, into: &buffer, area: area)
        case .choose(let list, let purpose, _):
            let title: String
            switch purpose {
            case .disclosure: title = context.t("公开属性（R22）", "Disclosure (R22)")
            case .classification: title = context.t("密级（R48）", "Classification (R48)")
            case .declassify: title = context.t("解密为（R48）", "Declassify to (R48)")
            }
            MinutesStyle.drawChoice(list, title: title, into: &buffer, area: area)
        }
    }
}
