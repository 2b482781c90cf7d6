import Foundation
import MeetingDocuments
import MeetingKit
import MeetingService
import MeetingStore
import TextLayout

/// A meeting's roster (members, sit-ins, invitees) with a status column, for sign-in at the
/// door: `p` marks the selected person present and moves to the next (someone on approved
/// leave is skipped, not overwritten), `l` late, Enter chooses any mark (absent, on leave, a
/// substitute from the org chart). Approved leave shows before the meeting, with the
/// substitute on a line of its own; an absence without approved leave is flagged. `v` asks
/// leave (for oneself; the office for anyone), `L` opens the leave report, `P` prints the sheet.
public struct RosterScreen: Screen {
    enum Purpose { case mark, late }
    public enum Action { case back, present, late, mark, leave, leaveReport, print, form(Form.Action) }

    let meetingId: Int64
    var roster: Roster?
    var loadError: Localized?
    var cursor = ListCursor()
    var form: Form?
    var purpose: Purpose?
    var people: [Picker.Option] = []

    public init(meetingId: Int64) { self.meetingId = meetingId }

    public func title(_ lang: Lang) -> String {
        (roster?.title.text(lang) ?? "") + (Localized(zh: " · 名单与签到", en: " · Roster and sign-in").text(lang))
    }

    public var isModal: Bool { form != nil }
    public var hasUnsavedInput: Bool { form?.hasUnsavedInput ?? false }

    public func keymap(_ context: ScreenContext) -> Keymap<Action> {
        var map = Keymap<Action>()
        if let form { map.merge(form.keymap(), Action.form); return map }
        let line = selected != nil
        map.add(.present, .present, when: line)
        map.add(.late, .late, when: line)
        map.add(.enter, .mark, Localized(zh: "登记…", en: "mark…"), when: line)
        map.add(.leave, .leave, Localized(zh: "请假", en: "ask leave"))
        map.add(.leaveReport, .leaveReport)
        map.add(.print, .print, Localized(zh: "打印签到表", en: "print sheet"))
        map.addBack(.back)
        return map
    }

    public mutating func reload(_ context: ScreenContext) {
        loadError = .loading {
            // Keep the cursor on the same roster entry when the roster changes under it.
            let keep = selected?.participantId
            let first = roster == nil
            let r = try context.office.roster(meetingId: meetingId)
            roster = r
            if people.isEmpty {
                let org = try context.office.orgChart()
                people = org.people.values.filter { !$0.isRetired }.sorted { $0.login < $1.login }
                    .map { Picker.Option.person($0, unitIn: org, context.lang) }
            }
            cursor.count = r.lines.count
            if let keep, let i = r.lines.firstIndex(where: { $0.participantId == keep }) { cursor.select(i) }
            // Opening it, one finds oneself at once rather than scrolling the whole roster.
            if first, let own = r.lines.firstIndex(where: { $0.person == context.me }) { cursor.select(own) }
        }
    }

    var selected: Roster.Line? { cursor.selected.flatMap { roster?.lines.indices.contains($0) == true ? roster?.lines[$0] : nil } }

