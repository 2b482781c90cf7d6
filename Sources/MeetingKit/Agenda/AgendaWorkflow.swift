/// The one state machine of agenda items (R41, R45(2), R45(3), R5, R16, R18, R19, R20, R39, R47(1)).
///
/// ``transition(_:_:by:org:at:)`` is the only way an item changes: it validates the input,
/// asks ``AccessPolicy`` who may take the step, checks the step is in order for the item's
/// state, applies the rules, and returns the changed item with the timeline entry that
/// records the change, or throws a ``Refusal`` naming the article.
///
/// ```swift
/// let t = try AgendaWorkflow.transition(item, .approve, by: viceMayor, org: org, at: now)
/// t.item.state   // .approved
/// ```
public enum AgendaWorkflow {
    /// The result of a step: the item after it, and the timeline entry describing it.
    public struct Transition: Hashable, Sendable {
        public var item: AgendaItem
        public var entry: AgendaTimelineEntry
    }

    /// Default planned minutes for an item placed on a meeting without `--minutes`.
    public static let defaultPlannedMinutes = 15
    public static let plannedMinutesRange = 1...600

    /// Checks and returns a new draft for the lead department (not yet stored: `id` is nil).
    ///
    /// The lead department must be a department or unit with a supervising vice mayor (who
    /// alone can approve it, R41); related departments must have a head to give opinions.
    public static func draft(_ proposal: AgendaItem, by actor: Actor, org: OrgChart, at: LocalDateTime) throws -> AgendaItem {
        try InputLimits.check(title: proposal.title)
        try InputLimits.check(proposal.summary, limit: InputLimits.reason, field: Localized(zh: "摘要", en: "summary"),
                              allowNewlines: true, allowEmpty: true)
        var item = proposal
        item.leadCode = proposal.leadCode.uppercased()
        item.relatedCodes = []
        guard let lead = org.department(item.leadCode) else { throw unknownDepartment(item.leadCode) }
        guard lead.kind != .external, let vm = lead.supervisorLogin, org.person(vm) != nil else {
            throw Refusal.rule("R41", "item.leadWithoutSupervisor",
                               "\(lead.name)（\(lead.code)）没有分管副区长，无法审核同意其议题，不能作为主办部门",
                               "\(lead.code) (\(lead.name)) has no supervising vice mayor to approve its items, so it cannot lead one")
        }
        for raw in proposal.relatedCodes {
            let code = raw.uppercased()
            guard let d = org.department(code) else { throw unknownDepartment(code) }
            if code == item.leadCode {
                throw Refusal.invalid("item.leadIsRelated", "主办部门 \(code) 不能同时是相关部门", "the lead department \(code) cannot also be a related department")
            }
            guard d.kind != .external, let head = d.headLogin, org.person(head) != nil else {
                throw Refusal.invalid("item.relatedWithoutHead", "\(d.name)（\(code)）没有主要负责人，不能提出意见",
                                      "\(code) (\(d.name)) has no head to give an opinion")
            }
            if item.relatedCodes.contains(code) {
                throw Refusal.invalid("item.relatedTwice", "相关部门 \(code) 重复", "the related department \(code) is named twice")
            }
            item.relatedCodes.append(code)
        }
        try AccessPolicy(org: org).require(.agendaStep(.draft, item: item), by: actor)
        item.id = nil
        item.state = .draft
        item.statement = nil
        item.meetingId = nil
        item.decision = nil
        item.withdrawalReason = nil
        item.opinions = []
        item.confirmations = []
        item.createdBy = actor.person.login
        item.createdAt = at
        item.stepStartedAt = at
        item.version = 1
        return item
    }

    /// The first timeline entry of a stored draft.
    public static func draftEntry(for item: AgendaItem, by actor: Actor) -> AgendaTimelineEntry {
        AgendaTimelineEntry(itemId: item.id ?? 0, at: item.createdAt, kind: .drafted, actor: actor.person.login,
                            onBehalfOf: actor.onBehalfOf?.login, fromState: nil, toState: .draft)
    }

