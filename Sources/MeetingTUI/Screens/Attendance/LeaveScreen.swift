import Foundation
import MeetingKit
import MeetingService
import MeetingStore
import TextLayout

/// Leave (R42), section 3: above, the coming meetings the acting person may ask leave for
/// (`v`, for oneself; the office records anyone's), with the state of their own request;
/// below, for approvers, the requests waiting for their decision: approve (`a`, after a
/// confirmation) or reject (`x`, with a reason). `L` opens the meeting's leave report, `#` the
/// attendance statistics, `b` the absences from Beijing. Tab moves between the two lists.
public struct LeaveScreen: Screen {
    enum Pane { case mine, queue }
    public enum Action { case back, switchPane, ask, approve, reject, report, statistics, absences, form(Form.Action), question(Question.Action) }

    var options: [LeaveOption] = []
    var lines: [LeaveLine] = []
    var loadError: Localized?
    var optionCursor = ListCursor()
    var cursor = ListCursor()
    var pane: Pane = .mine
    var form: Form?
    var question: Question?
    /// The request a reject form is for, with its version as read.
    var rejecting: LeaveLine?
    /// The request to select after loading (opened from "waiting for me").
    var selecting: Int64?
    var loaded = false

    public init(selecting: Int64? = nil) {
        self.selecting = selecting
        if selecting != nil { pane = .queue }
    }

    public func title(_ lang: Lang) -> String { Localized(zh: "请假", en: "Leave").text(lang) }

    public var isModal: Bool { form != nil || question != nil }
    public var hasUnsavedInput: Bool { form?.hasUnsavedInput ?? false }

    var selected: LeaveLine? { pane == .queue ? cursor.selected.flatMap { lines.indices.contains($0) ? lines[$0] : nil } : nil }
    var selectedOption: LeaveOption? { pane == .mine ? optionCursor.selected.flatMap { options.indices.contains($0) ? options[$0] : nil } : nil }
    var selectedID: Int64? { cursor.selected.flatMap { lines.indices.contains($0) ? lines[$0].id : nil } }

    public func keymap(_ context: ScreenContext) -> Keymap<Action> {
        var map = Keymap<Action>()
        if let question { map.merge(question.keymap(), Action.question); return map }
        if let form { map.merge(form.keymap(), Action.form); return map }
        map.add(.tab, .switchPane, Localized(zh: "切换列表", en: "switch list"), when: !lines.isEmpty)
        map.add(.leave, .ask, Localized(zh: "请假", en: "ask leave"), when: selectedOption != nil)
        map.add(.approve, .approve, when: selected != nil)
        map.add(.reject, .reject, Localized(zh: "不予批准", en: "reject"), when: selected != nil)
        map.add(.leaveReport, .report, when: selected != nil || selectedOption != nil)
        map.add(.statistics, .statistics)
        map.add(.absences, .absences)
        map.addBack(.back)
        return map
    }

    public mutating func reload(_ context: ScreenContext) {
        loadError = .loading {
            // Keep the cursor on the same request when the queue changes under it.
            let keep = selecting ?? selectedID
            let keepMeeting = optionCursor.selected.flatMap { options.indices.contains($0) ? options[$0].meeting.id : nil }
            let first = !loaded
            options = try context.office.leaveOptions()
            lines = try context.office.leaveQueue()
            loaded = true
            // An approver with requests waiting comes to decide them: the queue has the cursor.
            if first && !lines.isEmpty { pane = .queue }
            optionCursor.count = options.count
            cursor.count = lines.count
            if let keep, let i = lines.firstIndex(where: { $0.id == keep }) { cursor.select(i) }
            if let keepMeeting, let i = options.firstIndex(where: { $0.meeting.id == keepMeeting }) { optionCursor.select(i) }
            if lines.isEmpty { pane = .mine }
            selecting = nil
        }
    }

