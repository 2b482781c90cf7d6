import GRDB
import MeetingKit

extension Session {
    /// The report for the days `from` through `to` (see ``PeriodReport``); overdue counts as of today.
    public func periodReport(from: Day, to: Day) throws -> PeriodReport {
        guard from <= to else {
            throw Refusal.invalid("report.badRange", "开始日期 \(from.iso) 晚于结束日期 \(to.iso)", "the start \(from.iso) is after the end \(to.iso)")
        }
        let today = clock.today
        let statistics = try attendanceStatistics(from: from, to: to)
        return try grdbRead { db in
            let org = try OrgRepository.load(db)
            let calendar = try HolidayRepository.calendar(db)
            let start = LocalDateTime(day: from, minuteOfDay: 0), end = LocalDateTime(day: to.adding(days: 1), minuteOfDay: 0)
            let meetings = try MeetingRepository.meetings(db, from: start, to: end)
            // Decided and deferred at the period's meetings; withdrawn in the period.
            let decided = try Row.fetchAll(db, sql: """
                SELECT i.lead_code, i.created_at, m.start FROM agenda_item i JOIN meeting m ON m.id = i.meeting_id
                WHERE i.state = 'decided' AND m.start >= ? AND m.start < ?
                """, arguments: [start.iso, end.iso])
            let deferred = try Row.fetchAll(db, sql: """
                SELECT i.lead_code, i.created_at, m.start FROM agenda_slot s JOIN agenda_item i ON i.id = s.item_id
                JOIN meeting m ON m.id = s.meeting_id WHERE s.deferred AND m.start >= ? AND m.start < ?
                """, arguments: [start.iso, end.iso])
            let withdrawn = try Row.fetchAll(db, sql: """
                SELECT i.lead_code, i.created_at, e.at FROM agenda_event e JOIN agenda_item i ON i.id = e.item_id
                WHERE e.kind = ? AND e.at >= ? AND e.at < ?
                """, arguments: [AgendaTimelineEntry.Kind.withdrawn.rawValue, start.iso, end.iso])
            func outcomes(_ rows: [Row], _ kind: PeriodReport.ItemOutcome.Kind) -> [PeriodReport.ItemOutcome] {
                rows.compactMap { row in
                    let draftedText: String = row[1], dayText: String = row[2]
                    guard let drafted = LocalDateTime(iso: draftedText), let day = LocalDateTime(iso: dayText) else { return nil }
                    return PeriodReport.ItemOutcome(kind: kind, leadCode: row[0], drafted: drafted.day, day: day.day)
                }
            }
            let minutesSteps = try MinutesRepository.open(db).compactMap { m -> PeriodReport.MinutesStep? in
                guard m.state == .inReview || m.state == .awaitingSignature, let who = m.waitingOn else { return nil }
                let since = (m.stepSince ?? m.createdAt).day
                return PeriodReport.MinutesStep(waitingOn: who, leadDepartmentCode: m.leadDepartmentCode,
                                                due: MinutesDeadline.stepDue(since: since, calendar: calendar))
            }
            return PeriodReport(from: from, to: to, asOf: today, meetings: meetings,
                                outcomes: outcomes(decided, .decided) + outcomes(deferred, .deferred) + outcomes(withdrawn, .withdrawn),
                                pendingSteps: try Session.pendingSteps(db, org: org, calendar: calendar),
                                minutesSteps: minutesSteps,
                                // Only the overdue ones count (PeriodReport checks isOverdue again).
                                followUps: try MinutesRepository.followUps(db, overdueOn: today),
                                returnsDue: try dispatchSteps(db, since: from, today: today, calendar: calendar)
                                    .filter { $0.signedOn <= to }.map(\.due),
                                attendance: statistics, org: org)
        }
    }
}
