import MeetingKit

extension Session {
    /// Moves a meeting to another time: it becomes postponed, the move is kept in its
    /// history, the later unheld meetings are renumbered in date order, and an executive
    /// meeting's chair follows the mayor's absences (R7). Returns the new conflicts.
    /// `expectedVersion` is the version the caller read (optimistic locking, ``RecordVersion``).
    public func moveMeeting(_ id: Int64, to start: LocalDateTime, durationMinutes: Int? = nil, reason: String? = nil,
                            expectedVersion: Int? = nil) throws -> ScheduledMeeting {
        try InputLimits.check(note: reason, field: Localized(zh: "理由", en: "reason"))
        return try write { change in
            let db = change.db
            let org = try OrgRepository.load(db)
            var previousStart = start
            let stored = try change.update(Meeting.self, id, expected: expectedVersion, audit: "meeting.move") { before in
                previousStart = before.start
                var after = try MeetingWorkflow.transition(before, .move(to: start, durationMinutes: durationMinutes, reason: reason),
                                                           by: actor, policy: AccessPolicy(org: org), now: change.now)
                if after.kind == .executive && after.chairDelegation != .entrusted {
                    let absences = try AbsenceRepository.absences(db, from: start.day, to: start.day)
                    let chair = ChairRule.resolve(kind: .executive, requested: nil, convener: after.convenerLogin, day: start.day, org: org, absences: absences)
                    after.chairLogin = chair.chair
                    after.chairDelegation = chair.delegation
                }
                try MeetingRepository.update(db, after)
                let move = MeetingMove(meetingId: id, previousStart: before.start, previousDurationMinutes: before.durationMinutes,
                                       newStart: after.start, newDurationMinutes: after.durationMinutes, reason: reason,
                                       movedAt: change.at, movedBy: actor.person.login)
                try MeetingRepository.insert(db, move)
                try MeetingRepository.renumber(db, term: after.termNumber, kind: after.kind)
                return try MeetingRepository.meeting(db, id: id)
            }.value
            try itemsFollow(change, meeting: stored, movedFrom: previousStart)
            return ScheduledMeeting(meeting: stored, conflicts: try Session.conflicts(db, of: stored, calendar: try HolidayRepository.calendar(db), org: org))
        }
    }

    /// Cancels a meeting with a reason: the later meetings whose numbers are not yet published
    /// are renumbered (a published number stays with it, R37), and its items go back to
    /// accepted with a notice to their lead departments (R5, R18).
    @discardableResult
    public func cancelMeeting(_ id: Int64, reason: String, expectedVersion: Int? = nil) throws -> Meeting {
        try InputLimits.check(note: reason, field: Localized(zh: "理由", en: "reason"))
        return try changeMeeting(id, .cancel(reason: reason), renumber: true, expectedVersion: expectedVersion) { change, cancelled in
            try itemsFollow(change, meeting: cancelled, movedFrom: nil)
        }
    }

    /// The mayor entrusts the executive vice mayor with chairing an executive meeting (R39);
    /// a secretary records it only on his behalf.
    @discardableResult
    public func entrustChair(_ id: Int64, expectedVersion: Int? = nil) throws -> Meeting {
        try auditingRefusal("meeting.entrust", entity: "meeting", id: String(id)) {
            let evm = try orgChart().holder(of: .executiveViceMayor)
            guard let evm else {
                throw Refusal.notFound("org.noExecutiveViceMayor", "组织机构中没有常务副区长", "the org chart has no executive vice mayor")
            }
            return try changeMeeting(id, .entrust(executiveViceMayor: evm.login), expectedVersion: expectedVersion)
        }
    }

    /// Records that the notices went out; refused while the mayor's approval is awaited (R61).
    @discardableResult
    public func notifyMeeting(_ id: Int64, expectedVersion: Int? = nil) throws -> Meeting {
        try changeMeeting(id, .notify, expectedVersion: expectedVersion)
    }