    public mutating func perform(_ action: Action, _ context: ScreenContext) -> Effect {
        switch action {
        case .back: return .popAndReload  // what waits on the home screen may have changed
        case .question(let answer):
            return question.close(answering: answer)
        case .form(let formAction):
            guard let line = rejecting, let open = form.submitted(by: formAction) else { return .none }
            return decide(.reject(reason: open.text(0) ?? ""), line)
        case .switchPane:
            pane = pane == .mine ? .queue : .mine
        case .ask:
            if let option = selectedOption {
                return .push(LeaveRequestDialog(meetingId: option.meeting.id, meetingTitle: option.meeting.title.text(context.lang)))
            }
        case .approve:
            if let line = selected {
                question = Question(Localized(zh: "批准 \(line.name) 的请假？", en: "Approve \(line.name)'s leave?"), then: decide(.approve, line))
            }
        case .reject:
            if let line = selected {
                rejecting = line
                form = Form(title: Localized(zh: "不予批准 \(line.name) 的请假", en: "Reject \(line.name)'s leave"), fields: [
                    .text(label: Localized(zh: "理由", en: "Reason"), field: TextField("", limit: InputLimits.reason))])
            }
        case .report:
            if let id = selected?.meetingId ?? selectedOption?.meeting.id { return .push(LeaveReportScreen(meetingId: id)) }
        case .statistics:
            return .push(AttendanceStatsScreen(around: context.office.clock.today))
        case .absences:
            return .push(AbsenceListScreen())
        }
        return .none
    }

    public mutating func input(_ key: Key, _ context: ScreenContext) -> Effect {
        if question != nil { question?.input(key); return .none }
        if form != nil { form?.input(key); return .none }
        if pane == .mine { optionCursor.handle(key) } else { cursor.handle(key) }
        return .none
    }

    func decide(_ decision: LeaveDecision, _ line: LeaveLine) -> Effect {
        .call("decideLeave", on: LeaveScreen.self, { try $0.decideLeave(line.id, decision, expectedVersion: line.version) }) { screen, result, _ in
            screen.form = nil
            switch result {
            case .success(let request):
                let status = request.status.name
                return .batch([.reload, .status(Localized(zh: "\(line.name) 的请假：\(status.zh)", en: "\(line.name)'s leave: \(status.en)"), .ok)])
            case .failure(let error):
                return .batch([.reload, .failure(error)])
            }
        }
    }

