import Testing
@testable import MeetingKit
import MeetingFormats

private func day(_ s: String) -> Day { Day(iso: s)! }

@Suite("Cadences on China's working-day calendar (R38–R40)")
struct CadenceTests {
    @Test("the mayor's weekly topical meetings of 2026 on Mondays skip the Spring Festival week and move within the week (R40)")
    func weeklyTopical2026() throws {
        let cal = try shippedHolidays()
        let plan = Cadence.standard(for: .topical).plan(from: day("2026-01-01"), to: day("2026-12-31"), calendar: cal)
        let byWeek = Dictionary(uniqueKeysWithValues: plan.occurrences.map { ($0.period.lowerBound, $0) })

        let springWeek = try #require(byWeek[day("2026-02-16")])
        #expect(springWeek.isSkipped)
        #expect(springWeek.day == nil)
        #expect(springWeek.reason?.en.contains("Spring Festival") == true)

        let after = try #require(byWeek[day("2026-02-23")])
        #expect(after.day == day("2026-02-24"))
        #expect(after.outcomeCode == "moved")

        let national = try #require(byWeek[day("2026-10-05")])
        #expect(national.day == day("2026-10-08"))
        #expect(national.day?.weekday == .thursday)

        // Every meeting is on a working weekday, one per week, and the year has 52 Mondays
        // of which one week is skipped entirely.
        let days = plan.occurrences.compactMap { $0.createsMeeting ? $0.day : nil }
        #expect(days.count == 51)
        #expect(days.allSatisfy { cal.isWorkingDay($0) && !$0.isWeekend })
        #expect(Set(days.map(\.startOfWeek)).count == days.count)
        #expect(plan.warnings.isEmpty)
    }

    @Test("the executive meeting every two weeks from 2026-01-05 lands on working days only (R39)")
    func biweeklyExecutive() throws {
        let cal = try shippedHolidays()
        var cadence = Cadence.standard(for: .executive)
        cadence.weekday = .monday
        let plan = cadence.plan(from: day("2026-01-05"), to: day("2026-12-31"), calendar: cal)
        let days = plan.occurrences.compactMap(\.day)
        #expect(days.first == day("2026-01-05"))
        #expect(days.allSatisfy { cal.isWorkingDay($0) && !$0.isWeekend })
        // Two-week periods from 2026-01-05: 2026-02-16 is in the Spring Festival, and the
        // meeting moves to the Tuesday after, still in its period (02-16 … 03-01).
        let spring = try #require(plan.occurrences.first { $0.nominal == day("2026-02-16") })
        #expect(spring.day == day("2026-02-24"))
        #expect(spring.period.upperBound == day("2026-03-01"))
        // One meeting per two weeks, each inside its own period (a move never leaves it).
        for o in plan.occurrences { #expect(o.day.map { o.period.contains($0) } ?? true) }
        #expect(plan.occurrences.count == 26)
    }

    @Test("a cadence never moves onto an adjusted working Saturday (2026-02-14 and 2026-10-10)")
    func neverOntoWeekend() throws {
        let cal = try shippedHolidays()
        var friday = Cadence.standard(for: .topical)
        friday.weekday = .friday
        let plan = friday.plan(from: day("2026-10-01"), to: day("2026-10-31"), calendar: cal)
        let first = try #require(plan.occurrences.first)
        // Friday 2026-10-02 is in the National Day holiday; Saturday 10-10 is worked but is in
        // the next week anyway, and Saturday 10-03/Sunday 10-04 are off: skipped.
        #expect(first.nominal == day("2026-10-02"))
        #expect(first.isSkipped)
        #expect(cal.isWorkingDay(day("2026-10-10")))
        #expect(!plan.occurrences.compactMap(\.day).contains(day("2026-10-10")))
    }

    @Test("landing on an adjusted working weekend day (调休) is a setting, off by default: a Thursday meeting of New Year's week moves to Sunday 2026-01-04 only when allowed (R40, cadence setting)")
    func adjustedWorkingDaySetting() throws {
        let cal = try shippedHolidays()
        var thursday = Cadence.standard(for: .topical)
        thursday.weekday = .thursday
        let usual = try #require(thursday.plan(from: day("2025-12-29"), to: day("2026-01-04"), calendar: cal).occurrences.first)
        #expect(usual.nominal == day("2026-01-01"))
        #expect(usual.isSkipped)
        thursday.adjustedWorkingDays = true
        let allowed = try #require(thursday.plan(from: day("2025-12-29"), to: day("2026-01-04"), calendar: cal).occurrences.first)
        #expect(allowed.day == day("2026-01-04"))
        #expect(allowed.outcomeCode == "moved")
        let (config, problems) = HuiwuConfig.parse("[cadence.topical]\nadjusted_working_days = true\n")
        #expect(problems.isEmpty)
        #expect(config.cadence(for: .topical).adjustedWorkingDays)
        #expect(!config.cadence(for: .executive).adjustedWorkingDays)
        #expect(!HuiwuConfig.parse("[cadence.topical]\nadjusted_working_days = 1\n").problems.isEmpty)
    }

    @Test("the plenary meets on the first working day after the Spring Festival holiday (R38)")
    func plenary() throws {
        let cal = try shippedHolidays()
        let plan = Cadence.standard(for: .plenary).plan(from: day("2025-01-01"), to: day("2026-12-31"), calendar: cal)
        #expect(plan.occurrences.compactMap(\.day) == [day("2025-02-05"), day("2026-02-24")])
        var fixed = Cadence.standard(for: .plenary)
        fixed.yearlyAnchor = .date(month: 10, day: 1)
        let moved = fixed.plan(from: day("2026-01-01"), to: day("2026-12-31"), calendar: cal)
        #expect(moved.occurrences.first?.day == day("2026-10-08"))
    }

    @Test("planning a range again creates nothing new: periods with a series meeting are left alone")
    func idempotent() throws {
        let cal = try shippedHolidays()
        let cadence = Cadence.standard(for: .topical)
        let first = cadence.plan(from: day("2026-03-01"), to: day("2026-03-31"), calendar: cal)
        let made = first.occurrences.filter(\.createsMeeting).compactMap(\.nominal)
        #expect(made.count == 5)
        let again = cadence.plan(from: day("2026-03-01"), to: day("2026-03-31"), calendar: cal, existing: made)
        #expect(again.occurrences.allSatisfy { $0.outcome == .alreadyPlanned })
        #expect(again == cadence.plan(from: day("2026-03-01"), to: day("2026-03-31"), calendar: cal, existing: made))
    }

    @Test("a year without holiday data plans on weekdays with a warning, and the plenary is not guessed")
    func yearWithoutData() throws {
        let cal = try shippedHolidays()
        let weekly = Cadence.standard(for: .topical).plan(from: day("2027-01-01"), to: day("2027-01-31"), calendar: cal)
        #expect(weekly.warnings.map(\.en) == ["no holiday data for 2027: weekends only"])
        #expect(weekly.occurrences.filter(\.createsMeeting).count == 4)
        let plenary = Cadence.standard(for: .plenary).plan(from: day("2027-01-01"), to: day("2027-12-31"), calendar: cal)
        #expect(plenary.occurrences.count == 1)
        #expect(plenary.occurrences[0].isSkipped)
    }

    @Test("a cadence on a weekend or with an impossible duration is refused")
    func badSettings() {
        var c = Cadence.standard(for: .topical)
        c.weekday = .saturday
        c.durationMinutes = 0
        #expect(c.problems().count == 2)
        #expect(Cadence.standard(for: .executive).problems().isEmpty)
    }
}
