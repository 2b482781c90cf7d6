/// R42: who approves whose leave, and that leave is asked in advance.
///
/// 区政府领导同志不能出席区政府重要会议的，需向区长请假。区政府各部门主要负责同志和其他需要参加
/// 会议的人员请假，应当提前向区政府办公室主任请假，由区政府办公室汇总后向区长报告。
public enum LeaveRule {
    /// The role whose holder approves `person`'s leave, or a refusal for the mayor.
    ///
    /// - executive vice mayor, vice mayors: the mayor;
    /// - the office director: the mayor too, because no one approves their own leave;
    /// - department heads, street directors and everyone else: the office director;
    /// - the mayor files no leave: when the mayor cannot attend, the chair is delegated (R39, R7).
    public static func approverRole(for person: Person) throws -> Role {
        switch person.role {
        case .mayor:
            throw Refusal.rule("R42", "leave.mayorDelegates",
                               "区长不请假：区长不能出席时，由区长委托常务副区长主持会议（R39、R7），请改为委托主持",
                               "the mayor does not file leave: when the mayor cannot attend, the chair is delegated to the executive vice mayor (R39, R7)")
        case .executiveViceMayor, .viceMayor, .officeDirector:
            return .mayor
        case .departmentHead, .streetDirector, .officeDeputyDirector, .secretary, .admin:
            return .officeDirector
        }
    }

    /// The person who approves `person`'s leave now.
    public static func approver(for person: Person, org: OrgChart) throws -> Person {
        let role = try approverRole(for: person)
        guard let holder = org.holder(of: role) else {
            throw Refusal.notFound("leave.noApprover", "组织机构中没有\(role.title.zh)，无法审批请假",
                                   "the org chart has no \(role.title.en.lowercased()) to approve leave")
        }
        return holder
    }

    /// Why the rules route `person`'s leave to `approver`, for messages: "R42: 副区长的请假由区长审批".
    public static func routing(of person: Person, to approver: Person) -> Localized {
        Localized(zh: "\(person.role.title.zh)\(person.name)的请假由\(approver.role.title.zh)\(approver.name)审批",
                  en: "leave of the \(person.role.title.en.lowercased()) \(person.name) is approved by the \(approver.role.title.en.lowercased()) \(approver.name)")
    }

    /// A request is in advance when it is made before the meeting starts.
    public static func isInAdvance(filedAt now: LocalDateTime, meetingStart: LocalDateTime) -> Bool { now < meetingStart }
}
