/// The absence register's state machine (R65, R7): registered → approved or refused; any
/// registered absence may be withdrawn or shortened, and the mayor's is reported (报备) to
/// the municipal government.
///
/// R65 names whose absences are approved: a vice mayor reports to the mayor (approved by
/// him); the principal head of a department or street asks the mayor and the supervising
/// vice mayor, in either order, and either may refuse. Other staff only register theirs,
/// and the mayor's own needs no approval: registering it is enough for R7.
public enum AbsenceWorkflow {
    public enum Event: Hashable, Sendable, Codable {
        case approve
        case refuse(reason: String)
        /// The trip was cancelled.
        case withdraw(reason: String)
        /// The trip became shorter: the new first and last days, within the old ones.
        case shorten(from: Day, to: Day)
        /// The mayor's absence was reported to the municipal government (R7 "向市政府报备").
        case reportToMunicipality
    }

    /// A new absence for `person`, with the approvals the rules require.
    public static func register(person: Person, from: Day, to: Day, kind: Absence.Kind, reason: String,
                                by actor: Actor, org: OrgChart, at stamp: String) -> Absence {
        let isHead = org.departments.values.contains { $0.headLogin == person.login }
        let needsMayor = person.role.supervisesPortfolio || (isHead && person.role != .mayor)
        var supervisor: String?
        if isHead && !person.role.supervisesPortfolio && person.role != .mayor, let code = person.departmentCode,
           let s = org.supervisor(ofDepartment: code), s.login != person.login, !s.isRetired {
            supervisor = s.login
        }
        return Absence(personLogin: person.login, fromDay: from, toDay: to, kind: kind, reason: reason,
                       status: needsMayor ? .pending : .approved, needsMayor: needsMayor, supervisorLogin: supervisor,
                       registeredBy: actor.person.login, registeredAt: stamp)
    }

    /// Applies `event` by `actor` (or the leader a secretary records for), or throws the refusal.
    public static func transition(_ absence: Absence, _ event: Event, by actor: Actor, org: OrgChart,
                                  at stamp: String) throws -> Absence {
        guard let person = org.person(absence.personLogin) else {
            throw RefusalCatalog.unknownPerson(absence.personLogin)
        }
        switch event {
        case .approve, .refuse: try AccessPolicy(org: org).require(.decideAbsence(person), by: actor)
        case .withdraw, .shorten, .reportToMunicipality: return try change(absence, event, of: person, by: actor, org: org, at: stamp)
        }
        guard absence.withdrawnAt == nil else { throw withdrawn() }
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
        case .withdraw, .shorten, .reportToMunicipality:
            break
        }
        return next
    }

    /// Withdrawal, shortening and the report: by whoever may register the absence.
    private static func change(_ absence: Absence, _ event: Event, of person: Person, by actor: Actor, org: OrgChart,
                               at stamp: String) throws -> Absence {
        try AccessPolicy(org: org).require(.changeAbsence(person), by: actor)
        guard absence.withdrawnAt == nil else { throw withdrawn() }
        guard absence.status != .refused else {
            throw Refusal.conflict("absence.decided", "该离京登记未获批准，无需再更改", "this absence was refused; there is nothing to change")
        }
        var next = absence
        next.version += 1
        switch event {
        case .withdraw(let reason):
            try InputLimits.check(reason: reason)
            next.withdrawnBy = actor.person.login
            next.withdrawnAt = stamp
            next.withdrawalReason = reason
        case .shorten(let from, let to):
            guard from <= to, absence.fromDay <= from, to <= absence.toDay, (from, to) != (absence.fromDay, absence.toDay) else {
                throw Refusal.invalid("absence.notShorter", "缩短后的日期须在原登记 \(absence.dateText) 之内且更短；取消行程请撤销登记",
                                      "the new dates must lie within \(absence.dateText) and be shorter; to cancel the trip, withdraw it")
            }
            next.fromDay = from
            next.toDay = to
        case .reportToMunicipality:
            guard person.role == .mayor else {
                throw Refusal.invalid("absence.reportNotMayor", "只有区长离京须向市政府报备（R7）", "only the mayor's absences are reported to the municipal government (R7)")
            }
            guard absence.reportedAt == nil else {
                throw Refusal.conflict("absence.alreadyReported", "已于 \(absence.reportedAt ?? "") 向市政府报备", "already reported to the municipal government at \(absence.reportedAt ?? "")")
            }
            next.reportedBy = actor.person.login
            next.reportedAt = stamp
        case .approve, .refuse:
            break
        }
        return next
    }

    static func withdrawn() -> Refusal {
        Refusal.conflict("absence.withdrawn", "该离京登记已撤销", "this absence was withdrawn")
    }

    /// Who approves `person`'s absences, for messages: the mayor, plus the supervisor.
    public static func approversText(for person: Person, org: OrgChart) -> Localized {
        let mayor = org.holder(of: .mayor)?.name ?? "—"
        if let code = person.departmentCode, !person.role.supervisesPortfolio, person.role != .mayor,
           org.department(code)?.headLogin == person.login,
           let s = org.supervisor(ofDepartment: code), s.login != person.login {
            return Localized(zh: "由区长（\(mayor)）和分管副区长（\(s.name)）审批",
                             en: "is approved by the mayor (\(mayor)) and the supervising vice mayor (\(s.name))")
        }
        return Localized(zh: "由区长（\(mayor)）审批", en: "is approved by the mayor (\(mayor))")
    }
}
