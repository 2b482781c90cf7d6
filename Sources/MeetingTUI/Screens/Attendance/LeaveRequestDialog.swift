import Foundation
import MeetingKit
import MeetingService
import MeetingStore

/// Files a leave request for one person of a meeting's roster (R42): the reason, an optional
/// substitute, and, after the meeting has started, the approver's reason for accepting it.
/// Through a notice's receipt (`viaReceipt`) the request also answers the receipt; receipts
/// close when the meeting starts, so there is no late override then.
public struct LeaveRequestDialog: Screen {
    let meetingId: Int64
    let person: String
    let name: String
    var fields = [TextField("", limit: InputLimits.reason), TextField("", limit: InputLimits.name), TextField("", limit: InputLimits.reason)]
    var focus = 0
    let viaReceipt: Bool

    public init(meetingId: Int64, person: String, name: String, viaReceipt: Bool = false) {
        self.meetingId = meetingId
        self.person = person
        self.name = name
        self.viaReceipt = viaReceipt
        if viaReceipt { fields.removeLast() }
    }

    public var capturesText: Bool { true }

    public func title(_ lang: Lang) -> String {
        viaReceipt ? (lang == .zh ? "回执请假 · \(name)" : "Leave through the receipt · \(name)")
            : (lang == .zh ? "请假申请 · \(name)" : "Leave request · \(name)")
    }

    public func hints(_ lang: Lang) -> [KeyHint] {
        [KeyHint("Tab", "下一项", "next field"), KeyHint("Enter", "提交", "submit"), KeyHint("Esc", "取消", "cancel")]
    }

    static let labels = [Localized(zh: "事由", en: "Reason"), Localized(zh: "代会人员（登录名，可空）", en: "Substitute (login, optional)"),
                         Localized(zh: "逾期受理理由（仅审批人，会议开始后）", en: "Override reason (approver, after the start)")]

    public mutating func update(_ key: Key, _ context: ScreenContext) -> Effect {
        switch key {
        case .escape: return .pop
        case .tab, .down: focus = (focus + 1) % fields.count
        case .backTab, .up: focus = (focus + fields.count - 1) % fields.count
        case .enter: return submit(context)
        default: fields[focus].handle(key)
        }
        return .none
    }

    func submit(_ context: ScreenContext) -> Effect {
        func value(_ i: Int) -> String? {
            let t = fields[i].text.trimmingCharacters(in: .whitespaces)
            return t.isEmpty ? nil : t
        }
        do {
            if viaReceipt {
                try context.office.answerReceipt(meetingId: meetingId, person: person, answer: .leave(reason: fields[0].text, substitute: value(1)))
            } else {
                try context.office.requestLeave(meetingId: meetingId, person: person, reason: fields[0].text, substitute: value(1),
                                                 override: value(2))
            }
            return .popAndReload
        } catch {
            return .failure(error)
        }
    }

    public func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: ScreenContext) {
        let rect = area.centered(height: 11, width: min(area.width - 2, 70))
        buffer.fill(rect)
        buffer.box(rect, title: title(context.lang), style: .accent)
        for (i, label) in LeaveRequestDialog.labels.prefix(fields.count).enumerated() {
            let row = rect.top + 1 + i * 3
            buffer.put(label.text(context.lang), row: row, column: rect.left + 2, style: i == focus ? .heading : .dim, maxWidth: rect.width - 4)
            fields[i].draw(into: &buffer, row: row + 1, column: rect.left + 2, width: rect.width - 4, focused: i == focus)
        }
    }
}
