import MeetingKit

extension Session {
    /// Drafts a new agenda item for the lead department (R41). Returns the stored item.
    /// `hearing` and `reportToCongress` say a hearing is held (R19) and the law requires a
    /// report to the People's Congress standing committee (R20): their records become preconditions.
    @discardableResult
    public func addItem(title: String, lead: String, related: [String] = [], major: Bool = false, normative: Bool = false,
                        publicInterest: Bool = false, market: Bool = false, category: Int? = nil, summary: String = "",
                        hearing: Bool = false, reportToCongress: Bool = false) throws -> AgendaItem {
        try InputLimits.check(title: title); try InputLimits.check(note: summary, field: Localized(zh: "摘要", en: "summary"))
        let executiveCategory = try ExecutiveCategory.numbered(category)
        return try write { change in
            let org = try OrgRepository.load(change.db)
            let proposal = AgendaItem(title: title, summary: summary, leadCode: lead, relatedCodes: related, major: major,
                                      normative: normative, publicInterest: publicInterest, market: market,
                                      category: executiveCategory, hearing: hearing, reportToCongress: reportToCongress,
                                      createdBy: actor.person.login, createdAt: change.now)
            let item = try AgendaRepository.insert(change.db, try AgendaWorkflow.draft(proposal, by: actor, org: org, at: change.now))
            try AgendaRepository.insert(change.db, AgendaWorkflow.draftEntry(for: item, by: actor))
            try change.audit("item.create", entity: "item", id: String(item.id!), after: AuditSummary.of(AgendaItemRow(item)))
            return item
        }
    }

    /// Sends a draft out for opinions (or straight to consensus without related departments).
    @discardableResult
    public func submitItem(_ id: Int64, expectedVersion: Int? = nil) throws -> AgendaItem {
        try apply(id, expectedVersion: expectedVersion) { _, _ in .submit }
    }

    /// Records a related department's opinion (its head, or a secretary on the head's behalf).
    @discardableResult
    public func giveOpinion(_ id: Int64, department: String, stance: Opinion.Stance, reason: String? = nil,
                            expectedVersion: Int? = nil) throws -> AgendaItem {
        try InputLimits.check(note: reason, field: Localized(zh: "理由", en: "reason"))
        return try apply(id, expectedVersion: expectedVersion) { _, _ in .opinion(department: department.uppercased(), stance: stance, reason: reason) }
    }

    /// Records the supervising vice mayor's coordination of a disputed item (R41, R45(3)).
    @discardableResult
    public func coordinateItem(_ id: Int64, _ coordination: AgendaEvent.Coordination, note: String? = nil,
                               expectedVersion: Int? = nil) throws -> AgendaItem {
        try InputLimits.check(note: note, field: Localized(zh: "协调意见", en: "note"))
        return try apply(id, expectedVersion: expectedVersion) { _, _ in .coordinate(coordination, note: note) }
    }

    /// After the vice mayor's coordination failed, the lead department states the
    /// disagreement truthfully with its proposal for handling it (R41, R45(3)): its head, or
    /// a secretary on the head's behalf. The item may then be approved, flagged.
    @discardableResult
    public func stateDisagreement(_ id: Int64, statement: String, proposal: String, expectedVersion: Int? = nil) throws -> AgendaItem {
        try apply(id, expectedVersion: expectedVersion) { _, _ in .state(statement: statement, proposal: proposal) }
    }

    /// The office corrects an item's flags (major, normative, public interest, market,
    /// hearing, report to the People's Congress, executive category) before accepting it,
    /// with its reason: the timeline and the audit log keep both versions.
    @discardableResult
    public func correctItemFlags(_ id: Int64, to flags: ItemFlags, reason: String, expectedVersion: Int? = nil) throws -> AgendaItem {
        try apply(id, expectedVersion: expectedVersion) { _, _ in .correctFlags(flags, reason: reason) }
    }

    /// Confirms that a precondition was fulfilled (R16, R18, R19, R20, R47(1)).
    @discardableResult
    public func confirmPrecondition(_ id: Int64, _ precondition: Precondition, note: String? = nil,
                                    expectedVersion: Int? = nil) throws -> AgendaItem {
        try InputLimits.check(note: note, field: Localized(zh: "说明", en: "note"))
        return try apply(id, expectedVersion: expectedVersion) { _, _ in .confirm(precondition, note: note) }
    }

    /// The supervising vice mayor approves (审核同意, R41).
    @discardableResult
    public func approveItem(_ id: Int64, expectedVersion: Int? = nil) throws -> AgendaItem {
        try auditingRefusal("item.approve", entity: "item", id: String(id)) {
            try apply(id, expectedVersion: expectedVersion) { _, _ in .approve }
        }
    }

    /// The office accepts an approved item once its preconditions are confirmed.
    @discardableResult
    public func acceptItem(_ id: Int64, expectedVersion: Int? = nil) throws -> AgendaItem {
        try auditingRefusal("item.accept", entity: "item", id: String(id)) {
            try apply(id, expectedVersion: expectedVersion) { _, _ in .accept }
        }
    }

