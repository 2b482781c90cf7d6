/// The one place that answers "may this person do this?", with the rule that decides it.
///
/// Refusals name the article of the work rules when a rule is the reason, e.g.
/// "R42: leave of a vice mayor is approved by the mayor".
public struct AccessPolicy: Sendable {
    public let org: OrgChart

    public init(org: OrgChart) { self.org = org }

    /// Returns nil when `actor` may perform `action`, else the refusal.
    public func refusal(for action: Action, by actor: Actor) -> Refusal? {
        if actor.person.isRetired {
            return Refusal(.rule, code: "identity.retired", Localized(
                zh: "\(actor.person.name)（\(actor.person.login)）已退出，不能再操作",
                en: "\(actor.person.name) (\(actor.person.login)) is retired and can no longer act"))
        }
        switch action {
        case .actAs(let other):
            return refusalToActAs(other, by: actor)
        case .recordOnBehalfOf(let leader):
            return refusalToRecord(for: leader, by: actor)
        case .administerOrgChart:
            let p = actor.person
            if p.isAdmin || p.role == .officeDirector { return nil }
            return .forbidden("org.notAdministrator",
                         "只有系统管理员或办公室主任可以维护组织机构",
                         "only an administrator or the office director may change the org chart")
        case .readAuditLog:
            return nil
        case .maintainStore:
            return actor.person.isAdmin ? nil
                : .forbidden("store.notAdministrator", "只有系统管理员可以备份或恢复数据库",
                             "only an administrator may back up or restore the database")
        case .scheduleMeeting(let kind, let convener): return refusalToSchedule(kind, convener: convener, by: actor)
        case .approveMeeting: return refusalToApproveMeeting(by: actor)
        case .entrustChair: return refusalToEntrustChair(by: actor)
        case .registerAbsence(let person), .changeAbsence(let person): return refusalToRegisterAbsence(of: person, by: actor)
        case .decideAbsence(let person): return refusalToDecideAbsence(of: person, by: actor)
        case .manageHolidays: return refusalToManageHolidays(by: actor)
        case .agendaStep(let step, let item): return refusalForAgenda(step, item: item, by: actor)
        case .editAgenda(let meeting): return refusalToEditAgenda(of: meeting, by: actor)
        case .fileLeave(let person):
            return refusalToFileLeave(for: person, by: actor)
        case .decideLeave(let person), .overrideLateLeave(let person):
            return refusalToDecideLeave(of: person, by: actor)
        case .markAttendance:
            return refusalToMarkAttendance(by: actor)
        case .grantAdministrator, .startTerm, .configureRules:
            return refusalToAdminister(action, by: actor)
        case .draftMinutes(let route, let lead): return refusalToDraftMinutes(route: route, leadDepartmentCode: lead, by: actor)
        case .changeMinutes(let minutes): return refusalToChangeMinutes(minutes, by: actor)
        case .reviewMinutes(let minutes): return refusalToReviewMinutes(minutes, by: actor)
        case .readMinutesBody(let minutes, let attendees): return refusalToReadMinutesBody(minutes, attendees: attendees, by: actor)
        case .declassifyMinutes(let minutes): return refusalToDeclassify(minutes, by: actor)
        case .updateFollowUp(let followUp): return refusalToUpdateFollowUp(followUp, by: actor)
        case .reportFollowUp(let followUp, let units): return refusalToReportFollowUp(followUp, units: units, by: actor)
        case .attachDocument(let target): return refusalToAttach(to: target, by: actor)
        case .answerReceipt(let person): return refusalToAnswerReceipt(for: person, by: actor)
        }
    }

    /// Throws the refusal when `actor` may not perform `action`.
    public func require(_ action: Action, by actor: Actor) throws {
        if let refusal = refusal(for: action, by: actor) { throw refusal }
    }

    private func refusalToActAs(_ other: Person, by actor: Actor) -> Refusal? {
        guard actor.person.isAdmin else {
            return .forbidden("identity.asNotAdmin",
                         "只有系统管理员可以使用 --as 以他人身份操作（\(actor.person.login) 不是管理员）",
                         "only an administrator may act as someone else with --as (\(actor.person.login) is not one)")
        }
        return other.isRetired
            ? .forbidden("identity.retired", "\(other.name)（\(other.login)）已退出，不能再操作",
                    "\(other.name) (\(other.login)) is retired and can no longer act")
            : nil
    }

    private func refusalToRecord(for leader: Person, by actor: Actor) -> Refusal? {
        let recorder = actor.person
        guard recorder.role == .secretary || recorder.role == .officeDirector || recorder.isAdmin else {
            return .forbidden("identity.onBehalfNotSecretary",
                         "只有办公室工作人员可以代录他人的决定（\(recorder.login) 不是）",
                         "only office staff may record a decision on someone's behalf (\(recorder.login) is not)")
        }
        guard leader.login != recorder.login else {
            return .invalid("identity.onBehalfSelf", "不能代录自己的决定", "cannot record on your own behalf")
        }
        return leader.isRetired
            ? .forbidden("identity.retired", "\(leader.name)（\(leader.login)）已退出", "\(leader.name) (\(leader.login)) is retired")
            : nil
    }
}
