import GRDB
import MeetingKit

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
            var absence = AbsenceWorkflow.register(person: person, from: from, to: to, kind: kind, reason: reason,
                                                   by: actor, org: org, at: change.at)
            try absence.insert(db)
            absence.id = db.lastInsertedRowID
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
            try after.update(db)
            try change.audit(action, entity: "absence", id: String(id), before: AuditSummary.of(before), after: AuditSummary.of(after))
            return after
        }
    }

    /// Absences overlapping [from, to], optionally of one person or status.
    public func absences(from: Day? = nil, to: Day? = nil, person: String? = nil, status: Absence.Status? = nil) throws -> [Absence] {
        try read { try AbsenceRepository.absences($0, from: from, to: to, person: person, status: status) }
    }

    /// R7: the unheld executive meetings the mayor would chair during his absence pass to
    /// the executive vice mayor, each change audited.
    static func delegateChairs(_ db: Database, mayorAway absence: Absence, org: OrgChart, change: Change) throws -> [Meeting] {
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
            try after.update(db)
            try change.audit("meeting.chairDelegated", entity: "meeting", id: String(after.id!), before: AuditSummary.of(before), after: AuditSummary.of(after))
            changed.append(after)
        }
        return changed
    }
}
