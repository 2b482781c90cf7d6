import MeetingKit
import MeetingFormats

/// The days of a week or month view with their working-day status and meetings.
public struct CalendarPage: Sendable, Codable {
    public var days: [DayInfo]
    /// Meetings starting on those days (cancelled ones too, marked), in time order.
    public var meetings: [MeetingLine]
    /// Years shown without holiday data (warned: weekends only).
    public var yearsWithoutData: [Int]

    public func meetings(on day: Day) -> [MeetingLine] { meetings.filter { $0.start.day == day } }
}

/// An exported calendar file.
public struct CalendarExport: Sendable, Codable {
    public var text: String
    public var events: Int
}

extension Session {
    /// Days [from, to] with their status and meetings.
    public func calendarPage(from: Day, to: Day) throws -> CalendarPage {
        try Session.validateRange(from: from, to: to, maxDays: 400)
        return try read { db in
            let calendar = try HolidayRepository.calendar(db)
            var days: [DayInfo] = []
            var d = from
            while d <= to { days.append(DayInfo(day: d, calendar: calendar)); d = d.adding(days: 1) }
            let meetings = try MeetingRepository.meetings(db, from: LocalDateTime(day: from, minuteOfDay: 0),
                                                          to: LocalDateTime(day: to.adding(days: 1), minuteOfDay: 0))
            return CalendarPage(days: days, meetings: meetings.map(MeetingLine.init),
                                yearsWithoutData: Array(Set(days.map(\.day.year))).sorted().filter { !calendar.hasData(for: $0) })
        }
    }

    /// The meetings starting in [from, to] (of one person, if given) as an iCalendar file
    /// (RFC 5545), cancelled ones included with STATUS:CANCELLED so calendars remove them.
    public func exportCalendar(from: Day, to: Day, person: String? = nil, lang: Lang) throws -> CalendarExport {
        try Session.validateRange(from: from, to: to, maxDays: 10 * 366)
        return try read { db in
            let org = try OrgRepository.load(db)
            var meetings = try MeetingRepository.meetings(db, from: LocalDateTime(day: from, minuteOfDay: 0),
                                                          to: LocalDateTime(day: to.adding(days: 1), minuteOfDay: 0))
            if let person {
                _ = try Session.person(person, in: org)
                let ids = try MeetingRepository.meetingIds(db, person: person)
                meetings = meetings.filter { ids.contains($0.id!) }
            }
            let office = try OrgRepository.officeName(db)
            var calendar = ICalendar(productId: "-//Huiwu//Huiwu Meeting Manager//" + (lang == .zh ? "ZH" : "EN"),
                                     name: office.text(lang) + (lang == .zh ? " 会议" : " meetings"))
            for m in meetings {
                calendar.events.append(MeetingCalendar.event(m, participants: try MeetingRepository.participants(db, meetingId: m.id!),
                                                             org: org, lang: lang))
            }
            return CalendarExport(text: calendar.text(stamp: clock.now), events: meetings.count)
        }
    }
}

extension MeetingLine {
    init(_ m: Meeting) {
        self.init(id: m.id!, kind: m.kind.rawValue, title: Localized(zh: m.numberedTitle(.zh), en: m.numberedTitle(.en)), start: m.start,
                  durationMinutes: m.durationMinutes, room: m.room, status: m.status.rawValue, subject: m.title.isEmpty ? nil : m.title)
    }
}
