import MeetingKit

extension Session {
    /// Drafts the minutes of a held meeting (R43, R44): generated from the meeting's records,
    /// or `body` when given. When the meeting's minutes are already signed, the new document
    /// is a correction linked to them (on the same route); an unsigned document must be
    /// edited instead. For a vice mayor's topical meeting, `inGovernmentName` is the
    /// drafter's choice (R44 "确实需要"; nil: as the meeting was held): a request to the
    /// government, or the vice mayor's own minutes.
    @discardableResult
    public func draftMinutes(meetingId: Int64, body: String? = nil, inGovernmentName: Bool? = nil) throws -> Minutes {
        if let body { try InputLimits.check(body: body) }
        return try write { change in
            let db = change.db
            let meeting = try MeetingRepository.meeting(db, id: meetingId)
            guard meeting.status == .held else {
                throw Refusal.conflict("minutes.meetingNotHeld", "会议尚未召开（\(meeting.status.name.zh)），不能起草纪要",
                                       "the meeting has not been held (\(meeting.status.name.en)); its minutes cannot be drafted yet")
            }
            let org = try OrgRepository.load(db)
            let previous = try MinutesRepository.forMeeting(db, meetingId: meetingId).last
            let route = try previous.map(\.route)
                ?? MinutesRoute.route(for: meeting, mayorLogin: org.holder(of: .mayor)?.login, inGovernmentName: inGovernmentName)
            var lead: String?
            if route == .governmentRequest {
                let leads = try MinutesSources.leadDepartments(db, meeting: meeting, org: org)
                let drafter = actor.principal.login
                let own = leads.first(where: { org.department($0)?.headLogin == drafter })
                lead = own ?? leads.first
            }
            try AccessPolicy(org: org).require(.draftMinutes(route: route, leadDepartmentCode: lead), by: actor)
            if let previous, previous.state != .signed {
                throw Refusal.conflict("minutes.exists", "会议已有未签发的纪要 #\(previous.id!)（\(previous.state.name.zh)），请修改它",
                                       "the meeting already has unsigned minutes #\(previous.id!) (\(previous.state.name.en)); edit those")
            }
            let requesting = route == .governmentRequest ? lead.map { org.department($0)?.name ?? $0 } : nil
            let text = try body ?? previous?.body ?? MinutesSources.draft(db, meeting: meeting, org: org, requestingDepartment: requesting).body
            let minutes = try MinutesRepository.insert(db, Minutes(meetingId: meetingId, meetingKind: meeting.kind, route: route, drafterLogin: actor.principal.login,
                                  leadDepartmentCode: lead, title: previous.map(MinutesDraft.correctionTitle) ?? MinutesDraft.title(of: meeting, route: route), body: text,
                                  disclosure: previous?.disclosure, disclosureReason: previous?.disclosureReason,
                                  classification: previous?.classification ?? .none, correctionOf: previous?.id,
                                  createdAt: change.now))
            try record(change, minutes, action: previous == nil ? "draft" : "correct", note: nil)
            try change.audit(previous == nil ? "minutes.draft" : "minutes.correct", entity: "minutes", id: String(minutes.id!),
                             after: MinutesAudit.summary(minutes))
            return minutes
        }
    }

    /// Replaces the body (the drafter, while the draft is with them).
    @discardableResult
    public func editMinutes(_ id: Int64, body: String, expectedVersion: Int? = nil) throws -> Minutes {
        try InputLimits.check(body: body)
        return try apply(id, "edit", expectedVersion: expectedVersion) { _, _ in .edit(body: body) }
    }

    /// Sets the disclosure attribute (R22) and classification (R48).
    @discardableResult
    public func setMinutesAttributes(_ id: Int64, disclosure: Disclosure?, reason: String?, classification: Classification?,
                                     expectedVersion: Int? = nil) throws -> Minutes {
        try InputLimits.check(note: reason, field: Localized(zh: "理由", en: "reason"))
        return try apply(id, "set", expectedVersion: expectedVersion) { _, _ in
            .setAttributes(disclosure: disclosure, reason: reason, classification: classification)
        }
    }

    /// Sends the draft along its chain; after a return, the chain starts again from its first reviewer.
    @discardableResult
    public func submitMinutes(_ id: Int64, expectedVersion: Int? = nil) throws -> Minutes {
        try apply(id, "submit", expectedVersion: expectedVersion) { change, minutes in
            let meeting = try MeetingRepository.meeting(change.db, id: minutes.meetingId)
            let org = try OrgRepository.load(change.db)
            return .submit(chain: try MinutesChain.chain(route: minutes.route, leadDepartmentCode: minutes.leadDepartmentCode,
                                                         chairLogin: meeting.chairLogin, org: org,
                                                         officeCheck: try Session.officeCheck(change.db)))
        }
    }

