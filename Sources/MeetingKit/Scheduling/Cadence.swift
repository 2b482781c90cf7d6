/// How a series of regular meetings recurs: the plenary once a year (R38), the executive
/// meeting every two weeks (R39), the mayor's topical meeting every week (R40).
///
/// A cadence is pure: ``plan(from:to:calendar:existing:)`` turns a date range and the
/// working-day calendar into occurrences, the same ones every time, so planning a range
/// twice never duplicates a meeting.
///
/// ```swift
/// let weekly = Cadence.standard(for: .topical)          // Mondays 09:00, 90 minutes
/// let plan = weekly.plan(from: jan1, to: dec31, calendar: calendar)
/// plan.occurrences.filter(\.isSkipped)                  // the Spring Festival week
/// ```
public struct Cadence: Hashable, Sendable, Codable {
    public enum Frequency: String, Hashable, Sendable, Codable, CaseIterable {
        case yearly, biweekly, weekly

        public var name: Localized {
            switch self {
            case .yearly: return Localized(zh: "每年", en: "yearly")
            case .biweekly: return Localized(zh: "每两周", en: "every two weeks")
            case .weekly: return Localized(zh: "每周", en: "weekly")
            }
        }
    }

    /// Where a yearly meeting falls before the working-day rule moves it.
    public enum YearlyAnchor: Hashable, Sendable, Codable {
        /// The day after the Spring Festival holiday of that year (the default for the plenary).
        case afterSpringFestival
        /// A fixed month and day, e.g. (3, 2).
        case date(month: Int, day: Int)
    }

    public var kind: MeetingKind
    public var frequency: Frequency
    /// The weekday of weekly and biweekly meetings (Monday–Friday).
    public var weekday: Weekday = .monday
    public var yearlyAnchor: YearlyAnchor = .afterSpringFestival
    /// Minutes after midnight, Beijing time.
    public var minuteOfDay: Int
    public var durationMinutes: Int
    /// The series name stored with every generated meeting (`plenary`, `executive`, `topical-mayor`).
    public var series: String
    /// Whether a moved occurrence may land on an adjusted working Saturday or Sunday (调休).
    /// Off by default: the office keeps its regular meetings on Monday–Friday, because on a
    /// 调休 weekend day the street directors and invited deputies who sit in (R38, R39) are
    /// the hardest to gather; config.toml turns it on per kind (docs/rules-map.md, "Cadences").
    public var adjustedWorkingDays: Bool = false

    /// The rules' cadence for each kind, with the office's usual day and time:
    /// plenary yearly after the Spring Festival at 09:00 (R38), executive every two weeks on
    /// Thursday at 09:00 (R39), the mayor's topical meeting every Monday at 09:00 (R40).
    public static func standard(for kind: MeetingKind) -> Cadence {
        switch kind {
        case .plenary:
            return Cadence(kind: .plenary, frequency: .yearly, minuteOfDay: 9 * 60, durationMinutes: 120, series: "plenary")
        case .executive:
            return Cadence(kind: .executive, frequency: .biweekly, weekday: .thursday, minuteOfDay: 9 * 60,
                           durationMinutes: 120, series: "executive")
        case .topical:
            return Cadence(kind: .topical, frequency: .weekly, weekday: .monday, minuteOfDay: 9 * 60,
                           durationMinutes: 90, series: "topical-mayor")
        }
    }

    /// The settings themselves are wrong (a weekend weekday, an impossible time or duration).
    public func problems() -> [Localized] {
        var found: [Localized] = []
        if frequency != .yearly && weekday.rawValue > 5 {
            found.append(Localized(zh: "例会不能安排在周末（\(weekday.shortName.zh)）", en: "a regular meeting cannot fall on a weekend (\(weekday.shortName.en))"))
        }
        if !(0..<1440).contains(minuteOfDay) { found.append(Localized(zh: "开始时间无效", en: "the start time is invalid")) }
        if !MeetingDuration.allowedMinutes.contains(durationMinutes) { found.append(MeetingDuration.problem) }
        if case .date(let m, let d) = yearlyAnchor, Day(year: 2024, month: m, day: d) == nil {
            found.append(Localized(zh: "日期 \(m)月\(d)日 不存在", en: "there is no date \(m)-\(d)"))
        }
        return found
    }

