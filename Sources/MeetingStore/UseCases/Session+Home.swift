import MeetingKit

extension Session {
    /// The home screen's data: the office, today, this week's meetings, what waits for me.
    public func homeSnapshot() throws -> HomeSnapshot {
        let now = clock.now
        return try read { db in
            let calendar = try HolidayRepository.calendar(db)
            return HomeSnapshot(officeName: try OrgRepository.officeName(db), now: now,
                                day: DayInfo(day: now.day, calendar: calendar),
                                meetings: try Session.weekMeetings(db, from: now.day),
                                waiting: try waitingEntries(db, today: now.day, calendar: calendar),
                                demo: try OrgRepository.setting(db, Session.demoSeededOn) != nil)
        }
    }

    /// Meetings of `day`'s week (from Monday, so this week's held meetings show too) and of
    /// the seven days after `day` (so on Friday next week's show), cancelled ones left out.
    static func weekMeetings(_ db: any SQLConnection, from day: Day) throws -> [MeetingLine] {
        let end = max(day.startOfWeek.adding(days: 7), day.adding(days: 8))
        return try MeetingRepository.meetings(db, from: LocalDateTime(day: day.startOfWeek, minuteOfDay: 0),
                                              to: LocalDateTime(day: end, minuteOfDay: 0), includeCancelled: false)
            .map(MeetingLine.init)
    }

    /// What waits for the acting person, most urgent first. Each capability adds its source.
    func waitingEntries(_ db: any SQLConnection, today: Day, calendar: HolidayCalendar) throws -> [WaitingEntry] {
        let all = try schedulingWaiting(db)
            + officeMeetingWaiting(db, now: clock.now)
            + agendaWaitingEntries(db, today: today, calendar: calendar)
            + leaveWaitingEntries(db, today: today)
            + minutesWaitingEntries(db, today: today, calendar: calendar)
            + onBehalfWaitingEntries(db)
            + receiptWaitingEntries(db, now: clock.now, calendar: calendar)
            + noticeWaitingEntries(db)
            + absenceWaitingEntries(db, today: today)
        // Overdue first, then by due date; entries without a deadline last, in source order.
        return all.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            if x.isOverdue != y.isOverdue { return x.isOverdue }
            switch (x.due, y.due) {
            case let (dx?, dy?) where dx != dy: return dx < dy
            case (_?, nil): return true
            case (nil, _?): return false
            default: return a.offset < b.offset
            }
        }.map(\.element)
    }
}
