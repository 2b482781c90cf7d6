import MeetingKit

extension Session {
    /// Files a leave request for a meeting (R42), routed to the approver the rules name.
    ///
    /// `person` defaults to the acting person (or the leader a secretary acts for). A request
    /// after the meeting has started is refused as not in advance unless the approver gives
    /// `override` (a reason); the override is stored and audited as `leave.override`.
    @discardableResult
    public func requestLeave(meetingId: Int64, person: String? = nil, reason: String, substitute: String? = nil,
                             override overrideReason: String? = nil) throws -> LeaveRequest {
        try InputLimits.check(reason: reason)
        if let overrideReason { try InputLimits.check(reason: overrideReason, field: Session.overrideField) }
        return try write { change in
            try Session.fileLeave(change, meetingId: meetingId, person: person, reason: reason, substitute: substitute,
                                  override: overrideReason, source: .request)
        }
    }

    /// Approves a pending request; only the approver R42 names (or a secretary recording for them).
    @discardableResult
    public func approveLeave(_ id: Int64, expectedVersion: Int? = nil) throws -> LeaveRequest {
        try decideLeave(id, .approve, expectedVersion: expectedVersion)
    }

    /// Rejects a pending request with a reason; only the approver R42 names.
    @discardableResult
    public func rejectLeave(_ id: Int64, reason: String, expectedVersion: Int? = nil) throws -> LeaveRequest {
        try InputLimits.check(note: reason, field: Localized(zh: "不予批准的理由", en: "reason for rejecting"))
        return try decideLeave(id, .reject(reason: reason), expectedVersion: expectedVersion)
    }

    /// Applies a decision through ``LeaveWorkflow``; a refused decision writes nothing.
    /// `expectedVersion` is the version the caller read (optimistic locking, ``RecordVersion``).
    @discardableResult
    public func decideLeave(_ id: Int64, _ decision: LeaveDecision, expectedVersion: Int? = nil) throws -> LeaveRequest {
        try auditingRefusal(decision == .approve ? "leave.approve" : "leave.reject", entity: "leave", id: String(id)) {
            try recordLeaveDecision(id, decision, expectedVersion: expectedVersion)
        }
    }

    private func recordLeaveDecision(_ id: Int64, _ decision: LeaveDecision, expectedVersion: Int?) throws -> LeaveRequest {
        try write { change in
            // Nobody records a decision on their own request, not even for its approver (代录).
            let own = { (request: LeaveRequest) in
                if request.personLogin == change.actor.person.login { throw Session.ownLeaveRefusal(id) }
            }
            return try change.update(LeaveRequest.self, id, expected: expectedVersion, audit: decision == .approve ? "leave.approve" : "leave.reject",
                                     check: own) { before in
                let after = try LeaveWorkflow.transition(before, decision, by: change.actor, policy: try policy(change.db), at: change.now)
                try LeaveRepository.update(change.db, after)
                return after
            }.value
        }
    }

    static func ownLeaveRefusal(_ id: Int64) -> Refusal {
        .rule("R42", "leave.ownRequest", "请假申请 #\(id) 是你本人的：任何人都不能审批或代录自己的请假",
              "leave request #\(id) is your own: nobody decides, or records the decision on, their own request")
    }

    /// One request with its names.
    public func leaveLine(_ id: Int64) throws -> LeaveLine {
        try read { db in
            let request = try LeaveRepository.request(db, id: id)
            return LeaveLine(request, meeting: try MeetingRepository.meeting(db, id: request.meetingId), org: try OrgRepository.load(db))
        }
    }

    /// Requests, optionally of one meeting and status, in filing order.
    public func leaveRequests(meetingId: Int64? = nil, status: LeaveStatus? = nil) throws -> [LeaveLine] {
        try read { db in
            if let meetingId { _ = try MeetingRepository.meeting(db, id: meetingId) }
            return try Session.lines(db, try LeaveRepository.requests(db, meetingId: meetingId, status: status))
        }
    }

