import MeetingKit
import MeetingStore

extension Office {
    /// Imports a year's holiday file, read by this process.
    public func importHolidays(file: String) throws -> HolidayYear {
        try run(ImportHolidaysCall(year: try DataDirectory.holidayYear(importing: file)))
    }

    public func holidayListing(year: Int) throws -> HolidayListing {
        try run(HolidayListingCall(year: year))
    }

    public func holidayCalendar() throws -> HolidayCalendar {
        try run(HolidayCalendarCall())
    }
}

struct HolidayListingCall: UseCase {
    static let name = "holidayListing"
    var year: Int
    func run(in session: Session) throws -> HolidayListing { try session.holidayListing(year: year) }
}

struct HolidayCalendarCall: UseCase {
    static let name = "holidayCalendar"
    func run(in session: Session) throws -> HolidayCalendar { try session.holidayCalendar() }
}

struct ImportHolidaysCall: UseCase {
    static let name = "importHolidays"
    var year: HolidayYear
    func run(in session: Session) throws -> HolidayYear { try session.importHolidays(year) }
}