    public mutating func perform(_ action: Action, _ context: ScreenContext) -> Effect {
        switch action {
        case .back: return .popAndReload  // what waits on the home screen may have changed
        case .form(let formAction):
            guard let open = form.submitted(by: formAction) else { return .none }
            return submit(open)
        case .present:
            guard let line = selected else { return .none }
            // Approved leave is not overwritten by a quick sign-in: Enter marks someone on
            // leave present when they came after all.
            if line.status == .leave && !line.marked {
                cursor.select(cursor.index + 1)
                return .status(Localized(zh: "\(line.name) 已获准请假，未登记到会（如确已到会，按 Enter 选择“到会”）",
                                         en: "\(line.name) is on approved leave: not marked present (Enter marks them present if they came)"), .warning)
            }
            return mark(.present)
        case .late:
            guard let line = selected else { return .none }
            form = Form(title: Localized(zh: "迟到 · \(line.name)", en: "Late · \(line.name)"), fields: [
                .text(label: Localized(zh: "迟到分钟数", en: "Minutes late"), field: TextField("", limit: 4))])
            purpose = .late
        case .mark:
            guard let line = selected else { return .none }
            form = Form(title: Localized(zh: "登记 · \(line.name)", en: "Mark · \(line.name)"), fields: [
                .choice(label: Localized(zh: "状态", en: "Status"), list: ChoiceList(options: AttendanceStatus.allCases.map { $0.name.text(context.lang) })),
                .text(label: Localized(zh: "迟到分钟数（迟到时）", en: "Minutes late (when late)"), field: TextField("", limit: 4)),
                .pick(label: Localized(zh: "代会人员（代会时）", en: "Substitute (when one attends instead)"), options: people,
                      chosen: line.substitute.map { [$0] } ?? [], many: false, optional: true),
            ])
            purpose = .mark
        case .leave:
            let office = AccessPolicy.isOfficeStaff(context.office.actor.person)
            let person = office ? selected?.person : nil
            return .push(LeaveRequestDialog(meetingId: meetingId, meetingTitle: roster?.title.text(context.lang) ?? "", person: person))
        case .leaveReport:
            return .push(LeaveReportScreen(meetingId: meetingId))
        case .print:
            // Before anyone signs in, the sheet is for handwritten signatures.
            let id = meetingId, blank = (roster?.markedCount ?? 0) == 0
            return DocumentPrinter.print(name: "sign-in-\(id)", context) { SignInSheetComposer.layout(try $0.signInSheet(meetingId: id), forSigning: blank) }
        }
        return .none
    }

    public mutating func input(_ key: Key, _ context: ScreenContext) -> Effect {
        if form != nil {
            if case .char(let c) = key, purpose == .late, !c.isNumber { return .none }
            form?.input(key)
        } else {
            cursor.handle(key)
        }
        return .none
    }

    private func submit(_ form: Form) -> Effect {
        switch purpose {
        case .late?:
            guard let minutes = Int(form.text(0) ?? "") else {
                return .status(Localized(zh: "请输入迟到分钟数（数字）", en: "enter the minutes late (a number)"), .error)
            }
            return mark(.late, lateMinutes: minutes)
        case .mark?:
            let status = AttendanceStatus.allCases[form.choice(0)]
            let minutes = form.text(1).flatMap { Int($0) }
            if status == .late && minutes == nil {
                return .status(Localized(zh: "请输入迟到分钟数（数字）", en: "enter the minutes late (a number)"), .error)
            }
            return mark(status, lateMinutes: status == .late ? minutes : nil, substitute: status == .substitute ? form.chosen(2).first : nil)
        case nil:
            return .none
        }
    }

    /// Records a mark for the selected entry and moves to the next one.
    func mark(_ status: AttendanceStatus, lateMinutes: Int? = nil, substitute: String? = nil) -> Effect {
        guard let line = selected else { return .none }
        let id = meetingId
        return .call("markAttendance", on: RosterScreen.self, {
            try $0.markAttendance(meetingId: id, participantId: line.participantId, status: status, lateMinutes: lateMinutes, substitute: substitute)
        }) { screen, result, context in
            switch result {
            case .success:
                screen.form = nil
                screen.reload(context)
                screen.cursor.select(screen.cursor.index + 1)
                return .status(Localized(zh: "已登记：\(line.name) \(status.name.zh)", en: "recorded: \(line.name) \(status.name.en)"), .ok)
            case .failure(let error):
                if screen.form != nil { screen.form?.error = .describing(error); return .none }
                return .failure(error)
            }
        }
    }

    /// The status column's text and style for one entry.
    static func statusText(_ line: Roster.Line, _ lang: Lang) -> (String, Style) {
        if let status = line.status {
            switch status {
            case .late:
                return (Localized(zh: "迟到 \(line.lateMinutes ?? 0) 分钟", en: "late \(line.lateMinutes ?? 0) min").text(lang), .warning)
            case .absent:
                return line.absentWithoutLeave ? (Localized(zh: "缺席 ⚑ 未请假", en: "absent ⚑ no leave").text(lang), .error) : (status.name.text(lang), .warning)
            case .leave:
                return (line.marked ? status.name.text(lang) : (Localized(zh: "请假（已批准）", en: "on leave (approved)").text(lang)), .accent)
            case .substitute:
                return (status.name.text(lang), .accent)
            case .present:
                return (status.name.text(lang), .ok)
            }
        }
        switch line.leaveStatus {
        case .pending: return (Localized(zh: "未签到 · 请假待批", en: "not signed in · leave pending").text(lang), .dim)
        case .rejected: return (Localized(zh: "未签到 · 请假未准", en: "not signed in · leave rejected").text(lang), .dim)
        default: return (Localized(zh: "未签到", en: "not signed in").text(lang), .dim)
        }
    }

