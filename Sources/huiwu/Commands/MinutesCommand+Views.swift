import MeetingFormats
import MeetingKit
import MeetingStore

extension MinutesCommand {
    /// `minutes show`: everything about one document (the body is null when withheld, R48).
    /// Every key is written, absent values as null (`AlwaysWritten`), so scripts can rely on the shape.
    struct DetailView: Encodable {
        struct Step: Encodable {
            var login: String
            var name: String
            var task: String
            var status: MinutesChainStep.Status
        }

        struct Event: Encodable {
            var at: LocalDateTime
            var actor: String
            var recordedBy: String?
            var action: String
            var state: MinutesState
            var note: String?
        }

        var id: Int64
        var meetingId: Int64
        var meetingTitle: String
        var title: String
        var state: MinutesState
        var route: MinutesRoute
        var drafter: String
        @AlwaysWritten var leadDepartment: String?
        @AlwaysWritten var waitingOn: String?
        var chain: [Step]
        @AlwaysWritten var disclosure: Disclosure?
        @AlwaysWritten var disclosureReason: String?
        var classification: Classification
        @AlwaysWritten var number: String?
        @AlwaysWritten var signedAt: LocalDateTime?
        @AlwaysWritten var signedBy: String?
        @AlwaysWritten var sha256: String?
        @AlwaysWritten var hashVerified: Bool?
        @AlwaysWritten var correctionOf: Int64?
        @AlwaysWritten var correctedBy: Int64?
        @AlwaysWritten var due: Day?
        @AlwaysWritten var waitingDays: Int?
        var overdue: Bool
        @AlwaysWritten var returnDue: Day?
        /// When the office sent the signed minutes back to the units (R46(2)).
        @AlwaysWritten var dispatchedAt: LocalDateTime?
        /// The due day is an estimate: a year without holiday data (R46).
        @AlwaysWritten var dueWarning: String?
        var declassifications: [MinutesDeclassification]
        @AlwaysWritten var nextNumber: String?
        @AlwaysWritten var returnReason: String?
        var bodyWithheld: Bool
        @AlwaysWritten var body: String?
        var timeline: [Event]
        var followUps: [FollowUpCommand.View]
        /// The version to state with `--expect-version` (optimistic locking).
        var version: Int

        init(_ d: MinutesDetail, lang: Lang) {
            let m = d.minutes
            id = m.id!
            meetingId = m.meetingId
            meetingTitle = d.meeting.numberedTitle(lang)
            title = m.title
            state = m.state
            route = m.route
            drafter = m.drafterLogin
            leadDepartment = m.leadDepartmentCode
            waitingOn = m.waitingOn
            chain = d.steps.map { Step(login: $0.login, name: $0.name, task: $0.task.text(lang), status: $0.status) }
            disclosure = m.disclosure
            disclosureReason = m.disclosureReason
            classification = m.classification
            number = m.number?.text(.zh)
            signedAt = m.signedAt
            signedBy = m.signedBy
            sha256 = m.sha256
            hashVerified = d.hashVerified
            correctionOf = m.correctionOf
            correctedBy = d.correctedBy
            due = d.due
            waitingDays = d.waitingDays
            overdue = d.isOverdue
            returnDue = d.returnDue
            dispatchedAt = d.dispatch?.sentAt
            dueWarning = d.dueWarning?.text(lang)
            declassifications = d.declassifications
            nextNumber = d.nextNumber?.text(.zh)
            returnReason = m.returnReason
            bodyWithheld = !d.bodyVisible
            body = d.bodyVisible ? m.body : nil
            timeline = d.history.map { Event(at: $0.at, actor: $0.actorLogin, recordedBy: $0.recordedBy, action: $0.action, state: $0.state, note: $0.note) }
            followUps = d.followUps.map { FollowUpCommand.View($0) }
            version = m.version
        }
    }

    /// `minutes list`: one line per document.
    struct LineView: Encodable {
        var id: Int64
        var meetingId: Int64
        var title: String
        var state: MinutesState
        var waitingOn: String?
        var number: String?
        var disclosure: Disclosure?
        var classification: Classification
        var signedAt: LocalDateTime?
        var correctionOf: Int64?

        init(_ m: Minutes) {
            id = m.id!
            meetingId = m.meetingId
            title = m.title
            state = m.state
            waitingOn = m.waitingOn
            number = m.number?.text(.zh)
            disclosure = m.disclosure
            classification = m.classification
            signedAt = m.signedAt
            correctionOf = m.correctionOf
        }
    }

    /// `minutes queue`: a document waiting on someone, with its R46 deadline.
    struct QueueView: Encodable {
        var id: Int64
        var title: String
        var meetingTitle: String
        var state: MinutesState
        var waitingOn: String?
        var since: LocalDateTime
        var waitingDays: Int
        var due: Day
        var overdue: Bool
        var nextNumber: String?
        var classification: Classification

        init(_ e: MinutesQueueEntry) {
            id = e.minutes.id!
            title = e.minutes.title
            meetingTitle = e.meetingTitle
            state = e.minutes.state
            waitingOn = e.minutes.waitingOn
            since = e.since
            waitingDays = e.waitingDays
            due = e.due
            overdue = e.isOverdue
            nextNumber = e.nextNumber?.text(.zh)
            classification = e.minutes.classification
        }
    }