    /// Records that the meeting took place; its number is then kept forever.
    @discardableResult
    public func holdMeeting(_ id: Int64, expectedVersion: Int? = nil) throws -> Meeting {
        try changeMeeting(id, .hold, expectedVersion: expectedVersion)
    }

    /// The mayor approves a meeting in the government's name convened by someone else (R61).
    @discardableResult
    public func approveMeeting(_ id: Int64, expectedVersion: Int? = nil) throws -> Meeting {
        try auditingRefusal("meeting.approve", entity: "meeting", id: String(id)) {
            try changeMeeting(id, .approve, expectedVersion: expectedVersion)
        }
    }

    private func changeMeeting(_ id: Int64, _ event: MeetingWorkflow.Event, renumber: Bool = false, expectedVersion: Int?,
                               then: (Change, Meeting) throws -> Void = { _, _ in }) throws -> Meeting {
        try write { change in
            let stored = try change.update(Meeting.self, id, expected: expectedVersion, audit: event.auditAction) { before in
                let after = try MeetingWorkflow.transition(before, event, by: actor, policy: try policy(change.db), now: change.now)
                try MeetingRepository.update(change.db, after)
                if renumber { try MeetingRepository.renumber(change.db, term: after.termNumber, kind: after.kind) }
                return try MeetingRepository.meeting(change.db, id: id)
            }.value
            try then(change, stored)
            return stored
        }
    }

    /// Adds a person of the org chart, or a named guest, to a meeting's roster. A person
    /// sits in unless another role is given; a guest is invited.
    @discardableResult
    public func inviteToMeeting(_ id: Int64, person login: String? = nil, guest: String? = nil, guestOrg: String? = nil,
                                role: Participation? = nil) throws -> Participant {
        guard (login == nil) != (guest == nil) else {
            throw Refusal.invalid("invite.personOrGuest", "请指定 --person 或 --guest（二选一）", "give either --person or --guest")
        }
        if let guest { try InputLimits.check(name: guest) }
        if let guestOrg { try InputLimits.check(name: guestOrg, field: Localized(zh: "单位", en: "organisation")) }
        return try write { change in
            let db = change.db
            let org = try OrgRepository.load(db)
            let meeting = try MeetingRepository.meeting(db, id: id)
            try change.require(.scheduleMeeting(meeting.kind, convener: meeting.convenerLogin), org: org)
            guard [.planned, .notified, .postponed].contains(meeting.status) else {
                throw Refusal.conflict("meeting.closed", "该会议\(meeting.status.name.zh)，不能再更改",
                                       "this meeting is \(meeting.status.name.en) and can no longer change")
            }
            let roster = try MeetingRepository.participants(db, meetingId: id)
            if let login {
                let person = try Session.person(login, in: org)
                if person.isRetired {
                    throw Refusal.forbidden("identity.retired", "\(person.name)（\(person.login)）已退出", "\(person.name) (\(person.login)) is retired")
                }
                if roster.contains(where: { $0.personLogin == login }) || meeting.chairLogin == login {
                    throw Refusal.conflict("invite.already", "\(person.name)（\(login)）已在参会名单中", "\(person.name) (\(login)) is already on the roster")
                }
            } else if roster.contains(where: { $0.guestName == guest && $0.guestOrg == guestOrg }) {
                throw Refusal.conflict("invite.already", "\(guest ?? "") 已在参会名单中", "\(guest ?? "") is already on the roster")
            }
            let participant = try MeetingRepository.insert(db, Participant(
                meetingId: id, personLogin: login, guestName: guest, guestOrg: guestOrg,
                role: role ?? (login == nil ? .invited : .sitsIn), position: (roster.map(\.position).max() ?? -1) + 1))
            try change.audit("meeting.invite", entity: "meeting", id: String(id), after: AuditSummary.of(participant))
            return participant
        }
    }
}
