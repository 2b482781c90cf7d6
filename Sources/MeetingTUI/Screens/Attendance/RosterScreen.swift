import Foundation
import MeetingDocuments
import MeetingKit
import MeetingService
import MeetingStore

/// A meeting's roster (members, sit-ins, invitees) with a status column, for sign-in at the
/// door: one key marks the selected person and moves to the next (p present, l late, a
/// absent, v on leave, s substitute). Approved leave shows before the meeting, with the
/// substitute on a line of its own; an absence without approved leave is flagged.
public struct RosterScreen: Screen {
    enum Mode: Hashable {
        case browse
        /// Asking the minutes for a late arrival.
        case lateMinutes(TextField)
        /// Asking who came instead.
        case substitute(TextField)
    }

    let meetingId: Int64
    var roster: Roster?
    var loadError: Localized?
    var cursor = ListCursor()
    var mode: Mode = .browse

    public init(meetingId: Int64) { self.meetingId = meetingId }

    public func title(_ lang: Lang) -> String {
        (roster?.title.text(lang) ?? "") + (lang == .zh ? " · 名单与签到" : " · Roster and sign-in")
    }

    public var capturesText: Bool { mode != .browse }

    public func hints(_ lang: Lang) -> [KeyHint] {
        if mode != .browse { return [KeyHint("Enter", "确定", "confirm"), KeyHint("Esc", "取消", "cancel")] }
        return [KeyHint("p", "到会", "present"), KeyHint("l", "迟到", "late"), KeyHint("a", "缺席", "absent"),
                KeyHint("v", "请假", "on leave"), KeyHint("s", "代会", "substitute"), KeyHint("n", "请假申请", "request leave"),
                KeyHint("R", "请假汇总", "leave report"), KeyHint("P", "打印签到表", "print sign-in sheet"), KeyHint("Esc", "返回", "back")]
    }

    public mutating func reload(_ context: ScreenContext) {
        do {
            // Keep the cursor on the same roster entry when the roster changes under it.
            let keep = selected?.participantId
            let r = try context.office.roster(meetingId: meetingId)
            roster = r
            loadError = nil
            cursor.count = r.lines.count
            if let keep, let i = r.lines.firstIndex(where: { $0.participantId == keep }) { cursor.select(i) }
        } catch {
            loadError = .describing(error)
        }
    }

    var selected: Roster.Line? { cursor.selected.flatMap { roster?.lines[$0] } }

    public mutating func update(_ key: Key, _ context: ScreenContext) -> Effect {
        switch mode {
        case .lateMinutes(var field):
            switch key {
            case .escape: mode = .browse
            case .enter:
                guard let minutes = Int(field.text.trimmingCharacters(in: .whitespaces)) else {
                    return .status(Localized(zh: "请输入迟到分钟数（数字）", en: "enter the minutes late (a number)"), .error)
                }
                mode = .browse
                return mark(.late, lateMinutes: minutes, context)
            default:
                if case .char(let c) = key, !c.isNumber { return .none }
                field.handle(key)
                mode = .lateMinutes(field)
            }
            return .none
        case .substitute(var field):
            switch key {
            case .escape: mode = .browse
            case .enter:
                mode = .browse
                return mark(.substitute, substitute: field.text.trimmingCharacters(in: .whitespaces), context)
            default:
                field.handle(key)
                mode = .substitute(field)
            }
            return .none
        case .browse:
            break
        }
        switch key {
        case .escape: return .popAndReload  // what waits on the home screen may have changed
        case .char("p"): return mark(.present, context)
        case .char("a"): return mark(.absent, context)
        case .char("v"): return mark(.leave, context)
        case .char("l"):
            if selected != nil { mode = .lateMinutes(TextField("", limit: 4)) }
        case .char("s"):
            guard let line = selected else { return .none }
            if line.marked || line.substitute == nil {
                mode = .substitute(TextField("", limit: InputLimits.name))
            } else {
                return mark(.substitute, substitute: line.substitute, context)
            }
        case .char("n"):
            guard let line = selected, let login = line.person else {
                return .status(Localized(zh: "受邀嘉宾不请假", en: "invited guests do not file leave"), .warning)
            }
            return .push(LeaveRequestDialog(meetingId: meetingId, person: login, name: line.name))
        case .char("R"):
            return .push(LeaveReportScreen(meetingId: meetingId))
        case .char("P"):
            // Before anyone signs in, the sheet is for handwritten signatures.
            let id = meetingId, blank = (roster?.markedCount ?? 0) == 0
            return DocumentPrinter.print(name: "sign-in-\(id)", context) { SignInSheetComposer.layout(try $0.signInSheet(meetingId: id), forSigning: blank) }
        default:
            cursor.handle(key)
        }
        return .none
    }

    /// Records a mark for the selected entry and moves to the next one.
    mutating func mark(_ status: AttendanceStatus, lateMinutes: Int? = nil, substitute: String? = nil, _ context: ScreenContext) -> Effect {
        guard let line = selected else { return .none }
        do {
            try context.office.markAttendance(meetingId: meetingId, participantId: line.participantId, status: status,
                                               lateMinutes: lateMinutes, substitute: substitute?.isEmpty == true ? nil : substitute)
        } catch {
            return .failure(error)
        }
        reload(context)
        cursor.select(cursor.index + 1)
        return .status(Localized(zh: "已登记：\(line.name) \(status.name.zh)", en: "recorded: \(line.name) \(status.name.en)"), .ok)
    }

