import MeetingKit

/// A withdrawn, shortened or reported absence, and the executive meetings whose chair went
/// back to the mayor (R7).
public struct AbsenceChange: Sendable, Codable {
    public var absence: Absence
    public var restoredMeetings: [Meeting]
}

/// A registered absence and the executive meetings whose chair it handed to the executive
/// vice mayor (R7).
public struct AbsenceRegistration: Sendable, Codable {
    public var absence: Absence
    public var delegatedMeetings: [Meeting]
    /// Leave requests filed, pending approval, for the meetings the absence overlaps (R65, R42).
    public var prefilledLeave: [LeaveRequest] = []
}

extension Session {
    /// Registers an absence from Beijing (R65). The mayor's own needs no approval and at
    /// once hands the chair of the unheld executive meetings in those days to the executive
    /// vice mayor (R7).
    public func registerAbsence(person login: String, from: Day, to: Day, kind: Absence.Kind, reason: String) throws -> AbsenceRegistration {
        try InputLimits.check(reason: reason)
        try Session.validateRange(from: from, to: to, maxDays: 366)
        return try write { change in
            let db = change.db
            let org = try OrgRepository.load(db)
            let person = try Session.person(login, in: org)
            try change.require(.registerAbsence(person), org: org)
            let absence = try AbsenceRepository.insert(db, AbsenceWorkflow.register(person: person, from: from, to: to, kind: kind,
                                                                                     reason: reason, by: actor, org: org, at: change.at))
            try change.audit("absence.register", entity: "absence", id: String(absence.id!), after: AuditSummary.of(absence))
            if person.role == .mayor {
                let delegated = try Session.delegateChairs(db, mayorAway: absence, org: org, change: change)
                return AbsenceRegistration(absence: absence, delegatedMeetings: delegated)
            }
            let leave = try Session.prefillLeave(change, forAbsenceOf: person.login, from: from, to: to, reason: reason)
            return AbsenceRegistration(absence: absence, delegatedMeetings: [], prefilledLeave: leave)
        }
    }

    /// Approves or refuses an absence: the mayor, and for a department head the supervising
    /// vice mayor too (R65); a secretary may record their decision on their behalf.
    @discardableResult
    public func decideAbsence(_ id: Int64, _ event: AbsenceWorkflow.Event) throws -> Absence {
        let action: String
        if case .refuse = event { action = "absence.refuse" } else { action = "absence.approve" }
        return try auditingRefusal(action, entity: "absence", id: String(id)) { try recordAbsenceDecision(id, event, action: action) }
    }

    private func recordAbsenceDecision(_ id: Int64, _ event: AbsenceWorkflow.Event, action: String) throws -> Absence {
        try write { change in
            let db = change.db
            let before = try AbsenceRepository.absence(db, id: id)
            let after = try AbsenceWorkflow.transition(before, event, by: actor, org: try OrgRepository.load(db), at: change.at)
            try AbsenceRepository.update(db, after)
            try change.audit(action, entity: "absence", id: String(id), before: AuditSummary.of(before), after: AuditSummary.of(after))
            return after
        }
    }

    /// Withdraws an absence whose trip was cancelled (R65). When the mayor's is withdrawn, the
    /// executive meetings it handed to the executive vice mayor go back to the mayor (R7).
    @discardableResult
    public func withdrawAbsence(_ id: Int64, reason: String) throws -> AbsenceChange {
        try changeAbsence(id, .withdraw(reason: reason), action: "absence.withdraw")
    }

    /// Shortens an absence to the days from `from` to `to`, within the registered ones; the
    /// mayor's days no longer covered give their meetings' chair back to him (R7).
    @discardableResult
    public func shortenAbsence(_ id: Int64, from: Day, to: Day) throws -> AbsenceChange {
        try changeAbsence(id, .shorten(from: from, to: to), action: "absence.shorten")
    }

    /// Records that the mayor's absence was reported (报备) to the municipal government (R7).
    @discardableResult
    public func reportAbsenceToMunicipality(_ id: Int64) throws -> AbsenceChange {
        try changeAbsence(id, .reportToMunicipality, action: "absence.report")
    }