    /// The approver's queue: pending requests the acting approver (or the leader a secretary
    /// acts for) decides. Office staff who decide nothing themselves see every pending request.
    public func leaveQueue() throws -> [LeaveLine] {
        try read { db in
            let org = try OrgRepository.load(db)
            let pending = try LeaveRepository.requests(db, status: .pending)
            let principal = actor.principal
            let isApprover = principal.role == .mayor || principal.role == .officeDirector
            let mine = pending.filter { r in
                guard let person = org.person(r.personLogin) else { return false }
                return (try? LeaveRule.approver(for: person, org: org).login) == principal.login
            }
            let shown = isApprover || !AccessPolicy.isOfficeStaff(actor.person) ? mine : pending
            return try Session.lines(db, shown).sorted { ($0.meetingStart, $0.id) < ($1.meetingStart, $1.id) }
        }
    }

    /// The compiled leave report of a meeting for the mayor (R42). When the mayor views it,
    /// it is marked read (audited as `leave.report.read`) until a request is added or decided.
    public func leaveReport(meetingId: Int64) throws -> LeaveReport {
        let build: (any SQLConnection) throws -> (LeaveReport, String) = { db in
            let meeting = try MeetingRepository.meeting(db, id: meetingId)
            let requests = try LeaveRepository.requests(db, meetingId: meetingId)
            let org = try OrgRepository.load(db)
            let fingerprint = LeaveReport.fingerprint(of: requests)
            let read = try org.holder(of: .mayor).map { try LeaveRepository.readFingerprint(db, meetingId: meetingId, reader: $0.login) } ?? nil
            let report = LeaveReport(meeting: meeting, requests: requests, participants: try MeetingRepository.participants(db, meetingId: meetingId),
                                     org: org, compiledAt: clock.now, readByMayor: read == fingerprint)
            return (report, fingerprint)
        }
        let (report, _) = try read(build)
        guard actor.person.role == .mayor, !report.readByMayor, !report.entries.isEmpty else { return report }
        return try write { change in
            // Built again inside the write: a request may have changed since the read.
            var (report, current) = try build(change.db)
            if report.readByMayor { return report }
            try LeaveRepository.markRead(change.db, meetingId: meetingId, reader: actor.person.login, fingerprint: current, at: change.now)
            try change.audit("leave.report.read", entity: "meeting", id: String(meetingId), after: current)
            report.readByMayor = true
            return report
        }
    }

    /// Pre-fills pending leave requests from a registered absence from Beijing (R65): one for
    /// every meeting from `from` to `to` (inclusive) that has not started and has `login` on
    /// its roster. Running it again creates nothing new, and a pre-filled request the approver
    /// rejected is not filed again. The mayor files no leave (the chair is delegated, R7), so
    /// for the mayor nothing is created. Returns the new requests.
    @discardableResult
    public func prefillLeave(forAbsenceOf login: String, from: Day, to: Day, reason: String) throws -> [LeaveRequest] {
        try InputLimits.check(reason: reason)
        return try write { change in try Session.prefillLeave(change, forAbsenceOf: login, from: from, to: to, reason: reason) }
    }

    /// ``prefillLeave(forAbsenceOf:from:to:reason:)`` inside a change already in progress, so the
    /// absence and its leave requests are written in one transaction.
    @discardableResult
    public static func prefillLeave(_ change: Change, forAbsenceOf login: String, from: Day, to: Day, reason: String) throws -> [LeaveRequest] {
        guard from <= to else {
            throw Refusal.invalid("leave.badRange", "开始日期 \(from.iso) 晚于结束日期 \(to.iso)", "the start \(from.iso) is after the end \(to.iso)")
        }
        let db = change.db
        let org = try OrgRepository.load(db)
        guard let person = org.person(login) else { throw Identity.unknownLogin(login, isSelf: false) }
        if person.role == .mayor { return [] }
        let meetings = try MeetingRepository.meetings(db, from: max(LocalDateTime(day: from, minuteOfDay: 0), change.now.adding(minutes: 1)),
                                                      to: LocalDateTime(day: to.adding(days: 1), minuteOfDay: 0), includeCancelled: false)
        var created: [LeaveRequest] = []
        for meeting in meetings {
            let id = meeting.id!
            let onRoster = try MeetingRepository.participants(db, meetingId: id).contains { $0.personLogin == login }
            guard onRoster, LeaveRule.isInAdvance(filedAt: change.now, meetingStart: meeting.start) else { continue }
            let earlier = try LeaveRepository.requests(db, meetingId: id, person: login)
            if earlier.contains(where: { $0.status.isOpen || $0.source == .absence }) { continue }
            created.append(try fileLeave(change, meetingId: id, person: login, reason: reason, substitute: nil, override: nil, source: .absence))
        }
        return created
    }

