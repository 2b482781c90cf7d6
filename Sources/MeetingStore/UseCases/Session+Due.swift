import GRDB
import MeetingKit

extension Session {
    /// The agenda steps with an R46 deadline, overdue first, for everyone or for one person,
    /// with counts per person and per department.
    public func dueReport(person: String? = nil) throws -> DueReport {
        let today = clock.today
        return try read { db in
            let org = try OrgRepository.load(db)
            if let person, org.person(person) == nil {
                throw Refusal.notFound("identity.unknownPerson", "没有登录名为 “\(TextSafety.inert(person))” 的人员（huiwu people list 可查看）",
                                       "no person with login '\(TextSafety.inert(person))' (see huiwu people list)")
            }
            let steps = try Session.pendingSteps(db, org: org).filter { step in
                step.due != nil && (person == nil || step.waitingOn.contains(person!))
            }
            let lines = steps.map { s in
                DueReport.Line(itemId: s.itemId, title: s.itemTitle, step: s.kind, waitingOn: s.waitingOn, department: s.departmentCode,
                               since: s.since, due: s.due!, overdue: s.isOverdue(today: today))
            }.sorted { ($0.overdue ? 0 : 1, $0.due, $0.itemId) < ($1.overdue ? 0 : 1, $1.due, $1.itemId) }
            func tally(_ keys: (DueReport.Line) -> [String], name: (String) -> String) -> [DueReport.Tally] {
                var counts: [String: (Int, Int)] = [:]
                for line in lines {
                    for key in keys(line) {
                        let c = counts[key] ?? (0, 0)
                        counts[key] = (c.0 + 1, c.1 + (line.overdue ? 1 : 0))
                    }
                }
                return counts.map { DueReport.Tally(key: $0.key, name: name($0.key), due: $0.value.0, overdue: $0.value.1) }
                    .sorted { ($0.overdue, $0.due, $1.key) > ($1.overdue, $1.due, $0.key) }
            }
            return DueReport(today: today, person: person, lines: lines,
                             byPerson: tally({ person.map { [$0] } ?? $0.waitingOn }, name: { org.person($0)?.name ?? $0 }),
                             byDepartment: tally({ [$0.department] }, name: { org.department($0)?.name ?? $0 }))
        }
    }

    /// Agenda steps waiting on the acting person (or the leader they act for), for the home screen.
    func agendaWaitingEntries(_ db: Database, today: Day, calendar: HolidayCalendar) throws -> [WaitingEntry] {
        let org = try OrgRepository.load(db)
        let me = Set([actor.person.login, actor.principal.login])
        return try Session.pendingSteps(db, org: org, calendar: calendar)
            .filter { !me.isDisjoint(with: $0.waitingOn) }
            .sorted { a, b in
                let ka = (a.isOverdue(today: today) ? 0 : 1, a.due ?? Day(dayNumber: Int(Int32.max)), a.itemId)
                let kb = (b.isOverdue(today: today) ? 0 : 1, b.due ?? Day(dayNumber: Int(Int32.max)), b.itemId)
                return ka < kb
            }
            .map { step in
                var what = step.kind.name
                if step.kind == .opinion, let d = org.department(step.departmentCode) {
                    what = Localized(zh: "\(d.name)意见", en: "opinion of \(d.code)")
                }
                return WaitingEntry(ref: .item(step.itemId), what: what, title: "#\(step.itemId) \(step.itemTitle)" + (step.flagged ? " ⚠" : ""),
                                    due: step.due, isOverdue: step.isOverdue(today: today))
            }
    }

    static func pendingSteps(_ db: Database, org: OrgChart, calendar: HolidayCalendar? = nil) throws -> [PendingStep] {
        let calendar = try calendar ?? HolidayRepository.calendar(db)
        return try AgendaRepository.openItems(db).flatMap { AgendaDeadlines.pendingSteps(for: $0, org: org, calendar: calendar) }
    }
}
