import MeetingKit

extension Session {
    /// Changes a meeting's subject, room or chair, with the permissions of the other meeting
    /// changes (the office for plenary and executive meetings, the convening vice mayor's side
    /// for his topical ones) and while it is not held or cancelled. A new chair passes the
    /// chair rules of its kind (R38–R40); naming the executive vice mayor for an executive
    /// meeting is the mayor's entrusting (R39), which the office cannot assert unless the
    /// mayor is registered away (R7). A new chair not on the roster joins it as a member.
    /// `expectedVersion` is the version the caller read (optimistic locking, ``RecordVersion``).
    /// Of the refusals, only the R39 one is audited (`refused.meeting.edit`): entrusting the
    /// chair is a decision the rules reserve to the mayor, as ``entrustChair(_:expectedVersion:)`` audits it.
    @discardableResult
    public func editMeeting(_ id: Int64, _ edit: MeetingEdit, expectedVersion: Int? = nil) throws -> Meeting {
        try edit.checkInput()
        return try auditingRefusal("meeting.edit", entity: "meeting", id: String(id), audits: { $0.code == "meeting.entrustNotByMayor" }) {
            try write { change in
                let db = change.db
                let org = try OrgRepository.load(db)
                return try change.update(Meeting.self, id, expected: expectedVersion, audit: "meeting.edit") { before in
                    // Who may change it is checked before what the new chair would be, so a person
                    // without the right learns only that.
                    try change.require(.scheduleMeeting(before.kind, convener: before.convenerLogin), org: org)
                    var resolved = edit
                    var delegation = before.chairDelegation
                    if let requested = edit.chair, requested != before.chairLogin {
                        let named = try Session.person(requested, in: org)
                        let day = before.start.day
                        let absences = try AbsenceRepository.absences(db, from: day, to: day)
                        let chair = ChairRule.resolve(kind: before.kind, requested: requested, convener: before.convenerLogin, day: day,
                                                      org: org, absences: absences)
                        let chairPerson = try Session.person(chair.chair, in: org)
                        if chair.delegation == .mayorAway {
                            throw RefusalCatalog.mayorAwayOnMeetingDay(mayor: named, substitute: chairPerson, day: day)
                        }
                        if let refusal = ChairRule.refusal(chair: chairPerson, kind: before.kind) { throw refusal }
                        if chair.delegation == .entrusted,
                           let refusal = ChairRule.entrustmentRefusal(day: day, org: org, absences: absences, by: change.actor) {
                            throw refusal
                        }
                        resolved.chair = chair.chair
                        delegation = chair.delegation
                    }
                    let after = try MeetingWorkflow.transition(before, .edit(resolved, chairDelegation: delegation), by: actor,
                                                               policy: AccessPolicy(org: org), now: change.now)
                    try MeetingRepository.update(db, after)
                    if after.chairLogin != before.chairLogin {
                        let roster = try MeetingRepository.participants(db, meetingId: id)
                        if !roster.contains(where: { $0.personLogin == after.chairLogin }) {
                            try MeetingRepository.insertParticipants(db, meetingId: id, entries: [.person(after.chairLogin, .member)],
                                                                     startingAt: (roster.map(\.position).max() ?? -1) + 1)
                        }
                    }
                    return try MeetingRepository.meeting(db, id: id)
                }.value
            }
        }
    }
}
