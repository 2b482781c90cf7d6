import GRDB
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
                                waiting: try waitingEntries(db, today: now.day, calendar: calendar))
        }
    }

    /// Meetings from `day` to the end of its week (Sunday), cancelled ones left out.
    static func weekMeetings(_ db: Database, from day: Day) throws -> [MeetingLine] {
        let end = day.startOfWeek.adding(days: 7)
        return try MeetingRepository.meetings(db, from: LocalDateTime(day: day, minuteOfDay: 0),
                                              to: LocalDateTime(day: end, minuteOfDay: 0), includeCancelled: false)
            .map { m in
                MeetingLine(id: m.id!, kind: m.kind.rawValue, title: Localized(zh: m.numberedTitle(.zh), en: m.numberedTitle(.en)), start: m.start,
                            durationMinutes: m.durationMinutes, room: m.room, status: m.status.rawValue)
            }
    }

    /// What waits for the acting person, most urgent first. Each capability adds its source.
    func waitingEntries(_ db: Database, today: Day, calendar: HolidayCalendar) throws -> [WaitingEntry] {
        try schedulingWaiting(db) + minutesWaitingEntries(db, today: today, calendar: calendar)
    }
}
