/// The checks of ``AgendaWorkflow``: input, order of steps, and the rules of R5, R16, R19, R39.
extension AgendaWorkflow {
    /// The states in which a step may be taken, described for refusals.
    static func orderRefusal(_ step: AgendaStep, item: AgendaItem) -> Refusal? {
        let ok: Bool
        let expected: Localized
        switch step {
        case .draft:
            return nil
        case .submit:
            ok = item.state == .draft
            expected = Localized(zh: "为草稿", en: "a draft")
        case .opinion:
            ok = item.state == .consulting
            expected = Localized(zh: "处于征求意见阶段", en: "out for opinions (consulting)")
        case .coordinate:
            ok = item.state == .disputed && item.statement == nil
            expected = Localized(zh: "有分歧且尚无分歧说明", en: "disputed, without a statement yet")
        case .state:
            ok = item.state == .disputed && item.coordinationFailedAt != nil && item.statement == nil
            expected = Localized(zh: "经分管副区长协调仍有分歧、尚无分歧说明", en: "disputed after a failed coordination, without a statement yet")
        case .confirm, .correctFlags:
            ok = [.draft, .consulting, .consensus, .disputed, .approved].contains(item.state)
            expected = Localized(zh: "尚未受理", en: "not yet accepted")
        case .approve:
            if item.state == .disputed && item.statement == nil {
                return Refusal(.conflict, code: "item.disputedNotCoordinated", article: "R41", Localized(
                    zh: "议题 \(item.label) 有分歧，须先由分管副区长协调；仍达不成一致的，主办部门如实说明分歧并提出办理建议后方可审核同意（R45(3)）",
                    en: "item \(item.label) is disputed: the supervising vice mayor must coordinate first; if no agreement is reached, it may be approved once the lead department has stated the disagreement with its proposal (R45(3))"))
            }
            ok = item.state == .consensus || item.state == .disputed
            expected = Localized(zh: "意见一致（或经协调并附分歧说明）", en: "at consensus (or coordinated with a statement of the disagreement)")
        case .accept:
            ok = item.state == .approved
            expected = Localized(zh: "先经分管副区长审核同意", en: "approved by the supervising vice mayor")
        case .schedule:
            ok = item.state == .accepted
            expected = Localized(zh: "先经办公室受理", en: "accepted by the office")
        case .decide, .deferItem, .unschedule, .followMeeting:
            ok = item.state == .scheduled
            expected = Localized(zh: "已安排上会", en: "on a meeting's agenda")
        case .withdraw:
            ok = !item.state.isFinal
            expected = Localized(zh: "尚未决定", en: "not yet decided")
        }
        if ok { return nil }
        return Refusal(.conflict, code: "item.outOfOrder", article: "R41", Localized(
            zh: "议题 \(item.label) 当前为“\(item.state.name.zh)”，不能\(step.verb.zh)：须\(expected.zh)",
            en: "item \(item.label) is \(item.state.name.en); cannot \(step.verb.en) it: it must be \(expected.en)"))
    }

    /// Input checks that do not depend on who acts: texts, departments, preconditions, minutes.
    static func validate(_ event: AgendaEvent, for item: AgendaItem) throws {
        switch event {
        case .submit, .approve, .accept:
            break
        case .state(let statement, let proposal):
            try InputLimits.check(reason: statement, field: Localized(zh: "分歧说明", en: "statement"))
            try InputLimits.check(reason: proposal, field: Localized(zh: "办理建议", en: "proposal for handling it"))
        case .correctFlags(let flags, let reason):
            try InputLimits.check(reason: reason, field: Localized(zh: "更正理由", en: "reason for the correction"))
            if flags == item.flags {
                throw Refusal.invalid("item.flagsUnchanged", "议题属性没有变化（\(flags.summary.zh)）", "the flags are unchanged (\(flags.summary.en))")
            }
        case .meetingCancelled, .meetingMoved:
            break
        case .opinion(let department, let stance, let reason):
            guard item.relatedCodes.contains(department) else {
                throw Refusal.invalid("item.notRelated", "\(department) 不是议题 \(item.label) 的相关部门（相关部门：\(list(item.relatedCodes))）",
                                      "\(department) is not a related department of item \(item.label) (related: \(list(item.relatedCodes)))")
            }
            if let given = item.opinion(of: department) {
                throw Refusal.conflict("item.opinionGiven", "\(department) 已于 \(given.at) 提出意见（\(given.stance.name.zh)）",
                                       "\(department) already gave its opinion at \(given.at) (\(given.stance.name.en))")
            }
            if stance == .disagree && (reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw Refusal.invalid("item.disagreeWithoutReason", "不同意须说明理由（R41、R45(3)）",
                                      "a disagreement must give its reasons (R41, R45(3))")
            }
            if let reason, !reason.isEmpty { try InputLimits.check(reason: reason) }
        case .coordinate(_, let note):
            if let note, !note.isEmpty { try InputLimits.check(reason: note, field: Localized(zh: "协调意见", en: "note")) }
        case .confirm(let precondition, let note):
            guard item.requiredPreconditions.contains(precondition) else {
                let required = item.requiredPreconditions
                throw Refusal.invalid("item.preconditionNotRequired",
                                      "议题 \(item.label) 不需要“\(precondition.name.zh)”（需要：\(required.isEmpty ? "无" : required.map(\.name.zh).joined(separator: "、"))）",
                                      "item \(item.label) does not need \(precondition.name.en) (it needs: \(required.isEmpty ? "none" : required.map(\.name.en).joined(separator: ", ")))")
            }
            if let done = item.confirmation(of: precondition) {
                throw Refusal.conflict("item.preconditionConfirmed", "“\(precondition.name.zh)”已由 \(done.confirmedBy) 于 \(done.at) 确认",
                                       "\(precondition.name.en) was already confirmed by \(done.confirmedBy) at \(done.at)")
            }
            if let note, !note.isEmpty { try InputLimits.check(reason: note, field: Localized(zh: "说明", en: "note")) }
        case .schedule(_, let minutes):
            guard plannedMinutesRange.contains(minutes) else {
                throw Refusal.invalid("agenda.badMinutes", "计划时长须在 \(plannedMinutesRange.lowerBound) 到 \(plannedMinutesRange.upperBound) 分钟之间",
                                      "planned minutes must be \(plannedMinutesRange.lowerBound) to \(plannedMinutesRange.upperBound)")
            }
        case .decide(let text, _):
            try InputLimits.check(decision: text)
        case .deferItem(let reason, _), .unschedule(let reason, _):
            if let reason, !reason.isEmpty { try InputLimits.check(reason: reason) }
        case .withdraw(let reason):
            try InputLimits.check(reason: reason, field: Localized(zh: "撤回理由", en: "reason for withdrawal"))
        }
    }

