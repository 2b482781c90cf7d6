import Foundation
import MeetingKit
import MeetingService
import MeetingStore

/// The approver's queue (R42): pending leave requests the acting approver decides, with
/// approve (a, after a confirmation) and reject (x, with a reason).
public struct LeaveQueueScreen: Screen {
    /// A dialog keeps the request it was opened on, as read then: the list may refresh under
    /// it (another approver, live refresh), and the decision must go to that request at that
    /// version (``RecordVersion``), never to whatever the cursor points at now.
    enum Mode {
        case browse
        case confirmApprove(ConfirmDialog, LeaveLine)
        case rejectReason(TextField, LeaveLine)
    }

    var lines: [LeaveLine] = []
    var loadError: Localized?
    var cursor = ListCursor()
    var mode: Mode = .browse
    /// The request to select after loading (opened from "waiting for me").
    var selecting: Int64?

    public init(selecting: Int64? = nil) { self.selecting = selecting }

    public func title(_ lang: Lang) -> String { lang == .zh ? "请假审批" : "Leave to decide" }

    public var capturesText: Bool {
        if case .rejectReason = mode { return true }
        return false
    }

    public func hints(_ lang: Lang) -> [KeyHint] {
        switch mode {
        case .browse:
            return [KeyHint("a", "批准", "approve"), KeyHint("x", "不予批准", "reject"), KeyHint("Enter", "请假汇总", "leave report"),
                    KeyHint("s", "出勤统计", "statistics"), KeyHint("b", "离京登记", "absences"), KeyHint("Esc", "返回", "back")]
        case .confirmApprove:
            return [KeyHint("y", "批准", "approve"), KeyHint("n", "取消", "cancel")]
        case .rejectReason:
            return [KeyHint("Enter", "不予批准", "reject"), KeyHint("Esc", "取消", "cancel")]
        }
    }

    public mutating func reload(_ context: ScreenContext) {
        do {
            // Keep the cursor on the same request when the queue changes under it.
            let keep = selecting ?? selectedID
            lines = try context.office.leaveQueue()
            loadError = nil
            cursor.count = lines.count
            if let keep, let i = lines.firstIndex(where: { $0.id == keep }) { cursor.select(i) }
            selecting = nil
        } catch {
            loadError = .describing(error)
        }
    }

    var selected: LeaveLine? { cursor.selected.map { lines[$0] } }
    var selectedID: Int64? { cursor.selected.flatMap { lines.indices.contains($0) ? lines[$0].id : nil } }

    public mutating func update(_ key: Key, _ context: ScreenContext) -> Effect {
        switch mode {
        case .confirmApprove(var dialog, let line):
            guard let answer = dialog.handle(key) else { mode = .confirmApprove(dialog, line); return .none }
            mode = .browse
            return answer ? decide(.approve, line, context) : .none
        case .rejectReason(var field, let line):
            switch key {
            case .escape: mode = .browse
            case .enter:
                mode = .browse
                return decide(.reject(reason: field.text), line, context)
            default:
                field.handle(key)
                mode = .rejectReason(field, line)
            }
            return .none
        case .browse:
            break
        }
        switch key {
        case .escape: return .popAndReload  // what waits on the home screen may have changed
        case .char("a"):
            if let line = selected {
                mode = .confirmApprove(ConfirmDialog(Localized(zh: "批准 \(line.name) 的请假？", en: "Approve \(line.name)'s leave?")), line)
            }
        case .char("x"):
            if let line = selected { mode = .rejectReason(TextField("", limit: InputLimits.reason), line) }
        case .enter, .char("R"):
            if let line = selected { return .push(LeaveReportScreen(meetingId: line.meetingId)) }
        case .char("b"):
            return .push(AbsenceListScreen())
        case .char("s"):
            return .push(AttendanceStatsScreen(around: context.office.clock.today))
        default:
            cursor.handle(key)
        }
        return .none
    }

    mutating func decide(_ decision: LeaveDecision, _ line: LeaveLine, _ context: ScreenContext) -> Effect {
        do {
            try context.office.decideLeave(line.id, decision, expectedVersion: line.version)
        } catch let refusal as Refusal {
            reload(context)
            return .status(.describing(refusal), .error)
        } catch {
            return .status(.same("\(error)"), .error)
        }
        reload(context)
        let status = decision.status.name
        return .status(Localized(zh: "\(line.name) 的请假：\(status.zh)", en: "\(line.name)'s leave: \(status.en)"), .ok)
    }

    public func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: ScreenContext) {
        let lang = context.lang
        if let loadError {
            buffer.put(loadError.text(lang), row: area.top + 1, column: 2, style: .error, maxWidth: area.width - 4)
            return
        }
        buffer.put(context.t(" 待审批 \(lines.count) 件", " \(lines.count) pending"), row: area.top, column: area.left, style: .heading)
        if lines.isEmpty {
            buffer.put(context.t("没有待审批的请假", "No leave waiting for a decision"), row: area.top + 2, column: area.left + 2, style: .dim)
            return
        }
        let detailHeight = 6
        let listRect = Rect(top: area.top + 1, left: area.left, height: area.height - 1 - detailHeight, width: area.width)
        let nameW = 8, roleW = lang == .zh ? 14 : 20
        for (offset, index) in cursor.visible(rows: listRect.height).enumerated() {
            let line = lines[index]
            let row = listRect.top + offset
            let isSelected = index == cursor.selected
            defer { if isSelected { buffer.markSelection(row: row, column: area.left) } }
            let when = "\(line.meetingStart.day.iso.dropFirst(5)) \(line.meetingStart.timeText)"
            let text = (isSelected ? "› " : "  ") + when + "  " + DisplayWidth.pad(line.name, to: nameW) + " "
                + DisplayWidth.pad(line.role?.title.text(lang) ?? "", to: roleW) + " " + line.meetingTitle.text(lang)
            buffer.put(text, row: row, column: area.left, style: .normal, maxWidth: area.width)
        }
        if let line = selected {
            let top = area.bottom - detailHeight
            buffer.box(Rect(top: top, left: area.left, height: detailHeight, width: area.width), title: line.name)
            let inner = Rect(top: top + 1, left: area.left + 2, height: detailHeight - 2, width: area.width - 4)
            let substitute = line.substituteName.map { "\($0)（\(line.substitute!)）" } ?? "—"
            let filed = "\(line.filedAt.day.iso) \(line.filedAt.timeText)"
            let details = [
                context.t("事由：", "Reason: ") + line.reason,
                context.t("代会人员：", "Substitute: ") + substitute + context.t("    审批人：", "    Approver: ") + line.approverName,
                context.t("提出：", "Filed: ") + filed + context.t("，录入 ", " by ") + line.filedBy
                    + (line.source == .absence ? context.t("（离京报备 R65）", " (absence from Beijing, R65)") : "")
                    + (line.overrideReason.map { context.t("；逾期受理：", "; accepted late: ") + $0 } ?? ""),
            ]
            for (i, text) in details.enumerated() {
                buffer.put(text, row: inner.top + i, column: inner.left, maxWidth: inner.width)
            }
        }
        switch mode {
        case .browse:
            break
        case .confirmApprove(let dialog, _):
            dialog.draw(into: &buffer, area: area, lang: lang)
        case .rejectReason(let field, _):
            let row = area.bottom - 1
            buffer.fill(Rect(top: row, left: area.left, height: 1, width: area.width))
            let used = buffer.put(context.t(" 不予批准的理由：", " Reason for rejecting: "), row: row, column: area.left, style: .heading)
            field.draw(into: &buffer, row: row, column: area.left + used, width: area.width - used - 1, focused: true)
        }
    }
}
