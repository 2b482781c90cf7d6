import MeetingKit
import MeetingStore
import TextLayout

extension ItemDetailScreen {
    /// The item laid out as styled lines of at most `width` columns, for scrolling.
    static func lines(_ d: ItemDossier, width: Int, lang: Lang, attachments: [AttachmentLine] = []) -> [StyledLine] {
        let item = d.item
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
        var state = StyledLine(Localized(zh: "状态 ", en: "State ").text(lang), .dim)
        state.add(item.state.name.text(lang), AgendaDisplay.style(for: item.state))
        var flags: [String] = []
        if item.major { flags.append(Localized(zh: "重大事项", en: "major").text(lang)) }
        if item.normative { flags.append(Localized(zh: "规范性文件", en: "normative").text(lang)) }
        if item.publicInterest { flags.append(Localized(zh: "涉及公共利益", en: "public interest").text(lang)) }
        if item.market { flags.append(Localized(zh: "涉及市场主体", en: "market actors").text(lang)) }
        if item.hearing { flags.append(Localized(zh: "举行听证", en: "hearing").text(lang)) }
        if item.reportToCongress { flags.append(Localized(zh: "报告区人大常委会", en: "report to the People's Congress").text(lang)) }
        if !flags.isEmpty { state.add("  [" + flags.joined(separator: Localized(zh: "、", en: ", ").text(lang)) + "]", .accent) }
        out.append(state)
        if let statement = item.statement {
            let header = Localized(zh: "⚠ 分歧说明（主办部门如实说明，R41）", en: "⚠ Statement of disagreement (lead department, R41)").text(lang)
            out.append(StyledLine(header, .warning))
            for part in AgendaDisplay.wrap(statement.text, width: width - 2) { out.append(StyledLine("  " + part, .warning)) }
            if let proposal = statement.proposal {
                for part in AgendaDisplay.wrap(Localized(zh: "办理建议：", en: "Proposal: ").text(lang) + proposal, width: width - 2) { out.append(StyledLine("  " + part, .warning)) }
            }
        } else if item.coordinationFailedAt != nil {
            out.append(StyledLine(Localized(zh: "⚠ 协调未果：待主办部门说明分歧并提出办理建议（R45(3)）", en: "⚠ Coordination failed: the lead department's statement is awaited (R45(3))").text(lang), .warning))
        }
        let vm = d.org.supervisor(ofDepartment: item.leadCode)?.name ?? "-"
        paragraph(Localized(zh: "主办 ", en: "Lead ").text(lang), dept(item.leadCode) + Localized(zh: "  分管副区长 ", en: "  supervised by ").text(lang) + vm)
        paragraph(Localized(zh: "相关 ", en: "Related ").text(lang), item.relatedCodes.isEmpty ? Localized(zh: "无", en: "none").text(lang) : item.relatedCodes.map(dept).joined(separator: Localized(zh: "、", en: ", ").text(lang)))
        if let category = item.category { paragraph(Localized(zh: "类别 ", en: "Task ").text(lang), category.name.text(lang)) }
        if let m = d.meeting {
            var text = AgendaDisplay.meetingLine(m, lang: lang)
            if let slot = d.slot { text += Localized(zh: " · 第 \(slot.position) 项 · \(slot.plannedMinutes) 分钟", en: " · item \(slot.position) · \(slot.plannedMinutes) min").text(lang) }
            paragraph(Localized(zh: "会议 ", en: "Meeting ").text(lang), text, .accent)
        }
        for p in d.pending {
            var line = StyledLine(Localized(zh: "待办 ", en: "Waiting ").text(lang), .dim)
            line.add(p.kind.name.text(lang) + " — " + p.waitingOn.map { d.personName($0) }.joined(separator: Localized(zh: "、", en: ", ").text(lang)))
            if let due = p.due {
                let overdue = p.isOverdue(today: d.today)
                line.add(Localized(zh: "  期限 ", en: "  due ").text(lang) + due.iso + (overdue ? Localized(zh: "（已逾期）", en: " (OVERDUE)").text(lang) : ""), overdue ? .error : .accent)
            }
            out.append(line)
        }
        if let decision = item.decision { paragraph(Localized(zh: "决定 ", en: "Decision ").text(lang), decision, .ok) }
        if d.decisionWithheld { paragraph(Localized(zh: "决定 ", en: "Decision ").text(lang), Localized(zh: "（见涉密纪要，不显示，R48）", en: "(in classified minutes, not shown, R48)").text(lang), .dim) }
        if let reason = item.withdrawalReason { paragraph(Localized(zh: "撤回 ", en: "Withdrawn ").text(lang), reason) }
        if !item.summary.isEmpty { paragraph(Localized(zh: "摘要 ", en: "Summary ").text(lang), item.summary) }

        if !item.relatedCodes.isEmpty {
            out.append(StyledLine())
            out.append(StyledLine(Localized(zh: "部门意见", en: "Opinions").text(lang), .heading))
            let deptWidth = min(22, item.relatedCodes.map { DisplayWidth.of(dept($0)) }.max() ?? 0)
            for code in item.relatedCodes {
                var line = StyledLine("  " + DisplayWidth.pad(dept(code), to: deptWidth) + "  ")
                if let o = item.opinion(of: code) {
                    line.add(DisplayWidth.pad(o.stance.name.text(lang), to: 8) + " ", o.stance == .agree ? .ok : .warning)  // "disagree" fills 8 columns: a space before the name
                    var who = d.personName(o.givenBy)
                    if o.recordedBy != o.givenBy { who += Localized(zh: "（\(d.personName(o.recordedBy))代录）", en: " (by \(d.personName(o.recordedBy)))").text(lang) }
                    line.add(who + "  " + when(o.at))
                } else {
                    line.add(Localized(zh: "待提出", en: "awaited").text(lang), .dim)
                }
                out.append(line)
                // A disagreeing department's reasons in full, wrapped under its line (never cut).
                if let reason = item.opinion(of: code)?.reason, !reason.isEmpty {
                    let indent = 4 + deptWidth
                    for part in AgendaDisplay.wrap(Localized(zh: "理由：", en: "reasons: ").text(lang) + reason, width: max(10, width - indent)) {
                        out.append(StyledLine(String(repeating: " ", count: indent) + part, .warning))
                    }
                }
            }
        }
        if !item.requiredPreconditions.isEmpty {
            out.append(StyledLine())
            out.append(StyledLine(Localized(zh: "前置程序（受理前须确认）", en: "Preconditions (before acceptance)").text(lang), .heading))
            for p in item.requiredPreconditions {
                if let c = item.confirmation(of: p) {
                    var line = StyledLine("  [x] ", .ok)
                    var who = d.personName(c.confirmedBy)
                    if c.recordedBy != c.confirmedBy { who += Localized(zh: "（\(d.personName(c.recordedBy))代录）", en: " (by \(d.personName(c.recordedBy)))").text(lang) }
                    line.add(p.name.text(lang) + Localized(zh: "（\(p.article)）", en: " (\(p.article))").text(lang) + "  \(who)  \(when(c.at))" + (c.note.map { "  " + $0 } ?? ""))
                    out.append(line)
                } else {
                    var line = StyledLine("  [ ] ", .warning)
                    line.add(p.name.text(lang) + Localized(zh: "（\(p.article)）", en: " (\(p.article))").text(lang) + "  ", .normal)
                    line.add(Localized(zh: "未确认", en: "missing").text(lang), .warning)
                    out.append(line)
                }
            }
        }
        out += AttachmentDisplay.lines(attachments, width: width, lang: lang)
        out.append(StyledLine())
        out.append(StyledLine(Localized(zh: "经过", en: "Timeline").text(lang), .heading))
        for e in d.timeline {
            var text = "\(e.kind.name.text(lang))"
            if let code = e.departmentCode { text += " " + code }
            if let p = e.precondition { text += " " + p.name.text(lang) }
            switch e.outcome {
            case "agree": text += Localized(zh: "：同意", en: ": agree").text(lang)
            case "disagree": text += Localized(zh: "：不同意", en: ": disagree").text(lang)
            case "resolved": text += Localized(zh: "：已达成一致", en: ": resolved").text(lang)
            case "unresolved": text += Localized(zh: "：仍有分歧", en: ": unresolved").text(lang)
            default: break
            }
            if e.fromState != e.toState { text += " → " + e.toState.name.text(lang) }
            text += "  " + d.personName(e.actor)
            if let leader = e.onBehalfOf { text += Localized(zh: " 代 ", en: " for ").text(lang) + d.personName(leader) }
            if let note = e.text, !note.isEmpty { text += "  " + note }
            let prefix = "  " + when(e.at) + "  "
            for (i, part) in AgendaDisplay.wrap(text, width: max(10, width - DisplayWidth.of(prefix))).enumerated() {
                var line = StyledLine(i == 0 ? prefix : String(repeating: " ", count: DisplayWidth.of(prefix)), .dim)
                line.add(part)
                out.append(line)
            }
            if let statement = e.statement {
                for part in AgendaDisplay.wrap(Localized(zh: "分歧说明：", en: "statement: ").text(lang) + statement, width: max(10, width - DisplayWidth.of(prefix))) {
                    out.append(StyledLine(String(repeating: " ", count: DisplayWidth.of(prefix)) + part, .warning))
                }
            }
        }
        return out
    }
}