    /// The current reviewer approves (R44).
    @discardableResult
    public func approveMinutes(_ id: Int64, expectedVersion: Int? = nil) throws -> Minutes {
        try apply(id, "approve", expectedVersion: expectedVersion) { _, _ in .approve }
    }

    /// The current reviewer, or the mayor, returns the document to its drafter with a reason.
    @discardableResult
    public func returnMinutes(_ id: Int64, reason: String, expectedVersion: Int? = nil) throws -> Minutes {
        try InputLimits.check(note: reason, field: Localized(zh: "退回理由", en: "reason for the return"))
        return try apply(id, "return", note: reason, expectedVersion: expectedVersion) { _, _ in .return(reason: reason) }
    }

    /// The mayor signs (R43; a vice mayor's own minutes, the vice mayor who chaired): for
    /// minutes in the government's name the next number of the kind and year is drawn in this
    /// same IMMEDIATE transaction; the signed text and its SHA-256 are stored, the row becomes
    /// immutable, and each decision becomes a follow-up of every unit it names (R53, R54).
    @discardableResult
    public func signMinutes(_ id: Int64, expectedVersion: Int? = nil) throws -> Minutes {
        try apply(id, "sign", expectedVersion: expectedVersion) { change, minutes in
            let year = change.now.day.year
            let number = minutes.route.isInGovernmentName
                ? MinutesNumber(kind: minutes.meetingKind, year: year,
                                sequence: try MinutesRepository.nextNumber(change.db, kind: minutes.meetingKind, year: year))
                : nil
            var signed = minutes
            signed.numberYear = number?.year
            signed.numberSeq = number?.sequence
            signed.signedAt = change.now
            signed.signedBy = actor.principal.login
            let document = try MinutesAudit.document(change.db, signed)
            return .sign(number: number, signedText: document.text)
        } after: { change, signed in
            let meeting = try MeetingRepository.meeting(change.db, id: signed.meetingId)
            try createFollowUps(change, minutes: signed, decisions: try MinutesSources.decisions(change.db, meeting: meeting))
        }
    }

    /// Lowers the classification (R48) with the disclosure attribute that then applies (R22):
    /// its own step, recorded with its reason, before or after signing (the only change
    /// signed minutes accept). The office director, the mayor or the signer decides it.
    @discardableResult
    public func declassifyMinutes(_ id: Int64, to level: Classification, disclosure: Disclosure? = nil, disclosureReason: String? = nil,
                                  reason: String, expectedVersion: Int? = nil) throws -> Minutes {
        try auditingRefusal("minutes.declassify", entity: "minutes", id: String(id)) {
            try write { change in
                let event = MinutesEvent.declassify(to: level, disclosure: disclosure, disclosureReason: disclosureReason, reason: reason)
                return try change.update(Minutes.self, id, expected: expectedVersion, audit: event.action) { current in
                    let next = try MinutesWorkflow.transition(current, event, by: actor, org: try OrgRepository.load(change.db), at: change.now)
                    let record = MinutesDeclassification(minutesId: id, fromClassification: current.classification, toClassification: level,
                                                         disclosure: next.disclosure, reason: reason, by: actor.principal.login,
                                                         recordedBy: actor.person.login, at: change.now)
                    try MinutesRepository.insert(change.db, record)
                    // A signed document's timeline is closed (R43): the declassification record is its trace.
                    if current.state != .signed { try self.record(change, next, action: "declassify", note: reason) }
                    try MinutesRepository.update(change.db, next)
                    return next
                }.value
            }
        }
    }

    /// Records that the office sent signed minutes back to the units (R46(2): within one
    /// working day of signing). Office staff, once per document.
    @discardableResult
    public func dispatchMinutes(_ id: Int64) throws -> MinutesDispatch {
        try write { change in
            let minutes = try MinutesRepository.minutes(change.db, id: id)
            guard AccessPolicy.isOfficeStaff(actor.person) else {
                throw Refusal.rule("R46", "minutes.dispatchNotOffice", "批示完毕的公文由区政府办公室统一转办（\(actor.person.name)不是办公室工作人员）",
                                   "signed documents are sent back to the units by the government office (\(actor.person.name) is not office staff)")
            }
            guard minutes.state == .signed else {
                throw Refusal.conflict("minutes.notSigned", "纪要尚未签发，不能转办", "the minutes are not signed yet; there is nothing to send back")
            }
            if let done = try MinutesRepository.dispatch(change.db, minutesId: id) {
                throw Refusal.conflict("minutes.dispatched", "已于 \(done.sentAt.iso) 转办", "already sent back at \(done.sentAt.iso)")
            }
            let dispatch = MinutesDispatch(minutesId: id, sentBy: actor.principal.login, recordedBy: actor.person.login, sentAt: change.now)
            try MinutesRepository.insert(change.db, dispatch)
            try change.audit("minutes.dispatch", entity: "minutes", id: String(id), after: AuditSummary.of(dispatch))
            return dispatch
        }
    }

