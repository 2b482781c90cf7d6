/// The absence register's state machine (R65): registered → approved or refused.
///
/// The mayor approves every absence but his own; for a department head (or anyone else in
/// a department) the supervising vice mayor approves too, in either order. Either approver
/// may refuse. The mayor's own absence needs no approval: registering it is enough for R7.
public enum AbsenceWorkflow {
    public enum Event: Hashable, Sendable, Codable {
        case approve
        case refuse(reason: String)
    }

    /// A new absence for `person`, with the approvals the rules require.
    public static func register(person: Person, from: Day, to: Day, kind: Absence.Kind, reason: String,
                                by actor: Actor, org: OrgChart, at stamp: String) -> Absence {
        let isMayor = person.role == .mayor
        var supervisor: String?
        if !person.role.supervisesPortfolio && !isMayor, let code = person.departmentCode,
           let s = org.supervisor(ofDepartment: code), s.login != person.login, !s.isRetired {
            supervisor = s.login
        }
        return Absence(personLogin: person.login, fromDay: from, toDay: to, kind: kind, reason: reason,
                       status: isMayor ? .approved : .pending, needsMayor: !isMayor, supervisorLogin: supervisor,
                       registeredBy: actor.person.login, registeredAt: stamp)
    }

    /// Applies `event` by `actor` (or the leader a secretary records for), or throws the refusal.
    public static func transition(_ absence: Absence, _ event: Event, by actor: Actor, org: OrgChart,
                                  at stamp: String) throws -> Absence {
        guard let person = org.person(absence.personLogin) else {
            throw Refusal.notFound("identity.unknownPerson", "没有登录名为 “\(absence.personLogin)” 的人员",
                                   "no person with login '\(absence.personLogin)'")
        }
        try AccessPolicy(org: org).require(.decideAbsence(person), by: actor)
        guard absence.status == .pending else {
            throw Refusal.conflict("absence.decided", "该离京登记已\(absence.status.name.zh)，不能再审批",
                                   "this absence is already \(absence.status.name.en)")
        }
        let principal = actor.principal
        let asMayor = principal.role == .mayor && absence.needsMayor
        let asSupervisor = principal.login == absence.supervisorLogin
        var next = absence
        next.version += 1
        switch event {
        case .approve:
            if asMayor && absence.mayorApprovedAt == nil {
                next.mayorApprovedAt = stamp
            } else if asSupervisor && absence.supervisorApprovedAt == nil {
                next.supervisorApprovedAt = stamp
            } else {
                throw Refusal.conflict("absence.alreadyApproved", "\(principal.name) 已批准过该离京登记",
                                       "\(principal.name) has already approved this absence")
            }
            if !next.awaitsMayor && !next.awaitsSupervisor { next.status = .approved }
        case .refuse(let reason):
            try InputLimits.check(reason: reason)
            next.status = .refused
            next.refusedBy = principal.login
            next.refusalReason = reason
        }
        return next
    }

    /// Who approves `person`'s absences, for messages: the mayor, plus the supervisor.
    public static func approversText(for person: Person, org: OrgChart) -> Localized {
        let mayor = org.holder(of: .mayor)?.name ?? "—"
        if let code = person.departmentCode, !person.role.supervisesPortfolio, person.role != .mayor,
           let s = org.supervisor(ofDepartment: code), s.login != person.login {
            return Localized(zh: "由区长（\(mayor)）和分管副区长（\(s.name)）审批",
                             en: "is approved by the mayor (\(mayor)) and the supervising vice mayor (\(s.name))")
        }
        return Localized(zh: "由区长（\(mayor)）审批", en: "is approved by the mayor (\(mayor))")
    }
}
