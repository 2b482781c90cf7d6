import Foundation
import MeetingDocuments
import MeetingKit
import MeetingService
import MeetingStore
import TextLayout

/// One meeting: time and day status, chair (with the R39/R7 delegation shown), state and
/// the R61 approval, conflicts inline, and the roster grouped by role. The keys are the
/// steps that apply now: `m` moves it, `C` cancels it (both in dialogs, cancelling after a
/// confirmation), `a` approves it (the mayor, R61), `E` entrusts its chair to the executive
/// vice mayor (the mayor, R39), `i` adds participants and invitees (pickers), `N` sends the
/// notice, `h` shows its receipts, `z` the seating, `r` the roster and sign-in, `v` asks leave,
/// `O` opens the agenda, `H` records that it was held, `D` drafts its minutes once held (for a
/// vice mayor's topical meeting, in the government's name or not, R44), `P` prints the notice,
/// `e` changes its subject, room or chair (the chair from a picker of those the rules let
/// chair this kind, R38–R40; last in the keymap, so the footer keeps the document keys).
public struct MeetingDetailScreen: Screen {
    enum Purpose { case edit, move, cancel, invite, draft }
    public enum Action {
        case back, edit, move, cancel, approve, entrust, invite, notify, receipts, seating, roster, leave, agenda, hold, draftMinutes, print
        case form(Form.Action), question(Question.Action)
    }

    let id: Int64
    var detail: MeetingDetail?
    var loadError: Localized?
    var scroll = 0
    var form: Form?
    var purpose: Purpose?
    var question: Question?
    var org = OrgChart(people: [], departments: [])

    public init(id: Int64) { self.id = id }

    /// An upper bound of the lines the detail has, to keep scrolling in range.
    var lineCount: Int { (detail?.participants.count ?? 0) + (detail?.conflicts.count ?? 0) + (detail?.moves.count ?? 0) + 20 }

    public var isModal: Bool { form != nil || question != nil }
    public var hasUnsavedInput: Bool { form?.hasUnsavedInput ?? false }

    public func title(_ lang: Lang) -> String {
        detail.map { $0.meeting.numberedTitle(lang) } ?? (Localized(zh: "会议", en: "Meeting").text(lang))
    }

    public func keymap(_ context: ScreenContext) -> Keymap<Action> {
        var map = Keymap<Action>()
        if let question { map.merge(question.keymap(), Action.question); return map }
        if let form { map.merge(form.keymap(), Action.form); return map }
        guard let m = detail?.meeting else {
            map.addBack(.back)
            return map
        }
        let role = context.office.actor.principal.role
        let office = AccessPolicy.isOfficeStaff(context.office.actor.person)
        let open = [.planned, .notified, .postponed].contains(m.status)
        let started = context.office.clock.now >= m.start
        let onRoster = detail?.participants.contains { $0.login == context.me } == true
        map.add(.approve, .approve, Localized(zh: "批准(R61)", en: "approve (R61)"), when: m.approval == .awaiting && role == .mayor && open)
        map.add(.hold, .hold, Localized(zh: "已召开", en: "mark held"), when: open && started && (office || role == .mayor))
        map.add(.draftMinutes, .draftMinutes, when: m.status == .held)
        map.add(.notify, .notify, Localized(zh: "发通知", en: "send notice"), when: open && !started && office)
        map.add(.roster, .roster, Localized(zh: "名单签到", en: "roster"))
        map.add(.agenda, .agenda)
        map.add(.leave, .leave, Localized(zh: "请假", en: "leave"), when: open && (onRoster || office))
        map.add(.participants, .invite, Localized(zh: "增加参会人员", en: "add participants"), when: open && office)
        map.add(.move, .move, Localized(zh: "改期", en: "move"), when: open && office)
        map.add(.cancelMeeting, .cancel, when: open && office)
        map.add(.entrust, .entrust, Localized(zh: "委托主持(R39)", en: "entrust (R39)"),
                when: open && (role == .mayor || office) && m.kind == .executive && m.chairDelegation == nil)
        map.add(.receipts, .receipts)
        map.add(.seating, .seating)
        map.add(.print, .print, Localized(zh: "打印通知", en: "print notice"))
        map.add(.edit, .edit, Localized(zh: "修改", en: "edit"),
                when: open && (office || (m.kind == .topical && m.convenerLogin == context.me)))
        map.addBack(.back)
        return map
    }

    public mutating func reload(_ context: ScreenContext) {
        loadError = .loading {
            detail = try context.office.meetingDetail(id)
            org = try context.office.orgChart()
        }
    }