    /// Places an accepted item at the end of a meeting's agenda (R5, R39); a topical meeting
    /// gains the departments' vice mayors and heads (R40). Returns the item and the agenda,
    /// whose ``MeetingAgenda/warning`` says when it no longer fits the meeting (R61).
    @discardableResult
    public func scheduleItem(_ id: Int64, meeting meetingId: Int64,
                             plannedMinutes: Int = AgendaWorkflow.defaultPlannedMinutes,
                             expectedVersion: Int? = nil) throws -> (item: AgendaItem, agenda: MeetingAgenda) {
        try write { change in
            let db = change.db
            let meeting = try MeetingRepository.meeting(db, id: meetingId)
            let item = try transition(change, id, expectedVersion: expectedVersion) { _ in .schedule(meeting, plannedMinutes: plannedMinutes) }
            let before = try AgendaRepository.agenda(db, meetingId: meetingId)
            var slot = before.lines.first { $0.slot.itemId == id }?.slot
                ?? AgendaSlot(meetingId: meetingId, itemId: id, position: before.nextPosition, plannedMinutes: plannedMinutes)
            if slot.deferred { slot.position = before.nextPosition }
            slot.deferred = false
            slot.plannedMinutes = plannedMinutes
            try AgendaRepository.saveSlot(db, slot)
            if meeting.kind == .topical { try addTopicalParticipants(change, meeting: meeting, item: item) }
            return (item, try AgendaRepository.agenda(db, meetingId: meetingId))
        }
    }

    /// Records that the meeting decided the item, with the decision text: only once the
    /// meeting it is on was held (R5, R18).
    @discardableResult
    public func decideItem(_ id: Int64, text: String, expectedVersion: Int? = nil) throws -> AgendaItem {
        try InputLimits.check(note: text, field: Localized(zh: "决定内容", en: "decision"), limit: InputLimits.decision)
        return try apply(id, expectedVersion: expectedVersion) { db, item in .decide(text: text, meeting: try Session.currentMeeting(db, of: item)) }
    }

    /// Takes the item off its meeting before the meeting (office staff or the chair): back to
    /// accepted, its place on the agenda freed; the timeline keeps that it was there.
    @discardableResult
    public func unscheduleItem(_ id: Int64, reason: String? = nil, expectedVersion: Int? = nil) throws -> AgendaItem {
        try write { change in
            let (item, meetingId) = try transitionAtMeeting(change, id, expectedVersion: expectedVersion) {
                .unschedule(reason: reason, meeting: $0)
            }
            try AgendaRepository.deleteSlot(change.db, meetingId: meetingId, itemId: id)
            return item
        }
    }

    /// The held meeting did not take the item up (R5, R18): back to accepted for a later
    /// meeting, the deferral kept on this meeting's agenda.
    @discardableResult
    public func deferItem(_ id: Int64, reason: String? = nil, expectedVersion: Int? = nil) throws -> AgendaItem {
        try InputLimits.check(note: reason, field: Localized(zh: "理由", en: "reason"))
        return try write { change in
            let (item, meetingId) = try transitionAtMeeting(change, id, expectedVersion: expectedVersion) {
                .deferItem(reason: reason, meeting: $0)
            }
            if var slot = try AgendaRepository.slot(change.db, meetingId: meetingId, itemId: id) {
                slot.deferred = true
                try AgendaRepository.saveSlot(change.db, slot)
            }
            return item
        }
    }

    /// The lead department withdraws the item, with its reason (any time before it is decided).
    @discardableResult
    public func withdrawItem(_ id: Int64, reason: String, expectedVersion: Int? = nil) throws -> AgendaItem {
        try InputLimits.check(note: reason, field: Localized(zh: "撤回理由", en: "reason for withdrawal"))
        return try apply(id, expectedVersion: expectedVersion) { _, _ in .withdraw(reason: reason) }
    }

    // MARK: Reading

    /// Items newest first, filtered by state, department (lead or related) and meeting.
    public func items(state: AgendaState? = nil, department: String? = nil, meeting: Int64? = nil) throws -> [AgendaItem] {
        try read { db in
            if let department, try !OrgRepository.departmentExists(db, code: department.uppercased()) {
                throw RefusalCatalog.unknownDepartment(department)
            }
            if let meeting { _ = try MeetingRepository.meeting(db, id: meeting) }
            return Session.withholdingDecisions(try AgendaRepository.items(db, state: state, department: department?.uppercased(), meetingId: meeting),
                                                meetings: try meetingsWithWithheldDecisions(db))
        }
    }