    /// The status column's text and style for one entry.
    static func statusText(_ line: Roster.Line, _ lang: Lang) -> (String, Style) {
        let zh = lang == .zh
        if let status = line.status {
            switch status {
            case .late:
                return (zh ? "迟到 \(line.lateMinutes ?? 0) 分钟" : "late \(line.lateMinutes ?? 0) min", .warning)
            case .absent:
                return line.absentWithoutLeave ? (zh ? "缺席 ⚑ 未请假" : "absent ⚑ no leave", .error) : (status.name.text(lang), .warning)
            case .leave:
                return (line.marked ? status.name.text(lang) : (zh ? "请假（已批准）" : "on leave (approved)"), .accent)
            case .substitute:
                return (status.name.text(lang), .accent)
            case .present:
                return (status.name.text(lang), .ok)
            }
        }
        switch line.leaveStatus {
        case .pending: return (zh ? "未签到 · 请假待批" : "not signed in · leave pending", .dim)
        case .rejected: return (zh ? "未签到 · 请假未准" : "not signed in · leave rejected", .dim)
        default: return (zh ? "未签到" : "not signed in", .dim)
        }
    }

    public func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: ScreenContext) {
        let lang = context.lang
        if let loadError {
            buffer.put(loadError.text(lang), row: area.top + 1, column: 2, style: .error, maxWidth: area.width - 4)
            return
        }
        guard let roster else { return }
        let counts = Dictionary(grouping: roster.lines, by: \.participation).mapValues(\.count)
        let when = "\(roster.start.day.iso) \(roster.start.day.weekday.shortName.text(lang)) \(roster.start.timeText)"
        let summary = context.t(
            " \(when) · 出席 \(counts[.member] ?? 0) · 列席 \(counts[.sitsIn] ?? 0) · 邀请 \(counts[.invited] ?? 0) · 已签到 \(roster.markedCount)/\(roster.lines.count)",
            " \(when) · members \(counts[.member] ?? 0) · sit in \(counts[.sitsIn] ?? 0) · invited \(counts[.invited] ?? 0) · signed in \(roster.markedCount)/\(roster.lines.count)")
        buffer.put(summary, row: area.top, column: area.left, style: .heading, maxWidth: area.width)
        let nameW = 12, partW = 8, deptW = max(10, min(24, area.width - nameW - partW - 26))
        let header = "  " + DisplayWidth.pad(context.t("姓名", "Name"), to: nameW) + " " + DisplayWidth.pad(context.t("类别", "Role"), to: partW)
            + " " + DisplayWidth.pad(context.t("部门/单位", "Department"), to: deptW) + " " + context.t("状态", "Status")
        buffer.put(header, row: area.top + 1, column: area.left, style: .dim, maxWidth: area.width)

        // Display rows: each entry, then its substitute on a line of its own.
        var rows: [(index: Int, isSubstitute: Bool)] = []
        for (i, line) in roster.lines.enumerated() {
            rows.append((i, false))
            if line.substituteName != nil { rows.append((i, true)) }
        }
        let promptRows = mode == .browse ? 0 : 2
        let listTop = area.top + 2
        let height = max(0, area.height - 2 - promptRows)
        let selectedRow = rows.firstIndex { $0.index == cursor.selected && !$0.isSubstitute } ?? 0
        let offset = selectedRow < height ? 0 : selectedRow - height + 1
        for (n, entry) in rows.dropFirst(offset).prefix(height).enumerated() {
            let line = roster.lines[entry.index]
            let row = listTop + n
            let isSelected = !entry.isSubstitute && entry.index == cursor.selected
            defer { if isSelected { buffer.markSelection(row: row, column: area.left) } }
            if entry.isSubstitute {
                let text = "    └ " + DisplayWidth.pad((line.substituteName ?? "") + context.t("（代会）", " (substitute)"), to: nameW + partW + deptW - 2)
                    + " " + context.t("代 \(line.name)", "for \(line.name)")
                buffer.put(text, row: row, column: area.left, style: .accent, maxWidth: area.width)
                continue
            }
            let base: Style = .normal
            let text = (isSelected ? "› " : "  ") + DisplayWidth.pad(line.name, to: nameW) + " " + DisplayWidth.pad(line.participation.name.text(lang), to: partW)
                + " " + DisplayWidth.pad(line.departmentName ?? "", to: deptW) + " "
            let used = buffer.put(text, row: row, column: area.left, style: base, maxWidth: area.width)
            let (status, style) = RosterScreen.statusText(line, lang)
            buffer.put(status, row: row, column: area.left + used, style: style, maxWidth: area.width - used)
        }
        switch mode {
        case .browse:
            break
        case .lateMinutes(let field):
            drawPrompt(context.t("迟到分钟数：", "Minutes late: "), field, into: &buffer, area: area)
        case .substitute(let field):
            drawPrompt(context.t("代会人员登录名：", "Substitute's login: "), field, into: &buffer, area: area)
        }
    }

    private func drawPrompt(_ label: String, _ field: TextField, into buffer: inout ScreenBuffer, area: Rect) {
        let row = area.bottom - 1
        let who = selected.map { $0.name + " · " } ?? ""
        let used = buffer.put(" " + who + label, row: row, column: area.left, style: .heading, maxWidth: area.width)
        field.draw(into: &buffer, row: row, column: area.left + used, width: min(24, area.width - used - 1), focused: true)
    }
}
