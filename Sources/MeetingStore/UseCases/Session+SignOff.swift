import MeetingKit

extension Session {
    /// The head of a department entrusts a deputy of the same department with presiding over
    /// its work: the deputy then signs off what the department sends to the government in the
    /// head's place (R45(2) "或由其委托主持工作的负责同志签发"); nil withdraws it. The head's act,
    /// in person or recorded by a secretary on his behalf; audited.
    @discardableResult
    public func entrustSignOff(department code: String, to deputy: String?) throws -> Department {
        try write { change in
            let db = change.db
            let org = try OrgRepository.load(db)
            let stored = try OrgRepository.department(db, code: code.uppercased())
            var department = stored.value
            let principal = actor.principal
            guard department.headLogin == principal.login else {
                let head = department.headLogin.flatMap { org.person($0) }
                throw Refusal.rule("R45(2)", "department.entrustNotHead",
                                   "委托主持工作的负责同志签发由\(department.name)主要负责人\(head?.name ?? "")决定（或代录：--on-behalf-of \(head?.login ?? "…")）",
                                   "only the head of \(department.name), \(head?.name ?? "(none)"), entrusts a deputy with the sign-off (or recorded on his behalf: --on-behalf-of \(head?.login ?? "…"))")
            }
            if let deputy {
                let person = try Session.person(deputy, in: org)
                guard person.departmentCode == department.code, person.login != department.headLogin, !person.isRetired else {
                    throw Refusal.invalid("department.deputyNotMember", "\(person.name)（\(person.login)）不是\(department.name)的在职负责同志",
                                          "\(person.name) (\(person.login)) is not a serving member of \(department.name)")
                }
            }
            department.entrustedDeputyLogin = deputy
            try OrgRepository.update(db, department)
            try OrgRepository.bumpDepartmentVersion(db, code: department.code)
            try change.audit("department.entrust", entity: "department", id: department.code,
                             before: AuditSummary.of(stored.value), after: AuditSummary.of(department))
            return department
        }
    }
}