    static func done(_ verb: Localized) -> (Meeting) -> Localized {
        { meeting in Localized(zh: "\(verb.zh)：\(meeting.numberedTitle(.zh))", en: "\(verb.en): \(meeting.numberedTitle(.en))") }
    }

    public mutating func perform(_ action: Action, _ context: ScreenContext) -> Effect {
        guard let detail else { if case .back = action { return .pop }; return .none }
        let m = detail.meeting, id = self.id, version = m.version
        switch action {
        case .back: return .popAndReload
        case .question(let answer):
            return question.close(answering: answer)
        case .form(let formAction):
            guard let open = form.submitted(by: formAction) else { return .none }
            return submit(open, context)
        case .edit:
            // Only those the chair rules allow for this kind are offered (R38–R40); the office
            // still decides, the R39 entrusting included.
            let chairs = org.people.values.filter { ChairRule.refusal(chair: $0, kind: m.kind) == nil }
                .sorted { (Role.allCases.firstIndex(of: $0.role)!, $0.login) < (Role.allCases.firstIndex(of: $1.role)!, $1.login) }
                .map { Picker.Option.person($0, detail: $0.role.title.text(context.lang)) }
            form = Form(title: Localized(zh: "修改会议", en: "Edit meeting"), fields: [
                .text(label: Localized(zh: "会议主题", en: "Subject"), field: TextField(m.title, limit: InputLimits.title)),
                .text(label: Localized(zh: "会议室（留空为未定）", en: "Room (empty: not decided)"), field: TextField(m.room ?? "", limit: InputLimits.name)),
                .pick(label: Localized(zh: "主持人", en: "Chair"), options: chairs, chosen: [m.chairLogin], many: false, optional: false),
                .note(Localized(zh: "时间请用改期（m）", en: "the time changes by a move (m)")),
            ], tag: String(version))
            purpose = .edit
        case .move:
            form = Form(title: Localized(zh: "改期", en: "Move meeting"), fields: [
                .text(label: Localized(zh: "新时间（YYYY-MM-DD HH:MM）", en: "New start (YYYY-MM-DD HH:MM)"), field: TextField(m.start.iso, limit: 16)),
                .text(label: Localized(zh: "时长（分钟）", en: "Minutes"), field: TextField(String(m.durationMinutes), limit: 4)),
                .text(label: Localized(zh: "原因", en: "Reason"), field: TextField("", limit: InputLimits.title)),
            ], tag: String(version))
            purpose = .move
        case .cancel:
            // Irreversible: asked first, then the reason (a refused reason stays in the form).
            let form = Form(title: Localized(zh: "取消会议", en: "Cancel meeting"), fields: [
                .text(label: Localized(zh: "取消原因", en: "Reason"), field: TextField("", limit: InputLimits.title)),
                .note(Localized(zh: "取消后，其后未发布编号的会议依次重新编号；议题退回并通知主办部门",
                                en: "later unpublished numbers follow; its items go back, their departments told")),
            ], tag: String(version))
            question = Question(Localized(zh: "取消\(m.numberedTitle(.zh))？取消不可撤销。", en: "Cancel \(m.numberedTitle(.en))? It cannot be undone."),
                                then: .local(on: MeetingDetailScreen.self) { screen in
                                    screen.form = form
                                    screen.purpose = .cancel
                                    return .none
                                })
        case .approve:
            question = Question(Localized(zh: "批准召开\(m.numberedTitle(.zh))（R61）？", en: "Approve \(m.numberedTitle(.en)) (R61)?"),
                                then: .change("approveMeeting", on: MeetingDetailScreen.self, { try $0.approveMeeting(id, expectedVersion: version) },
                                              done: MeetingDetailScreen.done(Localized(zh: "已批准", en: "approved"))))
        case .entrust:
            question = Question(Localized(zh: "委托常务副区长主持本次会议（R39）？", en: "Entrust the executive vice mayor with the chair (R39)?"),
                                then: .change("entrustChair", on: MeetingDetailScreen.self, { try $0.entrustChair(id, expectedVersion: version) },
                                              done: MeetingDetailScreen.done(Localized(zh: "已委托常务副区长主持", en: "entrusted to the executive vice mayor"))))
        case .hold:
            question = Question(Localized(zh: "记录\(m.numberedTitle(.zh))已经召开？会议编号随之固定。", en: "Record that \(m.numberedTitle(.en)) was held? Its number is then fixed."),
                                then: .change("holdMeeting", on: MeetingDetailScreen.self, { try $0.holdMeeting(id, expectedVersion: version) },
                                              done: MeetingDetailScreen.done(Localized(zh: "已召开", en: "held"))))
        case .notify:
            return .call("sendNotice", on: MeetingDetailScreen.self, { try $0.sendNotice(meetingId: id) }) { _, result, _ in
                switch result {
                case .success(let board):
                    if let warning = board.timing?.warning { return .batch([.reload, .status(warning, .warning)]) }
                    return .batch([.reload, .status(Localized(zh: "已发出通知，回执 \(board.lines.count) 份（h 查看）",
                                                              en: "notice sent, \(board.lines.count) receipts (h shows them)"), .ok)])
                case .failure(let error): return .failure(error)
                }
            }
        case .receipts: return .push(ReceiptsScreen(meetingId: id))
        case .seating: return .push(SeatingScreen(meetingId: id))
        case .roster: return .push(RosterScreen(meetingId: id))
        case .agenda: return .push(AgendaEditorScreen(meetingId: id))
        case .leave: return .push(LeaveRequestDialog(meetingId: id, meetingTitle: m.numberedTitle(context.lang)))
        case .print:
            return DocumentPrinter.print(name: "notice-\(id)", context) { NoticeComposer.layout(try $0.meetingNotice(id)) }
        case .invite:
            let people = org.people.values.filter { !$0.isRetired && $0.role != .admin }.sorted { $0.login < $1.login }
                .map { Picker.Option.person($0, unitIn: org, context.lang) }
            let departments = org.departments().filter { $0.headLogin != nil }.sorted { $0.code < $1.code }.map(Picker.Option.department)
            form = Form(title: Localized(zh: "增加参会人员", en: "Add participants"), fields: [
                .choice(label: Localized(zh: "身份", en: "As"), list: ChoiceList(options: Participation.allCases.map { $0.name.text(context.lang) }, selected: 1)),
                .pick(label: Localized(zh: "人员（可多选）", en: "People (several)"), options: people, chosen: [], many: true, optional: true),
                .pick(label: Localized(zh: "部门（邀请其主要负责人，可多选）", en: "Departments (their heads; several)"), options: departments, chosen: [], many: true, optional: true),
                .text(label: Localized(zh: "特邀嘉宾姓名（可不填）", en: "Guest's name (optional)"), field: TextField("", limit: InputLimits.name)),
                .text(label: Localized(zh: "嘉宾单位", en: "Guest's organisation"), field: TextField("", limit: InputLimits.name)),
            ])
            purpose = .invite
        case .draftMinutes:
            let mayor = org.holder(of: .mayor)?.login
            guard m.kind == .topical && m.chairLogin != mayor else { return draftMinutes(nil) }
            form = Form(title: Localized(zh: "纪要是否以区政府名义下发（R44）", en: "Minutes in the government's name? (R44)"), fields: [
                .choice(label: Localized(zh: "下发方式", en: "Route"), list: ChoiceList(options: [
                    Localized(zh: "以区政府名义下发：主办单位请示（R44）", en: "in the government's name: the lead department's request (R44)").text(context.lang),
                    Localized(zh: "不以区政府名义下发：副区长签发", en: "not in the government's name: the vice mayor signs").text(context.lang)],
                    selected: m.inGovernmentName ? 0 : 1)),
            ])
            purpose = .draft
        }
        return .none
    }

