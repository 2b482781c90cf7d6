import GRDB
import MeetingKit

/// Agenda items along the real path of `AgendaWorkflow`: drafted → submitted → each related
/// department's opinion → consensus, or disputed and coordinated by the supervising vice mayor
/// (with the lead department's statement when unresolved) → preconditions confirmed →
/// approved → accepted → scheduled → decided, deferred or withdrawn (R41, R45(3), R16, R19).
extension SyntheticWriter {
    /// How far an item got.
    enum Outcome {
        /// Stopped before the meeting, at this state (a planned meeting's pipeline).
        case waiting(AgendaState)
        case scheduled, decided, deferred, withdrawnOnAgenda
        /// Withdrawn by the lead department before it was placed on a meeting.
        case withdrawnEarly(AgendaState)
    }

    /// One timeline entry before its time is known.
    struct Step {
        var kind: AgendaTimelineEntry.Kind
        var actor: String
        var onBehalfOf: String?
        var from: AgendaState?
        var to: AgendaState
        var department: String?
        var precondition: Precondition?
        var meetingId: Int64?
        var text: String?
        var statement: String?
        var outcome: String?
        /// Taken at the meeting itself (the outcome), not before it.
        var atMeeting = false
    }

    func outcome(for meeting: Meeting) -> Outcome {
        let r = rng.below(100)
        if meeting.status == .held {
            let recent = now.day.dayNumber - meeting.start.day.dayNumber <= 30
            if r < 4 { return .withdrawnEarly([.consulting, .consensus, .approved][rng.below(3)]) }
            if r < 9 { return .withdrawnOnAgenda }
            if r < 12 && recent { return .deferred }
            return .decided
        }
        // Items for meetings in the next six weeks are still moving through the pipeline.
        if meeting.start.day.dayNumber - now.day.dayNumber <= 42 && r < 20 {
            return .waiting([.draft, .consulting, .consensus, .disputed, .approved, .accepted][rng.below(6)])
        }
        return .scheduled
    }