    /// R5, R39 and the meeting's own state, when placing an item on a meeting.
    static func checkMeetingTakes(_ item: AgendaItem, _ meeting: Meeting) throws {
        let title = Localized(zh: meeting.numberedTitle(.zh), en: meeting.numberedTitle(.en))
        if !meeting.status.isActive || meeting.status == .held {
            throw Refusal.conflict("agenda.meetingClosed", "\(title.zh)\(meeting.status.name.zh)，不能再安排议题",
                                   "\(title.en) is \(meeting.status.name.en); no items can be added")
        }
        if item.major && !meeting.kind.mayDecideMajorMatters {
            throw Refusal.rule("R5", "item.majorOnTopical",
                               "议题 \(item.label) 是重大事项，只能提交区政府全体会议或常务会议讨论决定，不能安排在\(title.zh)",
                               "item \(item.label) is a major matter, decided only at a plenary or executive meeting, not at \(title.en)")
        }
        if item.normative && meeting.kind != .executive {
            throw Refusal.rule("R39(4)", "item.normativeNotExecutive",
                               "议题 \(item.label) 是以区政府名义制发的规范性文件，须提交区政府常务会议讨论通过，不能安排在\(title.zh)",
                               "item \(item.label) is a normative document in the government's name, discussed at an executive meeting, not at \(title.en)")
        }
        if meeting.kind == .executive && item.category == nil {
            throw Refusal.rule("R39", "item.noExecutiveCategory",
                               "提交常务会议的议题须注明常务会议任务类别（一）至（六）（item add --category 1..6）",
                               "an item for an executive meeting must name its task category (1)-(6) (item add --category 1..6)")
        }
    }

    /// The outcome must be recorded for the meeting the item is on.
    static func checkOnMeeting(_ item: AgendaItem, _ meeting: Meeting) throws {
        guard meeting.id == item.meetingId else {
            throw Refusal.invalid("item.otherMeeting", "议题 \(item.label) 不在会议 \(meeting.id.map(String.init) ?? "?") 的议程上",
                                  "item \(item.label) is not on the agenda of meeting \(meeting.id.map(String.init) ?? "?")")
        }
    }

    /// An outcome is the meeting's collective decision (R5, R18): recorded only once the meeting was held.
    static func checkHeld(_ item: AgendaItem, _ meeting: Meeting) throws {
        guard meeting.status == .held else { throw RefusalCatalog.meetingNotHeld(item, meeting) }
    }

    /// Acceptance blocked: exactly the missing preconditions, with their articles (R16, R18, R19, R20, R47(1)).
    static func missingPreconditions(_ missing: [Precondition], item: AgendaItem) -> Refusal {
        var articles: [String] = []
        for p in missing where !articles.contains(p.article) { articles.append(p.article) }
        return Refusal(.rule, code: "item.preconditionsMissing", article: articles.joined(separator: ", "), Localized(
            zh: "议题 \(item.label) 尚缺前置程序，办公室不能受理：" + missing.map { "\($0.name.zh)（\($0.rawValue)）" }.joined(separator: "、"),
            en: "item \(item.label) lacks preconditions, so the office cannot accept it: " + missing.map { "\($0.name.en) (\($0.rawValue))" }.joined(separator: ", ")))
    }

    static func unknownDepartment(_ code: String) -> Refusal {
        RefusalCatalog.unknownDepartment(code)
    }

    private static func list(_ codes: [String]) -> String { codes.isEmpty ? "-" : codes.joined(separator: ", ") }
}