    /// Applies `event` to `item` on behalf of `actor`, or throws the refusal.
    public static func transition(_ item: AgendaItem, _ event: AgendaEvent, by actor: Actor, org: OrgChart,
                                  at: LocalDateTime) throws -> Transition {
        guard let id = item.id else { preconditionFailure("transition of an unsaved item") }
        try validate(event, for: item)
        try AccessPolicy(org: org).require(.agendaStep(event.step, item: item), by: actor)
        if let refusal = orderRefusal(event.step, item: item) { throw refusal }

        var next = item
        next.version += 1
        var entry = AgendaTimelineEntry(itemId: id, at: at, kind: event.step.kind, actor: actor.person.login,
                                        onBehalfOf: actor.onBehalfOf?.login, fromState: item.state, toState: item.state)
        var restartsStep = false
        switch event {
        case .submit:
            next.state = item.relatedCodes.isEmpty ? .consensus : .consulting
        case .opinion(let department, let stance, let reason):
            next.opinions.append(Opinion(itemId: id, departmentCode: department, stance: stance, reason: reason,
                                         givenBy: actor.principal.login, recordedBy: actor.person.login, at: at))
            if next.awaitedOpinions.isEmpty {
                next.state = next.opinions.contains { $0.stance == .disagree } ? .disputed : .consensus
            }
            entry.departmentCode = department
            entry.text = reason
            entry.outcome = stance.rawValue
        case .coordinate(let coordination, let note):
            switch coordination {
            case .resolved:
                next.state = .consensus
                next.statement = nil
                next.coordinationFailedAt = nil
                entry.outcome = "resolved"
            case .unresolved:
                next.coordinationFailedAt = at
                entry.outcome = "unresolved"
            }
            entry.text = note
            restartsStep = true  // the next step (approval, or the lead department's statement) starts now
        case .state(let statement, let proposal):
            next.statement = AgendaItem.Statement(text: statement, proposal: proposal, givenBy: actor.principal.login,
                                                  recordedBy: actor.person.login, at: at)
            entry.statement = statement
            entry.text = proposal
            restartsStep = true  // the vice mayor's approval starts now
        case .correctFlags(let flags, let reason):
            let before = item.flags.summary
            next.flags = flags
            entry.text = reason
            entry.outcome = "\(before.zh) → \(flags.summary.zh)" 
        case .confirm(let precondition, let note):
            next.confirmations.append(PreconditionConfirmation(itemId: id, precondition: precondition, confirmedBy: actor.principal.login,
                                                               recordedBy: actor.person.login, at: at, note: note))
            entry.precondition = precondition
            entry.text = note
        case .approve:
            next.state = .approved
        case .accept:
            let missing = item.missingPreconditions
            if !missing.isEmpty { throw missingPreconditions(missing, item: item) }
            next.state = .accepted
        case .schedule(let meeting, _):
            try checkMeetingTakes(item, meeting)
            next.state = .scheduled
            next.meetingId = meeting.id
            entry.meetingId = meeting.id
        case .decide(let text, let meeting):
            try checkOnMeeting(item, meeting)
            try checkHeld(item, meeting)
            next.state = .decided
            next.decision = text
            entry.meetingId = meeting.id
            entry.text = text
        case .deferItem(let reason, let meeting):
            try checkOnMeeting(item, meeting)
            try checkHeld(item, meeting)
            next.state = .accepted
            next.meetingId = nil
            entry.meetingId = meeting.id
            entry.text = reason
        case .withdraw(let reason):
            next.state = .withdrawn
            next.withdrawalReason = reason
            entry.meetingId = item.meetingId
            entry.text = reason
        case .unschedule(let reason, let meeting):
            try checkOnMeeting(item, meeting)
            guard meeting.status != .held else {
                throw Refusal.conflict("item.meetingHeld", "会议已召开：议题的结果应记为决定、暂缓或撤回",
                                       "the meeting was held: record the item's outcome (decided, deferred or withdrawn) instead")
            }
            next.state = .accepted
            next.meetingId = nil
            entry.meetingId = meeting.id
            entry.text = reason
        case .meetingCancelled(let meeting):
            try checkOnMeeting(item, meeting)
            next.state = .accepted
            next.meetingId = nil
            entry.meetingId = meeting.id
            entry.text = meeting.statusReason
        case .meetingMoved(let meeting, let from):
            try checkOnMeeting(item, meeting)
            entry.meetingId = meeting.id
            entry.text = "\(from.day.iso) \(from.timeText) → \(meeting.start.day.iso) \(meeting.start.timeText)"
        }
        entry.toState = next.state
        if restartsStep || next.state != item.state { next.stepStartedAt = at }
        return Transition(item: next, entry: entry)
    }

    /// The steps `actor` may take on `item` in its current state: what the interface offers
    /// as keys. Rules checked at the step itself (missing preconditions, R5) still apply.
    public static func allowedSteps(for item: AgendaItem, by actor: Actor, org: OrgChart, meeting: Meeting? = nil) -> [AgendaStep] {
        let policy = AccessPolicy(org: org)
        var candidates: [AgendaStep] = [.submit]
        candidates += item.awaitedOpinions.map { AgendaStep.opinion(department: $0) }
        candidates += [.coordinate, .state, .approve]
        candidates += item.missingPreconditions.map { AgendaStep.confirm($0) }
        candidates.append(.correctFlags)
        candidates += [.accept, .schedule]
        // The outcome belongs to a held meeting (R5, R18); before it, the item can only come off the agenda.
        candidates += meeting?.status == .held ? [.decide(chair: meeting?.chairLogin), .deferItem(chair: meeting?.chairLogin)]
            : [.unschedule(chair: meeting?.chairLogin)]
        candidates.append(.withdraw)
        return candidates.filter { step in
            orderRefusal(step, item: item) == nil && policy.refusal(for: .agendaStep(step, item: item), by: actor) == nil
        }
    }
}
