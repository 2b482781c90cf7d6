import MeetingKit
import MeetingStore

/// The plain-text form of an item for `huiwu item show` (and the one-line summaries of the
/// other item commands). The statement of an unresolved disagreement is printed near the top.
enum ItemText {
    static func show(_ d: ItemDossier, lang: Lang) -> String {
        let item = d.item
        func dept(_ code: String) -> String { "\(d.departmentName(code))（\(code)）" }
        func who(_ login: String, _ recorder: String? = nil) -> String {
            var s = d.personName(login)
            if let recorder, recorder != login { s += Localized(zh: "（\(d.personName(recorder))代录）", en: " (recorded by \(d.personName(recorder)))").text(lang) }
            return s
        }
        var lines: [String] = []
        lines.append("#\(item.id ?? 0) \(item.title)")
        lines.append(Localized(zh: "状态：", en: "State: ").text(lang) + item.state.name.text(lang) + Localized(zh: "（第 \(item.version) 版）", en: " (version \(item.version))").text(lang))
        if let statement = item.statement {
            lines.append(Localized(zh: "⚠ 分歧说明（主办部门如实说明，R41、R45(3)）：", en: "⚠ Statement of disagreement (lead department, R41, R45(3)): ").text(lang) + statement.text)
            if let proposal = statement.proposal { lines.append(Localized(zh: "  办理建议：", en: "  Proposal: ").text(lang) + proposal) }
        } else if item.coordinationFailedAt != nil {
            lines.append(Localized(zh: "⚠ 分管副区长协调未果，待主办部门说明分歧并提出办理建议（R45(3)）", en: "⚠ coordination failed: the lead department's statement and proposal are awaited (R45(3))").text(lang))
        }
        lines.append(Localized(zh: "主办部门：", en: "Lead: ").text(lang) + dept(item.leadCode))
        lines.append(Localized(zh: "相关部门：", en: "Related: ").text(lang) + (item.relatedCodes.isEmpty ? Localized(zh: "无", en: "none").text(lang) : item.relatedCodes.map(dept).joined(separator: Localized(zh: "、", en: ", ").text(lang))))
        var flags: [String] = []
        if item.major { flags.append(Localized(zh: "重大事项", en: "major").text(lang)) }
        if item.normative { flags.append(Localized(zh: "规范性文件", en: "normative document").text(lang)) }
        if item.publicInterest { flags.append(Localized(zh: "涉及公共利益", en: "public interest").text(lang)) }
        if item.market { flags.append(Localized(zh: "涉及市场主体", en: "market actors").text(lang)) }
        if item.hearing { flags.append(Localized(zh: "举行听证（R19）", en: "hearing (R19)").text(lang)) }
        if item.reportToCongress { flags.append(Localized(zh: "依法报告区人大常委会（R20）", en: "report to the People's Congress (R20)").text(lang)) }
        if !flags.isEmpty { lines.append(Localized(zh: "属性：", en: "Flags: ").text(lang) + flags.joined(separator: Localized(zh: "、", en: ", ").text(lang))) }
        if let category = item.category { lines.append(Localized(zh: "常务会议任务：", en: "Executive task: ").text(lang) + category.name.text(lang)) }
        if !item.summary.isEmpty { lines.append(Localized(zh: "摘要：", en: "Summary: ").text(lang) + item.summary) }
        if let m = d.meeting {
            var text = "\(m.numberedTitle(lang)) \(m.start.day.iso) \(m.start.timeText)"
            if let slot = d.slot { text += Localized(zh: "，第 \(slot.position) 项，计划 \(slot.plannedMinutes) 分钟", en: ", item \(slot.position), \(slot.plannedMinutes) min planned").text(lang) }
            lines.append(Localized(zh: "会议：", en: "Meeting: ").text(lang) + text)
        }
        if let decision = item.decision { lines.append(Localized(zh: "决定：", en: "Decision: ").text(lang) + decision) }
        if d.decisionWithheld { lines.append(Localized(zh: "决定：（见涉密纪要，不显示，R48）", en: "Decision: (in classified minutes, not shown, R48)").text(lang)) }
        if let reason = item.withdrawalReason { lines.append(Localized(zh: "撤回理由：", en: "Withdrawn because: ").text(lang) + reason) }
        for p in d.pending {
            var text = Localized(zh: "待办：", en: "Waiting: ").text(lang) + p.kind.name.text(lang) + " — " + p.waitingOn.map { d.personName($0) }.joined(separator: Localized(zh: "、", en: ", ").text(lang))
            if let due = p.due {
                text += Localized(zh: "，期限 \(due.iso)", en: ", due \(due.iso)").text(lang) + (p.isOverdue(today: d.today) ? Localized(zh: "（已逾期，R46）", en: " (OVERDUE, R46)").text(lang) : "")
            }
            lines.append(text)
        }
        if !item.relatedCodes.isEmpty {
            lines.append("")
            lines.append(Localized(zh: "部门意见：", en: "Opinions:").text(lang))
            for code in item.relatedCodes {
                if let o = item.opinion(of: code) {
                    lines.append("  \(dept(code))  \(o.stance.name.text(lang))  \(who(o.givenBy, o.recordedBy))  \(o.at.iso)" + (o.reason.map { "  " + $0 } ?? ""))
                } else {
                    lines.append("  \(dept(code))  " + Localized(zh: "待提出", en: "awaited").text(lang))
                }
            }
        }
        if !item.requiredPreconditions.isEmpty {
            lines.append("")
            lines.append(Localized(zh: "前置程序：", en: "Preconditions:").text(lang))
            for p in item.requiredPreconditions {
                if let c = item.confirmation(of: p) {
                    lines.append("  [x] \(p.name.text(lang))（\(p.article)）  \(who(c.confirmedBy, c.recordedBy))  \(c.at.iso)" + (c.note.map { "  " + $0 } ?? ""))
                } else {
                    lines.append("  [ ] \(p.name.text(lang))（\(p.article)）  " + Localized(zh: "未确认", en: "missing").text(lang))
                }
            }
        }
        lines.append("")
        lines.append(Localized(zh: "经过：", en: "Timeline:").text(lang))
        for e in d.timeline { lines.append("  " + timelineLine(e, d, lang: lang)) }
        return lines.map { TextSafety.inert($0) }.joined(separator: "\n")
    }

