import MeetingKit

extension Session {
    /// The report for the days `from` through `to` (see ``PeriodReport``); overdue counts as of today.
    public func periodReport(from: Day, to: Day) throws -> PeriodReport {
        guard from <= to else {
            throw Refusal.invalid("report.badRange", "开始日期 \(from.iso) 晚于结束日期 \(to.iso)", "the start \(from.iso) is after the end \(to.iso)")
        }
        let today = clock.today
        let statistics = try attendanceStatistics(from: from, to: to)
        return try read { db in
            let org = try OrgRepository.load(db)
            let calendar = try HolidayRepository.calendar(db)
            let start = LocalDateTime(day: from, minuteOfDay: 0), end = LocalDateTime(day: to.adding(days: 1), minuteOfDay: 0)
            let meetings = try MeetingRepository.meetings(db, from: start, to: end)
            // Decided and deferred at the period's meetings; withdrawn in the period.
            let decided = try db.rows("""
                SELECT i.lead_code, i.created_at, m.start AS happened_at FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id
                WHERE i.state = 'decided' AND m.start >= ? AND m.start < ?
                """, start.iso, end.iso)
            let deferred = try db.rows("""
                SELECT i.lead_code, i.created_at, m.start AS happened_at FROM agenda_slot s JOIN agenda_item i ON i.id = s.item_id
                JOIN meeting m ON m.id = s.meeting_id WHERE s.deferred AND m.start >= ? AND m.start < ?
                """, start.iso, end.iso)
            let withdrawn = try db.rows("""
                SELECT i.lead_code, i.created_at, e.at AS happened_at FROM agenda_event e JOIN agenda_item i ON i.id = e.item_id
                WHERE e.kind = ? AND e.at >= ? AND e.at < ?
                """, AgendaTimelineEntry.Kind.withdrawn.rawValue, start.iso, end.iso)
            func outcomes(_ rows: [SQLRow], _ kind: PeriodReport.ItemOutcome.Kind) throws -> [PeriodReport.ItemOutcome] {
                try rows.compactMap { row in
                    guard let drafted = LocalDateTime.fromSQL(row["created_at"]), let day = LocalDateTime.fromSQL(row["happened_at"]) else { return nil }
                    return PeriodReport.ItemOutcome(kind: kind, leadCode: try row.get("lead_code"), drafted: drafted.day, day: day.day)
                }
            }
            let minutesSteps = try MinutesRepository.open(db).compactMap { m -> PeriodReport.MinutesStep? in
                guard m.state == .inReview || m.state == .awaitingSignature, let who = m.waitingOn else { return nil }
                let since = (m.stepSince ?? m.createdAt).day
                return PeriodReport.MinutesStep(waitingOn: who, leadDepartmentCode: m.leadDepartmentCode,
                                                due: MinutesDeadline.stepDue(since: since, calendar: calendar))
            }
            return PeriodReport(from: from, to: to, asOf: today, meetings: meetings,
                                outcomes: try outcomes(decided, .decided) + outcomes(deferred, .deferred) + outcomes(withdrawn, .withdrawn),
                                pendingSteps: try Session.pendingSteps(db, org: org, calendar: calendar),
                                minutesSteps: minutesSteps,
                                // Only the overdue ones count (PeriodReport checks isOverdue again).
                                followUps: try FollowUpRepository.followUps(db, overdueOn: today),
                                returnsDue: try dispatchSteps(db, since: from, today: today, calendar: calendar)
                                    .filter { $0.signedOn <= to }.map(\.due),
                                attendance: statistics, org: org)
        }
    }
}
