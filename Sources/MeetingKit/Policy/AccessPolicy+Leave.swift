/// Leave and attendance (R42): who may file, decide and record.
extension AccessPolicy {
    /// Office staff enter and route everything (secretaries, the office director, administrators).
    public static func isOfficeStaff(_ person: Person) -> Bool {
        person.isAdmin || person.role == .secretary || person.role == .officeDirector
    }

    /// A person files their own leave; office staff, and the person's approver (who may take a
    /// request by phone and accept it late), may file it for them.
    func refusalToFileLeave(for person: Person, by actor: Actor) -> Refusal? {
        if person.login == actor.principal.login || AccessPolicy.isOfficeStaff(actor.person) { return nil }
        if let approver = try? LeaveRule.approver(for: person, org: org), approver.login == actor.principal.login { return nil }
        return .forbidden("leave.fileForOther",
                          "只能为自己请假；为他人请假须由办公室工作人员办理（\(actor.person.login) 不是）",
                          "you may file leave only for yourself; office staff file it for others (\(actor.person.login) is not)")
    }

    /// Only the approver R42 names may decide, in person or through a secretary recording for them.
    func refusalToDecideLeave(of person: Person, by actor: Actor) -> Refusal? {
        let approver: Person
        do {
            approver = try LeaveRule.approver(for: person, org: org)
        } catch let refusal as Refusal {
            return refusal
        } catch {
            return .invalid("leave.noApprover", "\(error)", "\(error)")
        }
        guard actor.principal.login != approver.login else { return nil }
        let routing = LeaveRule.routing(of: person, to: approver)
        let who = actor.principal
        var zh = routing.zh + "，\(who.name)（\(who.login)）不能审批"
        var en = routing.en + "; \(who.name) (\(who.login)) may not decide it"
        if AccessPolicy.isOfficeStaff(actor.person) && actor.onBehalfOf == nil {
            zh += "。代录请加 --on-behalf-of \(approver.login)"
            en += ". To record the decision for them, add --on-behalf-of \(approver.login)"
        }
        return .rule("R42", "leave.wrongApprover", zh, en)
    }

    func refusalToMarkAttendance(by actor: Actor) -> Refusal? {
        if AccessPolicy.isOfficeStaff(actor.person) { return nil }
        return .forbidden("attendance.notOfficeStaff",
                          "只有办公室工作人员可以登记签到（\(actor.person.login) 不是）",
                          "only office staff may record attendance (\(actor.person.login) is not)")
    }
}