    public func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: ScreenContext) {
        let lang = context.lang
        if buffer.putLoadError(loadError, in: area, lang) { return }
        // Above: the coming meetings one may ask leave for, with one's own request.
        let mineHeight = lines.isEmpty ? min(max(3, options.count + 2), area.height - 2) : min(max(3, options.count + 2), area.height / 2)
        let mine = Rect(top: area.top, left: area.left, height: mineHeight, width: area.width)
        buffer.box(mine, title: Localized(zh: "可请假的会议（v 请假）", en: "Coming meetings (v asks leave)").text(context.lang), style: pane == .mine ? .accent : .dim)
        let mineInner = mine.inset(1)
        if options.isEmpty {
            buffer.put(Localized(zh: "近期没有您参加的会议", en: "No coming meetings you are on").text(context.lang), row: mineInner.top, column: mineInner.left + 1, style: .dim)
        }
        for (offset, index) in optionCursor.visible(rows: mineInner.height).enumerated() {
            let option = options[index]
            let row = mineInner.top + offset
            let isSelected = pane == .mine && index == optionCursor.selected
            let m = option.meeting
            let when = "\(m.start.day.iso.dropFirst(5)) \(m.start.day.weekday.shortName.text(lang)) \(m.start.timeText)"
            var state = ""
            if let status = option.leaveStatus {
                state = Localized(zh: "请假", en: "leave ").text(context.lang) + status.name.text(lang)
            } else if option.onRoster {
                state = option.approverName.map { Localized(zh: "由\($0)批准", en: "approved by \($0)").text(context.lang) } ?? ""
            } else {
                state = Localized(zh: "（代录）", en: "(record for others)").text(context.lang)
            }
            let used = buffer.listRow(" " + when + "  ", row: row, column: mineInner.left, selected: isSelected)
            let titleWidth = max(10, mineInner.width - used - DisplayWidth.of(state) - 2)
            buffer.put(DisplayWidth.pad(MeetingStyle.title(m, width: titleWidth, lang), to: titleWidth) + "  ", row: row, column: mineInner.left + used,
                       style: MeetingStyle.style(forKind: m.kind), maxWidth: mineInner.width - used)
            buffer.put(state, row: row, column: mineInner.left + used + titleWidth + 2, style: option.leaveStatus == nil ? .dim : .accent,
                       maxWidth: max(0, mineInner.width - used - titleWidth - 2))
        }
        guard !lines.isEmpty else {
            buffer.put(Localized(zh: " 没有待审批的请假", en: " No leave waiting for a decision").text(context.lang), row: area.top + mineHeight, column: area.left, style: .dim)
            form?.draw(into: &buffer, area: area, lang: lang)
            question?.dialog.draw(into: &buffer, area: area, lang: lang)
            return
        }
        let queueTop = area.top + mineHeight
        buffer.put(Localized(zh: " 待我审批 \(lines.count) 件", en: " \(lines.count) waiting for your decision").text(context.lang), row: queueTop, column: area.left,
                   style: pane == .queue ? .accent : .heading)
        let detailHeight = 6
        let listRect = Rect(top: queueTop + 1, left: area.left, height: max(1, area.bottom - queueTop - 1 - detailHeight), width: area.width)
        let nameW = 8, roleW = lang == .zh ? 14 : 20
        for (offset, index) in cursor.visible(rows: listRect.height).enumerated() {
            let line = lines[index]
            let row = listRect.top + offset
            let isSelected = pane == .queue && index == cursor.selected
            let when = "\(line.meetingStart.day.iso.dropFirst(5)) \(line.meetingStart.timeText)"
            let text = "  " + when + "  " + DisplayWidth.pad(line.name, to: nameW) + " "
                + DisplayWidth.pad(line.role?.title.text(lang) ?? "", to: roleW) + " " + line.meetingTitle.text(lang)
            buffer.listRow(text, row: row, column: area.left, selected: isSelected, maxWidth: area.width)
        }
        if let line = selected ?? cursor.selected.flatMap({ lines.indices.contains($0) ? lines[$0] : nil }) {
            let top = area.bottom - detailHeight
            buffer.box(Rect(top: top, left: area.left, height: detailHeight, width: area.width), title: line.name)
            let inner = Rect(top: top + 1, left: area.left + 2, height: detailHeight - 2, width: area.width - 4)
            let substitute = line.substituteName.map { "\($0)（\(line.substitute!)）" } ?? "—"
            let filed = "\(line.filedAt.day.iso) \(line.filedAt.timeText)"
            let details = [
                Localized(zh: "事由：", en: "Reason: ").text(context.lang) + line.reason,
                Localized(zh: "代会人员：", en: "Substitute: ").text(context.lang) + substitute + Localized(zh: "    审批人：", en: "    Approver: ").text(context.lang) + line.approverName,
                Localized(zh: "提出：", en: "Filed: ").text(context.lang) + filed + Localized(zh: "，录入 ", en: " by ").text(context.lang) + line.filedBy
                    + (line.source == .absence ? Localized(zh: "（离京报备 R65）", en: " (absence from Beijing, R65)").text(context.lang) : "")
                    + (line.overrideReason.map { Localized(zh: "；逾期受理：", en: "; accepted late: ").text(context.lang) + $0 } ?? ""),
            ]
            for (i, text) in details.enumerated() {
                buffer.put(text, row: inner.top + i, column: inner.left, maxWidth: inner.width)
            }
        }
        form?.draw(into: &buffer, area: area, lang: lang)
        question?.dialog.draw(into: &buffer, area: area, lang: lang)
    }
}
