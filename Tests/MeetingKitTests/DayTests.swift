import Testing
@testable import MeetingKit

@Suite("Civil dates and times in Beijing")
struct DayTests {
    @Test("ISO dates parse, and impossible dates are refused")
    func parsing() {
        #expect(Day(iso: "2026-03-02") == Day(year: 2026, month: 3, day: 2))
        #expect(Day(iso: "2026-02-30") == nil)
        #expect(Day(iso: "2026-2-3") == nil)
        #expect(Day(iso: "2024-02-29") != nil)
        #expect(Day(iso: "2026-02-29") == nil)
        #expect(Day(iso: "２０２６-03-02") == nil)
        #expect(Day(iso: "") == nil)
    }

    @Test("weekdays follow the calendar")
    func weekdays() {
        #expect(Day(iso: "2026-03-02")!.weekday == .monday)
        #expect(Day(iso: "2026-02-14")!.weekday == .saturday)
        #expect(Day(iso: "1970-01-01")!.weekday == .thursday)
        #expect(Day(iso: "2026-03-08")!.startOfWeek == Day(iso: "2026-03-02"))
    }

    @Test("day numbers round-trip across centuries")
    func dayNumbers() {
        for n in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(Day(dayNumber: n).dayNumber == n)
        }
        #expect(Day(iso: "2026-12-31")!.adding(days: 1) == Day(iso: "2027-01-01"))
    }

    @Test("times parse to the minute and reject nonsense")
    func times() {
        let t = LocalDateTime(iso: "2026-12-03T14:00")
        #expect(t?.hour == 14)
        #expect(LocalDateTime(iso: "2026-12-03 14:00:00") == t)
        #expect(LocalDateTime(iso: "2026-12-03T24:00") == nil)
        #expect(LocalDateTime(iso: "2026-02-30T09:00") == nil)
        #expect(LocalDateTime(iso: "2026-12-03T9:00") == nil)
        #expect(t!.adding(minutes: 600).iso == "2026-12-04T00:00")
    }

    @Test("a fixed clock answers the same moment; the system clock is in Beijing time")
    func clock() {
        let clock = Clock.fixed(LocalDateTime(iso: "2026-03-02T09:00")!)
        #expect(clock.now.iso == "2026-03-02T09:00")
        #expect(clock.timestamp == "2026-03-02T09:00:00+08:00")
        #expect(Clock.system.timestamp.hasSuffix("+08:00"))
    }

    @Test("weekday names parse in both languages")
    func weekdayNames() {
        #expect(Weekday(text: "mon") == .monday)
        #expect(Weekday(text: "周三") == .wednesday)
        #expect(Weekday(text: "Friday") == .friday)
        #expect(Weekday(text: "funday") == nil)
    }

    @Test("stored days and times are read byte by byte, with the same answers as the general forms")
    func storedForms() {
        let days: [(String, Day?)] = [
            ("2026-03-02", Day(year: 2026, month: 3, day: 2)), ("2024-02-29", Day(year: 2024, month: 2, day: 29)),
            ("2026-02-29", nil), ("2026-13-01", nil), ("2026-00-10", nil), ("2026-1-02", nil), ("20a6-03-02", nil),
            ("2026/03/02", nil), ("", nil),
        ]
        for (text, expected) in days { #expect(Day(iso: text) == expected, "\(text)") }
        let monday = Day(year: 2026, month: 3, day: 2)!
        let times: [(String, LocalDateTime?)] = [
            ("2026-03-02T09:00", LocalDateTime(day: monday, hour: 9, minute: 0)),
            ("2026-03-02T23:59", LocalDateTime(day: monday, hour: 23, minute: 59)),
            ("2026-03-02T24:00", nil), ("2026-03-02T09:60", nil),
            ("2026-03-02 09:00", LocalDateTime(day: monday, hour: 9, minute: 0)),
            ("2026-03-02T09:00:00", LocalDateTime(day: monday, hour: 9, minute: 0)),
            ("2026-02-30T09:00", nil), ("2026-03-02T9:00", nil), ("2026-03-02X09:00", nil), ("2026-03-02T0a:00", nil),
        ]
        for (text, expected) in times { #expect(LocalDateTime(iso: text) == expected, "\(text)") }
    }
}
