import MeetingKit

extension Session {
    /// The steps with an R46 deadline (agenda items, minutes in review or awaiting signature,
    /// signed minutes to send back), overdue first, for everyone or for one person, with
    /// counts per person and per department.
    public func dueReport(person: String? = nil) throws -> DueReport {
        let today = clock.today
        return try read { db in
            let org = try OrgRepository.load(db)
            if let person, org.person(person) == nil {
                throw RefusalCatalog.unknownPerson(person)
            }
            let steps = try Session.pendingSteps(db, org: org).filter { step in
                step.due != nil && (person == nil || step.waitingOn.contains(person!))
            }
            let lines = steps.map { s in
                DueReport.Line(itemId: s.itemId, title: s.itemTitle, step: s.kind, waitingOn: s.waitingOn, department: s.departmentCode,
                               since: s.since, due: s.due!, overdue: s.isOverdue(today: today), dueWarning: s.dueWarning)
            }.sorted { ($0.overdue ? 0 : 1, $0.due, $0.itemId) < ($1.overdue ? 0 : 1, $1.due, $1.itemId) }
            let minutes = try minutesDueLines(db, org: org, today: today).filter { person == nil || $0.waitingOn.contains(person!) }
            // Each step once, as (who waits on it, its department, overdue).
            let all = lines.map { ($0.waitingOn, Optional($0.department), $0.overdue) } + minutes.map { ($0.waitingOn, $0.department, $0.overdue) }
            func tally(_ keys: ([String], String?) -> [String], name: (String) -> String) -> [DueReport.Tally] {
                var counts: [String: (Int, Int)] = [:]
                for (waiting, department, overdue) in all {
                    for key in keys(waiting, department) {
                        let c = counts[key] ?? (0, 0)
                        counts[key] = (c.0 + 1, c.1 + (overdue ? 1 : 0))
                    }
                }
                return counts.map { DueReport.Tally(key: $0.key, name: name($0.key), due: $0.value.0, overdue: $0.value.1) }
                    .sorted { ($0.overdue, $0.due, $1.key) > ($1.overdue, $1.due, $0.key) }
            }
            return DueReport(today: today, person: person, lines: lines, minutes: minutes,
                             byPerson: tally({ waiting, _ in person.map { [$0] } ?? waiting }, name: { org.person($0)?.name ?? $0 }),
                             byDepartment: tally({ _, department in department.map { [$0] } ?? [] }, name: { org.department($0)?.name ?? $0 }))
        }
    }

    /// Minutes waiting on a leader's step (R46: 5 working days), and signed minutes the office
    /// has yet to send back (1 working day), overdue first.
    func minutesDueLines(_ db: any SQLConnection, org: OrgChart, today: Day) throws -> [DueReport.MinutesLine] {
        let calendar = try HolidayRepository.calendar(db)
        var lines: [DueReport.MinutesLine] = []
        for m in try MinutesRepository.open(db, bodies: false) where m.state != .returned {
            guard let who = m.waitingOn else { continue }
            let since = (m.stepSince ?? m.createdAt).day
            let due = MinutesDeadline.stepDue(since: since, calendar: calendar)
            lines.append(DueReport.MinutesLine(minutesId: m.id!, title: m.title, step: m.state == .awaitingSignature ? .sign : .review,
                                               waitingOn: [who], department: m.leadDepartmentCode, since: since, due: due,
                                               overdue: today > due, dueWarning: calendar.estimateWarning(since: since, due: due)))
        }
        let office = org.officeStaffLogins()
        for step in try dispatchSteps(db, since: today.adding(days: -Session.dispatchWindowDays), today: today, calendar: calendar) {
            lines.append(DueReport.MinutesLine(minutesId: step.minutesId, title: step.title, step: .dispatch, waitingOn: office,
                                               department: nil, since: step.signedOn, due: step.due, overdue: step.overdue,
                                               dueWarning: step.dueWarning))
        }
        return lines.sorted { ($0.overdue ? 0 : 1, $0.due, $0.minutesId) < ($1.overdue ? 0 : 1, $1.due, $1.minutesId) }
    }

    /// Agenda steps waiting on the acting person (or the leader they act for), for the home screen.
    func agendaWaitingEntries(_ db: any SQLConnection, today: Day, calendar: HolidayCalendar) throws -> [WaitingEntry] {
        let org = try OrgRepository.load(db)
        let me = Set([actor.person.login, actor.principal.login])
        return try AgendaRepository.pendingSteps(db, mayWaitOn: AgendaWaitFilter(logins: me, org: org), org: org, calendar: calendar)
            .filter { !me.isDisjoint(with: $0.waitingOn) }
            // Overdue first, then by due day (none last), then by item; each key computed once,
            // not at every comparison: the office's list holds hundreds of steps.
            .map { step in (key: (step.isOverdue(today: today) ? 0 : 1, step.due?.dayNumber ?? Int.max, step.itemId), step: step) }
            .sorted { $0.key < $1.key }
            .map { _, step in
                var what = step.kind.name
                if step.kind == .opinion, let d = org.department(step.departmentCode) {
                    what = Localized(zh: "\(d.name)意见", en: "opinion of \(d.code)")
                }
                return WaitingEntry(ref: .item(step.itemId), what: what, title: "#\(step.itemId) \(step.itemTitle)" + (step.flagged ? " ⚠" : ""),
                                    due: step.due, isOverdue: step.isOverdue(today: today), dueWarning: step.dueWarning)
            }
    }

    /// The steps every open item waits on now.
    static func pendingSteps(_ db: any SQLConnection, org: OrgChart, calendar: HolidayCalendar? = nil) throws -> [PendingStep] {
        try AgendaRepository.pendingSteps(db, org: org, calendar: calendar ?? HolidayRepository.calendar(db))
    }
}