    /// Writes one item for `meeting`; returns its agenda line when it is on the meeting's agenda.
    func writeItem(meeting: Meeting, position: Int) throws -> AgendaLine? {
        guard counts.items < itemLimit else { return nil }
        let lead = rng.pick(leads)
        let leadHead = lead.headLogin!
        let vm = lead.supervisorLogin!
        let kind = meeting.kind
        let major = kind != .topical && rng.below(5) == 0
        let normative = rng.below(15) == 0
        let publicInterest = rng.below(3) == 0
        let market = rng.below(8) == 0
        let category = kind == .executive ? 1 + rng.below(6) : nil
        let title = rng.pick(SyntheticTexts.itemTitles)
        var related: [Department] = []
        for _ in 0..<rng.below(3) {
            let d = rng.pick(withHeads)
            if d.code != lead.code && !related.contains(where: { $0.code == d.code }) { related.append(d) }
        }
        let creator = rng.below(5) == 0 ? secretary : leadHead
        let plan = outcome(for: meeting)
        var stopAt: AgendaState?
        switch plan {
        case .waiting(let s), .withdrawnEarly(let s): stopAt = s
        default: stopAt = nil
        }
        // Without related departments a submitted item goes straight to consensus.
        if related.isEmpty, stopAt == .consulting || stopAt == .disputed { stopAt = .consensus }

        // The steps, in the workflow's order.
        var steps: [Step] = [Step(kind: .drafted, actor: creator, from: nil, to: .draft)]
        var state = AgendaState.draft
        var statement: (text: String, by: String, index: Int)?
        var coordinationFailed: Int?
        var opinions: [(code: String, stance: String, reason: String?, givenBy: String, recordedBy: String, index: Int)] = []
        var confirmations: [(Precondition, String, String, Int)] = []
        func reached(_ s: AgendaState) -> Bool { stopAt == s }
        build: do {
            if reached(.draft) { break build }
            let next: AgendaState = related.isEmpty ? .consensus : .consulting
            // Office staff type items in; the head signs them off, recorded on his behalf (R45(2)).
            steps.append(Step(kind: .submitted, actor: creator, onBehalfOf: creator == leadHead ? nil : leadHead, from: state, to: next))
            state = next
            if state == .consulting {
                // A pipeline item still consulting has heard from all but its last department.
                let giving = reached(.consulting) ? related.dropLast() : related[...]
                var disagreed = false
                for (i, d) in giving.enumerated() {
                    let forced = reached(.disputed) && i == related.count - 1 && !disagreed
                    let agree = (rng.below(6) != 0 || reached(.consensus)) && !forced
                    disagreed = disagreed || !agree
                    let reason = agree ? nil : rng.pick(SyntheticTexts.disagreements)
                    let head = d.headLogin!
                    let recorder = rng.below(5) == 0 ? secretary : head
                    let last = !reached(.consulting) && i == related.count - 1
                    let to: AgendaState = last ? (disagreed ? .disputed : .consensus) : .consulting
                    opinions.append((d.code, agree ? "agree" : "disagree", reason, head, recorder, steps.count))
                    steps.append(Step(kind: .opinionGiven, actor: recorder, onBehalfOf: recorder == head ? nil : head, from: state, to: to,
                                      department: d.code, text: reason, outcome: agree ? "agree" : "disagree"))
                    state = to
                }
                if reached(.consulting) { break build }
            }
            if reached(.consensus) && state == .consensus { break build }
            if state == .disputed {
                if reached(.disputed) { break build }
                if rng.below(5) < 3 {
                    steps.append(Step(kind: .coordinated, actor: vm, from: .disputed, to: .consensus,
                                      text: SyntheticTexts.coordinationNotes[0], outcome: "resolved"))
                    state = .consensus
                } else {
                    // The vice mayor records that coordination failed; the lead department states the disagreement (R45(3)).
                    coordinationFailed = steps.count
                    steps.append(Step(kind: .coordinated, actor: vm, from: .disputed, to: .disputed,
                                      text: SyntheticTexts.coordinationNotes[1], outcome: "unresolved"))
                    let text = rng.pick(SyntheticTexts.statements)
                    let recorder = rng.below(4) == 0 ? secretary : leadHead
                    statement = (text, recorder, steps.count)
                    steps.append(Step(kind: .statementGiven, actor: recorder, onBehalfOf: recorder == leadHead ? nil : leadHead,
                                      from: .disputed, to: .disputed, text: SyntheticTexts.statementProposal, statement: text))
                }
            }
            if reached(.consensus) || reached(.disputed) { break build }
            for p in Precondition.required(for: ItemFlags(major: major, normative: normative, publicInterest: publicInterest, market: market)) {
                let principal = p == .legalOfficeReview ? org.head(of: Precondition.legalOfficeCode)?.login ?? officeDirector : leadHead
                let recorder = rng.below(4) == 0 ? secretary : principal
                confirmations.append((p, principal, recorder, steps.count))
                steps.append(Step(kind: .preconditionConfirmed, actor: recorder, onBehalfOf: recorder == principal ? nil : principal,
                                  from: state, to: state, precondition: p))
            }
            steps.append(Step(kind: .approved, actor: vm, from: state, to: .approved))
            state = .approved
            if reached(.approved) { break build }
            steps.append(Step(kind: .accepted, actor: rng.below(3) == 0 ? officeDirector : secretary, from: state, to: .accepted))
            state = .accepted
            if reached(.accepted) { break build }
            steps.append(Step(kind: .scheduled, actor: secretary, from: state, to: .scheduled, meetingId: meeting.id))
            state = .scheduled
            switch plan {
            case .decided:
                let actor = rng.below(4) == 0 ? meeting.chairLogin : secretary
                steps.append(Step(kind: .decided, actor: actor, from: .scheduled, to: .decided, meetingId: meeting.id,
                                  text: rng.pick(SyntheticTexts.decisions), atMeeting: true))
                state = .decided
            case .deferred:
                steps.append(Step(kind: .deferred, actor: secretary, from: .scheduled, to: .accepted, meetingId: meeting.id,
                                  text: rng.pick(SyntheticTexts.deferrals), atMeeting: true))
                state = .accepted
            case .withdrawnOnAgenda:
                break
            default:
                break
            }
        }
        let meetingId: Int64? = [.scheduled, .decided].contains(state) ? meeting.id : nil
        let withdrawn: Bool
        switch plan {
        case .withdrawnEarly, .withdrawnOnAgenda: withdrawn = true
        default: withdrawn = false
        }
        var withdrawalReason: String?
        if withdrawn {
            let reason = rng.pick(SyntheticTexts.withdrawals)
            let recorder = rng.below(3) == 0 ? secretary : leadHead
            steps.append(Step(kind: .withdrawn, actor: recorder, onBehalfOf: recorder == leadHead ? nil : leadHead, from: state, to: .withdrawn,
                              meetingId: meetingId, text: reason, atMeeting: state == .scheduled))
            state = .withdrawn
            withdrawalReason = reason
        }

        // Times: created some days ahead, steps spread until the day before the meeting (or now),
        // the outcome during the meeting.
        let lead0 = (8 + rng.below(20)) * 1440
        var createdDay = min(meeting.start.adding(minutes: -lead0), now.adding(minutes: -(1 + rng.below(20)) * 1440)).day
        while !calendar.isWorkingDay(createdDay) { createdDay = createdDay.adding(days: -1) }
        let created = createdDay.atHour(9 + rng.below(8))
        let until = min(meeting.start.adding(minutes: -600), now.adding(minutes: -60))
        let before = steps.dropFirst().filter { !$0.atMeeting }.count
        var times = [created] + workingTimes(before, from: created, to: until)
        for _ in steps.filter(\.atMeeting) {
            times.append(min(meeting.start.adding(minutes: 15 * (position + 1)), now.adding(minutes: -1)))
        }
        var stepStarted = created
        for (i, s) in steps.enumerated() where i > 0 && (s.from != s.to || s.kind == .coordinated || s.kind == .statementGiven) {
            stepStarted = times[i]
        }
        let decision = state == .decided ? steps.last?.text : nil

        try sql.item.execute(arguments: [title, lead.code, major, normative, publicInterest, market, category, state.rawValue,
                                         statement?.text, statement?.by, statement.map { times[$0.index].iso }, meetingId, decision,
                                         withdrawalReason, creator, created.iso, stepStarted.iso, steps.count,
                                         coordinationFailed.map { times[$0].iso }, statement.map { _ in SyntheticTexts.statementProposal },
                                         statement.map { _ in leadHead }])
        let itemId = db.lastInsertedRowID
        counts.items += 1
        for (i, d) in related.enumerated() { try sql.related.execute(arguments: [itemId, d.code, i]) }
        for o in opinions {
            try sql.opinion.execute(arguments: [itemId, o.code, o.stance, o.reason, o.givenBy, o.recordedBy, times[o.index].iso])
            counts.opinions += 1
        }
        for c in confirmations { try sql.precondition.execute(arguments: [itemId, c.0.rawValue, c.1, c.2, times[c.3].iso]) }
        for (i, s) in steps.enumerated() {
            try sql.event.execute(arguments: [itemId, times[i].iso, s.kind.rawValue, s.actor, s.onBehalfOf, s.from?.rawValue, s.to.rawValue,
                                              s.department, s.precondition?.rawValue, s.meetingId, s.text, s.statement, s.outcome])
            counts.events += 1
        }
        try chain.append(at: created, actor: creator, action: "item.create", entity: "item", id: String(itemId),
                         after: "{\"lead\":\"\(lead.code)\",\"state\":\"draft\"}")
        if steps.count > 1, let last = steps.last {
            try chain.append(at: times[steps.count - 1], actor: last.actor, onBehalfOf: last.onBehalfOf, action: "item." + last.kind.auditVerb,
                             entity: "item", id: String(itemId), after: "{\"state\":\"\(state.rawValue)\",\"version\":\(steps.count)}")
        }

        // On the agenda: scheduled, decided there, deferred there, or withdrawn while on it.
        let onAgenda: Bool
        var lineOutcome = MinutesDraft.Item.Outcome.pending
        switch plan {
        case .scheduled: onAgenda = state == .scheduled
        case .decided: onAgenda = true; lineOutcome = .decided(decision ?? "")
        case .deferred: onAgenda = true; lineOutcome = .deferred
        case .withdrawnOnAgenda: onAgenda = true; lineOutcome = .withdrawn(reason: withdrawalReason)
        default: onAgenda = false
        }
        guard onAgenda else { return nil }
        let isDeferred: Bool
        if case .deferred = plan { isDeferred = true } else { isDeferred = false }
        try sql.slot.execute(arguments: [meeting.id!, itemId, position, 10 + 5 * rng.below(4), isDeferred])
        counts.slots += 1
        return AgendaLine(itemId: itemId, title: title, leadCode: lead.code, statement: statement?.text, outcome: lineOutcome, deferred: isDeferred)
    }
}

extension Day {
    func atHour(_ hour: Int) -> LocalDateTime { LocalDateTime(day: self, hour: hour, minute: 0)! }
}