    /// The text of `minutes show` for people.
    static func text(_ d: MinutesDetail, _ context: CommandContext) -> String {
        let lang = context.lang
        let m = d.minutes
        var lines: [String] = []
        lines.append("#\(m.id!) \(m.title)" + (m.number.map { "  \($0.text(lang))" } ?? ""))
        lines.append(label(Localized(zh: "会议", en: "meeting"), lang) + "#\(m.meetingId) " + d.meeting.numberedTitle(lang))
        lines.append(label(Localized(zh: "状态", en: "state"), lang) + m.state.name.text(lang)
                     + (m.waitingOn.map { Localized(zh: "，待 \(d.name($0))", en: ", waiting on \(d.name($0))").text(lang) } ?? "")
                     + (Localized(zh: "（第 \(m.version) 版）", en: " (version \(m.version))").text(lang)))
        lines.append(label(Localized(zh: "流程", en: "chain"), lang) + progressLine(d.steps, lang))
        if let due = d.due {
            var text = label(Localized(zh: "期限", en: "due"), lang) + due.iso + (Localized(zh: "（已等 \(d.waitingDays ?? 0) 个工作日，R46：5 个工作日）", en: " (waited \(d.waitingDays ?? 0) working days; R46: 5)").text(lang))
            if d.isOverdue { text += Localized(zh: " 已逾期", en: " OVERDUE").text(lang) }
            lines.append(text)
        }
        if let warning = d.dueWarning { lines.append("≈ " + warning.text(lang)) }
        if let reason = m.returnReason, m.state == .returned { lines.append(label(Localized(zh: "退回理由", en: "returned because"), lang) + reason) }
        lines.append(label(Localized(zh: "公开属性", en: "disclosure"), lang) + (m.disclosure.map { $0.name.text(lang) } ?? (Localized(zh: "未设置（R22）", en: "not set (R22)").text(lang)))
                     + (m.disclosureReason.map { Localized(zh: "，理由：\($0)", en: ", reason: \($0)").text(lang) } ?? ""))
        lines.append(label(Localized(zh: "密级", en: "classification"), lang) + m.classification.name.text(lang))
        if let signedAt = m.signedAt {
            lines.append(label(Localized(zh: "签发", en: "signed"), lang) + "\(d.name(m.signedBy)) \(signedAt.iso)"
                         + (d.returnDue.map { Localized(zh: "，应于 \($0.iso) 前反馈至有关单位（R46）", en: ", back to the units by \($0.iso) (R46)").text(lang) } ?? ""))
            lines.append("SHA-256 " + (m.sha256 ?? "") + (d.hashVerified == true ? (Localized(zh: "（校验一致）", en: " (verified)").text(lang))
                                                           : (Localized(zh: "（校验不一致！）", en: " (MISMATCH!)").text(lang))))
            lines.append(label(Localized(zh: "转办", en: "sent back"), lang) + (d.dispatch.map { "\(d.name($0.sentBy)) \($0.sentAt.iso)" }
                ?? (Localized(zh: "尚未转办（huiwu minutes dispatch）", en: "not yet (huiwu minutes dispatch)").text(lang))))
        }
        for x in d.declassifications {
            lines.append(label(Localized(zh: "解密", en: "declassified"), lang) + "\(x.fromClassification.name.text(lang)) → \(x.toClassification.name.text(lang)) "
                         + "\(d.name(x.by)) \(x.at.iso)：\(x.reason)")
        }
        if let next = d.nextNumber { lines.append(label(Localized(zh: "签发后编号", en: "number on signing"), lang) + next.text(lang)) }
        if let c = m.correctionOf { lines.append(label(Localized(zh: "更正", en: "corrects"), lang) + "#\(c)") }
        if let c = d.correctedBy { lines.append(label(Localized(zh: "已被更正", en: "corrected by"), lang) + "#\(c)") }
        lines.append("")
        if d.bodyVisible {
            lines.append(m.body)
        } else {
            lines.append(d.withheld?.text(lang) ?? "")
        }
        lines.append("")
        lines.append(Localized(zh: "办理过程：", en: "Timeline:").text(lang))
        for e in d.history {
            var text = "  \(e.at.iso) \(d.name(e.actorLogin))"
            if let r = e.recordedBy { text += Localized(zh: "（\(d.name(r)) 代录）", en: " (recorded by \(d.name(r)))").text(lang) }
            text += " " + e.actionName.text(lang)
            if let note = e.note { text += Localized(zh: "：\(note)", en: ": \(note)").text(lang) }
            lines.append(text)
        }
        if !d.followUps.isEmpty {
            lines.append(Localized(zh: "督办事项：", en: "Follow-ups:").text(lang))
            for f in d.followUps { lines.append("  " + FollowUpCommand.line(f, lang)) }
        }
        return TextSafety.inert(lines.joined(separator: "\n"), allowNewlines: true)
    }

    /// 起草 李静 ✓ → 区长签发 周立新 ●
    static func progressLine(_ steps: [MinutesChainStep], _ lang: Lang) -> String {
        steps.map { s in
            let mark = s.status == .done ? "✓" : (s.status == .current ? "●" : "○")
            return "\(s.task.text(lang)) \(s.name) \(mark)"
        }.joined(separator: " → ")
    }

    static func label(_ text: Localized, _ lang: Lang) -> String { Localized(zh: text.zh + "：", en: text.en + ": ").text(lang) }
}
