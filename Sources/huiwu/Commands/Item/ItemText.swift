import MeetingKit
import MeetingStore

/// The plain-text form of an item for `huiwu item show` (and the one-line summaries of the
/// other item commands). The statement of an unresolved disagreement is printed near the top.
enum ItemText {
    static func show(_ d: ItemDossier, lang: Lang) -> String {
        let item = d.item
        let zh = lang == .zh
        func t(_ z: String, _ e: String) -> String { zh ? z : e }
        func dept(_ code: String) -> String { "\(d.departmentName(code))（\(code)）" }
        func who(_ login: String, _ recorder: String? = nil) -> String {
            var s = d.personName(login)
            if let recorder, recorder != login { s += t("（\(d.personName(recorder))代录）", " (recorded by \(d.personName(recorder)))") }
            return s
        }
        var lines: [String] = []
        lines.append("#\(item.id ?? 0) \(item.title)")
        lines.append(t("状态：", "State: ") + item.state.name.text(lang) + t("（第 \(item.version) 版）", " (version \(item.version))"))
        if let statement = item.statement {
            lines.append(t("⚠ 分歧说明（主办部门如实说明，R41、R45(3)）：", "⚠ Statement of disagreement (lead department, R41, R45(3)): ") + statement.text)
            if let proposal = statement.proposal { lines.append(t("  办理建议：", "  Proposal: ") + proposal) }
        } else if item.coordinationFailedAt != nil {
            lines.append(t("⚠ 分管副区长协调未果，待主办部门说明分歧并提出办理建议（R45(3)）", "⚠ coordination failed: the lead department's statement and proposal are awaited (R45(3))"))
        }
        lines.append(t("主办部门：", "Lead: ") + dept(item.leadCode))
        lines.append(t("相关部门：", "Related: ") + (item.relatedCodes.isEmpty ? t("无", "none") : item.relatedCodes.map(dept).joined(separator: t("、", ", "))))
        var flags: [String] = []
        if item.major { flags.append(t("重大事项", "major")) }
        if item.normative { flags.append(t("规范性文件", "normative document")) }
        if item.publicInterest { flags.append(t("涉及公共利益", "public interest")) }
        if item.market { flags.append(t("涉及市场主体", "market actors")) }
        if item.hearing { flags.append(t("举行听证（R19）", "hearing (R19)")) }
        if item.reportToCongress { flags.append(t("依法报告区人大常委会（R20）", "report to the People's Congress (R20)")) }
        if !flags.isEmpty { lines.append(t("属性：", "Flags: ") + flags.joined(separator: t("、", ", "))) }
        if let category = item.category { lines.append(t("常务会议任务：", "Executive task: ") + category.name.text(lang)) }
        if !item.summary.isEmpty { lines.append(t("摘要：", "Summary: ") + item.summary) }
        if let m = d.meeting {
            var text = "\(m.numberedTitle(lang)) \(m.start.day.iso) \(m.start.timeText)"
            if let slot = d.slot { text += t("，第 \(slot.position) 项，计划 \(slot.plannedMinutes) 分钟", ", item \(slot.position), \(slot.plannedMinutes) min planned") }
            lines.append(t("会议：", "Meeting: ") + text)
        }
        if let decision = item.decision { lines.append(t("决定：", "Decision: ") + decision) }
        if d.decisionWithheld { lines.append(t("决定：（见涉密纪要，不显示，R48）", "Decision: (in classified minutes, not shown, R48)")) }
        if let reason = item.withdrawalReason { lines.append(t("撤回理由：", "Withdrawn because: ") + reason) }
        for p in d.pending {
            var text = t("待办：", "Waiting: ") + p.kind.name.text(lang) + " — " + p.waitingOn.map { d.personName($0) }.joined(separator: t("、", ", "))
            if let due = p.due {
                text += t("，期限 \(due.iso)", ", due \(due.iso)") + (p.isOverdue(today: d.today) ? t("（已逾期，R46）", " (OVERDUE, R46)") : "")
            }
            lines.append(text)
        }
        if !item.relatedCodes.isEmpty {
            lines.append("")
            lines.append(t("部门意见：", "Opinions:"))
            for code in item.relatedCodes {
                if let o = item.opinion(of: code) {
                    lines.append("  \(dept(code))  \(o.stance.name.text(lang))  \(who(o.givenBy, o.recordedBy))  \(o.at.iso)" + (o.reason.map { "  " + $0 } ?? ""))
                } else {
                    lines.append("  \(dept(code))  " + t("待提出", "awaited"))
                }
            }
        }
        if !item.requiredPreconditions.isEmpty {
            lines.append("")
            lines.append(t("前置程序：", "Preconditions:"))
            for p in item.requiredPreconditions {
                if let c = item.confirmation(of: p) {
                    lines.append("  [x] \(p.name.text(lang))（\(p.article)）  \(who(c.confirmedBy, c.recordedBy))  \(c.at.iso)" + (c.note.map { "  " + $0 } ?? ""))
                } else {
                    lines.append("  [ ] \(p.name.text(lang))（\(p.article)）  " + t("未确认", "missing"))
                }
            }
        }
        lines.append("")
        lines.append(t("经过：", "Timeline:"))
        for e in d.timeline { lines.append("  " + timelineLine(e, d, lang: lang)) }
        return lines.map { TextSafety.inert($0) }.joined(separator: "\n")
    }

    /// One timeline entry: when, what, who, and the text that goes with it.
    static func timelineLine(_ e: AgendaTimelineEntry, _ d: ItemDossier, lang: Lang) -> String {
        let zh = lang == .zh
        var s = "\(e.at.day.iso) \(e.at.timeText)  \(e.kind.name.text(lang))"
        if let code = e.departmentCode { s += " \(code)" }
        if let p = e.precondition { s += " \(p.name.text(lang))" }
        if let outcome = e.outcome {
            switch outcome {
            case "agree": s += zh ? "：同意" : ": agree"
            case "disagree": s += zh ? "：不同意" : ": disagree"
            case "resolved": s += zh ? "：已达成一致" : ": resolved"
            case "unresolved": s += zh ? "：仍有分歧" : ": unresolved"
            default: s += " " + outcome
            }
        }
        if e.fromState != e.toState { s += "  → \(e.toState.name.text(lang))" }
        s += "  " + d.personName(e.actor)
        if let leader = e.onBehalfOf { s += zh ? " 代 \(d.personName(leader))" : " for \(d.personName(leader))" }
        if let text = e.text, !text.isEmpty { s += "  " + text }
        if let statement = e.statement { s += zh ? "  分歧说明：\(statement)" : "  statement: \(statement)" }
        return s
    }
}