    /// The periods (a week, two weeks, a year) that hold one occurrence each, covering
    /// [from, to]. Weeks start on Monday; two-week periods start on the Monday of `from`'s week.
    public func periods(from: Day, to: Day) -> [ClosedRange<Day>] {
        guard from <= to else { return [] }
        var result: [ClosedRange<Day>] = []
        switch frequency {
        case .yearly:
            for year in from.year...to.year {
                result.append(Day(year: year, month: 1, day: 1)!...Day(year: year, month: 12, day: 31)!)
            }
        case .weekly, .biweekly:
            let length = frequency == .weekly ? 7 : 14
            var start = from.startOfWeek
            while start <= to {
                result.append(start...start.adding(days: length - 1))
                start = start.adding(days: length)
            }
        }
        return result
    }

    /// The occurrences whose cadence date lies in [from, to].
    ///
    /// A cadence date that is not a working day moves to the next working day in the same
    /// period (same week, same two weeks, same year), never onto a Saturday or Sunday even
    /// when that day is an adjusted working day (unless ``adjustedWorkingDays`` allows
    /// it); with no such day left the occurrence is
    /// skipped, with the reason. A period that already holds a meeting of the series
    /// (`existing` lists their cadence dates, whatever became of them) is left alone.
    public func plan(from: Day, to: Day, calendar: HolidayCalendar, existing: [Day] = []) -> CadencePlan {
        var occurrences: [CadencePlan.Occurrence] = []
        for period in periods(from: from, to: to) {
            guard let nominal = nominalDay(in: period, calendar: calendar) else {
                // Only a yearly anchor can be unknown (no Spring Festival data, or no 02-29 that year).
                occurrences.append(.init(period: period, nominal: nil, day: nil, outcome: .skipped(unknownAnchor(year: period.lowerBound.year))))
                continue
            }
            guard from <= nominal, nominal <= to else { continue }
            if let already = existing.first(where: { period.contains($0) }) {
                occurrences.append(.init(period: period, nominal: nominal, day: already, outcome: .alreadyPlanned))
                continue
            }
            if isMeetingDay(nominal, calendar) {
                occurrences.append(.init(period: period, nominal: nominal, day: nominal, outcome: .onDate))
                continue
            }
            let reason = CadencePlan.nonWorkingReason(nominal, calendar)
            var candidate = nominal.adding(days: 1)
            while candidate <= period.upperBound, !isMeetingDay(candidate, calendar) { candidate = candidate.adding(days: 1) }
            if candidate <= period.upperBound {
                occurrences.append(.init(period: period, nominal: nominal, day: candidate, outcome: .moved(reason)))
            } else {
                occurrences.append(.init(period: period, nominal: nominal, day: nil, outcome: .skipped(Localized(
                    zh: "\(reason.zh)，本周期内没有可用的工作日",
                    en: "\(reason.en), and no working day is left in the period"))))
            }
        }
        var warnings: [Localized] = []
        for year in from.year...max(from.year, to.year) where !calendar.hasData(for: year) {
            warnings.append(CadencePlan.noDataWarning(year: year))
        }
        return CadencePlan(cadence: self, from: from, to: to, occurrences: occurrences, warnings: warnings)
    }

    /// A day this cadence may hold a meeting on: a working day, and a Monday–Friday unless
    /// ``adjustedWorkingDays`` lets it use an adjusted working weekend day (调休).
    public func isMeetingDay(_ day: Day, _ calendar: HolidayCalendar) -> Bool {
        calendar.isWorkingDay(day) && (adjustedWorkingDays || !day.isWeekend)
    }

    /// The date the cadence names in a period before the working-day rule.
    func nominalDay(in period: ClosedRange<Day>, calendar: HolidayCalendar) -> Day? {
        switch frequency {
        case .weekly, .biweekly:
            return period.lowerBound.adding(days: weekday.rawValue - 1)
        case .yearly:
            let year = period.lowerBound.year
            switch yearlyAnchor {
            case .date(let m, let d):
                return Day(year: year, month: m, day: d)
            case .afterSpringFestival:
                return calendar.springFestival(in: year).map { $0.to.adding(days: 1) }
            }
        }
    }

    private func unknownAnchor(year: Int) -> Localized {
        switch yearlyAnchor {
        case .afterSpringFestival:
            return Localized(zh: "\(year) 年没有假日数据，无法确定春节假期，请指定日期",
                             en: "no holiday data for \(year): the Spring Festival is unknown, give a date")
        case .date(let m, let d):
            return Localized(zh: "\(year) 年没有 \(m)月\(d)日", en: "\(year) has no date \(m)-\(d)")
        }
    }
}

extension HolidayCalendar {
    /// The Spring Festival holiday (春节) of a year, when the year has data.
    public func springFestival(in year: Int) -> HolidayYear.Holiday? {
        years[year]?.holidays.first { $0.name.contains("春节") || $0.nameEn.lowercased().contains("spring festival") }
    }
}