    public mutating func input(_ key: Key, _ context: ScreenContext) -> Effect {
        if question != nil { question?.input(key); return .none }
        if form != nil { form?.input(key); return .none }
        if let next = TextScroll.scrolled(min(scroll, lineCount), by: key, end: Int.max / 2) { scroll = next }
        return .none
    }

    /// Drafts the meeting's minutes (`inGovernmentName`: the R44 choice) and opens them.
    private func draftMinutes(_ inGovernmentName: Bool?) -> Effect {
        let id = self.id
        return .call("draftMinutes", on: MeetingDetailScreen.self, { try $0.draftMinutes(meetingId: id, inGovernmentName: inGovernmentName) }) { screen, result, _ in
            screen.form = nil
            switch result {
            case .success(let minutes): return .push(MinutesViewScreen(id: minutes.id!))
            case .failure(let error): return .failure(error)
            }
        }
    }

    private mutating func submit(_ form: Form, _ context: ScreenContext) -> Effect {
        let id = self.id, version = Int(form.tag)
        switch purpose {
        case .edit?:
            guard let m = detail?.meeting else { return .none }
            // Only what the form changed is sent: the office says so when nothing did.
            let title = form.text(0) ?? "", room = form.text(1) ?? "", chair = form.chosen(2).first
            let edit = MeetingEdit(title: title == m.title ? nil : title, room: room == (m.room ?? "") ? nil : room,
                                   chair: chair == m.chairLogin ? nil : chair)
            return .submit("editMeeting", on: MeetingDetailScreen.self, form: \.form, { try $0.editMeeting(id, edit, expectedVersion: version) },
                           done: MeetingDetailScreen.done(Localized(zh: "已修改", en: "edited")))
        case .move?:
            do {
                let at = try SchedulingInput.moment(form.text(0) ?? "", field: Localized(zh: "新时间", en: "new time").text(context.lang))
                let minutes = try MeetingDuration.parse(form.text(1) ?? "")
                let reason = form.text(2)
                return .call("moveMeeting", on: MeetingDetailScreen.self, {
                    try $0.moveMeeting(id, to: at, durationMinutes: minutes, reason: reason, expectedVersion: version)
                }) { screen, result, _ in
                    switch result {
                    case .success(let moved):
                        screen.form = nil
                        let n = moved.conflicts.count
                        return .batch([.reload, .status(Localized(zh: "已改期到 \(at.day.iso) \(at.timeText)" + (n > 0 ? "，冲突 \(n) 项" : ""),
                                                                  en: "moved to \(at.day.iso) \(at.timeText)" + (n > 0 ? ", \(n) conflicts" : "")),
                                                        n > 0 ? .warning : .ok)])
                    case .failure(let error):
                        screen.form?.error = .describing(error)
                        return .none
                    }
                }
            } catch {
                self.form?.error = .describing(error)
                return .none
            }
        case .cancel?:
            let reason = form.text(0) ?? ""
            return .submit("cancelMeeting", on: MeetingDetailScreen.self, form: \.form, { try $0.cancelMeeting(id, reason: reason, expectedVersion: version) },
                           done: MeetingDetailScreen.done(Localized(zh: "已取消", en: "cancelled")))
        case .invite?:
            let role = Participation.allCases[form.choice(0)]
            let heads = form.chosen(2).compactMap { org.department($0)?.headLogin }
            let people = Array(Set(form.chosen(1) + heads)).sorted()
            let guest = form.text(3), guestOrg = form.text(4)
            guard !people.isEmpty || guest != nil else {
                self.form?.error = Localized(zh: "请选择人员、部门或填写嘉宾", en: "choose people or departments, or name a guest")
                return .none
            }
            return .call("inviteToMeeting", on: MeetingDetailScreen.self, { office -> (Int, [Refusal]) in
                var added = 0
                var refused: [Refusal] = []
                for login in people {
                    do { _ = try office.inviteToMeeting(id, person: login, role: role); added += 1 } catch let r as Refusal { refused.append(r) }
                }
                if let guest {
                    do { _ = try office.inviteToMeeting(id, guest: guest, guestOrg: guestOrg, role: role); added += 1 } catch let r as Refusal { refused.append(r) }
                }
                return (added, refused)
            }) { screen, result, _ in
                switch result {
                case .success(let (added, refused)):
                    if refused.isEmpty { screen.form = nil } else { screen.form?.error = Localized.describing(refused[0]) }
                    let text = Localized(zh: "已增加 \(added) 人", en: "\(added) added")
                    return .batch([.reload, .status(text, refused.isEmpty ? .ok : .warning)])
                case .failure(let error):
                    screen.form?.error = .describing(error)
                    return .none
                }
            }
        case .draft?:
            return draftMinutes(form.choice(0) == 0)
        case nil:
            return .none
        }
    }