    private func changeAbsence(_ id: Int64, _ event: AbsenceWorkflow.Event, action: String) throws -> AbsenceChange {
        try write { change in
            let db = change.db
            let org = try OrgRepository.load(db)
            let before = try AbsenceRepository.absence(db, id: id)
            let after = try AbsenceWorkflow.transition(before, event, by: actor, org: org, at: change.at)
            try AbsenceRepository.update(db, after)
            try change.audit(action, entity: "absence", id: String(id), before: AuditSummary.of(before), after: AuditSummary.of(after))
            let restored = org.person(after.personLogin)?.role == .mayor ? try Session.restoreChairs(db, from: before, org: org, change: change) : []
            return AbsenceChange(absence: after, restoredMeetings: restored)
        }
    }

    /// R7: the unheld executive meetings the executive vice mayor chairs because the mayor was
    /// away, on days of `absence` no registered absence of the mayor covers any longer, go back
    /// to the mayor, each change audited.
    static func restoreChairs(_ db: any SQLConnection, from absence: Absence, org: OrgChart, change: Change) throws -> [Meeting] {
        let meetings = try MeetingRepository.meetings(db, from: LocalDateTime(day: absence.fromDay, minuteOfDay: 0),
                                                      to: LocalDateTime(day: absence.toDay.adding(days: 1), minuteOfDay: 0), kind: .executive)
        var restored: [Meeting] = []
        for before in meetings where [.planned, .notified, .postponed].contains(before.status) && before.chairDelegation == .mayorAway {
            let day = before.start.day
            let still = try AbsenceRepository.absences(db, from: day, to: day, person: absence.personLogin)
            guard ChairRule.mayorAway(on: day, mayor: absence.personLogin, absences: still) == nil else { continue }
            var after = before
            after.chairLogin = absence.personLogin
            after.chairDelegation = nil
            after.version += 1
            try MeetingRepository.update(db, after)
            try change.audit("meeting.chairRestored", entity: "meeting", id: String(after.id!), before: AuditSummary.of(before), after: AuditSummary.of(after))
            restored.append(after)
        }
        return restored
    }

    /// Absences overlapping [from, to], optionally of one person or status.
    public func absences(from: Day? = nil, to: Day? = nil, person: String? = nil, status: Absence.Status? = nil) throws -> [Absence] {
        try read { try AbsenceRepository.absences($0, from: from, to: to, person: person, status: status) }
    }

    /// For office staff: the mayor's absences of the last month not yet reported to the
    /// municipal government (R7), for the home screen.
    func absenceWaitingEntries(_ db: any SQLConnection, today: Day) throws -> [WaitingEntry] {
        guard AccessPolicy.isOfficeStaff(actor.person), let mayor = try OrgRepository.load(db).holder(of: .mayor) else { return [] }
        let recent = try AbsenceRepository.unreported(db, person: mayor.login, since: today.adding(days: -30))
        return recent.filter(\.isRegistered).map { a in
            WaitingEntry(ref: .absence(a.id!), what: Localized(zh: "区长离京向市政府报备（R7）", en: "Report the mayor's absence to the city (R7)"),
                         title: "\(mayor.name) \(a.dateText) \(a.kind.name.zh)", due: a.fromDay, isOverdue: today > a.fromDay)
        }
    }

    /// R7: the unheld executive meetings the mayor would chair during his absence pass to
    /// the executive vice mayor, each change audited.
    static func delegateChairs(_ db: any SQLConnection, mayorAway absence: Absence, org: OrgChart, change: Change) throws -> [Meeting] {
        guard let evm = org.holder(of: .executiveViceMayor) else { return [] }
        let meetings = try MeetingRepository.meetings(db, from: LocalDateTime(day: absence.fromDay, minuteOfDay: 0),
                                                      to: LocalDateTime(day: absence.toDay.adding(days: 1), minuteOfDay: 0), kind: .executive)
        var changed: [Meeting] = []
        for before in meetings where [.planned, .notified, .postponed].contains(before.status)
            && before.chairLogin == absence.personLogin && before.chairDelegation == nil {
            var after = before
            after.chairLogin = evm.login
            after.chairDelegation = .mayorAway
            after.version += 1
            try MeetingRepository.update(db, after)
            try change.audit("meeting.chairDelegated", entity: "meeting", id: String(after.id!), before: AuditSummary.of(before), after: AuditSummary.of(after))
            changed.append(after)
        }
        return changed
    }
}
