import MeetingKit
import MeetingStore
import TextLayout

extension ItemDetailScreen {
    /// The item laid out as styled lines of at most `width` columns, for scrolling.
    static func lines(_ d: ItemDossier, width: Int, lang: Lang, attachments: [AttachmentLine] = []) -> [StyledLine] {
        let item = d.item
        let zh = lang == .zh
        func t(_ z: String, _ e: String) -> String { zh ? z : e }
        func dept(_ code: String) -> String { "\(d.departmentName(code))（\(code)）" }
        func when(_ at: LocalDateTime) -> String { "\(at.day.iso.dropFirst(5)) \(at.timeText)" }
        var out: [StyledLine] = []
        func paragraph(_ label: String, _ text: String, _ style: Style = .normal) {
            let labelWidth = DisplayWidth.of(label)
            for (i, part) in AgendaDisplay.wrap(text, width: max(10, width - labelWidth)).enumerated() {
                var line = StyledLine(i == 0 ? label : String(repeating: " ", count: labelWidth), .dim)
                line.add(part, style)
                out.append(line)
            }
        }

        out.append(StyledLine("#\(item.id ?? 0) \(item.title)", .heading))
        var state = StyledLine(t("状态 ", "State "), .dim)
        state.add(item.state.name.text(lang), AgendaDisplay.style(for: item.state))
        var flags: [String] = []
        if item.major { flags.append(t("重大事项", "major")) }
        if item.normative { flags.append(t("规范性文件", "normative")) }
        if item.publicInterest { flags.append(t("涉及公共利益", "public interest")) }
        if item.market { flags.append(t("涉及市场主体", "market actors")) }
        if item.hearing { flags.append(t("举行听证", "hearing")) }
        if item.reportToCongress { flags.append(t("报告区人大常委会", "report to the People's Congress")) }
        if !flags.isEmpty { state.add("  [" + flags.joined(separator: t("、", ", ")) + "]", .accent) }
        out.append(state)
        if let statement = item.statement {
            let header = t("⚠ 分歧说明（主办部门如实说明，R41）", "⚠ Statement of disagreement (lead department, R41)")
            out.append(StyledLine(header, .warning))
            for part in AgendaDisplay.wrap(statement.text, width: width - 2) { out.append(StyledLine("  " + part, .warning)) }
            if let proposal = statement.proposal {
                for part in AgendaDisplay.wrap(t("办理建议：", "Proposal: ") + proposal, width: width - 2) { out.append(StyledLine("  " + part, .warning)) }
            }
        } else if item.coordinationFailedAt != nil {
            out.append(StyledLine(t("⚠ 协调未果：待主办部门说明分歧并提出办理建议（R45(3)）", "⚠ Coordination failed: the lead department's statement is awaited (R45(3))"), .warning))
        }
        let vm = d.org.supervisor(ofDepartment: item.leadCode)?.name ?? "-"
        paragraph(t("主办 ", "Lead "), dept(item.leadCode) + t("  分管副区长 ", "  supervised by ") + vm)
        paragraph(t("相关 ", "Related "), item.relatedCodes.isEmpty ? t("无", "none") : item.relatedCodes.map(dept).joined(separator: t("、", ", ")))
        if let category = item.category { paragraph(t("类别 ", "Task "), category.name.text(lang)) }
        if let m = d.meeting {
            var text = AgendaDisplay.meetingLine(m, lang: lang)
            if let slot = d.slot { text += t(" · 第 \(slot.position) 项 · \(slot.plannedMinutes) 分钟", " · item \(slot.position) · \(slot.plannedMinutes) min") }
            paragraph(t("会议 ", "Meeting "), text, .accent)
        }
        for p in d.pending {
            var line = StyledLine(t("待办 ", "Waiting "), .dim)
            line.add(p.kind.name.text(lang) + " — " + p.waitingOn.map { d.personName($0) }.joined(separator: t("、", ", ")))
            if let due = p.due {
                let overdue = p.isOverdue(today: d.today)
                line.add(t("  期限 ", "  due ") + due.iso + (overdue ? t("（已逾期）", " (OVERDUE)") : ""), overdue ? .error : .accent)
            }
            out.append(line)
        }
        if let decision = item.decision { paragraph(t("决定 ", "Decision "), decision, .ok) }
        if d.decisionWithheld { paragraph(t("决定 ", "Decision "), t("（见涉密纪要，不显示，R48）", "(in classified minutes, not shown, R48)"), .dim) }
        if let reason = item.withdrawalReason { paragraph(t("撤回 ", "Withdrawn "), reason) }
        if !item.summary.isEmpty { paragraph(t("摘要 ", "Summary "), item.summary) }

        if !item.relatedCodes.isEmpty {
            out.append(StyledLine())
            out.append(StyledLine(t("部门意见", "Opinions"), .heading))
            let deptWidth = min(22, item.relatedCodes.map { DisplayWidth.of(dept($0)) }.max() ?? 0)
            for code in item.relatedCodes {
                var line = StyledLine("  " + DisplayWidth.pad(dept(code), to: deptWidth) + "  ")
                if let o = item.opinion(of: code) {
                    line.add(DisplayWidth.pad(o.stance.name.text(lang), to: 8) + " ", o.stance == .agree ? .ok : .warning)  // "disagree" fills 8 columns: a space before the name
                    var who = d.personName(o.givenBy)
                    if o.recordedBy != o.givenBy { who += t("（\(d.personName(o.recordedBy))代录）", " (by \(d.personName(o.recordedBy)))") }
                    line.add(who + "  " + when(o.at))
                } else {
                    line.add(t("待提出", "awaited"), .dim)
                }
                out.append(line)
                // A disagreeing department's reasons in full, wrapped under its line (never cut).
                if let reason = item.opinion(of: code)?.reason, !reason.isEmpty {
                    let indent = 4 + deptWidth
                    for part in AgendaDisplay.wrap(t("理由：", "reasons: ") + reason, width: max(10, width - indent)) {
                        out.append(StyledLine(String(repeating: " ", count: indent) + part, .warning))
                    }
                }
            }
        }
        if !item.requiredPreconditions.isEmpty {
            out.append(StyledLine())
            out.append(StyledLine(t("前置程序（受理前须确认）", "Preconditions (before acceptance)"), .heading))
            for p in item.requiredPreconditions {
                if let c = item.confirmation(of: p) {
                    var line = StyledLine("  [x] ", .ok)
                    var who = d.personName(c.confirmedBy)
                    if c.recordedBy != c.confirmedBy { who += t("（\(d.personName(c.recordedBy))代录）", " (by \(d.personName(c.recordedBy)))") }
                    line.add(p.name.text(lang) + t("（\(p.article)）", " (\(p.article))") + "  \(who)  \(when(c.at))" + (c.note.map { "  " + $0 } ?? ""))
                    out.append(line)
                } else {
                    var line = StyledLine("  [ ] ", .warning)
                    line.add(p.name.text(lang) + t("（\(p.article)）", " (\(p.article))") + "  ", .normal)
                    line.add(t("未确认", "missing"), .warning)
                    out.append(line)
                }
            }
        }
        out += AttachmentDisplay.lines(attachments, width: width, lang: lang)
        out.append(StyledLine())
        out.append(StyledLine(t("经过", "Timeline"), .heading))
        for e in d.timeline {
            var text = "\(e.kind.name.text(lang))"
            if let code = e.departmentCode { text += " " + code }
            if let p = e.precondition { text += " " + p.name.text(lang) }
            switch e.outcome {
            case "agree": text += t("：同意", ": agree")
            case "disagree": text += t("：不同意", ": disagree")
            case "resolved": text += t("：已达成一致", ": resolved")
            case "unresolved": text += t("：仍有分歧", ": unresolved")
            default: break
            }
            if e.fromState != e.toState { text += " → " + e.toState.name.text(lang) }
            text += "  " + d.personName(e.actor)
            if let leader = e.onBehalfOf { text += t(" 代 ", " for ") + d.personName(leader) }
            if let note = e.text, !note.isEmpty { text += "  " + note }
            let prefix = "  " + when(e.at) + "  "
            for (i, part) in AgendaDisplay.wrap(text, width: max(10, width - DisplayWidth.of(prefix))).enumerated() {
                var line = StyledLine(i == 0 ? prefix : String(repeating: " ", count: DisplayWidth.of(prefix)), .dim)
                line.add(part)
                out.append(line)
            }
            if let statement = e.statement {
                for part in AgendaDisplay.wrap(t("分歧说明：", "statement: ") + statement, width: max(10, width - DisplayWidth.of(prefix))) {
                    out.append(StyledLine(String(repeating: " ", count: DisplayWidth.of(prefix)) + part, .warning))
                }
            }
        }
        return out
    }
}