    /// One item with everything shown about it; the decision of classified minutes only to
    /// their readers (R48).
    public func itemDossier(_ id: Int64) throws -> ItemDossier {
        let today = clock.today
        return try read { db in
            let org = try OrgRepository.load(db)
            let stored = try AgendaRepository.item(db, id: id)
            let withheld = try meetingsWithWithheldDecisions(db, org: org, among: stored.meetingId.map { [$0] } ?? [])
            let item = Session.withholdingDecisions([stored], meetings: withheld)[0]
            var timeline = try AgendaRepository.timeline(db, itemId: id)
            let decisionWithheld = item.decision == nil && stored.decision != nil
            if decisionWithheld {
                for i in timeline.indices where timeline[i].kind == .decided { timeline[i].text = nil }
            }
            let meeting = try item.meetingId.map { try MeetingRepository.meeting(db, id: $0) }
            return ItemDossier(item: item, timeline: timeline, meeting: meeting, decisionWithheld: decisionWithheld,
                               slot: try AgendaRepository.currentSlot(db, of: item),
                               pending: AgendaDeadlines.pendingSteps(for: item, org: org, calendar: try HolidayRepository.calendar(db)),
                               allowedSteps: AgendaWorkflow.allowedSteps(for: item, by: actor, org: org, meeting: meeting),
                               org: org, today: today)
        }
    }

    // MARK: Helpers

    /// Runs one transition of item `id` in its own transaction.
    func apply(_ id: Int64, expectedVersion: Int? = nil,
               _ makeEvent: @escaping (any SQLConnection, AgendaItem) throws -> AgendaEvent) throws -> AgendaItem {
        try write { change in try transition(change, id, expectedVersion: expectedVersion) { try makeEvent(change.db, $0) } }
    }

    /// ``transition(_:_:expectedVersion:_:)`` for an event about the meeting the item is on;
    /// returns that meeting's id too, for the agenda slot the event changes.
    private func transitionAtMeeting(_ change: Change, _ id: Int64, expectedVersion: Int?,
                                     _ makeEvent: (Meeting) -> AgendaEvent) throws -> (AgendaItem, Int64) {
        var meetingId: Int64 = 0
        let item = try transition(change, id, expectedVersion: expectedVersion) { item in
            let meeting = try Session.currentMeeting(change.db, of: item)
            meetingId = meeting.id!
            return makeEvent(meeting)
        }
        return (item, meetingId)
    }

    /// Reads the item, applies the workflow, stores the result and its audit event, inside `change`.
    /// `expectedVersion` is the version the caller read (optimistic locking, ``RecordVersion``).
    func transition(_ change: Change, _ id: Int64, expectedVersion: Int? = nil,
                    _ makeEvent: (AgendaItem) throws -> AgendaEvent) throws -> AgendaItem {
        let db = change.db
        let org = try OrgRepository.load(db)
        let item = try change.current(AgendaItem.self, id, expected: expectedVersion).value
        let result = try AgendaWorkflow.transition(item, try makeEvent(item), by: actor, org: org, at: change.now)
        try AgendaRepository.save(db, result, replacing: item)
        try change.audit("item." + result.entry.kind.auditVerb, entity: "item", id: String(id),
                         before: AuditSummary.of(AgendaItemRow(item).withoutDecisionText),
                         after: AuditSummary.of(AuditedTransition(item: AgendaItemRow(result.item).withoutDecisionText,
                                                                  event: result.entry.withoutDecisionText)))
        return result.item
    }

    static func currentMeeting(_ db: any SQLConnection, of item: AgendaItem) throws -> Meeting {
        guard let meetingId = item.meetingId else {
            throw Refusal(.conflict, code: "item.outOfOrder", article: "R41", Localized(
                zh: "议题 \(item.label) 当前为“\(item.state.name.zh)”，尚未安排上会", en: "item \(item.label) is \(item.state.name.en), not on a meeting"))
        }
        return try MeetingRepository.meeting(db, id: meetingId)
    }

    /// R40: a topical meeting gains the vice mayors and heads of the departments on its agenda.
    private func addTopicalParticipants(_ change: Change, meeting: Meeting, item: AgendaItem) throws {
        let db = change.db
        let org = try OrgRepository.load(db)
        let present = try MeetingRepository.participants(db, meetingId: meeting.id!)
        let known = Set(present.compactMap(\.personLogin))
        let missing = MeetingComposition.entries(forAgendaDepartments: [item.leadCode] + item.relatedCodes, chair: meeting.chairLogin, org: org)
            .filter { $0.personLogin.map { !known.contains($0) } ?? true }
        guard !missing.isEmpty else { return }
        try MeetingRepository.insertParticipants(db, meetingId: meeting.id!, entries: missing,
                                                 startingAt: (present.map(\.position).max() ?? -1) + 1)
        try change.audit("meeting.participants.add", entity: "meeting", id: String(meeting.id!),
                         after: missing.compactMap(\.personLogin).joined(separator: ","))
    }
}

/// The audit log's "after" of an item transition: the item's columns and the timeline entry.
private struct AuditedTransition: Encodable {
    var item: AgendaItemRow
    var event: AgendaTimelineEntry
}

/// The audit log is read by everyone, and a decision may become the words of classified
/// minutes (R48): the log keeps the decision's SHA-256, which shows it changed, not its text.
extension AgendaItemRow {
    fileprivate var withoutDecisionText: AgendaItemRow {
        var row = self
        row.decision = decision.map { "sha256:" + SHA256.hex($0) }
        return row
    }
}

extension AgendaTimelineEntry {
    fileprivate var withoutDecisionText: AgendaTimelineEntry {
        guard kind == .decided else { return self }
        var entry = self
        entry.text = text.map { "sha256:" + SHA256.hex($0) }
        return entry
    }
}
