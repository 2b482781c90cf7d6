import Foundation
import MeetingDocuments
import MeetingKit
import MeetingService
import MeetingStore

/// One meeting: time and day status, chair (with the R39/R7 delegation shown), state and
/// the R61 approval, conflicts inline, and the roster grouped by role. `m` moves it, `c`
/// cancels it (both in dialogs), `a` approves it (the mayor), `e` entrusts its chair to the
/// executive vice mayor (the mayor, R39), `n` sends the notice, `h` shows its receipts, `s` the
/// seating, `p` prints the notice, `d` drafts its minutes once it was held (for a vice mayor's
/// topical meeting, in the government's name or not, R44).
public struct MeetingDetailScreen: Screen {
    /// A dialog over the detail. Each keeps the meeting's version when it opened: saving
    /// states it, so a change someone made meanwhile is not overwritten (``RecordVersion``).
    enum Dialog: Hashable {
        /// New start, duration, reason; `focus` is the field being edited.
        case move(start: TextField, duration: TextField, reason: TextField, focus: Int, version: Int)
        case cancel(reason: TextField, version: Int)
        /// A vice mayor's topical meeting: minutes in the government's name (R44) or his own.
        case draft(ChoiceList)
    }

    let id: Int64
    var detail: MeetingDetail?
    var loadError: Localized?
    var scroll = 0
    var dialog: Dialog?
    /// The last refusal or check message shown inside a dialog.
    var dialogError: Localized?

    public init(id: Int64) { self.id = id }

    /// An upper bound of the lines the detail has, to keep scrolling in range.
    var lineCount: Int { (detail?.participants.count ?? 0) + (detail?.conflicts.count ?? 0) + (detail?.moves.count ?? 0) + 20 }

    public var capturesText: Bool { dialog != nil }

    public func title(_ lang: Lang) -> String {
        detail.map { $0.meeting.numberedTitle(lang) } ?? (lang == .zh ? "会议" : "Meeting")
    }

    public func hints(_ lang: Lang) -> [KeyHint] {
        if dialog != nil {
            return [KeyHint("Tab", "下一项", "next field"), KeyHint("Enter", "确定", "confirm"), KeyHint("Esc", "取消", "cancel")]
        }
        return [KeyHint("q", "返回", "back"), KeyHint("↑↓", "滚动", "scroll"), KeyHint("m", "改期", "move"), KeyHint("c", "取消会议", "cancel"),
                KeyHint("a", "批准(R61)", "approve (R61)"), KeyHint("e", "委托主持(R39)", "entrust"), KeyHint("n", "发通知", "send notice"),
                KeyHint("h", "回执", "receipts"), KeyHint("s", "座次", "seating"), KeyHint("p", "打印通知", "print notice"),
                KeyHint("d", "起草纪要", "minutes")]
    }

    public mutating func reload(_ context: ScreenContext) {
        do {
            detail = try context.office.meetingDetail(id)
            loadError = nil
        } catch {
            loadError = .describing(error)
        }
    }