    /// Applies one event through the workflow, records the timeline and the audit event.
    /// `expectedVersion` is the version the caller read (optimistic locking, ``RecordVersion``).
    /// A step refused by a rule is audited as `refused.minutes.<step>` (signed minutes are
    /// immutable, review and signature belong to the chain's people: R43, R44).
    private func apply(_ id: Int64, _ step: String, note: String? = nil, expectedVersion: Int? = nil,
                       _ event: (Change, Minutes) throws -> MinutesEvent,
                       after: (Change, Minutes) throws -> Void = { _, _ in }) throws -> Minutes {
        // Review and signature are decisions (every rule refusal is kept); the drafter's own
        // steps are audited only when someone tampers with signed minutes or another's draft.
        let isDecision = ["approve", "return", "sign"].contains(step)
        return try auditingRefusal("minutes." + step, entity: "minutes", id: String(id),
                                   audits: { isDecision || Session.tamperingCodes.contains($0.code) }) {
            try transition(id, note: note, expectedVersion: expectedVersion, event, after: after)
        }
    }

    /// Refusals of a drafter's step that mean someone tried to change what is not theirs to change.
    static let tamperingCodes: Set<String> = ["minutes.signedImmutable", "minutes.notDrafter"]

    private func transition(_ id: Int64, note: String?, expectedVersion: Int?, _ event: (Change, Minutes) throws -> MinutesEvent,
                            after: (Change, Minutes) throws -> Void) throws -> Minutes {
        try write { change in
            let current = try change.current(Minutes.self, id, expected: expectedVersion).value
            let org = try OrgRepository.load(change.db)
            let e = try event(change, current)
            let next = try MinutesWorkflow.transition(current, e, by: actor, org: org, at: change.now)
            // The timeline entry goes in before the row is signed: afterwards the store refuses it.
            try record(change, next, action: String(e.action.dropFirst("minutes.".count)), note: note)
            try MinutesRepository.update(change.db, next)
            try change.audit(e.action, entity: "minutes", id: String(id),
                             before: MinutesAudit.summary(current), after: MinutesAudit.summary(next))
            try after(change, next)
            return next
        }
    }

    func record(_ change: Change, _ minutes: Minutes, action: String, note: String?) throws {
        try MinutesRepository.insert(change.db, MinutesHistoryEntry(minutesId: minutes.id!, at: change.now, actorLogin: actor.principal.login,
                                                                    recordedBy: actor.onBehalfOf == nil ? nil : actor.person.login,
                                                                    action: action, state: minutes.state, note: note))
    }
}

/// How minutes appear in the audit log and on paper.
enum MinutesAudit {
    /// A short summary for the audit log. Never the body: the log is readable by everyone and
    /// classified minutes must not leak through it (R48); the body's hash shows it changed.
    static func summary(_ m: Minutes) -> String {
        struct Summary: Encodable {
            var meetingId: Int64
            var state: MinutesState
            var waitingOn: String?
            var step: Int
            var disclosure: Disclosure?
            var classification: Classification
            var number: String?
            var bodySha256: String
            var sha256: String?
            var correctionOf: Int64?
            var version: Int
        }
        return AuditSummary.of(Summary(meetingId: m.meetingId, state: m.state, waitingOn: m.waitingOn, step: m.step,
                                       disclosure: m.disclosure, classification: m.classification, number: m.number?.text(.zh),
                                       bodySha256: SHA256.hex(m.body), sha256: m.sha256, correctionOf: m.correctionOf,
                                       version: m.version))
    }

    /// The document as printed, from the stored record.
    static func document(_ db: any SQLConnection, _ m: Minutes) throws -> MinutesDocument {
        let org = try OrgRepository.load(db)
        let issuer = try Session.issuer(db)
        let signer = m.signedBy.flatMap { org.person($0) }.map { "\($0.role.title.zh) \($0.name)" }
        let corrects = try m.correctionOf.flatMap { try MinutesRepository.minutes(db, id: $0).number?.text(.zh) }
        return MinutesDocument(issuer: issuer, number: m.number?.text(.zh), title: m.title, body: m.body,
                               classification: m.classification, disclosure: m.disclosure, signer: signer,
                               signedOn: m.signedAt?.day, corrects: corrects)
    }
}