    /// One timeline entry: when, what, who, and the text that goes with it.
    static func timelineLine(_ e: AgendaTimelineEntry, _ d: ItemDossier, lang: Lang) -> String {
        var s = "\(e.at.day.iso) \(e.at.timeText)  \(e.kind.name.text(lang))"
        if let code = e.departmentCode { s += " \(code)" }
        if let p = e.precondition { s += " \(p.name.text(lang))" }
        if let outcome = e.outcome {
            switch outcome {
            case "agree": s += Localized(zh: "：同意", en: ": agree").text(lang)
            case "disagree": s += Localized(zh: "：不同意", en: ": disagree").text(lang)
            case "resolved": s += Localized(zh: "：已达成一致", en: ": resolved").text(lang)
            case "unresolved": s += Localized(zh: "：仍有分歧", en: ": unresolved").text(lang)
            default: s += " " + outcome
            }
        }
        if e.fromState != e.toState { s += "  → \(e.toState.name.text(lang))" }
        s += "  " + d.personName(e.actor)
        if let leader = e.onBehalfOf { s += Localized(zh: " 代 \(d.personName(leader))", en: " for \(d.personName(leader))").text(lang) }
        if let text = e.text, !text.isEmpty { s += "  " + text }
        if let statement = e.statement { s += Localized(zh: "  分歧说明：\(statement)", en: "  statement: \(statement)").text(lang) }
        return s
    }
}