    public mutating func update(_ key: Key, _ context: ScreenContext) -> Effect {
        if dialog != nil { return updateDialog(key, context) }
        guard let detail else { return key == .escape ? .pop : .none }
        switch key {
        case .escape: return .pop
        case .down, .char("j"): scroll = min(scroll, lineCount) + 1
        case .up, .char("k"): scroll = max(0, min(scroll, lineCount) - 1)
        case .pageDown: scroll = min(scroll, lineCount) + 10
        case .pageUp: scroll = max(0, min(scroll, lineCount) - 10)
        case .home, .char("g"): scroll = 0
        case .end, .char("G"): scroll = Int.max / 2
        case .char("m"):
            let m = detail.meeting
            dialog = .move(start: TextField(m.start.iso, limit: 16), duration: TextField(String(m.durationMinutes), limit: 4),
                           reason: TextField("", limit: InputLimits.title), focus: 0, version: m.version)
            dialogError = nil
        case .char("c"):
            dialog = .cancel(reason: TextField("", limit: InputLimits.title), version: detail.meeting.version)
            dialogError = nil
        case .char("a"):
            let id = self.id, version = detail.meeting.version
            return perform(context, Localized(zh: "已批准", en: "approved")) { try $0.approveMeeting(id, expectedVersion: version) }
        case .char("n"):
            let id = self.id
            do {
                let board = try context.office.sendNotice(meetingId: id)
                reload(context)
                if let warning = board.timing?.warning { return .status(warning, .warning) }
                return .status(Localized(zh: "已发出通知，回执 \(board.lines.count) 份（h 查看）", en: "notice sent, \(board.lines.count) receipts (h shows them)"), .ok)
            } catch {
                return .failure(error)
            }
        case .char("h"): return .push(ReceiptsScreen(meetingId: id))
        case .char("s"): return .push(SeatingScreen(meetingId: id))
        case .char("p"):
            let id = self.id
            return DocumentPrinter.print(name: "notice-\(id)", context) { NoticeComposer.layout(try $0.meetingNotice(id)) }
        case .char("e"):
            let id = self.id, version = detail.meeting.version
            return perform(context, Localized(zh: "已委托常务副区长主持", en: "entrusted to the executive vice mayor")) {
                try $0.entrustChair(id, expectedVersion: version)
            }
        case .char("d"):
            let m = detail.meeting
            let mayor = (try? context.office.orgChart())?.holder(of: .mayor)?.login
            guard m.kind == .topical && m.chairLogin != mayor else { return draftMinutes(nil, context) }
            dialog = .draft(ChoiceList(options: [context.t("以区政府名义下发：主办单位请示（R44）", "in the government's name: the lead department's request (R44)"),
                                                 context.t("不以区政府名义下发：副区长签发", "not in the government's name: the vice mayor signs")],
                                       selected: m.inGovernmentName ? 0 : 1))
            dialogError = nil
        default: break
        }
        return .none
    }

    /// Runs a change; reloads and reports it, or shows the refusal (with its article).
    private mutating func perform(_ context: ScreenContext, _ done: Localized, _ body: (Office) throws -> Meeting) -> Effect {
        do {
            let meeting = try body(context.office)
            reload(context)
            return .status(Localized(zh: "\(done.zh)：\(meeting.numberedTitle(.zh))", en: "\(done.en): \(meeting.numberedTitle(.en))"), .ok)
        } catch {
            return .failure(error)
        }
    }

    /// Drafts the meeting's minutes (`inGovernmentName`: the R44 choice) and opens them.
    private mutating func draftMinutes(_ inGovernmentName: Bool?, _ context: ScreenContext) -> Effect {
        do {
            let minutes = try context.office.draftMinutes(meetingId: id, inGovernmentName: inGovernmentName)
            return .push(MinutesViewScreen(id: minutes.id!))
        } catch {
            return .failure(error)
        }
    }

    private mutating func updateDialog(_ key: Key, _ context: ScreenContext) -> Effect {
        guard let current = dialog else { return .none }
        if key == .escape {
            dialog = nil
            return .none
        }
        switch current {
        case .draft(var list):
            guard let outcome = list.handle(key) else { dialog = .draft(list); return .none }
            dialog = nil
            guard case .chosen(let index) = outcome else { return .none }
            return draftMinutes(index == 0, context)
        case .move(var start, var duration, var reason, var focus, let version):
            switch key {
            case .tab, .down: focus = (focus + 1) % 3
            case .backTab, .up: focus = (focus + 2) % 3
            case .enter where focus < 2: focus += 1
            case .enter:
                do {
                    let at = try SchedulingInput.moment(start.text, option: context.t("新时间", "new time"))
                    guard let minutes = Int(duration.text), (1...1440).contains(minutes) else {
                        throw Refusal.invalid("meeting.badDuration", "会议时长须在 1 到 1440 分钟之间", "the duration must be 1 to 1440 minutes")
                    }
                    let text = reason.text.trimmingCharacters(in: .whitespaces)
                    let result = try context.office.moveMeeting(id, to: at, durationMinutes: minutes, reason: text.isEmpty ? nil : text,
                                                                 expectedVersion: version)
                    dialog = nil
                    reload(context)
                    let n = result.conflicts.count
                    return .status(Localized(zh: "已改期到 \(at.day.iso) \(at.timeText)" + (n > 0 ? "，冲突 \(n) 项" : ""),
                                             en: "moved to \(at.day.iso) \(at.timeText)" + (n > 0 ? ", \(n) conflicts" : "")), n > 0 ? .warning : .ok)
                } catch {
                    dialogError = .describing(error)
                }
            default:
                dialogError = nil
                switch focus {
                case 0: start.handle(key)
                case 1: duration.handle(key)
                default: reason.handle(key)
                }
            }
            if dialog != nil { dialog = .move(start: start, duration: duration, reason: reason, focus: focus, version: version) }
        case .cancel(var reason, let version):
            if key == .enter {
                do {
                    let meeting = try context.office.cancelMeeting(id, reason: reason.text, expectedVersion: version)
                    dialog = nil
                    reload(context)
                    return .status(Localized(zh: "已取消：\(meeting.numberedTitle(.zh))", en: "cancelled: \(meeting.numberedTitle(.en))"), .ok)
                } catch {
                    dialogError = .describing(error)
                }
            } else {
                dialogError = nil
                reason.handle(key)
                dialog = .cancel(reason: reason, version: version)
            }
        }
        return .none
    }