    /// The detail as lines, for drawing and scrolling.
    func lines(_ detail: MeetingDetail, width: Int, _ context: ScreenContext) -> [(String, Style)] {
        let lang = context.lang
        let m = detail.meeting
        func label(_ text: Localized) -> String { DisplayWidth.pad(text.text(lang), to: 10) }
        var out: [(String, Style)] = []
        out.append((label(Localized(zh: "会议", en: "Meeting")) + m.numberedTitle(lang), MeetingStyle.style(forKind: m.kind.rawValue)))
        if let note = detail.numberNote { out.append((String(repeating: " ", count: 10) + note.text(lang), .warning)) }
        out.append((label(Localized(zh: "时间", en: "Time")) + "\(m.start.day.iso) \(m.start.day.weekday.shortName.text(lang)) \(m.start.timeText)–\(m.end.timeText)  "
                    + detail.day.label.text(lang), detail.day.isWorkingDay ? .normal : .holiday))
        out.append((label(Localized(zh: "会议室", en: "Room")) + (m.room ?? Localized(zh: "未定", en: "not set").text(context.lang)), .normal))
        let chair = Localized(zh: "\(detail.chairName)（\(m.chairLogin)）", en: "\(detail.chairName) (\(m.chairLogin))").text(lang)
        if let delegation = m.chairDelegation {
            out.append((label(Localized(zh: "主持", en: "Chair")) + chair + " — " + delegation.name.text(lang), .warning))
        } else {
            out.append((label(Localized(zh: "主持", en: "Chair")) + chair, .normal))
        }
        out.append((label(Localized(zh: "召集", en: "Convener")) + detail.convenerName, .normal))
        var status = m.status.name.text(lang)
        if let reason = m.statusReason { status += Localized(zh: "（\(reason)）", en: " (\(reason))").text(lang) }
        out.append((label(Localized(zh: "状态", en: "Status")) + status, m.status == .cancelled ? .dim : .normal))
        if m.approval != .notRequired {
            out.append((label(Localized(zh: "审批", en: "Approval")) + m.approval.name.text(lang) + (m.approval == .awaiting ? Localized(zh: "，批准前不能发通知（R61）", en: "; no notices before it (R61)").text(context.lang) : ""),
                        m.approval == .awaiting ? .warning : .ok))
        }
        if m.liveBroadcast { out.append((label(Localized(zh: "直播", en: "Broadcast")) + Localized(zh: "网络直播（R18）", en: "live (R18)").text(context.lang), .normal)) }
        if !detail.conflicts.isEmpty {
            out.append(("", .normal))
            out.append((Localized(zh: "冲突（\(detail.conflicts.count)）", en: "Conflicts (\(detail.conflicts.count))").text(context.lang), .heading))
            out += detail.conflicts.map { ("  ⚠ " + $0.message.text(lang), .warning) }
        }
        for role in Participation.allCases {
            let people = detail.participants(role)
            guard !people.isEmpty else { continue }
            out.append(("", .normal))
            out.append((Localized(zh: "\(role.name.zh)（\(people.count)）", en: "\(role.name.en) (\(people.count))").text(lang), .heading))
            // As wide as the longest entry, so none is cut ("陈海峰 Executive vice mayor").
            let cell = max(26, (people.map { DisplayWidth.of($0.name + " " + $0.affiliation.text(lang)) }.max() ?? 0) + 1)
            let perLine = max(1, (width - 2) / cell)
            var index = 0
            while index < people.count {
                let chunk = people[index..<min(people.count, index + perLine)]
                out.append(("  " + chunk.map { DisplayWidth.pad($0.name + " " + $0.affiliation.text(lang), to: cell - 1) }.joined(separator: " "), .normal))
                index += perLine
            }
        }
        if !detail.moves.isEmpty {
            out.append(("", .normal))
            out.append((Localized(zh: "改期记录", en: "Moves").text(context.lang), .heading))
            out += detail.moves.map { ("  \($0.previousStart.iso) → \($0.newStart.iso)  \($0.reason ?? "")", .dim) }
        }
        return out.flatMap { line in MeetingDetailScreen.wrap(line.0, width: width - 2).map { ($0, line.1) } }
    }

