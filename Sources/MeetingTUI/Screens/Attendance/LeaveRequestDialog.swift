import Foundation
import MeetingKit
import MeetingService
import MeetingStore

/// Asks leave for a meeting (R42): for oneself by default; office staff may pick anyone of
/// the roster (recording a leader's request). The reason, a substitute chosen from the org
/// chart, and, after the meeting has started, the approver's reason for accepting it late.
/// Through a notice's receipt (`viaReceipt`) the request also answers the receipt. The
/// status line says whom it now waits for.
public struct LeaveRequestDialog: Screen {
    public enum Action { case form(Form.Action) }

    let meetingId: Int64
    var meetingTitle: String
    /// The person asked for when opened (nil: oneself).
    let person: String?
    let viaReceipt: Bool
    var form: Form?
    var roster: Roster?
    var names: [String: String] = [:]
    var loadError: Localized?
    var started = false

    /// Leave for `person` (nil: the acting person) through the receipts or directly.
    public init(meetingId: Int64, meetingTitle: String = "", person: String? = nil, viaReceipt: Bool = false) {
        self.meetingId = meetingId
        self.meetingTitle = meetingTitle
        self.person = person
        self.viaReceipt = viaReceipt
    }

    public func title(_ lang: Lang) -> String {
        (viaReceipt ? (Localized(zh: "回执请假", en: "Leave through the receipt").text(lang)) : (Localized(zh: "请假", en: "Ask for leave").text(lang)))
            + (meetingTitle.isEmpty ? "" : " · " + meetingTitle)
    }

    public var isModal: Bool { true }
    public var hasUnsavedInput: Bool { form?.hasUnsavedInput ?? false }

    public func keymap(_ context: ScreenContext) -> Keymap<Action> {
        .formScreen(form, Action.form)
    }

    public mutating func reload(_ context: ScreenContext) {
        guard form == nil else { return }  // a refresh must not wipe what is being typed
        do {
            let roster = try context.office.roster(meetingId: meetingId)
            let org = try context.office.orgChart()
            self.roster = roster
            meetingTitle = roster.title.text(context.lang)
            started = context.office.clock.now >= roster.start
            names = Dictionary(uniqueKeysWithValues: org.people.map { ($0.key, $0.value.name) })
            let me = context.me
            let attendees = roster.lines.filter { $0.person != nil }
            let wanted = person ?? me
            let office = AccessPolicy.isOfficeStaff(context.office.actor.person)
            guard office || attendees.contains(where: { $0.person == wanted }) else {
                loadError = Localized(zh: "您不在\(meetingTitle)的名单上，无需请假", en: "you are not on the roster of \(meetingTitle): no leave to ask")
                return
            }
            let people = attendees.map { line -> Picker.Option in
                var option = Picker.Option(id: line.person!, text: line.name,
                                           detail: (line.departmentName ?? line.role?.title.text(context.lang) ?? "") + " · " + line.participation.name.text(context.lang),
                                           keywords: [line.person!] + (PinyinInitials.of(line.person!).map { [$0] } ?? []))
                if line.person == me { option.detail += Localized(zh: " · 本人", en: " · you").text(context.lang) }
                return option
            }
            let substitutes = org.people.values.filter { !$0.isRetired }.sorted { $0.login < $1.login }
                .map { Picker.Option.person($0, unitIn: org, context.lang) }
            var fields: [Form.Field] = [
                .note(Localized(zh: "会议：\(roster.title.zh) \(roster.start.day.iso) \(roster.start.timeText)",
                                en: "Meeting: \(roster.title.en) \(roster.start.day.iso) \(roster.start.timeText)")),
                .pick(label: Localized(zh: "请假人（可为领导代录）", en: "Who (office staff may record a leader's request)"), options: people,
                      chosen: attendees.contains(where: { $0.person == wanted }) ? [wanted] : [], many: false, optional: false),
                .text(label: Localized(zh: "事由", en: "Reason"), field: TextField("", limit: InputLimits.reason)),
                .pick(label: Localized(zh: "代会人员（可不填）", en: "Substitute (optional)"), options: substitutes, chosen: [], many: false, optional: true),
            ]
            if started && !viaReceipt {
                fields.append(.text(label: Localized(zh: "逾期受理理由（审批人填写，会议已开始，R42）", en: "Why it is accepted late (the approver; the meeting has started, R42)"),
                                    field: TextField("", limit: InputLimits.reason)))
            }
            form = Form(title: Localized(zh: viaReceipt ? "回执请假" : "请假申请（R42）", en: viaReceipt ? "Leave through the receipt" : "Leave request (R42)"),
                        fields: fields)
            if !office, var f = form { _ = f.perform(.next); form = f }  // the person is fixed: start at the reason
            loadError = nil
        } catch {
            loadError = .describing(error)
        }
    }

    public mutating func perform(_ action: Action, _ context: ScreenContext) -> Effect {
        guard case .form(let formAction) = action else { return .none }
        guard form != nil else { return .pop }
        if let open = form.submitted(by: formAction) { return submit(open, context) }
        return form == nil ? .pop : .none  // cancelled: the dialog closes
    }

    public mutating func input(_ key: Key, _ context: ScreenContext) -> Effect {
        form?.input(key)
        return .none
    }

    func submit(_ form: Form, _ context: ScreenContext) -> Effect {
        guard let who = form.chosen(1).first else {
            return .status(Localized(zh: "请选择请假人", en: "choose who asks for leave"), .error)
        }
        let reason = form.text(2) ?? "", substitute = form.chosen(3).first
        let late = form.fields.count > 4 ? form.text(4) : nil
        let id = meetingId, viaReceipt = self.viaReceipt, names = self.names
        let name = names[who] ?? who
        return .call(viaReceipt ? "answerReceipt" : "requestLeave", on: LeaveRequestDialog.self, { office -> String in
            if viaReceipt {
                _ = try office.answerReceipt(meetingId: id, person: who, answer: .leave(reason: reason, substitute: substitute))
                return ""
            }
            return try office.requestLeave(meetingId: id, person: who, reason: reason, substitute: substitute, override: late).approverLogin
        }, then: { screen, result, _ in
            switch result {
            case .success(let approver):
                let to = names[approver] ?? approver
                let text = approver.isEmpty
                    ? Localized(zh: "已回执请假：\(name)", en: "leave asked through the receipt: \(name)")
                    : Localized(zh: "已提交 \(name) 的请假，待 \(to) 批准（R42）", en: "\(name)'s leave request is filed; it waits for \(to) (R42)")
                return .batch([.popAndReload, .status(text, .ok)])
            case .failure(let error):
                screen.form?.error = .describing(error)
                return .none
            }
        })
    }

    public func draw(into buffer: inout ScreenBuffer, area: Rect, _ context: ScreenContext) {
        if let loadError {
            buffer.put(loadError.text(context.lang), row: area.top + 1, column: 2, style: .error, maxWidth: area.width - 4)
            buffer.put(Localized(zh: "Esc 返回", en: "Esc goes back").text(context.lang), row: area.top + 3, column: 2, style: .dim)
            return
        }
        form?.draw(into: &buffer, area: area, lang: context.lang)
    }
}