    static let overrideField = Localized(zh: "逾期受理理由", en: "override reason")

    /// The checks and the write of a new request, shared by requests and absences.
    static func fileLeave(_ change: Change, meetingId: Int64, person login: String?, reason: String, substitute: String?,
                          override overrideReason: String?, source: LeaveSource) throws -> LeaveRequest {
        let db = change.db
        let org = try OrgRepository.load(db)
        let policy = AccessPolicy(org: org)
        let meeting = try MeetingRepository.meeting(db, id: meetingId)
        let title = Localized(zh: meeting.numberedTitle(.zh), en: meeting.numberedTitle(.en))
        let personLogin = login ?? change.actor.principal.login
        guard let person = org.person(personLogin) else { throw Identity.unknownLogin(personLogin, isSelf: false) }
        try policy.require(.fileLeave(for: person), by: change.actor)
        let approver = try LeaveRule.approver(for: person, org: org)
        if meeting.status == .cancelled {
            throw Refusal.conflict("leave.meetingCancelled", "\(title.zh)已取消，无需请假", "\(title.en) was cancelled; no leave is needed")
        }
        let roster = try MeetingRepository.participants(db, meetingId: meetingId)
        guard roster.contains(where: { $0.personLogin == personLogin }) else {
            throw Refusal.notFound("leave.notOnRoster", "\(person.name)（\(personLogin)）不在\(title.zh)的参会名单中，无需请假",
                                   "\(person.name) (\(personLogin)) is not on the roster of \(title.en); no leave is needed")
        }
        if let substitute {
            guard let sub = org.person(substitute) else { throw Identity.unknownLogin(substitute, isSelf: false) }
            if sub.login == personLogin {
                throw Refusal.invalid("leave.substituteSelf", "代会人员不能是本人", "the substitute cannot be the person themself")
            }
            if sub.isRetired {
                throw Refusal.invalid("leave.substituteRetired", "\(sub.name)（\(sub.login)）已退出，不能代会",
                                      "\(sub.name) (\(sub.login)) is retired and cannot attend instead")
            }
            if roster.contains(where: { $0.personLogin == sub.login }) {
                throw Refusal.conflict("leave.substituteOnRoster", "\(sub.name)（\(sub.login)）本就在参会名单中，不能作为代会人员",
                                       "\(sub.name) (\(sub.login)) is already on the roster and cannot attend instead of someone")
            }
        }
        if let open = try LeaveRepository.openRequest(db, meetingId: meetingId, person: personLogin) {
            throw Refusal.conflict("leave.duplicate", "\(person.name)已有本次会议的请假申请 #\(open.id!)（\(open.status.name.zh)）",
                                   "\(person.name) already has leave request #\(open.id!) for this meeting (\(open.status.name.en))")
        }
        let now = change.now
        if LeaveRule.isInAdvance(filedAt: now, meetingStart: meeting.start) {
            if overrideReason != nil {
                throw Refusal.invalid("leave.overrideNotNeeded", "会议尚未开始，请假属提前提出，无需逾期受理理由",
                                      "the meeting has not started: the request is in advance and needs no override")
            }
        } else {
            guard overrideReason != nil else {
                throw Refusal.rule("R42", "leave.notInAdvance",
                                   "请假应当提前提出：\(title.zh)已于 \(meeting.start.day.iso) \(meeting.start.timeText) 开始。审批人\(approver.name)（\(approver.login)）可注明理由后受理（--override 理由）",
                                   "leave must be asked in advance: \(title.en) started at \(meeting.start.day.iso) \(meeting.start.timeText). The approver \(approver.name) (\(approver.login)) may accept it with a reason (--override REASON)")
            }
            if policy.refusal(for: .overrideLateLeave(of: person), by: change.actor) != nil {
                throw Refusal.rule("R42", "leave.overrideNotApprover",
                                   "会议开始后的请假只能由审批人\(approver.name)（\(approver.login)）受理；\(change.actor.principal.name)不能",
                                   "only the approver \(approver.name) (\(approver.login)) may accept leave asked after the start; \(change.actor.principal.name) may not")
            }
        }
        let request = try LeaveRepository.insert(db, LeaveRequest(
            meetingId: meetingId, personLogin: personLogin, reason: reason, substituteLogin: substitute, approverLogin: approver.login,
            filedBy: change.actor.person.login, filedAt: now, source: source, overrideReason: overrideReason,
            overrideBy: overrideReason == nil ? nil : change.actor.principal.login))
        let id = String(request.id!)
        try change.audit("leave.request", entity: "leave", id: id, after: AuditSummary.of(request))
        if let overrideReason {
            try change.audit("leave.override", entity: "leave", id: id,
                             after: AuditSummary.of(["reason": overrideReason, "by": change.actor.principal.login,
                                                     "meetingStart": meeting.start.iso, "filedAt": now.iso]))
        }
        return request
    }

