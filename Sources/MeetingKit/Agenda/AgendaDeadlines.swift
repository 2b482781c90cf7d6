/// What each agenda item waits on, and the R46 deadlines of the leaders' steps.
///
/// R46(2): a leader's approval takes at most 5 working days; what the leader returns is fed
/// back to the unit within 1 working day. Working days come from the ``HolidayCalendar``
/// (weekends and public holidays off, adjusted working days on); the day a step begins
/// does not count, so a step begun on 2026-09-30 is due by the end of 2026-10-13.
public enum AgendaDeadlines {
    /// R46(2): a leader's approval step.
    public static let leaderWorkingDays = 5
    /// R46(2): feeding a returned decision back to the unit.
    public static let feedbackWorkingDays = 1

    /// The steps `item` waits on now (none once decided or withdrawn, nor while on a meeting).
    public static func pendingSteps(for item: AgendaItem, org: OrgChart, calendar: HolidayCalendar) -> [PendingStep] {
        pendingSteps(for: [item], org: org, calendar: calendar)
    }

    /// The steps each of `items` waits on now, in their order; the office's staff is looked up
    /// once for all of them (a home screen asks this of every open item).
    public static func pendingSteps(for items: [AgendaItem], org: OrgChart, calendar: HolidayCalendar) -> [PendingStep] {
        let office = org.officeStaffLogins()
        return items.flatMap { pendingSteps(for: $0, org: org, office: office, calendar: calendar) }
    }

    private static func pendingSteps(for item: AgendaItem, org: OrgChart, office: [String], calendar: HolidayCalendar) -> [PendingStep] {
        guard let id = item.id else { return [] }
        let since = item.stepStartedAt.day
        func step(_ kind: PendingStep.Kind, _ who: [String], department: String? = nil, days: Int? = nil) -> PendingStep {
            let due = days.map { calendar.addingWorkingDays($0, to: since) }
            return PendingStep(itemId: id, itemTitle: item.title, kind: kind, waitingOn: who, departmentCode: department ?? item.leadCode,
                               since: since, due: due, flagged: item.isFlagged,
                               dueWarning: due.flatMap { calendar.estimateWarning(since: since, due: $0) })
        }
        let vm = org.supervisor(ofDepartment: item.leadCode).map { [$0.login] } ?? []
        switch item.state {
        case .draft:
            return [step(.submit, org.head(of: item.leadCode).map { [$0.login] } ?? [])]
        case .consulting:
            return item.awaitedOpinions.map { code in
                step(.opinion, org.head(of: code).map { [$0.login] } ?? [], department: code)
            }
        case .disputed where item.statement == nil && item.coordinationFailedAt != nil:
            let lead = org.department(item.leadCode)
            return [step(.state, [lead?.headLogin, lead?.entrustedDeputyLogin].compactMap { $0 })]
        case .disputed where item.statement == nil:
            return [step(.coordinate, vm, days: leaderWorkingDays)]
        case .consensus, .disputed:
            return [step(.approve, vm, days: leaderWorkingDays)]
        case .approved:
            return [step(.feedback, office, days: feedbackWorkingDays)]
        case .accepted:
            return [step(.schedule, office)]
        case .scheduled, .decided, .withdrawn:
            return []
        }
    }
}