    /// Splits a line into pieces that fit `width` display columns, by ``WrappedText`` (between
    /// words in English, between characters in Chinese, never before closing punctuation).
    /// Continuation lines are indented under the value (labelled lines) or the text
    /// (conflicts), so they read as part of the line above.
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 20, DisplayWidth.of(text) > width else { return [text] }
        let leading = text.prefix { $0 == " " }.count
        let indent = String(repeating: " ", count: leading > 0 ? leading + 2 : 10)
        guard let first = WrappedText.rows(text, width: width).first, first.count < text.count else { return [text] }
        let rest = text.dropFirst(first.count).drop { $0 == " " }
        guard !rest.isEmpty else { return [first] }  // only the padding of a column was left
        return [first] + WrappedText.rows(String(rest), width: width - indent.count).map { indent + $0 }
    }

    public func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: ScreenContext) {
        if buffer.putLoadError(loadError, in: area, context.lang) { return }
        guard let detail else { return }
        let all = lines(detail, width: area.width, context)
        let first = min(scroll, max(0, all.count - area.height))
        for (offset, line) in all.dropFirst(first).prefix(area.height).enumerated() {
            buffer.put(" " + line.0, row: area.top + offset, column: area.left, style: line.1, maxWidth: area.width)
        }
        form?.draw(into: &buffer, area: area, lang: context.lang)
        question?.dialog.draw(into: &buffer, area: area, lang: context.lang)
    }
}