    /// The detail as lines, for drawing and scrolling.
    func lines(_ detail: MeetingDetail, width: Int, _ context: ScreenContext) -> [(String, Style)] {
        let lang = context.lang
        let zh = lang == .zh
        let m = detail.meeting
        func label(_ zhText: String, _ enText: String) -> String { DisplayWidth.pad(zh ? zhText : enText, to: 10) }
        var out: [(String, Style)] = []
        out.append((label("会议", "Meeting") + m.numberedTitle(lang), MeetingStyle.style(forKind: m.kind.rawValue)))
        if let note = detail.numberNote { out.append((String(repeating: " ", count: 10) + note.text(lang), .warning)) }
        out.append((label("时间", "Time") + "\(m.start.day.iso) \(m.start.day.weekday.shortName.text(lang)) \(m.start.timeText)–\(m.end.timeText)  "
                    + detail.day.label.text(lang), detail.day.isWorkingDay ? .normal : .holiday))
        out.append((label("会议室", "Room") + (m.room ?? context.t("未定", "not set")), .normal))
        let chair = zh ? "\(detail.chairName)（\(m.chairLogin)）" : "\(detail.chairName) (\(m.chairLogin))"
        if let delegation = m.chairDelegation {
            out.append((label("主持", "Chair") + chair + " — " + delegation.name.text(lang), .warning))
        } else {
            out.append((label("主持", "Chair") + chair, .normal))
        }
        out.append((label("召集", "Convener") + detail.convenerName, .normal))
        var status = m.status.name.text(lang)
        if let reason = m.statusReason { status += zh ? "（\(reason)）" : " (\(reason))" }
        out.append((label("状态", "Status") + status, m.status == .cancelled ? .dim : .normal))
        if m.approval != .notRequired {
            out.append((label("审批", "Approval") + m.approval.name.text(lang) + (m.approval == .awaiting ? context.t("，批准前不能发通知（R61）", "; no notices before it (R61)") : ""),
                        m.approval == .awaiting ? .warning : .ok))
        }
        if m.liveBroadcast { out.append((label("直播", "Broadcast") + context.t("网络直播（R18）", "live (R18)"), .normal)) }
        if !detail.conflicts.isEmpty {
            out.append(("", .normal))
            out.append((context.t("冲突（\(detail.conflicts.count)）", "Conflicts (\(detail.conflicts.count))"), .heading))
            out += detail.conflicts.map { ("  ⚠ " + $0.message.text(lang), .warning) }
        }
        for role in Participation.allCases {
            let people = detail.participants(role)
            guard !people.isEmpty else { continue }
            out.append(("", .normal))
            out.append((zh ? "\(role.name.zh)（\(people.count)）" : "\(role.name.en) (\(people.count))", .heading))
            let cell = 26
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
            out.append((context.t("改期记录", "Moves"), .heading))
            out += detail.moves.map { ("  \($0.previousStart.iso) → \($0.newStart.iso)  \($0.reason ?? "")", .dim) }
        }
        return out.flatMap { line in MeetingDetailScreen.wrap(line.0, width: width - 2).map { ($0, line.1) } }
    }

