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

    /// Meetings from `day` to the end of its week. Filled in by the scheduling capability.
    static func weekMeetings(_ db: Database, from day: Day) throws -> [MeetingLine] { [] }

    /// What waits for the acting person, most urgent first. Each capability adds its source.
    func waitingEntries(_ db: Database, today: Day, calendar: HolidayCalendar) throws -> [WaitingEntry] { [] }
}
