import Foundation
import MeetingKit

/// One year of the working-day calendar as `huiwu holidays list` shows it.
public struct HolidayListing: Sendable, Codable {
    /// A day off or an adjusted working day.
    public struct Entry: Hashable, Sendable, Codable {
        public enum Kind: String, Sendable, Codable { case holiday, adjustedWorkingDay }
        public var day: Day
        public var kind: Kind
        public var name: Localized
    }

    public var year: Int
    /// False when the year has no data: only weekends are known to be off.
    public var hasData: Bool
    public var source: String?
    public var entries: [Entry]
}

extension Session {
    /// The holidays and adjusted working days of `year`, in date order.
    public func holidayListing(year: Int) throws -> HolidayListing {
        guard (1...9999).contains(year) else {
            throw Refusal.invalid("holidays.badYear", "年份 \(year) 无效", "the year \(year) is invalid")
        }
        let calendar = try read { try HolidayRepository.calendar($0) }
        guard let data = calendar.years[year] else {
            return HolidayListing(year: year, hasData: false, source: nil, entries: [])
        }
        var entries: [HolidayListing.Entry] = []
        for h in data.holidays {
            var d = h.from
            while d <= h.to {
                entries.append(.init(day: d, kind: .holiday, name: Localized(zh: h.name, en: h.nameEn)))
                d = d.adding(days: 1)
            }
        }
        for w in data.workdays { entries.append(.init(day: w.day, kind: .adjustedWorkingDay, name: Localized(zh: w.name, en: w.nameEn))) }
        return HolidayListing(year: year, hasData: true, source: data.source, entries: entries.sorted { $0.day < $1.day })
    }

    /// Loads a year of holiday data from a file (the State Council's notice transcribed as in
    /// docs/data.md), validated first; a year already loaded is replaced as a whole.
    @discardableResult
    public func importHolidays(file: String) throws -> HolidayYear {
        try importHolidays(try DataDirectory.holidayYear(importing: file))
    }

    /// Stores a year's holidays and adjusted working days, replacing what was stored for it.
    public func importHolidays(_ year: HolidayYear) throws -> HolidayYear {
        try write { change in
            try change.require(.manageHolidays, org: try OrgRepository.load(change.db))
            let before = try HolidayRepository.calendar(change.db).years[year.year]
            try HolidayRepository.save(change.db, year)
            try change.audit("holidays.import", entity: "holidayYear", id: String(year.year),
                             before: before.map { "\($0.holidays.count) holidays, \($0.workdays.count) adjusted working days" } ?? "",
                             after: "\(year.holidays.count) holidays, \(year.workdays.count) adjusted working days")
            return year
        }
    }

    /// The working-day calendar as stored now.
    public func holidayCalendar() throws -> HolidayCalendar { try read { try HolidayRepository.calendar($0) } }
}