    /// Splits a line into pieces that fit `width` display columns, at a space when one is near
    /// (English), anywhere otherwise (Chinese). Continuation lines are indented under the
    /// value (labelled lines) or the text (conflicts), so they read as part of the line above.
    static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 20, DisplayWidth.of(text) > width else { return [text] }
        let leading = text.prefix { $0 == " " }.count
        let indent = String(repeating: " ", count: leading > 0 ? leading + 2 : 10)
        var pieces: [String] = []
        var rest = Substring(text)
        var limit = width
        while !rest.isEmpty {
            var piece = DisplayWidth.truncate(String(rest), to: limit)
            guard !piece.isEmpty else { break }
            if piece.count < rest.count, let space = piece.lastIndex(of: " "),
               piece.distance(from: piece.startIndex, to: space) > piece.count / 2 {
                piece = String(piece[..<space])
            }
            pieces.append(pieces.isEmpty ? piece : indent + piece)
            rest = rest.dropFirst(piece.count)
            while rest.first == " " { rest = rest.dropFirst() }
            limit = width - indent.count
        }
        return pieces
    }

    public func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: ScreenContext) {
        if let loadError {
            buffer.put(loadError.text(context.lang), row: area.top + 1, column: 2, style: .error, maxWidth: area.width - 4)
            return
        }
        guard let detail else { return }
        let all = lines(detail, width: area.width, context)
        let first = min(scroll, max(0, all.count - area.height))
        for (offset, line) in all.dropFirst(first).prefix(area.height).enumerated() {
            buffer.put(" " + line.0, row: area.top + offset, column: area.left, style: line.1, maxWidth: area.width)
        }
        if let dialog { drawDialog(dialog, into: &buffer, area: area, context) }
    }

    private func drawDialog(_ dialog: Dialog, into buffer: inout ScreenBuffer, area: Rect, _ context: ScreenContext) {
        let rect = area.centered(height: dialogHeight(dialog), width: min(area.width - 2, 64))
        buffer.fill(rect)
        let fieldLeft = rect.left + 16
        let fieldWidth = rect.width - 18
        switch dialog {
        case .move(let start, let duration, let reason, let focus, _):
            buffer.box(rect, title: context.t("改期", "Move meeting"), style: .accent)
            let labels = [context.t("新时间", "New start"), context.t("时长（分钟）", "Minutes"), context.t("原因", "Reason")]
            for (i, field) in [start, duration, reason].enumerated() {
                let row = rect.top + 2 + i * 2
                buffer.put(labels[i], row: row, column: rect.left + 2, style: focus == i ? .accent : .normal)
                field.draw(into: &buffer, row: row, column: fieldLeft, width: fieldWidth, focused: focus == i)
            }
        case .draft(let list):
            buffer.box(rect, title: context.t("纪要是否以区政府名义下发（R44）", "Minutes in the government's name? (R44)"), style: .accent)
            list.draw(into: &buffer, rect: Rect(top: rect.top + 2, left: rect.left + 2, height: 2, width: rect.width - 4), focused: true)
        case .cancel(let reason, _):
            buffer.box(rect, title: context.t("取消会议", "Cancel meeting"), style: .accent)
            buffer.put(context.t("取消原因", "Reason"), row: rect.top + 2, column: rect.left + 2, style: .accent)
            reason.draw(into: &buffer, row: rect.top + 2, column: fieldLeft, width: fieldWidth, focused: true)
            buffer.put(context.t("取消后，其后未发布编号的会议依次重新编号；议题退回并通知主办部门", "later unpublished numbers follow; its items go back, their departments told"),
                       row: rect.top + 4, column: rect.left + 2, style: .dim, maxWidth: rect.width - 4)
        }
        if let dialogError {
            buffer.put(dialogError.text(context.lang), row: rect.bottom - 2, column: rect.left + 2, style: .error, maxWidth: rect.width - 4)
        }
    }

    private func dialogHeight(_ dialog: Dialog) -> Int {
        switch dialog {
        case .move: return 10
        case .cancel, .draft: return 7
        }
    }
}