    public func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: ScreenContext) {
        let lang = context.lang
        if buffer.putLoadError(loadError, in: area, lang) { return }
        guard let roster else { return }
        let counts = Dictionary(grouping: roster.lines, by: \.participation).mapValues(\.count)
        let when = "\(roster.start.day.iso) \(roster.start.day.weekday.shortName.text(lang)) \(roster.start.timeText)"
        // Signed in counts those who came (present, late, a substitute); leave and absence apart.
        let came = roster.lines.filter { $0.marked && [.present, .late, .substitute].contains($0.status) }.count
        let onLeave = roster.lines.filter { $0.status == .leave }.count
        let absent = roster.lines.filter { $0.marked && $0.status == .absent }.count
        let summary = Localized(zh: " \(when) · 出席 \(counts[.member] ?? 0) · 列席 \(counts[.sitsIn] ?? 0) · 邀请 \(counts[.invited] ?? 0) · 已签到 \(came)/\(roster.lines.count - onLeave) · 请假 \(onLeave) · 缺席 \(absent)", en: " \(when) · members \(counts[.member] ?? 0) · sit in \(counts[.sitsIn] ?? 0) · invited \(counts[.invited] ?? 0) · signed in \(came)/\(roster.lines.count - onLeave) · leave \(onLeave) · absent \(absent)").text(context.lang)
        buffer.put(summary, row: area.top, column: area.left, style: .heading, maxWidth: area.width)
        let nameW = 12, partW = 8, deptW = max(10, min(24, area.width - nameW - partW - 26))
        let header = "  " + DisplayWidth.pad(Localized(zh: "姓名", en: "Name").text(context.lang), to: nameW) + " " + DisplayWidth.pad(Localized(zh: "类别", en: "Role").text(context.lang), to: partW)
            + " " + DisplayWidth.pad(Localized(zh: "部门/单位", en: "Department").text(context.lang), to: deptW) + " " + Localized(zh: "状态", en: "Status").text(context.lang)
        buffer.put(header, row: area.top + 1, column: area.left, style: .dim, maxWidth: area.width)

        // Display rows: each entry, then its substitute on a line of its own.
        var rows: [(index: Int, isSubstitute: Bool)] = []
        for (i, line) in roster.lines.enumerated() {
            rows.append((i, false))
            if line.substituteName != nil { rows.append((i, true)) }
        }
        let promptRows = 0
        let listTop = area.top + 2
        let height = max(0, area.height - 2 - promptRows)
        let selectedRow = rows.firstIndex { $0.index == cursor.selected && !$0.isSubstitute } ?? 0
        let offset = selectedRow < height ? 0 : selectedRow - height + 1
        for (n, entry) in rows.dropFirst(offset).prefix(height).enumerated() {
            let line = roster.lines[entry.index]
            let row = listTop + n
            let isSelected = !entry.isSubstitute && entry.index == cursor.selected
            if entry.isSubstitute {
                let text = "    └ " + DisplayWidth.pad((line.substituteName ?? "") + Localized(zh: "（代会）", en: " (substitute)").text(context.lang), to: nameW + partW + deptW - 2)
                    + " " + Localized(zh: "代 \(line.name)", en: "for \(line.name)").text(context.lang)
                buffer.put(text, row: row, column: area.left, style: .accent, maxWidth: area.width)
                continue
            }
            let base: Style = .normal
            let text = "  " + DisplayWidth.pad(line.name, to: nameW) + " " + DisplayWidth.pad(line.participation.name.text(lang), to: partW)
                + " " + DisplayWidth.pad(line.departmentName ?? "", to: deptW) + " "
            let used = buffer.listRow(text, row: row, column: area.left, selected: isSelected, style: base, maxWidth: area.width)
            let (status, style) = RosterScreen.statusText(line, lang)
            buffer.put(status, row: row, column: area.left + used, style: style, maxWidth: area.width - used)
        }
        form?.draw(into: &buffer, area: area, lang: lang)
    }
}