    static func lines(_ db: any SQLConnection, _ requests: [LeaveRequest]) throws -> [LeaveLine] {
        let org = try OrgRepository.load(db)
        let meetings = try MeetingRepository.meetingsById(db, ids: requests.map(\.meetingId))
        return try requests.map { r in
            LeaveLine(r, meeting: try meetings[r.meetingId] ?? MeetingRepository.meeting(db, id: r.meetingId), org: org)
        }
    }

    /// Waiting for the acting person: pending requests they decide (R42), and for the mayor,
    /// the leave reports of coming meetings (from today on) not yet read in their current version.
    func leaveWaitingEntries(_ db: any SQLConnection, today: Day) throws -> [WaitingEntry] {
        let principal = actor.principal
        var entries: [WaitingEntry] = []
        guard principal.role == .mayor || principal.role == .officeDirector else { return [] }
        // The approver R42 names now (a change of term or of office director moves the request),
        // decided before the entries are built: each names its meeting.
        let org = try OrgRepository.load(db)
        // Whose leave R42 routes to the reader; a request it cannot route today (no one holds
        // the approving office) stays with the approver stored with it.
        let routed = org.people.values.filter { (try? LeaveRule.approver(for: $0, org: org))?.login == principal.login }.map(\.login)
        let mine = try LeaveRepository.pending(db, filedBy: routed.sorted(), orStoredFor: principal.login)
            .filter { LeaveLine.approver(of: $0, org: org) == principal.login }
        // An entry shows the person and the meeting: no whole ``LeaveLine`` (the office
        // director's home lists hundreds).
        let meetings = try MeetingRepository.meetingsById(db, ids: mine.map(\.meetingId))
        for request in mine {
            let meeting = try meetings[request.meetingId] ?? MeetingRepository.meeting(db, id: request.meetingId)
            let name = org.person(request.personLogin)?.name ?? request.personLogin
            entries.append(WaitingEntry(ref: .leave(request.id ?? 0), what: Localized(zh: "请假待批", en: "Leave to decide"),
                                        title: "\(name) · \(meeting.numberedTitle(.zh))", due: meeting.start.day,
                                        isOverdue: meeting.start.day < today))
        }
        if actor.person.role == .mayor {
            // The mayor's reading marks the report under his login (`leaveReport(meetingId:)`).
            let unread = try LeaveRepository.unreadReports(db, reader: actor.person.login, from: LocalDateTime(day: today, minuteOfDay: 0))
            let meetings = try MeetingRepository.meetingsById(db, ids: unread.map(\.meetingId))
            for report in unread {
                guard let meeting = meetings[report.meetingId] else { continue }
                entries.append(WaitingEntry(ref: .leaveReport(report.meetingId), what: Localized(zh: "请假汇总", en: "Leave report"),
                                            title: "\(meeting.numberedTitle(.zh))（\(report.requests)）", due: meeting.start.day, isOverdue: false))
            }
        }
        return entries.sorted { ($0.due ?? today) < ($1.due ?? today) }
    }
}
