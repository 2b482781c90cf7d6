import MeetingKit
import MeetingStore

extension Office {
    public func calendarPage(from: Day, to: Day) throws -> CalendarPage {
        try run(CalendarPageCall(from: from, to: to))
    }

    public func exportCalendar(from: Day, to: Day, person: String? = nil, lang: Lang) throws -> CalendarExport {
        try run(ExportCalendarCall(from: from, to: to, person: person, lang: lang))
    }
}

struct CalendarPageCall: UseCase {
    static let name = "calendarPage"
    var from: Day
    var to: Day
    func run(in session: Session) throws -> CalendarPage { try session.calendarPage(from: from, to: to) }
}

struct ExportCalendarCall: UseCase {
    static let name = "exportCalendar"
    var from: Day
    var to: Day
    var person: String?
    var lang: Lang
    func run(in session: Session) throws -> CalendarExport { try session.exportCalendar(from: from, to: to, person: person, lang: lang) }
}
