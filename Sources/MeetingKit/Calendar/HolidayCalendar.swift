/// China's working-day calendar: weekends and public holidays are off, adjusted working
/// days (调休, a Saturday or Sunday the State Council makes a working day) are on.
///
/// A year without data is known as such (``hasData(for:)``) so callers can warn instead of
/// guessing; for such years only weekends are off.
public struct HolidayCalendar: Sendable, Codable {
    private var holidayNames: [Day: Localized] = [:]
    private var adjustedWorkdays: [Day: Localized] = [:]
    public private(set) var years: [Int: HolidayYear] = [:]

    public init(_ years: [HolidayYear] = []) {
        for y in years { add(y) }
    }

    /// Adds (or replaces) one year's data.
    public mutating func add(_ data: HolidayYear) {
        if let old = years[data.year] {
            for h in old.holidays { forEachDay(h) { holidayNames[$0] = nil } }
            for w in old.workdays { adjustedWorkdays[w.day] = nil }
        }
        years[data.year] = data
        for h in data.holidays { forEachDay(h) { holidayNames[$0] = Localized(zh: h.name, en: h.nameEn) } }
        for w in data.workdays { adjustedWorkdays[w.day] = Localized(zh: w.name, en: w.nameEn) }
    }

    private func forEachDay(_ h: HolidayYear.Holiday, _ body: (Day) -> Void) {
        var d = h.from
        while d <= h.to { body(d); d = d.adding(days: 1) }
    }

    public func hasData(for year: Int) -> Bool { years[year] != nil }

    /// The warning a deadline carries when it was counted through a year without holiday
    /// data (only weekends known to be off, so the day may be wrong), nil when every year
    /// from `since` to `due` is known (R46: shown wherever the deadline is, never a silent guess).
    public func estimateWarning(since: Day, due: Day) -> Localized? {
        let missing = (since.year...max(since.year, due.year)).filter { !hasData(for: $0) }
        guard !missing.isEmpty else { return nil }
        let years = missing.map(String.init).joined(separator: "、")
        return Localized(zh: "期限按周末推算（\(years) 年无假日数据）；须导入该年假日数据（huiwu holidays import）",
                         en: "due day estimated from weekends only (no holiday data for \(years)); the year's holiday data must be imported (huiwu holidays import)")
    }

    /// The holiday a day belongs to, if any.
    public func holiday(on day: Day) -> Localized? { holidayNames[day] }

    /// The adjusted working day's name when `day` is a weekend day made a working day.
    public func adjustedWorkday(on day: Day) -> Localized? { adjustedWorkdays[day] }

    public func isWorkingDay(_ day: Day) -> Bool {
        if adjustedWorkdays[day] != nil { return true }
        if holidayNames[day] != nil { return false }
        return !day.isWeekend
    }

    /// The working day `count` working days after `day` (the start day itself does not count).
    /// Used for R46 deadlines: a step started on 2026-09-30 with 5 days is due 2026-10-13.
    public func addingWorkingDays(_ count: Int, to day: Day) -> Day {
        var d = day
        var left = count
        while left > 0 {
            d = d.adding(days: 1)
            if isWorkingDay(d) { left -= 1 }
        }
        return d
    }

    /// Working days strictly after `from` up to and including `to` (0 when `to <= from`).
    public func workingDays(after from: Day, through to: Day) -> Int {
        guard to > from else { return 0 }
        var n = 0
        var d = from.adding(days: 1)
        while d <= to {
            if isWorkingDay(d) { n += 1 }
            d = d.adding(days: 1)
        }
        return n
    }

    /// The first working day on or after `day`.
    public func nextWorkingDay(onOrAfter day: Day) -> Day {
        var d = day
        while !isWorkingDay(d) { d = d.adding(days: 1) }
        return d
    }
}
