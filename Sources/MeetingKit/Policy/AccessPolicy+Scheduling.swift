/// Who may schedule meetings, approve them (R61), and register and approve absences (R65).
extension AccessPolicy {
    /// The office staff who run the calendar: secretaries, the office director, administrators.
    func isOfficeStaff(_ person: Person) -> Bool {
        person.isAdmin || person.role == .secretary || person.role == .officeDirector
    }

    /// Office staff schedule every meeting; a vice mayor may schedule the ad hoc topical
    /// meetings he convenes himself (R40).
    func refusalToSchedule(_ kind: MeetingKind, convener: String, by actor: Actor) -> Refusal? {
        if isOfficeStaff(actor.person) { return nil }
        let principal = actor.principal
        if kind == .topical && principal.role.supervisesPortfolio && principal.login == convener { return nil }
        return .forbidden("meeting.notScheduler",
                          "只有办公室工作人员可以安排会议；副区长可以安排自己召集的专题会议（R40）。\(actor.person.name)（\(actor.person.login)）不能安排这次\(kind.name.zh)",
                          "only office staff schedule meetings; a vice mayor may schedule the topical meetings he convenes (R40). \(actor.person.name) (\(actor.person.login)) may not schedule this \(kind.name.en.lowercased())")
    }

    /// Only the mayor approves a meeting in the government's name convened by someone else
    /// (R61); a secretary may record his approval on his behalf.
    func refusalToApproveMeeting(by actor: Actor) -> Refusal? {
        if actor.principal.role == .mayor { return nil }
        return .rule("R61", "meeting.approveNotMayor",
                     "以区政府名义召开的会议须经区长批准，\(actor.principal.name)（\(actor.principal.login)）不能批准",
                     "a meeting in the government's name is approved by the mayor; \(actor.principal.name) (\(actor.principal.login)) cannot approve it")
    }

    /// Only the mayor entrusts the chair of an executive meeting (R39); a secretary may record
    /// his entrustment on his behalf, but cannot assert it alone.
    func refusalToEntrustChair(by actor: Actor) -> Refusal? {
        if actor.principal.role == .mayor { return nil }
        let mayor = org.holder(of: .mayor)?.login ?? "…"
        return .rule("R39", "meeting.entrustNotByMayor",
                     "常务副区长主持常务会议须经区长委托（区长本人，或代录：--on-behalf-of \(mayor)），或区长离京时依 R7 主持；\(actor.principal.name)不能自行认定",
                     "the executive vice mayor chairs an executive meeting when the mayor entrusts him (the mayor, or recorded on his behalf: --on-behalf-of \(mayor)) or when the mayor is away (R7); \(actor.principal.name) cannot assert it")
    }

    /// Anyone registers his own absence; office staff register anyone's.
    func refusalToRegisterAbsence(of person: Person, by actor: Actor) -> Refusal? {
        if actor.person.login == person.login || isOfficeStaff(actor.person) { return nil }
        return .forbidden("absence.notRegistrar",
                          "只能登记自己的离京情况；办公室工作人员可以为他人登记",
                          "you may register only your own absence; office staff register others'")
    }

    /// The mayor decides every absence but his own; a department's supervising vice mayor
    /// decides too for the people of that department (R65).
    func refusalToDecideAbsence(of person: Person, by actor: Actor) -> Refusal? {
        let principal = actor.principal
        if person.role == .mayor {
            return .invalid("absence.mayorNeedsNoApproval", "区长离京登记无需审批", "the mayor's absence needs no approval")
        }
        if principal.role == .mayor { return nil }
        if !person.role.supervisesPortfolio, let code = person.departmentCode,
           org.department(code)?.supervisorLogin == principal.login, principal.login != person.login {
            return nil
        }
        let who = AbsenceWorkflow.approversText(for: person, org: org)
        return .rule("R65", "absence.wrongApprover",
                     "\(person.name)（\(person.login)）的离京登记\(who.zh)，\(principal.name)（\(principal.login)）不能审批",
                     "the absence of \(person.name) (\(person.login)) \(who.en); \(principal.name) (\(principal.login)) cannot decide it")
    }

    /// Office staff load the State Council's holiday notices.
    func refusalToManageHolidays(by actor: Actor) -> Refusal? {
        if isOfficeStaff(actor.person) { return nil }
        return .forbidden("holidays.notStaff", "只有办公室工作人员或管理员可以导入假日数据",
                          "only office staff or an administrator may import holiday data")
    }
}
