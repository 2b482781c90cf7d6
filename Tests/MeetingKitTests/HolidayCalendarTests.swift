import Foundation
import Testing
@testable import MeetingKit

/// Loads the shipped holiday files, so the data itself is tested too.
func shippedHolidays() throws -> HolidayCalendar {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let years = try [2025, 2026].map { year in
        try JSONDecoder().decode(HolidayYear.self, from: Data(contentsOf: root.appendingPathComponent("Data/holidays/\(year).json")))
    }
    return HolidayCalendar(years)
}

@Suite("China's working-day calendar")
struct HolidayCalendarTests {
    @Test("holidays are off, adjusted weekend days are on, 2026")
    func workingDays2026() throws {
        let cal = try shippedHolidays()
        #expect(!cal.isWorkingDay(Day(iso: "2026-01-01")!))
        #expect(cal.isWorkingDay(Day(iso: "2026-01-04")!))  // Sunday, adjusted
        #expect(cal.isWorkingDay(Day(iso: "2026-02-14")!))  // Saturday, adjusted
        #expect(!cal.isWorkingDay(Day(iso: "2026-02-16")!))
        #expect(!cal.isWorkingDay(Day(iso: "2026-02-23")!))
        #expect(cal.isWorkingDay(Day(iso: "2026-02-24")!))
        #expect(cal.isWorkingDay(Day(iso: "2026-10-10")!))
        #expect(!cal.isWorkingDay(Day(iso: "2026-10-05")!))
        #expect(cal.holiday(on: Day(iso: "2026-02-17")!)?.zh == "春节")
        for problems in cal.years.values.map({ $0.problems() }) { #expect(problems.isEmpty) }
    }

    @Test("R46: five working days from 2026-09-30 end on 2026-10-13; one ends on 2026-10-08")
    func deadlines() throws {
        let cal = try shippedHolidays()
        let start = Day(iso: "2026-09-30")!
        #expect(cal.addingWorkingDays(5, to: start) == Day(iso: "2026-10-13"))
        #expect(cal.addingWorkingDays(1, to: start) == Day(iso: "2026-10-08"))
        #expect(cal.workingDays(after: start, through: Day(iso: "2026-10-13")!) == 5)
    }

    @Test("a year without data is known as such and falls back to weekends")
    func missingYear() throws {
        let cal = try shippedHolidays()
        #expect(!cal.hasData(for: 2027))
        #expect(cal.isWorkingDay(Day(iso: "2027-01-01")!))  // a Friday; no data, so not known as a holiday
        #expect(!cal.isWorkingDay(Day(iso: "2027-01-02")!))
    }

    @Test("malformed holiday data is reported")
    func validation() {
        let bad = HolidayYear(year: 2026, source: "x",
                              holidays: [.init(name: "假", nameEn: "x", from: Day(iso: "2026-05-05")!, to: Day(iso: "2026-05-01")!)],
                              workdays: [.init(day: Day(iso: "2026-05-06")!, name: "调", nameEn: "x")])
        #expect(bad.problems().count == 2)
    }
}
